"""Reports: a self-contained HTML page with the heatmap, and the same tables as Markdown, XLSX and CSV."""

from __future__ import annotations

import csv
import io
import re

import pytest
from openpyxl import load_workbook
from test_compare_fixtures import mengzi, qingpu, unit, yunnan

from policykit.comparison import compare, reports
from policykit.comparison.report_html import ramp
from policykit.errors import UsageError


@pytest.fixture(scope="module")
def result():
    return compare([mengzi(), qingpu()], parent=yunnan())


@pytest.fixture(scope="module")
def html(result):
    return reports.render(result, "html").decode("utf-8")


def test_html_loads_nothing_from_anywhere(html):
    assert "<script" not in html
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)
    assert "@import" not in html and "url(" not in html
    assert "Content-Security-Policy" in html and "default-src 'none'" in html


def test_html_heatmap_colours_the_counts(html):
    # 教育 leads 3 tasks in each county: the darkest blue, since 3 is the most any function leads;
    # its 2 co roles in 蒙自 are step 3 of 8 on the orange ramp, whose top is 乡镇街道's 5.
    row = re.search(r"<tr><td>教育</td><td>government</td>(.*?)</tr>", html).group(1)
    cells = re.findall(r'<td class="h" style="background:(#\w+);color:#\w+">(\d*)</td>', row)
    assert cells == [("#08306b", "3"), ("#fdae6b", "2"), ("#08306b", "3"), ("#fee6ce", "1")]


def test_colour_ramp_steps():
    blues = ["#0", "#1", "#2", "#3"]
    assert [ramp(blues, v, 5) for v in (0, 1, 3, 5)] == ["#0", "#1", "#2", "#3"]
    assert ramp(blues, 2, 0) == "#0"


def test_html_shows_differences_numbers_and_the_upstream_plan(html):
    assert "<h2>同一主题、不同牵头</h2>" in html
    assert "<td>卫生健康、市场监管</td>" in html
    assert "专职心理健康教育教师 ≥1名" in html
    assert "<h2>承接上级文件概况</h2>" in html and "<td>copied</td>" in html


def test_document_text_is_escaped():
    doc = qingpu()
    doc.tasks[0].lead = [unit('<img src="http://x/y.png">', None, known=False)]
    page = reports.render(compare([doc]), "html").decode("utf-8")
    assert "<img" not in page and "&lt;img src=&quot;http://x/y.png&quot;&gt;" in page


def test_markdown_has_the_same_tables(result):
    text = reports.render(result, "md").decode("utf-8")
    assert text.startswith("# 分工比较: 蒙自市、青浦区\n")
    assert "## 职能 × 文件: 牵头与配合任务数" in text
    assert "| 教育 | government | 3 | 2 | 3 | 1 | 6 | 3 |" in text
    assert "| T03 | 食品安全 | 0.183 | 市场监管 | 卫生健康、市场监管 | 市场监管 | 卫生健康 |" in text


def test_xlsx_has_one_sheet_per_table_and_never_a_formula(tmp_path):
    doc = qingpu()
    doc.tasks[0].co.append(unit('=HYPERLINK("http://x","点击")', None, known=False))
    book = load_workbook(io.BytesIO(reports.render(compare([mengzi(), doc], parent=yunnan()), "xlsx")))
    assert book.sheetnames == [
        "metrics", "roles_by_document", "differences", "documents", "numbers", "themes",
        "parent_summary", "parent", "parent_dropped", "function_theme", "tasks", "requirements",
        "assignments", "warnings",
    ]
    heat = book["roles_by_document"]
    assert [c.value for c in heat[2]] == ["教育", "government", 3, 2, 3, 1, 6, 3]
    assert heat["C2"].fill.start_color.rgb.endswith("08306B")
    cells = [c for row in book["assignments"].iter_rows() for c in row if str(c.value).startswith("=HYPER")]
    assert [(c.column_letter, c.data_type) for c in cells] == [("H", "s"), ("N", "s")]  # unit, raw


def test_csv_is_the_long_table(result):
    text = reports.render(result, "csv").decode("utf-8")
    assert text.startswith("\ufeffdocument,region,task_id,task_title,theme,theme_label,role,unit,canonical,kind,")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert len(rows) == len(result.assignments) == 68
    assert rows[0]["unit"] == "市教育体育局" and rows[0]["counted"] == "True"


def test_csv_cells_that_would_run_as_formulas_are_quoted_as_text():
    doc = qingpu()
    doc.tasks[0].co.append(unit("=1+1", None, known=False))
    rows = list(csv.DictReader(io.StringIO(reports.render(compare([doc]), "csv").decode("utf-8").lstrip("\ufeff"))))
    assert [r["unit"] for r in rows if "1+1" in r["unit"]] == ["'=1+1"]


@pytest.mark.parametrize("target, fmt, expected", [
    ("out/report.html", None, "html"), ("r.MD", None, "md"), ("-", None, "md"), ("report.txt", "xlsx", "xlsx"),
])
def test_report_format_from_suffix(target, fmt, expected):
    assert reports.format_for(target, fmt) == expected


def test_an_unknown_report_suffix_is_a_usage_error():
    with pytest.raises(UsageError, match="unknown report format 'pdf'"):
        reports.format_for("report.pdf")


def test_the_heatmap_scrolls_instead_of_wrapping_names_when_many_documents_are_compared():
    from policykit.comparison.report_html import STYLE

    assert "table.heat th,table.heat td{white-space:nowrap}" in STYLE
    assert ".pair>div{flex:0 1 auto;min-width:0;overflow-x:auto}" in STYLE
