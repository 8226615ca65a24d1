"""Choose a report writer by format (or the ``-o`` suffix): html, md, xlsx, or csv (the long table)."""

from __future__ import annotations

from pathlib import Path

from policykit.comparison.result import ASSIGNMENT_COLUMNS, Comparison
from policykit.errors import InputError, UsageError
from policykit.sheets import csv_bytes

FORMATS = ("html", "md", "xlsx", "csv")


def format_for(target: str, fmt: str | None = None) -> str:
    """``fmt`` if given, else the suffix of ``target`` ("report.html" → "html"); "-" means md."""
    if target != "-" and Path(target).is_dir():
        raise InputError(target, "is a directory; give a report file name (report.html, .md, .xlsx, .csv)")
    if fmt:
        chosen = fmt.lower()
    elif target == "-":
        chosen = "md"
    else:
        chosen = Path(target).suffix.lower().lstrip(".")
    if chosen not in FORMATS:
        raise UsageError(f"-o {target}: unknown report format {chosen or '(no suffix)'!r}; "
                         f"use a file ending in {', '.join('.' + f for f in FORMATS)}")
    return chosen


def to_csv(comparison: Comparison) -> bytes:
    """The long assignment table, UTF-8 with a BOM so that Excel reads the Chinese right."""
    rows = (a.as_row() for a in comparison.assignments)
    return csv_bytes(ASSIGNMENT_COLUMNS, ([row[c] for c in ASSIGNMENT_COLUMNS] for row in rows))


def render(comparison: Comparison, fmt: str) -> bytes:
    """The report in ``fmt`` as bytes, ready for ``policykit.atomic.write_bytes``."""
    if fmt == "html":
        from policykit.comparison.report_html import render as html

        return html(comparison)
    if fmt == "md":
        from policykit.comparison.report_md import render as md

        return md(comparison)
    if fmt == "xlsx":
        from policykit.comparison.report_xlsx import render as xlsx

        return xlsx(comparison)
    if fmt == "csv":
        return to_csv(comparison)
    raise UsageError(f"unknown report format {fmt!r}; use one of {', '.join(FORMATS)}")
