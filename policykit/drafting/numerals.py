"""Numbers and dates as a plan writes them: 一、 (十二) outline numbers, 十五天, 2024年4月8日.

The drafter's one formatter of Chinese numerals (``policykit.numbers.numerals``
only parses them); the outline numbering and the [numbers] replacement both use it.
"""

from __future__ import annotations

import datetime as dt

DIGITS = "零一二三四五六七八九"


def to_chinese(n: int) -> str:
    """A whole number from 0 to 99 in Chinese numerals: ``12`` → ``"十二"``, ``21`` → ``"二十一"``, ``10`` → ``"十"``."""
    if not 0 <= n < 100:
        raise ValueError(f"to_chinese covers 0-99, got {n}")
    if n < 10:
        return DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else DIGITS[tens]) + "十" + (DIGITS[ones] if ones else "")


def chinese_forms(value: float | int) -> list[str]:
    """How a plan may write a small whole number in Chinese: ``2`` → ``["两", "二"]``, ``15`` → ``["十五"]``."""
    if not float(value).is_integer() or not 0 <= value < 100:
        return []
    n = int(value)
    return ["两", "二"] if n == 2 else [to_chinese(n)]


def chinese_date(iso: str) -> str:
    """``"2024-04-08"`` → ``"2024年4月8日"`` (no leading zeros, GB/T 9704 成文日期)."""
    day = dt.date.fromisoformat(iso)
    return f"{day.year}年{day.month}月{day.day}日"
