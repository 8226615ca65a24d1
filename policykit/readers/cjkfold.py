"""Kangxi radicals and CJK compatibility ideographs → the ordinary characters, one for one.

PDFs made from Word (and text copied out of them) often hold "⼀" (U+2F00 KANGXI
RADICAL ONE) for "一", "⾏" for "行", "⽇" for "日", or a compatibility
ideograph such as U+F92C for "郎" where a font maps its glyph there.  They look
right and match nothing.  NFKC knows the ordinary character; this applies it
to those blocks only (NFKC elsewhere would change full-width punctuation,
circled numbers …) and only where it gives one character, so offsets hold.
"""

from __future__ import annotations

import unicodedata
from functools import cache

# Kangxi radicals, CJK radicals supplement, CJK compatibility ideographs (and their supplement).
_BLOCKS = ((0x2F00, 0x2FDF), (0x2E80, 0x2EFF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F))


@cache
def compat_table() -> dict[int, str]:
    """The mapping, for ``str.translate`` or a merged table: ``compat_table()[0x2F00]`` → "一"."""
    table: dict[int, str] = {}
    for first, last in _BLOCKS:
        for code in range(first, last + 1):
            folded = unicodedata.normalize("NFKC", chr(code))
            if len(folded) == 1 and folded != chr(code):
                table[code] = folded
    return table


def fold_cjk_compat(text: str) -> str:
    """``fold_cjk_compat("⼀、总体⽬标")`` → "一、总体目标" (same length)."""
    return text.translate(compat_table())
