"""The drafter's data files (``policykit/data/draft/*.toml``), read once."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from policykit.datafiles import bundled


@dataclass(frozen=True)
class Vocabulary:
    """What ``adapt.toml`` and ``wording.toml`` say, ready to use."""

    protected_words: dict[str, tuple[str, ...]]
    level_words: tuple[str, ...]  # with {L} for the level: "{L}政府"
    prefecture_words: tuple[str, ...]  # with {P} for the prefecture's level: "省{P}"
    generic_unit: re.Pattern[str]
    basis: re.Pattern[str]  # 根据《…》《…》: group 1 is the run of titles
    tasks_section: re.Pattern[str]
    attachment: re.Pattern[str]
    trailer: re.Pattern[str]
    wording: dict[str, Any]
    punctuation: dict[str, str]


def _read(name: str) -> dict[str, Any]:
    return bundled("draft", name)


@functools.lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The bundled vocabulary: ``vocabulary().protected_words["市"]`` holds ``"城市"``."""
    adapt = _read("adapt.toml")
    wording = _read("wording.toml")
    sections = adapt["sections"]
    return Vocabulary(
        protected_words={k: tuple(v) for k, v in adapt["protected_words"].items()},
        level_words=tuple(adapt["level_words"]),
        prefecture_words=tuple(adapt["prefecture_words"]),
        generic_unit=re.compile(adapt["generic_unit"]),
        basis=re.compile("(?:" + "|".join(map(re.escape, adapt["basis_words"])) + ")"
                         r"((?:《[^《》\n]{1,120}》[、和及与]?)+)"),
        tasks_section=re.compile(sections["tasks"]),
        attachment=re.compile(sections["attachment"]),
        trailer=re.compile(sections["trailer"]),
        wording={k: v for k, v in wording.items() if k != "punctuation"},
        punctuation=dict(wording["punctuation"]),
    )
