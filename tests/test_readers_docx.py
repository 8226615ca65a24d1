"""Reading plans as Word writes them: automatic numbering, tables with merged cells, hostile zips."""

from __future__ import annotations

import zipfile

import pytest
from builders import (
    ANNEX_HEADER,
    build_entity_bomb_docx,
    build_mengzi_docx,
    build_minimal_docx,
    build_numbered_list_docx,
    build_zip_bomb_docx,
    mengzi_parts,
    replace_docx_part,
)

from policykit.china.numerals import to_chinese
from policykit.errors import InputError
from policykit.model import Paragraph, Table
from policykit.readers import detect_format, read
from policykit.readers.limits import DEFAULT_LIMITS, MB, Limits
from policykit.readers.wordnum import format_number


@pytest.fixture(scope="module")
def mengzi_docx(tmp_path_factory):
    return build_mengzi_docx(tmp_path_factory.mktemp("docx") / "mengzi.docx")


@pytest.fixture(scope="module")
def mengzi_raw(mengzi_docx):
    return read(mengzi_docx)


def _paragraphs(raw):
    return [b for b in raw.blocks if isinstance(b, Paragraph)]


def _tables(raw):
    return [b for b in raw.blocks if isinstance(b, Table)]


def test_numbered_headings_get_the_label_word_shows(mengzi_raw):
    parts = mengzi_parts()
    # Word shows the second level with full-width brackets: the builder's lvlText is "（%2）".
    expected = [(p.label.replace("(", "（").replace(")", "）"), p.text) for p in parts.paragraphs if p.level]
    numbered = [(p.numbering, p.text) for p in _paragraphs(mengzi_raw) if p.numbering]
    assert numbered == [(label, label + text) for label, text in expected]
    assert [label for label, _ in expected][:8] == ["一、", "二、", "（一）", "1.", "2.", "3.", "（二）", "1."]
    assert numbered[-1] == ("（四）", "（四）" + parts.paragraphs[-2].text)
    heading = next(p for p in _paragraphs(mengzi_raw) if p.numbering == "三、")
    assert (heading.text, heading.style) == ("三、保障措施", "Heading 1")


def test_plain_paragraphs_keep_their_text_in_order(mengzi_raw):
    parts = mengzi_parts()
    paragraphs = _paragraphs(mengzi_raw)
    assert [p.text for p in paragraphs[:3]] == ["索引号", "000014348/2023-01000", "信息分类"]
    assert paragraphs[len(parts.paragraphs) - 2].text.startswith("（四）强化督导考核。市人民政府要把校园安全工作")
    assert paragraphs[len(parts.paragraphs) - 1].text == (
        "附件:蒙自市落实云南省校园安全防范能力提升三年行动计划(2022—2024年)重点工作任务清单")
    assert [p.text for p in paragraphs[len(parts.paragraphs):]] == [
        "附件",
        "蒙自市落实云南省校园安全防范能力提升三年行动计划(2022—2024年)",
        "重点工作任务清单",
    ]


def test_the_task_list_is_one_table_with_merged_cells(mengzi_raw):
    parts = mengzi_parts()
    (table,) = _tables(mengzi_raw)
    assert mengzi_raw.blocks[-1] is table
    assert table.header_rows == 1
    assert len(table.rows) == 1 + len(parts.rows) == 21
    header = table.rows[0]
    assert [c.text for c in header] == ["重点任务", "", *ANNEX_HEADER[1:]]
    assert header[1].covered_by == (0, 0)  # 重点任务 spans the group and task columns
    for i, row in enumerate(parts.rows, start=1):
        assert [c.text for c in table.rows[i][1:]] == [row.task, row.measures, row.lead, row.co]
    # 一、建立健全… is one cell merged down over tasks 1-3.
    assert table.rows[1][0].text == "一、建立健全校园安全管理责任制"
    assert [table.rows[i][0].covered_by for i in (2, 3)] == [(1, 0), (1, 0)]
    assert (table.rows[4][0].text, table.rows[4][0].covered_by) == ("二、夯实学校“三防”建设基础", None)
    assert table.rows[10][1].text == "10.开展“防溺水”专项行动"
    assert table.rows[10][3].text == "市水利局、市教育体育局"


def test_every_span_points_at_its_text(mengzi_raw):
    text = mengzi_raw.text
    for block in mengzi_raw.blocks:
        if isinstance(block, Paragraph):
            assert text[block.span.start:block.span.end] == block.text
        else:
            for row in block.rows:
                for cell in row:
                    assert cell.span is None if cell.covered_by else text[cell.span.start:cell.span.end] == cell.text
    (table,) = _tables(mengzi_raw)
    assert text[table.span.start:].splitlines()[0] == "重点任务\t\t工作措施\t牵头单位\t责任单位"
    assert mengzi_raw.format == "docx" and mengzi_raw.warnings == []


@pytest.mark.parametrize("fmt, text, labels", [
    ("decimalEnclosedCircle", "%1", ["①", "②", "③"]),
    ("ideographTraditional", "%1、", ["甲、", "乙、", "丙、"]),
    ("chineseCountingThousand", "第%1条", ["第一条", "第二条", "第三条"]),
    ("decimal", "%1.", ["1.", "2.", "3."]),
])
def test_word_number_formats(tmp_path, fmt, text, labels):
    path = build_numbered_list_docx(tmp_path / "list.docx", [(fmt, text)],
                                    [(0, "落实安全责任"), (0, "开展隐患排查"), (0, "加强督导")])
    raw = read(path)
    assert [p.numbering for p in raw.blocks] == labels
    assert raw.blocks[1].text == labels[1] + "开展隐患排查"


def test_levels_restart_below_a_higher_level_and_start_overrides_restart_a_list(tmp_path):
    levels = [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3.")]
    paragraphs = [(0, "总体目标"), (1, "目标"), (1, "原则"), (2, "细则"), (0, "主要任务"), (1, "人防"),
                  (2, "保安"), (2, "培训"), (-1, "(牵头单位:市教育体育局)"), (100, "保障措施")]
    raw = read(build_numbered_list_docx(tmp_path / "plan.docx", levels, paragraphs, start_override={0: 5}))
    assert [p.text for p in raw.blocks] == [
        "一、总体目标", "（一）目标", "（二）原则", "1.细则", "二、主要任务", "（一）人防",
        "1.保安", "2.培训", "(牵头单位:市教育体育局)", "五、保障措施"]


def test_chinese_counting_numbers():
    assert [to_chinese(n) for n in (1, 10, 11, 20, 21, 100, 105, 110)] == [
        "一", "十", "十一", "二十", "二十一", "一百", "一百零五", "一百一十"]
    assert format_number(12, "decimalEnclosedCircle") == "⑫"
    assert format_number(3, "chineseLegalSimplified") == "叁"


def test_soft_line_breaks_start_new_lines(tmp_path):
    import docx

    document = docx.Document()
    run = document.add_paragraph().add_run("牵头单位:县教体局")
    run.add_break()
    run.add_text("责任单位:县公安局")
    document.save(str(tmp_path / "breaks.docx"))
    raw = read(tmp_path / "breaks.docx")
    assert [b.text for b in raw.blocks] == ["牵头单位:县教体局", "责任单位:县公安局"]
    assert raw.text == "牵头单位:县教体局\n责任单位:县公安局"


def test_a_nested_table_is_flattened_into_its_cell(tmp_path):
    import docx

    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "配合单位"
    inner = table.cell(0, 1).add_table(rows=2, cols=1)
    inner.cell(0, 0).text = "县公安局"
    inner.cell(1, 0).text = "县司法局"
    document.save(str(tmp_path / "nested.docx"))
    raw = read(tmp_path / "nested.docx")
    (outer,) = _tables(raw)
    assert [c.text for c in outer.rows[0]] == ["配合单位", "县公安局\n县司法局"]
    assert raw.warnings == ["1 nested table(s) flattened into their cells' text"]


def test_a_doc_that_is_really_docx_is_read_as_docx(tmp_path):
    path = build_minimal_docx(tmp_path / "plan.docx", ["一、总体目标"])
    renamed = path.rename(tmp_path / "plan.doc")
    assert detect_format(renamed) == "docx"
    assert [b.text for b in read(renamed).blocks] == ["一、总体目标"]


def _problem(path, limits=DEFAULT_LIMITS):
    with pytest.raises(InputError) as err:
        read(path, limits)
    return err.value.problem


def test_broken_docx_files_give_one_line_each(tmp_path):
    not_zip = tmp_path / "plan.docx"
    not_zip.write_bytes("一、总体目标".encode())
    assert _problem(not_zip) == (r"not a DOCX: not a zip archive (starts with b'\xe4\xb8\x80\xe3\x80\x81"
                                 r"\xe6\x80\xbb\xe4\xbd\x93')")
    good = build_minimal_docx(tmp_path / "good.docx", ["一、总体目标"])
    no_body = replace_docx_part(good, tmp_path / "nobody.docx", "word/document.xml", None)
    assert _problem(no_body) == "a zip archive without word/document.xml, not a DOCX"
    bad_xml = replace_docx_part(good, tmp_path / "badxml.docx", "word/document.xml", b"<w:document><w:body>")
    assert _problem(bad_xml).startswith("corrupt DOCX: word/document.xml is not well-formed XML (")
    truncated = tmp_path / "truncated.docx"
    truncated.write_bytes(good.read_bytes()[:2000])
    assert _problem(truncated).startswith("corrupt DOCX: broken zip archive (")


def test_a_zip_bomb_is_refused_before_python_docx_opens_it(tmp_path):
    bomb = build_zip_bomb_docx(tmp_path / "bomb.docx", unpacked_mb=5)
    info = zipfile.ZipFile(bomb).getinfo("word/document.xml")
    assert info.file_size > 5 * MB - 1024 and bomb.stat().st_size < 64 * 1024
    assert _problem(bomb).startswith("word/document.xml is compressed ")
    assert _problem(bomb).endswith(":1 (the limit is 100:1, Limits.max_compression_ratio): a zip bomb?")
    loose = Limits(max_compression_ratio=10**6, max_part_bytes=4 * MB)
    assert _problem(bomb, loose) == "word/document.xml unpacks to 5.0 MB (the limit is 4 MB, Limits.max_part_bytes)"
    assert _problem(bomb, Limits(max_unzipped_bytes=2 * MB)).endswith(" MB (the limit is 2 MB, Limits.max_unzipped_bytes)")


def test_an_entity_bomb_is_refused_without_expanding_it(tmp_path):
    bomb = build_entity_bomb_docx(tmp_path / "laughs.docx")
    assert _problem(bomb) == ("word/document.xml declares a DTD or XML entities, refused "
                              "(entity expansion is a known attack; Word never writes one)")


def test_a_text_box_is_read_once_after_its_anchor_paragraph(tmp_path):
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    anchor = document.add_paragraph("蒙自市人民政府办公室文件")
    box = ('<w:p><w:r><w:t>蒙政办发〔2023〕37号</w:t></w:r></w:p>')
    anchor._p.append(parse_xml(
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
        ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
        ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
        ' xmlns:v="urn:schemas-microsoft-com:vml">'
        f'<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>{box}'
        '</w:txbxContent></wps:txbx></w:drawing></mc:Choice>'
        f'<mc:Fallback><w:pict><v:textbox><w:txbxContent>{box}</w:txbxContent></v:textbox></w:pict>'
        '</mc:Fallback></mc:AlternateContent></w:r>'))
    document.add_paragraph("各乡镇(街道),市级各有关部门:")
    document.save(str(tmp_path / "boxed.docx"))
    assert [b.text for b in read(tmp_path / "boxed.docx").blocks] == [
        "蒙自市人民政府办公室文件", "蒙政办发〔2023〕37号", "各乡镇(街道),市级各有关部门:"]
