"""Dates as plans write them, read once and written once.

``parse_date("二〇二三年五月六日")`` → ``"2023-05-06"``; ``parse_date("2023-05-09")`` → ``"2023-05-09"``;
``format_date("2024-04-08")`` → ``"2024年4月8日"`` (GB/T 9704 成文日期: no leading zeros).  ``YEAR``,
``MONTH`` and ``DAY`` are the pieces (named groups ``y``, ``m``, ``d``) the deadline reader builds its
patterns from (到2023年底, 2024年6月30日前).
"""

from __future__ import annotations

import datetime as dt
import re

from policykit.china.numerals import DIGITS, ZEROS, to_number
from policykit.text import normalise, simplify

_CN_DIGITS = ZEROS + "一二三四五六七八九"
YEAR = rf"(?P<y>(?:19|20)\d{{2}}|[{_CN_DIGITS}]{{4}})"  # a plan's year: 2023, 二〇二三, 二○二三
MONTH = r"(?P<m>\d{1,2}|[一二三四五六七八九十]{1,3})"
DAY = r"(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})"
# a year as notices type it may mix the two: 二00八 (〇 typed as the digit 0)
_DATE_CN = re.compile(rf"(?P<y>[0-9{_CN_DIGITS}]{{4}})\s*年\s*{MONTH}\s*月\s*{DAY}\s*日")
_DATE_ISO = re.compile(r"(\d{4})[-./](\d{1,2})[-./](\d{1,2})")


def year_value(text: str) -> int | None:
    """A year written digit by digit: ``"2023"``, ``"二〇二三"``, ``"二○二三"``, ``"二00八"`` → the year;
    None when it is no year."""
    digits = [int(c) if c.isascii() and c.isdigit() else DIGITS.get("〇" if c == "○" else c) for c in text]
    if len(digits) != 4 or any(d is None for d in digits):
        return None
    return int("".join(map(str, digits)))


def iso(year: int, month: object, day: object) -> str | None:
    """(2025, 6, 30) → ``"2025-06-30"``; None for a day that does not exist (十三月, 2月30日)."""
    try:
        return dt.date(year, int(month), int(day)).isoformat()  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return None


def parse_date(text: str) -> str | None:
    """The first date in ``text``: ``"2023年5月6日"`` / ``"二〇二三年五月六日"`` / ``"2023-05-09"`` → ISO."""
    text = simplify(normalise(text))
    m = _DATE_CN.search(text)
    if m:
        year = year_value(m.group("y"))
        return iso(year, to_number(m.group("m")), to_number(m.group("d"))) if year is not None else None
    m = _DATE_ISO.search(text)
    return iso(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def is_date(text: str) -> bool:
    """Whether ``text`` is a date and nothing else: ``"2025年5月18日"`` → True, ``"于2025年5月18日"`` → False."""
    text = text.strip()
    return bool(_DATE_CN.fullmatch(text) or _DATE_ISO.fullmatch(text))


def format_date(iso_date: str) -> str:
    """``"2024-04-08"`` → ``"2024年4月8日"`` (no leading zeros, GB/T 9704 成文日期)."""
    day = dt.date.fromisoformat(iso_date)
    return f"{day.year}年{day.month}月{day.day}日"
