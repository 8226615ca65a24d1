"""The unit registry: ``policykit/data/units.toml`` (plus a user's file) → lookup tables.

Every name a plan may write for a function ("市场监管局", "工商局", "卫健委") becomes
an ``Alias`` keyed by its punctuation-normalised form; matching is then a dict look-up
per substring length.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from policykit.china.levels import unit_prefixes
from policykit.datafiles import bundled, user_file
from policykit.errors import InputError
from policykit.text import normalise as normalise_punct
from policykit.text import simplified_table

KINDS = ("government", "party", "judicial", "mass", "township", "generic", "other")
# {L} in a name stands for one single-character level: 团{L}委 → 团市委, 团区委 …
_LEVEL_SLOT = "{L}"
EXACT = 1.0
DERIVED = 0.9  # a bare function word plus a suffix the data did not list ("卫生健康" + "委")


@dataclass(frozen=True)
class Alias:
    """One written form: "卫健委" → canonical "卫生健康"."""

    canonical: str
    kind: str
    note: str | None = None
    level: str | None = None  # a level written inside the name: 团市委 → 市
    confidence: float = EXACT
    form: str = "names"  # the data group it came from: names, combined, former, regional, bare, derived


@dataclass(frozen=True)
class Function:
    """One function of government: 教育, 公安, 乡镇街道 …"""

    canonical: str
    kind: str
    standard: str
    province: str | None = None
    branch: bool = False
    place_prefix: bool = False
    keep_name: bool = False


@dataclass
class Registry:
    """Lookup tables built from the registry data; see docs/units.md for the file format."""

    functions: dict[str, Function]
    aliases: dict[str, Alias]
    levels: tuple[str, ...]
    qualifiers: tuple[str, ...] = ()
    implied: dict[str, str] = field(default_factory=dict)
    trailing: tuple[str, ...] = ()
    leading: tuple[str, ...] = ()
    leading_numbering: re.Pattern[str] | None = None
    generic_tails: tuple[str, ...] = ()
    closing_tails: tuple[str, ...] = ()
    closing_counted: re.Pattern[str] | None = None
    suffixes: tuple[str, ...] = ()
    branch_suffixes: tuple[str, ...] = ()
    connectors: tuple[str, ...] = ()
    collective_words: tuple[str, ...] = ()
    collective_self: frozenset[str] = frozenset()
    generic_endings: tuple[str, ...] = ()
    endings: tuple[tuple[str, str], ...] = ()  # (ending, canonical): an unknown name read by how it ends
    fallback_endings: tuple[tuple[str, str], ...] = ()  # the same, when no registry name is close
    joined_names: tuple[str, ...] = ()  # names with a separator inside: 各县、市、区政府
    leader_titles: tuple[str, ...] = ()  # 副县长, 县委常委: a person, not a unit
    topic_endings: tuple[str, ...] = ()  # 领导小组办公室, 专班: any topic may come before
    legal_suffixes: tuple[str, ...] = ()  # 有限公司: a company's legal form after its name
    unit_endings: tuple[str, ...] = ()
    needs_level: tuple[str, ...] = ()  # 委…: a name only after a level or region (县委组织部)
    alias_lengths: tuple[int, ...] = ()
    guessable: tuple[str, ...] = ()  # names a fuzzy guess may pick: not those that need a level

    def lookup(self, name: str) -> Alias | None:
        """"卫健委" → Alias(canonical="卫生健康", …); None when the name is not listed."""
        return self.aliases.get(key(name))

    def memo(self, name: str, limit: int = 50_000) -> dict[Any, Any]:
        """A cache of pure readings over this registry (a text's split, its best whole match), kept on
        the registry so that another registry never sees it; emptied when it grows past ``limit``."""
        caches = self.__dict__.setdefault("_memo", {})
        cache = caches.setdefault(name, {})
        if len(cache) > limit:
            cache.clear()
        return cache


def key(name: str) -> str:
    """The form names are compared in: ASCII punctuation, simplified characters, no spaces.

    "各乡镇（街道）" → "各乡镇(街道)"; "縣衛生健康委" → "县卫生健康委".
    """
    return "".join(normalise_punct(name).translate(simplified_table()).split())


def simplified(text: str) -> str:
    """ASCII punctuation and simplified characters, one character for one: "各區、縣" → "各区、县"."""
    return normalise_punct(text).translate(simplified_table())



_GROUP_NOTES = {
    "combined": "combined bureau: first function taken ({canonical})",
    "former": "pre-2018 name, now {canonical}",
    "regional": "regional form of {standard}",
}


def _levels_single(levels: list[str]) -> list[str]:
    return [lv for lv in levels if len(lv) == 1]


def _expand(name: str, levels: list[str]) -> list[tuple[str, str | None]]:
    """"团{L}委" → [("团市委", "市"), ("团区委", "区"), …]; a name without {L} → [(name, None)]."""
    if _LEVEL_SLOT not in name:
        return [(name, None)]
    return [(name.replace(_LEVEL_SLOT, lv), lv) for lv in _levels_single(levels)]


def _note_for(group: str, canonical: str, standard: str, name: str, notes: dict[str, str]) -> str | None:
    """The note a name carries: its own from [function.notes], else what its data group says."""
    if name in notes:
        return notes[name]
    return _GROUP_NOTES.get(group, "").format(canonical=canonical, standard=standard) or None


def _check_function(entry: dict[str, Any], path: str) -> None:
    canonical = entry.get("canonical")
    if not isinstance(canonical, str) or not canonical:
        raise InputError(path, f"a [[function]] has no canonical name: {entry!r:.80}")
    kind = entry.get("kind", "other")
    if kind not in KINDS:
        raise InputError(path, f"function {canonical}: kind {kind!r} is not one of {', '.join(KINDS)}")
    for list_key in ("names", "bare", "combined", "former", "bare_former", "regional"):
        value = entry.get(list_key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise InputError(path, f"function {canonical}: {list_key} must be a list of names")


def _merge(base: dict[str, Any], extra: dict[str, Any], path: str) -> dict[str, Any]:
    """A user's file adds functions, adds names to existing ones, and overrides scalar fields."""
    levels = dict(base.get("levels", {}))
    for name, value in extra.get("levels", {}).items():
        if isinstance(value, list) and isinstance(levels.get(name), list):
            levels[name] = list(dict.fromkeys(value + levels[name]))
        elif isinstance(value, dict) and isinstance(levels.get(name), dict):
            levels[name] = {**levels[name], **value}
        else:
            levels[name] = value
    by_canonical = {f["canonical"]: dict(f) for f in base.get("function", [])}
    for entry in extra.get("function", []):
        _check_function(entry, path)
        current = by_canonical.setdefault(entry["canonical"], {"canonical": entry["canonical"]})
        for name, value in entry.items():
            if isinstance(value, list):
                current[name] = list(current.get(name, [])) + value
            elif isinstance(value, dict):
                current[name] = {**current.get(name, {}), **value}
            else:
                current[name] = value
    return {"levels": levels, "function": list(by_canonical.values()), "overrides": extra.get("function", [])}


def _endings(table: dict[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(((key(e), c) for e, c in table.items()), key=lambda ec: len(ec[0]), reverse=True))


def build(data: dict[str, Any], path: str = "units.toml") -> Registry:
    """Registry data (the parsed TOML) → lookup tables; a name listed under two functions is an error."""
    lv = data.get("levels", {})
    # the administrative levels (policykit.china.levels) and any a user's file adds
    levels = sorted(dict.fromkeys([*lv.get("prefixes", []), *unit_prefixes()]), key=len, reverse=True)
    functions: dict[str, Function] = {}
    explicit: dict[str, Alias] = {}
    derived: dict[str, Alias] = {}
    # Names a user's file lists win over the bundled data (the point of --registry).
    override = {key(n): e["canonical"] for e in data.get("overrides", []) for n in e.get("names", [])}
    suffixes = list(lv.get("suffixes", []))
    for entry in data.get("function", []):
        _check_function(entry, path)
        canonical, kind = entry["canonical"], entry.get("kind", "other")
        functions[canonical] = Function(
            canonical=canonical, kind=kind, standard=entry.get("standard", canonical),
            province=entry.get("province"), branch=bool(entry.get("branch", False)),
            place_prefix=bool(entry.get("place_prefix", False)), keep_name=bool(entry.get("keep_name", False)))
        notes = {key(k): v for k, v in entry.get("notes", {}).items()}
        standard = entry.get("standard", canonical)
        for group in ("names", "combined", "former", "regional"):
            for written in entry.get(group, []):
                for name, level in _expand(written, levels):
                    k = key(name)
                    alias = Alias(canonical, kind, _note_for(group, canonical, standard, k, notes), level, form=group)
                    previous = explicit.get(k)
                    if previous and previous.canonical != canonical and override.get(k) not in (None, canonical):
                        continue
                    if previous and previous.canonical != canonical and k not in override:
                        raise InputError(path, f"{name} is listed under both {previous.canonical} and {canonical}")
                    if previous and previous.canonical == canonical and previous.note and not alias.note:
                        alias = previous
                    explicit[k] = alias
        for group in ("bare", "bare_former"):
            group_note = f"pre-2018 name, now {canonical}" if group == "bare_former" else None
            for word in entry.get(group, []):
                k = key(word)
                derived.setdefault(k, Alias(canonical, kind, notes.get(k, group_note), None, EXACT, group))
                for suffix in suffixes:
                    derived.setdefault(k + suffix, Alias(canonical, kind, group_note, None, DERIVED, "derived"))
    aliases = {**derived, **explicit}
    needs_level = tuple(key(w) for w in lv.get("needs_level", []))
    return Registry(
        functions=functions,
        aliases=aliases,
        levels=tuple(levels),
        qualifiers=tuple(lv.get("qualifiers", [])),
        implied=dict(lv.get("implied", {})),
        trailing=tuple(sorted(lv.get("trailing", []), key=len, reverse=True)),
        leading=tuple(sorted(lv.get("leading", []), key=len, reverse=True)),
        leading_numbering=re.compile(lv["leading_numbering"]) if lv.get("leading_numbering") else None,
        generic_tails=tuple(sorted((key(t) for t in lv.get("generic_tails", [])), key=len, reverse=True)),
        closing_tails=tuple(sorted((key(t) for t in lv.get("closing_tails", [])), key=len, reverse=True)),
        closing_counted=re.compile(lv["closing_counted"]) if lv.get("closing_counted") else None,
        suffixes=tuple(suffixes),
        branch_suffixes=tuple(sorted(lv.get("branch_suffixes", []), key=len, reverse=True)),
        connectors=tuple(sorted(lv.get("connectors", []), key=len, reverse=True)),
        collective_words=tuple(sorted(lv.get("collective_words", []), key=len, reverse=True)),
        collective_self=frozenset(lv.get("collective_self", [])),
        generic_endings=tuple(sorted((key(e) for e in lv.get("generic_endings", [])), key=len, reverse=True)),
        endings=_endings(data.get("endings", {})),
        fallback_endings=_endings(data.get("fallback_endings", {})),
        joined_names=tuple(sorted((k for k in explicit if any(c in k for c in "、,;")), key=len, reverse=True)),
        leader_titles=tuple(sorted((key(t) for t in lv.get("leader_titles", [])), key=len, reverse=True)),
        topic_endings=tuple(sorted((key(t) for t in lv.get("topic_endings", [])), key=len, reverse=True)),
        legal_suffixes=tuple(sorted((key(t) for t in lv.get("legal_suffixes", [])), key=len, reverse=True)),
        unit_endings=tuple(lv.get("unit_endings", [])),
        needs_level=needs_level,
        alias_lengths=tuple(sorted({len(k) for k in aliases}, reverse=True)),
        guessable=tuple(k for k in aliases if not k.startswith(needs_level)),
    )


@functools.lru_cache(maxsize=1)
def _bundled_data() -> dict[str, Any]:
    return bundled("units.toml")


@functools.lru_cache(maxsize=8)
def _load_cached(extra: str | None) -> Registry:
    data = _bundled_data()
    if extra is None:
        return build(data)
    return build(_merge(data, user_file(Path(extra)), extra), extra)


def load_registry(extra_path: str | Path | None = None) -> Registry:
    """The bundled registry, plus ``extra_path`` (same format) adding or overriding entries.

    ``load_registry().lookup("卫健委").canonical`` → ``"卫生健康"``.
    """
    return _load_cached(str(extra_path) if extra_path is not None else None)


def default_registry(registry: Registry | str | Path | None = None) -> Registry:
    """What the public functions accept as ``registry``: a Registry, a path to an extra file, or None."""
    if isinstance(registry, Registry):
        return registry
    return load_registry(registry)
