"""Numeric requirements and deadlines (SPEC: REQUIREMENT).

``extract_requirements("每学期至少开展1次饮用水检测")`` → one Requirement: op ">=",
value 1, unit "次", period "每学期", subject "饮用水检测".  The vocabulary (bound
words, units, periods, names that are not requirements) is
``policykit/data/requirements.toml``; see docs/requirements.md.
"""

from __future__ import annotations

from typing import Any

from policykit.model import Deadline, Requirement, Span
from policykit.numbers.assemble import read_requirements
from policykit.numbers.deadlines import read_deadlines
from policykit.numbers.vocab import load_vocab
from policykit.text import normalise


def extract_requirements(text: str, offset: int = 0, *, task_id: str | None = None,
                         vocab_path: str | None = None) -> list[Requirement]:
    """Every numeric requirement in ``text``; spans are ``offset`` + position in ``text``.

    >>> [r.value for r in extract_requirements("每年开展联合检查不少于2次")]
    [2]
    """
    vocab = load_vocab(vocab_path)
    out = []
    for f in read_requirements(normalise(text).translate(vocab.traditional), vocab):
        out.append(Requirement(
            text=text[f.start:f.end], subject=f.subject, op=f.op, value=f.value, value_max=f.value_max,
            unit=f.unit, period=f.period, per=f.per, condition=f.condition, task=task_id,
            span=Span(offset + f.start, offset + f.end), target=f.target, flags=list(f.flags),
        ))
    return out


def extract_deadlines(text: str, offset: int = 0, *, plan_date: str | None = None,
                      period: dict[str, Any] | None = None) -> list[Deadline]:
    """Every deadline in ``text`` (到2023年底, 三年内, 长期坚持 …).

    >>> extract_deadlines("到2023年底,60%的学校完成创建")[0].date
    '2023-12-31'
    """
    out = []
    readable = normalise(text).translate(load_vocab().traditional)
    for f in read_deadlines(readable, plan_date=plan_date, period=period):
        written = text[f.start:f.end]
        out.append(Deadline(text=written, date=f.date, relative=written if f.relative else None,
                            span=Span(offset + f.start, offset + f.end)))
    return out
