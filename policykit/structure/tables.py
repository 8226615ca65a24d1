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
from policykit.structure.textgrid import looks_date, looks_unit, title_above
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


def column_role(header: str, exact: bool = False, slack: int | None = None) -> str | None:
    """``"一级 指标"`` → "group"; ``"牵头单位(部门)"`` → "lead"; unknown words → None.

    ``exact``: the cell must be the header word itself; ``slack``: at most this
    many characters besides the header word ("主要责任单位" for 责任单位, but not
    "重点工作任务清单", a table's title, for 重点工作).
    """
    from policykit.units.registry import simplified

    text = simplified("".join(norm(header).split()))  # 責任單位 is 责任单位
    if not text or len(text) > 12:
        return None
    for word, role in _column_words():
        if word == text or (not exact and word in text and (slack is None or len(text) - len(word) <= slack)):
            return role
    if not exact and text.endswith(("单位", "部门")):  # "责任主体与协同单位": a unit column however long
        for word, role in _column_words():
            if word in text and role in UNIT_ROLES:
                return role
    return None


def header_roles(cells: list[str]) -> list[str | None] | None:
    """Roles of a header row, or None when the cells are not a task-list header."""
    roles = [column_role(c) for c in cells]
    return roles if header_roles_ok(roles) else allocation_roles(cells)


def allocation_roles(cells: list[str]) -> list[str | None] | None:
    """A table that shares targets out, one unit or place a row ("单位 | 封山育林 | 备注",
    "序号 | 区(县) | 下达任务面积(亩) | …"): the first column names who is charged, the others
    hold what each is charged with.  The row's unit leads its row (one unit, no lead word)."""
    conf = load("tables")["allocation"]
    words = ["".join(norm(c).split()) for c in cells]
    at = 1 if words and column_role(words[0], exact=True) == "number" else 0
    if len(words) < at + 2 or words[at] not in conf["unit_headers"]:
        return None
    rest = [w for w in words[at + 1:] if w]
    if not rest or any(len(w) > conf["max_header"] or column_role(w) in UNIT_ROLES for w in rest):
        return None
    if any(p in w for w in rest for p in conf["not_targets"]):
        return None  # 单位 | 姓名 | 职务 | 联系电话: a contact list, nobody charged with anything
    # what each is charged with is the row's text ("2.5", "3000 | 150 | 400"), the header says of what
    return (["number"] if at else []) + ["lead"] + ["text" if w else None for w in words[at + 1:]]


def resolve_responsible(roles: list[str | None]) -> list[str | None]:
    """责任单位 leads next to a 配合 column and co-operates next to a 牵头 column; of two task
    columns (重点工作 / 具体任务) with no measures column, the second holds the task's text."""
    if roles.count("title") > 1 and "text" not in roles:
        second = [i for i, r in enumerate(roles) if r == "title"][1]
        roles = roles[:second] + ["text"] + roles[second + 1:]
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


@dataclass
class _FlatCell:
    """One cell of a table flattened into lines: its pieces (a cell may run over lines)."""

    pieces: list[Piece]
    lines: list[int]

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)

    @property
    def norm(self) -> str:
        return norm(self.text)


def _cell_stream(lines: list[Line]) -> list[_FlatCell]:
    """Lines → cells: one line a cell, or, where cells end with " |", lines up to that pipe."""
    out: list[_FlatCell] = []
    open_cell: _FlatCell | None = None
    piped = 0  # how many of the last cells were closed by a pipe
    for k, ln in enumerate(lines):
        if ln.blank:
            continue
        text = ln.norm.strip()
        if text and set(text) == {"|"}:  # pipes on their own line between cells: the text up to the next one is a cell
            open_cell = None
            piped = 3
            continue
        closed = text.endswith("|") and text.count("|") == 1
        body = ln.raw[:len(text) - 1] if closed else ln.raw
        lead = len(body) - len(body.lstrip())
        piece = Piece(body.strip(), ln.start + lead)
        if open_cell is not None:
            if piece.text:
                open_cell.pieces.append(piece)
            open_cell.lines.append(k)
            if closed:
                open_cell = None
            continue
        cell = _FlatCell([piece] if piece.text else [], [k])
        out.append(cell)
        if closed:
            piped = min(piped + 1, 3)
        elif piped >= 2 and "|" not in text:
            open_cell = cell  # a cell wrapped over lines, up to its pipe
        else:
            piped = 0
    return out


def grids_from_flat(lines: list[Line]) -> list[Grid]:
    """Tables flattened one cell per line (or one cell per "… |" run): header cells, then rows.

    A row starts at a number cell ("1" / "1.完善校园安全管理责任制"); "一、…" cells
    are group headings (repeated after page breaks); the cells up to the next
    row are its other cells.
    """
    cells = _cell_stream(lines)
    out = []
    i = 0
    while i < len(cells):
        head = _flat_header(cells, i)
        if not head:
            i += 1
            continue
        roles, after = head
        roles = resolve_responsible(roles)
        header_words = {"".join(c.norm.split()) for c in cells[i:after]}
        first_line = cells[i].lines[0]
        grid = Grid(roles, [], "flat", {k for c in cells[i:after] for k in c.lines})
        grid.title = title_above(lines, first_line)
        end = after
        while end < len(cells) and match_attachment(cells[end].norm) is None and not is_note(cells[end].norm):
            end += 1
        last_line = cells[end].lines[0] if end < len(cells) else len(lines)
        grid.notes = _notes_after(lines, last_line)
        body = [c for c in cells[after:end] if "".join(c.norm.split()) not in header_words]
        grid.lines.update(range(first_line, last_line))
        grid.rows = _flat_rows(body, roles, at_end=end >= len(cells), lines=lines)
        out.append(grid)
        i = end
    return out


def _flat_header(cells: list[_FlatCell], i: int) -> tuple[list[str | None], int] | None:
    """Header cells starting at ``i`` → (their roles, index after them).

    A short cell with no header word between known ones ("民生实事") is a column
    too: the task's title when no column names one, else a column not read.
    """
    if i >= len(cells) or not _flat_role(cells[i].norm):
        return None
    roles: list[str | None] = []
    k = i
    while k < len(cells):
        text = cells[k].norm
        role = _flat_role(text)
        if not role and roles and re.fullmatch(r"\s*\([^()]{1,6}\)\s*", text):
            k += 1  # "(单位)": the header cell above, wrapped
            continue
        # a header cell with no header word ("民生实事", "目前完成情况、存在问题及下一步工作措施"):
        # short, not a unit, and a known header cell right after it
        year = _YEAR_HEADER.fullmatch("".join(text.split()))
        if not role and not ((_short(text, 6) or _wordy_header(text) or year) and not looks_unit(text)
                             and any(_flat_role(c.norm) for c in cells[k + 1:k + (5 if year else 3)])):
            break
        roles.append(role)
        k += 1
    if not header_roles_ok(roles):
        return None
    if None in roles:
        spare = "title" if not {"title", "text"} & set(roles) else None
        roles = [r or spare for r in roles]
    return roles, k


_YEAR_HEADER = re.compile(r"\d{4}年[^\d,;。]{0,6}")  # "2025年", "2027年目标": a column of figures


def _flat_role(text: str) -> str | None:
    """A flattened cell's column role: the header word itself, or a short cell around it; a cell
    about progress or notes ("1-10月推进情况") is a column not read, however it is dated."""
    role = column_role(text, exact=not _short(text), slack=3)
    flat = "".join(text.split())
    if role is None and 0 < len(flat) <= 12 and not re.search(r"[。,;:!?、]", flat) and column_role(text) == "ignore":
        return "ignore"
    return role


def _wordy_header(text: str) -> bool:
    """A long header cell: a phrase of up to 24 characters, no sentence in it."""
    t = "".join(text.split())
    return 0 < len(t) <= 24 and not re.search(r"[。;:!?]", t) and not re.match(r"^\d", t)


def _short(text: str, limit: int = 10) -> bool:
    """A cell that can be a column header: short, and no sentence punctuation."""
    t = "".join(text.split())
    return 0 < len(t) <= limit and not re.search(r"[。,;:!?、]", t) and not re.match(r"^\d", t)


def header_roles_ok(roles: list[str | None]) -> bool:
    """Enough recognised columns, one of them naming units."""
    known = [r for r in roles if r]
    return len(known) >= load("tables")["header"]["min_columns"] and any(r in UNIT_ROLES for r in known)


def _flat_rows(body: list[_FlatCell], roles: list[str | None], at_end: bool, lines: list[Line]) -> list[GridRow]:
    """The body cells of a flattened table → GridRows (group cells, and rows of cells)."""
    first = roles[0]
    rest = list(roles[1:])
    rows: list[GridRow] = []
    cur: list[_FlatCell] = []

    def close(last: bool) -> None:
        if cur:
            rows.append(_flat_row(cur, first, rest, truncated_ok=last and at_end, lines=lines))

    # no number column but a deadline column last: a row ends at its deadline cell
    by_deadline = first != "number" and roles[-1] == "deadline"
    # no number column and unit columns last ("领域 | 主要目标 | 主要责任单位 | 责任单位", one cell a
    # line): a row ends where its unit cells do, the next words being no unit
    by_units = first != "number" and not by_deadline and roles[-1] in UNIT_ROLES
    from policykit.structure.textgrid import looks_unit

    for cell in body:
        h = match_heading(cell.norm)
        if by_units and not (h is not None and h.style in GROUP_STYLES):
            if h is not None and cur and not looks_unit(cur[-1].text):
                close(False)  # "2.降低儿童死亡率": a new field while the last row waits for its units
                cur = []
            elif cur and looks_unit(cur[-1].text) and not looks_unit(cell.text):
                close(False)
                cur = []
            cur.append(cell)
            continue
        starts_row = (re.match(r"^\s*\d{1,3}\s*$", cell.norm) if first == "number"
                      else h is not None and h.style in ("arabic", "arabic_paren"))
        if by_deadline and not (h is not None and h.style in GROUP_STYLES):
            cur.append(cell)
            if looks_date(cell.text):
                close(False)
                cur = []
            continue
        if h is not None and h.style in GROUP_STYLES:
            close(False)
            cur = []
            ln = lines[cell.lines[0]]
            rows.append(GridRow({"group": cell.pieces[:1] or [Piece(ln.raw, ln.start)]}, ln.number,
                                ln.start, ln.end))
            continue
        if starts_row:
            close(False)
            cur = [cell]
        elif cur:
            cur.append(cell)
    close(True)
    return rows


def _misplaced(parts: list[list[Piece]], roles: list[str | None]) -> bool:
    """Cells taken in order would put words that are no unit names into a unit column: a cell is
    missing in the middle of the row, not at its cut-off end."""
    from policykit.structure.textgrid import looks_unit

    return any(role in UNIT_ROLES and not looks_unit("".join(p.text for p in part))
               for role, part in zip(roles, parts, strict=False))


def _flat_row(cells: list[_FlatCell], first: str | None, rest: list[str | None], truncated_ok: bool,
              lines: list[Line]) -> GridRow:
    """One flattened row (its cells) → cells by role.

    As many cells as columns: one each, in order.  More (a cell written over
    several lines): each column takes the run of cells that reads most like it
    (a number, unit names, a date, running text).
    """
    head = cells[0]
    out: dict[str, list[Piece]] = {first or "title": list(head.pieces)}
    parts = [list(c.pieces) for c in cells[1:]]
    # a unit cell ending in "、" continues on the next line
    merged: list[list[Piece]] = []
    for p in parts:
        if merged and merged[-1] and norm(merged[-1][-1].text).rstrip().endswith("、"):
            merged[-1].extend(p)
        else:
            merged.append(p)
    if first == "number" and merged and rest and rest[0] == "title" and len(merged) >= len(rest):
        out["title"] = merged.pop(0)
        rest = [r for r in rest if r != "title"]
    short = len(merged) < len(rest)
    empty: set[str] = set()
    if len(merged) != len(rest) and merged and (not (short and truncated_ok) or _misplaced(merged, rest)):
        from policykit.structure.textgrid import share_cells

        runs = share_cells(["".join(p.text for p in part) for part in merged], rest)
        merged = [[p for part in merged[a:b] for p in part] for a, b in runs]
        empty = {r for r, part in zip(rest, merged, strict=False) if r and not part}
    roles_parts = list(zip(rest, merged, strict=False))
    lead_at = next((k for k, (r, _) in enumerate(roles_parts) if r == "lead"), None)
    if first != "number" and lead_at is not None and lead_at + 1 < len(roles_parts) \
            and roles_parts[lead_at + 1][0] in ("co", "responsible") and len(roles_parts[lead_at][1]) > 1 and not roles_parts[lead_at + 1][1]:
        # units one a line under 主要责任单位 | 责任单位: the first leads, the others are the next column's
        lead_part = roles_parts[lead_at][1]
        roles_parts[lead_at] = ("lead", lead_part[:1])
        roles_parts[lead_at + 1] = (roles_parts[lead_at + 1][0], lead_part[1:])
    elif first != "number" and lead_at is not None and lead_at + 1 < len(roles_parts) \
            and roles_parts[lead_at + 1][0] in ("co", "responsible") and not roles_parts[lead_at][1] and len(roles_parts[lead_at + 1][1]) >= 1 and "lead" not in out:
        co_part = roles_parts[lead_at + 1][1]  # a row's one unit line: the 主要责任单位 column's
        roles_parts[lead_at] = ("lead", co_part[:1])
        roles_parts[lead_at + 1] = (roles_parts[lead_at + 1][0], co_part[1:])
    for role, part in roles_parts:
        if role and role != "ignore" and part:
            out.setdefault(role, []).extend(part)
    end_line = lines[cells[-1].lines[-1]]
    start_line = lines[head.lines[0]]
    row = GridRow(out, start_line.number, start_line.start, end_line.end)
    if short and "lead" in empty:
        row.covered.add("lead")  # a lead cell merged over several rows: the row above's
    elif short:
        row.covered.add("truncated" if truncated_ok else "missing")
    return row
