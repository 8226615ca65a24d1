"""``policykit compare`` on the command line, and ``policykit.compare`` with an upstream plan."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from test_compare_fixtures import mengzi, qingpu, yunnan

import policykit
from policykit.cli import main
from policykit.comparison import tables


@pytest.fixture()
def inputs(tmp_path):
    """What `policykit parse` writes: 蒙自 as .json, 青浦 in a .jsonl, 云南 (upstream) as .json."""
    (tmp_path / "mengzi.json").write_text(json.dumps(mengzi().to_dict(), ensure_ascii=False), encoding="utf-8")
    (tmp_path / "qingpu.jsonl").write_text(json.dumps(qingpu().to_dict(), ensure_ascii=False) + "\n",
                                           encoding="utf-8")
    (tmp_path / "yunnan.json").write_text(json.dumps(yunnan().to_dict(), ensure_ascii=False), encoding="utf-8")
    return tmp_path


def run(*args):
    return CliRunner().invoke(main, ["compare", *map(str, args)])


def test_html_report_and_network(inputs):
    out, net = inputs / "report.html", inputs / "net.gexf"
    result = run(inputs / "mengzi.json", inputs / "qingpu.jsonl", "-o", out, "--network", net)
    assert result.exit_code == 0, result.output
    assert "<h1>分工比较: 蒙自市、青浦区</h1>" in out.read_text(encoding="utf-8")
    assert nx.read_gexf(net).number_of_nodes() == 16
    assert result.stderr.splitlines() == [f"policykit: wrote {inputs / n}"
                                          for n in ("net.gexf", "net.蒙自市.gexf", "net.青浦区.gexf")]


def test_markdown_to_stdout_by_default(inputs):
    result = run(inputs / "mengzi.json", inputs / "qingpu.jsonl")
    assert result.exit_code == 0
    assert result.stdout.startswith("# 分工比较: 蒙自市、青浦区\n")


def test_parent_shows_what_a_county_copied_adapted_added_and_dropped(inputs):
    out = inputs / "report.xlsx"
    result = run(inputs / "mengzi.json", "--parent", inputs / "yunnan.json", "-o", out)
    assert result.exit_code == 0, result.output
    sheet = load_workbook(out)["parent_summary"]
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [
        ["document", "copied", "adapted", "added", "dropped"], ["蒙自市", 1, 1, 3, 1]]


def test_parent_links_in_the_library():
    result = policykit.compare([mengzi()], parent=yunnan())
    links = {ln.task: (ln.status, ln.parent_task) for ln in result.parent.links}
    assert links == {"body-1": ("added", None), "body-4": ("added", None), "body-13": ("added", None),
                     "body-14": ("adapted", "body-2"), "body-16": ("copied", "body-1")}
    assert result.parent.dropped == {0: ["body-3"]}
    assert tables.parent_frames(result)[2].rows == [["蒙自市", "body-3", "加强学校周边道路交通安全管理"]]


def test_a_missing_input_is_one_line_exit_1_and_nothing_written(inputs):
    out = inputs / "report.html"
    result = run(inputs / "mengzi.json", inputs / "nope.json", "-o", out)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"policykit: error: {inputs / 'nope.json'}: no such file"]
    assert not out.exists()


@pytest.mark.parametrize("content, problem", [
    ('{"schema": "other/1"}', "is not a policykit.document/1 document (found 'other/1')"),
    ("{not json", "not valid JSON: Expecting property name enclosed in double quotes at line 1"),
    ('[{"schema": "policykit.document/1"}]', "item 1 is a broken policykit.document/1 document: KeyError: 'source'"),
])
def test_a_broken_json_input_names_the_file_and_the_problem(inputs, content, problem):
    bad = inputs / "bad.json"
    bad.write_text(content, encoding="utf-8")
    result = run(inputs / "mengzi.json", bad, "-o", inputs / "r.md")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"policykit: error: {bad}: {problem}"]


def test_a_broken_jsonl_line_is_named(inputs):
    bad = inputs / "bad.jsonl"
    bad.write_text(json.dumps(qingpu().to_dict(), ensure_ascii=False) + "\n{oops\n", encoding="utf-8")
    result = run(bad)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"policykit: error: {bad}: line 2 is not valid JSON: "
                                          "Expecting property name enclosed in double quotes"]


@pytest.mark.parametrize("args, message", [
    (["-o", "report.pdf"], "unknown report format 'pdf'"),
    (["-o", "-", "-f", "xlsx"], "xlsx output needs a file"),
    (["--network", "net.png"], "--network net.png: use a file ending in .gexf, .graphml, .csv, .dl"),
])
def test_usage_errors_exit_2(inputs, args, message):
    result = run(inputs / "mengzi.json", *args)
    assert result.exit_code == 2
    assert message in result.output


def test_help_names_every_output():
    result = CliRunner().invoke(main, ["compare", "--help"])
    assert result.exit_code == 0
    for word in (".html", ".md", ".xlsx", ".csv", ".gexf", ".graphml", "--parent", "--settings"):
        assert word in result.output


@pytest.mark.parametrize("name, content, problem", [
    ("empty.jsonl", "\n", "holds no policykit.document/1 document (no lines)"),
    ("empty.json", "[]", "holds no policykit.document/1 document (an empty list)"),
])
def test_an_input_without_documents_is_an_error(inputs, name, content, problem):
    empty = inputs / name
    empty.write_text(content, encoding="utf-8")
    result = run(empty, "-o", inputs / "r.html")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"policykit: error: {empty}: {problem}"]
    assert not (inputs / "r.html").exists()


def test_the_parent_must_be_one_document(inputs):
    both = inputs / "both.jsonl"
    both.write_text("".join(json.dumps(d.to_dict(), ensure_ascii=False) + "\n" for d in (yunnan(), qingpu())),
                    encoding="utf-8")
    result = run(inputs / "mengzi.json", "--parent", both, "-o", inputs / "r.html")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"policykit: error: {both}: --parent needs exactly one document, found 2"]
    assert not (inputs / "r.html").exists()
