"""``policykit parse FILE... [-f json|jsonl|csv|xlsx|md] [-o OUT]``."""

from __future__ import annotations

from pathlib import Path

import click

from policykit.cli.common import EXIT_FAILED, error_line, fail

FORMATS = ("json", "jsonl", "csv", "xlsx", "md")


def _format_from_out(out: str | None) -> str | None:
    """The format an ``-o`` file name asks for: "doc.xlsx" → "xlsx"; stdout or no suffix → None."""
    if not out or out == "-":
        return None
    suffix = Path(out).suffix.lower().lstrip(".")
    if suffix and suffix not in FORMATS:
        raise click.UsageError(f"-o {out}: unknown output format .{suffix}; use "
                               f"{', '.join('.' + f for f in FORMATS)} or give -f")
    return suffix or None


@click.command()
@click.argument("files", nargs=-1, required=True)
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS),
              help="Output format; default json for one file, jsonl for several (or the -o suffix).")
@click.option("-o", "--output", "out", default="-", show_default=True,
              help="Output file ('-' for stdout). Written whole or not at all.")
@click.option("--registry", type=click.Path(exists=True, dir_okay=False),
              help="A unit registry TOML that adds to or overrides the bundled one.")
def parse(files: tuple[str, ...], fmt: str | None, out: str, registry: str | None) -> None:
    """Parse plans and notices (TXT in any common Chinese encoding, DOCX, PDF, HTML).

    Prints the policykit.document/1 JSON of each FILE.  A file that cannot be
    read is named on stderr; the others are still parsed, and the exit status is 1.
    """
    from policykit import atomic, output
    from policykit.errors import PolicykitError
    from policykit.parsing import parse as parse_file

    fmt = fmt or _format_from_out(out) or ("json" if len(files) == 1 else "jsonl")
    if fmt == "xlsx" and out == "-":
        raise click.UsageError("xlsx output needs a file: -o OUT.xlsx")
    docs = []
    failed = False
    for path in files:
        if Path(path).is_dir():
            error_line(path, "is a folder: parse takes files (policykit batch walks folders)")
            failed = True
            continue
        try:
            docs.append(parse_file(path, registry=registry))
        except PolicykitError as err:
            error_line(None, str(err))
            failed = True
        except Exception as err:  # a bug must not cost the other files their output
            error_line(path, f"internal error: {type(err).__name__}: {err}")
            failed = True
    if docs or not failed:
        atomic.write_bytes(out, output.render(docs, fmt))
    if failed:
        fail(EXIT_FAILED)
