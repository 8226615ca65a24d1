"""Every task table we hold, written out in every shape text extraction leaves, reads the same.

Each table of the corpora (both seeds' tables and the blind task tables) is
parsed as found; its rows are then rendered again as tab-separated lines, pipe
and Markdown tables, space-joined cells, one cell per line (with and without
blank lines), cells closed by " |", cells between lone "|" lines, pipe-led
cells, an HTML table and a DOCX table.  Each rendering must give exactly the
same assignments (lead names and co names of each row, in order) as the original parse.
"""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from policykit.parsing import parse, parse_text

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "corpora" / "mengzi_campus_safety_plan_2023.txt",
           ROOT / "corpora" / "qingpu_campus_risk_duty_table.txt",
           *sorted(p for p in (ROOT / "corpora" / "blind").glob("*.txt")
                   if "table" in p.name and "glued" not in p.name and "fields" not in p.name)]

HEADER = {"number": "序号", "title": "重点任务", "text": "工作措施", "lead": "牵头单位", "co": "配合单位",
          "responsible": "责任单位"}


def _flat(text: str | None) -> str:
    return "".join((text or "").split()).replace("|", "")


def source_rows(path: Path) -> tuple[list[str], list[dict[str, str]], list[tuple]]:
    """The table tasks of a parse → (columns, rows of cell texts by role, expected assignments)."""
    doc = parse(path)
    tasks = [t for t in doc.tasks if t.origin == "table"]
    rows = []
    for i, t in enumerate(tasks, start=1):
        rows.append({
            "number": t.number or str(i),
            "title": _flat(t.title),
            "text": _flat(t.text) if t.title else "",
            "lead": "、".join(_flat(u.raw) for u in t.lead),
            "co": "、".join(_flat(u.raw) for u in t.co),
        })
    cols = ["number"] + [c for c in ("title", "text") if any(r[c] for r in rows)]
    if any(r["lead"] for r in rows):
        cols += ["lead", "co"] if any(r["co"] for r in rows) else ["lead"]
    else:
        cols += ["co"]
    expected = [([_flat(u.raw) for u in t.lead], [_flat(u.raw) for u in t.co]) for t in tasks]
    return cols, rows, expected


def _cells(cols: list[str], row: dict[str, str]) -> list[str]:
    return [row.get(c, "") for c in cols]


def render(shape: str, cols: list[str], rows: list[dict[str, str]]) -> str:
    """One table in one shape; where a shape would lose an empty cell, it is written "—" as pages do."""
    head = [HEADER[c] for c in cols]
    body = [_cells(cols, r) for r in rows]
    if shape not in ("tsv", "pipe", "markdown"):
        body = [[c or "—" for c in r] for r in body]
    if shape == "tsv":
        return "\n".join("\t".join(r) for r in [head, *body]) + "\n"
    if shape == "pipe":
        return "\n".join("| " + " | ".join(r) + " |" for r in [head, *body]) + "\n"
    if shape == "markdown":
        rule = "|" + "|".join("---" for _ in head) + "|"
        lines = ["| " + " | ".join(head) + " |", rule] + ["| " + " | ".join(r) + " |" for r in body]
        return "\n".join(lines) + "\n"
    if shape == "spaced":
        return "\n".join(" ".join(c for c in r if c) for r in [head, *body]) + "\n"
    if shape == "lines":
        return "\n".join(c for r in [head, *body] for c in r if c) + "\n"
    if shape == "lines-blank":
        return "\n\n".join(c for r in [head, *body] for c in r if c) + "\n"
    if shape == "pipe-closed":
        return "\n".join(f"{c} |" for r in [head, *body] for c in r if c) + "\n"
    if shape == "lone-pipes":
        return "\n".join("|\n" + "\n|\n".join(c for c in r if c) + "\n|" for r in [head, *body]) + "\n"
    if shape == "pipe-led":
        return "\n".join(r[0] + "\n" + "\n".join(f"| {c}" for c in r[1:] if c) + "\n|" for r in [head, *body]) + "\n"
    raise ValueError(shape)


TEXT_SHAPES = ["tsv", "pipe", "markdown", "spaced", "lines", "lines-blank", "pipe-closed", "lone-pipes", "pipe-led"]


def assignments(doc) -> list[tuple]:
    return [([_flat(u.raw) for u in t.lead], [_flat(u.raw) for u in t.co])
            for t in doc.tasks if t.origin == "table"]


@pytest.fixture(scope="module", params=SOURCES, ids=lambda p: p.stem)
def source(request):
    cols, rows, expected = source_rows(request.param)
    if not rows:
        pytest.skip("no table read in the original")
    return cols, rows, expected


# Known failures, kept visible (strict: they must fail until fixed).
KNOWN = {
    # the original pipe rows run over lines and its third row's units are misread; renderings differ
    ("unidentified_city_garden_city_pipe_table_2010", "pipe"), ("unidentified_city_garden_city_pipe_table_2010",
                                                                "markdown"),
    ("unidentified_city_garden_city_pipe_table_2010", "spaced"),
    # titles that are unit-shaped names (省庄花园小区配套幼儿园, 区城投) cannot be told from a unit
    # column when cells are joined by spaces
    ("xinjian_livelihood_progress_table_2024", "spaced"),
    # allocation tables (one place a row, figures beside it): re-rendered with a digits-only title and
    # text, or joined by spaces, the figures cannot be told from the row number and from each other
    ("heilongjiang_forestry_enclosure_plan_pipe_table_2015", "spaced"),
    ("kunming_greening_campaign_twolevel_table_2009", "spaced"),
    ("taiyuan_investment_targets_space_table_2013", "spaced"),
    ("taiyuan_investment_targets_space_table_2013", "pipe"),
    ("taiyuan_investment_targets_space_table_2013", "markdown"),
    # units one a line under 主要责任单位 | 责任单位 with no row number: the original's later rows take a
    # unit for their title; joined by spaces, that title cannot be told from the unit columns
    ("guangdong_children_plan_duty_table_2014", "spaced"),
    ("guangdong_women_plan_duty_table_2014", "spaced"),
}


@pytest.mark.parametrize("shape", TEXT_SHAPES)
def test_every_text_shape_reads_like_the_original(source, shape, request):
    if (request.node.callspec.id.split("-")[0], shape) in KNOWN:
        request.applymarker(pytest.mark.xfail(strict=True, reason="known: see KNOWN"))
    cols, rows, expected = source
    doc = parse_text(render(shape, cols, rows))
    assert assignments(doc) == expected


def test_an_html_table_reads_like_the_original(source, tmp_path):
    cols, rows, expected = source
    cells = lambda r, tag: "".join(f"<{tag}>{html.escape(c)}</{tag}>" for c in r)  # noqa: E731
    body = "".join(f"<tr>{cells(_cells(cols, r), 'td')}</tr>" for r in rows)
    page = (f"<html><body><table><tr>{cells([HEADER[c] for c in cols], 'th')}</tr>{body}</table>"
            "</body></html>")
    path = tmp_path / "t.html"
    path.write_text(page, encoding="utf-8")
    assert assignments(parse(path)) == expected


def test_a_docx_table_reads_like_the_original(source, tmp_path):
    import docx

    cols, rows, expected = source
    d = docx.Document()
    table = d.add_table(rows=1 + len(rows), cols=len(cols))
    for j, c in enumerate(cols):
        table.cell(0, j).text = HEADER[c]
    for i, r in enumerate(rows, start=1):
        for j, text in enumerate(_cells(cols, r)):
            table.cell(i, j).text = text
    path = tmp_path / "t.docx"
    d.save(str(path))
    assert assignments(parse(path)) == expected
