"""Sentences and clauses of normalised text, as (start, end) offsets."""

from __future__ import annotations

import re

SENTENCE_END = re.compile(r"[。;!?\n\t]")
CLAUSE_END = re.compile(r"[,:]")


def sentences(text: str) -> list[tuple[int, int]]:
    """Spans of sentences: "每年不少于2次;每季度1次。" → [(0, 7), (8, 13)] (separators left out)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in SENTENCE_END.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def clause_start(text: str, pos: int, floor: int = 0) -> int:
    """Where the clause holding ``pos`` begins: after the last "," or ":" before it (not before ``floor``)."""
    cut = max(text.rfind(",", floor, pos), text.rfind(":", floor, pos))
    return floor if cut < 0 else cut + 1


def clause_end(text: str, pos: int, ceiling: int | None = None) -> int:
    """Where the clause holding ``pos`` ends: at the next "," or ":" (or ``ceiling``)."""
    ceiling = len(text) if ceiling is None else ceiling
    m = CLAUSE_END.search(text, pos, ceiling)
    return m.start() if m else ceiling
