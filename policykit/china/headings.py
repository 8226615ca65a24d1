"""Outline numbering as plans write it: 一、 (一) 1. (1) ① 第一章, read and written.

The styles are data (``data/headings.toml``).  The parser's outline reads lines with them, the
metadata reader knows that a numbered line is no title, and the drafter writes its headings and
finds the source's with them:

    >>> numbered("(二)夯实学校“三防”建设基础").style.name, numbered("(二)夯实…").number
    ('cn_paren', '二')
    >>> style("cn_paren").write(12)
    '(十二)'
    >>> number_value("十二"), number_value("⑫")
    (12, 12)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from policykit.china.numerals import chinese_to_int, to_chinese
from policykit.datafiles import bundled

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


@dataclass(frozen=True)
class Style:
    """One numbering style: ``Style("cn", re.compile(r"^\\s*([一二…]+)\\s*[、.]\\s*"), "{cn}、")``."""

    name: str
    pattern: re.Pattern[str]  # at the start of a normalised line; group 1 is the number
    label: str  # how number n is written: {cn} 十二, {n} 12, {circled} ⑫

    def write(self, n: int) -> str:
        """Number ``n`` in this style: cn 3 → "三、", arabic_paren 3 → "(3)"."""
        circled = _CIRCLED[n - 1] if 1 <= n <= len(_CIRCLED) else str(n)
        return self.label.format(cn=to_chinese(n), n=n, circled=circled)


@dataclass(frozen=True)
class Numbered:
    """A line that opens with a number: its style, the number as written, where the rest starts."""

    style: Style
    number: str
    end: int  # offset after the number, its marks and the spaces after them


@lru_cache(maxsize=1)
def styles() -> tuple[Style, ...]:
    """Every style, in the order lines are tried against them."""
    return tuple(Style(s["name"], re.compile(s["pattern"]), s["label"]) for s in bundled("headings.toml")["style"])


def style(name: str) -> Style:
    """One style by name: ``style("cn")``."""
    return next(s for s in styles() if s.name == name)


def numbered(line: str, names: Iterable[str] | None = None) -> Numbered | None:
    """How a normalised line is numbered, by the first style (of ``names``, else any) it opens with:
    ``numbered("1.完善校园安全管理责任制。")`` → arabic "1"; ``numbered("1.5万元")`` → None."""
    wanted = None if names is None else set(names)
    for s in styles():
        if wanted is not None and s.name not in wanted:
            continue
        m = s.pattern.match(line)
        if m:
            return Numbered(s, m.group(1), m.end())
    return None


def number_value(number: str) -> int | None:
    """A heading's number as an int: "十二" → 12, "12" → 12, "⑫" → 12; None for anything else."""
    if number.isdigit() and number.isascii():
        return int(number)
    if len(number) == 1 and number in _CIRCLED:
        return _CIRCLED.index(number) + 1
    return chinese_to_int(number)
