"""One-for-one character normalisation for matching: punctuation (policykit.text) and traditional characters."""

from __future__ import annotations

from functools import lru_cache

from policykit.structure.data import load
from policykit.text import normalise


@lru_cache(maxsize=1)
def _variants() -> dict[int, str]:
    return str.maketrans(load("variants")["traditional"])


def norm(text: str) -> str:
    """``"（牽頭單位：縣教育局）"`` → ``"(牵头单位:县教育局)"``: same length, same offsets."""
    return normalise(text).translate(_variants())
