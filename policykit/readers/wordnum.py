"""Word automatic numbering: the 一、/（一）/1./① label Word shows but does not store.

A numbered paragraph holds only ``numId`` and ``ilvl``; ``numbering.xml``
says how each level counts (``numFmt``: chineseCounting, decimal,
decimalEnclosedCircle …), how the label reads (``lvlText`` "（%2）") and when a
level restarts.  ``NumberingState`` replays the counters in document order.

Counters follow Word: lists (``w:num``) that share an ``abstractNum`` count
on together; a list with a ``startOverride`` counts on its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from policykit.china.numerals import digit_by_digit, to_chinese

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_PLACEHOLDER = re.compile(r"%([1-9])")


def _counting(legal: bool = False) -> Callable[[int], str]:
    """Word's Chinese counting formats: 11 → "十一" (legal: "拾壹"); outside 1–9999 the digits."""
    return lambda n: to_chinese(n, legal=legal) if 0 < n < 10000 else str(n)


def _enclosed(first: int, last_n: int) -> Callable[[int], str]:
    return lambda n: chr(first + n - 1) if 1 <= n <= last_n else str(n)


def _letters(base: str) -> Callable[[int], str]:
    # Word repeats the letter: 27 → "aa"
    return lambda n: base[(n - 1) % 26] * ((n - 1) // 26 + 1) if n > 0 else str(n)


def _roman(n: int) -> str:
    out = []
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                       (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, n = divmod(n, value)
        out.append(sym * count)
    return "".join(out)


FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate({ord(c): 0xFF10 + int(c) for c in "0123456789"}),
    "decimalEnclosedCircle": _enclosed(0x2460, 20),  # ①
    "decimalEnclosedCircleChinese": _enclosed(0x2460, 20),
    "decimalEnclosedParen": _enclosed(0x2474, 20),  # ⑴
    "decimalEnclosedFullstop": _enclosed(0x2488, 20),  # ⒈
    "chineseCounting": _counting(),
    "chineseCountingThousand": _counting(),
    "japaneseCounting": _counting(),
    "taiwaneseCounting": _counting(),
    "taiwaneseCountingThousand": _counting(),
    "chineseLegalSimplified": _counting(legal=True),
    "ideographDigital": digit_by_digit,
    "taiwaneseDigital": digit_by_digit,
    "ideographTraditional": lambda n: _STEMS[(n - 1) % 10],  # 甲乙丙丁
    "ideographZodiac": lambda n: _BRANCHES[(n - 1) % 12],  # 子丑寅卯
    "lowerLetter": _letters("abcdefghijklmnopqrstuvwxyz"),
    "upperLetter": _letters("ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    "lowerRoman": lambda n: _roman(n).lower(),
    "upperRoman": _roman,
}


def format_number(n: int, fmt: str) -> str:
    """One counter in Word's format: (3, "chineseCounting") → "三", (2, "decimalEnclosedCircle") → "②"."""
    if fmt == "none":
        return ""
    return FORMATS.get(fmt, str)(n)


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # w:lvlRestart: 0 never; N after level N (1-based) is used; None after any
    legal: bool = False  # w:isLgl: show every placeholder as decimal (1.1.1)
    style: str | None = None  # w:pStyle: the paragraph style bound to this level


@dataclass
class ListDef:
    levels: dict[int, Level]
    key: str  # whose counters it uses
    starts: dict[int, int] = field(default_factory=dict)  # startOverride per level


def _val(el, name: str) -> str | None:
    child = el.find(W + name) if el is not None else None
    return child.get(W + "val") if child is not None else None


def _int(value: str | None, default: int | None = None) -> int | None:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"


def _num_fmt(lvl) -> str:
    """The level's number format; Word 2010+ wraps a custom one in mc:AlternateContent, read its Fallback."""
    fmt = _val(lvl, "numFmt") or _val(lvl.find(f"{_MC}AlternateContent/{_MC}Fallback"), "numFmt")
    return fmt or "decimal"


def _parse_level(lvl) -> Level:
    return Level(
        start=_int(_val(lvl, "start"), 1) or 0,
        fmt=_num_fmt(lvl),
        text=_val(lvl, "lvlText") or "",
        restart=_int(_val(lvl, "lvlRestart")),
        legal=lvl.find(W + "isLgl") is not None and _val(lvl, "isLgl") not in ("0", "false"),
        style=_val(lvl, "pStyle"),
    )


def _levels(container) -> dict[int, Level]:
    return {_int(lvl.get(W + "ilvl"), 0) or 0: _parse_level(lvl) for lvl in container.findall(W + "lvl")}


class NumberingState:
    """Numbering definitions plus the counters, advanced paragraph by paragraph."""

    def __init__(self, numbering_root=None, style_numbering: dict[str, tuple[str, int | None]] | None = None):
        """``numbering_root``: the ``w:numbering`` element; ``style_numbering``: styleId → (numId, ilvl)."""
        self.style_numbering = style_numbering or {}
        self.lists: dict[str, ListDef] = {}
        self.counters: dict[str, dict[int, int]] = {}
        if numbering_root is None:
            return
        abstracts = {a.get(W + "abstractNumId"): a for a in numbering_root.findall(W + "abstractNum")}
        for num in numbering_root.findall(W + "num"):
            num_id = num.get(W + "numId")
            abstract_id = _val(num, "abstractNumId")
            abstract = self._resolve_style_link(abstracts, abstracts.get(abstract_id), numbering_root)
            if num_id is None or abstract is None:
                continue
            levels = _levels(abstract)
            starts: dict[int, int] = {}
            for override in num.findall(W + "lvlOverride"):
                ilvl = _int(override.get(W + "ilvl"), 0) or 0
                start = _int(_val(override, "startOverride"))
                if start is not None:
                    starts[ilvl] = start
                if override.find(W + "lvl") is not None:
                    levels[ilvl] = _parse_level(override.find(W + "lvl"))
            key = f"num:{num_id}" if starts else f"abstract:{abstract.get(W + 'abstractNumId')}"
            self.lists[num_id] = ListDef(levels, key, starts)

    def _resolve_style_link(self, abstracts, abstract, numbering_root):
        """An abstractNum with numStyleLink takes its levels from the list its style points at."""
        link = _val(abstract, "numStyleLink") if abstract is not None else None
        if not link or link not in self.style_numbering:
            return abstract
        target_num = self.style_numbering[link][0]
        for num in numbering_root.findall(W + "num"):
            if num.get(W + "numId") == target_num:
                target = abstracts.get(_val(num, "abstractNumId"))
                return target if target is not None and target is not abstract else abstract
        return abstract

    def paragraph_numbering(self, ppr, style_id: str | None) -> tuple[str, int] | None:
        """(numId, ilvl) of a paragraph: its own w:numPr, else its style's; None when not numbered."""
        numpr = ppr.find(W + "numPr") if ppr is not None else None
        num_id = _val(numpr, "numId") if numpr is not None else None
        ilvl = _int(_val(numpr, "ilvl")) if numpr is not None else None
        if num_id is None and style_id in self.style_numbering:
            num_id, style_ilvl = self.style_numbering[style_id]
            if ilvl is None:
                ilvl = style_ilvl if style_ilvl is not None else self._level_for_style(num_id, style_id)
        if num_id is None or num_id == "0" or num_id not in self.lists:
            return None
        return num_id, ilvl or 0

    def _level_for_style(self, num_id: str, style_id: str | None) -> int:
        listdef = self.lists.get(num_id)
        for ilvl, level in (listdef.levels.items() if listdef else ()):
            if level.style == style_id:
                return ilvl
        return 0

    def next_label(self, num_id: str, ilvl: int) -> str | None:
        """Advance the counter of (numId, ilvl) and return the label, e.g. "（二）"; None for bullets."""
        listdef = self.lists[num_id]
        level = listdef.levels.get(ilvl)
        if level is None:
            return None
        counters = self.counters.setdefault(listdef.key, {})
        start = listdef.starts.get(ilvl, level.start)
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else start
        for deeper in [k for k in counters if k > ilvl]:
            restart = listdef.levels[deeper].restart if deeper in listdef.levels else None
            if restart is None or (restart > 0 and ilvl <= restart - 1):
                del counters[deeper]
        if level.fmt == "bullet":
            return None

        def placeholder(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            other = listdef.levels.get(k, Level())
            n = counters.get(k, listdef.starts.get(k, other.start))
            return format_number(n, "decimal" if level.legal and other.fmt != "none" else other.fmt)

        return _PLACEHOLDER.sub(placeholder, level.text)


def style_numbering_map(styles_root) -> dict[str, tuple[str, int | None]]:
    """styleId → (numId, ilvl) for styles that carry numbering, following basedOn."""
    own: dict[str, tuple[str | None, int | None]] = {}
    based_on: dict[str, str] = {}
    if styles_root is None:
        return {}
    for style in styles_root.findall(W + "style"):
        style_id = style.get(W + "styleId")
        if style_id is None:
            continue
        numpr = style.find(f"{W}pPr/{W}numPr")
        if numpr is not None:
            own[style_id] = (_val(numpr, "numId"), _int(_val(numpr, "ilvl")))
        parent = _val(style, "basedOn")
        if parent:
            based_on[style_id] = parent
    result: dict[str, tuple[str, int | None]] = {}
    for style_id in set(own) | set(based_on):
        seen = set()
        current: str | None = style_id
        while current is not None and current not in seen:
            seen.add(current)
            if current in own:
                num_id, ilvl = own[current]
                if num_id is not None:
                    result[style_id] = (num_id, ilvl)
                break
            current = based_on.get(current)
    return result
