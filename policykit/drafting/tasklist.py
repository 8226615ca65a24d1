"""The task list on its own: a landscape .docx (the bundled ``tasklist.docx`` template) or an .xlsx.

The .xlsx is flat for filtering: 序号, 类别 (the group heading), 重点任务, 工作措施,
牵头单位, 责任单位; cells holding something to review are filled yellow and
carry the reason as a comment.
"""

from __future__ import annotations

import io
from pathlib import Path

from policykit.drafting.adapt import Piece, full_width
from policykit.drafting.plan import Plan
from policykit.drafting.vocabulary import vocabulary
from policykit.profile import Profile
from policykit.sheets import append_row

XLSX_COLUMNS = ["序号", "类别", "重点任务", "工作措施", "牵头单位", "责任单位"]
_WIDTHS = [6, 24, 24, 60, 24, 40]


def tasklist_docx(plan: Plan, profile: Profile, *, template: Path | None = None) -> bytes:
    """The task list as a landscape Word table whose header row repeats on every page."""
    from policykit.drafting.render import TASKLIST_TEMPLATE, plan_context, render_template, to_bytes

    context = plan_context(plan, profile, vocabulary().wording["fonts"])
    return to_bytes(render_template(context, template, TASKLIST_TEMPLATE))


def _cell(pieces: list[Piece], sep: str = "") -> tuple[str, list[str]]:
    """Text of a cell and the review reasons inside it."""
    return full_width(sep.join(p.text for p in pieces)), [p.review for p in pieces if p.review]


def tasklist_rows(plan: Plan) -> list[dict[str, str]]:
    """One dict per task row, keyed by ``XLSX_COLUMNS``; group rows fill 类别 instead of standing alone."""
    rows = []
    group = ""
    for row in plan.rows:
        if row.group:
            group = full_width(row.group)
            continue
        cells = [row.number, group, _cell(row.title)[0], _cell(row.measures)[0], _cell(row.lead, "、")[0],
                 _cell(row.co, "、")[0]]
        rows.append(dict(zip(XLSX_COLUMNS, cells, strict=True)))
    return rows


def tasklist_xlsx(plan: Plan) -> bytes:
    """One row per task (sub-rows keep their own row), review cells yellow with the reason as a comment."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill

    wb = Workbook()
    ws = wb.active
    ws.title = "重点工作任务清单"
    append_row(ws, XLSX_COLUMNS)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    yellow = PatternFill("solid", fgColor="FFFF00")
    group: tuple[str, list[str]] = ("", [])
    for row in plan.rows:
        if row.group:
            group = _cell([Piece(row.group, row.group_review)])
            continue
        cells = [group, _cell(row.title), _cell(row.measures), _cell(row.lead, "、"), _cell(row.co, "、")]
        append_row(ws, [int(row.number) if row.number.isdigit() else row.number, *(text for text, _ in cells)])
        for col, (_, reasons) in enumerate(cells, start=2):
            if reasons:
                target = ws.cell(row=ws.max_row, column=col)
                target.fill = yellow
                target.comment = Comment("\n".join(dict.fromkeys(reasons)), "policykit")
    for i, width in enumerate(_WIDTHS):
        ws.column_dimensions[chr(ord("A") + i)].width = width
    for line in ws.iter_rows(min_row=2):
        for cell in line:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
