"""Drafts → Tasks: units named by ``policykit.units``, numbers by ``policykit.requirements``, flags set."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from policykit.model import Deadline, Requirement, Span, Task, Unit
from policykit.requirements import extract_deadlines, extract_requirements
from policykit.structure import assign
from policykit.structure.assign import Assignment, Piece, Rule
from policykit.structure.data import load
from policykit.structure.garble import garbled_reason
from policykit.structure.outline import split_title
from policykit.structure.rows import Record
from policykit.structure.tasks import Draft
from policykit.structure.textnorm import norm
from policykit.text import squeeze_spaces
from policykit.units import parse_unit_list

_TITLE_TRIM = " \t.、,;:。，；："


@dataclass
class Context:
    """What every task of one document is read against."""

    doc_level: str | None = None
    doc_region: str | None = None
    registry: Any = None
    issuer: str | None = None
    plan_date: str | None = None
    period: dict[str, Any] | None = None
    rules: list[Rule] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    text: str = ""  # the document as read: what "该局" points back into


def table_draft(rec: Record) -> Draft:
    """A table record → a Draft (title joined from its wrapped pieces, cells by role)."""
    assignment = Assignment("table", lead=list(rec.cells.get("lead", [])), co=list(rec.cells.get("co", [])),
                            responsible=list(rec.cells.get("responsible", [])))
    for p in rec.cells.get("assignment", []):
        assignment.extend(cell_assignment(p))
    title = squeeze_spaces("".join(p.text for p in rec.title)).strip(_TITLE_TRIM)
    if not title and rec.cells.get("text"):  # no title column: the duty's first clause names it
        text = squeeze_spaces(rec.text("text")).strip()
        title = text[:len(split_title(norm(text))[0])]
    return Draft("table", rec.number, title, [rec.group] if rec.group else [], list(rec.cells.get("text", [])),
                 Span(rec.start, rec.end), rec.line, assignment, checked=list(rec.checked),
                 flags=list(rec.flags), inherited=rec.inherited, inherited_merged=rec.merged,
                 deadline_cells=list(rec.cells.get("deadline", [])) + assignment.deadline,
                 title_piece=rec.title[0] if len(rec.title) == 1 else None,
                 title_goals=[p for p in rec.title if _whole_goal(p.text)] if len(rec.title) > 1 else [])


def _whole_goal(text: str) -> bool:
    """"——低出生体重儿发生率控制在4%以下。": a goal of its own, not a wrapped piece of one title."""
    t = text.strip()
    return t.startswith(("——", "—", "-")) or t.endswith(("。", ";", "；"))


def cell_assignment(p: Piece) -> Assignment:
    """A 职责分工 cell ("市教育局牵头,市公安局配合") → its assignment."""
    normed = norm(p.text)
    out = Assignment("table")
    labelled, before = assign.labelled(normed, p.text, p.start)
    out.extend(labelled)
    for s, e in assign.split_clauses(normed, 0, len(before)):
        got = assign.clause(normed, p.text, s, e, p.start)
        if got:
            getattr(out, got[0]).append(got[1])
    return out or assign.sentence_assignment(normed, p.text, p.start)


def build_task(draft: Draft, task_id: str, ctx: Context) -> Task:
    """One Draft → a Task with units, requirements, deadlines and flags."""
    flags = list(draft.flags)
    a = _marked_leads(draft.assignment)
    lead, co, resp = _units(a.lead, ctx), _units(a.co, ctx), _units(a.responsible, ctx)
    if resp:
        if lead:
            co = resp + co
        elif _rule_active(ctx, "first_leads", draft.span.end):
            lead, co = resp[:1], resp[1:] + co
        elif co or len(resp) == 1:
            lead = resp
        else:
            co = resp + co
    if not lead and draft.inherited:
        lead = _units(draft.inherited, ctx)
        if lead and not draft.inherited_merged:
            flags.append("lead-inherited")
    for rule in ctx.rules:
        if rule.kind == "implicit_co" and rule.units and rule.start < draft.span.start:
            for unit in _units([rule.units], ctx):
                unit.note = f"standing rule: {rule.text}"
                co.append(unit)
    lead, co = _unique(lead), _unique(co)
    if not lead:
        flags.append("lead-missing")
    if {u.name for u in lead} & {u.name for u in co}:
        flags.append("duplicate-unit")
    if any(not u.known for u in lead + co):
        flags.append("unit-unknown")
    for what, text in draft.checked:
        reason = garbled_reason(text)
        if reason:
            if "garbled" not in flags:
                flags.append("garbled")
            ctx.warnings.append(f"{_where(draft, task_id)}: {what} garbled ({reason})")
    if "truncated" in flags:
        what = "last cells missing" if draft.origin == "table" else "text ends mid-sentence"
        ctx.warnings.append(f"{_where(draft, task_id)}: {what} (truncated)")
    requirements, deadlines = _numbers(draft, task_id, ctx)
    if draft.origin == "table":
        text = squeeze_spaces("".join(p.text for p in draft.text))
    else:
        text = "\n".join(p.text for p in draft.text)
    return Task(id=task_id, origin=draft.origin, number=draft.number, path=list(draft.path),
                title=squeeze_spaces(draft.title).strip(_TITLE_TRIM), text=text, lead=lead, co=co,
                requirements=requirements, deadlines=deadlines, span=draft.span, flags=flags)


def _numbers(draft: Draft, task_id: str, ctx: Context) -> tuple[list[Requirement], list[Deadline]]:
    """Requirements and deadlines of the title, the text and the time-limit cells or labels, each once.

    "1.每学期至少开展1次应急疏散演练。" gives its number from the title; a title
    repeated in the text ("1.视频监控全覆盖" / "…实现视频监控全覆盖。") gives it once.
    """
    requirements: list[Requirement] = []
    deadlines: list[Deadline] = []
    for p in draft.text:
        requirements += extract_requirements(p.text, p.start, task_id=task_id)
        deadlines += extract_deadlines(p.text, p.start, plan_date=ctx.plan_date, period=ctx.period)
    for p in draft.deadline_cells:
        deadlines += _new(extract_deadlines(p.text, p.start, plan_date=ctx.plan_date, period=ctx.period), deadlines)
    for p in draft.title_goals:
        requirements = _new(extract_requirements(p.text, p.start, task_id=task_id), requirements) + requirements
    p = draft.title_piece
    if p and not any(norm(p.text) in norm(t.text) for t in draft.text):  # a title repeated in the text is read there
        requirements = _new(extract_requirements(p.text, p.start, task_id=task_id), requirements) + requirements
        deadlines = _new(extract_deadlines(p.text, p.start, plan_date=ctx.plan_date, period=ctx.period),
                         deadlines) + deadlines
    return requirements, deadlines


def _new(found: list[Any], known: list[Any]) -> list[Any]:
    """The numbers of ``found`` not already read: not written the same, not over the same span."""
    return [item for item in found
            if not any(item.text == seen.text or _overlap(item.span, seen.span) for seen in known)]


def _overlap(a: Span | None, b: Span | None) -> bool:
    return a is not None and b is not None and a.start < b.end and b.start < a.end


def _marked_leads(a: Assignment) -> Assignment:
    """Units marked "(牵头)" inside a co or 责任单位 list move to the lead."""
    out = Assignment(a.style, lead=list(a.lead), span=a.span)
    for role in ("co", "responsible"):
        for piece in getattr(a, role):
            leads, rest = assign.split_lead_marks(piece)
            out.lead += leads
            getattr(out, role).extend(rest)
    return out


def _where(draft: Draft, task_id: str) -> str:
    """How a warning names a task: "table row 15 (line 24)", "body task body-4 (line 38)"."""
    if draft.origin == "table" and draft.number:
        return f"table row {draft.number} (line {draft.line})"
    return f"{draft.origin} task {task_id} (line {draft.line})"


def _rule_active(ctx: Context, kind: str, before: int) -> bool:
    return any(r.kind == kind and r.start < before for r in ctx.rules)


def _units(pieces: list[Piece], ctx: Context) -> list[Unit]:
    out: list[Unit] = []
    for p in pieces:
        for unit in parse_unit_list(p.text, p.start, doc_level=ctx.doc_level, doc_region=ctx.doc_region,
                                    registry=ctx.registry):
            out.append(_pronoun(unit, ctx))
    return out


def _pronoun(unit: Unit, ctx: Context) -> Unit:
    """"我局" / "我县" stand for the issuer named in the header; "该局" for the last 局 named before it;
    "该县学安委" for the document's own county's 学安委."""
    raw = unit.raw.strip()
    if raw.startswith("该"):
        return _anaphor(unit, raw, ctx)
    if raw not in load("assign")["unitlike"]["pronouns"] or not ctx.issuer:
        return unit
    return _standing_for(unit, ctx.issuer, ctx, f"pronoun {raw}: the issuer")


def _standing_for(unit: Unit, named: str, ctx: Context, note: str) -> Unit:
    """``unit`` (a pronoun as written) read as the one unit ``named``, keeping where it was written."""
    found = parse_unit_list(named, 0, doc_level=ctx.doc_level, doc_region=ctx.doc_region, registry=ctx.registry)
    if len(found) != 1:
        return unit
    out = found[0]
    out.raw, out.span = unit.raw, unit.span
    out.note = note
    return out


def _own_levels() -> str:
    from policykit.china.levels import Level

    return "".join(lv.prefix for lv in Level if len(lv.prefix) == 1)


def _anaphor(unit: Unit, raw: str, ctx: Context) -> Unit:
    """"该局" → the last unit ending in 局 named before it; "该县X" → X of the document's county."""
    named: str | None = None
    if len(raw) > 2 and ctx.doc_region and ctx.doc_level == raw[1] and raw[1] in _own_levels():
        named = ctx.doc_region + raw[1:]
    elif len(raw) >= 2 and unit.span is not None:
        named = _antecedent(ctx.text[max(0, unit.span.start - 1500):unit.span.start], raw[1:], ctx)
    return _standing_for(unit, named, ctx, f"pronoun {raw}: {named}") if named else unit


def _antecedent(before: str, ending: str, ctx: Context) -> str | None:
    """The last name in ``before`` that ends in ``ending`` and that the registry knows, longest first."""
    from policykit.units import normalise

    at = before.rfind(ending)
    while at > 0:
        end = at + len(ending)
        for start in range(max(0, end - 20), end - len(ending)):
            name = before[start:end]
            if not all("\u4e00" <= ch <= "\u9fff" for ch in name) or name.startswith("该"):
                continue
            if normalise(name, registry=ctx.registry).known:
                return name
        at = before.rfind(ending, 0, at)
    return None


def _unique(units: list[Unit]) -> list[Unit]:
    seen, out = set(), []
    for u in units:
        if u.name not in seen:
            seen.add(u.name)
            out.append(u)
    return out
