"""Paragraph blocks → numbered lines with normalised text and offsets into the text as read."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from policykit.model import Paragraph, RawDocument
from policykit.structure.assign import open_labelled_bracket
from policykit.structure.data import load
from policykit.structure.outline import match_heading
from policykit.structure.textnorm import norm


@dataclass
class Line:
    """One paragraph line: ``raw == text_as_read[start:end]``; ``norm`` is ``norm(raw)``."""

    raw: str
    norm: str
    start: int
    end: int
    number: int  # 1-based line number in the text as read
    block: int  # index of the block it came from
    style: str | None = None  # the reader's paragraph style ("Heading 2"), when it knows one

    @property
    def blank(self) -> bool:
        return not self.norm.strip()


class LineIndex:
    """Offset → 1-based line number in a text: ``LineIndex("a\\nb").line_of(2)`` → 2."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def line_of(self, offset: int) -> int:
        return bisect_right(self._starts, offset)


def paragraph_lines(raw: RawDocument, index: LineIndex | None = None) -> list[Line]:
    """Every Paragraph block of ``raw`` as a Line, in reading order.

    A paragraph holding several lines (some readers keep soft breaks) is split
    so that every Line is one line of the text as read.
    """
    index = index or LineIndex(raw.text)
    lines: list[Line] = []
    for b, block in enumerate(raw.blocks):
        if not isinstance(block, Paragraph):
            continue
        pos = block.span.start
        for part in block.text.split("\n"):
            body = part.rstrip("\r")
            for s, e in run_in_items(norm(body)):
                lines.append(Line(body[s:e], norm(body[s:e]), pos + s, pos + e, index.line_of(pos), b, block.style))
            pos += len(part) + 1
    return lines


def join_wrapped_trailers(lines: list[Line], text: str) -> list[Line]:
    """A labelled bracket left open at a line's end goes on over the next lines until it closes.

    ``"…(牵头单位:县教育局;责任单位:县公安局、县应急管理"`` / ``"局)"`` → one Line whose raw
    is the text as read from the first line's start to the last line's end (line break
    included, so offsets stay valid); the unit list reader joins "县应急管理\n局".  Only
    ``[wrap] max_lines`` more lines are joined, none blank or numbered, and only when the
    bracket closes in them: a trailer cut off for good is left as it is.
    """
    limit = load("assign")["wrap"]["max_lines"]
    out: list[Line] = []
    i = 0
    while i < len(lines):
        ln, end = lines[i], i
        if "\t" not in ln.norm and open_labelled_bracket(ln.norm):
            for j in range(i + 1, min(len(lines), i + 1 + limit)):
                nxt = lines[j]
                if nxt.blank or "\t" in nxt.norm or match_heading(nxt.norm):
                    break
                if not open_labelled_bracket(norm(text[ln.start:nxt.end])):
                    end = j
                    break
        if end > i:
            raw = text[ln.start:lines[end].end]
            ln = Line(raw, norm(raw), ln.start, lines[end].end, ln.number, ln.block, ln.style)
        out.append(ln)
        i = end + 1
    return out


def run_in_items(text: str) -> list[tuple[int, int]]:
    """Where a line holding a whole plan splits into its items: (start, end) of each part.

    Web pages sometimes collapse a plan into one paragraph, items separated by a space:
    ``"…现提出以下意见: 一、深入实施就业优先战略 1.坚持…。(…牵头) 2.发挥…"`` → three parts.
    A line splits only where a space is followed by an item number, and only when it
    holds at least ``min_items`` such places (one could be a stray space before "1、").
    """
    conf = load("headings")["run_in"]
    if len(text) < conf["min_chars"] or "\t" in text:
        return [(0, len(text))]
    cuts = [m.end() for m in re.finditer(conf["pattern"], text)]
    if len(cuts) < conf["min_items"]:
        return [(0, len(text))]
    bounds = [0] + cuts + [len(text)]
    return [(s, e) for s, e in zip(bounds, bounds[1:], strict=False) if e > s]
