"""What the drafter cannot settle is highlighted in the Word draft and listed once on stderr.

Real seeds through the real parser: Qingpu's garbled PDF cells (青浦 → 建水县) and
Mengzi's 省州 (蒙自 → 安吉县, a county under a 市 in another province).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

import policykit
from policykit.drafting import draft
from policykit.profile import load_profile

ROOT = Path(__file__).resolve().parent.parent
PROFILES = ROOT / "corpora" / "profiles"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def highlighted(docx: bytes) -> list[str]:
    """The text of each highlighted run of the document, in order."""
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    return ["".join(t.text or "" for t in run.iter(f"{W}t")) for run in root.iter(f"{W}r")
            if run.find(f"{W}rPr/{W}highlight") is not None]


@pytest.fixture(scope="module")
def qingpu_jianshui():
    doc = policykit.parse(ROOT / "corpora" / "qingpu_campus_risk_duty_table.txt")
    return draft(doc, load_profile(PROFILES / "jianshui.toml"))


def test_each_garbled_task_and_heading_has_its_own_review_line(qingpu_jianshui):
    garbled = [line for line in qingpu_jianshui.review if "garbled" in line]
    assert garbled == [
        "一、主要任务: source heading garbled (table row 6 (line 10): group garbled (repetition)): "
        "check it against the original",
        "task 严格按照相关标准规范型求规划学: source text garbled (table row 6 (line 10): group garbled "
        "(repetition)): check the task's title and text against the original",
        "task 校量监强建登等员和登登章登4登4 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0: source text garbled "
        "(table row 7 (line 11): title garbled (scattered characters)): check the task's title and text "
        "against the original",
        "task 以f息化手系提升学标安全管能级: source text garbled (table row 15 (line 24): text garbled "
        "(repetition)): check the task's title and text against the original",
    ]


def test_garbled_titles_texts_and_headings_are_highlighted_in_body_and_list(qingpu_jianshui):
    runs = highlighted(qingpu_jianshui.docx())
    body_heading = "有及全种，是一个人，是一个人，是一个人，是一个人，是一个人，也不是一个人" + "，也不是一个人" * 9
    assert body_heading in runs  # (二) heading in the plan; its label (二) is not garbled
    assert "二、" + body_heading in runs  # the group row of the task list
    assert "4.以f息化手系提升学标安全管能级。" in runs  # run-in title in the plan
    assert "以f息化手系提升学标安全管能级" in runs  # 重点任务 cell
    assert "大" * 37 in runs  # the text, in the plan and in 工作措施
    assert sum(run.startswith("校量监强建登等员和登登章登4登4 0 0 0") for run in runs) == 1
    assert "2.校量监强建登等员和登登章登4登4 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0。" in runs


def test_a_garbled_group_is_highlighted_in_the_xlsx_too(qingpu_jianshui):
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(qingpu_jianshui.tasklist_xlsx())).active
    flagged = {(row[0].value, cell.column_letter) for row in sheet.iter_rows(min_row=2) for cell in row
               if cell.fill.fgColor.rgb == "00FFFF00" and cell.comment and "garbled" in cell.comment.text}
    # 类别 of every row under the garbled heading (a sub-row of 9 has no 序号), 重点任务 of the garbled tasks
    assert {n for n, col in flagged if col == "B"} == {6, 7, 8, 9, None, 10, 11}
    assert {n for n, col in flagged if col == "C"} == {6, 7, 15}


def test_body_and_list_are_paired_by_the_parse_links_only():
    """A row the parser could not link is drafted from the list, not paired by position, and both are reported."""
    doc = policykit.parse(ROOT / "corpora" / "mengzi_campus_safety_plan_2023.txt")
    row = next(t for t in doc.tasks if t.id == "table-10")
    row.same_as = None
    result = draft(doc, load_profile(PROFILES / "jianshui.toml"))
    assert [line for line in result.review if "防溺水" in line] == [
        "task-list row 10 开展“防溺水”专项行动: no matching task in the body; drafted from the list alone",
        "task 开展“防溺水”专项治理: no row of the source's task list is linked to it; check the task list",
    ]
    assert [r["重点任务"] for r in result.tasklist[8:11]] == [
        "筑牢学校公共卫生安全防线", "开展“防溺水”专项行动", "开展“交通安全”专项行动"]


def test_mengzi_for_anji_highlights_every_shengzhou():
    doc = policykit.parse(ROOT / "corpora" / "mengzi_campus_safety_plan_2023.txt")
    result = draft(doc, load_profile(PROFILES / "anji.toml"))
    assert [line for line in result.review if "红河州 is a 州" in line] == [
        "notice_title: 省州 → 省市: the source's 红河州 is a 州, 湖州市 a 市: check it",
        "task 完善校园安全管理责任制: 省、州 → 省、市: the source's 红河州 is a 州, 湖州市 a 市: check it",
    ]
    runs = highlighted(result.docx())
    # notice title, notice body, plan title, the two goals (达省市要求); 省、市、县三级 in task 1
    assert runs.count("省市") == 5 and runs.count("省、市") == 1
    texts = [p.text for p in result.document.paragraphs]
    assert "安吉县贯彻落实省市校园安全防范能力提升三年行动计划（2022-2024年）工作方案及重点工作任务清单" in texts
    assert not any("省州" in t or "省、州" in t for t in texts)


def test_mengzi_for_jianshui_keeps_shengzhou_unflagged():
    doc = policykit.parse(ROOT / "corpora" / "mengzi_campus_safety_plan_2023.txt")
    result = draft(doc, load_profile(PROFILES / "jianshui.toml"))
    assert not [line for line in result.review if "省州" in line or "省、州" in line]
    assert "省州" not in highlighted(result.docx())
