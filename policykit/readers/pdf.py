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
from collections.abc import Iterator
from dataclasses import dataclass, field

from policykit.errors import InputError
from policykit.model import RawDocument
from policykit.readers.limits import Limits
from policykit.readers.lines import LineWriter
from policykit.readers.vocab import patterns

Grid = list[list[tuple[str, tuple[int, int] | None]]]
MAX_REPEATED_HEADER_ROWS = 3
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


def page_items(page, number: int, warnings: list[str]) -> PageItems:
    """One page's text lines and tables, top to bottom, page numbers dropped."""
    page = page.dedupe_chars()
    if not page.chars:
        warnings.append(f"page {number} has no text layer (scanned?)")
        return PageItems()
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]
    outside = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes))
    lines = [
        TextLine(line["text"], line["x0"], line["x1"], line["top"], line["bottom"],
                 line["chars"][0]["size"] if line.get("chars") else 10.0, number)
        for line in outside.extract_text_lines(return_chars=True, strip=True)
        if line["text"].strip()
    ]
    page_number = patterns("pdf", "page_number")
    while lines and page_number.match(lines[-1].text):
        lines.pop()
    while lines and page_number.match(lines[0].text):
        lines.pop(0)
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
    return PageItems(items, left, right)


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
    offset = len(table.grid) - k
    for row in more.grid[k:]:
        table.grid.append([(text, (origin[0] + offset, origin[1]) if origin else None) for text, origin in row])


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
    paragraph: str | None = None
    last: tuple[TextLine, PageItems] | None = None
    for item, page in merged:
        if isinstance(item, TextLine) and paragraph is not None and last and _continues(*last, item, page):
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
        except Exception as err:  # a damaged content stream fails only when the page is read
            raise InputError(path, f"corrupt PDF ({type(err).__name__}: {err})") from None
    blocks, text = assemble(pages)
    if not text.strip():
        raise InputError(path, f"no text layer on any of the {count} page(s) (a scan? run OCR first)")
    return RawDocument(text=text, format="pdf", blocks=blocks, path=path, encoding=None, warnings=warnings)
