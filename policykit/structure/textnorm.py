"""One-for-one character normalisation for matching: punctuation and traditional characters (policykit.text)."""

from __future__ import annotations

from functools import lru_cache

from policykit.text import normalise, simplify


def norm(text: str) -> str:
    """``"（牽頭單位：縣教育局）"`` → ``"(牵头单位:县教育局)"``: same length, same offsets."""
    if len(text) <= 64:  # unit names and clause pieces recur: read each once
        return _short_norm(text)
    return simplify(normalise(text))


@lru_cache(maxsize=1 << 15)
def _short_norm(text: str) -> str:
    return simplify(normalise(text))
