"""Real unit lists as written in trailers, table cells and addressee lines (corpora/unit_lists_real.tsv).

Each row is a raw list from a published plan or notice, the names it should be cut into and
the function of each ("?" = not a unit policykit knows: flagged, never guessed as known).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from policykit.units import parse_unit_list

TSV = Path(__file__).resolve().parent.parent / "corpora" / "unit_lists_real.tsv"
ROWS = list(csv.DictReader(TSV.open(encoding="utf-8"), delimiter="\t"))


def test_corpus_is_broad_and_cited():
    assert len(ROWS) >= 60
    assert len({r["province"] for r in ROWS}) >= 15
    assert all(r["source"].startswith("http") for r in ROWS)


@pytest.mark.parametrize("row", ROWS, ids=[r["raw"][:40] for r in ROWS])
def test_real_list(row):
    units = parse_unit_list(row["raw"])
    assert [u.name for u in units] == row["names"].split(" | ")
    assert [u.canonical if u.known else "?" for u in units] == row["canonicals"].split(" | ")
    assert all(row["raw"][u.span.start:u.span.end] == u.raw for u in units)
