"""Quantities → requirements: the sentence-level walk that puts readings, conditions and subjects together.

Works on normalised text (policykit.text.normalise, one character for one),
so every position found here is also a position in the text as read.  The
steps: tokens (numbers with units) → bounds (op, period, per) → scope
(conditions, subjects).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from policykit.numbers.bounds import density_prefixes, read_tokens
from policykit.numbers.clauses import sentences
from policykit.numbers.scope import (
    condition_text,
    find_clause_conditions,
    mark_conditions,
    own_condition,
    settle_subject,
    share_listed_subjects,
)
from policykit.numbers.tokens import find_tokens
from policykit.numbers.vocab import Vocab


@dataclass
class Found:
    """One requirement in normalised-text coordinates (see policykit.model.Requirement)."""

    start: int
    end: int
    op: str
    value: int | float | None
    value_max: int | float | None = None
    unit: str | None = None
    subject: str | None = None
    period: str | None = None
    per: dict[str, Any] | None = None
    condition: str | None = None
    target: bool = False
    flags: list[str] = field(default_factory=list)


def read_requirements(text: str, vocab: Vocab) -> list[Found]:
    """Every requirement in normalised ``text``: "每学期至少开展1次饮用水检测" → op >=, value 1, 次, 每学期."""
    found: list[Found] = []
    for start, end in sentences(text):
        found.extend(_read_sentence(text[start:end], start, vocab))
    return found


def _listed_scope(between: str) -> bool:
    """Whether a new item of a 、 list names its own scope before the bound ("、各专项工作组和牵头部门至少")."""
    _, sep, item = between.rpartition("、")
    return bool(sep) and bool(re.search(r"[\u4e00-\u9fff]{2,}", item))


def _read_sentence(s: str, base: int, vocab: Vocab) -> list[Found]:
    """Requirements of one sentence ``s`` found at ``base`` in the whole text."""
    tokens = find_tokens(s, vocab)
    density = density_prefixes(s, vocab)
    tokens = [t for t in tokens if not any(a <= t.start < b for a, b, _ in density)]
    readings = read_tokens(s, tokens, density, vocab)
    mark_conditions(s, readings, vocab)
    floor = 0
    for r in readings:
        if not r.is_condition:
            settle_subject(s, r, floor, vocab)
        if not r.describes:
            floor = max(r.end, r.subject_end or 0)
    requirements = [r for r in readings if not r.is_condition]
    share_listed_subjects(s, requirements)
    clause_conditions = find_clause_conditions(s, tokens, vocab)
    out: list[Found] = []
    scope: tuple[int, str, bool] | None = None  # (position, condition, written as a whole clause)
    numeric_condition: str | None = None
    previous_end = 0
    for r in readings:
        if r.is_condition:
            if not r.describes:
                numeric_condition = condition_text(s, r, readings, vocab)
            continue
        clause = next((c for c in reversed(clause_conditions) if c[0] <= r.bound_start), None)
        if clause and (scope is None or clause[0] > scope[0]):
            scope = (clause[0], clause[1], True)
        own = r.scope or own_condition(s, r, vocab) or numeric_condition
        if own:
            scope = (r.bound_start, own, False)
        elif scope is not None and not scope[2] and _listed_scope(s[previous_end:r.bound_start]):
            scope = None  # "每个镇办至少…、各专项工作组和牵头部门至少…": a new scope of its own
        # a whole clause limits everything after it; a requirement's own scope carries on only
        # to a following requirement that names its subject after the number ("每增加300名寄宿生增配1名")
        applies = scope is not None and (own or scope[2] or r.subject_start is None)
        condition = scope[1] if applies else None
        numeric_condition = None
        previous_end = r.end
        start = min(x for x in (r.bound_start, r.subject_start, r.text_start) if x is not None)
        end = max(x for x in (r.end, r.subject_end) if x is not None)
        out.append(Found(
            start=base + start, end=base + end, op=r.op, value=r.token.value, value_max=r.value_max,
            unit=r.unit, subject=r.subject, period=r.period, per=r.per, condition=condition,
            target=r.target, flags=r.flags,
        ))
    return out
