"""Reading notices from government web pages: metadata block, content, no page furniture."""

from __future__ import annotations

import pytest
from builders import MENGZI_FIELD_COUNT, build_mengzi_html, group_runs, mengzi_parts

from policykit.model import Paragraph, Table
from policykit.readers import detect_format, read

TITLE = ("蒙自市人民政府办公室关于印发蒙自市贯彻落实省州校园安全防范能力提升三年行动计划(2022-2024年)"
         "工作方案及重点工作任务清单的通知")


@pytest.fixture(scope="module")
def mengzi_raw(tmp_path_factory):
    return read(build_mengzi_html(tmp_path_factory.mktemp("html") / "mengzi.html"))


def test_the_metadata_block_becomes_fields(mengzi_raw):
    assert mengzi_raw.fields == {
        "索引号": "000014348/2023-01000",
        "信息分类": "政府文件",
        "主题分类": "科技、教育",
        "发布机构": "蒙自市人民政府办公室",
        "文号": "蒙政办发〔2023〕37号",
        "发布日期": "2023-05-09",
        "信息名称": TITLE,
        "发布时间": "2023-05-09",  # from the "发布时间：… 来源：… 字体：…" line above the text
    }
    assert mengzi_raw.encoding == "gb18030"  # declared gb2312, read with its superset


def test_the_content_reads_as_the_seed_paragraphs_without_furniture(mengzi_raw):
    parts = mengzi_parts()
    body = [p.label + p.text for p in parts.paragraphs[2 * MENGZI_FIELD_COUNT:]]
    field_lines = [f"{label}:{value}" for label, value in mengzi_raw.fields.items()]
    paragraphs = [b.text for b in mengzi_raw.blocks if isinstance(b, Paragraph)]
    assert paragraphs == [*field_lines, TITLE, *body, *parts.annex_title]
    for furniture in ("首页", "分享到", "打印", "关闭窗口", "版权所有", "统计代码", "当前位置", "字体"):
        assert furniture not in mengzi_raw.text


def test_the_task_list_table_keeps_its_spans(mengzi_raw):
    parts = mengzi_parts()
    (table,) = [b for b in mengzi_raw.blocks if isinstance(b, Table)]
    assert table.header_rows == 1
    assert [(c.text, c.covered_by) for c in table.rows[0]] == [
        ("重点任务", None), ("", (0, 0)), ("工作措施", None), ("牵头单位", None), ("责任单位", None)]
    for row, seed in zip(table.rows[1:], parts.rows, strict=True):
        assert [c.text for c in row[1:]] == [seed.task, seed.measures, seed.lead, seed.co]
    for first, last in group_runs(parts.rows):
        assert table.rows[first + 1][0].text == parts.rows[first].group
        assert [table.rows[i + 1][0].covered_by for i in range(first + 1, last + 1)] == [(first + 1, 0)] * (last - first)
    text = mengzi_raw.text
    assert all(text[c.span.start:c.span.end] == c.text for row in table.rows for c in row if c.span)


def _page(tmp_path, html: str, name: str = "notice.html", encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(html.encode(encoding))
    return read(path)


def test_without_a_known_container_the_densest_chinese_text_is_the_content(tmp_path):
    raw = _page(tmp_path, """<html><body>
<div id="left"><ul><li><a href="/a">政务公开</a></li><li><a href="/b">政策解读</a></li>
<li><a href="/c">新闻动态与各部门工作信息汇总</a></li></ul></div>
<div id="right"><div>县教育体育局关于开展校园安全隐患排查的通知</div>
<div>各中小学：<br>为切实做好校园安全工作，现将有关事项通知如下。<br>一、每学期至少开展1次全面排查。<br>
二、排查结果于每月5日前报县教体局。</div></div>
<div class="bottom">网站标识码5325000001 主办单位：县人民政府</div></body></html>""")
    assert [b.text for b in raw.blocks] == [
        "县教育体育局关于开展校园安全隐患排查的通知", "各中小学：", "为切实做好校园安全工作，现将有关事项通知如下。",
        "一、每学期至少开展1次全面排查。", "二、排查结果于每月5日前报县教体局。"]
    assert raw.encoding == "utf-8" and raw.fields == {}


def test_fields_from_a_definition_list_and_inline_lines(tmp_path):
    raw = _page(tmp_path, """<html><body>
<dl class="meta"><dt>索 引 号：</dt><dd>11530000MB0000000X/2024-00012</dd><dt>发文字号：</dt><dd>建政办发〔2024〕12号</dd></dl>
<div class="content"><p>成文日期：2024-03-01</p><p>　　一、总体目标</p>
<p>　　到2024年底，全县中小学幼儿园安全防范能力显著增强。</p></div></body></html>""")
    assert raw.fields == {"索引号": "11530000MB0000000X/2024-00012", "发文字号": "建政办发〔2024〕12号",
                          "成文日期": "2024-03-01"}
    assert [b.text for b in raw.blocks] == [
        "索引号:11530000MB0000000X/2024-00012", "发文字号:建政办发〔2024〕12号", "成文日期:2024-03-01",
        "一、总体目标", "到2024年底，全县中小学幼儿园安全防范能力显著增强。"]


def test_a_one_column_layout_table_is_read_as_lines(tmp_path):
    raw = _page(tmp_path, """<html><body><table><tr><td>
<table><tr><td>县校园安全工作方案</td></tr><tr><td>一、总体目标</td></tr>
<tr><td>每所中小学至少配备1名专职保安员。</td></tr></table></td></tr></table></body></html>""")
    assert [b.text for b in raw.blocks] == ["县校园安全工作方案", "一、总体目标", "每所中小学至少配备1名专职保安员。"]


def test_a_gbk_page_saved_as_txt_is_read_as_html(tmp_path):
    path = tmp_path / "notice.txt"
    path.write_bytes("<html><head><meta charset='gbk'></head><body><div class='TRS_Editor'><p>一、总体目标</p>"
                     "<p>到2023年底，全市60%的学校完成平安校园创建。</p></div></body></html>".encode("gbk"))
    assert detect_format(path) == "html"
    raw = read(path)
    assert (raw.format, raw.encoding) == ("html", "gb18030")
    assert [b.text for b in raw.blocks] == ["一、总体目标", "到2023年底，全市60%的学校完成平安校园创建。"]


def test_entities_declared_in_a_doctype_are_not_expanded(tmp_path):
    entities = '<!ENTITY a0 "校园安全">' + "".join(f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10))
    raw = _page(tmp_path, f"<!DOCTYPE html [{entities}]><html><body><div class='TRS_Editor'>"
                          "<p>一、总体目标&a9;到2023年底全市中小学幼儿园安全防范能力明显提升</p></div></body></html>")
    assert [b.text for b in raw.blocks] == ["一、总体目标&a9;到2023年底全市中小学幼儿园安全防范能力明显提升"]


def test_the_title_above_the_content_is_kept_and_the_site_name_is_not(tmp_path):
    raw = _page(tmp_path, """<html><body>
<div class="logo"><h1>建水县人民政府</h1></div>
<div class="detail"><h2>县教育体育局关于开展校园安全隐患排查的通知</h2>
<div class="TRS_Editor"><p>各中小学：</p><p>为切实做好校园安全工作，现将有关事项通知如下。</p>
<p>一、每学期至少开展1次全面排查。</p></div></div></body></html>""")
    assert [b.text for b in raw.blocks] == [
        "县教育体育局关于开展校园安全隐患排查的通知", "各中小学：", "为切实做好校园安全工作，现将有关事项通知如下。",
        "一、每学期至少开展1次全面排查。"]


def test_a_page_that_says_gb2312_but_is_utf8_reads_as_utf8(tmp_path):
    raw = _page(tmp_path, "<html><head><meta charset='gb2312'></head><body><div class='TRS_Editor'>"
                          "<p>一、总体目标</p><p>到2024年底，全县校园安全防范能力显著增强。</p></div></body></html>")
    assert raw.encoding == "utf-8"
    assert [b.text for b in raw.blocks] == ["一、总体目标", "到2024年底，全县校园安全防范能力显著增强。"]


def test_a_big5_page_is_read_with_its_declared_charset(tmp_path):
    raw = _page(tmp_path, "<html><head><meta charset='big5'></head><body><div class='TRS_Editor'>"
                          "<p>壹、總體目標</p><p>各級學校應於每學期至少辦理一次校園安全演練。</p></div></body></html>",
                encoding="big5")
    assert raw.encoding == "big5"
    assert [b.text for b in raw.blocks] == ["壹、總體目標", "各級學校應於每學期至少辦理一次校園安全演練。"]
