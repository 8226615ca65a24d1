"""Cut a source plan's text into what the drafter reuses: title, preamble, sections, attachment title.

Tasks come from the parsed ``Document``; the prose around them (总体目标, 保障措施)
comes from the text as read, cut at the first-level headings (一、) of the parsed
outline.  ``split_source(doc)`` on the Mengzi plan gives the title
"蒙自市贯彻落实…工作方案及重点工作任务清单", one preamble paragraph and the sections
总体目标 / 主要任务 (the tasks) / 保障措施.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate

from policykit.china.headings import Numbered, numbered
from policykit.drafting.vocabulary import Vocabulary, vocabulary
from policykit.model import Document
from policykit.text import normalise, squeeze_spaces

MAX_HEADING = 40  # characters; a longer line starting with 一、 is prose or a table row
_SENTENCE_END = re.compile(r"[。;；]\s*$|[。]")


@dataclass
class Section:
    """A first-level part of the plan: 一、总体目标 with its paragraphs."""

    title: str
    paragraphs: list[str] = field(default_factory=list)
    tasks: bool = False  # the part the tasks are drafted into


@dataclass
class SourceParts:
    title: str | None
    preamble: list[str]
    sections: list[Section]
    attachment_title: str | None


def split_source(doc: Document, vocab: Vocabulary | None = None) -> SourceParts:
    """The reusable prose of ``doc``; a bare task list (no headings) gives title only."""
    vocab = vocab or vocabulary()
    lines = [line.strip() for line in (doc.text or "").splitlines()]
    norm = [normalise(line) for line in lines]
    headings = _headings(doc, norm)
    first = min(headings, default=None)
    end = next((i for i, line in enumerate(norm) if vocab.attachment.match(line) and (first is None or i > first)),
               len(lines))
    attachment_title = _attachment_title(lines, norm, end, vocab)
    if first is None:
        title = doc.meta.title or next((line for line in lines if line), None)
        return SourceParts(_clean_title(title, vocab), [], [], attachment_title)
    title_lines, preamble = _title_and_preamble(lines[:first])
    title = "".join(title_lines) or doc.meta.title
    sections: list[Section] = []
    for i in range(first, end):
        line = lines[i]
        if not line:
            continue
        if i in headings:
            heading = line[headings[i].end:].strip()
            sections.append(Section(heading, tasks=bool(vocab.tasks_section.search(heading))))
        else:
            sections[-1].paragraphs.append(line)
    return SourceParts(_clean_title(title, vocab), preamble, sections, attachment_title)


def _headings(doc: Document, norm: list[str]) -> dict[int, Numbered]:
    """The lines that open a section ("一、总体目标"), by index: the parsed outline's headings numbered
    so (a document built without an outline: every line numbered so), not table rows that start like one."""
    if doc.outline:
        starts = list(accumulate((len(line) for line in (doc.text or "").splitlines(keepends=True)), initial=0))
        candidates = {bisect_right(starts, item.span.start) - 1 for item in doc.outline if item.span}
    else:
        candidates = set(range(len(norm)))
    out = {}
    for i in sorted(candidates):
        found = numbered(norm[i], ("cn",)) if 0 <= i < len(norm) else None
        if found and "\t" not in norm[i] and len(norm[i]) <= MAX_HEADING:
            out[i] = found
    return out


def _title_and_preamble(lines: list[str]) -> tuple[list[str], list[str]]:
    """Walk back from the first heading: sentences are the preamble, the short lines above them the title."""
    i = len(lines) - 1
    preamble: list[str] = []
    while i >= 0 and (not lines[i] or _SENTENCE_END.search(lines[i])):
        if lines[i]:
            preamble.insert(0, lines[i])
        i -= 1
    title: list[str] = []
    while i >= 0 and lines[i] and not _SENTENCE_END.search(lines[i]) and not lines[i].startswith(("(", "（")):
        title.insert(0, lines[i])
        i -= 1
    return title, preamble


def _attachment_title(lines: list[str], norm: list[str], end: int, vocab: Vocabulary) -> str | None:
    """The lines under a bare "附件" line, up to the first blank one."""
    for i in range(end, len(lines)):
        if norm[i].strip() in ("附件", "附件:"):
            out = []
            for line in lines[i + 1:]:
                if not line:
                    if out:
                        break
                    continue
                out.append(line)
            return "".join(out) or None
    if end < len(lines):
        m = re.match(r"附件\s*[:：]?\s*(?:\d+[.．、])?\s*(.+)", lines[end])
        return m.group(1) if m else None
    return None


def _clean_title(title: str | None, vocab: Vocabulary) -> str | None:
    """``"《青浦区…实施方案》职责分工(送审稿)"`` → ``"青浦区…实施方案"``."""
    if not title:
        return None
    title = squeeze_spaces(title.strip())
    for noise in vocab.wording.get("title_noise", []):
        title = re.sub(noise, "", title)
    return title.replace("《", "").replace("》", "").strip() or None
