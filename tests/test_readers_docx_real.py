"""Word files as offices really send them: tracked changes, fields, content controls, WPS quirks."""

from __future__ import annotations

from builders import build_docx_xml, move_main_part

from policykit.model import Paragraph, Table
from policykit.readers import detect_format, read

_LINK_STYLE = '<w:rStyle w:val="Hyperlink"/>'
_AUTHOR = 'w:author="县教育体育局" w:date="2023-05-04T09:00:00Z"'


def _p(*runs: str, ppr: str = "") -> str:
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{''.join(runs)}</w:p>"


def _r(text: str, rpr: str = "") -> str:
    return f'<w:r>{f"<w:rPr>{rpr}</w:rPr>" if rpr else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'


def _lines(tmp_path, body: str, **parts: str) -> list[str]:
    raw = read(build_docx_xml(tmp_path / "plan.docx", body, **parts))
    return [b.text for b in raw.blocks]


def test_tracked_changes_read_as_accepted(tmp_path):
    body = "".join([
        _p(_r("每学期开展应急疏散演练"),
           f'<w:del w:id="1" {_AUTHOR}><w:r><w:delText>不少于1次</w:delText></w:r></w:del>',
           f'<w:ins w:id="2" {_AUTHOR}>{_r("不少于2次")}</w:ins>', _r("。")),
        # a whole paragraph deleted, its mark included: no line at all
        _p(f'<w:del w:id="3" {_AUTHOR}><w:r><w:delText>（三）开展平安校园创建。</w:delText></w:r></w:del>',
           ppr=f'<w:rPr><w:del w:id="4" {_AUTHOR}/></w:rPr>'),
        # a deleted paragraph mark: the two paragraphs are one in the final text
        _p(_r("牵头单位：市教育体育局"), ppr=f'<w:rPr><w:del w:id="5" {_AUTHOR}/></w:rPr>'),
        _p(_r("；责任单位：市公安局")),
        # a moved sentence is read where it was moved to, once
        _p(f'<w:moveFrom w:id="6" {_AUTHOR}>{_r("2023年底前完成。")}</w:moveFrom>'),
        _p(_r("健全校园安全防控体系，"), f'<w:moveTo w:id="7" {_AUTHOR}>{_r("2023年底前完成。")}</w:moveTo>'),
    ])
    assert _lines(tmp_path, body) == [
        "每学期开展应急疏散演练不少于2次。", "牵头单位：市教育体育局；责任单位：市公安局", "",
        "健全校园安全防控体系，2023年底前完成。"]


def test_fields_show_their_result_never_their_code(tmp_path):
    body = "".join([
        _p(_r("文号："), '<w:fldSimple w:instr=" DOCPROPERTY 文号 \\* MERGEFORMAT ">'
           f'{_r("蒙政办发〔2023〕37号")}</w:fldSimple>'),
        _p('<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
           '<w:r><w:instrText xml:space="preserve"> DATE \\@ "yyyy年M月d日" </w:instrText></w:r>',
           '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', _r("2023年5月9日"),
           '<w:r><w:fldChar w:fldCharType="end"/></w:r>'),
        _p(_r("详见"), '<w:hyperlink w:anchor="附件1" w:history="1">', _r("附件1", _LINK_STYLE), "</w:hyperlink>",
           _r("。")),
    ])
    assert _lines(tmp_path, body) == ["文号：蒙政办发〔2023〕37号", "2023年5月9日", "详见附件1。"]


def test_content_controls_are_read_and_unfilled_prompts_are_not(tmp_path):
    body = "".join([
        '<w:sdt><w:sdtPr><w:alias w:val="标题"/><w:tag w:val="title"/></w:sdtPr><w:sdtContent>'
        f'{_p(_r("蒙自市校园安全工作方案"))}</w:sdtContent></w:sdt>',
        _p(_r("联系人："), '<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>'
                         f'{_r("单击或点击此处输入文字。")}</w:sdtContent></w:sdt>'),
        _p(_r("联系电话："), '<w:sdt><w:sdtPr><w:text/></w:sdtPr><w:sdtContent>'
                          f'{_r("0873-3722166")}</w:sdtContent><w:sdtEndPr><w:rPr><w:b/></w:rPr></w:sdtEndPr></w:sdt>'),
    ])
    assert _lines(tmp_path, body) == ["蒙自市校园安全工作方案", "联系人：", "联系电话：0873-3722166"]


def test_tabs_breaks_hidden_text_soft_hyphens_and_ruby(tmp_path):
    body = "".join([
        _p('<w:r><w:t>牵头单位</w:t><w:tab/><w:t>市教育体育局</w:t><w:br/><w:t>责任单位</w:t><w:tab/>'
           '<w:t>市公安局</w:t></w:r>'),
        _p(_r("校园\u00ad安全"), "<w:r><w:softHyphen/></w:r>", _r("工作"),
           _r("（内部备注：此句不公开）", "<w:vanish/>"), _r("方案")),
        _p('<w:r><w:ruby><w:rubyPr><w:rubyAlign w:val="center"/></w:rubyPr><w:rt><w:r><w:t>méng</w:t></w:r></w:rt>'
           '<w:rubyBase><w:r><w:t>蒙</w:t></w:r></w:rubyBase></w:ruby></w:r>', _r("自市")),
    ])
    assert _lines(tmp_path, body) == ["牵头单位\t市教育体育局", "责任单位\t市公安局", "校园安全工作方案", "蒙自市"]


def test_a_table_in_a_text_box_is_read_once_after_its_anchor(tmp_path):
    box = ("<w:txbxContent><w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
           f"<w:tr><w:tc>{_p(_r('牵头单位'))}</w:tc><w:tc>{_p(_r('市教育体育局'))}</w:tc></w:tr>"
           "</w:tbl></w:txbxContent>")
    anchor = _p(_r("附表"), '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
                            f"<wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp></wp:anchor></w:drawing></mc:Choice>"
                            f"<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict>"
                            "</mc:Fallback></mc:AlternateContent></w:r>")
    raw = read(build_docx_xml(tmp_path / "plan.docx", anchor + _p(_r("各乡镇（街道）："))))
    assert [type(b).__name__ for b in raw.blocks] == ["Paragraph", "Table", "Paragraph"]
    table = raw.blocks[1]
    assert isinstance(table, Table)
    assert [[c.text for c in row] for row in table.rows] == [["牵头单位", "市教育体育局"]]
    assert raw.text == "附表\n牵头单位\t市教育体育局\n各乡镇（街道）："


_HEADING_STYLES = (
    '<w:style w:type="paragraph" w:styleId="ZC1"><w:name w:val="政策一级标题"/>'
    '<w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="ZC2"><w:name w:val="政策二级标题"/>'
    '<w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="7"/></w:numPr></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="ZC2a"><w:name w:val="政策二级标题（加粗）"/>'
    '<w:basedOn w:val="ZC2"/></w:style>'
)
_OUTLINE = (
    '<w:abstractNum w:abstractNumId="7"><w:multiLevelType w:val="multilevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="ZC1"/>'
    '<w:lvlText w:val="%1、"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="ZC2"/>'
    '<w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>'
    '<w:num w:numId="7"><w:abstractNumId w:val="7"/></w:num>'
)


def test_headings_numbered_through_their_style(tmp_path):
    body = "".join([
        _p(_r("总体目标"), ppr='<w:pStyle w:val="ZC1"/>'),
        _p(_r("主要任务"), ppr='<w:pStyle w:val="ZC1"/>'),
        _p(_r("健全工作机制"), ppr='<w:pStyle w:val="ZC2"/>'),
        _p(_r("强化隐患排查"), ppr='<w:pStyle w:val="ZC2a"/>'),
        _p(_r("各部门要高度重视。")),
        _p(_r("保障措施"), ppr='<w:pStyle w:val="ZC1"/>'),
        _p(_r("加强组织领导"), ppr='<w:pStyle w:val="ZC2"/>'),
    ])
    raw = read(build_docx_xml(tmp_path / "plan.docx", body, numbering=_OUTLINE, styles=_HEADING_STYLES))
    assert [(p.numbering, p.text, p.style) for p in raw.blocks if isinstance(p, Paragraph)] == [
        ("一、", "一、总体目标", "政策一级标题"),
        ("二、", "二、主要任务", "政策一级标题"),
        ("（一）", "（一）健全工作机制", "政策二级标题"),
        ("（二）", "（二）强化隐患排查", "政策二级标题（加粗）"),
        (None, "各部门要高度重视。", None),
        ("三、", "三、保障措施", "政策一级标题"),
        ("（一）", "（一）加强组织领导", "政策二级标题"),
    ]


def test_a_level_override_changes_the_format_and_a_start_override_restarts(tmp_path):
    numbering = (
        '<w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        '<w:num w:numId="3"><w:abstractNumId w:val="3"/></w:num>'
        '<w:num w:numId="4"><w:abstractNumId w:val="3"/><w:lvlOverride w:ilvl="0">'
        '<w:startOverride w:val="1"/><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%1"/></w:lvl></w:lvlOverride></w:num>'
        '<w:num w:numId="5"><w:abstractNumId w:val="3"/><w:lvlOverride w:ilvl="0">'
        '<w:startOverride w:val="5"/></w:lvlOverride></w:num>'
    )

    def numbered(num_id: str, text: str) -> str:
        return _p(_r(text), ppr=f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>')

    body = "".join([numbered("3", "排查"), numbered("3", "整改"), numbered("4", "公安局"),
                    numbered("4", "司法局"), numbered("3", "督查"), numbered("5", "考核")])
    assert _lines(tmp_path, body, numbering=numbering) == [
        "1.排查", "2.整改", "①公安局", "②司法局", "3.督查", "5.考核"]


def test_a_main_part_not_named_document_xml_is_found_through_the_package_relationships(tmp_path):
    source = build_docx_xml(tmp_path / "source.docx", _p(_r("一、总体目标")))
    moved = move_main_part(source, tmp_path / "plan.docx", "word/document2.xml")
    assert detect_format(moved) == "docx"
    assert [b.text for b in read(moved).blocks] == ["一、总体目标"]


def test_wps_files_keep_literal_numbering_and_east_asian_fonts(tmp_path):
    # WPS types the label into the text, names styles by number and sets only the East Asian font.
    fonts = '<w:rFonts w:hint="eastAsia" w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/>'
    styles = '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 1"/></w:style>'
    body = "".join([
        _p(_r("一、", fonts), _r("总体目标", fonts), ppr='<w:pStyle w:val="2"/>'),
        _p(_r("（一）健全工作机制。", '<w:rFonts w:hint="eastAsia" w:eastAsia="楷体_GB2312"/>'),
           _r("各乡镇（街道）要建立工作专班。", fonts)),
    ])
    raw = read(build_docx_xml(tmp_path / "wps.docx", body, styles=styles))
    assert [(p.text, p.style, p.numbering) for p in raw.blocks] == [
        ("一、总体目标", "Heading 1", None), ("（一）健全工作机制。各乡镇（街道）要建立工作专班。", None, None)]


def test_table_of_contents_entries_are_left_out_with_a_warning(tmp_path):
    styles = ('<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="TOC2"><w:name w:val="toc 2"/></w:style>')
    body = "".join([
        _p(_r("目  录")),
        _p(_r("一、总体目标\t1"), ppr='<w:pStyle w:val="TOC1"/>'),
        _p(_r("（一）工作目标\t1"), ppr='<w:pStyle w:val="TOC2"/>'),
        _p(_r("一、总体目标")),
    ])
    raw = read(build_docx_xml(tmp_path / "plan.docx", body, styles=styles))
    assert [b.text for b in raw.blocks] == ["目  录", "一、总体目标"]
    assert raw.warnings == ["table of contents left out (2 lines repeating the headings)"]


def test_embedded_objects_and_imported_chunks_are_reported_missing(tmp_path):
    sheet = ('<w:r><w:object w:dxaOrig="9000" w:dyaOrig="3000"><v:shape id="_x0000_i1025" style="width:450pt;'
             'height:150pt"/></w:object></w:r>')
    body = "".join([
        _p(_r("附件：重点工作任务清单")),
        _p(sheet),
        '<w:tbl><w:tr><w:tc>' + _p(_r("见附表"), sheet) + '</w:tc></w:tr></w:tbl>',
        '<w:altChunk r:id="rIdChunk1"/>',
        _p(_r("蒙自市人民政府办公室")),
    ])
    raw = read(build_docx_xml(tmp_path / "plan.docx", body))
    assert raw.text == "附件：重点工作任务清单\n\n见附表\n蒙自市人民政府办公室"
    assert raw.warnings == [
        "2 embedded object(s) not read (an Excel sheet or another file inside the document): their content is missing",
        "1 imported chunk(s) (w:altChunk, e.g. HTML pasted by an export) not read: their content is missing"]


def test_a_page_break_paragraph_is_one_empty_line_and_a_break_between_text_splits_it(tmp_path):
    body = "".join([
        _p(_r("三、保障措施")),
        _p('<w:r><w:br w:type="page"/></w:r>'),
        _p(_r("附件"), '<w:r><w:br w:type="page"/></w:r>'),
        _p(_r("重点工作任务清单"), '<w:r><w:br w:type="column"/></w:r>', _r("（2023年）")),
    ])
    assert _lines(tmp_path, body) == ["三、保障措施", "", "附件", "重点工作任务清单", "（2023年）"]


def test_a_custom_number_format_falls_back_as_word_2007_would(tmp_path):
    numbering = (
        '<w:abstractNum w:abstractNumId="8"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="01, 02, 03, ..."/>'
        '</mc:Choice><mc:Fallback><w:numFmt w:val="decimalZero"/></mc:Fallback></mc:AlternateContent>'
        '<w:lvlText w:val="%1 "/></w:lvl></w:abstractNum><w:num w:numId="8"><w:abstractNumId w:val="8"/></w:num>')
    numbered = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="8"/></w:numPr>'
    body = _p(_r("排查"), ppr=numbered) + _p(_r("整改"), ppr=numbered)
    assert _lines(tmp_path, body, numbering=numbering) == ["01 排查", "02 整改"]


def _centred(text: str, half_points: int) -> str:
    return _p(_r(text, f'<w:sz w:val="{half_points}"/>'), ppr='<w:jc w:val="center"/>')


def test_a_title_broken_over_centred_paragraphs_or_a_soft_break_is_one_line(tmp_path):
    body = "".join([
        _centred("蒙自市人民政府办公室文件", 72),  # 发文机关标志: larger still, a line of its own
        _centred("蒙政办发〔2023〕37号", 32),
        _centred("蒙自市人民政府办公室关于印发", 44),
        _centred("蒙自市校园安全工作方案的通知", 44),
        _centred("（2023—2025年）", 32),
        _p(_r("各乡镇（街道），市级各有关部门：", '<w:sz w:val="32"/>')),
        _p(_r("蒙自市校园安全", '<w:sz w:val="44"/>'), '<w:r><w:br/></w:r>', _r("工作方案", '<w:sz w:val="44"/>'),
           ppr='<w:jc w:val="center"/>'),
        _centred("附件", 32),
        _centred("重点工作任务清单", 32),
    ])
    assert _lines(tmp_path, body) == [
        "蒙自市人民政府办公室文件", "蒙政办发〔2023〕37号", "蒙自市人民政府办公室关于印发蒙自市校园安全工作方案的通知",
        "（2023—2025年）", "各乡镇（街道），市级各有关部门：", "蒙自市校园安全工作方案", "附件", "重点工作任务清单"]


def test_a_title_set_by_its_style_is_joined(tmp_path):
    styles = ('<w:style w:type="paragraph" w:styleId="BT"><w:name w:val="公文标题"/>'
              '<w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="44"/></w:rPr></w:style>')
    body = (_p(_r("青浦区校园安全风险防控"), ppr='<w:pStyle w:val="BT"/>')
            + _p(_r("职责分工表"), ppr='<w:pStyle w:val="BT"/>') + _p(_r("一、风险排查")))
    raw = read(build_docx_xml(tmp_path / "plan.docx", body, styles=styles))
    assert [(p.text, p.style) for p in raw.blocks] == [("青浦区校园安全风险防控职责分工表", "公文标题"), ("一、风险排查", None)]


def test_a_typed_table_of_contents_with_leaders_is_left_out(tmp_path):
    body = "".join([_p(_r("目  录")), _p(_r("一、总体目标……………………………1")), _p(_r("二、主要任务 .......... 3")),
                    _p(_r("一、总体目标")), _p(_r("到2025年，学校安全工作……全面加强。"))])
    raw = read(build_docx_xml(tmp_path / "plan.docx", body))
    assert [b.text for b in raw.blocks] == ["目  录", "一、总体目标", "到2025年，学校安全工作……全面加强。"]
    assert raw.warnings == ["table of contents left out (2 lines repeating the headings)"]
