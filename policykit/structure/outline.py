"""Headings: numbered lines (一、 / (一) / 1. 1、 / (1) / ① / 第一章, the styles of
``policykit.china.headings``), Word heading styles, and headings that run into their body."""

from __future__ import annotations

import re
from dataclasses import dataclass

from policykit.china.headings import numbered
from policykit.structure.data import load


@dataclass
class Heading:
    """A numbered line: ``1.完善校园安全管理责任制。按照…`` → number "1", title, body after it."""

    style: str
    number: str
    title: str
    body: str  # the text after the title on the same line ("" for a bare heading)
    title_start: int  # offsets into the line
    title_end: int
    body_start: int


def match_heading(norm: str) -> Heading | None:
    """A normalised line → its Heading, or None.

    >>> match_heading("1.完善校园安全管理责任制。按照要求…").title
    '完善校园安全管理责任制'
    """
    found = numbered(norm)
    if found is None:
        return None
    rest = norm[found.end:]
    if not rest.strip():
        return None  # a number alone ("1.") is not a heading
    title, body_start = split_title(rest)
    start = found.end + len(rest) - len(rest.lstrip())
    return Heading(found.style.name, found.number, title, rest[body_start:].strip(), start, start + len(title),
                   found.end + body_start)


def match_dated_item(norm: str, expected: int) -> Heading | None:
    """An item whose title opens with a year, when its number is the one expected next:
    ``match_dated_item("2.2024年底前完成联网。", 2).number`` → "2"; with ``expected`` 5 → None."""
    conf = load("headings")["dated_item"]
    m = re.match(conf["pattern"], norm)
    if not m or int(m.group(1)) != expected:
        return None
    title, body_start = split_title(norm[m.end():])
    return Heading(conf["style"], m.group(1), title, norm[m.end() + body_start:].strip(), m.end(),
                   m.end() + len(title), m.end() + body_start)


_STYLE_LEVEL = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)


def style_heading(norm: str, style: str | None) -> Heading | None:
    """An unnumbered line in a Word heading style ("Heading 2", "标题 2") → a Heading without number."""
    m = _STYLE_LEVEL.match((style or "").strip())
    text = norm.strip()
    if not m or not text or len(text) > load("headings")["title"]["max_chars"]:
        return None
    start = len(norm) - len(norm.lstrip())
    return Heading(f"style{m.group(1)}", "", text, "", start, start + len(text), len(norm))


def split_title(rest: str) -> tuple[str, int]:
    """Title and where the body starts: ``"加强学校人防建设。按照…"`` → ("加强学校人防建设", 9)."""
    conf = load("headings")["title"]
    limit = conf["max_chars"]
    stripped = rest.strip()
    cut = _first_end(rest, conf["ends"])
    if cut is not None and 0 < len(rest[:cut].strip()) <= limit:
        return rest[:cut].strip(), cut + 1
    if len(stripped) <= limit:
        return stripped, len(rest)
    comma = rest.find(",")
    if 0 < comma <= limit:
        return rest[:comma].strip(), comma + 1
    return stripped, len(rest)


def _first_end(text: str, ends: list[str]) -> int | None:
    """Index of the first title-ending mark outside brackets and quotes."""
    depth = 0
    for i, ch in enumerate(text):
        if ch in "(“《〔[【":
            depth += 1
        elif ch in ")”》〕]】":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in ends:
            return i
    return None


def match_attachment(norm: str) -> str | None:
    """``"附件"`` / ``"附件2"`` / ``"附件:"`` alone on a line → its number ("" for none), else None."""
    m = re.match(load("headings")["attachment"]["pattern"], norm)
    return m.group(1) if m else None


class LevelStack:
    """Levels from the order styles first nest in: 一、 → 1, (一) → 2, 1. → 3; any other order works too."""

    def __init__(self) -> None:
        self._stack: list[str] = []

    def level(self, style: str) -> int:
        if style in self._stack:
            del self._stack[self._stack.index(style) + 1:]
        else:
            self._stack.append(style)
        return len(self._stack)

    def reset(self) -> None:
        self._stack.clear()
