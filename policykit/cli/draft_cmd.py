"""``policykit draft SOURCE --profile COUNTY.toml [-o PLAN.docx] [--tasklist TASKS.xlsx|.docx] [--template T.docx]``."""

from __future__ import annotations

import click

from policykit.cli.common import EXIT_FAILED, error_line, fail

TASKLIST_FORMATS = (".xlsx", ".docx")


@click.command()
@click.argument("source", type=click.Path(dir_okay=False))
@click.option("--profile", "profile_path", required=True, type=click.Path(dir_okay=False),
              help="The new county's profile (TOML: name, level, province, … [units] [numbers]).")
@click.option("-o", "--output", "out", default="-", show_default=True,
              help="The draft, PLAN.docx ('-' for stdout when it is a pipe or a file). "
                   "Written whole or not at all.")
@click.option("--tasklist", help="Also write the task list alone: TASKS.xlsx or TASKS.docx (landscape).")
@click.option("--template", type=click.Path(dir_okay=False),
              help="A Word template to fill instead of the bundled GB/T 9704 one (rendered sandboxed).")
def draft(source: str, profile_path: str, out: str, tasklist: str | None, template: str | None) -> None:
    """Draft a new county's plan and task list (Word, GB/T 9704-2012) from a source plan.

    SOURCE is a plan to parse (TXT, DOCX, PDF, HTML) or a `policykit parse` JSON.
    What the drafter must still check (an upstream reference from another
    province, a number or unit the profile does not settle) is highlighted in
    the document and listed on stderr as "policykit: review: …" lines (exit 0).
    """
    from policykit import atomic
    from policykit.drafting import draft as draft_plan
    from policykit.errors import PolicykitError
    from policykit.profile import load_profile

    check_outputs(out, tasklist)
    try:
        profile = load_profile(profile_path)
        doc = load_source(source)
        result = draft_plan(doc, profile, template=template)
        outputs = [(out, result.docx())]
        if tasklist:
            data = result.tasklist_xlsx() if tasklist.lower().endswith(".xlsx") else result.tasklist_docx()
            outputs.append((tasklist, data))
    except PolicykitError as err:
        error_line(None, str(err))
        fail(EXIT_FAILED)
        return
    # Everything is built before anything is written: a failure leaves no output behind.
    for target, data in outputs:
        atomic.write_bytes(target, data)
    for line in result.review:
        click.echo(f"policykit: review: {' '.join(line.split())}", err=True)


def check_outputs(out: str, tasklist: str | None) -> None:
    """Refuse, before any work, outputs that cannot hold what would be written (a usage error, exit 2)."""
    if out == "-":
        if stdout_is_terminal():
            raise click.UsageError("the draft is a Word file: pass -o PLAN.docx (or redirect stdout)")
    elif not out.lower().endswith(".docx"):
        raise click.UsageError(f"-o {out}: the draft is a Word file: the name must end in .docx")
    if tasklist and not tasklist.lower().endswith(TASKLIST_FORMATS):
        raise click.UsageError(f"--tasklist {tasklist}: the name must end in .xlsx or .docx")


def stdout_is_terminal() -> bool:
    """Whether stdout is a terminal, where .docx bytes would only garble the screen."""
    return click.get_binary_stream("stdout").isatty()


def load_source(path: str):
    """A source plan: a ``policykit parse`` JSON (its text re-read when the file is still there) or a file to parse."""
    import json

    from policykit.errors import InputError
    from policykit.model import Document
    from policykit.parsing import parse

    if not path.lower().endswith(".json"):
        return parse(path)
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
        if isinstance(data, list):
            # `compare` takes a list of documents; one is as good as a document here.
            if len(data) != 1:
                raise InputError(path, f"holds {len(data)} documents; draft takes one")
            data = data[0]
        if not isinstance(data, dict):
            raise InputError(path, "not a policykit parse JSON: expected an object")
        doc = Document.from_dict(data)
    except OSError as err:
        raise InputError(path, err.strerror or str(err)) from None
    except (ValueError, KeyError, TypeError) as err:
        raise InputError(path, f"not a policykit parse JSON: {err}") from None
    try:
        from policykit.readers import read

        doc.text = read(doc.source.path).text
    except Exception:  # the prose around the tasks is optional; the tasks are in the JSON
        doc.text = None
    return doc
