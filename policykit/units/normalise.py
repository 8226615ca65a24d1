"""One written unit name → ``Unit``: exact registry name → rules → fuzzy guess.

"区卫生健康 委" → name "区卫生健康委", canonical "卫生健康", level "区".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policykit.model import Unit
from policykit.text import gloss_spans
from policykit.units.match import Match, best_whole, is_place
from policykit.units.registry import DERIVED, Registry, key

FUZZY_GUESS = 60  # rapidfuzz ratio below which no canonical is guessed at all
# Kinds a document's region is passed on to: a generic reference has no region of its own.
_REGIONAL = {"government", "party", "judicial", "mass", "township", "other"}
# Kinds that take no level from the document or the list: "各乡镇(街道)" is not a 市 unit.
_COLLECTIVE = {"township", "generic"}


@dataclass
class Cleaned:
    """A name with wrap spaces and stray words removed; ``chars`` are its positions in the input."""

    name: str  # as written, without wraps: "区卫生健康委"
    compared: str  # registry.key(name)
    chars: list[int]


def compact(text: str) -> Cleaned:
    """Drop whitespace (and a mirror's pinyin glosses, "區(qū)"), remembering where each kept character
    was: "区卫 生" → "区卫生", [0, 1, 3]."""
    glossed = {i for a, b in gloss_spans(text) for i in range(a, b)}
    chars = [i for i, ch in enumerate(text) if not ch.isspace() and i not in glossed]
    name = "".join(text[i] for i in chars)
    return Cleaned(name, key(name), chars)


def _strip_words(reg: Registry, c: Cleaned) -> Cleaned:
    """"市公安局牵头" → "市公安局"; "由市教育局" → "市教育局"; "公安局等" → "公安局"."""
    s, lo, hi = c.compared, 0, len(c.compared)
    changed = True
    while changed:
        changed = False
        for word in reg.trailing + reg.closing_tails:
            if hi - lo > len(word) and s.endswith(word, lo, hi):
                hi -= len(word)
                changed = True
        counted = reg.closing_counted.search(s, lo, hi) if reg.closing_counted else None
        if counted and counted.start() > lo:  # "水利局等多部门": the count closes the list
            hi = counted.start()
            changed = True
        for word in reg.leading:
            if hi - lo > len(word) and s.startswith(word, lo, hi):
                lo += len(word)
                changed = True
    return Cleaned(c.name[lo:hi], s[lo:hi], c.chars[lo:hi])


def clean(reg: Registry, text: str) -> Cleaned:
    """``compact`` then ``_strip_words``: what is left is the name itself."""
    return _strip_words(reg, compact(text))


def _region(kind: str, level: str | None, region_hint: str | None, doc_level: str | None) -> str | None:
    """The document's region applies to its own units, not to a 市 bureau named in a 区 plan."""
    if kind in _REGIONAL and (level is None or doc_level is None or level == doc_level):
        return region_hint
    return None


def unit_from_match(reg: Registry, raw: str, name: str, m: Match, *, level_hint: str | None,
                    region_hint: str | None, doc_level: str | None) -> tuple[Unit, bool]:
    """A match → Unit, and whether the level was written in the name itself."""
    written = m.level
    level = written or _implied_level(reg, name)
    if level is None and m.alias.kind not in _COLLECTIVE and m.collective is None:
        level = level_hint
    region = m.region or _region(m.alias.kind, level, region_hint, doc_level)
    note = m.alias.note
    if m.collective in reg.collective_words and m.alias.kind not in _COLLECTIVE:
        note = "collective: every such unit"
    elif m.collective and m.alias.kind not in _COLLECTIVE:
        note = f"collective: one in each of {m.collective}"
    if m.also:
        note = f"also named {m.also}" + (f"; {note}" if note else "")
    if m.branch:
        note = f"branch of {reg.functions[m.alias.canonical].standard} ({m.region})"
    unit = Unit(raw=raw, name=name, canonical=m.alias.canonical, level=level, region=region,
                kind=m.alias.kind, known=True, confidence=m.confidence, note=note)  # type: ignore[arg-type]
    return unit, written is not None


def _implied_level(reg: Registry, name: str) -> str | None:
    """"商务厅" → "省": a level the name's ending implies."""
    for ending, level in reg.implied.items():
        if name.endswith(ending):
            return level
    return None


def strip_level(reg: Registry, s: str) -> tuple[str, str | None]:
    """"区绿化市容局" → ("绿化市容局", "区")."""
    for level in reg.levels:
        if s.startswith(level) and len(s) > len(level):
            return s[len(level):], level
    return s, None


def _generic_by_ending(reg: Registry, raw: str, c: Cleaned) -> Unit | None:
    """"县直及省市驻民各单位" → a generic reference: whatever precedes 各单位 only narrows it."""
    for ending in reg.generic_endings:
        if c.compared.endswith(ending) and len(c.compared) > len(ending):
            level = strip_level(reg, c.compared)[1]
            alias = reg.aliases.get(ending)
            canonical = alias.canonical if alias is not None else None
            return Unit(raw=raw, name=c.name, canonical=canonical, level=level, region=None, kind="generic",
                        known=True, confidence=DERIVED, note=f"generic reference (ends with {ending})")
    return None


def _inside_known(reg: Registry, raw: str, c: Cleaned, *, level_hint: str | None, region_hint: str | None,
                  doc_level: str | None) -> Unit | None:
    """"大理市公安局环食药侦(森警)大队", "平坝区畜牧服务中心水产站": an office inside a unit the registry
    knows takes that unit's function; "市委社会工委市民政局" (two names of one body) the last name's."""
    s = c.compared
    for cut in range(len(s) - 2, 2, -1):
        rest = s[cut:]
        if not any(rest.endswith(e) for e in reg.unit_endings) and not _BRACKETED_END.search(rest):
            continue
        head = best_whole(reg, s[:cut])
        if head is None or head.oddity > 1:
            continue
        tail = best_whole(reg, rest)
        # the tail is the body's other name only when it is a whole name of its own, written with its
        # level or place (市委社会工委|市民政局); "县教育局党组" is the bureau's, not a party committee
        m = tail if tail is not None and tail.oddity == 0 and (tail.level or tail.region) else head
        unit = unit_from_match(reg, raw, c.name, m, level_hint=level_hint, region_hint=region_hint,
                               doc_level=doc_level)[0]
        unit.known, unit.confidence = False, DERIVED
        unit.note = f"inside {s[:cut]}" if m is head else f"also named {s[:cut]}"
        return unit
    return None


def _division(reg: Registry, raw: str, c: Cleaned) -> Unit | None:
    """"哈尔滨市", "五华区" alone in a list or a table's row: that division's government."""
    from policykit.china.levels import level_of
    from policykit.china.places import gazetteer

    name = c.compared
    if len(name) < 3 or "人民政府" not in reg.functions or not gazetteer().lookup(name):
        return None
    lv = level_of(name)
    level = lv.word if lv is not None else name[-1]
    return Unit(raw=raw, name=c.name, canonical="人民政府", level=level, region=name, kind="government",
                known=True, confidence=DERIVED, note="a division named alone: its government")


def _by_ending(reg: Registry, raw: str, c: Cleaned, level_hint: str | None,
               endings: tuple[tuple[str, str], ...]) -> Unit | None:
    """"县兴华民间戏剧艺术协会" → 社会组织, "巨能实业公司" → 企业: a name read by its ending (``[endings]``)."""
    core = _BRACKETED_END.sub("", c.compared) or c.compared
    for ending, canonical in endings:
        if core.endswith(ending) and len(core) > len(ending) and canonical in reg.functions:
            level = strip_level(reg, c.compared)[1]
            fn = reg.functions[canonical]
            return Unit(raw=raw, name=c.name, canonical=canonical, level=level or level_hint, kind=fn.kind,  # type: ignore[arg-type]
                        known=False, confidence=DERIVED, note=f"read by its ending ({ending})")
    return None


_BRACKETED_END = re.compile(r"[((][^()()]*[))]$")


def fuzzy_unit(reg: Registry, raw: str, c: Cleaned, *, level_hint: str | None,
               region_hint: str | None, doc_level: str | None) -> Unit:
    """No registry reading: the closest registry name as a guess, ``known`` false."""
    from rapidfuzz import fuzz, process

    core, level = strip_level(reg, c.compared)
    # one character ("委") is too little to guess a name from
    best = process.extractOne(core, reg.guessable, scorer=fuzz.ratio) if len(core) > 1 else None
    level = level or level_hint
    if best is None or best[1] < FUZZY_GUESS:
        return Unit(raw=raw, name=c.name, canonical=None, level=level,
                    region=_region("other", level, region_hint, doc_level), kind="other", known=False,
                    confidence=0.0, note="not in the unit registry")
    alias = reg.aliases[best[0]]
    return Unit(raw=raw, name=c.name, canonical=alias.canonical, level=level,
                region=_region(alias.kind, level, region_hint, doc_level), kind=alias.kind,  # type: ignore[arg-type]
                known=False, confidence=round(best[1] / 100, 2), note=f"fuzzy guess: closest to {best[0]}")


_CJK = range(0x4E00, 0xA000)


def leader_title(reg: Registry, s: str) -> str | None:
    """"县委常委、常务副县长王大雷" → "常务副县长": the title of a person named where a unit should be."""
    for title in reg.leader_titles:
        at = s.rfind(title)
        rest = s[at + len(title):] if at >= 0 else ""
        if at >= 0 and len(rest) <= 3 and all(ord(ch) in _CJK for ch in rest) and not any(
                rest.endswith(e) for e in reg.unit_endings):
            return title
    return None


def topic_ending(reg: Registry, s: str) -> str | None:
    """"行政审批制度改革工作领导小组办公室" → "工作领导小组办公室": a coordination body named by topic."""
    return next((e for e in reg.topic_endings if s.endswith(e) and len(s) > len(e) and e in reg.aliases), None)


def whole_by_rule(reg: Registry, s: str) -> bool:
    """A piece that is one unit by a rule (leader, coordination body, generic ending), not by the registry."""
    return bool(leader_title(reg, s) or topic_ending(reg, s)
                or any(s.endswith(e) and len(s) > len(e) for e in reg.generic_endings))


def _by_rule(reg: Registry, raw: str, c: Cleaned, level_hint: str | None) -> Unit | None:
    """A leader (unknown, flagged) or a coordination body named by its topic (工作专班)."""
    title = leader_title(reg, c.compared)
    if title is not None:
        return Unit(raw=raw, name=c.name, canonical=None, kind="other", known=False, confidence=0.0,
                    note=f"a leader ({title}), not a unit")
    ending = topic_ending(reg, c.compared)
    if ending is None:
        return None
    core, level = strip_level(reg, c.compared)
    alias = reg.aliases[ending]
    topic = core[:len(core) - len(ending)]
    return Unit(raw=raw, name=c.name, canonical=alias.canonical, level=level or level_hint, kind=alias.kind,  # type: ignore[arg-type]
                known=True, confidence=DERIVED, note=f"coordination body ({topic})")


def resolve(reg: Registry, raw: str, c: Cleaned, *, level_hint: str | None = None,
            region_hint: str | None = None, doc_level: str | None = None) -> tuple[Unit, bool]:
    """A cleaned name → (Unit, level written in the name?)."""
    m = best_whole(reg, c.compared) if c.compared else None
    if m is not None:
        return unit_from_match(reg, raw, c.name, m, level_hint=level_hint, region_hint=region_hint,
                               doc_level=doc_level)
    if not c.compared:
        return Unit(raw=raw, name=c.name, canonical=None, kind="other", known=False,
                    note="empty unit name"), False
    ruled = _by_rule(reg, raw, c, level_hint)
    if ruled is not None:
        return ruled, strip_level(reg, c.compared)[1] is not None
    generic = _generic_by_ending(reg, raw, c)
    if generic is not None:
        return generic, strip_level(reg, c.compared)[1] is not None
    place = _division(reg, raw, c)
    if place is not None:
        return place, False
    inner = _inside_known(reg, raw, c, level_hint=level_hint, region_hint=region_hint, doc_level=doc_level)
    if inner is not None:
        return inner, strip_level(reg, c.compared)[1] is not None
    ended = _by_ending(reg, raw, c, level_hint, reg.endings)
    if ended is not None:
        return ended, strip_level(reg, c.compared)[1] is not None
    unit = fuzzy_unit(reg, raw, c, level_hint=level_hint, region_hint=region_hint, doc_level=doc_level)
    if unit.canonical is None:
        unit = _by_ending(reg, raw, c, level_hint, reg.fallback_endings) or unit
    return unit, strip_level(reg, c.compared)[1] is not None


def complete_shortened(reg: Registry, c: Cleaned, following: Cleaned) -> tuple[Cleaned, Cleaned] | None:
    """Shortened coordination: "赣州" before "龙南经济技术开发区管委会" → "赣州经济技术开发区管委会".

    Only a bare place name (no unit word of its own) is completed, from the next name's
    region; returns (the completed name, the borrowed part) or None when that does not apply.
    """
    if (not 2 <= len(c.compared) <= 6 or not is_place(c.compared) or reg.lookup(c.compared)
            or best_whole(reg, c.compared) is not None):
        return None
    m = best_whole(reg, following.compared)
    if m is None or m.region is None or m.branch or not following.compared.startswith(m.region):
        return None
    body = following.name[len(m.region):]
    # 雄县、容城、安新县委: 容城 takes the level word its neighbour wrote (容城县委), 雄县 has its own
    level = next((lv for lv in reg.levels if m.region.endswith(lv) and len(m.region) > len(lv)), "")
    if level and not any(c.compared.endswith(lv) for lv in reg.levels):
        body = level + body
    borrowed = Cleaned(body, key(body), [])
    return Cleaned(c.name + body, key(c.name + body), c.chars), borrowed


def shortened_unit(reg: Registry, raw: str, c: Cleaned, completed: Cleaned, borrowed: Cleaned, *,
                   region_hint: str | None, doc_level: str | None) -> Unit:
    """The unit a completed shortened name stands for; the bare place is its region."""
    unit, _ = resolve(reg, raw, completed, region_hint=region_hint, doc_level=doc_level)
    if not unit.known:
        unit, _ = resolve(reg, raw, borrowed, region_hint=region_hint, doc_level=doc_level)
        unit.name, unit.region = completed.name, c.name
        unit.level = next((lv for lv in reg.levels if c.compared.endswith(lv)), unit.level)
    if unit.known:
        unit.note = f"shortened coordination: {c.name} + {borrowed.name}"
    return unit
