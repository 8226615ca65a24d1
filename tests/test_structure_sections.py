"""Sections without tasks (指导思想, 保障措施 …) are top sections named by their whole title.

A word such as 组织领导 or 工作目标 inside the title of an item of 主要任务 does not
drop the item: "(一)加强组织领导。…由县政府办牵头…" is a task.
"""

from __future__ import annotations

import pytest

from policykit import parse_text
from policykit.structure.tasks import is_section


def both(text: str) -> list[str]:
    """The same plan in full-width and in ASCII punctuation."""
    return [text, text.translate(str.maketrans("（）：；，", "():;,"))]


def tasks(text: str) -> list[tuple[str, list[str], list[str], list[str]]]:
    """(title, lead names, co names, flags without unit-unknown) of every task."""
    return [(t.title, [u.name for u in t.lead], [u.name for u in t.co], [f for f in t.flags if f != "unit-unknown"])
            for t in parse_text(text).tasks]


@pytest.mark.parametrize("text", both(
    "二、主要任务\n"
    "（一）加强组织领导。建立校园安全联席会议制度，由县政府办牵头，县教育局、县公安局配合。\n"
    "（二）细化实施步骤。制定年度工作台账。（牵头单位：县教育局）\n"
    "（三）明确工作目标。各学校制定安全目标责任书。（牵头单位：县教育局；责任单位：各乡镇）\n"))
def test_section_words_in_the_titles_of_main_tasks_do_not_drop_them(text):
    assert tasks(text) == [
        ("加强组织领导", ["县政府办"], ["县教育局", "县公安局"], []),
        ("细化实施步骤", ["县教育局"], [], []),
        ("明确工作目标", ["县教育局"], ["各乡镇"], []),
    ]
    assert parse_text(text).warnings == []


@pytest.mark.parametrize("text", both(
    "一、主要任务\n"
    "1.开展校园周边巡逻。（牵头单位：县公安局）\n"
    "二、进一步加强组织领导\n"
    "（一）成立领导小组。由县政府办牵头，县教育局配合。\n"
    "（二）强化经费保障。财政部门要保障经费。\n"))
def test_a_top_section_named_by_its_whole_title_holds_no_items_as_tasks_but_its_sentences_assign(text):
    doc = parse_text(text)
    assert [(t.origin, t.title, t.path, [u.name for u in t.lead], [u.name for u in t.co]) for t in doc.tasks] == [
        ("body", "开展校园周边巡逻", ["主要任务"], ["县公安局"], []),
        ("sentence", None, ["进一步加强组织领导", "成立领导小组"], ["县政府办"], ["县教育局"]),
        ("sentence", None, ["进一步加强组织领导", "强化经费保障"], ["财政部门"], []),
    ]
    assert doc.warnings == []


@pytest.mark.parametrize("text", both(
    "一、主要任务\n"
    "1.开展校园周边巡逻。（牵头单位：县公安局）\n"
    "三、实施步骤和进度安排\n"
    "（一）动员部署阶段。2024年3月底前，由县教育局牵头制定方案。\n"))
def test_a_top_section_of_several_section_words_holds_no_items_as_tasks(text):
    doc = parse_text(text)
    assert [(t.origin, t.title, [u.name for u in t.lead]) for t in doc.tasks] == [
        ("body", "开展校园周边巡逻", ["县公安局"]), ("sentence", None, ["县教育局"])]
    assert doc.tasks[1].deadlines[0].text == "2024年3月底前"
    assert doc.warnings == []


@pytest.mark.parametrize("text", both(
    "一、总体要求\n"
    "（一）指导思想。坚持安全第一。\n"
    "（二）工作目标。到2025年，90%以上学校达到平安校园标准。\n"
    "二、主要任务\n"
    "（一）完善目标管理。到2025年，建成10所示范学校。（牵头单位：县教育局）\n"))
def test_goals_are_read_from_a_goal_section_inside_a_top_section_only(text):
    doc = parse_text(text)
    assert [(g.text, g.op, g.value, g.unit) for g in doc.goals] == [("90%以上学校达到平安校园标准", ">=", 90, "%")]
    assert [t.title for t in doc.tasks] == ["完善目标管理"]


@pytest.mark.parametrize(("title", "kind", "expected"), [
    ("保障措施", "not_tasks", True),
    ("保 障 措 施", "not_tasks", True),
    ("加强组织领导", "not_tasks", True),
    ("进一步加强组织领导", "not_tasks", True),
    ("实施步骤及进度安排", "not_tasks", True),
    ("指導思想", "not_tasks", True),
    ("加强组织领导制度建设", "not_tasks", False),
    ("总体要求和主要任务", "not_tasks", False),
    ("主要目标和重点任务", "goals", True),
    ("夯实学校三防建设基础", "not_tasks", False),
])
def test_is_section_compares_the_whole_title(title, kind, expected):
    assert is_section(title, kind) is expected


@pytest.mark.parametrize("text", both(
    "关于印发《某县校园安全工作方案》的通知\n"
    "各乡镇人民政府，县直各单位：\n"
    "现将《某县校园安全工作方案》印发给你们，请认真贯彻落实。\n"
    "附件：某县校园安全工作方案\n"
    "某县人民政府办公室\n"
    "2024年3月1日\n"))
def test_a_notice_forwarding_an_attachment_it_lacks_says_so(text):
    doc = parse_text(text)
    # the addressees are asked to carry it out (one sentence task, flagged), and nothing else is there
    assert [([u.name for u in t.co], t.flags) for t in doc.tasks] == [
        (["各乡镇人民政府", "县直各单位"], ["addressees", "lead-missing"])]
    assert doc.warnings == [
        "no tasks found: the text names an attachment (附件) it does not include; parse the attachment itself"]


@pytest.mark.parametrize("text", both(
    "某县校园安全工作方案\n"
    "一、指导思想\n"
    "坚持安全第一，预防为主。\n"
    "附件\n"
    "某县校园安全工作方案\n"
    "二、基本原则\n"
    "坚持属地管理，分级负责。\n") + both("某县校园安全工作方案\n一、指导思想\n坚持安全第一，预防为主。\n"))
def test_a_document_without_tasks_is_warned(text):
    doc = parse_text(text)
    assert (doc.tasks, doc.warnings) == ([], ["no tasks found: no numbered items with units, no task-list table"])
