"""PDFs as government offices publish them: GB/T 9704 page numbers, running headers, two-line titles, rows over pages."""

from __future__ import annotations

from builders import Grid, Text, build_canvas_pdf, build_docx_xml, build_unmapped_font_pdf

from policykit.model import Table
from policykit.readers import read
from policykit.text import fold_cjk_compat

LEFT = 79  # GB/T 9704: 28 mm left margin, 16 pt (三号) body, 22 pt (二号) title
CENTRE = 297.5


def _body(y: float, text: str, indent: bool = True) -> Text:
    return Text(LEFT + (32 if indent else 0), y, text)


def test_page_numbers_and_running_headers_and_footers_are_dropped(tmp_path):
    header = Text(CENTRE, 800, "蒙自市人民政府行政规范性文件", 10.5, centre=True)
    footer = Text(CENTRE, 70, "蒙政办发〔2023〕37号", 10.5, centre=True)
    pdf = build_canvas_pdf(tmp_path / "plan.pdf", [
        [_body(700, "各乡镇（街道），市级各有关部门：", indent=False), _body(670, "一、总体目标"),
         footer, Text(480, 40, "— 1 —", 14)],
        [header, _body(700, "二、主要任务"), footer, Text(LEFT, 40, "— 2 —", 14)],
        [header, _body(700, "三、保障措施"), footer, Text(480, 40, "-3-", 14)],
    ])
    raw = read(pdf)
    assert [b.text for b in raw.blocks] == ["各乡镇（街道），市级各有关部门：", "一、总体目标", "二、主要任务", "三、保障措施"]
    assert raw.warnings == ["running header or footer '蒙政办发〔2023〕37号' dropped from 3 pages",
                            "running header or footer '蒙自市人民政府行政规范性文件' dropped from 2 pages"]


def test_a_header_with_the_page_number_in_it_is_running_but_annex_headings_are_not(tmp_path):
    def header(n: int) -> Text:
        return Text(CENTRE, 800, f"蒙自市人民政府公报　— {n} —", 10.5, centre=True)

    pdf = build_canvas_pdf(tmp_path / "plan.pdf", [
        [header(1), _body(700, "三、保障措施")],
        [header(2), Text(LEFT, 760, "附件1"), _body(700, "重点工作任务清单")],
        [header(3), Text(LEFT, 760, "附件2"), _body(700, "工作联系人名单")],
    ])
    raw = read(pdf)
    assert [b.text for b in raw.blocks] == ["三、保障措施", "附件1", "重点工作任务清单", "附件2", "工作联系人名单"]
    # pdfplumber reads the ideographic space as an ASCII one
    assert raw.warnings == ["running header or footer '蒙自市人民政府公报 — 1 —' dropped from 3 pages"]


def test_page_x_of_y_footers_are_page_numbers(tmp_path):
    pdf = build_canvas_pdf(tmp_path / "plan.pdf", [
        [_body(700, "一、总体目标"), Text(CENTRE, 40, "第 1 页 共 2 页", 10.5, centre=True)],
        [_body(700, "二、主要任务"), Text(CENTRE, 40, "第 2 页 共 2 页", 10.5, centre=True)],
    ])
    raw = read(pdf)
    assert ([b.text for b in raw.blocks], raw.warnings) == (["一、总体目标", "二、主要任务"], [])


def test_a_title_over_two_centred_lines_is_one_paragraph(tmp_path):
    pdf = build_canvas_pdf(tmp_path / "notice.pdf", [[
        Text(CENTRE, 720, "蒙自市人民政府办公室关于印发蒙自市", 22, centre=True),
        Text(CENTRE, 690, "校园安全工作方案的通知", 22, centre=True),
        _body(640, "各乡镇（街道），市级各有关部门：", indent=False),
        _body(610, "现将《蒙自市校园安全工作方案》印发给你们，"),
        _body(580, "请认真组织实施。"),
        Text(CENTRE, 520, "附件", 16, centre=True),
        Text(CENTRE, 490, "重点工作任务清单", 16, centre=True),
    ]])
    assert [b.text for b in read(pdf).blocks] == [
        "蒙自市人民政府办公室关于印发蒙自市校园安全工作方案的通知", "各乡镇（街道），市级各有关部门：",
        "现将《蒙自市校园安全工作方案》印发给你们，", "请认真组织实施。", "附件", "重点工作任务清单"]


def test_two_columns_of_text_are_read_with_a_warning(tmp_path):
    rows = [("一、总体目标", "四、工作要求"), ("健全防控体系", "落实主体责任"), ("二、主要任务", "五、保障措施"),
            ("排查安全隐患", "强化经费保障"), ("三、工作步骤", "六、督导考核"), ("动员部署阶段", "纳入年度考核")]
    page = [Text(x, 700 - 30 * i, text) for i, pair in enumerate(rows) for x, text in zip((LEFT, 330), pair,
                                                                                        strict=True)]
    raw = read(build_canvas_pdf(tmp_path / "two.pdf", [page]))
    assert raw.warnings == ["page 1: 6 of 6 lines have a wide gap mid-page (two columns, or a table without "
                            "rules?): their text may be interleaved"]


_WIDTHS = [40, 180, 100, 120]
_HEADER = ["序号", "重点任务", "牵头单位", "责任单位"]


def _task_list(tmp_path, continuation: list[str]):
    # The last row on page 1 runs to the foot of the page.
    first = Grid(LEFT - 20, 780, _WIDTHS, [30, 60, 60, 575], [
        _HEADER,
        ["1", "开展校园周边环境\n综合治理", "市教育体育局", "市公安局"],
        ["2", "完善校园安全防控体系", "市公安局", "市教育体育局、\n市卫生健康局"],
        ["3", "健全学校安全风险\n预防、管控", "市教育体育局", "市应急管理局、"],
    ])
    second = Grid(LEFT - 20, 780, _WIDTHS, [30, 60, 60], [
        _HEADER, continuation, ["4", "加强心理健康教育", "市教育体育局", "市卫生健康局"]])
    return read(build_canvas_pdf(tmp_path / "list.pdf", [
        [first, Text(480, 40, "— 1 —", 14)], [second, Text(LEFT, 40, "— 2 —", 14)]]))


def test_a_row_broken_across_pages_is_one_row(tmp_path):
    raw = _task_list(tmp_path, ["", "与处置体系", "", "各乡镇（街道）"])
    [table] = raw.blocks
    assert isinstance(table, Table)
    assert table.header_rows == 1
    assert [[c.text for c in row] for row in table.rows] == [
        _HEADER,
        ["1", "开展校园周边环境\n综合治理", "市教育体育局", "市公安局"],
        ["2", "完善校园安全防控体系", "市公安局", "市教育体育局、\n市卫生健康局"],
        ["3", "健全学校安全风险\n预防、管控\n与处置体系", "市教育体育局", "市应急管理局、\n各乡镇（街道）"],
        ["4", "加强心理健康教育", "市教育体育局", "市卫生健康局"],
    ]
    assert all(raw.text[c.span.start:c.span.end] == c.text for row in table.rows for c in row if c.span)


def test_a_new_numbered_item_at_the_top_of_a_page_stays_a_row(tmp_path):
    raw = _task_list(tmp_path, ["", "3.1 建立隐患台账", "市教育体育局", ""])
    [table] = raw.blocks
    assert [c.text for c in table.rows[4]] == ["", "3.1 建立隐患台账", "市教育体育局", ""]
    assert len(table.rows) == 6


def test_kangxi_radicals_and_compatibility_ideographs_read_as_ordinary_characters(tmp_path):
    assert fold_cjk_compat("⼀、总体⽬标：⾏政执法⼈员每⽉培训⼀次") == "一、总体目标：行政执法人员每月培训一次"
    assert fold_cjk_compat("\uf92c") == "郎"  # CJK COMPATIBILITY IDEOGRAPH-F92C
    assert fold_cjk_compat("①（一）〔2023〕ＡＢ") == "①（一）〔2023〕ＡＢ"  # NFKC would change these: left alone
    # A Word file made from such a PDF carries them into its text.
    docx = build_docx_xml(tmp_path / "converted.docx", "<w:p><w:r><w:t>⼆、主要任务（牵头单位：市⽂化和旅游局）</w:t></w:r></w:p>")
    raw = read(docx)
    assert raw.text == "二、主要任务（牵头单位：市文化和旅游局）"


def test_glyphs_without_a_unicode_mapping_are_kept_as_cid_and_counted(tmp_path, capfd):
    raw = read(build_unmapped_font_pdf(tmp_path / "subset.pdf", "GB/T 9704-2012", [18, 52, 86]))
    assert [b.text for b in raw.blocks] == ["GB/T 9704-2012", "(cid:18)(cid:52)(cid:86)"]
    assert raw.warnings == ["page 1: 3 characters without a Unicode mapping, shown as (cid:N)"]
    assert capfd.readouterr().err == ""  # pdfminer's own complaints stay quiet


def test_a_paragraph_runs_on_across_the_page_break_past_header_and_footer(tmp_path):
    header = Text(CENTRE, 800, "蒙自市人民政府行政规范性文件", 10.5, centre=True)
    footer = Text(CENTRE, 70, "蒙政办发〔2023〕37号", 10.5, centre=True)
    first = "（一）健全工作机制。各乡镇（街道）、市级各有关部门要建立校园安全"  # 27 characters: a full line
    pdf = build_canvas_pdf(tmp_path / "plan.pdf", [
        [header, _body(700, "二、主要任务"), _body(120, first, indent=False), footer, Text(480, 40, "— 1 —", 14)],
        [header, _body(750, "工作专班，每季度至少召开1次专题会议。", indent=False), footer, Text(LEFT, 40, "— 2 —", 14)],
    ])
    assert [b.text for b in read(pdf).blocks] == ["二、主要任务", first + "工作专班，每季度至少召开1次专题会议。"]


def test_a_lone_number_among_the_body_lines_is_not_a_page_number(tmp_path):
    # an unruled task list: the 序号 "3" is a line of its own at the top of the page's body
    pdf = build_canvas_pdf(tmp_path / "list.pdf", [
        [_body(700, "2", indent=False), _body(670, "开展校园周边环境综合治理", indent=False), Text(480, 40, "— 1 —", 14)],
        [_body(700, "3", indent=False), _body(670, "完善校园安全防控体系", indent=False), Text(LEFT, 40, "— 2 —", 14)],
    ])
    raw = read(pdf)
    assert ([b.text for b in raw.blocks], raw.warnings) == (["2", "开展校园周边环境综合治理", "3", "完善校园安全防控体系"], [])


def test_a_printed_table_of_contents_is_left_out(tmp_path):
    pdf = build_canvas_pdf(tmp_path / "plan.pdf", [
        [Text(CENTRE, 760, "目  录", 22, centre=True), _body(700, "一、总体目标……………………………………1", indent=False),
         _body(670, "二、主要任务……………………………………3", indent=False)],
        [_body(760, "一、总体目标", indent=False), _body(730, "到2025年，学校安全工作……全面加强。", indent=False)],
    ])
    raw = read(pdf)
    assert [b.text for b in raw.blocks] == ["目 录", "一、总体目标", "到2025年，学校安全工作……全面加强。"]
    assert raw.warnings == ["table of contents left out (2 lines repeating the headings)"]
