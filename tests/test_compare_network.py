"""Responsibility networks: lead → co, weighted by tasks; GEXF, GraphML, Gephi CSV, UCINET DL."""

from __future__ import annotations

import csv
import io

import networkx as nx
import pytest
from test_compare_fixtures import mengzi, qingpu, unit

from policykit.comparison import compare
from policykit.comparison.network import build_graph, write_network
from policykit.errors import UsageError


@pytest.fixture(scope="module")
def result():
    return compare([mengzi(), qingpu()])


def test_pooled_graph_nodes_and_edges(result):
    graph = build_graph(result)
    assert graph.nodes["教育"] == {
        "label": "教育", "kind": "government", "lead": 6, "co": 3, "lead:蒙自市": 3, "co:蒙自市": 2,
        "lead:青浦区": 3, "co:青浦区": 1, "degree": 11,
    }
    # 教育 leads and 公安 co-operates in 蒙自 body-1, body-4, body-14 and 青浦 table-1, table-9.
    assert graph.edges["教育", "公安"] == {
        "weight": 5, "tasks": "蒙自市/body-1;蒙自市/body-4;蒙自市/body-14;青浦区/table-1;青浦区/table-9",
        "weight:蒙自市": 3, "weight:青浦区": 2,
    }
    assert graph.edges["公安", "教育"]["weight"] == 2
    assert not graph.has_edge("乡镇街道", "乡镇街道")


def test_one_document_s_graph(result):
    graph = build_graph(result, 1)
    assert graph.graph["name"] == "青浦区"
    assert sorted(graph.successors("乡镇街道")) == ["有关部门"]
    assert graph.nodes["乡镇街道"]["lead"] == 1 and "lead:蒙自市" not in graph.nodes["乡镇街道"]


@pytest.mark.parametrize("suffix, reader", [(".gexf", nx.read_gexf), (".graphml", nx.read_graphml)])
def test_graph_files_load_with_networkx(result, tmp_path, suffix, reader):
    written = write_network(result, tmp_path / f"net{suffix}")
    assert [p.name for p in written] == [f"net{suffix}", f"net.蒙自市{suffix}", f"net.青浦区{suffix}"]
    pooled = reader(written[0])
    assert pooled.is_directed()
    assert pooled.number_of_nodes() == build_graph(result).number_of_nodes() == 16
    assert int(pooled.edges["教育", "公安"]["weight"]) == 5
    assert pooled.nodes["乡镇街道"]["kind"] == "township"
    assert reader(written[2]).number_of_edges() == build_graph(result, 1).number_of_edges()


def test_gephi_csv_is_a_node_file_and_an_edge_file(result, tmp_path):
    written = write_network(result, tmp_path / "net.csv")
    assert [p.name for p in written] == ["net.nodes.csv", "net.edges.csv"]
    edges = list(csv.DictReader(io.StringIO(written[1].read_text(encoding="utf-8-sig"))))
    first = next(e for e in edges if (e["Source"], e["Target"]) == ("教育", "公安"))
    assert (first["Type"], first["Weight"], first["weight:蒙自市"]) == ("Directed", "5", "3")
    nodes = list(csv.DictReader(io.StringIO(written[0].read_text(encoding="utf-8-sig"))))
    assert [n["Id"] for n in nodes][:2] == ["教育", "公安"]


def test_ucinet_dl_edge_list(result, tmp_path):
    written = write_network(result, tmp_path / "net.dl")
    lines = written[0].read_text(encoding="utf-8").splitlines()
    assert lines[:3] == ["DL n=16 format=edgelist1", "labels embedded:", "data:"]
    assert '"教育" "公安" 5' in lines


def test_an_unknown_graph_format_is_refused_before_writing(result, tmp_path):
    with pytest.raises(UsageError, match="unknown graph format .png"):
        write_network(result, tmp_path / "net.png")
    assert list(tmp_path.iterdir()) == []


def test_a_control_character_from_pdf_extraction_does_not_break_the_xml(tmp_path):
    doc = qingpu()
    doc.tasks[0].co.append(unit("区甲\x0b乙办", None, known=False))
    written = write_network(compare([doc]), tmp_path / "net.graphml")
    assert "?区甲乙办" in nx.read_graphml(written[0])
