"""Chinese numerals, read with their spans and written.

Read: ``to_number("十五")`` → 15, ``to_number("1.5万")`` → 15000, ``to_number("两")`` → 2,
``chinese_to_int("二〇二三")`` → 2023; ``numerals_in("配备两名保安、1.5万元")`` gives each numeral
with where it stands.  Written: ``to_chinese(12)`` → "十二", ``to_chinese(105)`` → "一百零五",
``digit_by_digit(2023)`` → "二〇二三".

A small converter of our own rather than cn2an: the extractors need to know where each numeral
starts and ends in the text, and only a dozen characters are involved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
SMALL = {"十": 10, "百": 100, "千": 1000}
BIG = {"万": 10_000, "亿": 100_000_000}
# zero as dates write it too: 二○二三年 (a circle), read only where a year is expected
ZEROS = "零〇○"

CN_CHARS = "".join(DIGITS) + "".join(SMALL) + "".join(BIG)
ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
CHINESE = rf"[{CN_CHARS}]+(?:点[{''.join(DIGITS)}]+)?"
_NUMERAL = re.compile(rf"{ARABIC}\s*[{''.join(BIG)}]*|{CHINESE}")

_WRITTEN = "〇一二三四五六七八九"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"


@dataclass(frozen=True)
class Numeral:
    """A numeral in a text: ``Numeral(2, 4, "两", 2)`` — offsets, as written, its value."""

    start: int
    end: int
    text: str
    value: int | float


def numerals_in(text: str) -> list[Numeral]:
    """Every numeral in ``text`` with its span: ``"配备两名保安、1.5万元"`` → 两 (2), 1.5万 (15000)."""
    out = []
    for m in _NUMERAL.finditer(text):
        value = to_number(m.group(0))
        if value is not None:
            out.append(Numeral(m.start(), m.end(), m.group(0), value))
    return out


def chinese_to_int(text: str) -> int | None:
    """Chinese numeral → int: "三千" → 3000, "十五" → 15, "一百零五" → 105; None if not a numeral."""
    if not text or any(ch not in DIGITS and ch not in SMALL and ch not in BIG for ch in text):
        return None
    if all(ch in DIGITS for ch in text) and len(text) > 1:
        return int("".join(str(DIGITS[ch]) for ch in text))  # 二〇二三 written digit by digit
    total = section = digit = 0
    for ch in text:
        if ch in DIGITS:
            digit = DIGITS[ch]
        elif ch in SMALL:
            section += (digit or 1) * SMALL[ch]  # 十五: an implicit 一 before 十
            digit = 0
        else:
            section = (section + digit) or 1
            total = (total + section) * BIG[ch] if BIG[ch] > 10_000 else total + section * BIG[ch]
            section = digit = 0
    return total + section + digit


def to_number(text: str) -> int | float | None:
    """A numeral as written → a number: "1.5万" → 15000, "两" → 2, "3,000" → 3000, "二点五" → 2.5."""
    text = text.strip()
    multiplier = 1
    while text and text[-1] in BIG and not (len(text) > 1 and _is_chinese(text[:-1])):
        multiplier *= BIG[text[-1]]
        text = text[:-1].rstrip()
    if re.fullmatch(ARABIC, text):
        try:
            value = Decimal(text.replace(",", ""))
        except InvalidOperation:
            return None
    elif "点" in text:
        whole, _, frac = text.partition("点")
        head = chinese_to_int(whole)
        if head is None or any(ch not in DIGITS for ch in frac):
            return None
        value = Decimal(f"{head}.{''.join(str(DIGITS[ch]) for ch in frac)}")
    else:
        number = chinese_to_int(text)
        if number is None:
            return None
        value = Decimal(number)
    return plain(value * multiplier)


def plain(value: Decimal) -> int | float:
    """Decimal → int when whole, else float: Decimal("15000.0") → 15000."""
    return int(value) if value == value.to_integral_value() else float(value)


def _is_chinese(text: str) -> bool:
    """"三千" → True; "1.5" → False."""
    return all(ch in CN_CHARS for ch in text)


def to_chinese(n: int, *, legal: bool = False) -> str:
    """Counting form of 0 to 9999: 0 → "零", 10 → "十", 11 → "十一", 20 → "二十", 105 → "一百零五";
    ``legal`` writes the financial characters (11 → "拾壹")."""
    if not 0 <= n < 10000:
        raise ValueError(f"to_chinese covers 0-9999, got {n}")
    digits, names = (_LEGAL, "仟佰拾") if legal else (_WRITTEN, "千百十")
    if n == 0:
        return "零"
    out: list[str] = []
    rest = n
    gap = False
    for value, name in zip((1000, 100, 10), names, strict=True):
        d, rest = divmod(rest, value)
        if d:
            if gap:
                out.append("零")
                gap = False
            # 十一 not 一十一 when ten is the highest place
            out.append(name if (value == 10 and d == 1 and not out) else digits[d] + name)
        elif out:
            gap = True
    if rest:
        if gap:
            out.append("零")
        out.append(digits[rest])
    return "".join(out)


def digit_by_digit(n: int) -> str:
    """A number written one Chinese digit per digit, as years are: 2023 → "二〇二三"."""
    return "".join(_WRITTEN[int(c)] for c in str(n))


def chinese_forms(value: float | int) -> list[str]:
    """How a plan may write a small whole number in Chinese: ``2`` → ``["两", "二"]``, ``15`` → ``["十五"]``."""
    if not float(value).is_integer() or not 0 <= value < 100:
        return []
    n = int(value)
    return ["两", "二"] if n == 2 else [to_chinese(n)]
