"""Quantities → requirements: bound words, periods, per-rules, conditions and subjects.

Works on normalised text (policykit.text.normalise, one character for one),
so every position found here is also a position in the text as read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from policykit.numbers.clauses import clause_end, clause_start, sentences
from policykit.numbers.numerals import to_number
from policykit.numbers.tokens import Token, find_tokens
from policykit.numbers.vocab import Bound, Vocab

DISTANCE_UNITS = ("米", "公里", "千米")
SCOPE_WORDS = ("周边", "半径", "周围", "距离")
DEADLINE_UNITS = ("年", "个月")
SUBJECT_STOP = re.compile(r"[,;:。、]|并|\s{2,}")
INCLUDED = re.compile(r"\s*(?:\(含[^)]{0,12}\))?\s*")
# "配备1台手抬机动泵、2支水枪": a quantity listed right after a requirement shares its op.
ENUMERATION = r"[\u4e00-\u9fff()]{0,12}、\s*"
LIST_MARKER = re.compile(r"^(?:[一二三四五六七八九十]+、|\d{1,2}[.、]|\(\d{1,2}\)|\([一二三四五六七八九十]+\)|[、\s]+)")
LEADING_YEAR = re.compile(r"^(?:19|20)\d{2}\s*年\s*")


@dataclass
class Found:
    """One requirement in normalised-text coordinates (see policykit.model.Requirement)."""

    start: int
    end: int
    op: str
    value: int | float | None
    value_max: int | float | None = None
    unit: str | None = None
    subject: str | None = None
    period: str | None = None
    per: dict[str, Any] | None = None
    condition: str | None = None
    target: bool = False
    flags: list[str] = field(default_factory=list)


@dataclass
class _Reading:
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
    text_start: int | None = None  # the period word, when it opens the requirement's wording
    per_end: int | None = None  # end of a density phrase ("每千人口") before the number
    verb: str | None = None  # the verb right before the number ("培训5000人次")


def read_requirements(text: str, vocab: Vocab) -> list[Found]:
    """Every requirement in normalised ``text``: "每学期至少开展1次饮用水检测" → op >=, value 1, 次, 每学期."""
    found: list[Found] = []
    for start, end in sentences(text):
        found.extend(_read_sentence(text[start:end], start, vocab))
    return found


def _read_sentence(s: str, base: int, vocab: Vocab) -> list[Found]:
    """Requirements of one sentence ``s`` found at ``base`` in the whole text."""
    tokens = find_tokens(s, vocab)
    density = _density(s, vocab)
    tokens = [t for t in tokens if not any(a <= t.start < b for a, b, _ in density)]
    readings = _readings(s, tokens, density, vocab)
    _mark_conditions(s, readings, vocab)
    clause_conditions = _clause_conditions(s, tokens, vocab)
    out: list[Found] = []
    scope: tuple[int, str, bool] | None = None  # (position, condition, written as a whole clause)
    numeric_condition: str | None = None
    floor = 0
    for r in readings:
        if r.is_condition:
            numeric_condition = _condition_text(s, r, readings, vocab)
            floor = r.end
            continue
        _settle_subject(s, r, floor, vocab)
        clause = next((c for c in reversed(clause_conditions) if c[0] <= r.bound_start), None)
        if clause and (scope is None or clause[0] > scope[0]):
            scope = (clause[0], clause[1], True)
        own = _own_condition(s, r, vocab) or numeric_condition
        if own:
            scope = (r.bound_start, own, False)
        # a whole clause limits everything after it; a requirement's own scope carries on only
        # to a following requirement that names its subject after the number ("每增加300名寄宿生增配1名")
        applies = scope is not None and (own or scope[2] or r.subject_start is None)
        condition = scope[1] if applies else None
        numeric_condition = None
        floor = max(r.end, r.subject_end or 0)
        start = min(x for x in (r.bound_start, r.subject_start, r.text_start) if x is not None)
        end = max(x for x in (r.end, r.subject_end) if x is not None)
        out.append(Found(
            start=base + start, end=base + end, op=r.op, value=r.token.value, value_max=r.value_max,
            unit=r.unit, subject=r.subject, period=r.period, per=r.per, condition=condition,
            target=r.target, flags=r.flags,
        ))
    return out


# ---------------------------------------------------------------------------
# Reading each token


def _density(s: str, vocab: Vocab) -> list[tuple[int, int, dict[str, Any]]]:
    """"每千人口" → (start, end, {"step": 1000, "of": "人口", "unit": None})."""
    of = "|".join(re.escape(w) for w in vocab.per_density_of)
    out = []
    for m in re.finditer(rf"每\s*(?P<n>\d+|[十百千万]+)\s*(?P<of>{of})", s):
        step = to_number(m.group("n"))
        if step:
            out.append((m.start(), m.end(), {"step": step, "of": m.group("of").lstrip("名"), "unit": None}))
    return out


def _ends_with(text: str, words: tuple[str, ...]) -> str | None:
    return next((w for w in words if text.endswith(w)), None)


def _starts_with(text: str, words: tuple[str, ...]) -> str | None:
    return next((w for w in words if text.startswith(w)), None)


def _bound_before(s: str, pos: int, floor: int, vocab: Vocab) -> tuple[Bound | None, str | None, int]:
    """The bound word and verb right before ``pos``: "至少配备1名" → (至少, 配备, start of 至少)."""
    head = s[floor:pos].rstrip()
    bound = next((b for b in vocab.before if head.endswith(b.word)), None)
    verb = None
    if bound is None:  # checked first: "达到" is a bound word, not the verb 到
        verb = _ends_with(head, vocab.verbs)
        if verb is not None:
            head = head[: -len(verb)].rstrip()
            bound = next((b for b in vocab.before if head.endswith(b.word)), None)
    return bound, verb, floor + len(head) - (len(bound.word) if bound else 0)


def _bound_after(s: str, pos: int, vocab: Vocab) -> tuple[Bound | None, int]:
    """The bound word right after the unit: "10节以上" → (以上, end); "90分(含90分)以上" too."""
    m = INCLUDED.match(s, pos)
    at = m.end() if m else pos
    bound = next((b for b in vocab.after if s.startswith(b.word, at)), None)
    return (bound, at + len(bound.word)) if bound else (None, pos)


def _period_before(s: str, pos: int, floor: int, vocab: Vocab) -> tuple[str | None, int | None]:
    """The nearest repeat cycle before ``pos`` after ``floor``: "每年开展联合检查不少于2次" → 每年."""
    best: tuple[int, str] | None = None
    for word in vocab.periods:
        at = s.rfind(word, floor, pos)
        if at >= 0 and (best is None or at > best[0]):
            best = (at, word)
    return (best[1], best[0]) if best else (None, None)


def _readings(s: str, tokens: list[Token], density: list, vocab: Vocab) -> list[_Reading]:
    """Decide for each token whether it is a requirement and with which op."""
    out: list[_Reading] = []
    skip: set[int] = set()
    for i, tok in enumerate(tokens):
        if i in skip:
            continue
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        floor = clause_start(s, tok.start)
        prev_end = out[-1].end if out else 0
        floor = max(floor, prev_end)
        reading = _per_rule(s, tok, nxt, floor, vocab)
        if reading is not None:
            skip.add(i + 1)
        else:
            reading = _read_token(s, tok, nxt, floor, density, vocab)
            if reading is not None and reading.value_max is not None and tok.kind != "range":
                skip.add(i + 1)  # "100人以上1000人以下": the second number is the range's end
        if reading is None and out and re.fullmatch(ENUMERATION, s[out[-1].end:tok.start]):
            reading = _Reading(tok, out[-1].op, tok.start, tok.end, target=out[-1].target, unit=tok.unit)
        if reading is None:
            continue
        period, at = _period_before(s, reading.bound_start, max(prev_end, 0), vocab)
        if period is None:
            suffix = re.match(r"\s*/\s*(年|学期|季度|月|周|天|日)", s[reading.end:])
            if suffix:
                period = "每" + suffix.group(1)
                reading.end += suffix.end()
        reading.period = period
        if at is not None and at >= clause_start(s, tok.start) and at < reading.bound_start:
            reading.text_start = at
        out.append(reading)
    return out


def _per_rule(s: str, tok: Token, nxt: Token | None, floor: int, vocab: Vocab) -> _Reading | None:
    """"每增加500名学生增配1名" → op per, value 1, per {"step": 500, "of": "学生", "unit": "名"}."""
    opener = _ends_with(s[floor:tok.start].rstrip(), vocab.per_openers)
    if opener is None or nxt is None:
        return None
    between = s[tok.end:nxt.start].strip()
    verb = _ends_with(between, vocab.per_verbs)
    if verb is None:
        return None
    start = s.rfind(opener, floor, tok.start)
    of = between[: -len(verb)].strip() or None
    return _Reading(nxt, "per", start, nxt.end, unit=nxt.unit,
                    per={"step": tok.value, "of": of, "unit": tok.unit})


def _read_token(s: str, tok: Token, nxt: Token | None, floor: int, density: list,
                vocab: Vocab) -> _Reading | None:
    """One quantity → a reading, or None when nothing makes it a requirement."""
    if tok.kind == "staffing":
        measure = tok.unit in ("名", "人")
        r = _Reading(tok, "per", tok.start, tok.end, unit=tok.unit if measure else None,
                     per={"step": 1, "of": tok.of, "unit": None})
        if not measure:
            r.subject, r.subject_start, r.subject_end = tok.unit, tok.start, tok.end
        return r
    after = s[tok.end:]
    if tok.unit in DEADLINE_UNITS and after.lstrip().startswith("内"):
        return None  # 3年内: a deadline
    bound, verb, start = _bound_before(s, tok.start, floor, vocab)
    after_bound, end = _bound_after(s, tok.end, vocab)
    r = _Reading(tok, "=", start, end, unit=tok.unit, verb=verb)
    if tok.kind == "bare":
        return _bare_reading(s, r, bound, after_bound, floor, vocab)
    per = next(((b, d) for a, b, d in density if b <= tok.start and a >= floor), None)
    if per is not None:
        r.per_end, r.per = per
    if tok.kind == "range":
        r.op, r.value_max = "range", tok.value_max
        if bound is not None:
            r.target = bound.target
        return r
    if after_bound is not None and after_bound.op == ">=" and nxt is not None:
        second, second_end = _bound_after(s, nxt.end, vocab)
        if s[end:nxt.start].strip() == "" and second is not None and second.op == "<=":
            r.op, r.value_max, r.unit, r.end = "range", nxt.value, nxt.unit, second_end
            return r
    if bound is not None:
        r.op, r.target = bound.op, bound.target
        if bound.target and after_bound is not None and after_bound.op == "about":
            r.op = "about"  # "力争实现90%左右": a goal of about 90%
        elif after_bound is not None and after_bound.op != bound.op:
            r.flags.append("ambiguous")
        return r
    if after_bound is not None:
        r.op = after_bound.op
        return r
    if tok.between_op is not None:
        r.op = vocab.between[tok.between_op]
        return r
    if tok.unit in vocab.time_units:
        limit = re.match(r"\s*内?\s*", after)
        rest = after[limit.end():] if limit else after
        if _starts_with(rest, vocab.time_limit_verbs):
            r.op = "<="
            return r
    if tok.kind == "ratio":
        r.op = "ratio"
        return r
    head = s[floor:tok.start].rstrip()
    if verb is not None or per is not None or _period_before(s, tok.start, floor, vocab)[0]:
        return r
    if tok.kind == "percent" and (after.startswith("的") or _ends_with(head, vocab.rate_words)):
        return r
    if tok.unit in DISTANCE_UNITS and _ends_with(head, SCOPE_WORDS):
        return r
    if _ends_with(_trim_modals(head, vocab), vocab.measure_nouns):
        return r  # "辅警的平均年薪为4万元"
    if _target_list(s, tok, floor, vocab):
        return r
    obj = _verb_object(head, vocab)
    if obj is not None and tok.unit not in DEADLINE_UNITS:
        r.subject, r.subject_start, r.subject_end = obj, tok.start - len(obj), tok.start
        return r  # "设队长1名"
    return None


def _bare_reading(s: str, r: _Reading, bound: Bound | None, after_bound: Bound | None, floor: int,
                  vocab: Vocab) -> _Reading | None:
    """"签约服务率要到达90以上": a rate with its % left out is kept, flagged ``unit-missing``."""
    head = s[floor:r.bound_start].rstrip()
    if after_bound is None or not _ends_with(_trim_modals(head, vocab), vocab.measure_nouns):
        return None
    r.op, r.target = (bound.op, bound.target) if bound else (after_bound.op, False)
    r.flags.append("unit-missing")
    return r


def _target_list(s: str, tok: Token, floor: int, vocab: Vocab) -> bool:
    """Whether ``tok`` sits in a list of goals after a label: "工作目标:城镇新增就业1000万人,…"."""
    label = max((s.rfind(w + ":", 0, tok.start) for w in vocab.target_labels), default=-1)
    return label >= 0 and floor > label and bool(re.search(r"[\u4e00-\u9fff]{2,}$", s[floor:tok.start]))


def _trim_modals(text: str, vocab: Vocab) -> str:
    """Drop modal and linking words at the end: "队员人数为" → "队员人数"."""
    word = _ends_with(text, vocab.modal_words)
    while word and len(word) < len(text):
        text = text[: -len(word)].rstrip()
        word = _ends_with(text, vocab.modal_words)
    return text


def _verb_object(head: str, vocab: Vocab) -> str | None:
    """The object between a verb and the number: "乡镇政府专职消防队设队长" → "队长"."""
    m = re.search(r"[\u4e00-\u9fff]{1,6}$", head)
    if m is None:
        return None
    tail = head[max(0, m.start() - 2):]
    for verb in vocab.verbs_before_object:
        at = tail.rfind(verb)
        if at >= 0:
            obj = tail[at + len(verb):]
            if 1 <= len(obj) <= 6 and re.fullmatch(r"[\u4e00-\u9fff]+", obj):
                return obj
    return None


# ---------------------------------------------------------------------------
# Conditions and subjects


def _mark_conditions(s: str, readings: list[_Reading], vocab: Vocab) -> None:
    """"100人以上1000人以下的学校,至少配2名…": the first reading limits the second, it is no requirement."""
    for r in readings[:-1]:
        if r.target or r.token.kind == "percent":
            continue  # "力争实现90%左右的村庄…": a share or a goal, not a size that limits
        after = s[r.end:].lstrip()
        if after.startswith("范围内"):
            r.is_condition = True
        elif after.startswith("的") and _starts_with(after[1:], vocab.condition_heads):
            r.is_condition = True


def _condition_text(s: str, r: _Reading, readings: list[_Reading], vocab: Vocab) -> str:
    """The phrase a conditional number sits in: "师生员工总人数少于等于100人的学校"."""
    start = _cut_opener(s, clause_start(s, r.token.start), r.token.start, vocab)
    later = [x.bound_start for x in readings if x.bound_start > r.end and not x.is_condition]
    end = min([clause_end(s, r.end)] + later)
    return s[start:end].strip()


def _cut_opener(s: str, start: int, pos: int, vocab: Vocab) -> int:
    """Move ``start`` past the last condition opener (为, 在, 对) before ``pos``."""
    best = start
    for word in vocab.condition_openers:
        at = s.rfind(word, start, pos)
        if at >= 0:
            best = max(best, at + len(word))
    return best


def _clause_conditions(s: str, tokens: list[Token], vocab: Vocab) -> list[tuple[int, str]]:
    """Whole clauses that limit what follows: "…达不到规划和建设指标要求的," or "即对今后新出现的零就业家庭,"."""
    out: list[tuple[int, str]] = []
    start = 0
    for m in re.finditer(r"[,:]|$", s):
        text, at = s[start:m.start()], start
        start = m.end()
        if not text.strip() or any(at <= t.start < m.start() for t in tokens):
            continue
        body = re.sub(r"^\s*(?:[一二三四五]是)?\s*即?", "", text).strip()
        opener = _starts_with(body, vocab.condition_clause_openers)
        if opener and len(body) > len(opener):
            out.append((m.start(), body[len(opener):]))
        elif body.endswith("的") and len(body) > 2:
            out.append((m.start(), body))
        elif at == 0 and "的" in body and _ends_with(body, vocab.condition_heads):
            out.append((m.start(), body))  # "中西部有较好基础、基本具备条件的地区,…力争实现…"
    return out


def _scope_before(s: str, r: _Reading, vocab: Vocab) -> tuple[int, str]:
    """The clause text before the bound, without period words and bases: "各学校每月" → "各学校"."""
    start = clause_start(s, r.bound_start)
    pre = s[start:r.bound_start]
    if r.per_end is not None and r.per_end <= r.bound_start:
        density_start = s.rfind("每", start, r.per_end)
        pre = s[start:density_start] if density_start >= start else pre
    for word in vocab.basis_words:
        at = pre.find(word)
        if at > 0:
            pre = pre[:at]
    if r.period:
        pre = pre.replace(r.period, "")
    pre = _trim_modals(pre.strip(), vocab)
    cut = _ends_with(pre, vocab.subject_cut_verbs)
    if cut and len(cut) < len(pre):
        pre = pre[: -len(cut)]
    return start, pre.strip()


def _own_condition(s: str, r: _Reading, vocab: Vocab) -> str | None:
    """"寄宿制学校至少配2名" → "寄宿制学校": the scope written before the bound."""
    start, pre = _scope_before(s, r, vocab)
    if not pre or any(word in pre for word in vocab.condition_blockers):
        return None  # "督促指导学校": the object of a duty, not a scope
    each = vocab.condition_each.search(pre)
    if each:
        return each.group(0)
    if _ends_with(pre, vocab.condition_heads) is None and not pre.endswith("范围内"):
        return None
    at = s.find(pre, start)
    cut = _cut_opener(s, at, at + len(pre), vocab)
    return s[cut:at + len(pre)].strip() or None


def _strip(text: str, vocab: Vocab) -> str:
    """Drop list markers, leading verbs and fillers, trailing modals and 要求/等: "开展联合检查" → "联合检查"."""
    changed = True
    while changed and text:
        changed = False
        for rx in (LIST_MARKER, LEADING_YEAR):
            m = rx.match(text)
            if m and m.end():
                text, changed = text[m.end():], True
        word = _starts_with(text, vocab.subject_strip_prefix)
        if word:
            text, changed = text[len(word):], True
        word = _ends_with(text, vocab.subject_strip_suffix) or _ends_with(text, vocab.modal_words)
        if word and len(word) < len(text):
            text, changed = text[: -len(word)], True
    return "" if text.strip() in vocab.modal_words else text.strip()


def _after_phrase(s: str, r: _Reading, vocab: Vocab) -> tuple[str, int]:
    """The noun phrase after the quantity and where it ends: "1名专职保安员;" → ("专职保安员", end)."""
    pos = r.end
    paren = re.match(r"\s*\([^)]{0,12}\)", s[pos:])
    if paren:
        pos += paren.end()  # "96小时(4天)": a restatement, not the subject
    stop = SUBJECT_STOP.search(s, pos)
    end = stop.start() if stop else len(s)
    phrase = _strip(s[pos:end], vocab)
    return phrase, (s.find(phrase, pos) + len(phrase) if phrase else pos)


def _before_phrase(s: str, r: _Reading, floor: int, vocab: Vocab) -> tuple[str, int | None]:
    """The phrase before the bound naming what is bounded: "每年学校专职保安员培训及实操演练不少于15天"."""
    start = max(clause_start(s, r.bound_start), floor, r.per_end or 0)
    end = r.bound_start
    if r.verb and s.startswith(r.verb, end) and r.verb not in vocab.subject_strip_prefix:
        end += len(r.verb)  # "职业技能培训5000万人次": 培训 names what is counted
    pre = s[start:end]
    if r.period and r.period in pre:
        before, _, after = pre.rpartition(r.period)
        rest = _strip(after, vocab)
        pre = after if rest and not re.fullmatch(r"每.{0,2}", rest) else before
    if _starts_with(pre.strip(), vocab.basis_words):
        return "", None
    for verb in vocab.subject_cut_verbs:
        at = pre.rfind(verb)
        rest = pre[at + len(verb):].strip()
        if at >= 0 and rest and rest not in vocab.measure_nouns:
            pre = pre[at + len(verb):]  # "统筹设置…受理窗口数量" → "…受理窗口数量"; not "落实率" → "率"
    phrase = _strip(_trim_modals(pre.strip(), vocab), vocab)
    return phrase, (s.find(phrase, start) if phrase else None)


def _settle_subject(s: str, r: _Reading, floor: int, vocab: Vocab) -> None:
    """What is counted: a measured noun before the bound, else the noun phrase after the quantity."""
    if r.subject is not None:
        return
    after, after_end = _after_phrase(s, r, vocab)
    before, before_start = _before_phrase(s, r, floor, vocab)
    after_owns = s[r.end:].lstrip().startswith("的") and not re.match(r"\s*的(?:标准|要求|比例)", s[r.end:])
    measured = bool(before) and _ends_with(before, vocab.measure_nouns) is not None
    if measured and not after_owns:
        r.subject, r.subject_start = before, before_start
        if before_start is not None and before_start < clause_start(s, r.bound_start):
            r.subject_start = None
    elif after:
        r.subject, r.subject_end = after, after_end
    elif before:
        r.subject, r.subject_start = before, before_start
    else:
        r.subject = _previous_clause_measure(s, r, vocab)


def _previous_clause_measure(s: str, r: _Reading, vocab: Vocab) -> str | None:
    """"距离上一次巡河结束时间,要大于96小时" → "距离上一次巡河结束时间" (the clause before names it)."""
    start = clause_start(s, r.bound_start)
    if start == 0:
        return None
    prev = _strip(s[clause_start(s, start - 1):start - 1], vocab)
    return prev if _ends_with(prev, vocab.measure_nouns) else None
