"""Is decoded text Chinese text at all?  Any byte soup "decodes" as GB18030 or Big5.

Nearly every two-byte pair is a valid GBK/GB18030 character, so a JPEG or a
zip without a known signature decodes cleanly into rare characters.  Real
text is the other way round: nearly all of its Chinese characters are in
common use.  "Common" is GB2312 level 1 (the 3755 most used simplified
characters) together with Big5's frequent characters (5401 traditional
ones); a government plan has 99-100 % of its characters there, random bytes
read as GB18030 about 30-40 %.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

MIN_HAN = 20  # below this a share means little: "一、目标" is text whatever it holds
MIN_HAN_WARN = 200  # a short list of place names (溧阳、鄞州、亳州) is rare characters and real
REFUSE_BELOW = 0.6  # common share of Chinese characters under which the bytes are not text
WARN_BELOW = 0.85  # real plans are at 0.97-1.0; between the two the text is probably mis-decoded
SAMPLE_CHARS = 200_000
MIN_CHARS = 50  # below this, leave the foreign share alone
MAX_FOREIGN = 0.5  # bytes in GBK's symbol rows decode as kana, Greek and Cyrillic: a text is never mostly that
_GB2312_LEVEL1 = (range(0xB0, 0xD8), range(0xA1, 0xFF))
_BIG5_FREQUENT = (range(0xA4, 0xC7), [*range(0x40, 0x7F), *range(0xA1, 0xFF)], 0xC67E)


@cache
def common_han() -> frozenset[str]:
    """The Chinese characters in common use: "的" and "們" are in, "鬹" is not."""
    chars: set[str] = set()
    leads, trails = _GB2312_LEVEL1
    for lead in leads:
        for trail in trails:
            chars.add(bytes([lead, trail]).decode("gb2312", errors="ignore"))
    leads, trails_big5, last = _BIG5_FREQUENT
    for lead in leads:
        for trail in trails_big5:
            if (lead << 8 | trail) <= last:
                chars.add(bytes([lead, trail]).decode("big5", errors="ignore"))
    chars.discard("")
    return frozenset(chars)


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\ue000" <= ch <= "\uf8ff"


def _is_foreign(ch: str) -> bool:
    """A character Chinese text (in GBK, GB18030 or Big5) practically never holds: kana, Hangul, Cyrillic,
    Greek, other scripts, control characters, U+FFFD.  Symbols (※ ★ □ ─ ≥ Ⅱ) are not foreign."""
    code = ord(ch)
    return (code < 0x20 and ch not in "\t\n\r\f\v") or 0x7F <= code < 0xA0 or 0x100 <= code < 0x2000 \
        or 0x3040 <= code < 0x3100 or 0x3130 <= code < 0x3190 or 0xA000 <= code < 0xF900 or code == 0xFFFD


@dataclass(frozen=True)
class HanShare:
    """How many Chinese characters (private-use ones included) a text has, what share is common, and
    what share of all its non-space characters is foreign to Chinese text."""

    han: int
    common: float
    chars: int = 0
    foreign: float = 0.0


def han_share(text: str) -> HanShare:
    """``han_share("一、总体目标" * 5)`` → HanShare(han=25, common=1.0, chars=30, foreign=0.0)."""
    common = common_han()
    han = hits = chars = foreign = 0
    for ch in text[:SAMPLE_CHARS]:
        if ch.isspace():
            continue
        chars += 1
        if _is_han(ch):
            han += 1
            hits += ch in common
        elif _is_foreign(ch):
            foreign += 1
    return HanShare(han, hits / han if han else 1.0, chars, foreign / chars if chars else 0.0)


def verdict(text: str, encoding: str) -> tuple[str | None, str | None]:
    """(why this is not text, a warning) for decoded text; (None, None) for a real plan.

    ``verdict(random_bytes.decode("gb18030", "replace"), "gb18030")`` →
    ("only 33% of its 1200 Chinese characters are in common use", None).
    """
    share = han_share(text)
    if share.chars >= MIN_CHARS and share.foreign > MAX_FOREIGN:
        return f"{share.foreign:.0%} of its characters are of no Chinese text (kana, Hangul, Cyrillic …)", None
    if share.han < MIN_HAN or share.common >= WARN_BELOW:
        return None, None
    if share.common < REFUSE_BELOW:
        return f"only {share.common:.0%} of its {share.han} Chinese characters are in common use", None
    if share.han < MIN_HAN_WARN:
        return None, None
    return None, (f"only {share.common:.0%} of the {share.han} Chinese characters are in common use "
                  f"(read as {encoding}): wrong encoding or garbled text?")
