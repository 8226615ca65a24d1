"""One-for-one character normalisation for matching: punctuation and traditional characters (policykit.text)."""

from __future__ import annotations

from policykit.text import normalise, simplify


def norm(text: str) -> str:
    """``"（牽頭單位：縣教育局）"`` → ``"(牵头单位:县教育局)"``: same length, same offsets."""
    return simplify(normalise(text))
