"""``policykit draft`` on the command line: outputs written whole, review lines on stderr, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from docx import Document as WordDocument

from policykit.cli import main

ROOT = Path(__file__).resolve().parent.parent
MENGZI = ROOT / "corpora" / "mengzi_campus_safety_plan_2023.txt"
JIANSHUI = ROOT / "corpora" / "profiles" / "jianshui.toml"


def run(*args: str):
    return CliRunner().invoke(main, ["draft", *args])


def test_draft_writes_plan_and_task_list_and_lists_review(tmp_path):
    out, tasks = tmp_path / "jianshui.docx", tmp_path / "tasks.xlsx"
    result = run(str(MENGZI), "--profile", str(JIANSHUI), "-o", str(out), "--tasklist", str(tasks))
    assert result.exit_code == 0, result.output
    assert WordDocument(out).paragraphs[0].text == "建水县人民政府办公室文件"
    assert tasks.read_bytes()[:2] == b"PK"
    review = result.stderr.splitlines()
    assert review and all(line.startswith("policykit: review: ") for line in review)
    assert ("policykit: review: task 强化学校卫生健康体系建设: number not settled by the profile's [numbers]: "
            "600:1的比例配齐专(兼)职卫生技术人员或卫生保健教师") in review


def test_draft_from_a_parse_json(tmp_path):
    parsed = tmp_path / "mengzi.json"
    assert CliRunner().invoke(main, ["parse", str(MENGZI), "-o", str(parsed)]).exit_code == 0
    assert json.loads(parsed.read_text(encoding="utf-8"))["schema"] == "policykit.document/1"
    out = tmp_path / "plan.docx"
    result = run(str(parsed), "--profile", str(JIANSHUI), "-o", str(out), "--tasklist", str(tmp_path / "t.docx"))
    assert result.exit_code == 0, result.output
    texts = [p.text for p in WordDocument(out).paragraphs]
    assert "一、总体目标" in texts  # the prose is re-read from the source path the JSON names
    assert (tmp_path / "t.docx").exists()


def test_bad_profile_is_one_line_and_nothing_is_written(tmp_path):
    profile = tmp_path / "bad.toml"
    profile.write_text('name = "建水县"\nlevel = "乡"\nprovince = "云南省"\n', encoding="utf-8")
    out = tmp_path / "plan.docx"
    result = run(str(MENGZI), "--profile", str(profile), "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"policykit: error: {profile}: level: expected one of 县, 市, 区, 旗, got '乡'"]
    assert list(tmp_path.iterdir()) == [profile]


def test_sandbox_violation_in_a_template_writes_nothing(tmp_path):
    template = tmp_path / "evil.docx"
    doc = WordDocument()
    for line in ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "{{ title }}", "{%p for b in blocks %}",
                 "{{ b.text }}", "{%p endfor %}", "{%p for row in rows %}", "{{ row.title }}", "{%p endfor %}"):
        doc.add_paragraph(line)
    doc.save(template)
    out = tmp_path / "plan.docx"
    result = run(str(MENGZI), "--profile", str(JIANSHUI), "-o", str(out), "--template", str(template))
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"policykit: error: {template}: template error: ")
    assert not out.exists()


def test_missing_source_is_one_line(tmp_path):
    result = run(str(tmp_path / "nope.txt"), "--profile", str(JIANSHUI), "-o", str(tmp_path / "p.docx"))
    assert result.exit_code == 1
    assert len(result.stderr.splitlines()) == 1 and "nope.txt" in result.stderr


def test_task_list_suffix_is_a_usage_error(tmp_path):
    result = run(str(MENGZI), "--profile", str(JIANSHUI), "--tasklist", str(tmp_path / "t.csv"))
    assert result.exit_code == 2


def test_without_o_the_docx_goes_to_stdout():
    result = CliRunner().invoke(main, ["draft", str(MENGZI), "--profile", str(JIANSHUI)])
    assert result.exit_code == 0
    assert result.stdout_bytes[:2] == b"PK"


def test_an_output_that_is_not_docx_is_a_usage_error(tmp_path):
    result = run(str(MENGZI), "--profile", str(JIANSHUI), "-o", str(tmp_path / "d.txt"))
    assert result.exit_code == 2
    assert f"-o {tmp_path / 'd.txt'}: the draft is a Word file: the name must end in .docx" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_task_list_named_csv_names_the_option(tmp_path):
    result = run(str(MENGZI), "--profile", str(JIANSHUI), "-o", str(tmp_path / "d.docx"),
                 "--tasklist", str(tmp_path / "t.csv"))
    assert result.exit_code == 2
    assert "--tasklist" in result.stderr and "must end in .xlsx or .docx" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_docx_bytes_are_not_written_to_a_terminal(monkeypatch):
    monkeypatch.setattr("policykit.cli.draft_cmd.stdout_is_terminal", lambda: True)
    result = CliRunner().invoke(main, ["draft", str(MENGZI), "--profile", str(JIANSHUI)])
    assert result.exit_code == 2
    assert "pass -o PLAN.docx" in result.stderr
    assert result.stdout_bytes == b""


def test_a_json_list_of_several_documents_is_one_error_line(tmp_path):
    parsed = tmp_path / "both.json"
    assert CliRunner().invoke(main, ["parse", str(MENGZI), "-o", str(parsed)]).exit_code == 0
    one = json.loads(parsed.read_text(encoding="utf-8"))
    parsed.write_text(json.dumps([one, one], ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "plan.docx"
    result = run(str(parsed), "--profile", str(JIANSHUI), "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"policykit: error: {parsed}: holds 2 documents; draft takes one"]
    assert not out.exists()


def test_a_json_list_of_one_document_is_drafted(tmp_path):
    parsed = tmp_path / "one.json"
    assert CliRunner().invoke(main, ["parse", str(MENGZI), "-o", str(parsed)]).exit_code == 0
    one = json.loads(parsed.read_text(encoding="utf-8"))
    parsed.write_text(json.dumps([one], ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "plan.docx"
    result = run(str(parsed), "--profile", str(JIANSHUI), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert WordDocument(out).paragraphs[0].text == "建水县人民政府办公室文件"


def test_a_template_without_placeholders_is_refused_and_nothing_is_written(tmp_path):
    letterhead = tmp_path / "letterhead.docx"
    doc = WordDocument()
    doc.add_paragraph("建水县人民政府办公室文件")
    doc.save(letterhead)
    out = tmp_path / "plan.docx"
    result = run(str(MENGZI), "--profile", str(JIANSHUI), "-o", str(out), "--template", str(letterhead))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"policykit: error: {letterhead}: the template does not use title, blocks, rows: the draft would lack "
        "them (fields: docs/drafting.md, Templates)"]
    assert not out.exists()
