"""Notice pages as government CMS templates serve them: TRS, #zoom, gov.cn; meta tags, GBK, &nbsp;, attachments."""

from __future__ import annotations

from policykit.model import Paragraph
from policykit.readers import read

_META = """<meta name="SiteName" content="蒙自市人民政府">
<meta name="ColumnName" content="通知公告">
<meta name="ArticleTitle" content="蒙自市人民政府办公室关于印发蒙自市校园安全工作方案的通知">
<meta name="PubDate" content="2023-05-09 10:30">
<meta name="ContentSource" content="蒙自市人民政府办公室">
<meta name="Keywords" content="校园安全,工作方案">"""


def _write(tmp_path, name: str, page: str, encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(page.encode(encoding))
    return path


def test_a_trs_page_in_gbk_with_meta_tags_and_attachments(tmp_path):
    page = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=GBK">
{_META}
<title>蒙自市人民政府办公室关于印发蒙自市校园安全工作方案的通知_通知公告_蒙自市人民政府</title></head>
<body><div class="top"><a href="/">首页</a></div>
<div class="TRS_Editor"><p style="text-indent:2em">各乡镇（街道），市级各有关部门：</p>
<p>&nbsp;&nbsp;&nbsp;&nbsp;经市人民政府同意，现将《蒙自市校园安全工作方案》印发给你们，请认真贯彻执行。</p>
<p>&nbsp;</p>
<p>&nbsp;&nbsp;&nbsp;&nbsp;联系人：李堃，联系电话：0873-3722166。</p></div>
<div class="fj">附件：<a href="./W020230509_1.docx">1.蒙自市校园安全工作方案.docx</a><br>
<a href="/uploadfiles/2023/05/%E9%87%8D%E7%82%B9%E5%B7%A5%E4%BD%9C%E4%BB%BB%E5%8A%A1%E6%B8%85%E5%8D%95.xls">2.重点工作任务清单</a><br>
<a href="/uploadfiles/2023/05/P020230509.pdf"></a></div>
<div class="share"><a href="javascript:void(0)">打印</a></div>
</body></html>"""
    raw = read(_write(tmp_path, "show.aspx", page, "gbk"))
    assert raw.encoding == "gb18030"  # GBK declared, read with its superset
    assert raw.fields == {"标题": "蒙自市人民政府办公室关于印发蒙自市校园安全工作方案的通知", "发布时间": "2023-05-09 10:30",
                          "来源": "蒙自市人民政府办公室", "关键字": "校园安全,工作方案"}
    assert [b.text for b in raw.blocks] == [
        "标题:蒙自市人民政府办公室关于印发蒙自市校园安全工作方案的通知", "发布时间:2023-05-09 10:30",
        "来源:蒙自市人民政府办公室", "关键字:校园安全,工作方案",
        "各乡镇（街道），市级各有关部门：", "经市人民政府同意，现将《蒙自市校园安全工作方案》印发给你们，请认真贯彻执行。",
        "联系人：李堃，联系电话：0873-3722166。"]
    assert raw.warnings == [
        "attachment not read: 1.蒙自市校园安全工作方案.docx (./W020230509_1.docx)",
        "attachment not read: 2.重点工作任务清单 (/uploadfiles/2023/05/%E9%87%8D%E7%82%B9%E5%B7%A5%E4%BD%9C%E4%BB%BB"
        "%E5%8A%A1%E6%B8%85%E5%8D%95.xls)",
        "attachment not read: P020230509.pdf (/uploadfiles/2023/05/P020230509.pdf)"]


def test_a_zoom_page_with_br_lines_and_nbsp_indents(tmp_path):
    page = """<!DOCTYPE html><html><head><meta charset="gb2312"><title>通知</title></head><body>
<div id="zoom"><font size="3">&nbsp;&nbsp;&nbsp;&nbsp;一、总体目标<br>
&nbsp;&nbsp;&nbsp;&nbsp;到2025年，全市中小学幼儿园“一键式”紧急报警装置安装率达到100%。<br><br>
&nbsp;&nbsp;&nbsp;&nbsp;二、主要任务<br>&nbsp;&nbsp;&nbsp;&nbsp;（一）健全工作机制。（牵头单位：市教育体育局；责任单位：市公安局）
<br>&nbsp;</font></div></body></html>"""
    raw = read(_write(tmp_path, "index.htm", page, "gb18030"))
    assert [b.text for b in raw.blocks] == [
        "一、总体目标", "到2025年，全市中小学幼儿园“一键式”紧急报警装置安装率达到100%。", "二、主要任务",
        "（一）健全工作机制。（牵头单位：市教育体育局；责任单位：市公安局）"]
    assert all(isinstance(b, Paragraph) and raw.text[b.span.start:b.span.end] == b.text for b in raw.blocks)


def test_a_visible_field_table_wins_over_meta_tags(tmp_path):
    page = f"""<html><head><meta charset="utf-8">{_META}</head><body>
<div class="policyLibraryOverview_header"><table>
<tr><td>索&nbsp;&nbsp;引&nbsp;&nbsp;号：</td><td>000014348/2023-01000</td><td>发文机关：</td><td>蒙自市人民政府办公室</td></tr>
<tr><td>标　　题：</td><td>蒙自市人民政府办公室关于印发蒙自市校园安全工作方案的通知</td></tr>
<tr><td>发文字号：</td><td>蒙政办发〔2023〕37号</td><td>发布日期：</td><td>2023年05月09日</td></tr>
</table></div>
<div class="pages_content"><p>各乡镇（街道），市级各有关部门：</p>
<p>现将《蒙自市校园安全工作方案》印发给你们，请认真贯彻执行。</p></div></body></html>"""
    raw = read(_write(tmp_path, "content_5754.htm", page))
    assert raw.fields == {
        "索引号": "000014348/2023-01000", "发文机关": "蒙自市人民政府办公室",
        "标题": "蒙自市人民政府办公室关于印发蒙自市校园安全工作方案的通知", "发文字号": "蒙政办发〔2023〕37号",
        "发布日期": "2023年05月09日", "发布时间": "2023-05-09 10:30", "关键字": "校园安全,工作方案"}
    assert [b.text for b in raw.blocks][-2:] == [
        "各乡镇（街道），市级各有关部门：", "现将《蒙自市校园安全工作方案》印发给你们，请认真贯彻执行。"]
    assert raw.warnings == []


def test_a_big5_page_that_says_gb2312_is_read_as_big5(tmp_path):
    text = "臺北市政府關於進一步加強校園安全工作的實施方案，各區公所應當落實責任，每所學校至少配備一名專職保安人員。"
    page = f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>' \
           f'<div class="TRS_Editor"><p>{text}</p></div></body></html>'
    raw = read(_write(tmp_path, "notice.html", page, "big5"))
    assert (raw.encoding, [b.text for b in raw.blocks]) == ("big5", [text])


def test_a_title_broken_by_br_is_one_line_once(tmp_path):
    title = "蒙自市人民政府办公室关于印发<br>蒙自市校园安全工作方案的通知"
    body = ("<p>各乡镇（街道），市级各有关部门：</p>"
            "<p>现将《蒙自市校园安全工作方案》印发给你们，请认真贯彻执行。</p>")
    above = f'<html><body><div class="article"><h1>{title}</h1><div class="TRS_Editor">{body}</div></div></body></html>'
    inside = f'<html><body><div class="TRS_Editor"><h1>{title}</h1>{body}</div></body></html>'
    expected = ["蒙自市人民政府办公室关于印发蒙自市校园安全工作方案的通知", "各乡镇（街道），市级各有关部门：",
                "现将《蒙自市校园安全工作方案》印发给你们，请认真贯彻执行。"]
    for name, page in (("above.html", above), ("inside.html", inside)):
        assert [b.text for b in read(_write(tmp_path, name, page)).blocks] == expected, name


def test_attachments_behind_a_download_api_are_listed(tmp_path):
    page = """<html><head><meta charset="utf-8">
<meta name="ArticleTitle" content="关于发布临夏州2026年建设工程材料信息价的通知"></head><body>
<div class="neirong"><p>此信息价仅作为编制建设工程概预算、招投标控制价等的计价参考，请各有关单位遵照执行。</p>
<p>附件：<a href="/api-gateway/front/document/download?fileUrl=a1b2&amp;fileName=%E4%BF%A1%E6%81%AF%E4%BB%B7.pdf">信息价</a></p>
<p><a href="/site/download/88">2.重点工作任务清单.xlsx</a></p>
<p><a href="/lxz/index.html">返回首页</a></p></div></body></html>"""
    raw = read(_write(tmp_path, "detail", page))
    assert raw.warnings == [
        "attachment not read: 信息价 (/api-gateway/front/document/download?fileUrl=a1b2&fileName="
        "%E4%BF%A1%E6%81%AF%E4%BB%B7.pdf)",
        "attachment not read: 2.重点工作任务清单.xlsx (/site/download/88)"]
