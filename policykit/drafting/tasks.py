"""One source task → the new county's: title, prose without the old trailer, units, review notes.

``draft_task(task, adapter, vocab)`` on 蒙自's "1.完善校园安全管理责任制。按照…(牵头单位:市教育体育局;…)"
for 建水县 gives the title "完善校园安全管理责任制", the prose "按照…" with its numbers
and deadlines checked, and the lead ``[Piece("县教育体育局")]``.  A task the parser
flags ``garbled`` has its title, prose and (when the parse's warnings name it) its
group heading highlighted, each with the warning that says which cell is garbled.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policykit.china.headings import numbered
from policykit.drafting.adapt import (
    Adapter,
    Piece,
    adapt_pieces,
    adapt_text,
    adapt_unit,
    plain,
)
from policykit.drafting.settle import mark_deadlines, mark_requirements
from policykit.drafting.vocabulary import Vocabulary
from policykit.model import Document, Task
from policykit.text import normalise, squeeze_spaces

# The parser's warning for a garbled cell: "table row 6 (line 10): group garbled (repetition)".
_GARBLED_WARNING = re.compile(
    r"^(?:table row (?P<number>\S+)|(?P<origin>\w+) task (?P<id>\S+)) \(line \d+\): (?P<what>\w+) garbled \(")


@dataclass
class DraftTask:
    """A task as drafted: adapted title, body pieces, units; shared by the body and the list."""

    group: str
    title: str
    body: list[Piece]
    lead: list[Piece]
    co: list[Piece]
    where: str
    title_review: str | None = None  # why the title must be checked (a garbled source title)
    group_review: str | None = None  # why the group heading must be checked


def garbled_warnings(doc: Document) -> dict[str, list[tuple[str, str]]]:
    """The parse's garble warnings by task id: ``{"table-6": [("group", "table row 6 (line 10): group garbled (repetition)")]}``."""
    by_number: dict[str, list[Task]] = {}
    by_id: dict[str, Task] = {}
    for task in doc.tasks:
        by_id[task.id] = task
        if task.origin == "table" and task.number:
            by_number.setdefault(task.number, []).append(task)
    out: dict[str, list[tuple[str, str]]] = {}
    for warning in doc.warnings:
        m = _GARBLED_WARNING.match(warning)
        if not m:
            continue
        tasks = by_number.get(m["number"], []) if m["number"] else [by_id[m["id"]]] if m["id"] in by_id else []
        for task in tasks:
            if "garbled" in task.flags:
                out.setdefault(task.id, []).append((m["what"], warning))
    return out


def draft_task(task: Task, adapter: Adapter, vocab: Vocabulary,
               warnings: list[tuple[str, str]] | None = None) -> DraftTask:
    """One task for the new county: its text without the old trailer, numbers checked, units re-levelled."""
    title = plain(adapt_text(squeeze_spaces(task.title), adapter))
    text = task_text(task, vocab)
    pieces = mark_deadlines(mark_requirements(text, task.requirements, adapter), task.deadlines, adapter)
    title_review = group_review = None
    if "garbled" in task.flags:
        said = "; ".join(w for _, w in warnings or []) or f"task {task.id} flagged garbled"
        title_review = f"source text garbled ({said}): check the task's title and text against the original"
        pieces = [Piece(p.text, p.review or title_review) for p in pieces]
        heading = [w for what, w in warnings or [] if what == "group"]
        if heading:
            group_review = f"source heading garbled ({'; '.join(heading)}): check it against the original"
    group = group_of(task, vocab)
    return DraftTask(
        group=plain(adapt_text(group, adapter)) if group else "",
        title=title,
        body=adapt_pieces(pieces, adapter),
        lead=[adapt_unit(u, adapter) for u in task.lead],
        co=[adapt_unit(u, adapter) for u in task.co],
        where=f"task {title}",
        title_review=title_review,
        group_review=group_review if group else None,
    )


def task_text(task: Task, vocab: Vocabulary) -> str:
    """The task's prose without its number, title and trailer: ``"1.完善…。按照…(牵头单位:…)"`` → ``"按照…"``."""
    text = squeeze_spaces(task.text.strip()) if any(ch.isspace() for ch in task.text) else task.text.strip()
    norm = normalise(text)
    m = vocab.trailer.search(norm)
    if m:
        text, norm = text[:m.start()].rstrip(), norm[:m.start()].rstrip()
    item = numbered(norm, ("arabic",))
    if item:
        text, norm = text[item.end:], norm[item.end:]
    title = squeeze_spaces(task.title)
    # "完善…责任制。按照…" repeats the title as a run-in heading; "完善…责任制,健全…" is a sentence.
    if title and text.startswith(title) and text[len(title):len(title) + 1] in ("", "。", "."):
        text = text[len(title) + 1:]
    return text


def group_of(task: Task, vocab: Vocabulary) -> str:
    """The heading a task sits under, without its number: ["主要任务", "(二)夯实…"] → "夯实…"."""
    for step in reversed(task.path):
        step = squeeze_spaces(step)
        norm = normalise(step)
        heading = numbered(norm, ("cn", "cn_paren"))
        if heading:
            step = step[heading.end:]
        if step and step != task.title and not vocab.tasks_section.fullmatch(step.strip()):
            return step
    return ""


def trailer(lead: list[Piece], co: list[Piece], lead_label: str = "牵头单位", co_label: str = "责任单位") -> list[Piece]:
    """``(牵头单位:县教育体育局;责任单位:县公安局、各乡镇(街道))`` as pieces (unknown units stay flagged)."""
    if not lead and not co:
        return []
    out = [Piece("(")]
    if lead:
        out += [Piece(f"{lead_label}:"), *joined(lead)]
    if co:
        out += [Piece(";" if lead else ""), Piece(f"{co_label}:"), *joined(co)]
    out.append(Piece(")"))
    return out


def joined(units: list[Piece]) -> list[Piece]:
    """Unit pieces separated by 、: ``[县公安局, 县司法局]`` → ``县公安局、县司法局``, each keeping its review note."""
    out: list[Piece] = []
    for i, unit in enumerate(units):
        if i:
            out.append(Piece("、"))
        out.append(Piece(unit.text, unit.review))
    return out
