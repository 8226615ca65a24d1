"""Chinese and Arabic numerals → numbers: "十五" → 15, "1.5万" → 15000, "百分之六十" → 60.

A small converter of our own rather than cn2an: the extractor needs to know
where each numeral starts and ends in the text (spans), and only a dozen
characters are involved.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
SMALL = {"十": 10, "百": 100, "千": 1000}
BIG = {"万": 10_000, "亿": 100_000_000}

CN_CHARS = "".join(DIGITS) + "".join(SMALL) + "".join(BIG)
ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
CHINESE = rf"[{CN_CHARS}]+(?:点[{''.join(DIGITS)}]+)?"


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
