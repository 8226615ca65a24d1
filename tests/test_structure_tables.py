"""Task-list tables: Table blocks from readers, tab-separated PDF text, and tables flattened one cell per line."""

from __future__ import annotations

from policykit import parse_text
from policykit.model import Cell, Paragraph, RawDocument, Span, Table
from policykit.parsing import parse_raw
from policykit.structure.rows import find_number
from policykit.structure.tables import column_role, header_roles


def table_doc(rows: list[list[str | tuple[int, int]]], before: str = "重点工作任务清单") -> RawDocument:
    """A RawDocument holding one title paragraph and one Table; a tuple cell is covered by (row, col)."""
    text = before + "\n"
    blocks: list = [Paragraph(before, Span(0, len(before)))]
    grid = []
    start = len(text)
    for row in rows:
        cells = []
        for value in row:
            if isinstance(value, tuple):
                cells.append(Cell("", None, covered_by=value))
                continue
            cells.append(Cell(value, Span(len(text), len(text) + len(value))))
            text += value + "\t"
        text += "\n"
        grid.append(cells)
    blocks.append(Table(grid, Span(start, len(text))))
    return RawDocument(text=text, format="docx", blocks=blocks, path="plan.docx")


def rows_of(doc) -> list[tuple]:
    return [(t.id, t.number, t.title, [u.name for u in t.lead], [u.name for u in t.co],
             [f for f in t.flags if f != "unit-unknown"]) for t in doc.tasks]


def test_header_words_give_column_roles():
    assert [column_role(w) for w in ["序号", "一级 指标", "重点任务", "工作措施", "牵头单位（部门）", "配合单位", "完成时限", "备注"]] == \
        ["number", "group", "title", "text", "lead", "co", "deadline", "ignore"]
    assert header_roles(["项目", "金额", "说明"]) is None


def test_row_numbers_opening_a_cell_or_the_expected_one_inside_it():
    assert find_number("6、严格按 照相关标", 6) == (6, 0, 2)
    assert find_number("制 20 学事认任处建安责、究制", 20) == (20, 2, 5)
    assert find_number("落实“1530”安全教育", 3) is None


def test_drafter_table_with_number_column_parses_back():
    doc = parse_raw(table_doc([
        ["序号", "重点任务", "工作措施", "牵头单位", "责任单位"],
        ["1", "加强学校人防建设", "每校至少配1名专职保安员。", "县教育体育局", "县公安局、各乡镇（街道）"],
        ["2", "加强学校物防建设", "设置高度不低于2米的围墙。", "县教育体育局", "县公安局"],
    ]))
    assert rows_of(doc) == [
        ("table-1", "1", "加强学校人防建设", ["县教育体育局"], ["县公安局", "各乡镇（街道）"], []),
        ("table-2", "2", "加强学校物防建设", ["县教育体育局"], ["县公安局"], []),
    ]
    assert doc.tasks[0].text == "每校至少配1名专职保安员。"


def test_responsible_column_next_to_a_co_column_leads():
    doc = parse_raw(table_doc([
        ["序号", "工作任务", "责任单位", "配合单位"],
        ["1", "开展防溺水宣传", "市教育局", "市水利局、团市委"],
    ]))
    assert rows_of(doc) == [("table-1", "1", "开展防溺水宣传", ["市教育局"], ["市水利局", "团市委"], [])]


def test_participating_and_involved_columns_are_co():
    doc = parse_raw(table_doc([
        ["序号", "重点工作", "牵头单位", "参与单位", "涉及部门"],
        ["1", "整治校园周边环境", "市市场监管局", "市公安局", "市城管局"],
    ]))
    assert rows_of(doc) == [("table-1", "1", "整治校园周边环境", ["市市场监管局"], ["市公安局", "市城管局"], [])]


def test_duty_column_written_as_a_sentence():
    doc = parse_raw(table_doc([
        ["序号", "重点任务", "具体措施", "职责分工"],
        ["1", "整治校园周边环境", "开展联合检查。", "市市场监管局牵头，市公安局、市城管局配合"],
    ]))
    assert rows_of(doc) == [("table-1", "1", "整治校园周边环境", ["市市场监管局"], ["市公安局", "市城管局"], [])]


def test_merged_cells_repeated_header_and_group_rows():
    doc = parse_raw(table_doc([
        ["序号", "重点任务", "工作措施", "牵头单位", "配合单位"],
        ["一、夯实学校“三防”建设基础", (1, 0), (1, 0), (1, 0), (1, 0)],
        ["1", "加强学校人防建设", "配齐保安员。", "县教体局", "县公安局"],
        [(2, 0), (2, 1), "开展保安员培训。", (2, 3), "县人社局"],
        ["序号", "重点任务", "工作措施", "牵头单位", "配合单位"],
        ["2", "加强学校技防建设", "安装一键式紧急报警装置。", "县公安局", "县教体局"],
    ]))
    assert rows_of(doc) == [
        ("table-1", "1", "加强学校人防建设", ["县教体局"], ["县公安局"], []),
        ("table-2", "1", "加强学校人防建设", ["县教体局"], ["县人社局"], []),
        ("table-3", "2", "加强学校技防建设", ["县公安局"], ["县教体局"], []),
    ]
    assert doc.tasks[0].path == ["夯实学校“三防”建设基础"]


def test_unnumbered_table_gives_one_task_per_titled_row():
    doc = parse_raw(table_doc([
        ["工作任务", "工作要求", "牵头单位", "责任单位"],
        ["加强人防", "配齐保安员。", "县教体局", "县公安局"],
        ["加强物防", "建设围墙。", "县教体局", "各乡镇"],
    ]))
    assert rows_of(doc) == [("table-1", None, "加强人防", ["县教体局"], ["县公安局"], []),
                            ("table-2", None, "加强物防", ["县教体局"], ["各乡镇"], [])]


TSV = (
    "职责分工表\n"
    "一级 指标\t二级 指标\t工作要求\t牵头单位\t配合单位\n"
    "一、完善安全 教育体系\t1. 健全学 校安全教 育机制\t落实公共安全教育课时。\t区教育局\t区卫生健康 委、各街镇\n"
    "\t2. 加强心 理健康教育\t每校至少配备1名专职心理健康教育教师。\t区教育局\t区妇联、\n"
    "\t\t\t\t区财政局\n"
    "\t\t公安部门健全校园安全工作组织机构。\t公安青浦分局\t区教育局\n"
    "3、加强食品、饮\t加强卫生防疫工作监督指导。\t区卫生健康委\t\n"
    "用水卫生 管理\t加强学校食品安全监管\t区市场监管局\t各街镇\n"
    "\t和专项整治。\t\t\n"
    "4. 强化 基础保障\t区教育部门配齐配强工作力量。\t区府办\t区教育局\n"
    "\t区编制部门加大编制统筹。\t\t区委编办\n"
    "5. 加 大 宣传力度\t加大公共安全知识宣传力度。\t\t区融媒体中心、区教育局\n"
)


def test_tab_separated_rows_read_from_the_right_with_sub_rows():
    doc = parse_text(TSV)
    assert rows_of(doc) == [
        ("table-1", "1", "健全学校安全教育机制", ["区教育局"], ["区卫生健康委", "各街镇"], []),
        ("table-2", "2", "加强心理健康教育", ["区教育局"], ["区妇联", "区财政局"], []),
        ("table-3", "2", "加强心理健康教育", ["公安青浦分局"], ["区教育局"], []),
        ("table-4", "3", "加强食品、饮用水卫生管理", ["区卫生健康委"], [], []),
        ("table-5", "3", "加强食品、饮用水卫生管理", ["区市场监管局"], ["各街镇"], []),
        ("table-6", "4", "强化基础保障", ["区府办"], ["区教育局"], []),
        ("table-7", "4", "强化基础保障", ["区府办"], ["区委编办"], ["lead-inherited"]),
        ("table-8", "5", "加大宣传力度", [], ["区融媒体中心", "区教育局"], ["lead-missing"]),
    ]
    assert doc.tasks[4].text == "加强学校食品安全监管和专项整治。"
    assert doc.tasks[0].path == ["完善安全教育体系"]


def test_spans_point_into_the_text_as_read():
    doc = parse_text(TSV)
    task = doc.tasks[1]
    assert doc.text[task.span.start:task.span.end].startswith("2. 加强心 理健康教育")
    lead = task.lead[0]
    assert doc.text[lead.span.start:lead.span.end] == "区教育局"


FLAT = (
    "附件\n重点工作任务清单\n\n重点任务\n\n工作措施\n\n牵头单位\n\n责任单位\n\n"
    "一、夯实学校“三防”建设基础\n\n1.加强学校人防建设\n\n配齐配足学校保安人员。\n\n县教育体育局\n\n公安局、司法局\n\n"
    "2.加强学校物防建设\n\n全县校园实现封闭式管理,\n\n安装防攀爬设施。\n\n县教育体育局\n\n县公安局、\n\n各乡镇(街道)\n\n"
    "一、夯实学校“三防”建设基础\n\n3.加强学校技防建设\n\n加快推进智能预警平台建设。\n\n县教育体育局\n"
)


def test_flattened_table_one_cell_per_line():
    doc = parse_text(FLAT)
    assert rows_of(doc) == [
        ("table-1", "1", "加强学校人防建设", ["县教育体育局"], ["公安局", "司法局"], []),
        ("table-2", "2", "加强学校物防建设", ["县教育体育局"], ["县公安局", "各乡镇(街道)"], []),
        ("table-3", "3", "加强学校技防建设", ["县教育体育局"], [], ["truncated"]),
    ]
    assert doc.tasks[1].text == "全县校园实现封闭式管理,安装防攀爬设施。"
    assert doc.warnings == ["table row 3 (line 36): last cells missing (truncated)"]


def test_header_spanning_group_and_task_columns():
    doc = parse_raw(table_doc([
        ["重点任务", (0, 0), "工作措施", "牵头单位", "责任单位"],
        ["一、建立健全校园安全管理责任制", "1.完善校园安全管理责任制", "修订实施细则。", "市教育体育局", "公安局、司法局"],
        [(1, 0), "2.完善校园安全隐患排查整改机制", "建立风险清单。", "市教育体育局", "市应急管理局"],
    ]))
    assert rows_of(doc) == [
        ("table-1", "1", "完善校园安全管理责任制", ["市教育体育局"], ["公安局", "司法局"], []),
        ("table-2", "2", "完善校园安全隐患排查整改机制", ["市教育体育局"], ["市应急管理局"], []),
    ]
    assert [t.path for t in doc.tasks] == [["建立健全校园安全管理责任制"]] * 2


def test_table_of_units_and_their_duties():
    doc = parse_raw(table_doc([
        ["责任单位", "主要职责", "配合单位"],
        ["县教体局", "统筹全县校园安全工作。督促学校落实主体责任。", "各乡镇"],
        ["县公安局", "加强校园周边治安巡逻。", "县教体局"],
    ]))
    assert rows_of(doc) == [
        ("table-1", None, "统筹全县校园安全工作", ["县教体局"], ["各乡镇"], []),
        ("table-2", None, "加强校园周边治安巡逻", ["县公安局"], ["县教体局"], []),
    ]


def test_flattened_table_with_a_number_column():
    text = ("序号\n重点任务\n牵头单位\n配合单位\n"
            "1\n加强学校人防建设\n县教体局\n县公安局\n2\n加强学校物防建设\n县教体局\n各乡镇、\n各街道\n")
    assert rows_of(parse_text(text)) == [
        ("table-1", "1", "加强学校人防建设", ["县教体局"], ["县公安局"], []),
        ("table-2", "2", "加强学校物防建设", ["县教体局"], ["各乡镇", "各街道"], []),
    ]


def test_a_note_under_the_table_ends_it_and_its_rule_governs_the_rows():
    text = ("序号\t重点任务\t责任单位\n1\t加强学校人防建设\t县教体局、县公安局\n2\t加强学校物防建设\t县公安局、各乡镇\n"
            "注:责任单位中列第一位的为牵头单位。\n")
    assert rows_of(parse_text(text)) == [
        ("table-1", "1", "加强学校人防建设", ["县教体局"], ["县公安局"], []),
        ("table-2", "2", "加强学校物防建设", ["县公安局"], ["各乡镇"], []),
    ]
    flat = text.replace("\t", "\n")
    assert rows_of(parse_text(flat)) == rows_of(parse_text(text))


def test_a_note_under_a_word_table_governs_it():
    raw = table_doc([["序号", "重点任务", "责任单位"], ["1", "加强学校人防建设", "县教体局、县公安局"]])
    note = "注:列第一位的为牵头单位。"
    start = len(raw.text)
    raw.text += note + "\n"
    raw.blocks.append(Paragraph(note, Span(start, start + len(note))))
    assert rows_of(parse_raw(raw)) == [("table-1", "1", "加强学校人防建设", ["县教体局"], ["县公安局"], [])]


def test_an_assessment_list_with_a_title_merged_over_numbered_rows():
    """Zhejiang's 乡村振兴任务清单: 考核项目 / 序号 / 考核指标 (merged) / 考核内容 / 单位 / 年度目标 / 责任部门 / 评分部门."""
    doc = parse_raw(table_doc([
        ["考核项目", "序号", "考核指标", "考核内容", "单位", "年度目标", "责任部门", "评分部门"],
        ["农业高质高效", "1", "确保粮食和重要农产品有效供给", "农林牧渔业增加值增幅", "%", "≥2%", "县农业农村局", "市农业农村局"],
        [(1, 0), "2", (1, 2), "农业劳动生产率及增幅", "万元/人", "全市统筹", "县农业农村局", "市农业农村局"],
    ]))
    assert [(t.number, t.title, t.path, [u.name for u in t.lead], [u.name for u in t.co]) for t in doc.tasks] == [
        ("1", "确保粮食和重要农产品有效供给", ["农业高质高效"], ["县农业农村局"], []),
        ("2", "确保粮食和重要农产品有效供给", ["农业高质高效"], ["县农业农村局"], [])]
    assert doc.tasks[1].text == "农业劳动生产率及增幅全市统筹"


def test_a_contact_list_is_no_allocation_table():
    from policykit.structure.tables import allocation_roles

    assert allocation_roles(["单位", "姓名", "职务", "联系电话"]) is None
    assert allocation_roles(["单位", "封山育林", "备注"]) == ["lead", "text", "text"]
