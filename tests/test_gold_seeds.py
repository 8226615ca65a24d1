"""The two seed documents parse exactly into their hand-checked gold annotations (corpora/*.gold.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import policykit
from policykit.text import squeeze_spaces

ROOT = Path(__file__).resolve().parent.parent
SEEDS = {
    "mengzi": ROOT / "corpora" / "mengzi_campus_safety_plan_2023.txt",
    "qingpu": ROOT / "corpora" / "qingpu_campus_risk_duty_table.txt",
}
# unit-unknown depends on the unit registry, not on reading the structure; it is checked apart.
REGISTRY_FLAGS = {"unit-unknown"}


@pytest.fixture(scope="module", params=sorted(SEEDS))
def seed(request):
    path = SEEDS[request.param]
    gold = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
    return policykit.parse(path), gold


def _structure(task) -> dict:
    return {"id": task["id"], "origin": task["origin"], "number": task["number"], "title": task["title"],
            "flags": sorted(set(task["flags"]) - REGISTRY_FLAGS), "same_as": task["same_as"]}


def test_tasks_match_gold_structure(seed):
    doc, gold = seed
    got = [_structure(t.to_dict()) for t in doc.tasks]
    assert got == [_structure(t) for t in gold["tasks"]]


def test_lead_and_co_match_gold(seed):
    doc, gold = seed
    got = [(t.id, [u.name for u in t.lead], [u.name for u in t.co]) for t in doc.tasks]
    assert got == [(t["id"], t["lead"], t["co"]) for t in gold["tasks"]]


def test_meta_matches_gold(seed):
    doc, gold = seed
    meta = doc.to_dict()["meta"]
    want = dict(gold["meta"])
    first = want.pop("references_first")
    region = want.pop("region")
    assert {k: meta["region"].get(k) for k in region} == region  # evidence, confidence: not gold
    assert {k: meta[k] for k in want} == want
    assert meta["references"][: len(first)] == first


def test_outline_size_matches_gold(seed):
    doc, gold = seed
    assert len(doc.outline) == gold["outline_count"]


def test_every_span_shows_its_source(seed):
    doc, _ = seed
    for task in doc.tasks:
        source = squeeze_spaces(doc.text[task.span.start:task.span.end])
        assert (task.title or "")[:4] in source or task.origin != "body" and task.text[:4] in source, task.id


def test_mengzi_links_all_twenty_both_ways():
    doc = policykit.parse(SEEDS["mengzi"])
    by_id = {t.id: t for t in doc.tasks}
    body = [t for t in doc.tasks if t.origin == "body"]
    assert len(body) == 20
    assert all(by_id[t.same_as].same_as == t.id for t in body)


def test_mengzi_outline_heading_runs_into_body():
    doc = policykit.parse(SEEDS["mengzi"])
    item = doc.outline[3]
    assert (item.level, item.number, item.title, item.line) == (3, "1", "完善校园安全管理责任制", 31)
    task = doc.tasks[0]
    assert task.text.startswith("按照“党政同责、一岗双责、齐抓共管、失职追责”")
    assert task.path == ["主要任务", "建立健全校园安全管理责任制"]


def test_mengzi_attachment_is_an_outline_item():
    doc = policykit.parse(SEEDS["mengzi"])
    last = doc.outline[-1]
    assert (last.level, last.number, last.line) == (1, "附件", 83)
    assert last.title == "蒙自市落实云南省校园安全防范能力提升三年行动计划(2022—2024年)重点工作任务清单"


def test_qingpu_garbled_rows_are_flagged_and_warned_but_keep_their_units():
    doc = policykit.parse(SEEDS["qingpu"])
    row15 = next(t for t in doc.tasks if t.number == "15")
    assert row15.text.startswith("大大大") and [u.name for u in row15.lead] == ["区教育局"]
    assert doc.warnings == [
        "table row 6 (line 10): group garbled (repetition)",
        "table row 7 (line 11): title garbled (scattered characters)",
        "table row 15 (line 24): text garbled (repetition)",
    ]


def test_qingpu_sub_row_text_continues_over_a_line_without_units():
    doc = policykit.parse(SEEDS["qingpu"])
    row16b = [t for t in doc.tasks if t.number == "16"][1]
    assert row16b.text == "探索引入专业青少年社工,通过生命健康教育和行为矫治等预防措施,参与学生欺凌和暴力行为防控工作。"


def test_cli_parse_prints_the_same_tasks(tmp_path):
    from click.testing import CliRunner

    from policykit.cli import main

    out = tmp_path / "qingpu.json"
    result = CliRunner().invoke(main, ["parse", str(SEEDS["qingpu"]), "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema"] == "policykit.document/1"
    assert [(t["id"], t["number"]) for t in data["tasks"]][-3:] == [("table-31", "24"), ("table-32", "25"),
                                                                     ("table-33", "26")]


def test_every_seed_unit_is_known_to_the_registry(seed):
    doc, _ = seed
    assert [t.id for t in doc.tasks if "unit-unknown" in t.flags] == []


def test_mengzi_goal_deadlines_are_the_two_target_years():
    doc = policykit.parse(SEEDS["mengzi"])
    assert [(d.text, d.date) for d in doc.goal_deadlines] == [
        ("到2023年底", "2023-12-31"), ("到2024年底", "2024-12-31")]
    assert [doc.text[d.span.start:d.span.end] for d in doc.goal_deadlines] == ["到2023年底", "到2024年底"]
