"""Does a piece of text look like unit names?  (Only a shape test; naming units belongs to policykit.units.)"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from policykit.structure.data import load
from policykit.structure.textnorm import norm

_PIECE_SPLIT = re.compile(r"[、,;，；\s]+")
_NOT_UNIT = "。!?“”\"《》:"


@lru_cache(maxsize=1)
def _place_shapes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Two shapes built from the levels of policykit.china.levels and ``[unitlike]`` of
    structure_assign.toml: a township ("良井镇", "长庆街道", "白音套海苏木": its government) and a
    collective of a level ("各县(市)区", "各相关区县", "有关市、县(区)": every government of it)."""
    from policykit.china.levels import Level

    conf = load("assign")["unitlike"]
    towns = [lv.word for lv in Level if lv.tier == "township"] + conf["township_words"]
    chars = "".join(dict.fromkeys(lv.prefix for lv in Level if len(lv.prefix) == 1 and lv.tier != "nation"))
    town = re.compile(rf"[\u4e00-\u9fff]{{2,6}}(?:{'|'.join(map(re.escape, towns))})")
    openers = "|".join(map(re.escape, conf["collective_openers"]))
    bodies = "|".join(map(re.escape, conf["collective_bodies"]))
    collective = re.compile(rf"(?:(?:{openers})[^、,;，；\s]{{0,8}})?[{chars}](?:[(（][^()（）]{{1,8}}[)）])?(?:{bodies})?")
    return town, collective


@lru_cache(maxsize=1)
def _suffix_re() -> re.Pattern[str]:
    conf = load("assign")["unitlike"]
    words = sorted(conf["suffixes"], key=len, reverse=True)
    pron = "|".join(map(re.escape, conf["pronouns"]))
    return re.compile(rf"(?:(?:{'|'.join(map(re.escape, words))})(?:\([^()]{{1,8}}\))?|{pron})$")


def looks_like_unit(piece: str) -> bool:
    """``"市教育体育局"`` / ``"各乡镇(街道)"`` → True; ``"学校宿舍"`` → False."""
    piece = piece.strip()
    if not piece or len(piece) > 40 or any(ch in piece for ch in _NOT_UNIT):
        return False
    if any(w in norm(piece) for w in load("assign")["unitlike"]["not_names"]):
        return False  # "列第一位者为牵头单位": a rule about units, not a name
    town, collective = _place_shapes()
    return bool(_suffix_re().search(piece)) or bool(collective.fullmatch(piece)) or bool(town.fullmatch(piece))


def looks_like_units(text: str) -> bool:
    """A unit list: every piece between 、 , ; and spaces ends like a unit name.

    >>> looks_like_units("市教育体育局、各乡镇(街道)")
    True
    >>> looks_like_units("完善校园安全管理责任制,健全实施细则")
    False
    """
    text = text.strip().rstrip("、,;，；")
    if not text or any(ch in text for ch in "。!?"):
        return False
    pieces = [p for p in _PIECE_SPLIT.split(_strip_tail(text)) if p]
    # wrapped names leave fragments ("区卫生健康 委"): judge the joined text when pieces fail
    return bool(pieces) and (all(map(looks_like_unit, pieces)) or looks_like_unit("".join(pieces)))


def _strip_tail(text: str) -> str:
    """``"A、B等"`` → ``"A、B"``: a closing 等 is grammar, not part of a name."""
    return text[:-1] if text.endswith("等") else text


@lru_cache(maxsize=1)
def unit_list_pattern() -> str:
    """A regex for a unit list inside a sentence (used to fill ``{units}`` in structure_assign.toml)."""
    conf = load("assign")["unitlike"]
    suffixes = "|".join(map(re.escape, sorted(conf["suffixes"], key=len, reverse=True)))
    pron = "|".join(map(re.escape, conf["pronouns"]))
    name = r'[^\s,,。;;:、()!?“”"《》]'
    token = rf"(?:{pron}|{name}{{1,24}}?(?:{suffixes})(?:\([^()]{{1,6}}\))?)"
    return rf"(?:{name}{{1,12}}、)*{token}(?:[、和与及]{token})*(?:等)?"


def heading_unit(title: str, registry: Any = None) -> str | None:
    """The unit a heading names, when it names exactly one the registry knows.

    ``"县教体局"`` → "县教体局"; ``"学校职责"`` → "学校"; ``"县示范区管委会牵头工作(8项)"`` →
    "县示范区管委会"; ``"组建工作专班"`` → None.
    """
    from policykit.units import normalise

    conf = load("assign")["unitlike"]
    title = re.sub(conf["heading_count"], "", norm(title).strip())
    if title.startswith(tuple(conf["heading_verbs"])):
        return None
    for tail in sorted(load("assign")["unitlike"]["heading_tails"], key=len, reverse=True):
        if title.endswith(tail) and len(title) > len(tail):
            title = title[: -len(tail)]
            break
    if len(title) > 20 or not looks_like_unit(title):
        return None
    return title if normalise(title, registry=registry).known else None
