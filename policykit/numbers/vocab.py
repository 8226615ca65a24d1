"""The requirement vocabulary (policykit/data/requirements.toml) as one read-only object."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from policykit.datafiles import bundled, user_file
from policykit.text import simplified_table


@dataclass(frozen=True)
class Bound:
    """A bound word and what it means: "不少于" → op ">="; "达到" → op ">=", target."""

    word: str
    op: str
    target: bool = False
    yields: bool = False  # "保持在90%以上", "控制在5.5%左右": the word after the number decides the op


@dataclass(frozen=True, eq=False)  # hashed by identity: one object per loaded file
class Vocab:
    """Every list of requirements.toml, longest entry first where matching order matters."""

    units: tuple[str, ...]
    magnitudes: dict[str, int]
    before: tuple[Bound, ...]
    after: tuple[Bound, ...]
    between: dict[str, str]
    verbs: tuple[str, ...]
    verbs_before_object: tuple[str, ...]
    measure_nouns: tuple[str, ...]
    modal_words: tuple[str, ...]
    subject_cut_verbs: tuple[str, ...]
    basis_words: tuple[str, ...]
    target_labels: tuple[str, ...]
    condition_each: re.Pattern[str]
    condition_clause_openers: tuple[str, ...]
    rate_words: tuple[str, ...]
    periods: tuple[str, ...]
    per_density_of: tuple[str, ...]
    per_each_of: tuple[str, ...]
    time_units: tuple[str, ...]
    time_limit_verbs: tuple[str, ...]
    per_openers: tuple[str, ...]
    per_verbs: tuple[str, ...]
    condition_heads: tuple[str, ...]
    condition_openers: tuple[str, ...]
    condition_markers: tuple[str, ...]
    place_units: tuple[str, ...]
    place_markers: tuple[str, ...]
    place_within: tuple[str, ...]
    place_openers: tuple[str, ...]
    condition_blockers: tuple[str, ...]
    subject_strip_prefix: tuple[str, ...]
    subject_strip_suffix: tuple[str, ...]
    subject_keep_prefix: tuple[str, ...]
    group_nouns: tuple[str, ...]
    not_requirements: tuple[re.Pattern[str], ...]
    per_each_staff: tuple[str, ...]
    quote_pairs: tuple[str, ...]
    traditional: dict[int, str]  # str.translate table: 達 → 达


def _longest_first(words: list[str]) -> tuple[str, ...]:
    """["配", "配备"] → ("配备", "配"): longer words are tried first."""
    return tuple(sorted(set(words), key=lambda w: (-len(w), w)))


def _bounds(groups: list[dict]) -> tuple[Bound, ...]:
    """[[before]] tables → Bound entries, longest word first ("不少于" before "少于")."""
    found = [Bound(w, g["op"], bool(g.get("target", False)), bool(g.get("yields", False)))
             for g in groups for w in g["words"]]
    return tuple(sorted(found, key=lambda b: -len(b.word)))


@lru_cache(maxsize=4)
def load_vocab(path: str | None = None) -> Vocab:
    """Read requirements.toml (or a user's copy at ``path``): ``load_vocab().periods[0]`` → "每半年"."""
    data = user_file(path) if path else bundled("requirements.toml")
    return Vocab(
        units=_longest_first(data["units"]),
        magnitudes=dict(data["magnitudes"]),
        before=_bounds(data["before"]),
        after=_bounds(data["after"]),
        between={word: op for op, words in data["between"].items() for word in words},
        verbs=_longest_first(data["verbs"]),
        verbs_before_object=_longest_first(data["verbs_before_object"]),
        measure_nouns=_longest_first(data["measure_nouns"]),
        modal_words=_longest_first(data["modal_words"]),
        subject_cut_verbs=_longest_first(data["subject_cut_verbs"]),
        basis_words=_longest_first(data["basis_words"]),
        target_labels=_longest_first(data["target_labels"]),
        condition_each=re.compile(data["condition_each"]),
        condition_clause_openers=_longest_first(data["condition_clause_openers"]),
        rate_words=_longest_first(data["rate_words"]),
        periods=_longest_first(data["periods"]),
        per_density_of=_longest_first(data["per_density_of"]),
        per_each_of=_longest_first(data.get("per_each_of", [])),
        time_units=_longest_first(data["time_units"]),
        time_limit_verbs=_longest_first(data["time_limit_verbs"]),
        per_openers=_longest_first(data["per_openers"]),
        per_verbs=_longest_first(data["per_verbs"]),
        condition_heads=_longest_first(data["condition_heads"]),
        condition_openers=_longest_first(data["condition_openers"]),
        condition_markers=_longest_first(data["condition_markers"]),
        place_units=_longest_first(data.get("place_units", [])),
        place_markers=_longest_first(data.get("place_markers", [])),
        place_within=_longest_first(data.get("place_within", [])),
        place_openers=_longest_first(data.get("place_openers", [])),
        condition_blockers=_longest_first(data["condition_blockers"]),
        subject_strip_prefix=_longest_first(data["subject_strip_prefix"]),
        subject_strip_suffix=_longest_first(data["subject_strip_suffix"]),
        subject_keep_prefix=_longest_first(data.get("subject_keep_prefix", [])),
        group_nouns=_longest_first(data.get("group_nouns", [])),
        not_requirements=tuple(re.compile(p) for p in data["not_requirements"]),
        per_each_staff=_longest_first(data["per_each_staff"]),
        quote_pairs=tuple(data["quote_pairs"]),
        traditional=simplified_table(),
    )



@lru_cache(maxsize=4)
def load_deadline_words(path: str | None = None) -> dict[str, tuple[str, ...]]:
    """The [deadlines] table of requirements.toml: ``load_deadline_words()["standing"][0]`` → "长期坚持"."""
    table = (user_file(path) if path else bundled("requirements.toml"))["deadlines"]
    return {key: _longest_first(words) for key, words in table.items()}
