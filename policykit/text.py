"""Punctuation normalisation that keeps offsets.

Real plans mix full-width and ASCII punctuation ("（牵头单位：" and "(牵头单位:").
``normalise`` maps every character to exactly one character, so an offset in
the normalised text is the same offset in the text as read.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# Full-width forms that have one-character ASCII (or canonical) equivalents.
_PAIRS = {
    "（": "(", "）": ")", "：": ":", "；": ";", "，": ",", "！": "!", "？": "?",
    "［": "[", "］": "]", "｛": "{", "｝": "}", "＜": "<", "＞": ">", "％": "%",
    "＋": "+", "－": "-", "＝": "=", "／": "/", "＿": "_", "＆": "&", "＃": "#",
    "＊": "*", "｜": "|", "＂": '"', "＇": "'", "．": ".", "　": " ", "\u00a0": " ",
    "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u200b": " ", "\ufeff": " ",
    "﹙": "(", "﹚": ")", "︰": ":", "∶": ":", "﹕": ":", "﹔": ";", "﹐": ",",
    "〔": "〔", "〕": "〕",  # kept: 文号 brackets are meaningful as they are
    "–": "-", "—": "—", "‐": "-", "‑": "-", "−": "-",
}
_PAIRS.update({chr(0xFF10 + i): str(i) for i in range(10)})  # ０-９
_PAIRS.update({chr(0xFF21 + i): chr(0x41 + i) for i in range(26)})  # Ａ-Ｚ
_PAIRS.update({chr(0xFF41 + i): chr(0x61 + i) for i in range(26)})  # ａ-ｚ

# Kangxi radicals, CJK radicals supplement, CJK compatibility ideographs (and their supplement):
# PDFs made from Word, and text copied out of them, hold "⼀" (U+2F00) for "一", "⽬" for "目".
_CJK_COMPAT_BLOCKS = ((0x2F00, 0x2FDF), (0x2E80, 0x2EFF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F))


@cache
def compat_table() -> dict[int, str]:
    """Those blocks → the ordinary character, where NFKC gives exactly one: ``compat_table()[0x2F00]`` → "一".

    NFKC elsewhere would change full-width punctuation and circled numbers; here it
    is applied to these blocks only, one character for one, so offsets hold.
    """
    table: dict[int, str] = {}
    for first, last in _CJK_COMPAT_BLOCKS:
        for code in range(first, last + 1):
            folded = unicodedata.normalize("NFKC", chr(code))
            if len(folded) == 1 and folded != chr(code):
                table[code] = folded
    return table


def fold_cjk_compat(text: str) -> str:
    """``fold_cjk_compat("⼀、总体⽬标")`` → "一、总体目标" (same length)."""
    return text.translate(compat_table())


@cache
def _table() -> dict[int, str]:
    return {**compat_table(), **str.maketrans(_PAIRS)}


def normalise(text: str) -> str:
    """Map full-width punctuation, digits and letters to ASCII and Kangxi radicals to the ordinary
    characters, one char for one.

    >>> normalise("（牵头单位：市教育体育局；责任单位：市公安局）")
    '(牵头单位:市教育体育局;责任单位:市公安局)'
    """
    return text.translate(_table())


def squeeze_spaces(text: str) -> str:
    """Drop the spaces PDF line wrapping leaves inside Chinese words: "区卫生健康 委" → "区卫生健康委".

    Spaces between two ASCII alphanumerics are kept ("GB/T 29315").
    """
    out: list[str] = []
    n = len(text)
    for i, ch in enumerate(text):
        if ch in " \t\r\n":
            prev = text[i - 1] if i else ""
            nxt = text[i + 1] if i + 1 < n else ""
            if prev.isascii() and prev.isalnum() and nxt.isascii() and nxt.isalnum():
                if not out or out[-1] != " ":
                    out.append(" ")
            continue
        out.append(ch)
    return "".join(out)


def printable(text: str) -> str:
    """Control characters and line separators escaped, so a message stays one line.

    A file named ``"a\\nb.txt"`` prints as ``a\\nb.txt``; spaces and Chinese are kept as they are.
    """
    return "".join(
        ch.encode("unicode_escape").decode("ascii") if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch
        for ch in text
    )


@cache
def simplified_table() -> dict[int, str]:
    """Traditional → simplified, one for one: ``simplified_table()[ord("縣")]`` → "县".

    ``data/characters_ts.tsv`` (OpenCC's table, see tools/build_characters.py), then the pairs of
    ``data/characters.toml``, which add to and override it.
    """
    from importlib import resources

    from policykit.datafiles import bundled

    out = {}
    for line in resources.files("policykit.data").joinpath("characters_ts.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            trad, simp = line.split("\t")
            out[ord(trad)] = simp
    out.update({ord(pair[0]): pair[1] for pair in bundled("characters.toml")["pairs"].split()})
    return out


def simplify(text: str) -> str:
    """``simplify("牽頭單位:縣衛生健康委")`` → "牵头单位:县卫生健康委" (same length)."""
    return text.translate(simplified_table())


# A mirror that glosses characters with their pinyin ("區(qū)醫(yī)保局"): the glosses are no text.
_GLOSS = re.compile(r"(?<=[\u3400-\u9fff])[((][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7}[))]")


def gloss_spans(text: str) -> list[tuple[int, int]]:
    """Where a page wrote pinyin after a character: ``"聯(lián)合"`` → [(1, 7)]."""
    if "(" not in text and "（" not in text:
        return []
    return [m.span() for m in _GLOSS.finditer(text)]


def without_glosses(text: str) -> tuple[str, list[int]]:
    """The text with pinyin glosses taken out, and for each kept character its offset in ``text``."""
    spans = gloss_spans(text)
    if not spans:
        return text, list(range(len(text)))
    kept, pos = [], 0
    for a, b in spans:
        kept.extend(range(pos, a))
        pos = b
    kept.extend(range(pos, len(text)))
    return "".join(text[i] for i in kept), kept
