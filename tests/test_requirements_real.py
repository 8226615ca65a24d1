"""Requirements and deadlines in real sentences from published plans (corpora/requirement_sentences_real.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policykit.requirements import extract_deadlines, extract_requirements

REQUIREMENT_FIELDS = ("text", "subject", "op", "value", "value_max", "unit", "period", "per", "condition",
                      "target", "flags")
DEADLINE_FIELDS = ("text", "date", "relative")

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
CORPUS = json.loads((CORPORA / "requirement_sentences_real.json").read_text(encoding="utf-8"))["sentences"]


def _case(entry: dict):
    marks = [pytest.mark.xfail(reason=entry["gap"], strict=True)] if entry.get("gap") else []
    return pytest.param(entry, id=entry["id"], marks=marks)


def test_corpus_is_varied_and_cited():
    assert len(CORPUS) >= 90
    assert len({e["domain"] for e in CORPUS}) >= 20
    assert all(e["source"]["url"].startswith("http") and e["source"]["title"] for e in CORPUS)
    # numbers that are names, dates, slogans, phone numbers, addresses, budget totals
    assert sum(1 for e in CORPUS if not e["requirements"]) >= 15


@pytest.mark.parametrize("entry", [_case(e) for e in CORPUS])
def test_real_sentence(entry):
    text = entry["text"]
    found = extract_requirements(text)
    assert [{k: r.to_dict()[k] for k in REQUIREMENT_FIELDS} for r in found] == entry["requirements"]
    assert [text[r.span.start:r.span.end] for r in found] == [r.text for r in found]
    deadlines = extract_deadlines(text)
    assert [{k: d.to_dict()[k] for k in DEADLINE_FIELDS} for d in deadlines] == entry["deadlines"]
