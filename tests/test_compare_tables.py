"""The long assignment table, the matrices and the metrics researchers read."""

from __future__ import annotations

import pytest
from test_compare_fixtures import mengzi, qingpu, unit

from policykit.comparison import compare, tables
from policykit.comparison.tables import hhi, requirement_summary
from policykit.model import Requirement


@pytest.fixture(scope="module")
def result():
    return compare([mengzi(), qingpu()])


def frame_dict(frame):
    return {row[0]: dict(zip(frame.columns, row, strict=True)) for row in frame.rows}


def test_the_long_table_holds_every_assignment_once(result):
    docs = [mengzi(), qingpu()]
    assert len(result.assignments) == sum(len(t.lead) + len(t.co) for d in docs for t in d.tasks) == 68
    # The table twins of 蒙自's body tasks are kept but not counted.
    assert sum(a.counted for a in result.assignments) == 46
    assert {a.task_id for a in result.assignments if not a.counted} == {
        "table-1", "table-4", "table-13", "table-14", "table-16"}


def test_a_row_of_the_long_table(result):
    row = next(a for a in result.assignments if a.task_id == "table-1" and a.unit == "公安局")
    assert row.as_row() == {
        "document": "蒙自市", "region": "云南省红河哈尼族彝族自治州蒙自市", "task_id": "table-1",
        "task_title": "完善校园安全管理责任制", "theme": "T01", "theme_label": "安全管理责任制", "role": "co",
        "unit": "公安局", "canonical": "公安", "kind": "government", "origin": "table", "level": None,
        "known": True, "raw": "公安局", "same_as": "body-1", "counted": False, "function": "公安",
        "region_code": None,  # the fixture's meta.region has no code
    }


def test_education_leads_exactly_the_body_tasks_led_by_the_education_bureau(result):
    led = {a.task_id for a in result.assignments
           if a.document == "蒙自市" and a.counted and a.role == "lead" and a.canonical == "教育"}
    by_bureau = {t.id for t in mengzi().tasks
                 if t.origin == "body" and any(u.name == "市教育体育局" for u in t.lead)}
    assert led == by_bureau == {"body-1", "body-4", "body-14"}


def test_function_by_document_counts(result):
    frame = frame_dict(tables.roles_by_document(result))
    assert list(frame)[:4] == ["教育", "公安", "市场监管", "乡镇街道"]
    assert frame["教育"] == {"function": "教育", "kind": "government", "蒙自市 牵头": 3, "蒙自市 配合": 2,
                            "青浦区 牵头": 3, "青浦区 配合": 1, "合计 牵头": 6, "合计 配合": 3}
    assert frame["乡镇街道"]["蒙自市 配合"] == 5 and frame["乡镇街道"]["青浦区 牵头"] == 1
    assert frame["有关部门"]["kind"] == "generic"


def test_differences_are_the_shared_themes_with_different_leads(result):
    assert tables.differences(result).rows == [
        ["T02", "人防(保安)", pytest.approx(0.2399, abs=1e-4), "教育", "公安、教育", "教育", "公安"],
        ["T03", "食品安全", pytest.approx(0.183, abs=1e-4), "市场监管", "卫生健康、市场监管", "市场监管", "卫生健康"],
    ]


def test_function_by_theme_names_the_role_in_each_document(result):
    frame = frame_dict(tables.function_theme(result))
    assert frame["公安"]["T02 人防(保安)"] == "蒙自市配合、青浦区配合、青浦区牵头"
    assert frame["教育"]["T04 心理健康教育"] == "蒙自市牵头、青浦区牵头"
    assert frame["妇联"]["T05 警校联动"] == ""


def test_metrics_per_document(result):
    frame = frame_dict(tables.metrics(result))
    assert frame["蒙自市"] == {
        "document": "蒙自市", "tasks": 5, "assignments": 22, "lead_roles": 5, "lead_functions": 3,
        "top_lead": "教育", "top_lead_share": 0.6, "lead_hhi": 0.44, "tasks_to_township": 5,
        "township_share": 1.0, "township_leads": 0, "unknown_units": 0, "unknown_share": 0.0,
        "tasks_without_lead": 0,
    }
    assert frame["青浦区"]["lead_roles"] == 9
    assert frame["青浦区"]["township_leads"] == 1
    assert frame["青浦区"]["lead_hhi"] == pytest.approx(0.1852, abs=1e-4)


def test_hhi_of_lead_roles():
    assert hhi({"教育": 3, "公安": 1}) == 0.625
    assert hhi({}) is None


def test_numbers_side_by_side(result):
    assert tables.numbers(result).rows == [
        ["T02", "人防(保安)",
         "专职保安员 ≥1名 (师生员工总人数少于等于100人的学校); 专职保安员 ≥2名 (100人以上1000人以下的学校)",
         "社区网格巡逻保安 ≥1名 (小学和幼儿园校门周边100米范围内)"],
        ["T04", "心理健康教育", "专(兼)职心理健康教师 ≥1名", "专职心理健康教育教师 ≥1名"],
    ]


def test_requirement_summaries():
    assert requirement_summary(Requirement("按照学生人数600:1的比例", "卫生技术人员", "ratio", 600)) \
        == "卫生技术人员 600:1"
    assert requirement_summary(Requirement("每增加500名学生增配1名专职保安员", "专职保安员", "per", 1, unit="名",
                                           per={"step": 500, "of": "学生", "unit": "名"})) \
        == "专职保安员 每500名学生 +1名"
    assert requirement_summary(Requirement("每学期至少开展1次", "应急演练", ">=", 1.0, unit="次", period="每学期")) \
        == "每学期 应急演练 ≥1次"
    assert requirement_summary(Requirement("1-2名", "安保人员", "range", 1, value_max=2, unit="名")) \
        == "安保人员 1-2名"


def test_body_units_count_and_a_differing_table_twin_is_reported():
    doc = mengzi()
    twin = next(t for t in doc.tasks if t.id == "table-16")
    twin.lead = [unit("市教育体育局", "教育")]
    result = compare([doc])
    task = next(t for t in result.tasks if t.id == "body-16")
    assert [u.name for u in task.lead] == ["市公安局"] and task.units_from == "body-16"
    assert task.flags == ["twin-lead-differs"]
    assert result.warnings == ["蒙自市: body-16 and its table row table-16 name different leads; the body's count"]


def test_a_body_task_without_units_takes_its_table_row_s():
    doc = mengzi()
    body = next(t for t in doc.tasks if t.id == "body-4")
    body.lead, body.co = [], []
    result = compare([doc])
    task = next(t for t in result.tasks if t.id == "body-4")
    assert task.units_from == "table-4"
    assert {(a.task_id, a.counted) for a in result.assignments if a.theme == task.theme} == {("table-4", True)}


def test_unknown_units_are_their_own_function_and_counted():
    doc = qingpu()
    doc.tasks[0].co.append(unit("区甲乙办", None, known=False))
    result = compare([doc])
    assert frame_dict(tables.roles_by_document(result))["?区甲乙办"]["kind"] == "other"
    assert frame_dict(tables.metrics(result))["青浦区"]["unknown_units"] == 1


def test_a_function_both_leading_and_co_operating_counts_as_lead():
    doc = qingpu()
    doc.tasks[0].co.append(unit("区教育局", "教育"))
    frame = frame_dict(tables.roles_by_document(compare([doc])))
    assert (frame["教育"]["青浦区 牵头"], frame["教育"]["青浦区 配合"]) == (3, 1)
