"""``policykit units``: normalise unit names (SPEC: units); a thin wrapper over ``policykit.units``."""

from __future__ import annotations

import json
import unicodedata
from typing import Any

import click

from policykit.cli.common import EXIT_FAILED, EXIT_USAGE, error_line, fail

COLUMNS = ("raw", "name", "canonical", "level", "region", "kind", "known", "confidence")


def _width(text: str) -> int:
    """Display width: a Chinese character takes two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return " ".join(str(value).split())


def format_table(rows: list[dict[str, Any]]) -> str:
    """UNIT dicts → aligned columns, one line per unit (Chinese counted double width)."""
    cells = [list(COLUMNS)] + [[_cell(r.get(c)) for c in COLUMNS] for r in rows]
    widths = [max(_width(row[i]) for row in cells) for i in range(len(COLUMNS))]
    lines = []
    for row in cells:
        padded = [v + " " * (w - _width(v)) for v, w in zip(row, widths, strict=True)]
        lines.append("  ".join(padded).rstrip())
    return "\n".join(lines)


def _doc_units(path: str) -> list[Any]:
    """Every unit of every task of FILE: a plan, or a ``policykit parse`` JSON/JSONL."""
    from policykit.documents import load

    return [u for doc in load(path) for task in doc.tasks for u in (*task.lead, *task.co)]


@click.command()
@click.argument("names", nargs=-1)
@click.option("--split", "split_text", metavar="TEXT",
              help='Cut a raw list ("公安局、司法局市应急管理局") into units first.')
@click.option("--doc", "doc_path", metavar="FILE", type=click.Path(dir_okay=False),
              help="List every unit of the tasks of FILE: a plan, or policykit parse JSON/JSONL.")
@click.option("-f", "--format", "fmt", type=click.Choice(["json", "table"]), default="json",
              show_default=True, help="json: a list of UNIT objects; table: aligned columns.")
@click.option("--registry", "registry_path", metavar="FILE", type=click.Path(dir_okay=False),
              help="A TOML file adding or overriding registry entries (format: docs/units.md).")
@click.option("--level", "level", metavar="LEVEL",
              help="The level of names written without one (the document's: 市, 县, 区 …).")
@click.option("--region", "region", metavar="REGION", help="The document's region (青浦, 蒙自市 …).")
def units(names: tuple[str, ...], split_text: str | None, doc_path: str | None, fmt: str,
          registry_path: str | None, level: str | None, region: str | None) -> None:
    """Normalise unit names to one function each (canonical), with level, region and kind.

    Each NAME is one unit; --split cuts a raw list into units first; --doc lists
    every unit of a parsed document.  Output is in input order.

    \b
    Examples:
      policykit units 区卫生健康委 团市委 公安青浦分局
      policykit units --split "公安局、市住房和城乡建设局市应急管理局" -f table
    """
    from policykit.errors import PolicykitError
    from policykit.units import load_registry, normalise, parse_unit_list

    if not names and split_text is None and doc_path is None:
        error_line(None, "units: give NAME..., --split TEXT or --doc FILE (see policykit units --help)")
        fail(EXIT_USAGE)
    try:
        registry = load_registry(registry_path)
    except PolicykitError as err:
        error_line(None, str(err))
        fail(EXIT_FAILED)
    found = [normalise(n, level_hint=level, region_hint=region, registry=registry) for n in names]
    if split_text is not None:
        found += parse_unit_list(split_text, doc_level=level, doc_region=region, registry=registry)
    if doc_path is not None:
        try:
            found += _doc_units(doc_path)
        except PolicykitError as err:
            error_line(None, str(err))
            fail(EXIT_FAILED)
        except OSError as err:
            error_line(doc_path, err.strerror or str(err))
            fail(EXIT_FAILED)
    rows = [u.to_dict() for u in found]
    if fmt == "table":
        click.echo(format_table(rows))
    else:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
