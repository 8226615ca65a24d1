"""The Word draft meets GB/T 9704-2012: checked in the document XML of a real draft (蒙自 → 建水县)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from test_draft_sources import mengzi_document, qingpu_document

from policykit.drafting import draft
from policykit.profile import load_profile

PROFILES = Path(__file__).resolve().parent.parent / "corpora" / "profiles"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def attr(el, name: str) -> str | None:
    return el.get(f"{{{W}}}{name}")


@pytest.fixture(scope="module")
def result():
    return draft(mengzi_document(), load_profile(PROFILES / "jianshui.toml"))


@pytest.fixture(scope="module")
def parts(result):
    with zipfile.ZipFile(io.BytesIO(result.docx())) as z:
        return {name: etree.fromstring(z.read(name)) for name in z.namelist() if name.endswith(".xml")}


@pytest.fixture(scope="module")
def body(parts):
    return parts["word/document.xml"]


def paragraphs(body) -> list[tuple[str, str]]:
    """(style id, text) of every body paragraph outside tables."""
    out = []
    for p in body.iterfind("w:body/w:p", NS):
        style = p.find("w:pPr/w:pStyle", NS)
        out.append((attr(style, "val") if style is not None else "", "".join(p.itertext())))
    return out


def style(parts, style_id: str):
    return parts["word/styles.xml"].find(f"w:style[@w:styleId='{style_id}']", NS)


def test_sections_are_a4_portrait_then_landscape_with_gbt_margins(body):
    sections = body.findall(".//w:sectPr", NS)
    assert len(sections) == 2
    portrait, landscape = sections
    size = portrait.find("w:pgSz", NS)
    assert (attr(size, "w"), attr(size, "h"), attr(size, "orient")) == ("11906", "16838", None)
    margins = portrait.find("w:pgMar", NS)
    assert [attr(margins, side) for side in ("top", "bottom", "left", "right")] == ["2098", "1984", "1587", "1474"]
    size = landscape.find("w:pgSz", NS)
    assert (attr(size, "w"), attr(size, "h"), attr(size, "orient")) == ("16838", "11906", "landscape")


def test_document_grid_is_22_lines_of_28_characters(body):
    grid = body.find(".//w:sectPr", NS).find("w:docGrid", NS)
    assert attr(grid, "type") == "linesAndChars"
    # 225 mm of text height / 22 lines; 156 mm / 28 characters of 16pt: (15.79 - 16) pt × 4096
    assert attr(grid, "linePitch") == "579"
    assert attr(grid, "charSpace") == "-848"


def test_every_run_names_all_four_fonts(parts):
    for name in ("word/document.xml", "word/footer1.xml", "word/footer2.xml"):
        runs = parts[name].findall(".//w:r", NS)
        assert runs
        for run in runs:
            fonts = run.find("w:rPr/w:rFonts", NS)
            assert fonts is not None, etree.tostring(run, encoding="unicode")
            assert all(attr(fonts, a) for a in ("ascii", "hAnsi", "eastAsia", "cs"))


@pytest.mark.parametrize("style_id, font, size, indent", [
    ("GWTitle", "方正小标宋简体", "44", None),
    ("GWBody", "仿宋_GB2312", "32", "200"),
    ("GWHeading1", "黑体", "32", "200"),
    ("GWHeading2", "楷体_GB2312", "32", "200"),
    ("GWHeading3", "仿宋_GB2312", "32", "200"),
    ("GWAttachmentLabel", "黑体", "32", None),
])
def test_styles_fonts_sizes_and_character_indents(parts, style_id, font, size, indent):
    el = style(parts, style_id)
    fonts = el.find("w:rPr/w:rFonts", NS)
    assert {attr(fonts, a) for a in ("ascii", "hAnsi", "eastAsia", "cs")} == {font}
    assert attr(el.find("w:rPr/w:sz", NS), "val") == size
    assert attr(el.find("w:rPr/w:szCs", NS), "val") == size
    ind = el.find("w:pPr/w:ind", NS)
    assert (attr(ind, "firstLineChars") if ind is not None else None) == indent


def test_title_is_not_bold(parts):
    bold = style(parts, "GWTitle").find("w:rPr/w:b", NS)
    assert bold is not None and attr(bold, "val") in ("0", "false")


def test_page_numbers_dash_field_odd_right_even_left(parts):
    assert parts["word/settings.xml"].find("w:evenAndOddHeaders", NS) is not None
    refs = {attr(r, "type"): r for r in parts["word/document.xml"].findall(".//w:footerReference", NS)}
    assert set(refs) == {"default", "even"}
    for footer_name, align in (("word/footer1.xml", "right"), ("word/footer2.xml", "left")):
        footer = parts[footer_name]
        text = "".join(footer.itertext())
        assert text == "—  PAGE 1 —"
        assert attr(footer.find(".//w:jc", NS), "val") == align
        assert attr(footer.find(".//w:rFonts", NS), "eastAsia") == "宋体"
        assert attr(footer.find(".//w:sz", NS), "val") == "28"
        assert footer.find(".//w:fldChar[@w:fldCharType='begin']", NS) is not None


def test_task_list_header_repeats_and_sits_in_the_landscape_section(body):
    table = body.find(".//w:tbl", NS)
    header = table.find("w:tr", NS)
    assert header.find("w:trPr/w:tblHeader", NS) is not None
    assert ["".join(tc.itertext()) for tc in header.findall("w:tc", NS)] == [
        "序号", "重点任务", "工作措施", "牵头单位", "责任单位"]
    later = list(body.find("w:body", NS)).index(table)
    section_break = next(i for i, el in enumerate(body.find("w:body", NS)) if el.find(".//w:sectPr", NS) is not None)
    assert section_break < later


def test_order_notice_then_plan_then_attachment(body):
    texts = [t for _, t in paragraphs(body)]
    at = {key: next(i for i, t in enumerate(texts) if t.startswith(key)) for key in (
        "建水县人民政府办公室文件", "建政办发〔2024〕12号", "建水县人民政府办公室关于印发", "各乡镇（街道），县级各有关部门：",
        "2024年4月8日", "建水县贯彻落实", "一、总体目标", "二、主要任务", "三、保障措施", "附件：", "附件")}
    assert list(at.values()) == sorted(at.values())
    assert texts[at["建水县人民政府办公室关于印发"]] == (
        "建水县人民政府办公室关于印发建水县贯彻落实省州校园安全防范能力提升三年行动计划"
        "（2022-2024年）工作方案及重点工作任务清单的通知")


def test_tasks_carry_fresh_trailers_with_the_new_units(body):
    texts = [t for _, t in paragraphs(body)]
    first = next(t for t in texts if t.startswith("1.完善校园安全管理责任制。"))
    assert first.endswith("（牵头单位：县教育体育局；责任单位：县公安局、县司法局、各乡镇（街道））")
    assert "蒙自" not in "".join(texts)


def test_outline_is_rebuilt(body):
    headings = [(s, t) for s, t in paragraphs(body) if s in ("GWHeading1", "GWHeading2")]
    assert headings[:4] == [("GWHeading1", "一、总体目标"), ("GWHeading1", "二、主要任务"),
                            ("GWHeading2", "（一）建立健全校园安全管理责任制"),
                            ("GWHeading2", "（二）夯实学校“三防”建设基础")]
    assert headings[-1] == ("GWHeading1", "三、保障措施")


def test_run_in_headings_take_the_heading_font(body):
    run = next(r for r in body.iterfind(".//w:r", NS) if "".join(r.itertext()) == "（一）强化组织保障。")
    assert attr(run.find("w:rPr/w:rFonts", NS), "eastAsia") == "楷体_GB2312"


def test_review_runs_are_highlighted_and_listed(body, result):
    highlighted = ["".join(r.itertext()) for r in body.iterfind(".//w:r", NS)
                   if r.find("w:rPr/w:highlight[@w:val='yellow']", NS) is not None]
    assert "600:1" in highlighted
    assert "task 强化学校卫生健康体系建设: number not settled by the profile's [numbers]: 600:1" in result.review
    settled = next(r for r in body.iterfind(".//w:r", NS) if "培训及实操演练不少于20天" in "".join(r.itertext()))
    assert settled.find("w:rPr/w:highlight", NS) is None


def test_task_list_rows_match_the_body(result):
    rows = [r for r in result.plan.rows if not r.group]
    assert len(rows) == 20
    assert [r.number for r in rows[:3]] == ["1", "2", "3"]
    assert "".join(p.text for p in rows[9].title) == "开展“防溺水”专项治理"  # the body's title, not the list's
    assert [p.text for p in rows[0].lead] == ["县教育体育局"]
    assert any("the source list says “开展“防溺水”专项行动”" in line for line in result.review)


def test_sub_rows_leave_number_and_title_to_a_merged_cell():
    result = draft(qingpu_document(), load_profile(PROFILES / "songjiang.toml"))
    rows = [r for r in result.plan.rows if not r.group]
    ninth = [i for i, r in enumerate(rows) if r.number == "9"][0]
    assert rows[ninth + 1].number == "" and rows[ninth + 1].title == []
    with zipfile.ZipFile(io.BytesIO(result.docx())) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert 'w:vMerge w:val="restart"' in xml and 'w:vMerge w:val="continue"' in xml


def test_xlsx_task_list_one_row_per_task(result):
    from openpyxl import load_workbook

    ws = load_workbook(io.BytesIO(result.tasklist_xlsx())).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == ("序号", "类别", "重点任务", "工作措施", "牵头单位", "责任单位")
    assert len(rows) == 21
    assert rows[1][:3] == (1, "一、建立健全校园安全管理责任制", "完善校园安全管理责任制")
    assert rows[1][4:] == ("县教育体育局", "县公安局、县司法局、各乡镇（街道）")


def test_tasklist_docx_is_landscape_alone(result):
    with zipfile.ZipFile(io.BytesIO(result.tasklist_docx())) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert xml.count("<w:sectPr") == 1 and 'w:orient="landscape"' in xml
    assert re.search(r"<w:tblHeader/>", xml)


@pytest.mark.parametrize("name", ["plan.docx", "tasklist.docx"])
def test_committed_templates_are_what_the_builder_makes(name):
    """templates/*.docx are reproducible: regenerate them with templates/build_templates.py."""
    from policykit.drafting.builder import build
    from policykit.drafting.render import template_path

    built = io.BytesIO()
    build(name).save(built)
    with zipfile.ZipFile(built) as fresh, zipfile.ZipFile(template_path(name)) as committed:
        for part in ("word/document.xml", "word/styles.xml", "word/settings.xml", "word/footer1.xml"):
            assert fresh.read(part) == committed.read(part), part


def test_plain_task_rows_and_document_properties(result):
    first = result.tasklist[0]
    assert first == {"序号": "1", "类别": "一、建立健全校园安全管理责任制", "重点任务": "完善校园安全管理责任制",
                     "工作措施": first["工作措施"], "牵头单位": "县教育体育局",
                     "责任单位": "县公安局、县司法局、各乡镇（街道）"}
    assert first["工作措施"].startswith("完善校园安全管理责任制，健全完善各级各类学校安全管理责任制实施细则")
    props = result.document.core_properties
    assert (props.author, props.title) == (
        "建水县人民政府办公室", "建水县贯彻落实省州校园安全防范能力提升三年行动计划（2022-2024年）工作方案及重点工作任务清单")


def test_an_install_without_the_templates_folder_builds_them_in_memory(monkeypatch, tmp_path):
    """``pip install .`` ships policykit/ only: the bundled templates are then built, not read."""
    monkeypatch.setattr("policykit.drafting.render.template_path", lambda name: tmp_path / name)
    doc = draft(qingpu_document(), load_profile(PROFILES / "songjiang.toml"))
    assert doc.document.paragraphs[0].text == "松江区人民政府办公室文件"
