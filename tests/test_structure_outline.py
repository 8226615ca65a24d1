"""Outline numbering: every style, headings that run into their body, levels by nesting order."""

from __future__ import annotations

import pytest

from policykit import parse_text
from policykit.structure.outline import LevelStack, match_attachment, match_heading, split_title
from policykit.text import normalise


@pytest.mark.parametrize(("line", "style", "number", "title", "body"), [
    ("一、总体目标", "cn", "一", "总体目标", ""),
    ("十二、保障措施", "cn", "十二", "保障措施", ""),
    ("（一）建立健全校园安全管理责任制", "cn_paren", "一", "建立健全校园安全管理责任制", ""),
    ("(三)强化协作配合。各牵头单位要牢固树立“一盘棋”思想。", "cn_paren", "三", "强化协作配合",
     "各牵头单位要牢固树立“一盘棋”思想。"),
    ("1.完善校园安全管理责任制。按照要求落实。", "arabic", "1", "完善校园安全管理责任制", "按照要求落实。"),
    ("2、加强学校物防建设", "arabic", "2", "加强学校物防建设", ""),
    ("（1）配齐专职保安员：每校至少1名。", "arabic_paren", "1", "配齐专职保安员", "每校至少1名。"),
    ("①开展应急演练", "circled", "①", "开展应急演练", ""),
    ("第二章 主要任务", "chapter", "二", "主要任务", ""),
])
def test_heading_styles(line, style, number, title, body):
    h = match_heading(normalise(line))
    assert (h.style, h.number, h.title, h.body) == (style, number, title, body)


@pytest.mark.parametrize("line", ["2023年5月6日", "1.5万名学生参加培训", "100人以上1000人以下的学校", "1.", "(牵头单位:市教育局)"])
def test_not_headings(line):
    assert match_heading(normalise(line)) is None


def test_title_does_not_end_inside_quotes_or_brackets():
    assert split_title("开展“防溺水。”专项治理。按照…")[0] == "开展“防溺水。”专项治理"


def test_a_long_line_without_a_full_stop_ends_its_title_at_the_first_comma():
    line = "加强学校人防建设,按照" + "国家标准配齐配足配强学校专职保安员并定期开展培训和实操演练" * 2
    assert split_title(line)[0] == "加强学校人防建设"


def test_levels_follow_the_order_styles_first_nest_in():
    stack = LevelStack()
    assert [stack.level(s) for s in ["cn", "cn_paren", "arabic", "cn_paren", "arabic", "cn"]] == [1, 2, 3, 2, 3, 1]
    other = LevelStack()  # a plan that starts at (一) and uses 1. below it
    assert [other.level(s) for s in ["cn_paren", "arabic", "cn_paren"]] == [1, 2, 1]


@pytest.mark.parametrize(("line", "number"), [("附件", ""), ("附件2", "2"), ("附件：", ""), ("附 件", "")])
def test_attachment_markers(line, number):
    assert match_attachment(normalise(line)) == number


def test_attachment_reference_in_the_notice_is_not_the_attachment():
    assert match_attachment(normalise("附件:蒙自市重点工作任务清单")) is None


def test_outline_items_have_levels_numbers_and_one_based_lines():
    doc = parse_text("关于印发方案的通知\n一、总体目标\n到2024年底全面达标。\n二、主要任务\n（一）加强人防\n1.配齐保安。每校至少1名。\n2.加强培训\n附件\n重点工作任务清单\n")
    got = [(o.level, o.number, o.title, o.line) for o in doc.outline]
    assert got == [(1, "一", "总体目标", 2), (1, "二", "主要任务", 4), (2, "一", "加强人防", 5),
                   (3, "1", "配齐保安", 6), (3, "2", "加强培训", 7), (1, "附件", "重点工作任务清单", 8)]


def test_only_leaves_of_task_sections_become_tasks():
    doc = parse_text("一、指导思想\n（一）坚持安全第一。\n二、主要任务\n（一）加强人防\n1.配齐保安。\n2.加强培训。\n三、保障措施\n（一）加强组织领导。\n")
    assert [(t.id, t.number, t.title, t.path) for t in doc.tasks] == [
        ("body-1", "1", "配齐保安", ["主要任务", "加强人防"]),
        ("body-2", "2", "加强培训", ["主要任务", "加强人防"]),
    ]


def test_an_item_in_a_guarantee_section_with_its_own_trailer_is_a_task():
    doc = parse_text("三、保障措施\n（一）强化经费保障。将经费列入预算。（牵头单位：县财政局）\n（二）强化督导考核。\n")
    assert [(t.title, [u.name for u in t.lead]) for t in doc.tasks] == [("强化经费保障", ["县财政局"])]


def test_goal_section_numbers_go_to_goals_not_tasks():
    doc = parse_text("一、总体目标\n到2023年底,60%的学校完成创建。\n二、主要任务\n1.加强人防。每校至少配1名专职保安员。\n")
    assert [t.title for t in doc.tasks] == ["加强人防"]
    assert all(g.task is None for g in doc.goals)


def test_word_heading_styles_without_numbers_are_headings():
    from policykit.model import Paragraph, RawDocument, Span
    from policykit.parsing import parse_raw

    parts = [("主要任务", "Heading 1"), ("加强人防", "Heading 2"), ("配齐保安员。(牵头单位:县教体局)", None),
             ("加强物防", "标题 2"), ("建设围墙。(牵头单位:县教体局;责任单位:各乡镇)", "Normal")]
    text, blocks = "", []
    for body, style in parts:
        blocks.append(Paragraph(body, Span(len(text), len(text) + len(body)), style=style))
        text += body + "\n"
    doc = parse_raw(RawDocument(text=text, format="docx", blocks=blocks, path="plan.docx"))
    assert [(o.level, o.number, o.title) for o in doc.outline] == [(1, None, "主要任务"), (2, None, "加强人防"),
                                                                  (2, None, "加强物防")]
    assert [(t.title, t.text, t.path) for t in doc.tasks] == [("加强人防", "配齐保安员。", ["主要任务"]),
                                                              ("加强物防", "建设围墙。", ["主要任务"])]


@pytest.mark.parametrize("text", [
    "二、主要任务\n1.完善校园安全防控体系。开展隐患排查。（牵头单位：县教育局）\n"
    "2.2024年底前完成全县学校视频监控联网。（牵头单位：县公安局）\n3.加强校园周边巡逻。（牵头单位：县公安局）",
    "二、主要任务\n1.完善校园安全防控体系。开展隐患排查。(牵头单位:县教育局)\n"
    "2.2024年底前完成全县学校视频监控联网。(牵头单位:县公安局)\n3.加强校园周边巡逻。(牵头单位:县公安局)",
])
def test_an_item_whose_title_opens_with_a_year_is_the_next_item(text):
    doc = parse_text(text)
    assert [(t.number, t.title, [u.name for u in t.lead], [d.date for d in t.deadlines], t.flags)
            for t in doc.tasks] == [
        ("1", "完善校园安全防控体系", ["县教育局"], [], []),
        ("2", "2024年底前完成全县学校视频监控联网", ["县公安局"], ["2024-12-31"], []),
        ("3", "加强校园周边巡逻", ["县公安局"], [], []),
    ]


def test_a_year_after_a_number_out_of_turn_is_no_item():
    doc = parse_text("二、主要任务\n1.完善校园安全防控体系。开展隐患排查。\n5.2025年全部完成。\n（牵头单位：县教育局）")
    assert [(t.number, t.text) for t in doc.tasks] == [("1", "开展隐患排查。\n5.2025年全部完成。")]


@pytest.mark.parametrize("text", [
    "二、主要任务\n1.完善校园安全防控体系。开展隐患排查。（牵头单位：县教育局）\n"
    "2。2024年底前完成全县学校视频监控联网。（牵头单位：县公安局）",
    "二、主要任务\n1.完善校园安全防控体系。开展隐患排查。(牵头单位:县教育局)\n"
    "2。2024年底前完成全县学校视频监控联网。(牵头单位:县公安局)",
])
def test_two_separate_trailers_in_one_item_are_flagged(text):
    assert [(t.number, [u.name for u in t.lead], t.flags) for t in parse_text(text).tasks] == [
        ("1", ["县教育局", "县公安局"], ["multiple-trailers"])]


@pytest.mark.parametrize("text", [
    "1.加强巡逻。（牵头单位：县公安局）（责任单位：县教育局）",
    "1.加强巡逻。\n牵头单位：县公安局\n责任单位：县教育局",
    "1.加强巡逻。(牵头单位:县公安局)\n(责任单位:县教育局)",
])
def test_one_assignment_split_over_brackets_or_field_lines_is_not_flagged(text):
    assert [([u.name for u in t.lead], [u.name for u in t.co], t.flags) for t in parse_text(text).tasks] == [
        (["县公安局"], ["县教育局"], [])]
