"""The region code (行政区划代码) researchers join on: in the parse JSON, the compare tables and the store."""

from __future__ import annotations

import csv
import io
import sqlite3
from pathlib import Path

import pytest

import policykit
from policykit.comparison.reports import to_csv
from policykit.comparison.tables import documents_frame
from policykit.store import Store

ROOT = Path(__file__).resolve().parent.parent
MENGZI = ROOT / "corpora" / "mengzi_campus_safety_plan_2023.txt"
QINGPU = ROOT / "corpora" / "qingpu_campus_risk_duty_table.txt"


@pytest.fixture(scope="module")
def docs():
    return [policykit.parse(MENGZI), policykit.parse(QINGPU)]


def test_compare_tables_carry_the_region_code(docs):
    comparison = policykit.compare(docs)
    rows = list(csv.DictReader(io.StringIO(to_csv(comparison).decode("utf-8-sig"))))
    assert {(r["document"], r["region_code"]) for r in rows} == {("蒙自市", "532503"), ("青浦区", "310118")}
    frame = documents_frame(comparison)
    assert [row[frame.columns.index("region_code")] for row in frame.rows] == ["532503", "310118"]


def test_the_store_carries_the_region_code(docs, tmp_path):
    with Store(tmp_path / "notices.sqlite") as store:
        for doc in docs:
            store.add(doc.to_dict())
        assert store.db.execute("SELECT county, region_code FROM documents ORDER BY id").fetchall() == [
            ("蒙自市", "532503"), ("青浦区", "310118")]
        assert store.db.execute("SELECT DISTINCT region, region_code FROM assignments").fetchall() == [
            ("蒙自市", "532503"), ("青浦区", "310118")]


# the documents table and the view as policykit.store/1 wrote them before the code was added
OLD_DOCUMENTS = """
DROP VIEW assignments;
DROP TABLE documents;
CREATE TABLE documents (
    id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, path TEXT NOT NULL, format TEXT, encoding TEXT,
    chars INTEGER, title TEXT, issuer TEXT, doc_number TEXT, published TEXT, signed TEXT, province TEXT,
    prefecture TEXT, county TEXT, region_level TEXT, period_start INTEGER, period_end INTEGER,
    task_count INTEGER NOT NULL, warnings TEXT NOT NULL, json TEXT NOT NULL, added TEXT NOT NULL);
CREATE VIEW assignments AS
SELECT d.path AS document, coalesce(d.county, d.prefecture, d.province) AS region, t.task_id AS task_id,
       t.title AS task_title, u.role AS role, u.name AS unit, u.canonical AS canonical, u.kind AS kind,
       u.known AS known, d.id AS document_id
FROM units AS u
JOIN tasks AS t ON t.document_id = u.document_id AND t.task_id = u.task_id
JOIN documents AS d ON d.id = u.document_id;
"""


def test_a_store_written_before_the_code_gains_the_column(docs, tmp_path):
    path = tmp_path / "old.sqlite"
    Store(path).close()
    db = sqlite3.connect(path)
    db.executescript(OLD_DOCUMENTS)
    db.close()
    with Store(path) as store:
        store.add(docs[1].to_dict())
        assert store.db.execute("SELECT county, region_code FROM documents").fetchall() == [("青浦区", "310118")]
        assert store.db.execute("SELECT DISTINCT region, region_code FROM assignments").fetchall() == [
            ("青浦区", "310118")]
