"""Tables written out as text → ``Table`` blocks, whatever the shape.

A task table reaches us as text in several shapes; each finder here recovers
its rows and cells (with offsets into the text as read) and nothing more.  What
the columns mean is read afterwards, the same way for every shape and for the
tables that DOCX/HTML/PDF readers hand over (``tables.grid_from_table``).

Shapes:

- **delimited**: one row per line, cells cut at tabs or at ``|`` (pipe and
  Markdown tables; a ``|---|`` rule line is skipped).  A tab row shorter than
  the header lost its leading cells (PDF extraction drops empty ones), so it is
  padded on the left.
- **pipe-led**: one cell per line, each cell after the first opened by ``|``
  and a lone ``|`` closing the row (a web table copied out of some browsers).
  Lines without ``|`` continue the cell above; a short row lost its leading
  cells to a merge and takes them from the row above.
- **spaced**: cells joined by single spaces, while line-wrap spaces also sit
  inside cells ("区卫生健康 委").  The words of a row are shared out over the
  header's columns by what each column holds: a number, unit names, a date,
  running text.
- **one cell per line** stays in ``tables.grids_from_flat``: it needs the
  row-number logic there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from policykit.model import Cell, Span, Table
from policykit.structure.data import load
from policykit.structure.lines import Line
from policykit.structure.outline import match_heading

_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")  # |---|:--:|


@dataclass
class TextTable:
    """A table found in lines of text: the table, its header row index, the lines it used."""

    table: Table
    kind: str  # tsv, pipe, pipe-led, spaced
    lines: set[int] = field(default_factory=set)
    title: str | None = None
    end_line: int = 0  # index of the first line after it


def _cells(line: Line, delim: str) -> list[Cell]:
    """A line cut at ``delim`` → cells with spans; a pipe row's outer pipes open and close it."""
    parts, pos = [], line.start
    for part in line.norm.split(delim):
        lead = len(part) - len(part.lstrip())
        body = part.strip()
        s = pos + lead
        parts.append(Cell(line.raw[s - line.start:s - line.start + len(body)], Span(s, s + len(body))))
        pos += len(part) + 1
    if delim == "|":
        if parts and not parts[0].text:
            parts = parts[1:]
        if parts and not parts[-1].text:
            parts = parts[:-1]
    return parts


def _cells_over(run: list[Line]) -> list[Cell]:
    """A pipe row written over several lines → its cells; a cell may hold line breaks."""
    cells: list[Cell] = []
    parts: list[tuple[int, int]] = []  # (start, end) offsets of the current cell's text
    for ln in run:
        pos = 0
        pieces = ln.norm.split("|")
        for n, piece in enumerate(pieces):
            s = ln.start + pos
            if piece.strip():
                lead = len(piece) - len(piece.lstrip())
                parts.append((s + lead, s + lead + len(piece.strip())))
            pos += len(piece) + 1
            if n < len(pieces) - 1:  # a pipe closes the cell
                cells.append(_cell_of(parts, run))
                parts = []
    if parts:
        cells.append(_cell_of(parts, run))
    if cells and not cells[0].text:
        cells = cells[1:]
    return cells


def _cell_of(parts: list[tuple[int, int]], run: list[Line]) -> Cell:
    if not parts:
        return Cell("", None)
    s, e = parts[0][0], parts[-1][1]
    return Cell(_slice([(ln, 0) for ln in run], s, e), Span(s, e))


def _roles(head: list[Cell]) -> list[str | None]:
    from policykit.structure.tables import column_role, resolve_responsible

    return resolve_responsible([column_role(c.text) for c in head])


def _tsv_fitted(cells: list[Cell], roles: list[str | None], ends_open: bool) -> list[Cell]:
    """A tab row shorter than its header.  PDF extraction drops empty leading cells, so it is
    padded on the left, unless the row plainly lost its trailing cells instead (no closing tab,
    and its cells read far better placed by what they hold: "10	城区再新建1个农贸市场	县商务局")."""
    width = len(roles)
    padded = [Cell("", None) for _ in range(width - len(cells))] + cells
    if ends_open or any(not c.text for c in cells):  # explicit empty cells: the columns are as written
        return padded
    got = _scored_cuts(cells, roles, max_run=1)
    if got is None or got[1] <= _positional_score(padded, roles) + 1.0:
        return padded
    return [cells[a] if b > a else Cell("", None) for a, b in got[0]]


def _fitted(cells: list[Cell], roles: list[str | None], r: int) -> list[Cell]:
    """A pipe row against its header: as written when it reads well so, else its non-empty cells
    placed by what they hold (a row that lost a merged cell on the left and gained an empty one
    on the right: "15.推进… | … | 教育体育局 | 刘福利 | … | |")."""
    width = len(roles)
    while len(cells) > width and not cells[-1].text:
        cells = cells[:-1]
    full = [c for c in cells if c.text]
    if len(cells) < width:
        return _placed(full, roles, r)
    if len(full) == len(cells) or len(cells) > width:
        return cells
    got = _scored_cuts(full, roles, max_run=1)
    if got and got[1] > _positional_score(cells, roles) + 1.0:
        return _placed(full, roles, r)
    return cells


def _placed(cells: list[Cell], roles: list[str | None], r: int) -> list[Cell]:
    """A row shorter than its header: each cell goes to the column it reads like; the columns
    left without one are merged from the row above (rowspans sit mostly on the left)."""
    cuts = _best_cuts(cells, roles, max_run=1)
    if cuts is None:
        return [Cell("", None, (r - 1, c)) for c in range(len(roles) - len(cells))] + cells
    out = []
    for c, (a, b) in enumerate(cuts):
        out.append(cells[a] if b > a else Cell("", None, (r - 1, c)))
    return out


def _is_header(texts: list[str]) -> bool:
    from policykit.structure.tables import header_roles

    return header_roles(texts) is not None


def _group_line(line: Line) -> bool:
    """A "一、…" / "(一)…" line between rows: a heading over the rows below it."""
    from policykit.structure.tables import GROUP_STYLES

    h = match_heading(line.norm.strip())
    return h is not None and h.style in GROUP_STYLES


def _whole_line_cell(line: Line) -> list[Cell]:
    raw = line.raw
    lead = len(raw) - len(raw.lstrip())
    body = raw.strip()
    return [Cell(body, Span(line.start + lead, line.start + lead + len(body)))]


def title_above(lines: list[Line], i: int) -> str | None:
    """The nearest non-blank line above a table header (the table's title), if any."""
    for k in range(i - 1, max(-1, i - 4), -1):
        if not lines[k].blank:
            return lines[k].raw.strip()
    return None


def _table(rows: list[list[Cell]], lines: list[Line], used: set[int]) -> Table:
    first, last = min(used), max(used)
    return Table(rows, Span(lines[first].start, lines[last].end), header_rows=1)


def delimited(lines: list[Line]) -> list[TextTable]:
    """Tab- or pipe-separated rows under a header row."""
    out: list[TextTable] = []
    i = 0
    while i < len(lines):
        found = None
        for delim, kind in (("\t", "tsv"), ("|", "pipe")):
            if delim in lines[i].norm:
                head = _cells(lines[i], delim)
                if len(head) >= 3 and _is_header([c.text for c in head]):
                    found = (delim, kind, head)
                    break
        if not found:
            i += 1
            continue
        delim, kind, head = found
        width = len(head)
        roles = _roles(head)
        closed_rows = delim == "|" and lines[i].norm.rstrip().endswith("|")
        rows, used = [head], {i}
        j = i + 1
        while j < len(lines):
            ln = lines[j]
            if ln.blank:
                j += 1
                continue
            if _RULE.match(ln.norm):
                used.add(j)
                j += 1
                continue
            if delim in ln.norm:
                cells = _cells(ln, delim)
                if closed_rows and not ln.norm.rstrip().endswith("|"):
                    # a row written over several lines: its cell runs on up to the line closing it
                    k = j + 1
                    while k < len(lines) and k - j < 8 and not lines[k].norm.rstrip().endswith("|"):
                        k += 1
                    if k < len(lines) and k - j < 8:
                        cells = _cells_over(lines[j:k + 1])
                        used.update(range(j, k + 1))
                        j = k
                if len(cells) < width and delim == "\t":
                    cells = _tsv_fitted(cells, roles, ends_open=ln.raw.endswith("\t"))
                else:
                    cells = _fitted(cells, roles, len(rows))
                rows.append(cells)
            elif _group_line(ln):
                rows.append(_whole_line_cell(ln))
            else:
                break
            used.add(j)
            j += 1
        _resolve_covered(rows)
        out.append(TextTable(_table(rows, lines, used), kind, used, title_above(lines, i), j))
        i = j
    return out


def pipe_led(lines: list[Line]) -> list[TextTable]:
    """Cells one per line, each after the first opened by "|", a lone "|" closing the row."""
    out: list[TextTable] = []
    i = 0
    while i < len(lines):
        got = _pipe_led_row(lines, i)
        if got is None or not _is_header([c.text for c in got[0]]):
            i += 1
            continue
        head, j = got
        width = len(head)
        rows, used = [head], set(range(i, j))
        while j < len(lines):
            while j < len(lines) and lines[j].blank:
                j += 1
            got = _pipe_led_row(lines, j)
            if got is None:
                break
            cells, k = got
            if len(cells) < width:  # leading cells merged from the row above
                r = len(rows)
                cells = [Cell("", None, (r - 1, c)) for c in range(width - len(cells))] + cells
            rows.append(cells)
            used.update(range(j, k))
            j = k
        _resolve_covered(rows)
        out.append(TextTable(_table(rows, lines, used), "pipe-led", used, title_above(lines, i), j))
        i = j
    return out


def _pipe_led_row(lines: list[Line], i: int) -> tuple[list[Cell], int] | None:
    """One pipe-led row starting at line ``i`` → (its cells, index after its closing "|")."""
    cells: list[list[Line | tuple[Line, int]]] = []
    j = i
    while j < len(lines) and j - i < 80:
        ln = lines[j]
        text = ln.norm.strip()
        if ln.blank:
            j += 1
            continue
        if text == "|":
            if len(cells) < 2:
                return None
            return [_joined_cell(c) for c in cells], j + 1
        if text.startswith("|"):
            off = ln.norm.index("|") + 1
            cells.append([(ln, off)])
        elif not cells:
            cells.append([(ln, 0)])
        else:
            if "|" in text:
                return None
            cells[-1].append((ln, 0))
        j += 1
    return None


def _joined_cell(parts: list) -> Cell:
    """Lines of one cell → a Cell spanning them (the text as read, line breaks included)."""
    first, off = parts[0]
    last, _ = parts[-1]
    raw_first = first.raw[off:]
    s = first.start + off + (len(raw_first) - len(raw_first.lstrip()))
    e = last.start + len(last.raw.rstrip())
    if e <= s:
        return Cell("", None)
    text_all = _slice(parts, s, e)
    return Cell(text_all, Span(s, e))


def _slice(parts: list, s: int, e: int) -> str:
    """The text as read between offsets ``s`` and ``e`` over consecutive lines."""
    out = []
    for ln, _ in parts:
        lo, hi = max(s, ln.start), min(e, ln.end)
        if lo < hi:
            out.append((ln.start, ln.raw[lo - ln.start:hi - ln.start], ln.end))
    text, prev_end = "", None
    for start, piece, end in out:
        if prev_end is not None:
            text += "\n" * max(1, start - prev_end)
        text += piece
        prev_end = end
    return text


def _resolve_covered(rows: list[list[Cell]]) -> None:
    """A covered cell points at the cell that holds the text (following chains upwards)."""
    for row in rows:
        for cell in row:
            if cell.covered_by is None:
                continue
            rr, cc = cell.covered_by
            while 0 <= rr < len(rows) and cc < len(rows[rr]) and rows[rr][cc].covered_by is not None:
                rr, cc = rows[rr][cc].covered_by
            cell.covered_by = (rr, cc)


# ---------------------------------------------------------------------------
# cells joined by spaces


def spaced(lines: list[Line]) -> list[TextTable]:
    """A header of words joined by spaces, rows whose words are shared out over its columns."""
    from policykit.structure.tables import column_role, resolve_responsible

    out: list[TextTable] = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        if "\t" in ln.norm or "|" in ln.norm:
            i += 1
            continue
        words = _words(ln)
        if len(words) < 3 or not _is_header([w.text for w in words]):
            i += 1
            continue
        roles = resolve_responsible([column_role(w.text) for w in words])
        rows, used = [words], {i}
        j = i + 1
        blanks = 0
        while j < len(lines):
            cur = lines[j]
            if cur.blank:
                blanks += 1
                if blanks > 1:
                    break
                j += 1
                continue
            blanks = 0
            if _group_line(cur) and len(_words(cur)) <= 2:
                rows.append(_whole_line_cell(cur))
            else:
                cells = share_out(cur, roles)
                if cells is None:
                    break
                rows.append(cells)
            used.add(j)
            j += 1
        if len(rows) > 1:
            out.append(TextTable(_table(rows, lines, used), "spaced", used, title_above(lines, i), j))
            i = j
        else:
            i += 1
    return out


def _words(line: Line) -> list[Cell]:
    """The words of a line between spaces; a place or unit name run into figures ("万柏林区160230059.0",
    the cell boundary lost) is two words."""
    out = []
    for m in re.finditer(r"\S+", line.norm):
        a, b = m.start(), m.end()
        glued = re.match(r"[\u4e00-\u9fff]{2,12}(?=\d)", line.norm[a:b])
        if glued and looks_unit(glued.group(0)):
            cut = a + glued.end()
            out.append(Cell(line.raw[a:cut], Span(line.start + a, line.start + cut)))
            a = cut
        out.append(Cell(line.raw[a:b], Span(line.start + a, line.start + b)))
    return out


@lru_cache(maxsize=1)
def _shape_words() -> dict:
    return load("tables")["spaced"]


def looks_unit(word: str) -> bool:
    """A word (or a list joined by 、,;) every piece of which is shaped like a unit name."""
    pieces = [p for p in re.split(r"[、,,;;。]", word) if p.strip()]
    return bool(pieces) and all(_one_unit(p.strip()) for p in pieces)


def _one_unit(w: str) -> bool:
    conf = _shape_words()
    if len(w) > 30 or re.search(r"[:!?“”]", w):
        return False
    if any(w.startswith(p) for p in conf["task_starts"]):
        return False  # 建成县残疾人综合服务中心: a task naming a unit
    if any(w.startswith(p) for p in conf["unit_starts"]):
        return True
    w = re.sub(r"[((][^()()]*[))]$", "", w) or w  # 各乡镇(街道), 区教体局(代建)
    return any(w.endswith(s) for s in _unit_endings()) or any(w.endswith(s) for s in conf["place_ends"])


@lru_cache(maxsize=1)
def _unit_endings() -> tuple[str, ...]:
    from policykit.units.registry import default_registry

    return default_registry().unit_endings


def looks_date(word: str) -> bool:
    return bool(re.search(_shape_words()["date_pattern"], word))


def _cell_score(words: list[Cell], role: str | None) -> float:
    """How well some words fill a column of this role (higher is better; -inf: cannot)."""
    text = "".join(w.text for w in words)
    if text in _shape_words()["empty_marks"]:
        return -0.1  # "—", "/": a cell left empty on purpose fits any column
    if role == "number":
        return 2.0 if len(words) == 1 and re.fullmatch(r"\d{1,3}[.、]?", text) else -9.0
    if role in ("lead", "co", "responsible"):
        units = sum(1 for w in words if looks_unit(w.text))
        # a wrapped piece ("委") continues the name before it: fine when the whole reads as a unit
        score = 2.0 * units - 2.5 * (len(words) - units)
        if len(words) > units and looks_unit(text):
            score = 1.0
        return score
    if role == "deadline":
        return 1.5 if looks_date(text) else -3.0
    if role in ("title", "text", "assignment", "group"):
        return 0.5 - 1.5 * sum(1 for w in words if looks_unit(w.text) and len(w.text) <= 12) / len(words)
    return 0.0  # ignore and unknown columns take anything


def share_cells(texts: list[str], roles: list[str | None]) -> list[tuple[int, int]]:
    """Cells of a row written over more lines than it has columns → one run of them per column.

    ``share_cells(["完成…", "县水务局", "县住建局", "12月底前"], ["title", "responsible", "deadline"])``
    → ``[(0, 1), (1, 3), (3, 4)]``.
    """
    parts = [Cell(t, None) for t in texts]
    cuts = _best_cuts(parts, roles)
    return cuts if cuts is not None else [(0, len(texts))] + [(len(texts), len(texts))] * (len(roles) - 1)


def share_out(line: Line, roles: list[str | None]) -> list[Cell] | None:
    """Words of one row → one cell per column, by dynamic programming over the column roles.

    Every column takes a run of consecutive words (possibly none); the split
    that makes each column look most like its role wins.  None when no split
    scores at all (the line is not a row of this table).
    """
    words = _words(line)
    if not words or len(words) > 60:
        return None
    cuts = _best_cuts(words, roles)
    if cuts is None:
        return None
    out = []
    for s, e in cuts:
        if s == e:
            out.append(Cell("", None))
            continue
        a, b = words[s].span, words[e - 1].span
        assert a is not None and b is not None
        out.append(Cell(line.raw[a.start - line.start:b.end - line.start], Span(a.start, b.end)))
    return out


def _best_cuts(words: list[Cell], roles: list[str | None], max_run: int | None = None) -> list[tuple[int, int]] | None:
    """The split of ``words`` into one run per column that reads most like the column roles."""
    got = _scored_cuts(words, roles, max_run)
    return got[0] if got else None


def _empty_score(c: int) -> float:
    """An empty column: a merged cell, likelier on the left (rowspans open rows)."""
    return -0.2 - 0.05 * c


def _positional_score(cells: list[Cell], roles: list[str | None]) -> float:
    return sum(_cell_score([cell], role) if cell.text else _empty_score(c)
               for c, (cell, role) in enumerate(zip(cells, roles, strict=False), start=1))


def _scored_cuts(words: list[Cell], roles: list[str | None],
                 max_run: int | None = None) -> tuple[list[tuple[int, int]], float] | None:
    n, m = len(words), len(roles)
    neg = float("-inf")
    best = [[neg] * (n + 1) for _ in range(m + 1)]
    back = [[0] * (n + 1) for _ in range(m + 1)]
    best[0][0] = 0.0
    for c in range(1, m + 1):
        for e in range(n + 1):
            for s in range(0 if max_run is None else max(0, e - max_run), e + 1):
                if best[c - 1][s] == neg:
                    continue
                v = best[c - 1][s] + (_cell_score(words[s:e], roles[c - 1]) if e > s else _empty_score(c))
                if v > best[c][e]:
                    best[c][e], back[c][e] = v, s
    if best[m][n] == neg or best[m][n] < -4.0:
        return None
    cuts, e = [], n
    for c in range(m, 0, -1):
        s = back[c][e]
        cuts.append((s, e))
        e = s
    cuts.reverse()
    return cuts, best[m][n]


def text_tables(lines: list[Line]) -> list[TextTable]:
    """Every table written out as text in ``lines``, whatever its shape (no line used twice)."""
    found: list[TextTable] = []
    taken: set[int] = set()
    for finder in (delimited, pipe_led, spaced):
        for t in finder(lines):
            if t.lines & taken:
                continue
            found.append(t)
            taken |= t.lines
    return found
