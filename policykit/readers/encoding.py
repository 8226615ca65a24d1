"""Bytes → str for Chinese text of unknown encoding (TXT files, HTML without a charset).

Order: byte-order mark, then strict UTF-8, then charset-normalizer's guess
among the encodings Chinese files really use, then GB18030 (a superset of
GB2312 and GBK, the usual encoding of mainland text that is not UTF-8).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from policykit.readers.plausible import han_share, verdict

# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# What charset-normalizer may name that we trust over GB18030 when it also decodes cleanly.
_TRUSTED_GUESSES = {
    "big5": "big5", "cp950": "big5", "big5hkscs": "big5hkscs",
    "utf_16": "utf-16", "utf_16_le": "utf-16-le", "utf_16_be": "utf-16-be",
    "utf_32": "utf-32", "utf_32_le": "utf-32-le", "utf_32_be": "utf-32-be",
}
_GUESS_SAMPLE = 512 * 1024  # charset-normalizer samples chunks itself; this bounds its work
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# Text has almost no control characters; a few undecodable bytes happen in real files
# (a cut character, one pasted GBK line), so they weigh less.
MAX_CONTROL_SHARE = 0.02
MAX_UNREADABLE_SHARE = 0.25  # control + undecodable characters


@dataclass
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)
    sure: bool = False  # a byte-order mark or valid UTF-8: the bytes are text in that encoding


class NotText(ValueError):
    """The bytes are binary data; ``str(err)`` says why, e.g. "37% control characters"."""


def _bom(data: bytes) -> tuple[str, int] | None:
    for mark, name in _BOMS:
        if data.startswith(mark):
            return name, len(mark)
    return None


def _guess(data: bytes) -> str | None:
    """charset-normalizer's best guess, mapped to a codec name we trust, or None."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:_GUESS_SAMPLE]).best()
    return _TRUSTED_GUESSES.get(best.encoding) if best is not None else None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode text of unknown encoding: ``"一、".encode("gb18030")`` → Decoded("一、", "gb18030").

    ``declared`` (an HTML meta charset) is tried after a BOM and strict UTF-8, before guessing.
    Raises ``NotText`` when the result is mostly control or undecodable characters, or when
    a legacy decoding gives mostly rare characters (what any binary file becomes in GB18030).
    """
    decoded = _decode(data, declared)
    _check_text(decoded.text)
    if not decoded.sure:
        problem, warning = verdict(decoded.text, decoded.encoding)
        if problem:
            raise NotText(problem)
        if warning:
            decoded.warnings.append(warning)
    return decoded


def _decode(data: bytes, declared: str | None) -> Decoded:
    bom = _bom(data)
    if bom:
        name, skip = bom
        text = data[skip:].decode(name.removesuffix("-sig"), errors="replace")
        decoded = _with_replacements(text, name.removesuffix("-sig"), already=0)
        decoded.sure = True
        return decoded
    # Valid UTF-8 wins over a declaration: GBK text is almost never valid UTF-8, while pages
    # converted to UTF-8 often still say charset=gb2312 (and UTF-8 bytes "decode" as GB18030).
    text = _strict(data, "utf-8")
    if text is not None:
        return Decoded(text, "utf-8", sure=True)
    if declared:
        text = _strict(data, declared)
        # A wrong declaration (a Big5 page saying gb2312) often decodes too, into rare characters.
        if text is not None and verdict(text, declared)[0] is None:
            return Decoded(text, declared)
    gb = _strict(data, "gb18030")
    guess = _guess(data)
    if guess:
        text = _strict(data, guess)
        if text is not None and not (gb is not None and guess.startswith("big5") and _more_common(gb, text)):
            return Decoded(text, guess)
    if gb is not None:
        return Decoded(gb, "gb18030")
    # Mostly UTF-8 with a few broken bytes (a file cut mid-character, a pasted GBK line)
    # reads better as UTF-8; everything else as GB18030.
    utf8 = data.decode("utf-8", errors="replace")
    gb = data.decode("gb18030", errors="replace")
    if utf8.count("\ufffd") <= gb.count("\ufffd"):
        return _with_replacements(utf8, "utf-8", already=0)
    return _with_replacements(gb, "gb18030", already=0)


def _more_common(gb: str, big5: str) -> bool:
    """Whether the GB18030 reading has the more common characters: short GBK text often "is" Big5 too.

    "一、目标" in GBK decodes cleanly as Big5 "珨﹜醴梓"; charset-normalizer may prefer that.
    """
    return han_share(gb).common >= han_share(big5).common


def _with_replacements(text: str, encoding: str, already: int) -> Decoded:
    bad = text.count("\ufffd") - already
    warnings = []
    if bad:
        warnings.append(f"{bad} undecodable byte sequence{'s' if bad > 1 else ''} "
                        f"replaced by U+FFFD (read as {encoding})")
    return Decoded(text, encoding, warnings)


def _check_text(text: str) -> None:
    """Refuse binary data: NUL bytes or a high share of control/undecodable characters."""
    if not text:
        return
    control = len(_CONTROL.findall(text))
    unreadable = (control + text.count("\ufffd")) / len(text)
    if "\x00" in text:
        raise NotText(f"contains NUL bytes; {unreadable:.0%} control or undecodable characters")
    if control / len(text) > MAX_CONTROL_SHARE or unreadable > MAX_UNREADABLE_SHARE:
        raise NotText(f"{unreadable:.0%} control or undecodable characters")
