"""Table rows → records: numbered rows, sub-rows, continuation lines, wrapped titles and groups."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from policykit.structure.assign import Piece
from policykit.structure.outline import match_heading
from policykit.structure.tables import GROUP_STYLES, UNIT_ROLES, Grid, GridRow
from policykit.structure.textnorm import norm
from policykit.text import squeeze_spaces


@dataclass
class Record:
    """A task-to-be: one numbered row, or one of its sub-rows (they share ``title``)."""

    number: str | None
    title: list[Piece]
    group: str | None
    line: int
    start: int
    end: int
    cells: dict[str, list[Piece]] = field(default_factory=dict)
    checked: list[tuple[str, str]] = field(default_factory=list)  # (what, text) for the garble test
    flags: list[str] = field(default_factory=list)
    inherited: list[Piece] | None = None  # the row's lead, when this sub-row's lead cell is empty
    merged: bool = False  # … because the source merges the cell (no need to flag it)

    def add(self, role: str, pieces: list[Piece]) -> None:
        if pieces:
            self.cells.setdefault(role, []).extend(pieces)

    def text(self, role: str) -> str:
        return "".join(p.text for p in self.cells.get(role, []))


_START_NUMBER = re.compile(r"^\s*(\d{1,3})\s*(?:[.、]|\s)\s*")


def find_number(cell: str, expected: int) -> tuple[int, int, int] | None:
    """Where a row number is in a title cell: (number, start, end), or None.

    A number opening the cell with "." / "、" always counts; elsewhere only the
    expected next number does (the garbled cell "制 20 学事认任处…" holds 20).
    """
    normed = norm(cell)
    m = _START_NUMBER.match(normed)
    if m and (normed[m.end(1):m.end()].strip() or int(m.group(1)) == expected):
        return int(m.group(1)), m.start(1), m.end()
    for m in re.finditer(r"(?<!\d)(\d{1,3})(?!\d)", normed):
        if int(m.group(1)) == expected:
            end = m.end()
            while end < len(normed) and normed[end] in " .、":
                end += 1
            return expected, m.start(1), end
    return None


def records(grid: Grid) -> list[Record]:
    """Rows → one Record per numbered row or sub-row.

    A row opens where its number/title cell holds the next row number; a later
    line with units of its own is a sub-row (same number and title; an empty
    lead cell takes the row's lead); a line without units continues the cells
    above, as does any line after a unit cell ending in "、".  Group cells
    ("一、…", wrapped over lines) give the records' ``group``.
    """
    numbered = any(_row_opens(row) for row in grid.rows)
    titled = "title" in grid.roles or "number" in grid.roles
    out: list[Record] = []
    group: list[Piece] = []
    group_title: str | None = None
    expected = 1
    cur: Record | None = None
    row_lead: list[Piece] = []
    for row in grid.rows:
        if "group" in row.cells:
            gtext = row.text("group")
            h = match_heading(norm(gtext.strip()))
            if h and h.style in GROUP_STYLES or not group:
                group = list(row.cells["group"])
            else:
                group = group + row.cells["group"]
            group_title = _group_title(group)
            if cur is not None and cur.group is not None and not (h and h.style in GROUP_STYLES):
                for r in out:  # the heading wrapped: rows already under it share the longer title
                    if r.group == cur.group:
                        r.group = group_title
            if len(row.cells) == 1:
                continue
        title_key = "number" if "number" in row.cells else "title"
        title_cell = row.cells.get(title_key, [])
        title_text = "".join(p.text for p in title_cell)
        hit = find_number(title_text, expected) if numbered and title_cell else None
        bare = re.fullmatch(r"\s*(\d{1,3})\s*[.、]?\s*", norm(title_text)) if title_key == "number" else None
        if hit is None and bare:  # a 序号 cell of its own: any number opens a row (gaps and all)
            hit = (int(bare.group(1)), 0, len(title_text))
        has_units = any(row.cells.get(r) for r in UNIT_ROLES) or bool(row.covered & {"lead"})
        opens = hit is not None or (not numbered and bool(row.cells.get("title")) and "title" not in row.covered)
        if not titled:  # a table of units and their duties: every row with text is a task
            opens = any(row.cells.get(r) for r in ("text", *UNIT_ROLES))
        if opens:
            number = str(hit[0]) if hit else None
            if hit:
                expected = hit[0] + 1
                before = _cut(title_cell, 0, hit[1])
                if cur is not None and before:
                    cur.title.extend(before)
                title = _cut(title_cell, hit[2], len(title_text)) if title_key == "title" else \
                    list(row.cells.get("title", []))
            else:
                title = list(title_cell)
            if not title and "title" in row.covered and cur is not None:
                title = list(cur.title)  # one title cell merged over several numbered rows
            prev = cur
            cur = Record(number, title, group_title, row.line, row.start, row.end)
            _fill(cur, row)
            if prev is not None and "lead" in row.covered and not cur.cells.get("lead"):
                cur.inherited = row_lead  # the lead cell is merged over this row too
                cur.merged = True
            else:
                row_lead = list(row.cells.get("lead", []))
            out.append(cur)
            if row.covered & {"truncated", "missing"}:
                cur.flags.append("truncated")
            continue
        if cur is None:
            continue  # text before the first row
        title_more = list(row.cells.get("title", [])) if title_key == "title" else []
        if _continues_units(cur):
            cur.title.extend(title_more)
            _fill(cur, row)
        elif has_units:
            sub = Record(cur.number, cur.title, group_title, row.line, row.start, row.end)
            cur.title.extend(title_more)
            _fill(sub, row)
            if not sub.cells.get("lead"):
                sub.inherited = row_lead
                sub.merged = "lead" in row.covered
            cur = sub
            out.append(cur)
        else:
            cur.title.extend(title_more)
            _fill(cur, row)
        cur.end = max(cur.end, row.end)
    return out


def _row_opens(row: GridRow) -> bool:
    """The row's number or title cell opens with a row number ("1." / "6、" / a bare "12")."""
    cell = norm(row.text("number") or row.text("title"))
    return bool(re.match(r"^\s*\d{1,3}\s*(?:[.、]|$)", cell))


def _cut(cell: list[Piece], start: int, end: int) -> list[Piece]:
    """Characters [start, end) of a cell made of pieces, as pieces."""
    out, pos = [], 0
    for p in cell:
        s, e = max(start, pos), min(end, pos + len(p.text))
        if s < e and p.text[s - pos:e - pos].strip():
            out.append(Piece(p.text[s - pos:e - pos], p.start + s - pos))
        pos += len(p.text)
    return out


def _fill(rec: Record, row: GridRow) -> None:
    """Add a row's cells to a record (title and group cells are kept apart, but garble-checked)."""
    for role, pieces in row.cells.items():
        if role in ("group", "number", "title"):
            continue
        rec.add(role, pieces)
    for role in ("title", "text", "group"):
        for p in row.cells.get(role, []):
            rec.checked.append((role, p.text))


def _continues_units(rec: Record) -> bool:
    """The record's last unit cell ends with "、": the next line carries on the list."""
    for role in ("co", "lead", "responsible"):
        pieces = rec.cells.get(role)
        if pieces and norm(pieces[-1].text).rstrip().endswith("、"):
            return True
    return False


def _group_title(group: list[Piece]) -> str:
    text = squeeze_spaces("".join(p.text for p in group))
    h = match_heading(norm(text))
    return text[h.title_start:].strip() if h else text.strip()
