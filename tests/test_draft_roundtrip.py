"""Round trip: parse a seed, draft it for another county, parse the draft: the same tasks come back.

Same tasks in the same order, lead and co units with the same ``canonical``, unit
names under the new county, the same requirements (except those the profile
settles), and no source region name left in the draft.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document as WordDocument

import policykit
from policykit.model import Task
from policykit.profile import load_profile
from policykit.text import normalise
from policykit.units import normalise as normalise_unit

ROOT = Path(__file__).resolve().parent.parent
MENGZI = ROOT / "corpora" / "mengzi_campus_safety_plan_2023.txt"
QINGPU = ROOT / "corpora" / "qingpu_campus_risk_duty_table.txt"
PROFILES = ROOT / "corpora" / "profiles"


def key(task: Task, settled: dict[str, tuple[str, float]] | None = None) -> tuple:
    """What must survive the round trip; ``settled`` maps a requirement subject to its new (op, value)."""
    settled = settled or {}
    reqs = [(r.subject, *settled.get(r.subject or "", (r.op, r.value))) for r in task.requirements]
    return (normalise(task.title), [u.canonical for u in task.lead], [u.canonical for u in task.co], reqs)


def of(doc, origin: str) -> list[Task]:
    return [t for t in doc.tasks if t.origin == origin]


@pytest.fixture(scope="module")
def mengzi():
    return policykit.parse(MENGZI)


@pytest.fixture(scope="module")
def qingpu():
    return policykit.parse(QINGPU)


def redraft(doc, profile: str, tmp_path: Path):
    result = policykit.draft(doc, load_profile(PROFILES / f"{profile}.toml"))
    path = tmp_path / f"{profile}.docx"
    path.write_bytes(result.docx())
    text = "\n".join(p.text for p in WordDocument(path).paragraphs)
    return policykit.parse(path), text, result


def all_units(doc) -> list[str]:
    return [u.name for t in doc.tasks for u in [*t.lead, *t.co]]


def foreign_units(doc, profile: str) -> list[str]:
    """Units of the draft that carry neither the new county's level prefix nor the profile's own name.

    Names with no level or place at all (教育部门, 公安 in "教育、公安等部门要…") belong to no county."""
    county = load_profile(PROFILES / f"{profile}.toml")
    own = set(county.units.values()) | {f"团{county.level}委"}
    return sorted({u.name for t in doc.tasks for u in [*t.lead, *t.co]
                   if u.kind not in ("township", "generic") and not u.name.startswith(county.level)
                   and u.name not in own and _placed(u.name)})


def _placed(name: str) -> bool:
    unit = normalise_unit(name)
    return bool(unit.level or unit.region)


def test_mengzi_to_jianshui_same_prefecture(mengzi, tmp_path):
    back, text, result = redraft(mengzi, "jianshui", tmp_path)
    assert foreign_units(back, "jianshui") == []
    settled = {"学校专职保安员培训及实操演练": (">=", 20), "专业培训和实操演练": (">=", 20)}
    assert [key(t, settled) for t in of(back, "body")] == [key(t) if t.id != "body-4" else key(t, settled)
                                                            for t in of(mengzi, "body")]
    # the task list follows the body (titles, units); only its own measures differ
    assert [key(t)[:3] for t in of(back, "table")] == [key(t)[:3] for t in of(mengzi, "body")]
    assert {n for n in all_units(back) if n.startswith(("市", "蒙自"))} == set()
    assert "县教育体育局" in all_units(back) and "县消防救援大队" in all_units(back)
    assert "蒙自" not in text
    # 红河州 is this county's prefecture too: its documents stay as they are
    assert "《红河州教育体育系统事故灾难类突发公共事件应急预案》" in text
    assert not any("红河" in line for line in result.review)


def test_mengzi_to_anji_another_province(mengzi, tmp_path):
    back, text, result = redraft(mengzi, "anji", tmp_path)
    assert foreign_units(back, "anji") == []
    assert (back.meta.issuer, back.meta.doc_number, back.meta.signed) == (
        "安吉县人民政府办公室", "安政办发〔2024〕21号", "2024-05-20")
    assert back.meta.region["county"] == "安吉县"
    source, drafted = of(mengzi, "body"), of(back, "body")
    # task 4 (人防) has one requirement rewritten by the profile; every other task is unchanged
    assert [key(t) for t in drafted[:3] + drafted[4:]] == [key(t) for t in source[:3] + source[4:]]
    assert key(drafted[3])[:3] == key(source[3])[:3]
    guards = [(r.subject, r.op, r.value, r.per) for r in drafted[3].requirements]
    assert ("专职保安员", "per", 1, {"step": 400, "of": "学生", "unit": "名"}) in guards
    assert [key(t)[:3] for t in of(back, "table")] == [key(t)[:3] for t in of(mengzi, "body")]
    for name in ("蒙自", "红河", "云南"):
        assert name not in text
    assert "根据《浙江省校园安全防范能力提升三年行动计划(2022-2024年)》,结合安吉实际" in normalise(text)
    assert ("task 抓实应急演练: document title adapted from 红河州: check that "
            "《湖州市教育体育系统事故灾难类突发公共事件应急预案》 exists") in result.review


def test_qingpu_task_list_to_songjiang(qingpu, tmp_path):
    back, text, result = redraft(qingpu, "songjiang", tmp_path)
    assert foreign_units(back, "songjiang") == []
    assert [key(t) for t in of(back, "table")] == [key(t) for t in of(qingpu, "table")]
    # sub-rows share one numbered paragraph in the body: one body task per number
    titles = list(dict.fromkeys((t.number, normalise(t.title)) for t in of(qingpu, "table")))
    assert [normalise(t.title) for t in of(back, "body")] == [title for _, title in titles]
    assert "公安松江分局" in all_units(back)
    assert "青浦" not in text
    assert "preamble: preamble written by policykit: the source has none" in result.review


def test_qingpu_task_list_to_jianshui_another_province(qingpu, tmp_path):
    back, text, result = redraft(qingpu, "jianshui", tmp_path)
    assert foreign_units(back, "jianshui") == []
    assert [key(t) for t in of(back, "table")] == [key(t) for t in of(qingpu, "table")]
    assert {n for n in all_units(back) if n.startswith("区")} == set()
    assert "县公安局" in all_units(back)
    for name in ("青浦", "上海"):
        assert name not in text
    assert ("task 加引学校集化用车管理: document title adapted from 青浦区: check that "
            "《建水县学校集体活动用车管理规定》 exists") in result.review
