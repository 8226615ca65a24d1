"""Build the new county's draft — notice, plan, task list — as pieces of text with review notes.

This is the drafter's content, before any Word: ``build_plan(doc, profile)`` →
``Plan`` whose blocks and rows carry ``Piece``s; ``render`` turns it into a .docx.
Outline numbering is rebuilt (一、 (一) 1.); every task's body paragraph and its
task-list row share one title and one set of units.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from policykit.china.dates import format_date
from policykit.china.headings import numbered, style
from policykit.drafting.adapt import (
    Adapter,
    Piece,
    adapt_pieces,
    adapt_text,
    make_adapter,
    merge,
    plain,
    replace_basis,
)
from policykit.drafting.linking import consistency_notes, link_tasks
from policykit.drafting.settle import mark_deadlines, mark_requirements
from policykit.drafting.source import Section, SourceParts, split_source
from policykit.drafting.tasks import DraftTask, draft_task, garbled_warnings, trailer
from policykit.drafting.vocabulary import Vocabulary
from policykit.model import Document, Requirement, Task
from policykit.profile import Profile
from policykit.text import normalise, squeeze_spaces

MAX_RUN_IN = 30  # characters: a longer stretch before the first 。 is prose, not a run-in heading


@dataclass
class Block:
    """One paragraph of the plan: ``kind`` h1 (一、), h2 ((一)), body; ``lead`` is its run-in heading."""

    kind: str
    pieces: list[Piece]
    lead: str = ""  # "(一)强化组织保障。" or "1.加强学校人防建设。", set in its heading font
    lead_level: int = 0  # 2: (一) 楷体, 3: 1. 仿宋
    where: str = ""  # for review lines: "一、总体目标" or "任务 4 加强学校人防建设"
    lead_review: str | None = None  # why the run-in heading must be checked (it is highlighted)


@dataclass
class Row:
    """One row of the task list; a group row has only ``group`` ("一、建立健全…")."""

    group: str | None = None
    number: str = ""
    title: list[Piece] = field(default_factory=list)
    measures: list[Piece] = field(default_factory=list)
    lead: list[Piece] = field(default_factory=list)
    co: list[Piece] = field(default_factory=list)
    where: str = ""
    group_review: str | None = None  # why the group row must be checked (it is highlighted)


@dataclass
class Plan:
    doc_number: list[Piece]
    issuer: str
    date: list[Piece]
    notice_title: list[Piece]
    addressees: str
    notice_body: list[Piece]
    title: list[Piece]
    blocks: list[Block]
    attachment_title: list[Piece]
    rows: list[Row]
    notes: list[str] = field(default_factory=list)  # review lines not tied to one piece


def build_plan(doc: Document, profile: Profile, adapter: Adapter | None = None) -> Plan:
    """The draft's content for ``profile`` from the parsed source ``doc``."""
    adapter = adapter or make_adapter(doc, profile)
    vocab = adapter.vocab
    words = vocab.wording
    parts = split_source(doc, vocab)
    notes: list[str] = []
    body_tasks = [t for t in doc.tasks if t.origin == "body"]
    table_tasks = [t for t in doc.tasks if t.origin == "table"]
    main_tasks = body_tasks or table_tasks
    garbled = garbled_warnings(doc)
    drafted = {t.id: draft_task(t, adapter, vocab, garbled.get(t.id)) for t in main_tasks}
    links = link_tasks(body_tasks, table_tasks) if body_tasks else {t.id: t for t in table_tasks}
    if body_tasks:
        notes += consistency_notes(body_tasks, table_tasks, links)
    if not main_tasks:
        notes.append("the source has no tasks: the plan has no task part and the task list is empty")
    if not adapter.source.county or not adapter.source.level:
        notes.append("the source's county and level could not be read: place names and level prefixes "
                     "(市级, 区教育局) were left as they are")

    title = _plan_title(parts, profile, adapter)
    title_text = plain(title)
    blocks = _preamble_blocks(parts, profile, adapter, title_text)
    sections = list(parts.sections)
    if main_tasks and not any(s.tasks for s in sections):
        at = next((i for i, s in enumerate(sections) if "保障" in s.title), len(sections))
        sections.insert(at, Section(words["tasks_heading"], tasks=True))
    for number, section in enumerate(sections):
        heading = f"{style('cn').write(number + 1)}{plain(adapt_text(section.title, adapter))}"
        blocks.append(Block("h1", [Piece(heading)], where=heading))
        if section.tasks:
            blocks += _task_blocks([drafted[t.id] for t in main_tasks], heading)
        else:
            blocks += _prose_blocks(section.paragraphs, doc.goals, adapter, heading,
                                    doc.meta.signed or doc.meta.published)
    attachment = _attachment_title(parts, title_text, adapter)
    if main_tasks:
        blocks.append(Block("body", [Piece(f"附件:{plain(attachment)}")], where="附件"))
    rows = _rows(table_tasks or main_tasks, links, drafted, adapter, vocab, garbled)
    issuer = profile.issuer or words["issuer"].format(name=profile.name)
    return Plan(
        doc_number=[Piece(profile.doc_number)] if profile.doc_number else
        [Piece("〔    〕号", "doc_number missing from the profile")],
        issuer=issuer,
        date=[Piece(format_date(profile.date))] if profile.date else
        [Piece("    年  月  日", "date missing from the profile")],
        notice_title=fill(words["notice_title"], title, issuer=issuer),
        addressees=profile.addressees or words["addressees"].format(level=profile.level),
        notice_body=fill(words["notice_body"], title),
        title=title,
        blocks=blocks,
        attachment_title=attachment,
        rows=rows,
        notes=notes,
    )


def fill(wording: str, title: list[Piece], **fields: str) -> list[Piece]:
    """Fixed wording around the plan's title, keeping its review notes: ``"关于印发{title}的通知"`` → pieces."""
    before, _, after = wording.partition("{title}")
    return merge([Piece(before.format(**fields)), *title, Piece(after.format(**fields))])


def _plan_title(parts: SourceParts, profile: Profile, adapter: Adapter) -> list[Piece]:
    if profile.title:
        return [Piece(profile.title, fixed=True)]
    if not parts.title:
        return [Piece(f"{profile.name}实施方案", "the source has no title: name the plan")]
    return adapt_text(parts.title, adapter)


def _attachment_title(parts: SourceParts, plan_title: str, adapter: Adapter) -> list[Piece]:
    if parts.attachment_title:
        return adapt_text(squeeze_spaces(parts.attachment_title), adapter)
    base = re.sub(r"(及|和)?重点工作任务清单$", "", plan_title)
    return [Piece(f"{base}重点工作任务清单")]


def _preamble_blocks(parts: SourceParts, profile: Profile, adapter: Adapter, title: str) -> list[Block]:
    """The source's preamble with the profile's basis; a generated one (flagged) when the source has none."""
    if parts.preamble:
        return [Block("body", adapt_pieces(replace_basis(p, profile.basis), adapter), where="preamble")
                for p in parts.preamble]
    words = adapter.vocab.wording
    topic = re.sub(r"^" + re.escape(profile.name), "", title)
    topic = re.sub(r"(的)?(实施|工作)方案.*$", "", topic)
    basis = "".join(profile.basis) or words["basis_missing"]
    text = words["preamble"].format(topic=topic, basis=basis, short=adapter.target.county_short)
    return [Block("body", [Piece(text, "preamble written by policykit: the source has none")], where="preamble")]


def _prose_blocks(paragraphs: list[str], goals: list[Requirement], adapter: Adapter, where: str,
                  plan_date: str | None = None) -> list[Block]:
    """总体目标 / 保障措施 paragraphs, renumbered, their numbers and deadlines checked against the profile."""
    from policykit.requirements import extract_deadlines

    blocks = []
    count = 0
    for paragraph in paragraphs:
        norm = normalise(paragraph)
        heading = numbered(norm, ("cn_paren",))
        lead = ""
        rest = paragraph
        if heading:
            count += 1
            label = style("cn_paren").write(count)
            rest = paragraph[heading.end:]
            stop = _run_in_end(rest)
            lead, rest = label + rest[:stop], rest[stop:]
            if not rest:
                blocks.append(Block("h2", adapt_text(lead, adapter), where=where))
                continue
        pieces = mark_requirements(rest, goals, adapter)
        pieces = adapt_pieces(mark_deadlines(pieces, extract_deadlines(rest, plan_date=plan_date), adapter), adapter)
        blocks.append(Block("body", pieces, lead=plain(adapt_text(lead, adapter)), lead_level=2 if lead else 0,
                            where=where))
    return blocks


def _run_in_end(text: str) -> int:
    """Where the heading after a (一) label ends: "强化组织保障。各乡镇…" → 7; a short line is all heading."""
    at = text.find("。")
    if 0 <= at <= MAX_RUN_IN:
        return at + 1
    return len(text) if len(text) <= MAX_RUN_IN else 0


def _task_blocks(tasks: list[DraftTask], where: str) -> list[Block]:
    """(一) group headings and numbered task paragraphs, each with a fresh trailer."""
    reviews = group_reviews(tasks)
    blocks: list[Block] = []
    group = None
    groups = 0
    number = 0
    previous_title = None
    for task in tasks:
        if task.group != group and task.group:
            group = task.group
            groups += 1
            number = 0
            blocks.append(Block("h2", [Piece(style("cn_paren").write(groups)), Piece(group, reviews.get(group))],
                                where=where))
        continuation = task.title == previous_title
        previous_title = task.title
        if not continuation:
            number += 1
        lead = "" if continuation else f"{number}.{task.title}。"
        pieces = merge([*task.body, *trailer(task.lead, task.co)])
        blocks.append(Block("body", pieces, lead=lead, lead_level=3 if lead else 0, where=task.where,
                            lead_review=task.title_review if lead else None))
    return blocks


def group_reviews(tasks: list[DraftTask]) -> dict[str, str]:
    """Group heading → why it must be checked, from any task under it (the parse warns on one row only)."""
    out: dict[str, str] = {}
    for task in tasks:
        if task.group_review:
            out.setdefault(task.group, task.group_review)
    return out


def _rows(source_rows: list[Task], links: dict[str, Task], drafted: dict[str, DraftTask], adapter: Adapter,
          vocab: Vocabulary, garbled: dict[str, list[tuple[str, str]]]) -> list[Row]:
    """Task-list rows: group rows, then one row per task (sub-rows leave 序号 and 重点任务 blank)."""
    pairs = []
    for task in source_rows:
        linked = links.get(task.id)
        own = drafted.get(task.id) or draft_task(task, adapter, vocab, garbled.get(task.id))
        pairs.append((own, drafted[linked.id] if linked is not None and linked.id in drafted else own))
    reviews = group_reviews([shared for _, shared in pairs])
    rows: list[Row] = []
    group = None
    groups = 0
    number = 0
    previous = None
    for own, shared in pairs:
        if shared.group and shared.group != group:
            group = shared.group
            groups += 1
            rows.append(Row(group=style("cn").write(groups) + group, group_review=reviews.get(group)))
        continuation = shared.title == previous
        previous = shared.title
        if not continuation:
            number += 1
        rows.append(Row(
            number="" if continuation else str(number),
            title=[] if continuation else [Piece(shared.title, shared.title_review)],
            measures=own.body,
            lead=shared.lead,
            co=shared.co,
            where=shared.where,
        ))
    return rows
