"""All raw WordprocessingML the drafter touches, in one place.

East-Asian fonts on all four ``w:rFonts`` attributes, sizes, character-unit
indents, page size and margins, the document grid, page-number footers
("— 1 —"), odd/even footers, repeating table header rows, highlighted review
runs, and the safety check every untrusted ``.docx`` passes before it is opened.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FONT_ATTRIBUTES = ("ascii", "hAnsi", "eastAsia", "cs")

# Limits for an untrusted .docx (a template a user passes in).
MAX_PARTS = 2000
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_RATIO = 200


def w(tag: str) -> str:
    """Clark name of a WordprocessingML tag: ``w("rFonts")`` → ``"{http://…/main}rFonts"``."""
    return f"{{{W_NS}}}{tag}"


def mm_to_twips(mm: float) -> int:
    """Millimetres → twentieths of a point: ``mm_to_twips(37)`` → ``2098``."""
    return round(mm / 25.4 * 1440)


# ---------------------------------------------------------------------------
# Runs


@dataclass(frozen=True)
class RichRuns:
    """Ready-made ``<w:r>`` XML for a ``{{r field}}`` placeholder; autoescape leaves it as is."""

    xml: str
    text: str

    def __html__(self) -> str:
        return self.xml

    def __str__(self) -> str:
        return self.text


def run_xml(text: str, *, font: str | None = None, highlight: str | None = None,
            bold: bool = False) -> str:
    """One run: ``run_xml("（一）", font="楷体_GB2312")`` → ``<w:r><w:rPr><w:rFonts …/></w:rPr>…``."""
    props = []
    if font:
        attrs = " ".join(f'w:{a}="{escape(font)}"' for a in FONT_ATTRIBUTES)
        props.append(f'<w:rFonts {attrs} w:hint="eastAsia"/>')
    if bold:
        props.append("<w:b/><w:bCs/>")
    if highlight:
        props.append(f'<w:highlight w:val="{highlight}"/>')
    rpr = f"<w:rPr>{''.join(props)}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def rich_runs(parts: Iterable[tuple[str, str | None, bool]]) -> RichRuns:
    """(text, font, highlighted) parts → ``RichRuns``; highlighted parts are yellow."""
    parts = [p for p in parts if p[0]]
    xml = "".join(run_xml(t, font=f, highlight="yellow" if h else None) for t, f, h in parts)
    return RichRuns(xml, "".join(t for t, _, _ in parts))


# ---------------------------------------------------------------------------
# Properties used when building templates (lxml elements from python-docx)


def _child(parent: Any, tag: str, *, first: bool = False) -> Any:
    """The ``w:tag`` child of ``parent``, created when missing."""
    from lxml import etree

    found = parent.find(w(tag))
    if found is None:
        found = etree.Element(w(tag))
        if first:
            parent.insert(0, found)
        else:
            parent.append(found)
    return found


def set_fonts(rpr: Any, font: str) -> None:
    """All four font attributes, so Word and WPS do not fall back: ascii, hAnsi, eastAsia, cs."""
    fonts = _child(rpr, "rFonts", first=True)
    for theme in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(w(theme), None)  # a theme font would win over the named one
    for attr in FONT_ATTRIBUTES:
        fonts.set(w(attr), font)
    fonts.set(w("hint"), "eastAsia")


def set_size(rpr: Any, half_points: int) -> None:
    """``w:sz`` and ``w:szCs`` in half-points (32 = 3号 16pt)."""
    _child(rpr, "sz").set(w("val"), str(half_points))
    _child(rpr, "szCs").set(w("val"), str(half_points))


def set_color(rpr: Any, hex_rgb: str) -> None:
    _child(rpr, "color").set(w("val"), hex_rgb)


def set_first_line_chars(ppr: Any, chars: int) -> None:
    """A first-line indent in character units (``w:firstLineChars="200"`` = two characters)."""
    ind = _child(ppr, "ind")
    ind.set(w("firstLineChars"), str(chars * 100))
    ind.set(w("firstLine"), str(chars * 320))  # for readers that ignore character units (3号 = 320 twips)


def set_side_chars(ppr: Any, *, left: int = 0, right: int = 0) -> None:
    """Left/right indents in character units (成文日期 右空四字: ``right=4``)."""
    ind = _child(ppr, "ind")
    if left:
        ind.set(w("leftChars"), str(left * 100))
        ind.set(w("left"), str(left * 320))
    if right:
        ind.set(w("rightChars"), str(right * 100))
        ind.set(w("right"), str(right * 320))


def set_single_spacing(ppr: Any) -> None:
    """Single line spacing, no space after: with the document grid each line is one grid line."""
    spacing = _child(ppr, "spacing")
    for key, value in (("before", "0"), ("after", "0"), ("line", "240"), ("lineRule", "auto")):
        spacing.set(w(key), value)


def set_document_defaults(styles_element: Any, font: str, half_points: int) -> None:
    """The document-wide run and paragraph defaults (``w:docDefaults``): one font, one size, single spacing."""
    defaults = _child(styles_element, "docDefaults", first=True)
    rpr = _child(_child(defaults, "rPrDefault", first=True), "rPr")
    set_fonts(rpr, font)
    set_size(rpr, half_points)
    set_single_spacing(_child(_child(defaults, "pPrDefault"), "pPr"))


def set_outline_level(ppr: Any, level: int) -> None:
    """Navigation-pane level (0 = 一、 headings)."""
    _child(ppr, "outlineLvl").set(w("val"), str(level))


def set_bottom_border(ppr: Any, color: str = "FF0000", size_eighths: int = 12) -> None:
    """The red line under the 版头 (分隔线)."""
    borders = _child(ppr, "pBdr")
    bottom = _child(borders, "bottom")
    for key, value in (("val", "single"), ("sz", str(size_eighths)), ("space", "1"), ("color", color)):
        bottom.set(w(key), value)


def set_page(sect_pr: Any, *, width_mm: float, height_mm: float, margins_mm: dict[str, float],
             landscape: bool = False, grid: tuple[int, int] | None = None,
             footer_mm: float = 28) -> None:
    """Page size, margins and document grid of one section.

    ``grid`` = (linePitch, charSpace) turns on the lines-and-characters grid (22 × 28 for GB/T 9704).
    """
    size = _child(sect_pr, "pgSz")
    size.set(w("w"), str(mm_to_twips(width_mm)))
    size.set(w("h"), str(mm_to_twips(height_mm)))
    if landscape:
        size.set(w("orient"), "landscape")
    elif w("orient") in size.attrib:
        del size.attrib[w("orient")]
    mar = _child(sect_pr, "pgMar")
    for side in ("top", "bottom", "left", "right"):
        mar.set(w(side), str(mm_to_twips(margins_mm[side])))
    mar.set(w("header"), str(mm_to_twips(15)))
    mar.set(w("footer"), str(mm_to_twips(footer_mm)))
    mar.set(w("gutter"), "0")
    doc_grid = _child(sect_pr, "docGrid")
    for attr in list(doc_grid.attrib):
        del doc_grid.attrib[attr]
    if grid:
        doc_grid.set(w("type"), "linesAndChars")
        doc_grid.set(w("linePitch"), str(grid[0]))
        doc_grid.set(w("charSpace"), str(grid[1]))
    else:
        doc_grid.set(w("linePitch"), "312")
    _order_sect_pr(sect_pr)


_SECT_ORDER = ["headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar",
               "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote",
               "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings"]


def _order_sect_pr(sect_pr: Any) -> None:
    """Children in schema order: Word refuses a file whose sectPr is out of order."""
    rank = {w(t): i for i, t in enumerate(_SECT_ORDER)}
    children = sorted(sect_pr, key=lambda el: rank.get(el.tag, len(rank)))
    for el in children:
        sect_pr.remove(el)
        sect_pr.append(el)


def grid_for(*, text_width_mm: float, text_height_mm: float, lines: int, chars: int,
             font_half_points: int) -> tuple[int, int]:
    """(linePitch, charSpace) for ``lines`` × ``chars``: 156 × 225 mm, 22 × 28, 3号 → (579, -849)."""
    line_pitch = int(mm_to_twips(text_height_mm) / lines)
    char_pitch_pt = text_width_mm / 25.4 * 72 / chars
    char_space = round((char_pitch_pt - font_half_points / 2) * 4096)
    return line_pitch, char_space


def page_number_paragraph_xml(align: str, *, font: str, half_points: int) -> str:
    """A footer paragraph "— N —" with a PAGE field; ``align`` "right" (odd pages) or "left" (even).

    GB/T 9704: 4号 半角宋体 digits, a dash each side, 单页码居右空一字, 双页码居左空一字.
    """
    indent = 'w:rightChars="100" w:right="280"' if align == "right" else 'w:leftChars="100" w:left="280"'
    rpr = (f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"'
           f' w:hint="eastAsia"/><w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/></w:rPr>')

    def run(inner: str) -> str:
        return f"<w:r>{rpr}{inner}</w:r>"

    return (
        f'<w:p xmlns:w="{W_NS}"><w:pPr><w:jc w:val="{align}"/><w:ind {indent}/></w:pPr>'
        + run('<w:t xml:space="preserve">— </w:t>')
        + run('<w:fldChar w:fldCharType="begin"/>')
        + run('<w:instrText xml:space="preserve"> PAGE </w:instrText>')
        + run('<w:fldChar w:fldCharType="separate"/>')
        + run("<w:t>1</w:t>")
        + run('<w:fldChar w:fldCharType="end"/>')
        + run('<w:t xml:space="preserve"> —</w:t>')
        + "</w:p>"
    )


def put_page_number(footer: Any, align: str, *, font: str, half_points: int) -> None:
    """Replace a python-docx footer's content by one page-number paragraph."""
    from lxml import etree

    element = footer._element
    for child in list(element):
        element.remove(child)
    element.append(etree.fromstring(page_number_paragraph_xml(align, font=font, half_points=half_points)))


def set_even_and_odd(settings_element: Any) -> None:
    """``w:evenAndOddHeaders``: separate footers for odd and even pages."""
    _child(settings_element, "evenAndOddHeaders", first=True)


def set_table_header(row_element: Any) -> None:
    """Repeat this row at the top of every page the table runs onto (``w:tblHeader``)."""
    tr_pr = row_element.find(w("trPr"))
    if tr_pr is None:
        from lxml import etree

        tr_pr = etree.Element(w("trPr"))
        row_element.insert(0, tr_pr)
    _child(tr_pr, "tblHeader")
    _child(tr_pr, "cantSplit")


def set_table_borders(tbl_element: Any, size_eighths: int = 4) -> None:
    """Single black lines around and inside every cell."""
    tbl_pr = tbl_element.find(w("tblPr"))
    borders = _child(tbl_pr, "tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = _child(borders, side)
        for key, value in (("val", "single"), ("sz", str(size_eighths)), ("space", "0"), ("color", "000000")):
            edge.set(w(key), value)


# ---------------------------------------------------------------------------
# After rendering


def fill_run_fonts(document: Any) -> int:
    """Give every run without a font its paragraph style's font, on all four attributes.

    A run docxtpl created for a placeholder has no ``w:rFonts``; Word would fall back
    to the theme font for Latin text and WPS to 宋体.  Returns how many runs were filled.
    """
    fonts = _style_fonts(document)
    default = fonts.get(None)
    filled = 0
    for part_element in _story_elements(document):
        for paragraph in part_element.iter(w("p")):
            style = paragraph.find(f"{w('pPr')}/{w('pStyle')}")
            font = fonts.get(style.get(w("val")) if style is not None else None) or default
            if not font:
                continue
            for run in paragraph.iter(w("r")):
                rpr = _child(run, "rPr", first=True)
                rfonts = rpr.find(w("rFonts"))
                if rfonts is None:
                    set_fonts(rpr, font)
                    filled += 1
                    continue
                known = next((rfonts.get(w(a)) for a in ("eastAsia", "ascii", "hAnsi", "cs")
                              if rfonts.get(w(a))), font)
                for attr in FONT_ATTRIBUTES:
                    if not rfonts.get(w(attr)):
                        rfonts.set(w(attr), known)
    return filled


def _story_elements(document: Any) -> list[Any]:
    """The body, headers and footers of a python-docx Document."""
    out = [document.element.body]
    for section in document.sections:
        for hf in (section.footer, section.even_page_footer, section.header, section.even_page_header):
            if not hf.is_linked_to_previous:
                out.append(hf._element)
    return out


def _style_fonts(document: Any) -> dict[str | None, str]:
    """style id → its East-Asian font (following ``w:basedOn``); ``None`` → the document default."""
    styles = document.styles.element
    by_id = {s.get(w("styleId")): s for s in styles.iter(w("style"))}
    default_fonts = styles.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}/{w('rFonts')}")
    out: dict[str | None, str] = {}
    if default_fonts is not None and default_fonts.get(w("eastAsia")):
        out[None] = default_fonts.get(w("eastAsia"))

    def font_of(style_id: str, depth: int = 0) -> str | None:
        style = by_id.get(style_id)
        if style is None or depth > 10:
            return None
        rfonts = style.find(f"{w('rPr')}/{w('rFonts')}")
        if rfonts is not None and (rfonts.get(w("eastAsia")) or rfonts.get(w("ascii"))):
            return rfonts.get(w("eastAsia")) or rfonts.get(w("ascii"))
        based = style.find(w("basedOn"))
        return font_of(based.get(w("val")), depth + 1) if based is not None else None

    for style_id in by_id:
        found = font_of(style_id)
        if found:
            out[style_id] = found
    return out


def merge_blank_cells_down(document: Any, columns: tuple[int, ...] = (0, 1)) -> None:
    """In task-list tables, a sub-row's blank 序号/重点任务 cells merge with the row above (``w:vMerge``).

    Only tables whose first row is a repeating header (``w:tblHeader``) are task lists.
    """
    for tbl in document.element.body.iter(w("tbl")):
        rows = tbl.findall(w("tr"))
        if not rows or not _is_header(rows[0]):
            continue
        for col in columns:
            above = None
            for tr in rows:
                cells = tr.findall(w("tc"))
                if len(cells) <= col or len(cells) < 5:
                    above = None
                    continue
                cell = cells[col]
                if _cell_text(cell).strip() or above is None or _is_header(tr):
                    above = cell
                    continue
                _vmerge(above, "restart", keep=True)
                _vmerge(cell, "continue")


def _cell_text(cell: Any) -> str:
    return "".join(t.text or "" for t in cell.iter(w("t")))


def _is_header(tr: Any) -> bool:
    return tr.find(f"{w('trPr')}/{w('tblHeader')}") is not None


def _vmerge(cell: Any, value: str, keep: bool = False) -> None:
    tc_pr = _child(cell, "tcPr", first=True)
    merge = tc_pr.find(w("vMerge"))
    if merge is not None and keep:
        return
    if merge is None:
        merge = _child(tc_pr, "vMerge")
    merge.set(w("val"), value)


# ---------------------------------------------------------------------------
# Untrusted packages


def check_package(data: bytes, name: str) -> None:
    """Refuse a .docx that is not a zip, unpacks too large (zip bomb) or carries a DTD / entities.

    Raises ``ValueError`` with one line saying what is wrong.
    """
    import defusedxml.ElementTree as safe_et
    from defusedxml import DefusedXmlException

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ValueError("not a Word .docx file (not a zip package)") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_PARTS:
            raise ValueError(f"too many parts in the package ({len(infos)})")
        total = sum(i.file_size for i in infos)
        if total > MAX_UNPACKED_BYTES:
            raise ValueError(f"unpacks to {total} bytes, more than {MAX_UNPACKED_BYTES}")
        names = {i.filename for i in infos}
        if "word/document.xml" not in names or "[Content_Types].xml" not in names:
            raise ValueError("not a Word .docx file (no word/document.xml)")
        for info in infos:
            if info.compress_size and info.file_size / info.compress_size > MAX_RATIO and info.file_size > 1_000_000:
                raise ValueError(f"{info.filename} is compressed {info.file_size // info.compress_size}:1 (zip bomb?)")
            if Path(info.filename).is_absolute() or ".." in Path(info.filename).parts:
                raise ValueError(f"part name {info.filename!r} points outside the package")
            if not info.filename.endswith((".xml", ".rels")):
                continue
            try:
                safe_et.fromstring(archive.read(info), forbid_dtd=True)
            except DefusedXmlException:
                raise ValueError(f"{info.filename} declares a DTD or entities, refused") from None
            except Exception as err:
                raise ValueError(f"{info.filename} is not well-formed XML: {err}") from None
