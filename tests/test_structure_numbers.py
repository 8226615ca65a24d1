"""Numbers of a task are read from its title too, and deadlines from its time-limit labels."""

from __future__ import annotations

import pytest

from policykit import parse_text


def both(text: str) -> list[str]:
    """The same plan in full-width and in ASCII punctuation."""
    return [text, text.translate(str.maketrans("（）：；，", "():;,"))]


def numbers(text: str) -> list[tuple[str, list[tuple[str, str, float]], list[tuple[str, str]]]]:
    """(title, requirements as (text, op, value), deadlines as (text, date)) of every task."""
    return [(t.title, [(r.text, r.op, r.value) for r in t.requirements], [(d.text, d.date) for d in t.deadlines])
            for t in parse_text(text).tasks]


@pytest.mark.parametrize("text", both(
    "二、主要任务\n"
    "1.每学期至少开展1次应急疏散演练。（牵头单位：县教育局）\n"
    "2.开展平安校园创建，力争90%以上学校达标\n"
    "（牵头单位：县教育局；责任单位：各乡镇）\n"))
def test_a_number_in_the_title_is_a_requirement(text):
    assert numbers(text) == [
        ("每学期至少开展1次应急疏散演练", [("每学期至少开展1次应急疏散演练", ">=", 1)], []),
        ("开展平安校园创建，力争90%以上学校达标" if "，" in text else "开展平安校园创建,力争90%以上学校达标",
         [("力争90%以上学校达标", ">=", 90)], []),
    ]
    task = parse_text(text).tasks[0]
    assert text[task.requirements[0].span.start:task.requirements[0].span.end] == "每学期至少开展1次应急疏散演练"


@pytest.mark.parametrize("text", both(
    "1.视频监控覆盖率达到100%\n"
    "2023年底前，全县学校视频监控覆盖率达到100%。（牵头单位：县公安局）\n"
    "2.每年开展2次联合检查\n"
    "每年开展2次联合检查，每次不少于3天。（牵头单位：县市场监管局）\n"))
def test_a_title_repeated_in_the_text_gives_its_number_once(text):
    assert [[(r.text, r.value) for r in t.requirements] for t in parse_text(text).tasks] == [
        [("全县学校视频监控覆盖率达到100%", 100)],
        [("每年开展2次联合检查", 2), ("每次不少于3天", 3)],
    ]


@pytest.mark.parametrize("text", both(
    "二、主要任务\n"
    "1.完善学校视频监控。学校视频监控覆盖率达到100%。\n"
    "完成时限：2024年12月底前\n"
    "牵头单位：县公安局\n"
    "2.整治校园周边环境。开展联合检查。（牵头单位：县市场监管局；完成时限：2025年6月底前）\n"
    "3.开展安全隐患排查。\n"
    "时间节点：2025年3月底前完成\n"
    "（牵头单位：县应急管理局）\n"
    "4.建立安全工作台账。\n"
    "完成时间\n"
    "2024年底\n"
    "牵头单位：县教育局\n"))
def test_time_limit_labels_give_the_tasks_deadline(text):
    assert numbers(text) == [
        ("完善学校视频监控", [("学校视频监控覆盖率达到100%", ">=", 100)], [("2024年12月底前", "2024-12-31")]),
        ("整治校园周边环境", [], [("2025年6月底前", "2025-06-30")]),
        ("开展安全隐患排查", [], [("2025年3月底前", "2025-03-31")]),
        ("建立安全工作台账", [], [("2024年底", "2024-12-31")]),
    ]
    assert [[u.name for u in t.lead] for t in parse_text(text).tasks] == [
        ["县公安局"], ["县市场监管局"], ["县应急管理局"], ["县教育局"]]


def test_a_task_list_row_reads_its_title_for_numbers():
    text = ("附件\n重点工作任务清单\n序号\t工作任务\t牵头单位\t责任单位\n"
            "1\t每年开展2次校园安全大检查\t县教育局\t县公安局\n")
    assert [(t.origin, [(r.text, r.value) for r in t.requirements]) for t in parse_text(text).tasks] == [
        ("table", [("每年开展2次校园安全大检查", 2)])]
