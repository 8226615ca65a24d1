"""Quantity tokens → readings: bound words, verbs, periods, per-rules and what commits a number.

"至少配备1名" → op ">="; "每增加500名学生增配1名" → op "per"; "配备1台…、2支…" → both "=";
a number nothing commits to ("全市3299个行政村") gives no reading.
"""

from __future__ import annotations

import re
from typing import Any

from policykit.china.numerals import to_number
from policykit.numbers.clauses import clause_start
from policykit.numbers.reading import Reading, ends_with, starts_with, trim_modals
from policykit.numbers.tokens import Token
from policykit.numbers.vocab import Bound, Vocab

DISTANCE_UNITS = ("米", "公里", "千米")
SCOPE_WORDS = ("周边", "半径", "周围", "距离")
DEADLINE_UNITS = ("年", "个月")
INCLUDED = re.compile(r"\s*(?:\(含[^)]{0,12}\))?\s*")
YEAR_BEFORE = re.compile(r"(?:19|20)\d{2}\s*年(?:末|底)?\s*$")
# "从1.38人增长到2.61人", "由2018年6.03张增加到…": the figure it starts from is no requirement
BASELINE = re.compile(r"(?:从|由)\s*(?:(?:19|20)\d{2}\s*年(?:末|底)?\s*)?$")
# "配备1台手抬机动泵、2支水枪": a quantity listed right after a requirement shares its op.
ENUMERATION = r"[\u4e00-\u9fff()]{0,12}、\s*|\s*[和及]\s*"  # "…3.05‰和19.07/10万": the last item after 和


def density_prefixes(s: str, vocab: Vocab) -> list[tuple[int, int, dict[str, Any]]]:
    """"每千人口" → (start, end, {"step": 1000, "of": "人口", "unit": None})."""
    of = "|".join(re.escape(w) for w in vocab.per_density_of)
    out = []
    for m in re.finditer(rf"每\s*(?P<n>\d+|[十百千万]+)\s*(?P<of>{of})", s):
        step = to_number(m.group("n")) or to_number("一" + m.group("n"))  # 每万人: 万 alone is 一万
        if step:
            out.append((m.start(), m.end(), {"step": step, "of": m.group("of").lstrip("名"), "unit": None}))
    each = "|".join(re.escape(w) for w in vocab.per_each_of)
    if each:
        for m in re.finditer(rf"每\s*(?P<of>{each})(?=\s*\d)", s):  # "给予每亩215元"
            out.append((m.start(), m.end(), {"step": 1, "of": m.group("of"), "unit": None}))
    return sorted(out, key=lambda d: d[0])


def _bound_before(s: str, pos: int, floor: int, vocab: Vocab) -> tuple[Bound | None, str | None, int]:
    """The bound word and verb right before ``pos``: "至少配备1名" → (至少, 配备, start of 至少)."""
    head = s[floor:pos].rstrip()
    year = YEAR_BEFORE.search(head)
    if year and any(head[:year.start()].rstrip().endswith(b.word) for b in vocab.before):
        head = head[:year.start()].rstrip()  # "增加到2019年6.30张": the year says when, the bound is before it
    bound = next((b for b in vocab.before if head.endswith(b.word)), None)
    verb = None
    if bound is None:  # checked first: "达到" is a bound word, not the verb 到
        verb = ends_with(head, vocab.verbs)
        if verb is None:  # a verb we do not know: "至少辦理一次", "不少于开设2门"
            m = re.search(r"[\u4e00-\u9fff]{1,2}$", head)
            unknown = m.group(0) if m else ""
            for cut in range(len(unknown), 0, -1):  # hard bounds only: "力争通过三年治理" is no bound on 3年
                if any(head[:-cut].endswith(b.word) and not b.target for b in vocab.before):
                    verb = head[-cut:]
                    break
        if verb is not None:
            head = head[: -len(verb)].rstrip()
            bound = next((b for b in vocab.before if head.endswith(b.word)), None)
            for cut in (1, 2):  # "至少谋划建设10个": a second verb between the bound and the first
                if bound is None and re.fullmatch(r"[\u4e00-\u9fff]+", head[-cut:]) and any(
                        head[:-cut].endswith(b.word) and not b.target for b in vocab.before):
                    verb, head = head[-cut:] + verb, head[:-cut]
                    bound = next(b for b in vocab.before if head.endswith(b.word))
            if bound is None and verb not in vocab.verbs:
                verb, head = None, s[floor:pos].rstrip()
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


def _period_floor(s: str, pos: int, prev_end: int) -> int:
    """Where a repeat cycle for the bound at ``pos`` may be written: in its own clause ("每日14:00前报送…,
    实现一日办结": 每日 is the report's), or before it when the clause is only the bound ("每年组织演练,
    不少于2次")."""
    start = clause_start(s, pos)
    return max(prev_end, 0) if not s[start:pos].strip() else max(prev_end, start)


def _baseline(s: str, tok: Token, nxt: Token | None, vocab: Vocab) -> bool:
    """"从1.38人增长到2.61人": the first figure is where it starts, only the second is asked for."""
    if nxt is None or not BASELINE.search(s[max(0, tok.start - 12):tok.start]):
        return False
    between = s[tok.end:nxt.start].strip()
    between = YEAR_BEFORE.sub("", between).rstrip()
    return any(between.endswith(b.word) for b in vocab.before)


def read_tokens(s: str, tokens: list[Token], density: list, vocab: Vocab) -> list[Reading]:
    """Decide for each token whether it is a requirement and with which op."""
    out: list[Reading] = []
    skip: set[int] = set()
    for i, tok in enumerate(tokens):
        if i in skip or _baseline(s, tok, tokens[i + 1] if i + 1 < len(tokens) else None, vocab):
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
            reading = Reading(tok, out[-1].op, tok.start, tok.end, target=out[-1].target, unit=tok.unit)
        if reading is None and out:
            reading = _listed_object(s, tok, out[-1])
        if reading is None:
            continue
        period, at = _period_before(s, reading.bound_start, _period_floor(s, reading.bound_start, prev_end), vocab)
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


def _listed_object(s: str, tok: Token, prev: Reading) -> Reading | None:
    """"新建10千伏线路39.34公里,低压线路140.89公里": the next object and number in the same unit
    after a verb-object requirement share its verb."""
    listed = re.fullmatch(r"\s*[,、]\s*([\u4e00-\u9fff]{1,12})", s[prev.end:tok.start])
    if listed is None or prev.subject_start is None or prev.subject_start >= prev.token.start or tok.unit != prev.unit:
        return None
    r = Reading(tok, prev.op, tok.start, tok.end, target=prev.target, unit=tok.unit)
    r.subject, r.subject_start, r.subject_end = listed.group(1), prev.end + listed.start(1), tok.start
    return r


def _per_rule(s: str, tok: Token, nxt: Token | None, floor: int, vocab: Vocab) -> Reading | None:
    """"每增加500名学生增配1名" → op per, value 1, per {"step": 500, "of": "学生", "unit": "名"}."""
    opener = ends_with(s[floor:tok.start].rstrip(), vocab.per_openers)
    if opener is None or nxt is None:
        return None
    between = s[tok.end:nxt.start].strip()
    verb = ends_with(between, vocab.per_verbs)
    if verb is None:
        return None
    start = s.rfind(opener, floor, tok.start)
    of = between[: -len(verb)].strip() or None
    return Reading(nxt, "per", start, nxt.end, unit=nxt.unit,
                    per={"step": tok.value, "of": of, "unit": tok.unit})


def _read_token(s: str, tok: Token, nxt: Token | None, floor: int, density: list,
                vocab: Vocab) -> Reading | None:
    """One quantity → a reading, or None when nothing makes it a requirement."""
    if tok.kind == "staffing":
        measure = tok.unit in ("名", "人")
        r = Reading(tok, "per", tok.start, tok.end, unit=tok.unit if measure else None,
                     per={"step": 1, "of": tok.of, "unit": None})
        if not measure:
            r.subject, r.subject_start, r.subject_end = tok.unit, tok.start, tok.end
        return r
    after = s[tok.end:]
    if tok.unit in DEADLINE_UNITS and after.lstrip().startswith("内"):
        return None  # 3年内: a deadline
    bound, verb, start = _bound_before(s, tok.start, floor, vocab)
    after_bound, end = _bound_after(s, tok.end, vocab)
    r = Reading(tok, "=", start, end, unit=tok.unit, verb=verb)
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
        if after_bound is not None and (bound.yields or (bound.target and after_bound.op == "about")):
            r.op = after_bound.op  # "力争实现90%左右", "保持在90%以上", "控制在5.5%左右"
        elif after_bound is not None and after_bound.op != bound.op:
            r.flags.append("ambiguous")
        return r
    if after_bound is not None:
        r.op = after_bound.op
        obj = _verb_object(s[floor:tok.start].rstrip(), vocab)
        if obj is not None and tok.unit not in DEADLINE_UNITS:
            r.subject, r.subject_start, r.subject_end = obj, tok.start - len(obj), tok.start
        return r
    if tok.between_op is not None:
        r.op = vocab.between[tok.between_op]
        return r
    if tok.unit in vocab.time_units:
        limit = re.match(r"\s*内?\s*", after)
        rest = after[limit.end():] if limit else after
        if starts_with(rest, vocab.time_limit_verbs):
            r.op = "<="
            return r
    if tok.kind == "ratio":
        r.op = "ratio"
        return r
    head = s[floor:tok.start].rstrip()
    near = head[-10:]
    far = next((b for b in vocab.before if not b.target and b.op in (">=", "<=") and b.word in near
                and len(b.word) >= 2), None)
    if far is not None and tok.kind != "percent":  # "每年至少专题研究一次": the bound a few words before
        r.op = far.op
        return r
    if verb is not None or per is not None or _period_before(s, tok.start, floor, vocab)[0]:
        return r
    if tok.kind == "percent" and tok.value == 100 and re.match(r"[\u4e00-\u9fff]", after) \
            and not after.startswith(("的", "以", "左右")):
        r.op = ">="  # "重点水域必须100%竖立警示牌", "100%进行实名登记": all of them, at least
        return r
    if tok.kind == "percent" and (after.startswith("的") or ends_with(head, vocab.rate_words)):
        return r
    if tok.unit in DISTANCE_UNITS and ends_with(head, SCOPE_WORDS):
        return r
    if ends_with(trim_modals(head, vocab), vocab.measure_nouns):
        return r  # "辅警的平均年薪为4万元"
    if _target_list(s, tok, floor, vocab):
        return r
    obj = _verb_object(head, vocab)
    if obj is not None and tok.unit not in DEADLINE_UNITS:
        r.subject, r.subject_start, r.subject_end = obj, tok.start - len(obj), tok.start
        return r  # "设队长1名"
    done = re.match(r"([\u4e00-\u9fff]{1,12}?)进行", after)
    if head.endswith("对") and done and tok.unit not in DEADLINE_UNITS:
        r.subject, r.subject_end = done.group(1), tok.end + done.end(1)
        return r  # "对49个乡镇卫生院进行改扩建": the number of what the work is done on
    return None


def _bare_reading(s: str, r: Reading, bound: Bound | None, after_bound: Bound | None, floor: int,
                  vocab: Vocab) -> Reading | None:
    """"签约服务率要到达90以上": a rate with its % left out is kept, flagged ``unit-missing``."""
    head = s[floor:r.bound_start].rstrip()
    if after_bound is None or not ends_with(trim_modals(head, vocab), vocab.measure_nouns):
        return None
    r.op, r.target = (bound.op, bound.target) if bound else (after_bound.op, False)
    r.flags.append("unit-missing")
    return r


def _target_list(s: str, tok: Token, floor: int, vocab: Vocab) -> bool:
    """Whether ``tok`` sits in a list of goals after a label: "工作目标:城镇新增就业1000万人,…"."""
    label = max((s.rfind(w + ":", 0, tok.start) for w in vocab.target_labels), default=-1)
    return label >= 0 and floor > label and bool(re.search(r"[\u4e00-\u9fff]{2,}$", s[floor:tok.start]))


def _verb_object(head: str, vocab: Vocab) -> str | None:
    """The object between a verb and the number: "乡镇政府专职消防队设队长" → "队长";
    "要新改造农村无害化卫生厕所" → "农村无害化卫生厕所"; "新建10千伏线路" → "10千伏线路"."""
    m = re.search(r"[\u4e00-\u9fff][\u4e00-\u9fff\d.A-Za-z]{0,13}$", head)
    if m is None:
        return None
    tail = head[max(0, m.start() - 2):]
    # the first verb wins, the longest at a tie: "配套配电变压器" → 配套, not the 配 of 配电
    found = [(tail.find(verb), -len(verb), verb) for verb in vocab.verbs_before_object if verb in tail]
    for at, _, verb in sorted(found):
        obj = tail[at + len(verb):]
        if 1 <= len(obj) <= 12 and re.fullmatch(r"[\u4e00-\u9fff\d.A-Za-z]*[\u4e00-\u9fff]", obj):
            return obj
    return None
