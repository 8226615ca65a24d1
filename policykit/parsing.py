"""parse: read → lines and tables → outline → tasks → units → requirements.

``parse(path)`` reads a file with ``policykit.readers``; ``parse_raw`` takes a
``RawDocument`` from any reader; ``parse_text`` takes text in memory.  The
steps live in ``policykit.structure`` (one module each).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from policykit.model import Document, Paragraph, RawDocument, Source, Span, Table
from policykit.requirements import extract_deadlines, extract_requirements
from policykit.structure import assign
from policykit.structure.build import Context, build_task, table_draft
from policykit.structure.lines import Line, LineIndex, join_wrapped_trailers, paragraph_lines
from policykit.structure.link import link_same_as
from policykit.structure.meta import read_meta
from policykit.structure.rows import records
from policykit.structure.statements import clause_at, commits, reports_by_genre
from policykit.structure.tables import (
    Grid,
    grids_from_blocks,
    grids_from_flat,
    grids_from_text,
    notes_after_block,
)
from policykit.structure.tasks import (
    body_drafts,
    build_tree,
    headings_over,
    line_paths,
    no_tasks_warning,
    outline_items,
    section_pieces,
    sentence_drafts,
)
from policykit.structure.textnorm import norm


def parse(path: str | Path, registry: Any = None) -> Document:
    """Read and parse one file: ``parse("corpora/mengzi_campus_safety_plan_2023.txt").tasks[0].title``."""
    from policykit.readers import read

    return parse_raw(read(path), registry=registry)


def parse_text(text: str, path: str = "<text>", registry: Any = None) -> Document:
    """Parse text in memory: ``parse_text("1.加强人防。(牵头单位:县教体局)").tasks[0].lead[0].name`` → "县教体局"."""
    blocks: list[Paragraph | Table] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        blocks.append(Paragraph(body, Span(pos, pos + len(body))))
        pos += len(line)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return parse_raw(RawDocument(text=text, format="txt", blocks=blocks, path=path, encoding="utf-8",
                                 sha256=digest), registry=registry)


def parse_raw(raw: RawDocument, registry: Any = None) -> Document:
    """A read document → its Document (SPEC ``policykit.document/1``)."""
    index = LineIndex(raw.text)
    lines = join_wrapped_trailers(paragraph_lines(raw, index), raw.text)
    meta = read_meta(raw.text, lines, raw.fields)
    level, region = meta.region.own_level()
    tables = [b for b in raw.blocks if isinstance(b, Table)]
    grids = grids_from_blocks(tables, index) + grids_from_text(lines, index)
    grids += grids_from_flat([ln if not any(k in g.lines for g in grids) else _blank(ln)
                              for k, ln in enumerate(lines)])
    skip = set().union(*(g.lines for g in grids)) if grids else set()
    root = build_tree(lines, skip, registry)
    rules = [r for ln in lines for r in assign.find_rules(ln.norm, ln.raw, ln.start)]
    _notes_govern_their_table(rules, grids, lines)
    ctx = Context(doc_level=level, doc_region=region, registry=registry, issuer=meta.issuer,
                  plan_date=meta.signed or meta.published, period=meta.period, rules=rules,
                  warnings=list(raw.warnings), text=raw.text)
    for rule in rules:
        if rule.kind == "implicit_co" and rule.units:
            ctx.warnings.append(f"line {index.line_of(rule.start)}: standing rule \"{rule.text}\": "
                                f"{rule.units.text} added to the co-operating units of every later task")
    tasks = [build_task(d, f"body-{k}", ctx) for k, d in enumerate(body_drafts(root, lines, registry, skip), start=1)]
    table_records = [r for g in sorted(grids, key=lambda g: g.rows[0].start if g.rows else 0)
                     for r in records(g)]
    tasks += [build_task(table_draft(r), f"table-{k}", ctx) for k, r in enumerate(table_records, start=1)]
    link_same_as(tasks)
    goal_pieces = section_pieces(root, lines, "goals")
    covered = skip | {k for k, ln in enumerate(lines) for t in tasks
                      if t.span and ln.start < t.span.end and t.span.start < ln.end}
    covered |= headings_over(root, covered)
    genre = reports_by_genre(meta.title, raw.text[:400], raw.text)
    drafts = sentence_drafts(lines, covered, line_paths(root), genre_reports=genre, title=meta.title)
    sentence_tasks = [build_task(d, f"sentence-{k}", ctx) for k, d in enumerate(drafts, start=1)]
    for t in sentence_tasks:
        t.title = None
    tasks += sentence_tasks
    if not [t for t in tasks if "addressees" not in t.flags]:  # a notice asking its addressees, and nothing else
        ctx.warnings.append(no_tasks_warning(root, lines))
    loose = _loose_requirements(lines, covered, tasks, goal_pieces)
    goals = [req for p in goal_pieces for req in extract_requirements(p.text, p.start)]
    goal_deadlines = [d for p in goal_pieces
                      for d in extract_deadlines(p.text, p.start, plan_date=ctx.plan_date, period=ctx.period)]
    source = Source(raw.path, raw.format, raw.encoding, raw.sha256, len(raw.text))
    return Document(source=source, meta=meta, outline=outline_items(root, lines), tasks=tasks, goals=goals,
                    goal_deadlines=goal_deadlines, requirements=loose, warnings=ctx.warnings, text=raw.text)


def _blank(line: Line) -> Line:
    """A line already used by a table, hidden from the next table finder."""
    return Line("", "", line.start, line.start, line.number, line.block, line.style)


def _loose_requirements(lines: list[Line], covered: set[int], tasks: list[Any], goal_pieces: list[Any]) -> list[Any]:
    """Numbers outside every task and the goals that their clause commits to (not background figures)."""
    held = [(t.span.start, t.span.end) for t in tasks if t.span] + \
           [(p.start, p.start + len(p.text)) for p in goal_pieces]
    out = []
    for k, ln in enumerate(lines):
        if k in covered or ln.blank:
            continue
        for req in extract_requirements(ln.raw, ln.start):
            at = req.span.start if req.span else ln.start
            if any(a <= at < b for a, b in held):
                continue
            if commits(clause_at(norm(ln.raw), at - ln.start)):
                out.append(req)
    return out


def _notes_govern_their_table(rules: list[assign.Rule], grids: list[Grid], lines: list[Line]) -> None:
    """A standing rule in a table's note ("注:列第一位的为牵头单位") reads as if stated above the table."""
    for grid in grids:
        if grid.kind == "block":
            grid.notes = notes_after_block(grid, lines)
        if not grid.notes or not grid.rows:
            continue
        first, last = lines[grid.notes[0]].start, lines[grid.notes[-1]].end
        for rule in rules:
            if first <= rule.start <= last:
                rule.start = grid.rows[0].start - 1

