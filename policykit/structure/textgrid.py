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


def _title_above(lines: list[Line], i: int) -> str | None:
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
                if delim == "\t" and len(cells) < width:
                    cells = [Cell("", None) for _ in range(width - len(cells))] + cells
                rows.append(cells)
            elif _group_line(ln):
                rows.append(_whole_line_cell(ln))
            else:
                break
            used.add(j)
            j += 1
        out.append(TextTable(_table(rows, lines, used), kind, used, _title_above(lines, i), j))
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
        out.append(TextTable(_table(rows, lines, used), "pipe-led", used, _title_above(lines, i), j))
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
            out.append(TextTable(_table(rows, lines, used), "spaced", used, _title_above(lines, i), j))
            i = j
        else:
            i += 1
    return out


def _words(line: Line) -> list[Cell]:
    return [Cell(line.raw[m.start():m.end()], Span(line.start + m.start(), line.start + m.end()))
            for m in re.finditer(r"\S+", line.norm)]


@lru_cache(maxsize=1)
def _shape_words() -> dict:
    return load("tables")["spaced"]


def looks_unit(word: str) -> bool:
    conf = _shape_words()
    w = word.strip("、,;")
    if not w:
        return False
    if any(w.startswith(p) for p in conf["unit_starts"]):
        return True
    return any(w.endswith(s) for s in conf["unit_ends"])


def _looks_date(word: str) -> bool:
    return bool(re.search(_shape_words()["date_pattern"], word))


def _cell_score(words: list[Cell], role: str | None) -> float:
    """How well some words fill a column of this role (higher is better; -inf: cannot)."""
    text = "".join(w.text for w in words)
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
        return 1.5 if _looks_date(text) else -3.0
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


def _best_cuts(words: list[Cell], roles: list[str | None]) -> list[tuple[int, int]] | None:
    """The split of ``words`` into one run per column that reads most like the column roles."""
    n, m = len(words), len(roles)
    neg = float("-inf")
    best = [[neg] * (n + 1) for _ in range(m + 1)]
    back = [[0] * (n + 1) for _ in range(m + 1)]
    best[0][0] = 0.0
    for c in range(1, m + 1):
        for e in range(n + 1):
            for s in range(e + 1):
                if best[c - 1][s] == neg:
                    continue
                # an empty column: a merged cell, likelier on the left (rowspans open rows)
                v = best[c - 1][s] + (_cell_score(words[s:e], roles[c - 1]) if e > s else -0.2 - 0.05 * c)
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
    return cuts


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
