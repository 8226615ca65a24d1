"""Requirements and deadlines in the draft: settled by the profile's [numbers], or flagged.

``mark_requirements("…每年…不少于15天", reqs, adapter)`` with ``[numbers]
"学校专职保安员培训及实操演练" = 20`` gives ``"…不少于20天"``; a requirement the profile
does not settle, a deadline already past on the profile's date or counted from the
source's date comes back as a ``Piece`` with a review note.
"""

from __future__ import annotations

import re

from policykit.china.numerals import chinese_forms
from policykit.drafting.adapt import Adapter, Piece, merge
from policykit.model import Deadline, Requirement


def mark_requirements(text: str, requirements: list[Requirement], adapter: Adapter) -> list[Piece]:
    """Cut ``text`` at each requirement: settled by the profile's [numbers] → new text; else flagged.

    ``"…每年…不少于15天"`` with ``numbers = {"学校专职保安员培训及实操演练" = 20}`` → ``"…不少于20天"``.
    """
    pieces: list[Piece] = []
    pos = 0
    spots = []
    for req in requirements:
        at = text.find(req.text, pos) if req.text else -1
        if at < 0:
            at = text.find(req.text) if req.text else -1
        if at >= 0:
            spots.append((at, req))
    for at, req in sorted(spots, key=lambda s: s[0]):
        if at < pos:
            continue
        pieces.append(Piece(text[pos:at]))
        settled, reason = settle_requirement(req, adapter)
        pieces.append(Piece(req.text, reason) if settled is None else Piece(settled))
        pos = at + len(req.text)
    pieces.append(Piece(text[pos:]))
    return [p for p in pieces if p.text]


def mark_deadlines(pieces: list[Piece], deadlines: list[Deadline], adapter: Adapter) -> list[Piece]:
    """Flag deadlines the new plan cannot keep as written: past on the profile's date, or counted from the source's.

    With ``date = 2024-04-08``: ``"2024年前实现…"`` → ``"2024年前"`` flagged (it ended 2023-12-31);
    ``"3年内实现全覆盖"`` → ``"3年内"`` flagged (three years from the source's date).
    """
    today = adapter.profile.date
    reasons = {}
    for deadline in deadlines:
        if deadline.date and today and deadline.date < today:
            reasons[deadline.text] = f"deadline already past on {today}: {deadline.text} (ended {deadline.date})"
        elif deadline.date and deadline.relative:
            reasons[deadline.text] = (f"deadline counted from the source's date: {deadline.text} "
                                      f"(ends {deadline.date}); restate it for this plan")
    if not reasons:
        return pieces
    pattern = re.compile("|".join(re.escape(t) for t in sorted(reasons, key=len, reverse=True)))
    out: list[Piece] = []
    for piece in pieces:
        if piece.review or piece.fixed:
            out.append(piece)
            continue
        pos = 0
        for m in pattern.finditer(piece.text):
            out.append(Piece(piece.text[pos:m.start()]))
            out.append(Piece(m.group(0), reasons[m.group(0)]))
            pos = m.end()
        out.append(Piece(piece.text[pos:]))
    return merge(out)


def settle_requirement(req: Requirement, adapter: Adapter) -> tuple[str | None, str | None]:
    """The requirement as this county writes it, or (None, why the drafter must check it).

    The profile's [numbers] key is the requirement's text, or its subject when the source
    has only one requirement with that subject: ``{"专职保安员" = 2}`` cannot say which of
    five 专职保安员 numbers it means.  A number replaces the written number; a string the text.
    """
    numbers = adapter.profile.numbers
    value = numbers.get(req.text)
    if value is None and req.subject in numbers:
        if adapter.subjects[req.subject] > 1:
            return None, (f"[numbers] {req.subject!r} is ambiguous ({adapter.subjects[req.subject]} "
                          f"requirements): key it by the text instead: {req.text}")
        value = numbers[req.subject]
    if value is None:
        return None, f"number not settled by the profile's [numbers]: {req.text}"
    if isinstance(value, str):
        return value, None
    new = replace_number(req.text, req.value, value)
    if new is None:
        return None, f"[numbers] value {value} could not be written into: {req.text}"
    return new, None


def replace_number(text: str, old: float | int | None, new: float | int) -> str | None:
    """``replace_number("每年不少于十五天", 15, 20)`` → ``"每年不少于20天"``; None when ``old`` is not written there."""
    new_text = _number_text(new)
    if old is not None:
        m = re.search(rf"(?<![\d.]){re.escape(_number_text(old))}(?![\d.])", text)
        if m:
            return text[:m.start()] + new_text + text[m.end():]
        for written in chinese_forms(old):
            if written in text:
                return text.replace(written, new_text, 1)
        return None
    m = re.search(r"\d+(?:\.\d+)?", text)
    return text[:m.start()] + new_text + text[m.end():] if m else None


def _number_text(value: float | int) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)
