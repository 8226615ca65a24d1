"""Garbled extraction: text a PDF extractor scrambled.  Three simple, explainable tests.

1. repetition — one short run repeated over most of the text ("大大大…", "是一个人,是一个人,…");
2. scattered single characters — most space-separated tokens are one character ("校量监 强建 登 等 员 和 登");
3. digit runs — many single digits split by spaces ("4 0 0 0 0 0 0 0").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass


@dataclass(frozen=True)
class GarbleSettings:
    """Every threshold of the detector, in one place."""

    min_chars: int = 8  # shorter text is never judged
    max_unit: int = 8  # longest repeated run tried (characters)
    min_repeats: int = 4  # a run must repeat at least this often …
    repeat_share: float = 0.5  # … and cover at least this share of the text
    min_tokens: int = 6  # scattered-characters test needs this many tokens …
    single_share: float = 0.6  # … and this share of them one character long
    digit_run: int = 6  # this many space-separated single digits in a row


SETTINGS = GarbleSettings()


def garbled_reason(text: str, settings: GarbleSettings = SETTINGS) -> str | None:
    """Why ``text`` looks garbled, or None.

    >>> garbled_reason("大大大大大大大大大大")
    'repetition'
    >>> garbled_reason("加强学校人防建设") is None
    True
    """
    compact = "".join(text.split())
    if len(compact) < settings.min_chars:
        return None
    if _repetitive(compact, settings):
        return "repetition"
    tokens = text.split()
    if len(tokens) >= settings.min_tokens:
        singles = sum(1 for t in tokens if len(t) == 1)
        if singles / len(tokens) >= settings.single_share:
            return "scattered characters"
    if re.search(rf"(?:(?<!\S)\d\s+){{{settings.digit_run - 1}}}\d(?!\S)", text):
        return "digit run"
    return None


def _repetitive(compact: str, settings: GarbleSettings) -> bool:
    # a run of at most max_unit characters covering that share leaves few distinct characters:
    # text with more than that cannot pass, so real prose skips the counting
    if len(set(compact)) > settings.max_unit + len(compact) * (1 - settings.repeat_share):
        return False
    for k in range(1, settings.max_unit + 1):
        grams = Counter(compact[i:i + k] for i in range(0, len(compact) - k + 1))
        gram, count = grams.most_common(1)[0]
        # count non-overlapping occurrences for the share of text covered
        covered = compact.count(gram) * k
        if count >= settings.min_repeats and covered / len(compact) >= settings.repeat_share:
            return True
    return False
