"""Spreadsheets made from untrusted documents: text never becomes a formula, control characters never crash."""

from __future__ import annotations

import io

from click.testing import CliRunner
from openpyxl import load_workbook

from policykit.cli import main

HOSTILE = ('1.=HYPERLINK("http://evil.example/x","点击")\x0b加强人防。'
           '(牵头单位:@县教育局;责任单位:+县公安局、-县司法局)\n')


def _plan(tmp_path):
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    return path


def test_xlsx_keeps_formula_like_text_as_text(tmp_path):
    out = tmp_path / "tasks.xlsx"
    result = CliRunner().invoke(main, ["parse", str(_plan(tmp_path)), "-o", str(out)])
    assert result.exit_code == 0, result.output
    wb = load_workbook(out)
    cells = [c for ws in wb for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    titles = [c.value for c in cells if "HYPERLINK" in c.value]
    assert titles and all("\x0b" not in t for t in titles)


def test_csv_cells_that_a_spreadsheet_would_run_get_an_apostrophe(tmp_path):
    result = CliRunner().invoke(main, ["parse", str(_plan(tmp_path)), "-f", "csv"])
    assert result.exit_code == 0, result.output
    import csv

    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert rows[0]["title"].startswith("'=HYPERLINK(")
    assert (rows[0]["lead"], rows[0]["co"]) == ("'@县教育局", "'+县公安局;-县司法局")
    for row in rows:
        assert not any(v.startswith(("=", "+", "-", "@")) for v in row.values())


def test_a_drafted_task_list_keeps_formula_like_text_as_text(tmp_path):
    import policykit

    source = policykit.parse(_plan(tmp_path))
    result = policykit.draft(source, "corpora/profiles/jianshui.toml")
    out = tmp_path / "tasks.xlsx"
    out.write_bytes(result.tasklist_xlsx())
    cells = [c for row in load_workbook(out).active.iter_rows() for c in row if isinstance(c.value, str)]
    assert any("HYPERLINK" in c.value for c in cells)
    assert not [c.coordinate for c in cells if c.data_type == "f"]
