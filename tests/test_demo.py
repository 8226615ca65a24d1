"""`policykit demo` — the README's first command — writes every promised output, readable."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
from click.testing import CliRunner
from docx import Document as WordDocument
from openpyxl import load_workbook

from policykit.cli import main
from policykit.demo import corpus_files


def test_demo_writes_parsed_corpus_report_and_draft(tmp_path):
    out = tmp_path / "demo"
    result = CliRunner().invoke(main, ["demo", "-o", str(out)])
    assert result.exit_code == 0, result.output

    docs = [json.loads(line) for line in (out / "corpus.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(docs) == len(corpus_files())
    by_name = {Path(d["source"]["path"]).name: d for d in docs}
    seeds = {"mengzi_campus_safety_plan_2023.txt": (47, "蒙自市"), "qingpu_campus_risk_duty_table.txt": (33, "青浦区")}
    for name, (tasks, county) in seeds.items():
        assert (len(by_name[name]["tasks"]), by_name[name]["meta"]["region"]["county"]) == (tasks, county)
    assert all(d["tasks"] for d in docs)

    html = (out / "compare.html").read_text(encoding="utf-8")
    assert "<svg" in html or "<table" in html
    assert "http://" not in html.replace("http://www.w3.org", "") and "https://" not in html
    assert set(load_workbook(out / "compare.xlsx").sheetnames) >= {"assignments"}
    assert nx.read_gexf(out / "network.gexf").number_of_nodes() > 10

    plan = WordDocument(out / "draft-建水县.docx")
    body = "\n".join(p.text for p in plan.paragraphs)
    assert "建水县" in body and "蒙自" not in body
    assert (out / "draft-建水县-review.txt").read_text(encoding="utf-8").strip()
    assert not [p for p in out.iterdir() if p.name.endswith(".part")]
