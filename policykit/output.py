"""Documents → json, jsonl, csv, xlsx, md.  Each writer returns bytes; the caller writes them atomically."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from typing import Any

from policykit.model import Document, Task, Unit
from policykit.sheets import append_row, csv_bytes

FORMATS = ("json", "jsonl", "csv", "xlsx", "md")

TASK_COLUMNS = [
    "document", "task_id", "origin", "number", "path", "title", "lead", "lead_canonical",
    "co", "co_canonical", "requirements", "deadlines", "same_as", "flags", "span_start", "span_end",
]


# Characters that ``str.splitlines`` (and many JSONL readers) treat as line ends
# but ``json.dumps(ensure_ascii=False)`` leaves raw inside strings.
_LINE_BREAKERS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})


def one_line(json_text: str) -> str:
    """Escape the stray line separators a JSON text may hold: ``'"a\u2028b"'`` → ``'"a\\u2028b"'``."""
    return json_text.translate(_LINE_BREAKERS)


def dumps(doc: Document | dict[str, Any], *, indent: int | None = 2) -> str:
    """A document's JSON; with ``indent=None`` it is guaranteed to be one line (for JSONL)."""
    data = doc.to_dict() if isinstance(doc, Document) else doc
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    return one_line(text) if indent is None else text


def to_json(docs: list[Document]) -> bytes:
    """One document: its object; several: a list of them."""
    if len(docs) == 1:
        return (dumps(docs[0]) + "\n").encode("utf-8")
    return (json.dumps([d.to_dict() for d in docs], ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def to_jsonl(docs: Iterable[Document]) -> bytes:
    return "".join(dumps(d, indent=None) + "\n" for d in docs).encode("utf-8")


def _names(units: list[Unit]) -> str:
    return ";".join(u.name for u in units)


def _canonicals(units: list[Unit]) -> str:
    return ";".join(u.canonical or "?" for u in units)


def task_rows(doc: Document) -> Iterable[list[Any]]:
    """One row per task, units joined with ';' (the long per-unit table is ``policykit compare``'s)."""
    for t in doc.tasks:
        yield [
            doc.source.path, t.id, t.origin, t.number or "", " > ".join(t.path), t.title or "",
            _names(t.lead), _canonicals(t.lead), _names(t.co), _canonicals(t.co),
            " | ".join(r.text for r in t.requirements), " | ".join(d.text for d in t.deadlines),
            t.same_as or "", ";".join(t.flags),
            t.span.start if t.span else "", t.span.end if t.span else "",
        ]


def to_csv(docs: list[Document]) -> bytes:
    return csv_bytes(TASK_COLUMNS, (row for doc in docs for row in task_rows(doc)))


def to_xlsx(docs: list[Document]) -> bytes:
    """Sheets: tasks (one row per task), units (one row per task × role × unit), requirements."""
    from openpyxl import Workbook

    wb = Workbook()
    tasks = wb.active
    tasks.title = "tasks"
    append_row(tasks, TASK_COLUMNS)
    units = wb.create_sheet("units")
    append_row(units, ["document", "task_id", "role", "raw", "name", "canonical", "level", "region",
                       "kind", "known", "confidence"])
    reqs = wb.create_sheet("requirements")
    append_row(reqs, ["document", "task_id", "text", "subject", "op", "value", "value_max", "unit",
                      "period", "condition", "target", "flags"])
    for doc in docs:
        for row in task_rows(doc):
            append_row(tasks, row)
        for t in doc.tasks:
            for role, group in (("lead", t.lead), ("co", t.co)):
                for u in group:
                    append_row(units, [doc.source.path, t.id, role, u.raw, u.name, u.canonical, u.level,
                                       u.region, u.kind, u.known, u.confidence])
            for r in t.requirements:
                append_row(reqs, [doc.source.path, t.id, r.text, r.subject, r.op, r.value, r.value_max,
                                  r.unit, r.period, r.condition, r.target, ";".join(r.flags)])
    tasks.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _gist(text: str, limit: int = 40) -> str:
    """A task read from a sentence has no title: the table shows the sentence's opening."""
    return text if len(text) <= limit else text[:limit] + "…"


def _md_task(t: Task) -> str:
    units = lambda us: "、".join(u.name + ("" if u.known else " (?)") for u in us) or "—"  # noqa: E731
    reqs = "; ".join(r.text for r in t.requirements) or ""
    return "| " + " | ".join(_md_cell(x) for x in [
        t.id, t.number or "", t.title if t.title is not None else _gist(t.text), units(t.lead), units(t.co), reqs,
        ", ".join(t.flags),
    ]) + " |"


def to_md(docs: list[Document]) -> bytes:
    out: list[str] = []
    for doc in docs:
        m = doc.meta
        out.append(f"# {m.title or doc.source.path}\n")
        facts = [("来源", doc.source.path), ("发文机关", m.issuer), ("文号", m.doc_number),
                 ("发布日期", m.published), ("成文日期", m.signed)]
        out.extend(f"- {k}: {v}" for k, v in facts if v)
        out.append("")
        out.append("| id | 序号 | 任务 | 牵头单位 | 责任单位 | 数量要求 | flags |")
        out.append("|---|---|---|---|---|---|---|")
        out.extend(_md_task(t) for t in doc.tasks)
        if doc.warnings:
            out.append("\n**Warnings**\n")
            out.extend(f"- {w}" for w in doc.warnings)
        out.append("")
    return "\n".join(out).encode("utf-8")


WRITERS = {"json": to_json, "jsonl": to_jsonl, "csv": to_csv, "xlsx": to_xlsx, "md": to_md}


def render(docs: list[Document], fmt: str) -> bytes:
    return WRITERS[fmt](docs)
