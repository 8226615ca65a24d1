"""The comparison as an ``.xlsx`` workbook: one sheet per table, the heatmap coloured as in the HTML."""

from __future__ import annotations

import io
from typing import Any

from policykit.comparison import tables
from policykit.comparison.report_html import BLUES, ORANGES, ramp
from policykit.comparison.result import Comparison, Frame
from policykit.sheets import append_row


def add_sheet(wb: Any, frame: Frame) -> Any:
    """Append ``frame`` as a sheet: bold header, frozen first row, text never read as a formula."""
    from openpyxl.styles import Font

    ws = wb.create_sheet(frame.name[:31])
    ws.append(frame.columns)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in frame.rows:
        append_row(ws, row)
    ws.freeze_panes = "A2"
    for i, column in enumerate(frame.columns, start=1):
        longest = max([len(str(column))] + [len(str(r[i - 1] or "")) for r in frame.rows[:200]])
        ws.column_dimensions[ws.cell(1, i).column_letter].width = min(60, max(8, longest * 1.6))
    return ws


def colour_heatmap(ws: Any, frame: Frame, documents: int) -> None:
    """Fill the function × document counts with the HTML report's blue (牵头) and orange (配合) ramps."""
    from openpyxl.styles import PatternFill

    for offset, colours in ((2, BLUES), (3, ORANGES)):
        columns = [offset + 2 * i for i in range(documents)]
        top = max((r[c] for r in frame.rows for c in columns), default=0)
        for n, row in enumerate(frame.rows, start=2):
            for c in columns:
                colour = "FF" + ramp(colours, row[c], top).lstrip("#").upper()
                ws.cell(n, c + 1).fill = PatternFill("solid", start_color=colour, end_color=colour)


def render(comparison: Comparison) -> bytes:
    """Every table of the report as a sheet, in report order."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for frame in tables.all_frames(comparison):
        ws = add_sheet(wb, frame)
        if frame.name == "roles_by_document":
            colour_heatmap(ws, frame, len(comparison.documents))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
