"""Text and unit adaptation: a source plan's words → the new county's.

``adapt_text("全市各校(园)由市教育体育局、市市场监督管理局负责", adapter)`` for 建水县 →
``"全县各校(园)由县教育体育局、县市场监督管理局负责"``: region names and level
prefixes follow the profile, words such as 城市, 市场, 超市 stay, titles of
upstream documents 《…》 keep their level words.  What the profile does not
settle (an upstream document from another province, a number, an unknown unit)
comes back as a ``Piece`` with a ``review`` reason: the drafter highlights it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from policykit.drafting.numerals import chinese_forms
from policykit.drafting.regions import Region, source_region, target_region
from policykit.drafting.vocabulary import Vocabulary, vocabulary
from policykit.model import Deadline, Document, Requirement, Unit
from policykit.profile import Profile

_TITLE = re.compile(r"《[^《》\n]{1,120}》")


@dataclass
class Piece:
    """A stretch of draft text; ``review`` says why the drafter must check it (it is highlighted)."""

    text: str
    review: str | None = None
    fixed: bool = False  # settled by the profile (its basis, its unit names): not adapted again


@dataclass
class Adapter:
    """Everything adaptation needs, built once per draft by ``make_adapter``."""

    source: Region
    target: Region
    profile: Profile
    vocab: Vocabulary
    unit_names: dict[str, str] = field(default_factory=dict)  # a source unit name → the profile's
    subjects: Counter[str] = field(default_factory=Counter)  # requirement subject → how many in the source
    _replacements: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    _pattern: re.Pattern[str] | None = None


def make_adapter(doc: Document, profile: Profile) -> Adapter:
    """The adapter for drafting ``profile``'s plan from ``doc``."""
    adapter = Adapter(source_region(doc), target_region(profile), profile, vocabulary())
    adapter.subjects = Counter(r.subject for r in _requirements(doc) if r.subject)
    source = adapter.source
    for task in doc.tasks:
        for unit in [*task.lead, *task.co]:
            mapped = profile.units.get(unit.canonical or "")
            for written in {unit.name, "".join(unit.raw.split())} if mapped else ():
                # Only a name that says whose it is ("市教育体育局", "公安青浦分局") is replaced in
                # running text; a bare "公安" would also hit 公安部门, 公安机关.
                if written.startswith(source.level or "\0") or (source.county_short or "\0") in written:
                    adapter.unit_names[written] = mapped
    _build_pattern(adapter)
    return adapter


def _requirements(doc: Document) -> list[Requirement]:
    """Every requirement of the source: goals, then each task's, each written once (body and list)."""
    seen: set[str] = set()
    out = list(doc.goals)
    for task in doc.tasks:
        for req in task.requirements:
            if task.origin == "table" and task.same_as and req.text in seen:
                continue
            seen.add(req.text)
            out.append(req)
    return out


def _region_replacements(adapter: Adapter) -> dict[str, tuple[str, str | None]]:
    """Source place names → target ones; a different prefecture or province is flagged."""
    out: dict[str, tuple[str, str | None]] = {}
    for (kind, name), (_, new) in zip(_full_short(adapter.source), _full_short(adapter.target), strict=True):
        if not name or not new or name == new:
            continue
        review = None if kind == "county" else f"upstream {kind} named in the source: {name} → {new}"
        out[name] = (new, review)
    return out


def _full_short(region: Region) -> list[tuple[str, str | None]]:
    """(kind, name) for full and short forms in a fixed order, missing ones as None."""
    return [("county", region.county), ("county", region.county_short),
            ("prefecture", region.prefecture), ("prefecture", region.prefecture_short),
            ("province", region.province), ("province", region.province_short)]


def _prefecture_words(adapter: Adapter) -> dict[str, tuple[str, str | None]]:
    """省州, 全州, 州级 … for the profile's prefecture: 红河州 → 湖州市 gives 省州 → 省市, flagged.

    The same prefecture: the words stay.  Another one: they name other bodies and are
    flagged, with the level word swapped when the profile's prefecture has another.
    """
    source, target, vocab = adapter.source, adapter.target, adapter.vocab
    level = source.prefecture_level(vocab)
    if not level or level == source.level:  # a 市 county under a 市: 市级 is the county's own word
        return {}
    new_level = target.prefecture_level(vocab)
    out: dict[str, tuple[str, str | None]] = {}
    for word in vocab.prefecture_words:
        old = word.replace("{P}", level)
        new = word.replace("{P}", new_level or level)
        if target.prefecture == source.prefecture:
            out[old] = (old, None)
        elif new != old:
            out[old] = (new, f"{old} → {new}: the source's {source.prefecture} is a {level}, "
                             f"{target.prefecture} a {new_level}: check it")
        else:
            out[old] = (old, f"{old} named the source's {source.prefecture}: "
                             f"check it for {target.prefecture or target.county}")
    return out


def _build_pattern(adapter: Adapter) -> None:
    """One regex alternation, longest first, so "市市场监督管理局" reads as 市 + 市场."""
    table: dict[str, tuple[str, str | None]] = {}
    level = adapter.source.level
    for word in adapter.vocab.protected_words.get(level or "", ()):
        table[word] = (word, None)
    if level and adapter.target.level:
        for word in adapter.vocab.level_words:
            table[word.replace("{L}", level)] = (word.replace("{L}", adapter.target.level), None)
    for name in [*adapter.vocab.provinces, *(n for _, n in adapter.target.names())]:
        table[name] = (name, None)
    table.update(_prefecture_words(adapter))
    table.update(_region_replacements(adapter))
    for written, mapped in adapter.unit_names.items():
        table[written] = (mapped, None)
    adapter._replacements = table
    keys = sorted(table, key=len, reverse=True)
    swap = [re.escape(level)] if level and adapter.target.level and level != adapter.target.level else []
    alternatives = [_TITLE.pattern, *(re.escape(k) for k in keys), *swap]
    adapter._pattern = re.compile("|".join(alternatives))


def adapt_text(text: str, adapter: Adapter) -> list[Piece]:
    """Running text for the new county: ``"全市"`` → ``"全县"``, ``"城市"`` stays, ``"《…》"`` checked as a title."""
    assert adapter._pattern is not None
    pieces: list[Piece] = []
    pos = 0
    for m in adapter._pattern.finditer(text):
        if m.start() > pos:
            pieces.append(Piece(text[pos:m.start()]))
        found = m.group(0)
        if found.startswith("《"):
            pieces.append(adapt_title(found, adapter))
        elif found in adapter._replacements:
            new, review = adapter._replacements[found]
            pieces.append(Piece(new, review))
        else:
            pieces.append(Piece(adapter.target.level or found))
        pos = m.end()
    if pos < len(text):
        pieces.append(Piece(text[pos:]))
    return merge(pieces)


def adapt_title(title: str, adapter: Adapter) -> Piece:
    """An upstream document's title: only place names change, and any change goes to review.

    ``"《红河州教育体育系统…应急预案》"`` stays for 建水县 (same prefecture);
    for 安吉县 it becomes ``"《湖州市教育体育系统…应急预案》"`` with a review note.
    """
    replacements = _region_replacements(adapter)
    new = title
    changed = []
    for name in sorted(replacements, key=len, reverse=True):
        if name in new:
            new = new.replace(name, replacements[name][0])
            changed.append(name)
    if changed:
        return Piece(new, f"document title adapted from {'、'.join(changed)}: check that {new} exists")
    foreign = [p for p in adapter.vocab.provinces if p in title and p != adapter.target.province]
    if foreign:
        return Piece(title, f"upstream document of {foreign[0]}: {title}")
    return Piece(title)


def adapt_pieces(pieces: Iterable[Piece], adapter: Adapter) -> list[Piece]:
    """Adapt every piece not ``fixed``; a piece keeps its review note unless a part of it has its own."""
    out: list[Piece] = []
    for piece in pieces:
        if piece.fixed:
            out.append(piece)
            continue
        for sub in adapt_text(piece.text, adapter):
            out.append(Piece(sub.text, sub.review or piece.review))
    return merge(out)


def replace_basis(text: str, basis: list[str]) -> list[Piece]:
    """The upstream titles after 根据/按照 become the profile's basis: ``"根据《A》《B》,结合"`` → ``"根据《C》,结合"``."""
    if not basis:
        return [Piece(text)]
    m = vocabulary().basis.search(text)
    if not m:
        return [Piece(text)]
    return [Piece(text[:m.start(1)]), Piece("".join(basis), fixed=True), Piece(text[m.end(1):])]


def mark_requirements(text: str, requirements: list[Requirement], adapter: Adapter) -> list[Piece]:
    """Cut ``text`` at each requirement: settled by the profile's [numbers] → new text; else flagged.

    ``"…每年…不少于15天"`` with ``numbers = {"学校专职保安员培训及实操演练" = 20}`` → ``"…不少于20天"``.
    """
    pieces: list[Piece] = []
    pos = 0
    spots = []
    for req in requirements:
        at = text.find(req.text, pos) if req.text else -1
        if at < 0:
            at = text.find(req.text) if req.text else -1
        if at >= 0:
            spots.append((at, req))
    for at, req in sorted(spots, key=lambda s: s[0]):
        if at < pos:
            continue
        pieces.append(Piece(text[pos:at]))
        settled, reason = settle_requirement(req, adapter)
        pieces.append(Piece(req.text, reason) if settled is None else Piece(settled))
        pos = at + len(req.text)
    pieces.append(Piece(text[pos:]))
    return [p for p in pieces if p.text]


def mark_deadlines(pieces: list[Piece], deadlines: list[Deadline], adapter: Adapter) -> list[Piece]:
    """Flag deadlines the new plan cannot keep as written: past on the profile's date, or counted from the source's.

    With ``date = 2024-04-08``: ``"2024年前实现…"`` → ``"2024年前"`` flagged (it ended 2023-12-31);
    ``"3年内实现全覆盖"`` → ``"3年内"`` flagged (three years from the source's date).
    """
    today = adapter.profile.date
    reasons = {}
    for deadline in deadlines:
        if deadline.date and today and deadline.date < today:
            reasons[deadline.text] = f"deadline already past on {today}: {deadline.text} (ended {deadline.date})"
        elif deadline.date and deadline.relative:
            reasons[deadline.text] = (f"deadline counted from the source's date: {deadline.text} "
                                      f"(ends {deadline.date}); restate it for this plan")
    if not reasons:
        return pieces
    pattern = re.compile("|".join(re.escape(t) for t in sorted(reasons, key=len, reverse=True)))
    out: list[Piece] = []
    for piece in pieces:
        if piece.review or piece.fixed:
            out.append(piece)
            continue
        pos = 0
        for m in pattern.finditer(piece.text):
            out.append(Piece(piece.text[pos:m.start()]))
            out.append(Piece(m.group(0), reasons[m.group(0)]))
            pos = m.end()
        out.append(Piece(piece.text[pos:]))
    return merge(out)


def settle_requirement(req: Requirement, adapter: Adapter) -> tuple[str | None, str | None]:
    """The requirement as this county writes it, or (None, why the drafter must check it).

    The profile's [numbers] key is the requirement's text, or its subject when the source
    has only one requirement with that subject: ``{"专职保安员" = 2}`` cannot say which of
    five 专职保安员 numbers it means.  A number replaces the written number; a string the text.
    """
    numbers = adapter.profile.numbers
    value = numbers.get(req.text)
    if value is None and req.subject in numbers:
        if adapter.subjects[req.subject] > 1:
            return None, (f"[numbers] {req.subject!r} is ambiguous ({adapter.subjects[req.subject]} "
                          f"requirements): key it by the text instead: {req.text}")
        value = numbers[req.subject]
    if value is None:
        return None, f"number not settled by the profile's [numbers]: {req.text}"
    if isinstance(value, str):
        return value, None
    new = replace_number(req.text, req.value, value)
    if new is None:
        return None, f"[numbers] value {value} could not be written into: {req.text}"
    return new, None


def replace_number(text: str, old: float | int | None, new: float | int) -> str | None:
    """``replace_number("每年不少于十五天", 15, 20)`` → ``"每年不少于20天"``; None when ``old`` is not written there."""
    new_text = _number_text(new)
    if old is not None:
        m = re.search(rf"(?<![\d.]){re.escape(_number_text(old))}(?![\d.])", text)
        if m:
            return text[:m.start()] + new_text + text[m.end():]
        for written in chinese_forms(old):
            if written in text:
                return text.replace(written, new_text, 1)
        return None
    m = re.search(r"\d+(?:\.\d+)?", text)
    return text[:m.start()] + new_text + text[m.end():] if m else None


def _number_text(value: float | int) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def adapt_unit(unit: Unit, adapter: Adapter) -> Piece:
    """A unit under the new county: the profile's name, else the source name re-levelled.

    ``市教育体育局`` → ``县教育体育局`` (or the profile's ``[units] "教育"``); ``各乡镇(街道)`` stays;
    a unit neither the registry nor the profile knows is flagged.
    """
    mapped = adapter.profile.units.get(unit.canonical or "")
    if mapped:
        return Piece(mapped, fixed=True)
    name = unit.name or "".join(unit.raw.split())
    generic = unit.kind in ("township", "generic") or bool(adapter.vocab.generic_unit.search(name))
    new = plain(adapt_text(name, adapter)) if generic else relevel_name(unit, adapter)
    review = None
    if unit.canonical is None and not generic:
        review = f"unit not in the unit registry nor the profile's [units]: {name} → {new}"
    return Piece(new, review, fixed=True)


def relevel_name(unit: Unit, adapter: Adapter) -> str:
    """The unit's name under the new county's level: ``市司法局`` → ``县司法局``, ``公安青浦分局`` → ``县公安局``.

    ``policykit.units.relevel`` knows the registry (branches, combined bureaus, names that
    stay as they are: 高新区管委会, 中国移动); only an unknown name gets the source's region
    and level prefix swapped for the profile's.
    """
    from policykit.units import relevel

    name = unit.name or "".join(unit.raw.split())
    level = adapter.target.level or ""
    renamed = relevel(unit, level)
    if unit.known or renamed != name:
        return renamed
    new = plain(adapt_text(name, adapter))
    if new.startswith(level) or level in new[:3] or (adapter.target.county_short or "\0") in new:
        return new
    return level + new


def plain(pieces: Iterable[Piece]) -> str:
    """The text of ``pieces`` joined."""
    return "".join(p.text for p in pieces)


def merge(pieces: Iterable[Piece]) -> list[Piece]:
    """Join neighbours that share a review note; drop empty pieces."""
    out: list[Piece] = []
    for piece in pieces:
        if not piece.text:
            continue
        if out and out[-1].review == piece.review and out[-1].fixed == piece.fixed:
            out[-1] = Piece(out[-1].text + piece.text, piece.review, piece.fixed)
        else:
            out.append(piece)
    return out


def full_width(text: str, vocab: Vocabulary | None = None) -> str:
    """ASCII punctuation → full-width for the Word draft, one char for one: ``"(牵头单位:X)"`` → ``"（牵头单位：X）"``.

    ``:`` and ``,`` between digits stay (``600:1``, ``1,000``).
    """
    table = (vocab or vocabulary()).punctuation
    chars = list(text)
    for i, ch in enumerate(chars):
        if ch not in table:
            continue
        between_digits = 0 < i < len(chars) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()
        if ch in ":," and between_digits:
            continue
        chars[i] = table[ch]
    return "".join(chars)
