"""Cells for spreadsheets from untrusted text: never a formula, never a character XML forbids.

A task title or unit name such as ``=HYPERLINK("http://…")`` comes from a
document nobody vetted; Excel and LibreOffice would run it.  Every writer of
``.xlsx`` and ``.csv`` in policykit goes through these functions.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from typing import Any

# What a spreadsheet program reads as the start of a formula (OWASP's CSV injection list).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Characters XML 1.0 forbids; PDF extraction leaves them in text now and then.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def xlsx_value(value: Any) -> Any:
    """A value openpyxl stores as data: ``"a\\x0bb"`` → ``"ab"``."""
    if isinstance(value, str):
        return _ILLEGAL.sub("", value)
    return value


def append_row(ws: Any, values: Iterable[Any]) -> None:
    """Append a row to an openpyxl sheet; text that looks like a formula stays text."""
    ws.append([xlsx_value(v) for v in values])
    for cell in ws[ws.max_row]:
        if cell.data_type == "f":
            cell.data_type = "s"


def csv_value(value: Any) -> Any:
    """Text a spreadsheet would run gets a leading apostrophe: ``"=1+1"`` → ``"'=1+1"``."""
    if isinstance(value, str):
        value = _ILLEGAL.sub("", value)
        if value.startswith(FORMULA_START):
            return "'" + value
    return value


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    """A CSV file as UTF-8 with a BOM (so that Excel reads the Chinese right), every cell made safe."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(header)
    writer.writerows([csv_value(v) for v in row] for row in rows)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")
