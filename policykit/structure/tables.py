"""Task-list tables → rows of cells by role → one record per row or sub-row.

Three shapes reach here: ``Table`` blocks from the DOCX/PDF/HTML readers;
tab-separated lines (a PDF table extracted as text, read from the right); and
tables flattened one cell per line (a web page's table pasted as text).
Each becomes ``GridRow``s keyed by column role (``structure_tables.toml``);
``policykit.structure.rows`` turns the rows into one record per task.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from policykit.model import Table
from policykit.structure.assign import Piece
from policykit.structure.data import load
from policykit.structure.lines import Line, LineIndex
from policykit.structure.outline import match_attachment, match_heading
from policykit.structure.textnorm import norm

UNIT_ROLES = ("lead", "co", "responsible", "assignment")
GROUP_STYLES = ("cn", "chapter")


@dataclass
class GridRow:
    """One row (or one source line) of a table: role → the cell's pieces."""

    cells: dict[str, list[Piece]]
    line: int
    start: int
    end: int
    covered: set[str] = field(default_factory=set)  # roles whose cell is merged from the row above

    def text(self, role: str) -> str:
        return "".join(p.text for p in self.cells.get(role, []))


@dataclass
class Grid:
    """A table found in a document: its column roles and rows; ``lines`` it used up (indices)."""

    roles: list[str | None]
    rows: list[GridRow]
    kind: str  # block, tsv, flat
    lines: set[int] = field(default_factory=set)
    title: str | None = None
    notes: list[int] = field(default_factory=list)  # note lines right after it ("注:…"), indices
    end: int | None = None  # where a Table block ends in the text as read


def is_note(norm_line: str) -> bool:
    """``"注:列第一位的为牵头单位"`` → True: a table's note, not one of its rows."""
    text = norm_line.strip()
    return any(text.startswith(norm(mark)) for mark in load("tables")["notes"]["starts"])


def notes_after_block(grid: Grid, lines: list[Line]) -> list[int]:
    """The note lines right after a Table block (the first paragraph after it, if a note)."""
    after = [k for k, ln in enumerate(lines) if grid.end is not None and ln.start >= grid.end]
    return _notes_after(lines, after[0]) if after else []


def _notes_after(lines: list[Line], j: int) -> list[int]:
    """Indices of the note lines starting at ``j`` (up to a blank line)."""
    while j < len(lines) and lines[j].blank:
        j += 1
    if j >= len(lines) or not is_note(lines[j].norm):
        return []
    out = []
    while j < len(lines) and not lines[j].blank:
        out.append(j)
        j += 1
    return out


# ---------------------------------------------------------------------------
# header words → roles


@lru_cache(maxsize=1)
def _column_words() -> list[tuple[str, str]]:
    cols: dict[str, str] = load("tables")["columns"]
    return sorted(cols.items(), key=lambda kv: len(kv[0]), reverse=True)


def column_role(header: str, exact: bool = False) -> str | None:
    """``"一级 指标"`` → "group"; ``"牵头单位(部门)"`` → "lead"; unknown words → None.

    ``exact``: the cell must be the header word itself (for tables flattened
    into lines, where any short line could otherwise pass for a header).
    """
    text = "".join(norm(header).split())
    if not text or len(text) > 12:
        return None
    for word, role in _column_words():
        if word == text or (not exact and word in text):
            return role
    return None


def header_roles(cells: list[str]) -> list[str | None] | None:
    """Roles of a header row, or None when the cells are not a task-list header."""
    roles = [column_role(c) for c in cells]
    return roles if header_roles_ok(roles) else None


def resolve_responsible(roles: list[str | None]) -> list[str | None]:
    """责任单位 leads next to a 配合 column and co-operates next to a 牵头 column."""
    if "lead" in roles:
        return ["co" if r == "responsible" else r for r in roles]
    if "co" in roles:
        return ["lead" if r == "responsible" else r for r in roles]
    return roles


# ---------------------------------------------------------------------------
# finding tables


def grids_from_blocks(tables: list[Table], index: LineIndex) -> list[Grid]:
    """``Table`` blocks from a reader → Grids (header found by its words, merged cells resolved)."""
    out = []
    for table in tables:
        grid = grid_from_table(table, index)
        if grid:
            out.append(grid)
    return out


def grid_from_table(table: Table, index: LineIndex, kind: str = "block") -> Grid | None:
    """One Table block → a Grid, or None when no row in its first four is a task-list header."""
    head, roles = None, None
    for i, row in enumerate(table.rows[:4]):
        roles = header_roles([c.text for c in row])
        if roles:
            head = i
            roles = spanned_roles(row, roles)
            break
    if head is None or roles is None:
        return None
    roles = resolve_responsible(roles)
    header_texts = ["".join(c.text.split()) for c in table.rows[head]]
    rows = []
    for r, row in enumerate(table.rows[head + 1:], start=head + 1):
        if ["".join(c.text.split()) for c in row] == header_texts:
            continue  # header repeated after a page break
        cells: dict[str, list[Piece]] = {}
        covered: set[str] = set()
        start = end = None
        for j, role in enumerate(roles):
            if role is None or role == "ignore" or j >= len(row):
                continue
            cell = row[j]
            if cell.covered_by is not None:
                if cell.covered_by[0] != r:
                    covered.add(role)
                continue
            if not cell.text.strip():
                continue
            pos = cell.span.start if cell.span else table.span.start
            cells.setdefault(role, []).append(Piece(cell.text, pos))
            if cell.span:
                start = cell.span.start if start is None else min(start, cell.span.start)
                end = cell.span.end if end is None else max(end, cell.span.end)
        start = table.span.start if start is None else start
        end = table.span.end if end is None else end
        rows.append(_group_row(GridRow(cells, index.line_of(start), start, end, covered)))
    return Grid(roles, rows, kind, end=table.span.end)


def spanned_roles(header: list, roles: list[str | None]) -> list[str | None]:
    """A header cell spanning several columns: "重点任务" over (group, task) → group, title.

    The title goes to the last column of the span, the ones before it hold the
    group heading; any other role stays with the first column of its span.
    """
    out = list(roles)
    j = 0
    while j < len(header):
        k = j + 1
        while k < len(header) and header[k].covered_by is not None and header[k].covered_by[1] == j:
            k += 1
        if k - j > 1:
            if roles[j] == "title":
                out[j:k] = ["group"] * (k - j - 1) + ["title"]
            else:
                out[j + 1:k] = [None] * (k - j - 1)
        j = k
    return out


def _group_row(row: GridRow) -> GridRow:
    """A row whose only text is a "一、…" heading (a merged full-width cell) becomes a group row."""
    texts = {role: row.text(role) for role in row.cells}
    distinct = {t.strip() for t in texts.values() if t.strip()}
    if len(distinct) == 1 and "group" not in row.cells:
        only = next(iter(distinct))
        h = match_heading(norm(only))
        if h and h.style in GROUP_STYLES:
            first = next(iter(row.cells.values()))
            return GridRow({"group": first[:1]}, row.line, row.start, row.end)
    return row


def grids_from_text(lines: list[Line], index: LineIndex) -> list[Grid]:
    """Tables written out as text (tabs, pipes, pipe-led cells, spaces) → Grids, read like any Table."""
    from policykit.structure.textgrid import text_tables

    out = []
    for found in text_tables(lines):
        grid = grid_from_table(found.table, index, found.kind)
        if grid is None:
            continue
        grid.lines = set(found.lines)
        grid.title = found.title
        grid.end = None
        grid.notes = _notes_after(lines, found.end_line)
        out.append(grid)
    return out


def _title_above(lines: list[Line], i: int) -> str | None:
    """The nearest non-blank line above a table header (the table's title), if any."""
    for k in range(i - 1, max(-1, i - 4), -1):
        if not lines[k].blank:
            return lines[k].raw.strip()
    return None


def grids_from_flat(lines: list[Line]) -> list[Grid]:
    """Tables flattened one cell per line: a run of header-word lines, then rows.

    A row starts at a numbered line ("1.完善校园安全管理责任制"); "一、…" lines are
    group headings (repeated after page breaks); the lines up to the next row
    are its other cells.
    """
    out = []
    i = 0
    while i < len(lines):
        head = _flat_header(lines, i)
        if not head:
            i += 1
            continue
        roles, after = head
        roles = resolve_responsible(roles)
        header_words = {"".join(ln.norm.split()) for ln in lines[i:after] if not ln.blank}
        grid = Grid(roles, [], "flat", set(range(i, after)))
        grid.title = _title_above(lines, i)
        end = after
        while end < len(lines) and match_attachment(lines[end].norm) is None and not is_note(lines[end].norm):
            end += 1
        grid.notes = _notes_after(lines, end)
        body = [k for k in range(after, end)
                if not lines[k].blank and "".join(lines[k].norm.split()) not in header_words]
        grid.lines.update(range(after, end))
        grid.rows = _flat_rows(lines, body, roles, at_end=end >= len(lines))
        out.append(grid)
        i = end
    return out


def _flat_header(lines: list[Line], i: int) -> tuple[list[str | None], int] | None:
    """Header-word lines starting at ``i`` → (their roles, index after them)."""
    roles: list[str | None] = []
    k = i
    while k < len(lines):
        if lines[k].blank:
            k += 1
            continue
        role = column_role(lines[k].norm, exact=True)
        if not role:
            break
        roles.append(role)
        k += 1
    return (roles, k) if header_roles_ok(roles) else None


def header_roles_ok(roles: list[str | None]) -> bool:
    """Enough recognised columns, one of them naming units."""
    known = [r for r in roles if r]
    return len(known) >= load("tables")["header"]["min_columns"] and any(r in UNIT_ROLES for r in known)


def _flat_rows(lines: list[Line], body: list[int], roles: list[str | None], at_end: bool) -> list[GridRow]:
    """The body lines of a flattened table → GridRows (group lines, and rows of cells)."""
    first = roles[0]
    rest = list(roles[1:])
    rows: list[GridRow] = []
    cur: list[int] = []

    def close(last: bool) -> None:
        if cur:
            rows.append(_flat_row(lines, cur, first, rest, truncated_ok=last and at_end))

    for k in body:
        ln = lines[k]
        h = match_heading(ln.norm)
        starts_row = (re.match(r"^\s*\d{1,3}\s*$", ln.norm) if first == "number"
                      else h is not None and h.style in ("arabic", "arabic_paren"))
        if h is not None and h.style in GROUP_STYLES:
            close(False)
            cur = []
            rows.append(GridRow({"group": [Piece(ln.raw, ln.start)]}, ln.number, ln.start, ln.end))
            continue
        if starts_row:
            close(False)
            cur = [k]
        elif cur:
            cur.append(k)
    close(True)
    return rows


def _flat_row(lines: list[Line], idx: list[int], first: str | None, rest: list[str | None],
              truncated_ok: bool) -> GridRow:
    """One flattened row (its lines) → cells by role; extra lines join the text, the unit cells are the last."""
    head = lines[idx[0]]
    cells: dict[str, list[Piece]] = {first or "title": [Piece(head.raw, head.start)]}
    parts = [[lines[k]] for k in idx[1:]]
    # a unit cell ending in "、" continues on the next line
    merged: list[list[Line]] = []
    for p in parts:
        if merged and merged[-1][-1].norm.rstrip().endswith("、"):
            merged[-1].extend(p)
        else:
            merged.append(p)
    if first == "number" and merged and "title" in rest:
        cells["title"] = [Piece(ln.raw, ln.start) for ln in merged.pop(0)]
        rest = [r for r in rest if r != "title"]
    n_units = 0
    for r in reversed(rest):
        if r in UNIT_ROLES:
            n_units += 1
        else:
            break
    if len(merged) > len(rest) and n_units:
        # extra lines: the text cell ran over several lines; unit cells are the last ones
        head_n = len(merged) - n_units
        joined = [ln for part in merged[:head_n] for ln in part]
        merged = [joined] + merged[head_n:]
        rest = [r for r in rest if r not in UNIT_ROLES][:1] + rest[len(rest) - n_units:]
    for role, part in zip(rest, merged, strict=False):
        if role and role != "ignore":
            cells[role] = [Piece(ln.raw, ln.start) for ln in part]
    row = GridRow(cells, head.number, head.start, lines[idx[-1]].end)
    if len(merged) < len(rest):
        row.covered.add("truncated" if truncated_ok else "missing")
    return row
