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
