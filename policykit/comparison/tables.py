"""A comparison → the long assignment table, matrices and metrics, as ``Frame``s.

Counting rules (every matrix and metric, never the long table, which keeps
every row): a task is counted once (body + table twin, see ``tasks``); a
function both leading and co-operating on one task counts as lead; a unit
with no ``canonical`` counts as its own function "?" + name, so unknown
names stay visible instead of disappearing.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from policykit.comparison.result import (
    ASSIGNMENT_COLUMNS,
    Assignment,
    ComparedTask,
    Comparison,
    Frame,
)
from policykit.model import Requirement, Unit

LEAD, CO = "lead", "co"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
ROLE_ZH = {LEAD: "牵头", CO: "配合"}


def function_of(unit: Unit) -> str:
    """A unit's function key: its canonical ("教育"), else "?" + its name ("?各相关职能部门").

    Control characters that PDF extraction leaves in names are dropped: the key
    becomes a node id in GEXF/GraphML, and XML cannot hold them.
    """
    return _CONTROL.sub("", unit.canonical or f"?{unit.name}")


def build_assignments(comparison: Comparison) -> list[Assignment]:
    """One row per (document, task, role, unit) of every task, the uncounted twin rows included."""
    rows = []
    themes = {t.id: t.label for t in comparison.themes}
    for task in comparison.tasks:
        info = comparison.documents[task.doc]
        for member in task.members:
            for role, units in ((LEAD, member.lead), (CO, member.co)):
                for unit in units:
                    rows.append(Assignment(
                        document=info.label, region=info.region, task_id=member.id,
                        task_title=member.title, theme=task.theme, theme_label=themes.get(task.theme, ""),
                        role=role, unit=unit.name, canonical=unit.canonical, kind=unit.kind,
                        origin=member.origin, level=unit.level, known=unit.known, raw=unit.raw,
                        same_as=member.same_as, counted=member.id == task.units_from,
                        function=function_of(unit), region_code=info.region_code,
                    ))
    return rows


def task_roles(task: ComparedTask) -> dict[str, str]:
    """Function → "lead" or "co" for one task; lead wins when a function is named in both."""
    roles = {function_of(u): CO for u in task.co}
    roles.update({function_of(u): LEAD for u in task.lead})
    return roles


def role_counts(comparison: Comparison) -> dict[tuple[str, int], list[int]]:
    """(function, document index) → [tasks it leads, tasks it co-operates on]."""
    counts: dict[tuple[str, int], list[int]] = {}
    for task in comparison.tasks:
        for function, role in task_roles(task).items():
            cell = counts.setdefault((function, task.doc), [0, 0])
            cell[0 if role == LEAD else 1] += 1
    return counts


def function_kinds(comparison: Comparison) -> dict[str, str]:
    """Function → the kind its units most often have ("乡镇街道" → "township")."""
    seen: dict[str, Counter[str]] = {}
    for task in comparison.tasks:
        for unit in (*task.lead, *task.co):
            seen.setdefault(function_of(unit), Counter())[unit.kind] += 1
    return {f: c.most_common(1)[0][0] for f, c in seen.items()}


def functions_ranked(comparison: Comparison) -> list[str]:
    """Functions by tasks led (all documents), then tasks co-operated on, then name."""
    totals: dict[str, list[int]] = {}
    for (function, _doc), (lead, co) in role_counts(comparison).items():
        cell = totals.setdefault(function, [0, 0])
        cell[0] += lead
        cell[1] += co
    return sorted(totals, key=lambda f: (-totals[f][0], -totals[f][1], f.startswith("?"), f))


# ---------------------------------------------------------------------------
# Frames


def assignments_frame(comparison: Comparison) -> Frame:
    rows = [[a.as_row()[c] for c in ASSIGNMENT_COLUMNS] for a in comparison.assignments]
    return Frame("assignments", "分工长表", list(ASSIGNMENT_COLUMNS), rows,
                 "每行一个(文件, 任务, 角色, 单位); counted=False 的行是已随正文任务计数的清单重复行。")


def roles_by_document(comparison: Comparison) -> Frame:
    """Function × document: tasks led and co-operated on (the heatmap's numbers)."""
    counts = role_counts(comparison)
    kinds = function_kinds(comparison)
    docs = comparison.documents
    columns = ["function", "kind"]
    for info in docs:
        columns += [f"{info.label} 牵头", f"{info.label} 配合"]
    columns += ["合计 牵头", "合计 配合"]
    rows = []
    for function in functions_ranked(comparison):
        row: list[Any] = [function, kinds.get(function, "")]
        lead_total = co_total = 0
        for i in range(len(docs)):
            lead, co = counts.get((function, i), [0, 0])
            row += [lead, co]
            lead_total += lead
            co_total += co
        rows.append(row + [lead_total, co_total])
    return Frame("roles_by_document", "职能 × 文件: 牵头与配合任务数", columns, rows,
                 "每格为任务数; 同一任务中既牵头又配合的职能记为牵头。")


def function_theme(comparison: Comparison) -> Frame:
    """Function × theme: which documents give the function the lead or a co role."""
    docs = comparison.documents
    themes = comparison.themes
    cells: dict[tuple[str, str], list[str]] = {}
    for task in comparison.tasks:
        for function, role in task_roles(task).items():
            cells.setdefault((function, task.theme), []).append(f"{docs[task.doc].label}{ROLE_ZH[role]}")
    columns = ["function"] + [f"{t.id} {t.label}" for t in themes]
    rows = []
    for function in functions_ranked(comparison):
        rows.append([function] + ["、".join(dict.fromkeys(cells.get((function, t.id), []))) for t in themes])
    return Frame("function_theme", "职能 × 主题: 各文件中的牵头/配合", columns, rows)


def _lead_sets(comparison: Comparison, theme_id: str) -> dict[int, set[str]]:
    leads: dict[int, set[str]] = {}
    for task in comparison.theme(theme_id).tasks:
        leads.setdefault(task.doc, set()).update(function_of(u) for u in task.lead)
    return leads


def differences(comparison: Comparison) -> Frame:
    """Themes shared by two or more documents whose leads differ."""
    docs = comparison.documents
    columns = ["theme", "label", "score"] + [f"{d.label} 牵头" for d in docs] + ["共同牵头", "非共同牵头"]
    rows = []
    for theme in comparison.themes:
        leads = _lead_sets(comparison, theme.id)
        if len(leads) < 2 or len({frozenset(s) for s in leads.values()}) == 1:
            continue
        common = set.intersection(*leads.values())
        every = set.union(*leads.values())
        per_doc = ["、".join(sorted(leads[i])) or "(无)" if i in leads else "—" for i in range(len(docs))]
        rows.append([theme.id, theme.label, theme.score, *per_doc,
                     "、".join(sorted(common)), "、".join(sorted(every - common))])
    return Frame("differences", "同一主题、不同牵头", columns, rows,
                 "仅列出两个以上文件共有、且牵头职能不同的主题; — 表示该文件没有这一主题。", THEME_LABELS)


def hhi(counts: Counter[str]) -> float | None:
    """Herfindahl index of role shares: {"教育": 3, "公安": 1} → 0.625; None when empty."""
    total = sum(counts.values())
    return round(sum((c / total) ** 2 for c in counts.values()), 4) if total else None


THEME_LABELS = {"theme": "主题", "label": "名称", "score": "相似度", "seeded": "种子标签", "documents": "文件数"}
METRIC_LABELS = {
    "document": "文件", "tasks": "任务", "assignments": "分工行", "lead_roles": "牵头次数",
    "lead_functions": "牵头职能数", "top_lead": "首位牵头职能", "top_lead_share": "首位占比",
    "lead_hhi": "牵头HHI", "tasks_to_township": "涉乡镇任务", "township_share": "涉乡镇占比",
    "township_leads": "乡镇牵头任务", "unknown_units": "未识别单位", "unknown_share": "未识别占比",
    "tasks_without_lead": "无牵头任务",
}


def metrics(comparison: Comparison) -> Frame:
    """Per document: concentration of lead roles, tasks pushed down to townships, unknown units."""
    columns = ["document", "tasks", "assignments", "lead_roles", "lead_functions", "top_lead",
               "top_lead_share", "lead_hhi", "tasks_to_township", "township_share", "township_leads",
               "unknown_units", "unknown_share", "tasks_without_lead"]
    rows = []
    for i, info in enumerate(comparison.documents):
        tasks = [t for t in comparison.tasks if t.doc == i]
        counted = [a for a in comparison.assignments if a.document == info.label and a.counted]
        leads: Counter[str] = Counter()
        for task in tasks:
            leads.update(f for f, role in task_roles(task).items() if role == LEAD)
        top = min(leads.items(), key=lambda kv: (-kv[1], kv[0])) if leads else None
        total_leads = sum(leads.values())
        township = [t for t in tasks if any(u.kind == "township" for u in (*t.lead, *t.co))]
        unknown = [a for a in counted if not a.known]
        rows.append([
            info.label, len(tasks), len(counted), total_leads, len(leads),
            top[0] if top else "", round(top[1] / total_leads, 4) if top else None, hhi(leads),
            len(township), round(len(township) / len(tasks), 4) if tasks else None,
            sum(1 for t in tasks if any(u.kind == "township" for u in t.lead)),
            len(unknown), round(len(unknown) / len(counted), 4) if counted else None,
            sum(1 for t in tasks if not t.lead),
        ])
    return Frame("metrics", "各文件指标", columns, rows,
                 "牵头HHI (lead_hhi): 牵头角色在职能间的赫芬达尔指数, 1 = 全由一个职能牵头; "
                 "涉乡镇任务 (tasks_to_township): 有乡镇(街道)参与的任务数; "
                 "未识别单位 (unknown_units): 单位名未能确认的分工行数。",
                 METRIC_LABELS)


def themes_frame(comparison: Comparison) -> Frame:
    docs = comparison.documents
    columns = ["theme", "label", "seeded", "score", "documents"] + [d.label for d in docs]
    rows = []
    for theme in comparison.themes:
        per_doc = []
        for i in range(len(docs)):
            tasks = [t for t in theme.tasks if t.doc == i]
            per_doc.append("; ".join(f"{t.id} {t.title}" for t in tasks))
        rows.append([theme.id, theme.label, theme.seeded, theme.score, len(theme.documents()), *per_doc])
    return Frame("themes", "主题对齐", columns, rows,
                 "相似度: 主题内不同文件任务之间的平均相似度(TF-IDF 余弦); 空白表示该任务没有对应任务。", THEME_LABELS)


def tasks_frame(comparison: Comparison) -> Frame:
    columns = ["document", "task_id", "twin", "units_from", "title", "theme", "theme_score",
               "lead", "co", "flags"]
    rows = []
    for task in comparison.tasks:
        roles = task_roles(task)
        rows.append([
            comparison.documents[task.doc].label, task.id, task.twin or "", task.units_from, task.title,
            task.theme, task.theme_score,
            "、".join(f for f, r in roles.items() if r == LEAD),
            "、".join(f for f, r in roles.items() if r == CO), ";".join(task.flags),
        ])
    return Frame("tasks", "参与比较的任务", columns, rows,
                 "正文任务与其清单行(twin)合为一个任务, 单位取自 units_from。")


_OPS = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "=", "about": "约"}


def _num(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return "" if value is None else str(value)


def requirement_summary(req: Requirement) -> str:
    """A requirement in a few characters: "专职保安员 ≥1名", "卫生技术人员 600:1", "每年 ≥15天"."""
    unit = req.unit or ""
    if req.op == "range":
        amount = f"{_num(req.value)}-{_num(req.value_max)}{unit}"
    elif req.op == "ratio":
        amount = f"{_num(req.value)}:1"
    elif req.op == "per" and req.per:
        amount = f"每{_num(req.per.get('step'))}{req.per.get('unit') or ''}{req.per.get('of') or ''} +{_num(req.value)}{unit}"
    else:
        amount = f"{_OPS.get(req.op, req.op)}{_num(req.value)}{unit}"
    parts = [p for p in (req.period, req.subject, amount) if p]
    text = " ".join(parts)
    return f"{text} ({req.condition})" if req.condition else text


def numbers(comparison: Comparison) -> Frame:
    """Theme × document: the numbers each document sets, side by side."""
    docs = comparison.documents
    columns = ["theme", "label"] + [d.label for d in docs]
    rows = []
    for theme in comparison.themes:
        per_doc = []
        for i in range(len(docs)):
            reqs = [r for t in theme.tasks if t.doc == i for r in t.requirements]
            per_doc.append("; ".join(requirement_summary(r) for r in reqs))
        if any(per_doc):
            rows.append([theme.id, theme.label, *per_doc])
    return Frame("numbers", "同一主题的数量要求", columns, rows,
                 "来自各任务的 requirements; 完整字段见 requirements 表。", THEME_LABELS)


def requirements_frame(comparison: Comparison) -> Frame:
    columns = ["document", "theme", "theme_label", "task_id", "subject", "op", "value", "value_max",
               "unit", "period", "condition", "target", "text"]
    labels = {t.id: t.label for t in comparison.themes}
    rows = []
    for task in comparison.tasks:
        for r in task.requirements:
            rows.append([comparison.documents[task.doc].label, task.theme, labels[task.theme], r.task or task.id,
                         r.subject, r.op, r.value, r.value_max, r.unit, r.period, r.condition, r.target, r.text])
    return Frame("requirements", "数量要求(长表)", columns, rows)


def documents_frame(comparison: Comparison) -> Frame:
    rows = [[d.label, d.region, d.title, d.path, len(d.document.tasks),
             sum(1 for t in comparison.tasks if t.doc == i), d.region_code]
            for i, d in enumerate(comparison.documents)]
    return Frame("documents", "参与比较的文件",
                 ["document", "region", "title", "path", "tasks_parsed", "tasks_compared", "region_code"], rows)


def parent_frames(comparison: Comparison) -> list[Frame]:
    """With an upstream plan: each county task's counterpart, and what each county dropped."""
    parent = comparison.parent
    if parent is None:
        return []
    docs = comparison.documents
    titles = {(t.doc, t.id): t.title for t in comparison.tasks}
    links = Frame("parent", f"与上级文件对照: {parent.parent.label}",
                  ["document", "task_id", "task_title", "status", "parent_task", "parent_title",
                   "score", "text_ratio"],
                  [[docs[ln.doc].label, ln.task, titles.get((ln.doc, ln.task), ""), ln.status, ln.parent_task,
                    ln.parent_title, ln.score, ln.text_ratio] for ln in parent.links],
                  "status: copied 照抄上级原文; adapted 有对应上级任务但有改写; added 上级文件没有的任务。")
    upstream = {t.id: t.title for t in parent.parent_tasks}
    dropped = Frame("parent_dropped", "上级任务未被承接", ["document", "parent_task", "parent_title"],
                    [[docs[i].label, tid, upstream.get(tid, "")] for i, ids in sorted(parent.dropped.items())
                     for tid in ids])
    summary_rows = []
    for i, info in enumerate(docs):
        statuses = Counter(ln.status for ln in parent.links if ln.doc == i)
        summary_rows.append([info.label, statuses["copied"], statuses["adapted"], statuses["added"],
                             len(parent.dropped.get(i, []))])
    summary = Frame("parent_summary", "承接上级文件概况",
                    ["document", "copied", "adapted", "added", "dropped"], summary_rows)
    return [summary, links, dropped]


def warnings_frame(comparison: Comparison) -> Frame:
    return Frame("warnings", "注意", ["warning"], [[w] for w in comparison.warnings])


def all_frames(comparison: Comparison) -> list[Frame]:
    """Every table of the report, in report order."""
    return [
        metrics(comparison), roles_by_document(comparison), differences(comparison),
        documents_frame(comparison), numbers(comparison), themes_frame(comparison),
        *parent_frames(comparison), function_theme(comparison), tasks_frame(comparison),
        requirements_frame(comparison), assignments_frame(comparison), warnings_frame(comparison),
    ]
