"""Who leads and who co-operates, as the text writes it: trailers, field lines, sentences, standing rules.

Every function reads normalised text (``policykit.text.normalise``: same
offsets as the text as read) and returns ``Piece``s — raw unit-list text with
its offset — for ``policykit.units.parse_unit_list`` to split and name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from policykit.structure.data import load
from policykit.structure.textnorm import norm
from policykit.structure.unitlike import looks_like_units, unit_list_pattern
from policykit.units import list_end

OPEN_CLOSE = {"(": ")", "〔": "〕", "【": "】", "[": "]"}
_CLAUSE_SEP = ",;。，；"
_TRIM = " \t、,;。，；:"


@dataclass
class Piece:
    """A raw unit list as written, and its offset in the text as read."""

    text: str
    start: int


@dataclass
class Assignment:
    """The units one assignment names, by role; ``responsible`` (责任单位) is resolved later.

    ``deadline`` holds the values of time-limit labels written beside the units
    ("完成时限:2024年12月底前"); they name no unit, so they do not make it true.
    """

    style: str  # trailer, field, sentence, heading, table, rule
    lead: list[Piece] = field(default_factory=list)
    co: list[Piece] = field(default_factory=list)
    responsible: list[Piece] = field(default_factory=list)
    span: tuple[int, int] | None = None  # where it is written, offsets into the text as read
    deadline: list[Piece] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.lead or self.co or self.responsible)

    def extend(self, other: Assignment) -> None:
        self.lead += other.lead
        self.co += other.co
        self.responsible += other.responsible
        self.deadline += other.deadline


@dataclass
class Rule:
    """A standing rule and where it is stated: ``列第一位者为牵头单位(下同)``."""

    kind: str  # first_leads, implicit_co
    start: int
    text: str
    units: Piece | None = None


# ---------------------------------------------------------------------------
# labels: "牵头单位:X;责任单位:Y"


@lru_cache(maxsize=1)
def _labels() -> tuple[re.Pattern[str], dict[str, str]]:
    roles: dict[str, str] = load("assign")["labels"]
    alt = "|".join(map(re.escape, sorted(roles, key=len, reverse=True)))
    return re.compile(rf"(?:{alt})"), roles


def _label_at(norm: str, pos: int, colon: bool) -> re.Match[str] | None:
    pattern, _ = _labels()
    m = pattern.match(norm, pos)
    if not m:
        return None
    after = norm[m.end():m.end() + 3].lstrip(" ")
    if colon and not after.startswith(":"):
        return None
    return m


def labelled(norm: str, raw: str, offset: int, colon: bool = True) -> tuple[Assignment, str]:
    """Split labelled text into roles; also return the text before the first label.

    ``"牵头单位:市教育体育局;责任单位:市公安局"`` → lead [市教育体育局], responsible [市公安局].
    """
    pattern, roles = _labels()
    found = [m for m in pattern.finditer(norm) if _label_at(norm, m.start(), colon)]
    found = [m for i, m in enumerate(found) if not i or m.start() >= found[i - 1].end()]
    out = Assignment("field")
    for i, m in enumerate(found):
        end = found[i + 1].start() if i + 1 < len(found) else len(norm)
        vstart = m.end()
        while vstart < end and norm[vstart] in " :":
            vstart += 1
        piece = _trimmed(raw, norm, vstart, _without_verb(norm, vstart, end), offset)
        role = roles[m.group(0)]
        if piece is None or role == "ignore":
            continue
        getattr(out, role).append(piece)
    before = norm[:found[0].start()] if found else norm
    return out, before


def _without_verb(norm: str, start: int, end: int) -> int:
    """End of a labelled value without a closing verb: "A、B等按职责分工负责" → end of "A、B"."""
    while end > start and norm[end - 1] in _TRIM:
        end -= 1
    for verb, _ in _clause_verbs():
        if norm.endswith(verb, start, end):
            end -= len(verb)
            break
    if norm.endswith("等", start, end):
        end -= 1
    return end


def trim_span(norm: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) without the separators and spaces at either end: ``"、市公安局,"`` → the name."""
    while start < end and norm[start] in _TRIM:
        start += 1
    while end > start and norm[end - 1] in _TRIM:
        end -= 1
    return start, end


def _trimmed(raw: str, norm: str, start: int, end: int, offset: int) -> Piece | None:
    """The raw text in [start, end) without leading/trailing separators, as a Piece."""
    start, end = trim_span(norm, start, end)
    if end <= start:
        return None
    return Piece(raw[start:end], offset + start)


# ---------------------------------------------------------------------------
# clauses: "X、Y牵头", "A配合", "A、B、C等按职责分工负责"


@lru_cache(maxsize=1)
def _clause_verbs() -> list[tuple[str, str]]:
    conf = load("assign")["clauses"]
    verbs = [(v, role) for role in ("lead", "co", "responsible") for v in conf[role]]
    return sorted(verbs, key=lambda vr: len(vr[0]), reverse=True)


def clause(norm: str, raw: str, start: int, end: int, offset: int) -> tuple[str, Piece] | None:
    """One clause → (role, units): ``"市公安局、市司法局配合"`` → ("co", Piece("市公安局、市司法局"))."""
    start, end = trim_span(norm, start, end)
    text = norm[start:end]
    for opener in load("assign")["clauses"]["openers"]:
        if text.startswith(opener):
            start += len(opener)
            text = text[len(opener):]
            break
    role = "responsible"
    for verb, verb_role in _clause_verbs():
        if text.endswith(verb):
            role, end = verb_role, end - len(verb)
            text = text[: -len(verb)]
            break
    else:
        verb = ""
    if text.endswith("等"):
        end -= 1
        text = text[:-1]
    if not text or not looks_like_units(text):
        return None
    piece = _trimmed(raw, norm, start, end, offset)
    return (role, piece) if piece else None


def split_clauses(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """Top-level clauses of ``norm[start:end]``, split at , ; 。 outside brackets."""
    return split_outside(norm, start, end, _CLAUSE_SEP)


_QUOTE_PAIRS = {"“": "”", "《": "》", "‘": "’"}


def split_outside(norm: str, start: int, end: int, seps: str, *, quotes: bool = False,
                  keep: bool = False) -> list[tuple[int, int]]:
    """``norm[start:end]`` cut at any of ``seps`` outside brackets (and, with ``quotes``, outside
    “…” 《…》); ``keep`` leaves the separator at the end of its piece.  Blank pieces are dropped."""
    opens = set(OPEN_CLOSE) | (set(_QUOTE_PAIRS) if quotes else set())
    closes = set(OPEN_CLOSE.values()) | (set(_QUOTE_PAIRS.values()) if quotes else set())
    out, depth, cur = [], 0, start
    for i in range(start, end):
        ch = norm[i]
        if ch in opens:
            depth += 1
        elif ch in closes:
            depth = max(0, depth - 1)
        elif depth == 0 and ch in seps:
            out.append((cur, i + 1 if keep else i))
            cur = i + 1
    out.append((cur, end))
    return [(s, e) for s, e in out if norm[s:e].strip()]


def split_lead_marks(piece: Piece) -> tuple[list[Piece], list[Piece]]:
    """Units marked as lead inside a list: ``"市教育局(牵头)、市公安局"`` → ([市教育局], [市公安局])."""
    text = norm(piece.text)
    marks = sorted(load("assign")["clauses"]["lead_marks"], key=len, reverse=True)
    found = [(m.start(), m.end()) for m in re.finditer("|".join(map(re.escape, marks)), text)]
    if not found:
        return [], [piece]
    leads, rest, pos = [], [], 0
    for s, e in found:
        cut = max(text.rfind(sep, pos, s) for sep in "、,;")
        unit_start = cut + 1 if cut >= pos else pos
        if unit_start > pos:
            rest.append(Piece(piece.text[pos:unit_start], piece.start + pos))
        leads.append(Piece(piece.text[unit_start:s], piece.start + unit_start))
        pos = e
    if piece.text[pos:].strip(_TRIM):
        rest.append(Piece(piece.text[pos:], piece.start + pos))
    return [p for p in leads if p.text.strip()], rest


# ---------------------------------------------------------------------------
# trailers: "(牵头单位:X;责任单位:Y)", "〔A牵头,B配合〕", "(A、B、C等按职责分工负责)"


def bracket_groups(norm: str) -> list[tuple[int, int]]:
    """Outermost bracket groups as (open index, index after close); unbalanced ones are skipped."""
    groups, stack = [], []
    for i, ch in enumerate(norm):
        if ch in OPEN_CLOSE:
            stack.append((ch, i))
        elif stack and ch == OPEN_CLOSE[stack[-1][0]]:
            _, j = stack.pop()
            if not stack:
                groups.append((j, i + 1))
        elif ch in OPEN_CLOSE.values() and stack:
            stack.clear()  # mismatched: give up on this group
    return groups


def open_labelled_bracket(norm: str) -> bool:
    """The line ends inside a labelled bracket: ``"(牵头单位:县教育局;责任单位:县应急管理"`` → True;
    a remark does not count: ``"(含医疗美容"`` → False."""
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(norm):
        if ch in OPEN_CLOSE:
            stack.append((ch, i))
        elif stack and ch == OPEN_CLOSE[stack[-1][0]]:
            stack.pop()
        elif ch in OPEN_CLOSE.values() and stack:
            stack.clear()
    if not stack:
        return False
    inside = norm[stack[0][1] + 1:].strip()
    pattern, _ = _labels()
    return any(_label_at(inside, m.start(), colon=True) for m in pattern.finditer(inside))


def _is_rule_text(text: str) -> bool:
    return text.strip() in ("下同", "以下同") or any(
        re.search(r["pattern"], text) for r in load("assign")["rule"])


def trailer(norm: str, raw: str, start: int, end: int, offset: int, position: str | None) -> Assignment | None:
    """The bracket group ``norm[start:end]`` as an assignment, or None when it is not one.

    ``position``: "sentence" when the group stands after a sentence (or alone on
    its line), "end" when it only ends a clause ("加强周边巡逻(县公安局牵头)"), else
    None.  Labelled groups count anywhere; unlabelled ones need a verb (牵头,
    配合, 负责 …) at an end, and a bare unit list only after a sentence.
    """
    inner_s, inner_e = start + 1, end - 1
    found, before = labelled(norm[inner_s:inner_e], raw[inner_s:inner_e], offset + inner_s)
    has_label = bool(found) or len(before) < inner_e - inner_s
    if has_label:
        clause_end = inner_s + len(before)
    elif position is None:
        return None
    else:
        clause_end = inner_e
    out = Assignment("trailer", span=(offset + start, offset + end))
    out.extend(found)
    for cs, ce in split_clauses(norm, inner_s, clause_end):
        got = clause(norm, raw, cs, ce, offset)
        bare = got is not None and not _ends_with_verb(norm[cs:ce])
        if got and not (bare and not has_label and position != "sentence"):
            role, piece = got
            getattr(out, role).append(piece)
        elif not has_label and not _is_rule_text(norm[cs:ce]):
            return None  # an ordinary remark in brackets, e.g. "(含医疗美容机构)"
    return out if out else None


def _ends_with_verb(text: str) -> bool:
    text = text.strip(_TRIM)
    return any(text.endswith(verb) for verb, _ in _clause_verbs())


def _position(norm: str, start: int, end: int) -> str | None:
    """Where a bracket group stands: "sentence", "end" or None (see ``trailer``)."""
    before = norm[:start].rstrip()
    after = norm[end:].lstrip()
    if after and after[0] not in "。;":
        return None
    return "sentence" if not before or before[-1] in "。;!?:" else "end"


def find_trailers(norm: str, raw: str, offset: int) -> list[Assignment]:
    """Every trailer in a task's text, in order; also an unbracketed labelled tail
    after a sentence ("…实现全覆盖。责任单位:市教育局、市公安局")."""
    out = []
    groups = bracket_groups(norm)
    for s, e in groups:
        got = trailer(norm, raw, s, e, offset, _position(norm, s, e))
        if got:
            out.append(got)
    tail = _labelled_tail(norm, raw, offset, groups)
    return out + ([tail] if tail else [])


def _labelled_tail(norm: str, raw: str, offset: int, groups: list[tuple[int, int]]) -> Assignment | None:
    """From the first label with a colon that follows a sentence (outside brackets) to the line's end;
    a bracket never closed counts as the sentence's end ("…巡查。(牵头单位:县公安局;责任单位:县教育")."""
    pattern, _ = _labels()
    for m in pattern.finditer(norm):
        if any(s <= m.start() < e for s, e in groups) or not _label_at(norm, m.start(), colon=True):
            continue
        before = norm[:m.start()].rstrip()
        start = m.start()
        if before and before[-1] in OPEN_CLOSE and not any(s == len(before) - 1 for s, _ in groups):
            start = len(before) - 1
            before = before[:-1].rstrip()
            if before and before[-1] not in "。;!?":
                continue
        elif not before or before[-1] not in "。;!?":
            continue
        found, _ = labelled(norm[m.start():], raw[m.start():], offset + m.start())
        if not found:
            return None
        found.style = "field"
        found.span = (offset + start, offset + len(norm.rstrip()))
        return found
    return None


# ---------------------------------------------------------------------------
# field lines: "牵头单位:X" / "责任单位:Y" on lines of their own


def field_line(norm: str, raw: str, offset: int) -> Assignment | None:
    """A line that starts with a label → its assignment (value may be empty: a label alone)."""
    s = len(norm) - len(norm.lstrip())
    if not _label_at(norm, s, colon=False):
        return None
    found, before = labelled(norm, raw, offset, colon=False)
    if before.strip():
        return None
    found.style = "field"
    found.span = (offset + s, offset + len(norm.rstrip()))
    return found


def label_only(norm: str) -> str | None:
    """``"牵头部门"`` / ``"牵头部门:"`` alone on a line → its role, else None."""
    pattern, roles = _labels()
    text = norm.strip().rstrip(":")
    m = pattern.fullmatch(text)
    return roles[m.group(0)] if m else None


# ---------------------------------------------------------------------------
# sentences: "由X牵头,Y配合", "X会同Y…", "X负责…"


@lru_cache(maxsize=1)
def _sentence_patterns() -> list[re.Pattern[str]]:
    units = unit_list_pattern()
    return [re.compile(s["pattern"].replace("{units}", units)) for s in load("assign")["sentence"]]


def sentence_assignment(norm: str, raw: str, offset: int) -> Assignment:
    """Units named in running text: the first subject leads, the others co-operate.

    ``"由市教育局牵头,市公安局、市卫健委配合"`` → lead [市教育局], co [市公安局、市卫健委].
    """
    out = Assignment("sentence")
    taken: list[tuple[int, int]] = []
    hits = []
    for pattern in _sentence_patterns():
        for m in pattern.finditer(norm):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            hits.append(m)
    for m in sorted(hits, key=lambda m: m.start()):
        lead = _trimmed(raw, norm, m.start("lead"), m.end("lead"), offset)
        co = None
        if "co" in m.groupdict() and m.group("co"):
            # The pattern stops at the shortest unit-like name: 县委 of 县委组织部.
            co_end = max(m.end("co"), list_end(norm, m.start("co")))
            co = _trimmed(raw, norm, m.start("co"), co_end, offset)
        if lead:
            (out.co if out.lead else out.lead).append(lead)
        if co:
            out.co.append(co)
    return out


# ---------------------------------------------------------------------------
# standing rules


@lru_cache(maxsize=1)
def _rules() -> list[tuple[str, re.Pattern[str]]]:
    return [(r["kind"], re.compile(r["pattern"])) for r in load("assign")["rule"]]


def find_rules(norm: str, raw: str, offset: int) -> list[Rule]:
    """Standing rules stated in a text: ``以下任务均需各区政府落实,不再一一列出`` → implicit_co [各区政府]."""
    out = []
    for kind, pattern in _rules():
        for m in pattern.finditer(norm):
            units = None
            if "units" in pattern.groupindex:
                units = _trimmed(raw, norm, m.start("units"), m.end("units"), offset)
            out.append(Rule(kind, offset + m.start(), raw[m.start():m.end()], units))
    return sorted(out, key=lambda r: r.start)
