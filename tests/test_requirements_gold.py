"""Every requirement and deadline of the two seed documents, against hand-checked gold files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policykit.requirements import extract_deadlines, extract_requirements

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
SEEDS = ["mengzi_campus_safety_plan_2023", "qingpu_campus_risk_duty_table"]
REQUIREMENT_FIELDS = ("text", "subject", "op", "value", "value_max", "unit", "period", "per", "condition",
                      "target", "flags", "task")
DEADLINE_FIELDS = ("text", "date", "relative")


def load(seed: str) -> tuple[str, dict]:
    text = (CORPORA / f"{seed}.txt").read_text(encoding="utf-8")
    gold = json.loads((CORPORA / f"{seed}.requirements.gold.json").read_text(encoding="utf-8"))
    return text, gold


def entries(gold: dict) -> list[dict]:
    return [{**g, "task": None} for g in gold["goals"]] + gold["tasks"]


def requirement_rows(found, text: str) -> list[dict]:
    for r in found:
        assert text[r.span.start:r.span.end] == r.text  # spans point into the text as read
    return [{k: r.to_dict()[k] for k in REQUIREMENT_FIELDS} for r in found]


@pytest.mark.parametrize("seed", SEEDS)
def test_each_gold_sentence(seed):
    text, gold = load(seed)
    for entry in entries(gold):
        start, sentence = entry["start"], entry["text"]
        assert text[start:start + len(sentence)] == sentence
        found = extract_requirements(sentence, start, task_id=entry["task"])
        assert requirement_rows(found, text) == [{**r, "task": entry["task"]} for r in entry["requirements"]]
        deadlines = extract_deadlines(sentence, start, plan_date=gold["plan_date"], period=gold["period"])
        assert [{k: d.to_dict()[k] for k in DEADLINE_FIELDS} for d in deadlines] == entry["deadlines"]


@pytest.mark.parametrize("seed", SEEDS)
def test_nothing_outside_the_gold(seed):
    """Run on the whole document: exactly the gold requirements and deadlines, in document order, no more."""
    text, gold = load(seed)
    ordered = sorted(entries(gold), key=lambda e: e["start"])
    found = requirement_rows(extract_requirements(text), text)
    assert [{**r, "task": None} for r in found] == [{**r, "task": None} for e in ordered for r in e["requirements"]]
    deadlines = extract_deadlines(text, plan_date=gold["plan_date"], period=gold["period"])
    assert [{k: d.to_dict()[k] for k in DEADLINE_FIELDS} for d in deadlines] == [
        d for e in ordered for d in e["deadlines"]]


def test_mengzi_key_numbers():
    """The numbers a drafter looks for first, read the way the plan states them."""
    text, _ = load("mengzi_campus_safety_plan_2023")
    found = {r.text: r for r in extract_requirements(text)}
    guard = found["每增加500名学生增配1名专职保安员"]
    assert (guard.op, guard.value, guard.per, guard.condition) == (
        "per", 1, {"step": 500, "of": "学生", "unit": "名"}, "超过1000人的学校")
    assert found["600:1的比例配齐专(兼)职卫生技术人员或卫生保健教师"].op == "ratio"
    deadlines = {d.text: d.date for d in extract_deadlines(text, plan_date="2023-05-06",
                                                           period={"start": 2022, "end": 2024})}
    assert deadlines["3年内"] == "2024-12-31"
    assert deadlines["2024年前"] == "2023-12-31"


@pytest.mark.parametrize("seed", SEEDS)
def test_parsed_tasks_carry_the_gold(seed):
    """Through the whole parser: each task holds exactly its gold requirements and deadlines."""
    from policykit import parse

    text, gold = load(seed)
    doc = parse(CORPORA / f"{seed}.txt")
    by_task: dict[str, tuple[list, list]] = {}
    for e in gold["tasks"]:
        reqs, dls = by_task.setdefault(e["task"], ([], []))
        reqs += [r["text"] for r in e["requirements"]]
        dls += [(d["text"], d["date"]) for d in e["deadlines"]]
    parsed = {t.id: ([r.text for r in t.requirements], [(d.text, d.date) for d in t.deadlines])
              for t in doc.tasks if t.requirements or t.deadlines}
    assert parsed == by_task
    assert [g.text for g in doc.goals] == [r["text"] for e in gold["goals"] for r in e["requirements"]]
