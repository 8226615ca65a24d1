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
from policykit.numbers.clauses import CLAUSE_END, sentences
from policykit.numbers.reading import Reading
from policykit.numbers.scope import (
    carries_to_next_clause,
    condition_span,
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
    scope: _Scope | None = None
    numeric: tuple[int, int] | None = None  # where the phrase of a conditional number is
    previous_end = 0
    for r in readings:
        if r.is_condition:
            if not r.describes:
                numeric = condition_span(s, r, readings, vocab)
            continue
        start = min(x for x in (r.bound_start, r.subject_start, r.text_start) if x is not None)
        end = max(x for x in (r.end, r.subject_end) if x is not None)
        clause = next((c for c in reversed(clause_conditions) if c[0] <= r.bound_start), None)
        if clause and (scope is None or clause[0] > scope.at):
            scope = _Scope(clause[0], clause[1], whole_clause=True)
        own = r.scope or own_condition(s, r, vocab) or _numeric_condition(s, numeric, start, vocab)
        if own:
            scope = _Scope(r.bound_start, own, whole_clause=False, end=end, subject=r.subject)
        elif scope is not None and not scope.whole_clause and _listed_scope(s[previous_end:r.bound_start]):
            scope = None  # "每个镇办至少…、各专项工作组和牵头部门至少…": a new scope of its own
        applies = scope is not None and (own or scope.whole_clause or _continues(s, scope, r, start))
        condition = scope.text if scope is not None and applies else None
        numeric = None
        previous_end = r.end
        out.append(Found(
            start=base + start, end=base + end, op=r.op, value=r.token.value, value_max=r.value_max,
            unit=r.unit, subject=r.subject, period=r.period, per=r.per, condition=condition,
            target=r.target, flags=r.flags,
        ))
    return out


@dataclass
class _Scope:
    """A condition in force while a sentence is read: where it starts, what it says, whose it is."""

    at: int
    text: str
    whole_clause: bool  # "…达不到规划和建设指标要求的,": limits everything after it in the sentence
    end: int = 0  # end of the requirement whose own scope it is
    subject: str | None = None  # what that requirement counts


def _same_clause(s: str, a: int, b: int) -> bool:
    """No "," or ":" between positions ``a`` and ``b``."""
    return CLAUSE_END.search(s, a, max(a, b)) is None


def _continues(s: str, scope: _Scope, r: Reading, start: int) -> bool:
    """Whether a requirement's own scope carries on to ``r``: in its clause, or in a later clause
    that counts the same thing, none, or adds per increment ("寄宿制学校至少配2名专职保安员,每增加300名
    寄宿生增配1名专职保安员"); not to a clause with a subject of its own ("…,10%以上的学校建成智慧校园")."""
    if r.subject_start is not None:
        return False
    return _same_clause(s, scope.end, start) or r.per is not None or r.subject in (None, scope.subject)


def _numeric_condition(s: str, numeric: tuple[int, int] | None, start: int, vocab: Vocab) -> str | None:
    """The phrase of a conditional number, when it limits the requirement starting at ``start``: in the same
    clause, or in the next one when the condition is a clause of its own ("100人以上1000人以下的学校,至少配2名")."""
    if numeric is None:
        return None
    a, b = numeric
    if not _same_clause(s, b, start) and not (
            carries_to_next_clause(s, a, b, vocab) and _same_clause(s, b + 1, start)):
        return None
    return s[a:b].strip() or None
