"""Numbers with their units in normalised text: "至少配1名" → Token(value=1, unit="名").

Only quantities are tokens: a numeral needs a unit, a % sign or a ratio
colon.  Names that hold numbers (years, document numbers, standard codes,
clock times, list numbers, quoted slogans) are cut out first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from policykit.china.numerals import ARABIC, CHINESE, to_number
from policykit.numbers.vocab import Vocab


@dataclass(frozen=True)
class Token:
    """A quantity: "100人以上" gives start/end around "100人", value 100, unit "人"."""

    start: int
    end: int
    value: int | float
    unit: str | None
    kind: str  # count, percent, ratio, range, staffing, bare (no unit written)
    value_max: int | float | None = None
    between_op: str | None = None  # 余 / 多 written inside: 100余人
    of: str | None = None  # staffing rules: 一校一警 → "校"


@dataclass(frozen=True)
class Patterns:
    """The compiled regular expressions of one vocabulary."""

    quantity: re.Pattern[str]
    staffing: re.Pattern[str]


def _alternation(words: tuple[str, ...]) -> str:
    """("名", "次") → "名|次", escaped, order kept (longest first)."""
    return "|".join(re.escape(w) for w in words)


@lru_cache(maxsize=4)
def patterns(vocab: Vocab) -> Patterns:
    """The token regular expressions for one vocabulary."""
    mag = "".join(vocab.magnitudes)
    number = rf"(?:{ARABIC}\s*[{mag}]*|{CHINESE})"
    unit = _alternation(vocab.units)
    between = _alternation(tuple(vocab.between))
    quantity = re.compile(
        rf"百分之(?P<pc>{number})|(?P<pa>{number})\s*%|(?P<pall>百分百)"
        rf"|(?P<q1>{ARABIC})\s*:\s*(?P<q2>{ARABIC})\s*(?:-|~|至|到|—)\s*(?P<q3>{ARABIC})\s*:\s*(?P<q4>{ARABIC})"
        rf"|(?P<r1>{ARABIC})\s*:\s*(?P<r2>{ARABIC})"
        rf"|(?P<a>{number})\s*(?P<ua>{unit})?\s*(?:-|~|至|到|—)\s*(?P<b>{number})\s*(?P<ub>{unit}|%)"
        rf"|(?P<n>{number})\s*(?P<btw>{between})?\s*(?P<u>{unit})"
        rf"|(?P<bare>{ARABIC})(?=\s*(?:以上|以下|左右|以内))"  # "签约服务率要到达90以上": unit left out
    )
    staffing = re.compile(rf"一(?P<of>[\u4e00-\u9fff]{{1,2}}?)一(?P<y>{_alternation(vocab.per_each_staff)})")
    return Patterns(quantity, staffing)


def excluded_spans(text: str, vocab: Vocab) -> list[tuple[int, int]]:
    """Stretches of ``text`` whose numbers are names: "GB/T29315-2022", "“4个100%”", "2023年"."""
    spans = [m.span() for rx in vocab.not_requirements for m in rx.finditer(text)]
    for pair in vocab.quote_pairs:
        opening, closing = pair[0], pair[1]
        for m in re.finditer(rf"{re.escape(opening)}[^{re.escape(closing)}\n]{{0,40}}{re.escape(closing)}", text):
            spans.append(m.span())
    return spans


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``pos`` falls in any of ``spans``."""
    return any(a <= pos < b for a, b in spans)


def find_tokens(text: str, vocab: Vocab) -> list[Token]:
    """Quantities in normalised ``text``, left to right: "每增加500名学生增配1名" → 500 名, 1 名."""
    pats = patterns(vocab)
    staffing = [_staffing_token(m) for m in pats.staffing.finditer(text)]
    taken = [(t.start, t.end) for t in staffing]
    skip = excluded_spans(text, vocab)
    tokens = list(staffing)
    for m in pats.quantity.finditer(text):
        ratio = (m.group("r1") or m.group("q1")) is not None and "比" in text[max(0, m.start() - 8):m.end() + 3]
        if (_inside(m.start(), skip) and not ratio) or _inside(m.start(), taken):
            continue  # a ratio named as one ("师生比1:12") is no clock time
        token = _quantity_token(m)
        if token is not None:
            tokens.append(token)
    return sorted(tokens, key=lambda t: t.start)


def _staffing_token(m: re.Match[str]) -> Token:
    """"一校一警" → Token(value 1, unit "警", of "校")."""
    return Token(m.start(), m.end(), 1, m.group("y"), "staffing", of=m.group("of"))


def _quantity_token(m: re.Match[str]) -> Token | None:
    """One match of the quantity pattern → a Token: "百分之六十" → 60 %, "1-2个" → range 1..2 个."""
    g = m.groupdict()
    if g["pall"]:
        return Token(m.start(), m.end(), 100, "%", "percent")
    if g["pc"] or g["pa"]:
        value = to_number(g["pc"] or g["pa"])
        return None if value is None else Token(m.start(), m.end(), value, "%", "percent")
    if g["q1"]:  # "1.2:1至1.5:1": a range of ratios
        parts = [to_number(g[k]) for k in ("q1", "q2", "q3", "q4")]
        if not all(parts):
            return None
        low, high = _ratio(parts[0], parts[1]), _ratio(parts[2], parts[3])  # type: ignore[arg-type]
        return Token(m.start(), m.end(), low, ":1", "range", value_max=high)
    if g["r1"]:
        left, right = to_number(g["r1"]), to_number(g["r2"])
        if not left or not right:
            return None
        return Token(m.start(), m.end(), _ratio(left, right), ":1", "ratio")
    if g["bare"]:
        value = to_number(g["bare"])
        return None if value is None else Token(m.start(), m.end(), value, None, "bare")
    if g["a"]:
        low, high = to_number(g["a"]), to_number(g["b"])
        if low is None or high is None:
            return None
        return Token(m.start(), m.end(), low, g["ub"], "range", value_max=high)
    value = to_number(g["n"])
    if value is None:
        return None
    return Token(m.start(), m.end(), value, g["u"], "count", between_op=g["btw"])


def _ratio(left: int | float, right: int | float) -> int | float:
    """600:1 → 600; 1:1.6 → 0.625 (always "value:1")."""
    value = round(left / right, 4)
    return int(value) if value == int(value) else value
