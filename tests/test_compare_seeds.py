"""``policykit compare`` on the two seed documents, parsed by ``policykit.parse``."""

from __future__ import annotations

import networkx as nx
import pytest

from policykit.comparison import compare, tables
from policykit.comparison.network import write_network
from policykit.parsing import parse


@pytest.fixture(scope="module")
def docs(mengzi_path, qingpu_path):
    return [parse(mengzi_path), parse(qingpu_path)]


@pytest.fixture(scope="module")
def result(docs):
    return compare(docs)


def test_the_long_table_holds_every_assignment_of_both_parses(docs, result):
    assert len(result.assignments) == sum(len(t.lead) + len(t.co) for d in docs for t in d.tasks)
    # Counted once: 蒙自's attached list repeats its 20 body tasks; its sentence tasks stand alone.
    counted = sum(len(t.lead) + len(t.co) for d in docs for t in d.tasks if t.origin != "table" or d is docs[1])
    assert sum(a.counted for a in result.assignments) == counted


def test_education_leads_exactly_the_mengzi_body_tasks_the_education_bureau_leads(docs, result):
    led = {a.task_id for a in result.assignments
           if a.document == "蒙自市" and a.counted and a.role == "lead" and a.canonical == "教育"}
    expected = {t.id for t in docs[0].tasks
                if t.origin == "body" and any(u.name == "市教育体育局" for u in t.lead)}
    assert led == expected
    assert len(expected) == 17


def test_the_mental_health_tasks_of_both_seeds_share_a_theme(docs, result):
    mengzi_task = next(t for t in docs[0].tasks if t.origin == "body" and t.title == "强化学生心理健康教育")
    qingpu_task = next(t for t in docs[1].tasks if t.text.startswith("加强中小学生生命教育和心理健康教育"))
    theme = result.theme_of("蒙自市", mengzi_task.id)
    assert theme is result.theme_of("青浦区", qingpu_task.id)
    assert theme.label == "心理健康教育"
    assert [(result.documents[t.doc].label, t.id) for t in theme.tasks] == [
        ("蒙自市", mengzi_task.id), ("青浦区", qingpu_task.id)]


def test_the_network_loads_with_networkx_readers(result, tmp_path):
    gexf = nx.read_gexf(write_network(result, tmp_path / "net.gexf")[0])
    graphml = nx.read_graphml(write_network(result, tmp_path / "net.graphml")[0])
    pooled = tables.roles_by_document(result)
    assert gexf.number_of_nodes() == graphml.number_of_nodes() == len(pooled.rows)
    assert gexf.number_of_edges() == graphml.number_of_edges() > 0
    assert graphml.nodes["教育"]["lead"] == sum(row[-2] for row in pooled.rows if row[0] == "教育")
