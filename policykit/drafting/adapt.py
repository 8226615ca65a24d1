"""Text and unit adaptation: a source plan's words → the new county's.

``adapt_text("全市各校(园)由市教育体育局、市市场监督管理局负责", adapter)`` for 建水县 →
``"全县各校(园)由县教育体育局、县市场监督管理局负责"``: region names and level
prefixes follow the profile, words such as 城市, 市场, 超市 stay, titles of
upstream documents 《…》 keep their level words.  What the profile does not
settle (an upstream document from another province, 省州 for another prefecture,
an unknown unit) comes back as a ``Piece`` with a ``review`` reason: the drafter
highlights it.  Numbers and deadlines are checked in ``settle``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from policykit.china.places import province_names
from policykit.drafting.regions import PlaceNames, source_region, target_region
from policykit.drafting.vocabulary import Vocabulary, vocabulary
from policykit.model import Document, Requirement, Unit
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

    source: PlaceNames
    target: PlaceNames
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


def _full_short(region: PlaceNames) -> list[tuple[str, str | None]]:
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
    level = source.prefecture_level()
    if not level or level == source.level:  # a 市 county under a 市: 市级 is the county's own word
        return {}
    new_level = target.prefecture_level()
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
    for name in [*province_names(), *(n for _, n in adapter.target.names())]:
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
    foreign = [p for p in province_names() if p in title and p != adapter.target.province]
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
