"""Deadlines in normalised text: "到2023年底" → 2023-12-31; "3年内" → relative; "长期坚持" → no date."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from policykit.china.dates import DAY, MONTH, YEAR, iso, year_value
from policykit.china.numerals import CHINESE, to_number
from policykit.numbers.vocab import load_deadline_words

NUMBER = rf"(?P<n>\d+|{CHINESE})"


@dataclass
class FoundDeadline:
    """One deadline in normalised-text coordinates (see policykit.model.Deadline)."""

    start: int
    end: int
    date: str | None
    relative: str | None


def _alt(words: tuple[str, ...]) -> str:
    """("年", "学期") → "年|学期", escaped."""
    return "|".join(re.escape(w) for w in words)


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    """The deadline shapes, most specific first: ("day", 2025年6月30日前) … ("standing", 长期坚持)."""
    words = load_deadline_words()
    lead = rf"(?:(?:{_alt(words['lead_words'])})\s*)"
    return [
        ("span", re.compile(rf"(?<![(\d])(?:在|于)?(?:19|20)\d{{2}}\s*年?\s*(?:至|到|-|—|~)\s*{YEAR}\s*年(?![)\d])")),
        ("half", re.compile(rf"{lead}?{YEAR}\s*年\s*(?P<half>上半年|下半年|年中)\s*(?:前|之前|以前|底前|末前|底|末)?")),
        ("occasion", re.compile(rf"{lead}?{YEAR}\s*年\s*(?:{_alt(words['occasions'])})\s*(?:前|之前|以前)")),
        ("day", re.compile(rf"{lead}?{YEAR}\s*年\s*{MONTH}\s*月\s*{DAY}\s*[日号](?:\s*(?P<mark>前|之前|以前))?")),
        ("month", re.compile(rf"{lead}?{YEAR}\s*年\s*{MONTH}\s*月(?:\s*(?P<mark>底前|底|末|前|之前|以前))?")),
        ("year_end", re.compile(rf"{lead}?{YEAR}\s*年\s*(?:年底|年末|底|末)(?:\s*(?:前|之前|以前))?")),
        # "于2月29日前", "起至6月30日": a day in the plan's own year
        ("day_no_year", re.compile(rf"(?<![\d年月一二三四五六七八九十])(?:(?P<lead>于|至|到|截至)\s*)?(?<![\d月])"
                                   rf"{MONTH}\s*月\s*{DAY}\s*[日号](?:\s*(?P<mark>前|之前|以前))?")),
        ("year_before", re.compile(rf"{YEAR}\s*年\s*(?:前|之前|以前)")),
        ("year_within", re.compile(rf"{lead}?{YEAR}\s*年\s*(?:内|以内|之内)")),
        ("year_to", re.compile(rf"{lead}{YEAR}\s*年(?![\d一二三四五六七八九十]+月)")),
        ("within", re.compile(rf"{NUMBER}\s*(?P<u>{_alt(words['relative_units'])})\s*(?:内|以内|之内)")),
        ("monthly", re.compile(r"每月\s*\d{1,2}\s*[日号]\s*(?:前|之前|以前)?")),
        ("cycle", re.compile(rf"每(?:{_alt(words['cycles'])})(?:开学)?(?:第[\d一二三四五六七八九十]+(?:周|个月|天)"
                             r"|年底前|底前|末前|开学前|开学初|前|初|末|底)")),
        # only as a whole cell or clause ("完成时限:长期坚持"); "持续推进X" is a verb phrase
        ("standing", re.compile(rf"(?:{_alt(words['standing'])})(?=\s*(?:[,;。)\n\t]|$))")),
    ]


def read_deadlines(text: str, *, plan_date: str | None = None,
                   period: dict[str, Any] | None = None) -> list[FoundDeadline]:
    """Every deadline in normalised ``text``: "2024年年底前实现全覆盖" → date "2024-12-31"."""
    words = load_deadline_words()
    found: list[FoundDeadline] = []
    taken: list[tuple[int, int]] = []
    for kind, rx in _patterns():
        for m in rx.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            if m.group(0)[:1] in "到至" and any(text.endswith(w, 0, m.start()) for w in words.get("not_after", ())):
                continue  # "增加到2019年6.30张"
            if m.group(0)[:1] == "于" and text[m.start() - 1:m.start()] in words.get("not_after_yu", ()):
                continue  # "不高于2017年征收标准"
            deadline = _build(kind, m, plan_date, period, words)
            if deadline is not None:
                found.append(deadline)
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda f: f.start)


def _year(text: str) -> int | None:
    """"2023" or "二〇二三" → 2023; None outside 1900–2100."""
    year = year_value(text)
    return year if year is not None and 1900 <= year <= 2100 else None


def _build(kind: str, m: re.Match[str], plan_date: str | None, period: dict[str, Any] | None,
           words: dict[str, tuple[str, ...]]) -> FoundDeadline | None:
    """One match → a deadline; None when the words turn out not to be one (a bare date)."""
    start, end = m.span()
    if kind in ("cycle", "monthly", "standing", "occasion"):
        return FoundDeadline(start, end, None, m.group(0))
    if kind == "within":
        return FoundDeadline(start, end, _within(m, plan_date, period), m.group(0))
    if kind == "day_no_year":
        return _day_no_year(m, plan_date)
    year = _year(m.group("y"))
    if year is None:
        return None
    has_lead = any(m.group(0).startswith(w) for w in words["lead_words"])
    if kind == "day":
        if not (has_lead or m.group("mark")):
            return None  # a date, not a deadline: 2023年5月6日
        month, day = to_number(m.group("m")), to_number(m.group("d"))
        return FoundDeadline(start, end, iso(year, month, day), None)
    if kind == "month":
        if not (has_lead or m.group("mark")):
            return None
        month = to_number(m.group("m"))
        if not isinstance(month, int) or not 1 <= month <= 12:
            return None
        last = calendar.monthrange(year, month)[1]
        if m.group("mark") in ("前", "之前", "以前"):
            return FoundDeadline(start, end, (date(year, month, 1) - timedelta(days=1)).isoformat(), None)
        return FoundDeadline(start, end, iso(year, month, last), None)
    if kind == "half":
        return FoundDeadline(start, end, f"{year}-06-30" if m.group("half") != "下半年" else f"{year}-12-31", None)
    if kind == "year_before":
        return FoundDeadline(start, end, f"{year - 1}-12-31", None)  # 2024年前: before 2024 begins
    return FoundDeadline(start, end, f"{year}-12-31", None)


def _day_no_year(m: re.Match[str], plan_date: str | None) -> FoundDeadline | None:
    """"于2月29日前" → that day of the plan's year; without a plan date, no date and the words."""
    if not (m.group("lead") or m.group("mark")):
        return None  # a date, not a deadline: 5月6日
    if m.group("lead") and not m.group("mark") and m.group("lead") != "至":
        return None  # "于3月15日召开": when something happens, not by when
    start, end = m.span()
    if m.group("lead") and not m.group("mark"):
        start = m.start("m")  # "至6月30日": the day itself; 至 only shows it ends a span
    year = plan_date[:4] if plan_date and plan_date[:4].isdigit() else None
    written = re.search(r"((?:19|20)\d{2})\s*年[^。;\n]{0,40}$", m.string[:m.start()])
    if written:
        year = written.group(1)  # "从2021年4月20日起至6月30日": the year written just before
    when = iso(int(year), to_number(m.group("m")), to_number(m.group("d"))) if year else None
    return FoundDeadline(start, end, when, None if when else m.string[start:end])


def _within(m: re.Match[str], plan_date: str | None, period: dict[str, Any] | None) -> str | None:
    """"3年内" → the last day it allows: from the plan's period start year, else from its date."""
    n = to_number(m.group("n"))
    if not isinstance(n, int) or n <= 0:
        return None
    if n > 100:
        return None  # not a plan's horizon: noise
    if m.group("u") == "年" and period and period.get("start"):
        return f"{int(period['start']) + n - 1}-12-31"
    if plan_date:
        try:
            start = date.fromisoformat(plan_date)
        except ValueError:
            return None
        months = n * 12 if m.group("u") == "年" else n
        year, month = divmod(start.month - 1 + months, 12)
        year += start.year
        day = min(start.day, calendar.monthrange(year, month + 1)[1])
        return (date(year, month + 1, day) - timedelta(days=1)).isoformat()
    return None
