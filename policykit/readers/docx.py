"""DOCX reader: paragraphs and tables in document order, numbering labels, merged cells.

The archive is checked first (``xmlsafe.check_docx_zip``: zip-bomb limits,
no DTDs); python-docx then opens it and this module walks the body's XML
itself, because what plans need is below python-docx's proxies: automatic
numbering (``wordnum``), ``gridSpan``/``vMerge`` merged cells, text boxes.

Linearisation: one line per paragraph (a soft line break starts a new
line); a table is one line per row with cells joined by tabs, a cell's
paragraphs (and a nested table's cells) joined by "\\n" inside the cell.
"""

from __future__ import annotations

import io
from collections import Counter

from policykit.errors import InputError
from policykit.model import RawDocument
from policykit.readers.docxtitle import Look, style_looks, title_size
from policykit.readers.limits import Limits
from policykit.readers.lines import LineWriter
from policykit.readers.vocab import patterns
from policykit.readers.wordnum import NumberingState, W, style_numbering_map
from policykit.readers.xmlsafe import check_docx_zip

_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Not shown on the page: properties, deleted text of tracked changes, field codes (their results are
# shown), a content control's settings, the pronunciation line of a ruby.
_SKIP = {W + name for name in ("pPr", "rPr", "del", "moveFrom", "instrText", "delText", "fldData", "sdtPr",
                               "sdtEndPr", "rt")}
_SKIP.add(_MC_FALLBACK)  # the VML copy of a drawing that mc:Choice already holds
_TEXT_MARKS = {W + "tab": "\t", W + "ptab": "\t", W + "br": "\n", W + "cr": "\n", W + "noBreakHyphen": "-"}
_CONTAINERS = {W + "sdt", W + "sdtContent", W + "customXml", W + "smartTag"}
_SOFT_HYPHEN = "\u00ad"  # shown only where Word breaks a line; plans never break Chinese there
_OFF = ("0", "false", "off")
# A page or column break starts a new line only between text: alone (Word's "page break"
# paragraph) or at either end of a paragraph it adds no line of its own.
_PAGE_BREAK = "\x0c"

_TOC_STYLE = "toc "  # Word's table-of-contents entry styles are "toc 1" … "toc 9", whatever the UI language

Grid = list[list[tuple[str, tuple[int, int] | None]]]


def _open(path: str, data: bytes):
    import docx

    try:
        return docx.Document(io.BytesIO(data))
    except Exception as err:  # python-docx raises KeyError, ValueError, lxml errors … on broken packages
        raise InputError(path, f"corrupt DOCX ({type(err).__name__}: {err})") from None


def _part_root(document, attribute: str):
    """The XML root of the numbering or styles part, or None when the package has none."""
    part = document.part
    for rel in part.rels.values():
        if not rel.is_external and rel.reltype.endswith("/" + attribute):
            return rel.target_part.element
    return None


class _Walker:
    """Walk the body once, in order, writing lines and collecting blocks."""

    def __init__(self, numbering: NumberingState, style_names: dict[str, str], looks: dict[str, Look]) -> None:
        self.numbering = numbering
        self.style_names = style_names
        self.looks = looks
        self.title: tuple[str, int, str | None] | None = None  # a title being joined: text, size, style
        self.out = LineWriter()
        self.blocks: list = []
        self.nested_tables = 0
        self.missing: Counter[str] = Counter()  # w:object, w:altChunk: content this reader cannot see
        self.toc_lines = 0  # table-of-contents entries left out: they repeat the headings
        self.carry = ""  # text of paragraphs whose mark a tracked change deleted

    def body(self, container) -> None:
        for child in container:
            if child.tag == W + "p":
                self.paragraph(child)
            elif child.tag == W + "tbl":
                self.table(child)
            elif child.tag in _CONTAINERS and not (child.tag == W + "sdt" and _placeholder(child)):
                self.body(child)
            elif child.tag == W + "altChunk":
                self.missing["altChunk"] += 1

    # -- paragraphs ---------------------------------------------------------

    def _label(self, p) -> tuple[str | None, str | None]:
        """(numbering label, style name) of a paragraph; advances the numbering counters."""
        ppr = p.find(W + "pPr")
        style_el = ppr.find(W + "pStyle") if ppr is not None else None
        style_id = style_el.get(W + "val") if style_el is not None else None
        found = self.numbering.paragraph_numbering(ppr, style_id)
        label = self.numbering.next_label(*found) if found else None
        return label, self.style_names.get(style_id or "", style_id)

    def paragraph_text(self, p, boxes: list) -> str:
        parts: list[str] = []
        _inline_text(p, parts, boxes)
        return "".join(parts).strip(_PAGE_BREAK).replace(_PAGE_BREAK, "\n")

    def paragraph(self, p) -> None:
        boxes: list = []
        text = self.paragraph_text(p, boxes)
        if _mark_deleted(p):
            self.carry += text  # in the final text it runs into the next paragraph, unnumbered
        else:
            self.write_paragraph(p, text)
        self.read_boxes(boxes)

    def read_boxes(self, boxes: list) -> None:
        """Text boxes are read after their anchor paragraph; embedded objects only counted."""
        for box in boxes:
            if box.tag == W + "object":
                self.missing["object"] += 1
            else:
                self.body(box)

    def write_paragraph(self, p, text: str) -> None:
        label, style = self._label(p)
        if (style and style.lower().startswith(_TOC_STYLE)) or patterns("toc", "entry").match(text.strip()):
            self.toc_lines += 1
            return
        text = (label or "") + self.carry + text
        self.carry = ""
        size = title_size(p, self.looks) if label is None and text.strip() else None
        if size is not None:
            self.join_title("".join(text.split("\n")), size, style)
            return
        self.flush_title()
        for i, line in enumerate(text.split("\n")):
            self.blocks.append(self.out.paragraph(line, style=style, numbering=label if i == 0 else None))

    def join_title(self, text: str, size: int, style: str | None) -> None:
        """A title line: held, and joined with the next one when that is a title line of the same size."""
        if self.title is not None and self.title[1] == size:
            self.title = (self.title[0] + text, size, self.title[2])
            return
        self.flush_title()
        self.title = (text, size, style)

    def flush_title(self) -> None:
        if self.title is not None:
            self.blocks.append(self.out.paragraph(self.title[0], style=self.title[2]))
            self.title = None

    # -- tables ----------------------------------------------------------------

    def cell_text(self, tc) -> str:
        """A cell's paragraphs joined by "\n"; empty paragraphs (Word's spacers) are dropped."""
        lines: list[str] = []
        for child in tc:
            if child.tag == W + "p":
                label, _ = self._label(child)
                boxes: list = []
                lines.append((label or "") + self.paragraph_text(child, boxes))
                self.missing["object"] += sum(box.tag == W + "object" for box in boxes)
            elif child.tag == W + "tbl":
                self.nested_tables += 1
                for row in _grid(child, self.cell_text):
                    lines.extend(text for text, covered in row if covered is None and text)
            elif child.tag in _CONTAINERS:
                nested = self.cell_text(child)
                if nested:
                    lines.append(nested)
        return "\n".join(line for line in lines if line.strip())

    def table(self, tbl) -> None:
        self.flush_title()
        grid = _grid(tbl, self.cell_text)
        if grid:
            self.blocks.append(self.out.table(grid, header_rows=_header_rows(tbl)))


def _inline_text(el, out: list[str], boxes: list) -> None:
    """Text of runs in order: w:t, tabs and breaks; text boxes and embedded objects are collected, not inlined."""
    for child in el:
        tag = child.tag
        if tag == W + "t":
            out.append((child.text or "").replace(_SOFT_HYPHEN, ""))
        elif (tag == W + "r" and _hidden(child)) or (tag == W + "sdt" and _placeholder(child)):
            continue
        elif tag == W + "br" and child.get(W + "type") in ("page", "column"):
            out.append(_PAGE_BREAK)
        elif tag in _TEXT_MARKS:
            out.append(_TEXT_MARKS[tag])
        elif tag in (W + "txbxContent", W + "object"):
            boxes.append(child)
        elif tag not in _SKIP:
            _inline_text(child, out, boxes)


def _on(el, path: str) -> bool:
    """Whether a toggle property (``w:vanish``, ``w:del``) is present and not switched off."""
    found = el.find(path)
    return found is not None and found.get(W + "val", "1") not in _OFF


def _hidden(run) -> bool:
    """A run formatted as hidden text (w:vanish): Word neither shows nor prints it."""
    return _on(run, f"{W}rPr/{W}vanish")


def _placeholder(sdt) -> bool:
    """A content control still showing its prompt ("单击或点击此处输入文字。"), not content."""
    return _on(sdt, f"{W}sdtPr/{W}showingPlcHdr")


def _mark_deleted(p) -> bool:
    """A tracked deletion of the paragraph mark: in the final text this paragraph runs into the next."""
    return p.find(f"{W}pPr/{W}rPr/{W}del") is not None


def _children(el, tag: str) -> list:
    """The ``w:tag`` children of ``el``, looking through content controls, custom XML and smart tags."""
    found = []
    for child in el:
        if child.tag == W + tag:
            found.append(child)
        elif child.tag in _CONTAINERS:
            found.extend(_children(child, tag))
    return found


def _int_val(el, path: str, default: int) -> int:
    found = el.find(path) if el is not None else None
    try:
        return int(found.get(W + "val")) if found is not None else default
    except (TypeError, ValueError):
        return default


def _grid(tbl, cell_text) -> Grid:
    """One entry per grid position: (text, None) for a cell, ("", (row, col)) where a merge covers it."""
    grid: Grid = []
    for r, tr in enumerate(_children(tbl, "tr")):
        trpr = tr.find(W + "trPr")
        row: list[tuple[str, tuple[int, int] | None]] = [("", None)] * _int_val(trpr, W + "gridBefore", 0)
        for tc in _children(tr, "tc"):
            tcpr = tc.find(W + "tcPr")
            span = max(1, _int_val(tcpr, W + "gridSpan", 1))
            vmerge = tcpr.find(W + "vMerge") if tcpr is not None else None
            c = len(row)
            continues = vmerge is not None and vmerge.get(W + "val", "continue") == "continue"
            above = grid[r - 1][c] if continues and r and c < len(grid[r - 1]) else None
            if above is not None:
                origin = above[1] or (r - 1, c)
                row.extend([("", origin)] * span)
            else:
                row.append((cell_text(tc), None))
                row.extend([("", (r, c))] * (span - 1))
        grid.append(row)
    return grid


def _header_rows(tbl) -> int:
    """Leading rows marked "repeat as header row" (w:tblHeader)."""
    count = 0
    for tr in _children(tbl, "tr"):
        header = tr.find(f"{W}trPr/{W}tblHeader")
        if header is None or header.get(W + "val") in ("0", "false", "off"):
            break
        count += 1
    return count


def _style_names(styles_root) -> dict[str, str]:
    """styleId → the name python-docx shows: "Heading1" → "Heading 1" (stored as "heading 1")."""
    from docx.styles import BabelFish

    if styles_root is None:
        return {}
    names = {}
    for style in styles_root.findall(W + "style"):
        name = style.find(W + "name")
        if style.get(W + "styleId") and name is not None and name.get(W + "val"):
            names[style.get(W + "styleId")] = BabelFish.internal2ui(name.get(W + "val"))
    return names


def read_docx(path: str, data: bytes, limits: Limits) -> RawDocument:
    """Read a Word file: numbered headings get their label ("一、总体目标"), merged cells their cover."""
    check_docx_zip(path, data, limits)
    document = _open(path, data)
    styles_root = _part_root(document, "styles")
    numbering = NumberingState(_part_root(document, "numbering"), style_numbering_map(styles_root))
    walker = _Walker(numbering, _style_names(styles_root), style_looks(styles_root))
    walker.body(document.element.body)
    walker.flush_title()
    warnings = []
    if walker.carry:
        walker.blocks.append(walker.out.paragraph(walker.carry))
    if walker.nested_tables:
        warnings.append(f"{walker.nested_tables} nested table(s) flattened into their cells' text")
    if walker.missing["object"]:
        warnings.append(f"{walker.missing['object']} embedded object(s) not read (an Excel sheet or another "
                        "file inside the document): their content is missing")
    if walker.missing["altChunk"]:
        warnings.append(f"{walker.missing['altChunk']} imported chunk(s) (w:altChunk, e.g. HTML pasted by an "
                        "export) not read: their content is missing")
    if walker.toc_lines:
        warnings.append(f"table of contents left out ({walker.toc_lines} lines repeating the headings)")
    if not walker.out.text.strip():
        raise InputError(path, "DOCX has no text")
    return RawDocument(text=walker.out.text, format="docx", blocks=walker.blocks, path=path,
                       encoding=None, warnings=warnings)
