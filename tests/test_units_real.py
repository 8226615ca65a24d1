"""Real unit names from published plans in many provinces (corpora/unit_names_real.tsv)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from policykit.units import normalise

TSV = Path(__file__).resolve().parent.parent / "corpora" / "unit_names_real.tsv"
ROWS = list(csv.DictReader(TSV.open(encoding="utf-8"), delimiter="\t"))
SEED_PROVINCES = {"云南", "上海"}


def test_corpus_is_broad_enough():
    assert len(ROWS) >= 80
    assert len({r["province"] for r in ROWS} - SEED_PROVINCES) >= 8
    assert all(r["source"].strip() for r in ROWS)
    assert sum(r["kind"] == "generic" for r in ROWS) >= 10


@pytest.mark.parametrize("row", ROWS, ids=[r["name"] for r in ROWS])
def test_real_name(row):
    unit = normalise(row["name"])
    assert (unit.canonical, unit.kind, unit.known) == (row["canonical"], row["kind"], True)
