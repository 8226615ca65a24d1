"""Parsed ``Document``s of the two seeds, built by hand for the drafter's tests.

The drafter must be testable before the parser core lands, so these builders read
the seeds' trailers and flattened task lists with a few regular expressions and give
what ``policykit.parse`` is specified to give (SPEC: tasks, units, requirements).
The tests at the bottom pin the builders themselves to the seeds.
"""

from __future__ import annotations

import re
from pathlib import Path

from policykit.model import Document, Meta, Requirement, Source, Task, Unit

ROOT = Path(__file__).resolve().parent.parent
MENGZI = ROOT / "corpora" / "mengzi_campus_safety_plan_2023.txt"
QINGPU = ROOT / "corpora" / "qingpu_campus_risk_duty_table.txt"

_TRAILER = re.compile(r"\(牵头单位:(?P<lead>[^;)]*);责任单位:(?P<co>.*)\)\s*$")
_FUNCTION_SUFFIX = re.compile(r"(大队|支队|队|局|委|院)$")
_LEVELS = "市区县"
# Names whose function word is not what is left after trimming prefix and suffix.
_SPECIAL = {"团市委": ("共青团", "mass"), "团区委": ("共青团", "mass"), "市妇联": ("妇联", "mass"),
            "区妇联": ("妇联", "mass"), "市委宣传部": ("宣传", "party"), "区委宣传部": ("宣传", "party"),
            "公安青浦分局": ("公安", "government"), "区红十字会": ("红十字会", "mass")}


def unit(raw: str) -> Unit:
    """A unit as the registry will give it: ``"市市场监督管理局"`` → canonical ``"市场监督管理"``."""
    name = "".join(raw.split())
    if name in _SPECIAL:
        canonical, kind = _SPECIAL[name]
        return Unit(raw, name, canonical, kind=kind, known=True, confidence=1.0)
    if name.startswith("各") or "街镇" in name or "相关" in name:
        return Unit(raw, name, "乡镇" if ("乡镇" in name or "街镇" in name) else "有关部门",
                    kind="township" if ("乡镇" in name or "街镇" in name) else "generic", known=True)
    core = name[1:] if name[0] in _LEVELS else name
    level = name[0] if name[0] in _LEVELS else None
    canonical = _FUNCTION_SUFFIX.sub("", core).replace("和", "")
    return Unit(raw, name, canonical, level=level, kind="government", known=True, confidence=1.0)


def units(text: str) -> list[Unit]:
    """``"市公安局、市司法局、各乡镇(街道)"`` → three units (separators outside brackets only)."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(text + "、"):
        depth += ch in "((" and 1 or 0
        depth -= ch in "))" and 1 or 0
        if ch in "、," and depth == 0:
            if text[start:i].strip():
                out.append(unit(text[start:i].strip()))
            start = i + 1
    return out


def _source(path: Path, text: str) -> Source:
    return Source(str(path), "txt", "utf-8", None, len(text))


def mengzi_document() -> Document:
    """The Mengzi plan: 20 body tasks with trailers, 20 task-list rows, linked by ``same_as``."""
    text = MENGZI.read_text(encoding="utf-8")
    lines = text.splitlines()
    body: list[Task] = []
    group = ""
    attachment = next(i for i, line in enumerate(lines) if line.strip() == "附件")
    for i, line in enumerate(lines[:attachment]):
        line = line.strip()
        if re.match(r"^\([一二三四五六]\)", line) and "。" not in line:
            group = line
        m = re.match(r"^(\d+)\.([^。]+)。(.*)$", line)
        if not m or not group:
            continue
        rest = m.group(3)
        trailer = _TRAILER.search(rest) or _TRAILER.search(lines[i + 1].strip())
        rest = _TRAILER.sub("", rest)
        body.append(Task(f"body-{len(body) + 1}", "body", m.group(1), ["主要任务", group], m.group(2), rest,
                         lead=units(trailer.group("lead")), co=units(trailer.group("co"))))
    table: list[Task] = []
    cells = [line.strip() for line in lines[attachment:] if line.strip()]
    group = ""
    for i, cell in enumerate(cells):
        if re.match(r"^[一二三四五六]、", cell):
            group = cell
        m = re.match(r"^(\d+)\.(.+)$", cell)
        if m and i + 3 < len(cells):
            number = m.group(1)
            table.append(Task(f"table-{number}", "table", number, [group], m.group(2), cells[i + 1],
                              lead=units(cells[i + 2]), co=units(cells[i + 3])))
    for b, t in zip(body, table, strict=True):
        b.same_as, t.same_as = t.id, b.id
    guards = body[3]
    guards.requirements = [
        Requirement("至少配1名专职保安员", "专职保安员", ">=", 1, unit="名",
                    condition="师生员工总人数少于等于100人的学校", task=guards.id),
        Requirement("每年学校专职保安员培训及实操演练不少于15天", "学校专职保安员培训及实操演练", ">=", 15,
                    unit="天", period="每年", task=guards.id),
    ]
    health = body[7]
    health.requirements = [Requirement("600:1", "卫生技术人员", "ratio", 600, task=health.id)]
    meta = Meta(title=None, issuer="蒙自市人民政府办公室", doc_number="蒙政办发〔2023〕37号",
                published="2023-05-09", signed="2023-05-06",
                region={"province": "云南省", "prefecture": "红河哈尼族彝族自治州", "county": "蒙自市",
                        "level": "county"},
                references=["《云南省校园安全防范能力提升三年行动计划(2022-2024年)》"])
    goals = [Requirement("60%的学校完成“平安校园”创建", "学校完成“平安校园”创建", "=", 60, unit="%")]
    return Document(_source(MENGZI, text), meta, tasks=body + table, goals=goals, text=text)


def qingpu_document() -> Document:
    """The Qingpu responsibility table: table tasks only (rows with units; sub-rows share number and title)."""
    text = QINGPU.read_text(encoding="utf-8")
    tasks: list[Task] = []
    group = ""
    number, title = None, ""
    for line in text.splitlines()[3:]:
        cells = line.split("\t")
        if len(cells) < 5:
            continue
        first, second, duty, lead, co = (c.strip() for c in cells[:5])
        if re.match(r"^[一二三四五]、", first):
            group = re.sub(r"[,，].*", "", first)
        m = re.match(r"^(\d+)\s*[.、,]?\s*(.*)$", second)
        if m:
            number, title = m.group(1), "".join(m.group(2).split())
        if not lead or number is None:
            continue
        task = Task(f"table-{len(tasks) + 1}", "table", number, [group], title, duty,
                    lead=units(lead), co=units(co))
        tasks.append(task)
    meta = Meta(title="《青浦区加强中小学幼儿园安全风险防控体系建设的实施方案》职责分工(送审稿)",
                region={"province": "上海市", "prefecture": None, "county": "青浦区", "level": "区"})
    return Document(_source(QINGPU, text), meta, tasks=tasks, text=text)


def test_mengzi_builder_reads_twenty_tasks_twice():
    doc = mengzi_document()
    body = [t for t in doc.tasks if t.origin == "body"]
    table = [t for t in doc.tasks if t.origin == "table"]
    assert len(body) == 20 and len(table) == 20
    assert body[0].title == "完善校园安全管理责任制"
    assert [u.name for u in body[0].co] == ["市公安局", "市司法局", "各乡镇(街道)"]
    assert [u.canonical for u in table[0].co] == ["公安", "司法", "乡镇"]
    assert body[9].title == "开展“防溺水”专项治理" and table[9].title == "开展“防溺水”专项行动"


def test_qingpu_builder_keeps_sub_rows():
    doc = qingpu_document()
    assert doc.tasks[0].title == "健全学校安全教育机制"
    assert [u.name for u in doc.tasks[0].co][:2] == ["公安青浦分局", "区卫生健康委"]
    ninth = [t for t in doc.tasks if t.number == "9"]
    assert [[u.name for u in t.lead] for t in ninth] == [["区教育局"], ["公安青浦分局"]]
