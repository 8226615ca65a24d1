"""The command line's contract: exit codes, one-line errors, start-up without heavy imports."""

from __future__ import annotations

import json
import subprocess
import sys

from click.testing import CliRunner

from policykit.cli import main


def test_help_lists_every_command():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for command in ("parse", "units", "compare", "draft", "batch", "demo"):
        assert command in result.output


def test_startup_does_not_import_heavy_modules():
    code = (
        "import sys; from policykit.cli import main\n"
        "heavy = [m for m in ('jieba', 'pdfplumber', 'docx', 'openpyxl', 'rapidfuzz', 'networkx', 'docxtpl')"
        " if m in sys.modules]\n"
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_parse_missing_file_is_one_line_and_exit_1(tmp_path):
    result = CliRunner().invoke(main, ["parse", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line]
    assert len(lines) == 1 and lines[0].startswith("policykit: error: ") and "nope.txt" in lines[0]


def test_parse_writes_json_for_one_file(mengzi_path, tmp_path):
    out = tmp_path / "doc.json"
    result = CliRunner().invoke(main, ["parse", str(mengzi_path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema"] == "policykit.document/1"
    assert data["source"]["chars"] == len(mengzi_path.read_text(encoding="utf-8"))


def test_usage_error_exits_2():
    result = CliRunner().invoke(main, ["parse", "x.txt", "-f", "yaml"])
    assert result.exit_code == 2


def test_jsonl_keeps_one_document_per_line_even_with_unicode_line_separators(tmp_path):
    noisy = tmp_path / "notice.txt"
    noisy.write_text("1.加强人防。\u2028按要求配齐保安员。(牵头单位:县教体局;责任单位:县公安局)\n", encoding="utf-8")
    out = tmp_path / "all.jsonl"
    result = CliRunner().invoke(main, ["parse", str(noisy), str(noisy), "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    assert [json.loads(line)["tasks"][0]["lead"][0]["name"] for line in lines] == ["县教体局", "县教体局"]


def test_a_reader_closing_the_pipe_early_ends_quietly(mengzi_path, tmp_path):
    copies = []
    for i in range(12):
        copy = tmp_path / f"m{i}.txt"
        copy.write_text(mengzi_path.read_text(encoding="utf-8").replace("蒙自", f"蒙自{i}"), encoding="utf-8")
        copies.append(str(copy))
    for args in (["parse", "-f", "jsonl", *copies], ["batch", "-j", "1", "-o", "-", str(tmp_path)]):
        proc = subprocess.Popen([sys.executable, "-m", "policykit", *args],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        proc.stdout.read(10)  # like `| head -c 10`
        proc.stdout.close()
        stderr = proc.stderr.read().decode()
        proc.wait(timeout=120)
        assert "Traceback" not in stderr and "Broken pipe" not in stderr, stderr


def test_parse_registry_adds_a_regions_own_bureau(tmp_path):
    registry = tmp_path / "shanghai.toml"
    registry.write_text('[[function]]\ncanonical = "绿化市容"\nkind = "government"\n'
                        'names = ["绿化市容局", "绿化和市容管理局"]\n', encoding="utf-8")
    plan = tmp_path / "plan.txt"
    plan.write_text("1.加强道路绿化。(牵头单位:区绿化市容局;责任单位:区建设管理委)\n", encoding="utf-8")
    runner = CliRunner()
    without = json.loads(runner.invoke(main, ["parse", str(plan)]).stdout)["tasks"][0]
    with_it = json.loads(runner.invoke(main, ["parse", str(plan), "--registry", str(registry)]).stdout)["tasks"][0]
    assert (without["lead"][0]["known"], "unit-unknown" in without["flags"]) == (False, True)
    assert [(u["name"], u["canonical"], u["level"]) for u in with_it["lead"]] == [("区绿化市容局", "绿化市容", "区")]
    assert "unit-unknown" not in with_it["flags"]


def test_unwritable_outputs_are_one_line_naming_the_path(mengzi_path, tmp_path):
    (tmp_path / "a_dir").mkdir()
    (tmp_path / "a_file").write_text("x")
    runner = CliRunner()
    cases = [
        (["parse", str(mengzi_path), "-o", str(tmp_path / "a_dir")], "is a directory"),
        (["parse", str(mengzi_path), "-o", str(tmp_path / "a_file" / "sub.json")], "cannot write here"),
        (["compare", str(mengzi_path), str(mengzi_path), "-o", str(tmp_path / "a_file" / "r.html")],
         "cannot write here"),
        (["demo", "-o", str(tmp_path / "a_file" / "demo")], "cannot make the output directory"),
    ]
    for args, problem in cases:
        result = runner.invoke(main, args)
        lines = result.stderr.strip().splitlines()
        assert result.exit_code == 1 and len(lines) == 1, (args, result.stderr)
        assert lines[0].startswith("policykit: error: ") and problem in lines[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a_dir", "a_file"]


def test_units_doc_reads_a_plan_or_its_parse_json_alike(qingpu_path, tmp_path):
    runner = CliRunner()
    parsed = tmp_path / "qingpu.json"
    assert runner.invoke(main, ["parse", str(qingpu_path), "-o", str(parsed)]).exit_code == 0
    from_plan = json.loads(runner.invoke(main, ["units", "--doc", str(qingpu_path)]).stdout)
    from_json = json.loads(runner.invoke(main, ["units", "--doc", str(parsed)]).stdout)
    assert from_json == from_plan and len(from_plan) > 100
    assert from_plan[0]["name"] == "区教育局"


def test_parse_refuses_an_output_suffix_it_cannot_write_unless_told(mengzi_path, tmp_path):
    runner = CliRunner()
    refused = runner.invoke(main, ["parse", str(mengzi_path), "-o", str(tmp_path / "plan.docx")])
    assert refused.exit_code == 2 and "unknown output format .docx" in refused.stderr
    told = runner.invoke(main, ["parse", str(mengzi_path), "-f", "json", "-o", str(tmp_path / "plan.txt")])
    assert told.exit_code == 0
    assert json.loads((tmp_path / "plan.txt").read_text(encoding="utf-8"))["schema"] == "policykit.document/1"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.txt"]


def test_parse_a_folder_is_named_and_the_files_still_parse(mengzi_path, tmp_path):
    result = CliRunner().invoke(main, ["parse", str(tmp_path), str(mengzi_path), "-f", "jsonl"])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"policykit: error: {tmp_path}: is a folder: parse takes files (policykit batch walks folders)"
    assert len(result.stdout.splitlines()) == 1


def test_compare_into_a_directory_names_it(mengzi_path, qingpu_path, tmp_path):
    result = CliRunner().invoke(main, ["compare", str(mengzi_path), str(qingpu_path), "-o", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr.strip() == (f"policykit: error: {tmp_path}: is a directory; give a report file name "
                                     "(report.html, .md, .xlsx, .csv)")
    assert list(tmp_path.iterdir()) == []
