"""Real plans beyond the seeds (corpora/SOURCES.md) parse exactly into their hand-checked gold.

Each covers a way of writing assignments the seeds do not: field lines "牵头责任单位:" /
"主要协作单位:" (Lingbi), a section headed by its lead unit (Qinxian), a standing rule
"列第一位者为牵头单位,下同" in traditional characters (Neijiang), a plan collapsed into one
paragraph with "(A、B牵头,C参加)" (Jining), 责任单位 lines without a lead (Gongshu), a field
table flattened with bars (Jinxiang), "(A、B牽頭,C及D按職責分工負責)" in traditional characters (Xianyang),
"(A、B、C負責)" with no lead (Dongguan).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import policykit
from policykit.text import squeeze_spaces

ROOT = Path(__file__).resolve().parent.parent
REAL = ["dongguan_employment_opinions_2021", "gongshu_air_pollution_plan_2018", "jining_employment_opinions_tasks_2015",
        "jinxiang_government_work_duties_2025", "lingbi_health_work_report_tasks_2021",
        "neijiang_employment_opinions_tasks", "qinxian_government_work_report_tasks_2025",
        "xianyang_streamlining_reform_tasks_2022"]
REGISTRY_FLAGS = {"unit-unknown"}


@pytest.fixture(scope="module", params=REAL)
def real(request):
    path = ROOT / "corpora" / f"{request.param}.txt"
    gold = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
    return request.param, policykit.parse(path), gold


def _structure(task: dict) -> dict:
    return {"id": task["id"], "origin": task["origin"], "number": task["number"], "title": task["title"],
            "flags": sorted(set(task["flags"]) - REGISTRY_FLAGS), "same_as": task["same_as"]}


def test_tasks_match_gold_structure(real):
    _, doc, gold = real
    assert [_structure(t.to_dict()) for t in doc.tasks] == [_structure(t) for t in gold["tasks"]]


def test_lead_and_co_match_gold(real):
    _, doc, gold = real
    got = [(t.id, [u.name for u in t.lead], [u.name for u in t.co]) for t in doc.tasks]
    assert got == [(t["id"], t["lead"], t["co"]) for t in gold["tasks"]]


def test_meta_matches_gold(real):
    _, doc, gold = real
    meta = doc.to_dict()["meta"]
    want = dict(gold["meta"])
    first = want.pop("references_first")
    region = want.pop("region")
    assert {k: meta["region"].get(k) for k in region} == region  # code, evidence, confidence: where the gold has them
    assert {k: meta[k] for k in want} == want
    assert meta["references"][: len(first)] == first


def test_outline_size_matches_gold(real):
    _, doc, gold = real
    assert len(doc.outline) == gold["outline_count"]


def test_every_source_has_a_row_in_sources_md():
    listed = (ROOT / "corpora" / "SOURCES.md").read_text(encoding="utf-8")
    assert [name for name in REAL if f"`{name}.txt`" not in listed] == []


def test_qinxian_notice_items_are_not_tasks_but_stay_in_the_outline():
    doc = policykit.parse(ROOT / "corpora" / "qinxian_government_work_report_tasks_2025.txt")
    assert [(o.number, o.title) for o in doc.outline[:3]] == [
        ("一", "责任到人,闭环管理"), ("二", "节点管控,动态调度"), ("三", "协同破题,联动增效")]
    assert [t.number for t in doc.tasks if t.origin != "sentence"] == ["1", "2", "3", "4"]
    # the notice's own duty sentences ("各单位要紧盯目标任务…") are sentence tasks, not numbered items
    assert {t.origin for t in doc.tasks[4:]} == {"sentence"}


def test_cut_off_last_tasks_are_warned():
    doc = policykit.parse(ROOT / "corpora" / "gongshu_air_pollution_plan_2018.txt")
    assert doc.warnings == ["body task body-2 (line 16): text ends mid-sentence (truncated)"]


def test_lingbi_page_furniture_is_not_task_text():
    doc = policykit.parse(ROOT / "corpora" / "lingbi_health_work_report_tasks_2021.txt")
    assert doc.tasks[-1].text.endswith("进一步提升县域医疗服务整体能力。")


def test_jinxiang_field_table_with_bars():
    doc = policykit.parse(ROOT / "corpora" / "jinxiang_government_work_duties_2025.txt")
    assert (doc.meta.issuer, doc.meta.signed) == ("金乡县人民政府办公室", "2025-02-28")
    assert [u.name for u in doc.tasks[6].co] == ["新材料产业园", "高端装备产业园", "食品产业园", "商贸物流园"]


def test_every_span_shows_its_source(real):
    _, doc, _ = real
    for task in doc.tasks:
        shown = doc.text[task.span.start:task.span.end]
        if task.origin == "sentence":  # no number, no title: the span holds the statement and its units
            assert task.text[:4] in shown and all(u.raw in shown for u in task.lead + task.co), task.id
            continue
        assert task.number in squeeze_spaces(shown)[:3], task.id
        assert task.title[:4] in shown, task.id
