"""One quantity being read as a requirement, and the word helpers the reading steps share."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from policykit.numbers.tokens import Token
from policykit.numbers.vocab import Vocab


@dataclass
class Reading:
    """What one token turned out to be before conditions and subjects are settled."""

    token: Token
    op: str
    bound_start: int  # where the bound word, verb or number begins
    end: int  # end of number, unit and any bound word after it
    target: bool = False
    value_max: int | float | None = None
    unit: str | None = None
    per: dict[str, Any] | None = None
    period: str | None = None
    flags: list[str] = field(default_factory=list)
    subject: str | None = None
    subject_start: int | None = None
    subject_end: int | None = None
    is_condition: bool = False
    describes: bool = False  # "5岁以下儿童": says who is meant, part of the words around it, limits nothing
    place: bool = False  # "周边200米范围内": a distance that says where; ``end`` is after 范围内
    text_start: int | None = None  # the period word, when it opens the requirement's wording
    per_end: int | None = None  # end of a density phrase ("每千人口") before the number
    verb: str | None = None  # the verb right before the number ("培训5000人次")
    after_subject: str | None = None  # the noun phrase after the quantity, even when not chosen
    scope: str | None = None  # a 每X scope split off the subject ("每个工作站硬件设施经费" → 每个工作站)


def ends_with(text: str, words: tuple[str, ...]) -> str | None:
    """The first of ``words`` (longest first) that ends ``text``: "至少配备" → "配备"."""
    return next((w for w in words if text.endswith(w)), None)


def starts_with(text: str, words: tuple[str, ...]) -> str | None:
    """The first of ``words`` (longest first) that starts ``text``: "开展联合检查" → "开展"."""
    return next((w for w in words if text.startswith(w)), None)


def trim_modals(text: str, vocab: Vocab) -> str:
    """Drop modal and linking words at the end: "队员人数为" → "队员人数"."""
    word = ends_with(text, vocab.modal_words)
    while word and len(word) < len(text):
        text = text[: -len(word)].rstrip()
        word = ends_with(text, vocab.modal_words)
    return text
