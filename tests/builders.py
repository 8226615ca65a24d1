"""Build the seed documents in other formats, the way real offices publish them.

The two seeds (``corpora/``) are text; real plans arrive as GB18030 text,
Word files with automatic numbering and merged cells, PDFs with ruled
tables, and notice pages.  Each builder writes one such file from a seed, so
the reader tests can check that every format reads back into the seed's
paragraphs, cells and numbering.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MENGZI = ROOT / "corpora" / "mengzi_campus_safety_plan_2023.txt"
QINGPU = ROOT / "corpora" / "qingpu_campus_risk_duty_table.txt"


# ---------------------------------------------------------------------------
# Text in other encodings


def write_text(path: Path, text: str, encoding: str, newline: str = "\n") -> Path:
    """Write ``text`` with ``encoding`` ("gb18030", "utf-16" adds a BOM, "utf-16-le" none) and ``newline``."""
    path.write_bytes(text.replace("\n", newline).encode(encoding))
    return path


# ---------------------------------------------------------------------------
# The Mengzi seed, cut into what a Word file holds

_LEVEL1 = re.compile(r"^([一二三四五六七八九十]+)、")
_LEVEL2 = re.compile(r"^\(([一二三四五六七八九十]+)\)")
_LEVEL3 = re.compile(r"^(\d+)\.")
ANNEX_HEADER = ["重点任务", "工作措施", "牵头单位", "责任单位"]


@dataclass
class SeedParagraph:
    """A body line: ``level`` 1/2/3 when it carries an 一、/(一)/1. label (stripped from ``text``)."""

    text: str
    level: int = 0
    label: str = ""


@dataclass
class AnnexRow:
    """One task row of the 重点工作任务清单: group heading, task, measures, lead, co."""

    group: str
    task: str
    measures: str
    lead: str
    co: str


@dataclass
class MengziParts:
    paragraphs: list[SeedParagraph] = field(default_factory=list)  # the notice and plan, before the annex table
    annex_title: list[str] = field(default_factory=list)  # 附件 / title lines above the table
    rows: list[AnnexRow] = field(default_factory=list)


def mengzi_parts(seed: Path = MENGZI) -> MengziParts:
    """Split the Mengzi seed: body paragraphs (with their heading labels), annex title, annex rows.

    The annex is flattened one cell per line: a "一、…" line opens a group (a
    vertically merged cell in the original), a "1.…" line opens a row of four
    cells (task, measures, lead, co).
    """
    lines = [line.strip() for line in seed.read_text(encoding="utf-8").splitlines()]
    annex_at = lines.index("附件")
    parts = MengziParts()
    in_plan = False
    for line in lines[:annex_at]:
        if not line:
            continue
        in_plan = in_plan or line == "一、总体目标"
        parts.paragraphs.append(_body_paragraph(line) if in_plan else SeedParagraph(line))
    cells = [line for line in lines[annex_at:] if line]
    header_at = cells.index(ANNEX_HEADER[0])
    parts.annex_title = cells[:header_at]
    assert cells[header_at:header_at + 4] == ANNEX_HEADER
    group = ""
    rest = cells[header_at + 4:]
    i = 0
    while i < len(rest):
        if _LEVEL1.match(rest[i]):
            group = rest[i]
            i += 1
            continue
        parts.rows.append(AnnexRow(group, *rest[i:i + 4]))
        i += 4
    return parts


def _body_paragraph(line: str) -> SeedParagraph:
    for level, pattern in ((1, _LEVEL1), (2, _LEVEL2), (3, _LEVEL3)):
        m = pattern.match(line)
        if m:
            return SeedParagraph(line[m.end():], level, m.group(0))
    return SeedParagraph(line)


# ---------------------------------------------------------------------------
# DOCX


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# 一、 / （一） / 1. : the three levels Chinese plans use, with Word's own number formats.
_NUMBERING_LEVELS = (("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."))
ABSTRACT_NUM_ID = "90"
NUM_ID = "90"


def _add_outline_numbering(document) -> None:
    """Add one multi-level list (一、 / （一） / 1.) to the document's numbering part."""
    from docx.oxml import parse_xml

    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:suff w:val="nothing"/><w:lvlJc w:val="left"/></w:lvl>'
        for i, (fmt, text) in enumerate(_NUMBERING_LEVELS)
    )
    numbering = document.part.numbering_part.element
    abstract = parse_xml(f'<w:abstractNum xmlns:w="{_W}" w:abstractNumId="{ABSTRACT_NUM_ID}">'
                         f'<w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>')
    num = parse_xml(f'<w:num xmlns:w="{_W}" w:numId="{NUM_ID}"><w:abstractNumId w:val="{ABSTRACT_NUM_ID}"/></w:num>')
    first_num = numbering.find(f"{{{_W}}}num")
    if first_num is not None:
        first_num.addprevious(abstract)  # the schema wants every abstractNum before the nums
    else:
        numbering.append(abstract)
    numbering.append(num)


def _number_paragraph(paragraph, level: int) -> None:
    from docx.oxml import parse_xml

    numpr = parse_xml(f'<w:numPr xmlns:w="{_W}"><w:ilvl w:val="{level - 1}"/>'
                      f'<w:numId w:val="{NUM_ID}"/></w:numPr>')
    paragraph._p.get_or_add_pPr().append(numpr)


def _merge_cells_vertically(table, col: int, first_row: int, last_row: int) -> None:
    if last_row > first_row:
        table.cell(first_row, col).merge(table.cell(last_row, col))


def build_mengzi_docx(path: Path, seed: Path = MENGZI) -> Path:
    """The Mengzi plan as Word writes it: numbered headings and the annex as a real table.

    Headings 一、/（一）/1. use Word automatic numbering (the label is not in
    the text); the annex header's 重点任务 spans two columns; each group
    heading (一、建立健全…) is one cell merged down over its rows.
    """
    import docx
    from docx.oxml import parse_xml

    parts = mengzi_parts(seed)
    document = docx.Document()
    _add_outline_numbering(document)
    for para in parts.paragraphs:
        p = document.add_paragraph(para.text, style="Heading 1" if para.level == 1 else None)
        if para.level:
            _number_paragraph(p, para.level)
    for line in parts.annex_title:
        document.add_paragraph(line)
    table = document.add_table(rows=1 + len(parts.rows), cols=5)
    table.style = "Table Grid"
    header = table.rows[0]
    header._tr.get_or_add_trPr().append(parse_xml(f'<w:tblHeader xmlns:w="{_W}"/>'))
    header.cells[0].merge(header.cells[1])
    for j, text in enumerate(ANNEX_HEADER):
        header.cells[j + 1 if j else 0].text = text
    group_start = 1
    for i, row in enumerate(parts.rows, start=1):
        cells = table.rows[i].cells
        for j, text in enumerate((row.task, row.measures, row.lead, row.co), start=1):
            cells[j].text = text
        if i == 1 or row.group != parts.rows[i - 2].group:
            _merge_cells_vertically(table, 0, group_start, i - 1)
            group_start = i
            cells[0].text = row.group
    _merge_cells_vertically(table, 0, group_start, len(parts.rows))
    document.save(str(path))
    return path


def build_numbered_list_docx(path: Path, levels: list[tuple[str, str]], paragraphs: list[tuple[int, str]],
                             *, start_override: dict[int, int] | None = None) -> Path:
    """A DOCX with one list: ``levels`` as (numFmt, lvlText), ``paragraphs`` as (ilvl or -1, text).

    ``start_override`` adds a second list instance (numId 91) that restarts the
    given levels; paragraphs with ilvl ≥ 100 use it at level ilvl - 100.
    """
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    numbering = document.part.numbering_part.element
    lvls = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                   f'<w:lvlText w:val="{text}"/></w:lvl>' for i, (fmt, text) in enumerate(levels))
    numbering.append(parse_xml(f'<w:abstractNum xmlns:w="{_W}" w:abstractNumId="{ABSTRACT_NUM_ID}">'
                               f'{lvls}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num xmlns:w="{_W}" w:numId="{NUM_ID}">'
                               f'<w:abstractNumId w:val="{ABSTRACT_NUM_ID}"/></w:num>'))
    if start_override:
        overrides = "".join(f'<w:lvlOverride w:ilvl="{i}"><w:startOverride w:val="{n}"/></w:lvlOverride>'
                            for i, n in start_override.items())
        numbering.append(parse_xml(f'<w:num xmlns:w="{_W}" w:numId="91">'
                                   f'<w:abstractNumId w:val="{ABSTRACT_NUM_ID}"/>{overrides}</w:num>'))
    for ilvl, text in paragraphs:
        p = document.add_paragraph(text)
        if ilvl >= 0:
            num_id, level = ("91", ilvl - 100) if ilvl >= 100 else (NUM_ID, ilvl)
            p._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr xmlns:w="{_W}"><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    document.save(str(path))
    return path


def replace_docx_part(source: Path, path: Path, name: str, data: bytes | None,
                      compression: int | None = None) -> Path:
    """Copy a DOCX, replacing (or with ``data=None`` dropping) one part: how broken files are made."""
    import zipfile

    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != name:
                dst.writestr(info, src.read(info))
        if data is not None:
            dst.writestr(name, data, compress_type=compression or zipfile.ZIP_DEFLATED)
    return path


def build_minimal_docx(path: Path, lines: list[str]) -> Path:
    """A plain DOCX with one paragraph per line."""
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(str(path))
    return path


# The prefixes real documents use, declared once so a test can write the body as Word stores it.
_NAMESPACES = {
    "w": _W,
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "v": "urn:schemas-microsoft-com:vml",
    "w14": "http://schemas.microsoft.com/office/word/2010/wordml",
}


def build_docx_xml(path: Path, body: str, *, numbering: str = "", styles: str = "") -> Path:
    """A DOCX whose body is ``body``, XML as Word stores it (``<w:p>…</w:p>``, prefixes w r mc wps wp v w14).

    ``numbering`` (``<w:abstractNum>``/``<w:num>`` elements) and ``styles``
    (``<w:style>`` elements) are added to the document's numbering and styles parts.
    """
    import docx
    from docx.oxml import parse_xml

    declarations = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in _NAMESPACES.items())
    document = docx.Document()
    target = document.element.body
    section = target.find(f"{{{_W}}}sectPr")
    for child in list(target):
        if child is not section:
            target.remove(child)
    for child in parse_xml(f"<w:body {declarations}>{body}</w:body>"):
        section.addprevious(child)
    parts = ((numbering, document.part.numbering_part.element, "numbering"),
             (styles, document.styles.element, "styles"))
    for xml, root, name in parts:
        if xml:
            elements = list(parse_xml(f"<w:{name} {declarations}>{xml}</w:{name}>"))
            nums = [el for el in elements if el.tag == f"{{{_W}}}num"]
            for el in elements:
                first_num = root.find(f"{{{_W}}}num")
                if el not in nums and first_num is not None:
                    first_num.addprevious(el)  # the schema wants every abstractNum before the nums
                else:
                    root.append(el)
    document.save(str(path))
    return path


def move_main_part(source: Path, path: Path, name: str) -> Path:
    """Copy a DOCX with ``word/document.xml`` renamed ``name``, relationships and content types following."""
    import zipfile

    old = "word/document.xml"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename in ("_rels/.rels", "[Content_Types].xml"):
                data = data.replace(f"/{old}".encode(), f"/{name}".encode()).replace(
                    f'"{old}"'.encode(), f'"{name}"'.encode())
            elif info.filename == "word/_rels/document.xml.rels":
                info.filename = f"{name.rsplit('/', 1)[0]}/_rels/{name.rsplit('/', 1)[1]}.rels"
            elif info.filename == old:
                info.filename = name
            dst.writestr(info.filename, data)
    return path


_DOC_OPEN = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_BODY = f'<w:document xmlns:w="{_W}"><w:body><w:p><w:r><w:t>{{}}</w:t></w:r></w:p></w:body></w:document>'


def build_zip_bomb_docx(path: Path, unpacked_mb: int = 5) -> Path:
    """A DOCX whose document.xml is megabytes of one repeated run: a few KB zipped (a zip bomb)."""
    source = build_minimal_docx(path.with_suffix(".src.docx"), ["一、总体目标"])
    filler = "校园安全" * (unpacked_mb * 1024 * 1024 // 12)
    return replace_docx_part(source, path, "word/document.xml", (_DOC_OPEN + _BODY.format(filler)).encode())


def build_entity_bomb_docx(path: Path) -> Path:
    """A DOCX whose document.xml declares nested entities ("billion laughs")."""
    source = build_minimal_docx(path.with_suffix(".src.docx"), ["一、总体目标"])
    entities = '<!ENTITY a0 "校园安全">' + "".join(
        f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10))
    xml = _DOC_OPEN + f"<!DOCTYPE w:document [{entities}]>" + _BODY.format("&a9;")
    return replace_docx_part(source, path, "word/document.xml", xml.encode())


# ---------------------------------------------------------------------------
# PDF (reportlab's built-in CID font renders Chinese without font files)

PDF_FONT = "STSong-Light"
_PDF_COLUMNS_MENGZI = (70, 90, 170, 60, 110)  # points; A4 is 595 wide
TABLE_STYLE = [("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")]


def pdf_styles():
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if PDF_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(PDF_FONT))
    body = ParagraphStyle("body", fontName=PDF_FONT, fontSize=11, leading=16, wordWrap="CJK", firstLineIndent=22)
    cell = ParagraphStyle("cell", fontName=PDF_FONT, fontSize=8, leading=10, wordWrap="CJK")
    return body, cell


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def build_pdf(path: Path, paragraphs: list[str], header: list[str], rows: list[list[str]],
              col_widths: tuple[float, ...], *, spans: list[tuple] = (), encrypt: str | None = None) -> Path:
    """A PDF of body ``paragraphs`` then one ruled table (header repeated on every page)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    body, cell = pdf_styles()
    story = [Paragraph(_escape(text), body) for text in paragraphs]
    data = [[Paragraph(_escape(text), cell) for text in row] for row in [header, *rows]]
    table = Table(data, colWidths=list(col_widths), repeatRows=1)
    table.setStyle(TableStyle([*TABLE_STYLE, *(("SPAN", a, b) for a, b in spans)]))
    story.append(table)
    doc = SimpleDocTemplate(str(path), pagesize=A4, encrypt=encrypt, leftMargin=50, rightMargin=50,
                            topMargin=50, bottomMargin=50)
    doc.build(story)
    return path


@dataclass
class Text:
    """A line drawn at (x, y) from the bottom left, in points; ``centre`` draws it centred on x."""

    x: float
    y: float
    text: str
    size: float = 16
    centre: bool = False


@dataclass
class Grid:
    """A ruled table: top-left corner (x, top), column widths, row heights, cell texts ("\n" between lines)."""

    x: float
    top: float
    widths: list[float]
    heights: list[float]
    rows: list[list[str]]
    size: float = 10


def _draw_grid(c, grid: Grid) -> None:
    xs = [grid.x]
    for w in grid.widths:
        xs.append(xs[-1] + w)
    ys = [grid.top]
    for h in grid.heights:
        ys.append(ys[-1] - h)
    for y in ys:
        c.line(xs[0], y, xs[-1], y)
    for x in xs:
        c.line(x, ys[0], x, ys[-1])
    c.setFont(PDF_FONT, grid.size)
    for r, row in enumerate(grid.rows):
        for j, text in enumerate(row):
            for k, line in enumerate(text.split("\n") if text else []):
                c.drawString(xs[j] + 3, ys[r] - (k + 1) * grid.size * 1.3, line)


def build_canvas_pdf(path: Path, pages: list[list[Text | Grid]]) -> Path:
    """A PDF drawn item by item on A4 pages, the way a GB/T 9704 layout places them."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf_styles()  # registers the CID font
    c = canvas.Canvas(str(path), pagesize=A4)
    for page in pages:
        for item in page:
            if isinstance(item, Grid):
                _draw_grid(c, item)
                continue
            c.setFont(PDF_FONT, item.size)
            (c.drawCentredString if item.centre else c.drawString)(item.x, item.y, item.text)
        c.showPage()
    c.save()
    return path


def build_unmapped_font_pdf(path: Path, latin: str, glyph_ids: list[int]) -> Path:
    """A one-page PDF: ``latin`` in Helvetica, then glyphs of an embedded-style CJK font with no ToUnicode map.

    What a PDF made with a subset font and no Unicode table holds: pdfminer can
    only show the glyph ids, "(cid:18)".
    """
    glyphs = "".join(f"{g:04X}" for g in glyph_ids).encode()
    content = (b"BT /F2 16 Tf 79 700 Td (" + latin.encode() + b") Tj ET BT /F1 16 Tf 79 660 Td <" + glyphs
               + b"> Tj ET")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R /F2 7 0 R >> >>"
        b" /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+FZFSK /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+FZFSK /CIDSystemInfo << /Registry (Adobe)"
        b" /Ordering (Identity) /Supplement 0 >> /FontDescriptor << /Type /FontDescriptor /FontName /ABCDEF+FZFSK"
        b" /Flags 4 /FontBBox [0 -200 1000 800] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700"
        b" /StemV 80 >> /DW 1000 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def build_mengzi_pdf(path: Path, seed: Path = MENGZI, *, encrypt: str | None = None) -> Path:
    """The Mengzi plan as a PDF: the body as wrapped paragraphs, the task list as a ruled table over pages."""
    parts = mengzi_parts(seed)
    paragraphs = [p.label + p.text for p in parts.paragraphs] + parts.annex_title
    rows = [[r.group, r.task, r.measures, r.lead, r.co] for r in parts.rows]
    spans = [((0, 0), (1, 0))]  # 重点任务 over the group and task columns
    for first, last in group_runs(parts.rows):
        if last > first:
            spans.append(((0, first + 1), (0, last + 1)))  # the group heading merged down its rows
            for i in range(first + 1, last + 1):
                rows[i][0] = ""
    return build_pdf(path, paragraphs, ["重点任务", "", *ANNEX_HEADER[1:]], rows, _PDF_COLUMNS_MENGZI,
                     spans=spans, encrypt=encrypt)


def group_runs(rows: list[AnnexRow]) -> list[tuple[int, int]]:
    """(first, last) row indexes of each run of rows under the same group heading."""
    runs: list[tuple[int, int]] = []
    for i, row in enumerate(rows):
        if runs and rows[runs[-1][0]].group == row.group:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs


QINGPU_HEADER = ["一级指标", "二级指标", "工作要求", "牵头单位", "配合单位"]


def qingpu_rows(seed: Path = QINGPU, count: int = 6) -> list[list[str]]:
    """The first ``count`` five-cell rows of the Qingpu duty table, as the seed has them."""
    rows = []
    for line in seed.read_text(encoding="utf-8").splitlines()[3:]:
        cells = line.split("\t")
        if len(cells) == 5:
            rows.append(cells)
    return rows[:count]


def build_qingpu_pdf(path: Path, seed: Path = QINGPU) -> Path:
    """The Qingpu 职责分工 table as a ruled PDF table with its title above."""
    title = seed.read_text(encoding="utf-8").splitlines()[0]
    return build_pdf(path, [title], QINGPU_HEADER, qingpu_rows(seed), (60, 80, 200, 60, 100))


# ---------------------------------------------------------------------------
# HTML: a county government's notice page

MENGZI_FIELD_COUNT = 7  # the seed opens with 7 label/value pairs (索引号 … 信息名称)


def _cell(tag: str, text: str, **attrs: int) -> str:
    from html import escape

    extra = "".join(f' {k}="{v}"' for k, v in attrs.items())
    return f"<{tag}{extra}>{escape(text)}</{tag}>"


def build_mengzi_html(path: Path, seed: Path = MENGZI, encoding: str = "gb18030") -> Path:
    """The Mengzi notice as its web page: nav, breadcrumb, metadata table, content with the task list, footer.

    Declared ``gb2312`` in a meta tag and encoded as GB18030, as such sites do.
    The task list is a ``<table>`` whose 重点任务 header spans two columns and
    whose group headings span their rows.
    """
    from html import escape

    parts = mengzi_parts(seed)
    meta = [p.text for p in parts.paragraphs[:2 * MENGZI_FIELD_COUNT]]
    pairs = list(zip(meta[0::2], meta[1::2], strict=True))
    body = parts.paragraphs[2 * MENGZI_FIELD_COUNT:]
    field_rows = "".join(
        "<tr>" + "".join(_cell("td", label + "：") + _cell("td", value) for label, value in pairs[i:i + 2]) + "</tr>"
        for i in range(0, len(pairs), 2))
    paragraphs = "\n".join(f"<p>\u3000\u3000{escape(p.label + p.text)}</p>" for p in body)
    annex = "\n".join(f"<p>{escape(line)}</p>" for line in parts.annex_title)
    header = "<tr>" + _cell("th", "重点任务", colspan=2) + "".join(_cell("th", h) for h in ANNEX_HEADER[1:]) + "</tr>"
    rows = []
    runs = {first: last for first, last in group_runs(parts.rows)}
    for i, row in enumerate(parts.rows):
        group = _cell("td", row.group, rowspan=runs[i] - i + 1) if i in runs else ""
        rows.append("<tr>" + group + "".join(_cell("td", t) for t in (row.task, row.measures, row.lead, row.co))
                    + "</tr>")
    title = dict(pairs)["信息名称"]
    page = f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{escape(title)}_蒙自市人民政府</title>
<script>var _hmt = _hmt || []; document.write("统计代码");</script>
<style>.TRS_Editor p {{ text-indent: 2em; }}</style></head>
<body>
<div class="header"><div class="nav"><a href="/">首页</a> <a href="/zwgk">政务公开</a> <a href="/hdjl">互动交流</a></div></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zfxxgk">政府信息公开</a> &gt; 政府文件</div>
<div class="xxgk_table"><table>{field_rows}</table></div>
<div class="article">
<h1>{escape(title)}</h1>
<div class="info">发布时间：2023-05-09 来源：蒙自市人民政府办公室 字体：<a>[大</a> <a>中</a> <a>小]</a></div>
<div class="TRS_Editor">
{paragraphs}
{annex}
<table border="1">{header}{''.join(rows)}</table>
</div>
<div class="share">分享到：<a>微信</a> <a>微博</a></div>
<div class="print"><a href="javascript:window.print()">【打印本页】</a> <a>【关闭窗口】</a></div>
</div>
<div class="footer">主办：蒙自市人民政府办公室 滇ICP备00000000号 版权所有</div>
</body></html>
"""
    path.write_bytes(page.encode(encoding))
    return path
