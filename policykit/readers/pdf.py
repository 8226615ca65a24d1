"""PDF reader (pdfplumber): running text as paragraphs, ruled tables as Tables.

Per page: ``dedupe_chars`` (bold-by-overprinting doubles every character),
``find_tables`` (ruled tables), the text lines outside the tables, page-number
lines dropped.  Then across pages, in order:

* wrapped lines join into paragraphs: a line that reaches the right margin
  continues on the next line when that one is not indented;
* a table that ends a page and one that starts the next page with the same
  column count are one Table; header rows repeated on the new page are dropped
  and counted in ``header_rows``;
* a cell's wrapped lines stay in its text, joined by "\\n".
"""

from __future__ import annotations

import contextlib
import io
import logging
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from policykit.errors import InputError
from policykit.model import RawDocument
from policykit.readers.limits import Limits
from policykit.readers.lines import LineWriter
from policykit.readers.vocab import patterns

Grid = list[list[tuple[str, tuple[int, int] | None]]]
MAX_REPEATED_HEADER_ROWS = 3
CENTRE_TOLERANCE = 1.5  # in character widths: how far off the page's centre a centred line may sit
TITLE_SIZE_STEP = 1.5  # points above the body size: 2号 title over 3号 body is 6
MARGIN_BAND = 0.15  # share of the page height at top and bottom where page numbers and running lines sit
EDGE_LINES = 2  # a page's first and last lines are where headers, footers and page numbers sit
TWO_COLUMN_GAP = 3.0  # in character widths: wider than any indent or tab inside a line
MID_LOW, MID_HIGH = 0.3, 0.7  # where the gap between two columns falls, as a share of the page width
MIN_TWO_COLUMN_LINES = 5
TWO_COLUMN_SHARE = 0.3
LONG_LINE_SHARE = 0.7
SENTENCE_ENDS = tuple("。；;：:！!？?）)】」』")
_CID = "(cid:"


@dataclass
class TextLine:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    page: int


@dataclass
class PageTable:
    grid: Grid
    top: float
    page: int
    header_rows: int = 0


@dataclass
class PageItems:
    items: list[TextLine | PageTable] = field(default_factory=list)
    left: float = 0.0  # the page's text margins, for telling indents and full lines
    right: float = 0.0
    number: int = 0
    height: float = 0.0

    def in_margin(self, line: TextLine) -> bool:
        """In the top or bottom band of the page, where page numbers sit (not a number inside the text)."""
        band = MARGIN_BAND * self.height
        return line.top < band or line.bottom > self.height - band

    def lines(self) -> list[TextLine]:
        return [item for item in self.items if isinstance(item, TextLine)]


def _open(path: str, data: bytes):
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        pdf.pages  # noqa: B018 -- parsing the page tree is where corrupt files fail
        return pdf
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise InputError(path, "encrypted PDF: needs a password") from None
    except Exception as err:  # pdfminer raises many types on corrupt input
        cause = err.__cause__ or err.__context__
        if isinstance(err, PDFPasswordIncorrect) or isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise InputError(path, "encrypted PDF: needs a password") from None
        raise InputError(path, f"corrupt PDF ({type(err).__name__}: {err})") from None


@dataclass
class _Geometry:
    """Where a pdfplumber table's real cells are: bbox per (row, col), each column's left, each row's top."""

    boxes: dict[tuple[int, int], tuple[float, float, float, float]]
    col_x0: dict[int, float]
    row_top: dict[int, float]

    @classmethod
    def of(cls, table) -> _Geometry:
        boxes = {(i, j): cell for i, row in enumerate(table.rows) for j, cell in enumerate(row.cells) if cell}
        col_x0: dict[int, float] = {}
        row_top: dict[int, float] = {}
        for (i, j), (x0, top, _, _) in boxes.items():
            col_x0[j] = min(col_x0.get(j, x0), x0)
            row_top[i] = min(row_top.get(i, top), top)
        return cls(boxes, col_x0, row_top)

    def covered_by(self, r: int, c: int, grid: Grid) -> tuple[int, int] | None:
        """The cell to the left or above whose box reaches the empty position (r, c), if any."""
        if c > 0 and c in self.col_x0:
            left = grid[r][c - 1][1] or (r, c - 1)
            if left in self.boxes and self.boxes[left][2] > self.col_x0[c] + 1:
                return left
        if r > 0 and r in self.row_top and c < len(grid[r - 1]):
            up = grid[r - 1][c][1] or (r - 1, c)
            if up in self.boxes and self.boxes[up][3] > self.row_top[r] + 1:
                return up
        return None


def table_grid(table) -> Grid:
    """pdfplumber Table → grid of (text, covered_by); a None cell is a position a merged cell covers."""
    geometry = _Geometry.of(table)
    grid: Grid = []
    for r, row in enumerate(table.extract()):
        grid.append([])
        for c, text in enumerate(row):
            grid[r].append((text, None) if text is not None else ("", geometry.covered_by(r, c, grid)))
    return grid


def _inside(obj, boxes) -> bool:
    cx = (obj["x0"] + obj["x1"]) / 2
    cy = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


def _mid_gap(chars: list[dict], width: float, size: float) -> bool:
    """A line with a gap of several characters around the middle of the page: two columns side by side."""
    xs = sorted((c["x0"], c["x1"]) for c in chars)
    for (_, end), (start, _) in zip(xs, xs[1:], strict=False):
        if start - end > TWO_COLUMN_GAP * size and MID_LOW * width < (start + end) / 2 < MID_HIGH * width:
            return True
    return False


def page_items(page, number: int, warnings: list[str]) -> PageItems:
    """One page's text lines and tables, top to bottom."""
    page = page.dedupe_chars()
    if not page.chars:
        warnings.append(f"page {number} has no text layer (scanned?)")
        return PageItems(number=number)
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]
    outside = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes))
    lines = []
    split = 0
    for line in outside.extract_text_lines(return_chars=True, strip=True):
        if not line["text"].strip():
            continue
        size = line["chars"][0]["size"] if line.get("chars") else 10.0
        lines.append(TextLine(line["text"], line["x0"], line["x1"], line["top"], line["bottom"], size, number))
        split += _mid_gap(line.get("chars") or [], float(page.width), size)
    if split >= MIN_TWO_COLUMN_LINES and split >= TWO_COLUMN_SHARE * len(lines):
        warnings.append(f"page {number}: {split} of {len(lines)} lines have a wide gap mid-page "
                        "(two columns, or a table without rules?): their text may be interleaved")
    items: list[TextLine | PageTable] = list(lines)
    items.extend(PageTable(table_grid(t), t.bbox[1], number) for t in tables if t.extract())
    items.sort(key=lambda item: item.top)
    garbled = sum(line.text.count(_CID) for line in lines)
    garbled += sum(text.count(_CID) for t in items if isinstance(t, PageTable) for row in t.grid for text, _ in row)
    if garbled:
        warnings.append(f"page {number}: {garbled} characters without a Unicode mapping, shown as (cid:N)")
    left = min((li.x0 for li in lines), default=0.0)
    # Margins are about symmetric: one short line must not count as reaching the right margin.
    right = max(max((li.x1 for li in lines), default=0.0), float(page.width) - left)
    return PageItems(items, left, right, number, float(page.height))


def _running_key(text: str) -> str:
    """A header or footer line with its page number blanked: "蒙自市人民政府公报 — 3 —" → "蒙自市人民政府公报#".

    Only a page number is blanked: "附件1" and "附件2" at the tops of two pages are two headings.
    """
    return "".join(patterns("pdf", "page_number_in_line").sub("#", text).split())


def _edges(page: PageItems) -> list[TextLine]:
    """The lines a header or footer can be: the first and last few items of the page, if they are text."""
    items = page.items
    ends = items[:EDGE_LINES] + items[max(EDGE_LINES, len(items) - EDGE_LINES):]
    return [item for item in ends if isinstance(item, TextLine)]


def drop_page_furniture(pages: list[PageItems], warnings: list[str]) -> None:
    """Drop page numbers and running headers/footers from the first and last lines of each page.

    A page number ("— 3 —") must sit in the page's top or bottom band: a lone "3"
    among the body lines is a cell of a table without rules.  A line counts as
    running when (page numbers blanked) it is at the edge of at least half the
    pages with text, and of at least two.
    """
    with_text = [page for page in pages if page.items]
    seen: dict[str, set[int]] = {}
    for page in with_text:
        for line in _edges(page):
            seen.setdefault(_running_key(line.text), set()).add(page.number)
    needed = max(2, -(-len(with_text) // 2))
    running = {key for key, numbers in seen.items() if len(numbers) >= needed}
    page_number = patterns("pdf", "page_number")
    dropped: dict[str, tuple[str, int]] = {}  # key → (the first page's text, pages)
    for page in with_text:
        edges = {id(line) for line in _edges(page)}
        keep = []
        for item in page.items:
            if isinstance(item, TextLine) and id(item) in edges:
                if page_number.match(item.text.strip()) and page.in_margin(item):
                    continue
                key = _running_key(item.text)
                if key in running:
                    first, count = dropped.get(key, (item.text, 0))
                    dropped[key] = (first, count + 1)
                    continue
            keep.append(item)
        page.items = keep
    for text, count in dropped.values():
        warnings.append(f"running header or footer {text!r} dropped from {count} pages")


def drop_toc_lines(pages: list[PageItems], warnings: list[str]) -> None:
    """Leave out table-of-contents entries ("一、总体目标……………1"): they repeat the headings."""
    entry = patterns("toc", "entry")
    count = 0
    for page in pages:
        keep = [item for item in page.items if not (isinstance(item, TextLine) and entry.match(item.text.strip()))]
        count += len(page.items) - len(keep)
        page.items = keep
    if count:
        warnings.append(f"table of contents left out ({count} lines repeating the headings)")


def _continues(previous: TextLine, previous_page: PageItems, line: TextLine, page: PageItems) -> bool:
    """A wrapped line: the previous one reached the right margin and this one is not indented.

    A line that stops short of the margin still wraps when it is long and ends
    mid-sentence: a bracketed year "(2022-2024年)" moves to the next line whole.
    """
    size = max(previous.size, 1.0)
    width = max(previous_page.right - previous_page.left, 1.0)
    full = previous.x1 >= previous_page.right - 2 * size  # CJK wrapping leaves up to a character and a half
    if not full and previous.x1 - previous_page.left > LONG_LINE_SHARE * width:
        full = not previous.text.rstrip().endswith(SENTENCE_ENDS)
    flush = line.x0 <= page.left + 0.5 * size
    if line.page == previous.page:
        return full and flush and line.top - previous.bottom < size
    return full and flush


def _centred(line: TextLine, page: PageItems) -> bool:
    return abs((line.x0 + line.x1) / 2 - (page.left + page.right) / 2) < CENTRE_TOLERANCE * line.size


def _title_continues(previous: TextLine, line: TextLine, page: PageItems, body_size: float) -> bool:
    """The second line of a title: both centred, the same size and larger than the body text, close below.

    GB/T 9704 sets a title in 2号 (22 pt) over the 3号 (16 pt) body and breaks it
    over lines by meaning ("…关于印发" / "…实施方案的通知"), short of the margin.
    """
    return (line.page == previous.page and abs(line.size - previous.size) < 0.5
            and line.size >= body_size + TITLE_SIZE_STEP and line.top - previous.bottom < line.size
            and _centred(previous, page) and _centred(line, page))


def _body_size(pages: list[PageItems]) -> float:
    """The most common font size of the text lines: the body's."""
    sizes = Counter(round(line.size * 2) / 2 for page in pages for line in page.lines())
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _join(a: str, b: str) -> str:
    """Join a wrapped line: no space between Chinese, one between ASCII words ("GB/T" "29315")."""
    if a and b and a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum():
        return f"{a} {b}"
    return a + b


def _same_header(first: Grid, rows: Grid, k: int) -> bool:
    return len(rows) > k and [[t for t, _ in row] for row in first[:k]] == [[t for t, _ in row] for row in rows[:k]]


def _merge_continuation(table: PageTable, more: PageTable) -> None:
    """Append a table's continuation from the next page, dropping its repeated header rows."""
    k = next((k for k in range(MAX_REPEATED_HEADER_ROWS, 0, -1) if _same_header(table.grid, more.grid, k)), 0)
    if k:
        table.header_rows = max(table.header_rows, k)
    rows = more.grid[k:]
    if rows and _split_row(table.grid[-1], rows[0]):
        _continue_row(table.grid, rows.pop(0))
        k += 1
    offset = len(table.grid) - k
    for row in rows:
        table.grid.append([(text, (origin[0] + offset, origin[1]) if origin else None) for text, origin in row])


def _split_row(last: list[tuple[str, tuple[int, int] | None]], first: list[tuple[str, tuple[int, int] | None]]) -> bool:
    """The first row on the new page finishes the last row of the old one (Word breaks rows across pages).

    Its first cell is empty where the old row's had text ("1" in the 序号 column),
    and nothing in it starts a new item ("2.", "（二）").  A first cell empty
    under a merged group cell is a new row, left to the structure layer.
    """
    texts = [text.strip() for text, origin in first if origin is None and text.strip()]
    return (bool(texts) and first[0] == ("", None) and last[0][1] is None and bool(last[0][0].strip())
            and not patterns("pdf", "new_item").match(texts[0]))


def _continue_row(grid: Grid, more: list[tuple[str, tuple[int, int] | None]]) -> None:
    """Append each cell of a continuation row to the cell above it (or the merged cell covering that)."""
    r = len(grid) - 1
    for c, (text, origin) in enumerate(more):
        if origin is not None or not text.strip() or c >= len(grid[r]):
            continue
        tr, tc = grid[r][c][1] or (r, c)
        above = grid[tr][tc][0]
        grid[tr][tc] = (f"{above}\n{text}" if above else text, None)


def assemble(pages: list[PageItems]) -> tuple[list, str]:
    """Pages → blocks and text: paragraphs joined from wrapped lines, tables continued across pages."""
    merged: list[tuple[TextLine | PageTable, PageItems]] = []
    for page in pages:
        for i, item in enumerate(page.items):
            prev = merged[-1][0] if merged else None
            if (i == 0 and isinstance(item, PageTable) and isinstance(prev, PageTable)
                    and prev.page != item.page and len(prev.grid[0]) == len(item.grid[0])):
                _merge_continuation(prev, item)
                continue
            merged.append((item, page))
    out = LineWriter()
    blocks = []
    body_size = _body_size(pages)
    paragraph: str | None = None
    last: tuple[TextLine, PageItems] | None = None
    for item, page in merged:
        if isinstance(item, TextLine) and paragraph is not None and last and (
                _continues(*last, item, page) or _title_continues(last[0], item, page, body_size)):
            paragraph = _join(paragraph, item.text)
            last = (item, page)
            continue
        if paragraph is not None:
            blocks.append(out.paragraph(paragraph))
            paragraph = None
        if isinstance(item, PageTable):
            blocks.append(out.table(item.grid, header_rows=item.header_rows))
            last = None
        else:
            paragraph, last = item.text, (item, page)
    if paragraph is not None:
        blocks.append(out.paragraph(paragraph))
    return blocks, out.text


@contextlib.contextmanager
def _quiet_pdfminer() -> Iterator[None]:
    """pdfminer logs every repair it makes on a damaged file; the user gets one line from us instead."""
    logger = logging.getLogger("pdfminer")
    level = logger.level
    logger.setLevel(logging.ERROR + 10)
    try:
        yield
    finally:
        logger.setLevel(level)


def read_pdf(path: str, data: bytes, limits: Limits) -> RawDocument:
    """Read a PDF: wrapped paragraphs rejoined, ruled tables as Tables, scanned pages flagged."""
    with _quiet_pdfminer():
        return _read_pdf(path, data, limits)


def _read_pdf(path: str, data: bytes, limits: Limits) -> RawDocument:
    pdf = _open(path, data)
    warnings: list[str] = []
    with pdf:
        count = len(pdf.pages)
        if count > limits.max_pdf_pages:
            raise InputError(path, f"PDF has {count} pages (the limit is {limits.max_pdf_pages}, "
                                   "Limits.max_pdf_pages)")
        try:
            pages = [page_items(page, n, warnings) for n, page in enumerate(pdf.pages, start=1)]
            drop_page_furniture(pages, warnings)
            drop_toc_lines(pages, warnings)
        except Exception as err:  # a damaged content stream fails only when the page is read
            raise InputError(path, f"corrupt PDF ({type(err).__name__}: {err})") from None
    blocks, text = assemble(pages)
    if not text.strip():
        raise InputError(path, f"no text layer on any of the {count} page(s) (a scan? run OCR first)")
    return RawDocument(text=text, format="pdf", blocks=blocks, path=path, encoding=None, warnings=warnings)
