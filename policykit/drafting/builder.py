"""Build the default Word templates (``python3 templates/build_templates.py`` writes them to ``templates/``).

``plan.docx``      the notice (印发通知), the plan, and the task list as a landscape attachment
``tasklist.docx``  the task list alone (``policykit draft --tasklist TASKS.docx``)

Both follow GB/T 9704-2012: A4; margins 37/35/28/26 mm; a 22-line × 28-character
grid; title 2号 方正小标宋简体; body 3号 仿宋_GB2312 indented two characters;
一、 黑体, (一) 楷体_GB2312, 1. 仿宋_GB2312; page numbers "— 1 —" in 4号 宋体, odd
pages right, even pages left.  Fonts come from ``policykit/data/draft/wording.toml``.
Open the result in Word or WPS to restyle it; keep the ``{{ … }}`` / ``{% … %}`` fields.
An installation without the ``templates/`` folder builds them in memory from here.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm

from policykit.drafting import ooxml
from policykit.drafting.vocabulary import vocabulary

A4 = (210, 297)
MARGINS = {"top": 37, "bottom": 35, "left": 28, "right": 26}
# The landscape attachment keeps the same margins on the sheet as bound: rotated a quarter turn.
LANDSCAPE_MARGINS = {"top": 28, "bottom": 26, "left": 37, "right": 35}
SIZE_2 = 44  # 2号 22pt, in half-points
SIZE_3 = 32  # 3号 16pt
SIZE_4 = 28  # 4号 14pt
SIZE_TABLE = 24  # 小四 12pt: task lists are printed smaller than the body
COLUMN_WIDTHS_MM = (14, 38, 103, 32, 38)  # 序号, 重点任务, 工作措施, 牵头单位, 责任单位 (225 mm)
RED = "FF0000"


def add_style(doc, name: str, font: str, size: int, *, indent_chars: int = 0, align=None,
              outline: int | None = None, bold: bool = False, keep_next: bool = False):
    """A paragraph style with all four fonts, size and character-unit indent."""
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.quick_style = True
    rpr = style.element.get_or_add_rPr()
    ooxml.set_fonts(rpr, font)
    ooxml.set_size(rpr, size)
    style.font.bold = bold
    ppr = style.element.get_or_add_pPr()
    if indent_chars:
        ooxml.set_first_line_chars(ppr, indent_chars)
    if outline is not None:
        ooxml.set_outline_level(ppr, outline)
    if align is not None:
        style.paragraph_format.alignment = align
    style.paragraph_format.keep_with_next = keep_next or None
    return style


def base_document(fonts: dict[str, str]):
    """A document with the GB/T 9704 defaults and the GW styles."""
    doc = Document()
    ooxml.set_document_defaults(doc.styles.element, fonts["body"], SIZE_3)
    normal = doc.styles["Normal"]
    ooxml.set_fonts(normal.element.get_or_add_rPr(), fonts["body"])
    ooxml.set_size(normal.element.get_or_add_rPr(), SIZE_3)
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    normal.paragraph_format.space_before = 0
    normal.paragraph_format.space_after = 0
    center = WD_ALIGN_PARAGRAPH.CENTER
    add_style(doc, "GW Title", fonts["title"], SIZE_2, align=center)
    add_style(doc, "GW Body", fonts["body"], SIZE_3, indent_chars=2)
    add_style(doc, "GW Plain", fonts["body"], SIZE_3)
    add_style(doc, "GW Heading 1", fonts["heading1"], SIZE_3, indent_chars=2, outline=0, keep_next=True)
    add_style(doc, "GW Heading 2", fonts["heading2"], SIZE_3, indent_chars=2, outline=1, keep_next=True)
    add_style(doc, "GW Heading 3", fonts["heading3"], SIZE_3, indent_chars=2, outline=2)
    add_style(doc, "GW Attachment Label", fonts["attachment_label"], SIZE_3)
    add_style(doc, "GW Table", fonts["table"], SIZE_TABLE)
    add_style(doc, "GW Table Header", fonts["table_header"], SIZE_TABLE, align=center)
    add_style(doc, "GW Table Group", fonts["table_header"], SIZE_TABLE)
    mark = add_style(doc, "GW Issuer Mark", fonts["title"], 52, align=center)
    ooxml.set_color(mark.element.get_or_add_rPr(), RED)
    doc.core_properties.author = "policykit"
    doc.core_properties.title = "GB/T 9704-2012 template"
    doc.settings.odd_and_even_pages_header_footer = True
    ooxml.set_even_and_odd(doc.settings.element)
    return doc


def page_numbers(section, fonts: dict[str, str]) -> None:
    """Odd pages: "— N —" right; even pages: left (both 4号 宋体)."""
    section.footer.is_linked_to_previous = False
    section.even_page_footer.is_linked_to_previous = False
    ooxml.put_page_number(section.footer, "right", font=fonts["page_number"], half_points=SIZE_4)
    ooxml.put_page_number(section.even_page_footer, "left", font=fonts["page_number"], half_points=SIZE_4)


def portrait(section) -> None:
    grid = ooxml.grid_for(text_width_mm=A4[0] - MARGINS["left"] - MARGINS["right"],
                          text_height_mm=A4[1] - MARGINS["top"] - MARGINS["bottom"],
                          lines=22, chars=28, font_half_points=SIZE_3)
    ooxml.set_page(section._sectPr, width_mm=A4[0], height_mm=A4[1], margins_mm=MARGINS, grid=grid)


def landscape(section) -> None:
    ooxml.set_page(section._sectPr, width_mm=A4[1], height_mm=A4[0], margins_mm=LANDSCAPE_MARGINS,
                   landscape=True, footer_mm=20)


def para(doc, text: str, style: str, **fmt):
    p = doc.add_paragraph(style=style)
    if text:
        p.add_run(text)
    for key, value in fmt.items():
        setattr(p.paragraph_format, key, value)
    return p


def control(doc, tag: str):
    """A paragraph holding only a ``{%p … %}`` tag: docxtpl removes it when filling."""
    return para(doc, f"{{%p {tag} %}}", "GW Body")


def cell_text(cell, text: str, style: str) -> None:
    cell.paragraphs[0].style = style
    cell.paragraphs[0].add_run(text)


def tasklist_table(doc, columns: list[str]) -> None:
    """序号 / 重点任务 / 工作措施 / 牵头单位 / 责任单位 with a repeating header and group rows."""
    table = doc.add_table(rows=8, cols=5)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    ooxml.set_table_borders(table._tbl)
    for row in table.rows:
        for width, cell in zip(COLUMN_WIDTHS_MM, row.cells, strict=True):
            cell.width = Mm(width)
    for col, width in zip(table.columns, COLUMN_WIDTHS_MM, strict=True):
        col.width = Mm(width)
    header = table.rows[0]
    for cell, name in zip(header.cells, columns, strict=True):
        cell_text(cell, name, "GW Table Header")
    ooxml.set_table_header(header._tr)
    cell_text(table.rows[1].cells[0], "{%tr for row in rows %}", "GW Table")
    cell_text(table.rows[2].cells[0], "{%tr if row.group %}", "GW Table")
    group = table.rows[3].cells[0].merge(table.rows[3].cells[4])
    cell_text(group, "{{r row.group_rich }}", "GW Table Group")
    cell_text(table.rows[4].cells[0], "{%tr else %}", "GW Table")
    fields = ("{{ row.number }}", "{{r row.title_rich }}", "{{r row.measures_rich }}",
              "{{r row.lead_rich }}", "{{r row.co_rich }}")
    for cell, text in zip(table.rows[5].cells, fields, strict=True):
        cell_text(cell, text, "GW Table")
    table.rows[5].cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    cell_text(table.rows[6].cells[0], "{%tr endif %}", "GW Table")
    cell_text(table.rows[7].cells[0], "{%tr endfor %}", "GW Table")


def attachment(doc, columns: list[str]) -> None:
    para(doc, "附件", "GW Attachment Label")
    para(doc, "{{r attachment_title_rich }}", "GW Title")
    para(doc, "", "GW Plain")
    tasklist_table(doc, columns)


def build_plan(fonts: dict[str, str], columns: list[str]):
    doc = base_document(fonts)
    portrait(doc.sections[0])
    page_numbers(doc.sections[0], fonts)
    center = WD_ALIGN_PARAGRAPH.CENTER
    # 版头: 发文机关标志, 发文字号, red separator line
    para(doc, "{{ issuer }}文件", "GW Issuer Mark", space_before=Mm(8))
    para(doc, "", "GW Plain")
    number = para(doc, "{{r doc_number_rich }}", "GW Plain", alignment=center)
    ooxml.set_bottom_border(number._p.get_or_add_pPr())
    para(doc, "", "GW Plain")
    para(doc, "{{r notice_title_rich }}", "GW Title")
    para(doc, "", "GW Plain")
    para(doc, "{{ addressees }}", "GW Plain")
    para(doc, "{{r notice_body_rich }}", "GW Body")
    para(doc, "", "GW Plain")
    for text in ("{{ issuer }}", "{{r date_rich }}"):
        p = para(doc, text, "GW Plain", alignment=WD_ALIGN_PARAGRAPH.RIGHT)
        ooxml.set_side_chars(p._p.get_or_add_pPr(), right=4)
    para(doc, "（此件公开发布）", "GW Body")
    # The plan
    para(doc, "{{r title_rich }}", "GW Title", page_break_before=True)
    para(doc, "", "GW Plain")
    control(doc, "for b in blocks")
    control(doc, 'if b.kind == "h1"')
    para(doc, "{{r b.runs }}", "GW Heading 1")
    control(doc, 'elif b.kind == "h2"')
    para(doc, "{{r b.runs }}", "GW Heading 2")
    control(doc, 'elif b.kind == "h3"')
    para(doc, "{{r b.runs }}", "GW Heading 3")
    control(doc, "else")
    para(doc, "{{r b.runs }}", "GW Body")
    control(doc, "endif")
    control(doc, "endfor")
    doc.add_section(WD_SECTION.NEW_PAGE)
    landscape(doc.sections[-1])
    attachment(doc, columns)
    return doc


def build_tasklist(fonts: dict[str, str], columns: list[str]):
    doc = base_document(fonts)
    landscape(doc.sections[0])
    page_numbers(doc.sections[0], fonts)
    attachment(doc, columns)
    return doc


BUILDERS = {"plan.docx": build_plan, "tasklist.docx": build_tasklist}


def build(name: str):
    """The bundled template ``name`` ("plan.docx" or "tasklist.docx") as a python-docx Document."""
    vocab = vocabulary()
    return BUILDERS[name](vocab.wording["fonts"], vocab.wording["columns"])


def write_all(out_dir: Path) -> list[Path]:
    """Write every bundled template into ``out_dir``."""
    paths = []
    for name in BUILDERS:
        path = out_dir / name
        build(name).save(path)
        paths.append(path)
    return paths
