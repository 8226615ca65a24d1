"""Scoring a parse against blind gold (corpora/blind/README.md): assignments, requirements, region, title.

An assignment is scored as (where, role, unit): a gold entry quotes the statement, and a unit the
parser found counts when it was read inside that quote, in the same role, under the same name.
Units are matched by position, not by task, so a document cut into tasks differently from the
gold still scores on what it assigned to whom.

    >>> from policykit.evaluation import Counts
    >>> Counts(tp=9, fp=1, fn=1).f1
    0.9
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from policykit.model import Document, Requirement
from policykit.structure.data import load

STYLES = ("trailer", "field", "table", "heading", "sentence", "reported")
_FOLD = str.maketrans("（）［］【】〔〕，；：、　", "()[][](),;:, ")


@dataclass
class Counts:
    """True positives, false positives and false negatives, and what follows from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return round(2 * p * r / (p + r), 4) if p + r else 0.0

    def to_dict(self) -> dict[str, int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn}


def fold(name: str) -> str:
    """Compare names as a reader would: no spaces, one form of brackets and punctuation."""
    return re.sub(r"\s+", "", name.translate(_FOLD))


def _level_chars() -> set[str]:
    """One-character level prefixes of unit names: 省 市 州 县 区 旗 盟."""
    from policykit.china.levels import unit_prefixes

    return {p for p in unit_prefixes() if len(p) == 1}


def same_name(gold: str, names: set[str]) -> bool:
    """``"教育局"`` is the ``"市教育局"`` of "市公安局、教育局": a shared level prefix may be added."""
    g = fold(gold)
    levels = _level_chars()
    for n in names:
        if n == g or (len(n) == len(g) + 1 and n[0] in levels and n[1:] == g) \
                or (len(g) == len(n) + 1 and g[0] in levels and g[1:] == n):
            return True
    return False


@dataclass
class _Found:
    pos: int
    role: str
    names: set[str]
    style: str
    raw: str
    used: bool = False


def _quote_range(text: str, quote: str) -> tuple[int, int] | None:
    at = text.find(quote)
    return (at, at + len(quote)) if at >= 0 else None


def _body_style(text: str, pos: int) -> str:
    """A body task's unit read inside brackets came from a trailer, after a label from a field line."""
    line_start = text.rfind("\n", 0, pos) + 1
    before = text[line_start:pos].translate(_FOLD)
    if before.count("(") > before.count(")") or before.count("〔") > before.count("〕"):
        return "trailer"
    if re.search(r"(?:单位|部门)\s*:", before):
        return "field"
    return "heading"


def found_units(doc: Document, text: str) -> list[_Found]:
    """Every (position, role, unit) the parse gives, with the style it was read in."""
    out = []
    for task in doc.tasks:
        reported = "reported" in task.flags
        for role in ("lead", "co"):
            for unit in getattr(task, role):
                if unit.span is not None:
                    pos = unit.span.start
                elif task.span is not None:
                    pos = task.span.start
                else:
                    pos = -1
                if reported:
                    style = "reported"
                elif task.origin in ("sentence", "table"):
                    style = task.origin
                else:
                    style = _body_style(text, pos)
                names = {fold(unit.name), fold(unit.raw)}
                out.append(_Found(pos, role, names, style, unit.raw))
    return out


def score_assignments(doc: Document, text: str, gold: dict[str, Any], *, roles: bool = True) -> dict[str, Counts]:
    """Counts per style; with ``roles=False`` a unit counts in either role (who is involved at all)."""
    counts: dict[str, Counts] = defaultdict(Counts)
    found = found_units(doc, text)
    quotes = []
    for entry in gold.get("assignments", []):
        rng = _quote_range(text, entry["quote"])
        if rng is None:
            raise ValueError(f"{gold.get('source')}: quote not in text: {entry['quote'][:30]!r}")
        style = "reported" if entry.get("reported") else entry["style"]
        quotes.append((rng, style))
        for role in ("lead", "co"):
            for name in entry.get(role, []):
                hit = _match(found, rng, role if roles else None, name, entry["quote"], style)
                counts[style].add(Counts(tp=1) if hit else Counts(fn=1))
    for f in found:
        if f.used:
            continue
        style = next((s for (a, b), s in quotes if a <= f.pos < b), f.style)
        counts[style].add(Counts(fp=1))
    return dict(counts)


def _match(found: list[_Found], rng: tuple[int, int], role: str | None, name: str, quote: str,
           style: str) -> bool:
    resolved = fold(name) not in fold(quote)  # a pronoun the annotator resolved to the issuer
    pronouns = set(load("assign")["unitlike"]["pronouns"])
    for f in found:
        if f.used or not rng[0] <= f.pos < rng[1] or (role and f.role != role):
            continue
        if (style == "reported") != (f.style == "reported"):
            continue
        if same_name(name, f.names) or (resolved and f.raw in pronouns):
            f.used = True
            return True
    return False


def all_requirements(doc: Document) -> list[Requirement]:
    """Requirements of every task, of the document outside tasks, and of its goals."""
    reqs = [r for t in doc.tasks for r in t.requirements]
    return reqs + list(getattr(doc, "requirements", [])) + list(doc.goals)


def score_requirements(doc: Document, text: str, gold: dict[str, Any]) -> Counts:
    """A requirement counts when read inside its quote with the same op and value (and value_max)."""
    found = [r for r in all_requirements(doc) if r.span is not None]
    used: set[int] = set()
    out = Counts()
    for entry in gold.get("requirements", []):
        rng = _quote_range(text, entry["quote"])
        if rng is None:
            raise ValueError(f"{gold.get('source')}: quote not in text: {entry['quote'][:30]!r}")
        hit = None
        for i, r in enumerate(found):
            if i in used or r.span.end <= rng[0] or r.span.start >= rng[1]:
                continue
            if _same_number(r, entry):
                hit = i
                break
        if hit is None:
            out.fn += 1
        else:
            used.add(hit)
            out.tp += 1
    # Requirements read twice (a task's and its table twin's) are one reading of the text.
    spans = {(r.span.start, r.span.end) for i, r in enumerate(found) if i not in used}
    spans -= {(found[i].span.start, found[i].span.end) for i in used}
    out.fp += len(spans)
    return out


def _same_number(r: Requirement, entry: dict[str, Any]) -> bool:
    def eq(a: Any, b: Any) -> bool:
        if a is None or b is None:
            return a is None and b is None
        return abs(float(a) - float(b)) < 1e-6
    op = entry.get("op")
    return r.op == op and eq(r.value, entry.get("value")) and (op != "range" or eq(r.value_max, entry.get("value_max")))


def region_right(got: dict[str, Any], want: dict[str, Any] | None) -> bool:
    """Right at the deepest level the gold names, and no deeper level invented."""
    want = want or {}
    levels = ("province", "prefecture", "county")
    deepest = max((i for i, k in enumerate(levels) if want.get(k)), default=-1)
    if deepest < 0:
        return not any(got.get(k) for k in levels)
    for i, k in enumerate(levels):
        g, w = fold(got.get(k) or ""), fold(want.get(k) or "")
        if i <= deepest and w and g != w and not _same_place(got.get(k) or "", want.get(k) or ""):
            return False
        if i > deepest and g:
            return False
    return True


def _same_place(a: str, b: str) -> bool:
    """关岭县 and 关岭布依族苗族自治县, 余江县 and 余江区: one division under two of its names."""
    from policykit.china.places import gazetteer

    gz = gazetteer()
    return bool({d.code for d in gz.lookup(a)} & {d.code for d in gz.lookup(b)})


def title_right(got: str | None, want: str | None) -> bool:
    return fold(got or "") == fold(want or "")
