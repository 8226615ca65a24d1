"""Conditions and subjects of readings: "寄宿制学校至少配2名专职保安员" → condition 寄宿制学校, subject 专职保安员."""

from __future__ import annotations

import re

from policykit.china.headings import numbered
from policykit.numbers.clauses import clause_end, clause_start
from policykit.numbers.reading import Reading, ends_with, starts_with, trim_modals
from policykit.numbers.tokens import Token
from policykit.numbers.vocab import Vocab

SUBJECT_STOP = re.compile(r"[,;:。、”」』]|并|\s{2,}")
_LIST_STYLES = ("cn", "cn_paren", "arabic", "arabic_paren")  # 一、 (一) 1. (1) before a subject
_SEPARATORS = re.compile(r"[、\s]*")
# "到2014年底公共交通出行分担率", "年底前农村…普及率": a deadline before a subject is not part of it
LEADING_YEAR = re.compile(r"^(?:(?:到|至|于|截至|从)?\s*(?:(?:19|20)\d{2}\s*年)?\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:起|至|到)?"
                          r"|(?:到|至|于|截至)?\s*(?:19|20)\d{2}\s*年\s*(?:年底|年末|底|末)?\s*(?:前|内)?"
                          r"|(?:今年|本年|年)?(?:年底|年末)前?)\s*")


def mark_conditions(s: str, readings: list[Reading], vocab: Vocab) -> None:
    """"100人以上1000人以下的学校,至少配2名…": the first reading limits the second, it is no requirement;
    so does a last one that only says which units a rule is for ("30人(含)以下的企业暂免征收…"), and a
    distance that only says where ("学校周边200米范围内的无证经营摊点")."""
    for i, r in enumerate(readings):
        after = s[r.token.end:].lstrip()
        marker = _place_marker(s, r, after, vocab)
        if marker:  # "周边200米范围内的无证经营摊点": where, not how far
            r.is_condition = r.place = True
            r.end = len(s) - len(after) + len(marker.removesuffix("的"))
            continue
        if r.token.kind == "percent" or r.target:
            if r.token.kind == "count" and _describes(s, r, vocab):
                r.is_condition = True  # "对…面积达到50亩以上的经营主体,给予…"
            continue  # "力争实现90%左右的村庄…": a share or a goal, not a size that limits
        after = s[r.end:].lstrip()
        last = i == len(readings) - 1
        if starts_with(after, vocab.group_nouns) and _describes(s, r, vocab):
            r.is_condition = r.describes = True
        elif not last and starts_with(after, vocab.condition_markers):
            r.is_condition = True
        elif not last and after.startswith("的") and starts_with(after[1:], vocab.condition_heads):
            r.is_condition = True
        elif last and _describes(s, r, vocab):
            r.is_condition = True


def _place_marker(s: str, r: Reading, after: str, vocab: Vocab) -> str | None:
    """The words after a distance that make it a place: "范围内" in "周边200米范围内"; "以内" only after
    a place opener and a place ("禁止在校园门口30米以内摆摊设点", not "服务半径在500米以内")."""
    if r.unit not in vocab.place_units:
        return None
    marker = starts_with(after, vocab.place_markers)
    within = starts_with(after, vocab.place_within)
    if marker or not within or r.bound_start != r.token.start:
        return marker
    start = clause_start(s, r.token.start)
    opener = max((s.rfind(w, start, r.token.start) + len(w) for w in vocab.place_openers
                  if s.rfind(w, start, r.token.start) >= 0), default=None)
    place = s[opener:r.token.start].strip() if opener is not None else ""
    return within if place and ends_with(place, vocab.measure_nouns) is None else None


def _describes(s: str, r: Reading, vocab: Vocab) -> bool:
    """"在职职工总数30人(含)以下的企业", "对…种植面积达到50亩以上的…主体": the number says which
    units a rule is for (a measured noun or 对/凡 before it, 的 after it), it asks for nothing."""
    if r.token.kind != "count" or r.verb is not None:
        return False
    if not re.search(r"(?:以上|以下|以内)$", s[r.token.end:r.end]):
        return False  # "不低于2米的围墙": a bound on the thing itself
    if starts_with(s[r.end:].lstrip(), vocab.group_nouns):
        return True  # "5岁以下儿童死亡率", "60周岁以上老年人"
    start = clause_start(s, r.bound_start)
    head = trim_modals(s[start:r.bound_start].rstrip(), vocab)
    opener = starts_with(s[start:].lstrip(), vocab.condition_clause_openers)
    if opener is not None and s[start:r.bound_start].strip() == opener:
        return True  # "对60周岁以上老年人免费提供健康体检"
    if not s[r.end:].lstrip().startswith("的"):
        return False
    return opener is not None or ends_with(head, vocab.measure_nouns) is not None


def condition_span(s: str, r: Reading, readings: list[Reading], vocab: Vocab) -> tuple[int, int]:
    """Where the phrase a conditional number sits in is: "师生员工总人数少于等于100人的学校"."""
    start = _cut_opener(s, clause_start(s, r.token.start), r.token.start, vocab)
    later = [x.bound_start for x in readings if x.bound_start > r.end and not x.is_condition]
    end = r.end if r.place else min([clause_end(s, r.end)] + later)
    while end > start and s[end - 1].isspace():
        end -= 1
    return start, end


def carries_to_next_clause(s: str, start: int, end: int, vocab: Vocab) -> bool:
    """Whether a condition limits the clause after its own: it fills its clause up to the end and
    names whom it is for ("100人以上1000人以下的学校,", "对…50亩以上的经营主体," and "周边200米范围内," yes; "…90分以上的
    学校给予奖励," no: a rule of its own, done with)."""
    text = s[start:end].strip()
    opened = starts_with(s[clause_start(s, start):start].lstrip(), vocab.condition_clause_openers)
    return (clause_end(s, end) == end or end == len(s)) and (
        opened is not None or text.endswith(("的", *vocab.place_markers))
        or ends_with(text, vocab.condition_heads) is not None)


def _cut_opener(s: str, start: int, pos: int, vocab: Vocab) -> int:
    """Move ``start`` past the last condition opener (为, 在, 对) before ``pos``."""
    best = start
    for word in vocab.condition_openers:
        at = s.rfind(word, start, pos)
        if at >= 0:
            best = max(best, at + len(word))
    return best


def find_clause_conditions(s: str, tokens: list[Token], vocab: Vocab) -> list[tuple[int, str]]:
    """Whole clauses that limit what follows: "…达不到规划和建设指标要求的," or "即对今后新出现的零就业家庭,"."""
    out: list[tuple[int, str]] = []
    start = 0
    for m in re.finditer(r"[,:]|$", s):
        text, at = s[start:m.start()], start
        start = m.end()
        if not text.strip() or any(at <= t.start < m.start() for t in tokens):
            continue
        body = re.sub(r"^\s*(?:[一二三四五]是)?\s*即?", "", text).strip()
        opener = starts_with(body, vocab.condition_clause_openers)
        if opener and len(body) > len(opener):
            out.append((m.start(), body[len(opener):]))
        elif body.endswith("的") and len(body) > 2:
            out.append((m.start(), body))
        elif at == 0 and "的" in body and ends_with(body, vocab.condition_heads):
            out.append((m.start(), body))  # "中西部有较好基础、基本具备条件的地区,…力争实现…"
    return out


def scope_before(s: str, r: Reading, vocab: Vocab) -> tuple[int, str]:
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
    pre = trim_modals(pre.strip(), vocab)
    cut = ends_with(pre, vocab.subject_cut_verbs)
    if cut and len(cut) < len(pre):
        pre = pre[: -len(cut)]
    return start, pre.strip()


def own_condition(s: str, r: Reading, vocab: Vocab) -> str | None:
    """"寄宿制学校至少配2名" → "寄宿制学校": the scope written before the bound."""
    start, pre = scope_before(s, r, vocab)
    if not pre or any(word in pre for word in vocab.condition_blockers):
        return None  # "督促指导学校": the object of a duty, not a scope
    if r.subject and r.subject_start is not None and r.subject_start < r.token.start and pre.endswith(r.subject):
        return None  # "创建国家3A级以上旅游景区2个": what is counted, not where
    each = vocab.condition_each.search(pre)
    if each:
        return each.group(0)
    if ends_with(pre, vocab.condition_heads) is None and not pre.endswith("范围内"):
        return None
    at = s.find(pre, start)
    cut = _cut_opener(s, at, at + len(pre), vocab)
    return s[cut:at + len(pre)].strip() or None


def _list_marker(text: str) -> int:
    """How long the list number or separators opening ``text`` are: "(一)强化…" → 3, "、 师生" → 2."""
    item = numbered(text, _LIST_STYLES)
    return item.end if item else _SEPARATORS.match(text).end()


def _strip(text: str, vocab: Vocab) -> str:
    """Drop list markers, leading verbs and fillers, trailing modals and 要求/等: "开展联合检查" → "联合检查"."""
    changed = True
    while changed and text:
        changed = False
        skip = _list_marker(text)
        if skip:
            text, changed = text[skip:], True
        m = LEADING_YEAR.match(text)
        if m and m.end():
            text, changed = text[m.end():], True
        word = starts_with(text, vocab.subject_strip_prefix)
        if word and not starts_with(text, vocab.subject_keep_prefix):
            text, changed = text[len(word):], True
        word = ends_with(text, vocab.subject_strip_suffix)
        if word:
            text, changed = text[: -len(word)], True
        word = ends_with(text, vocab.modal_words)
        if word and len(word) < len(text):
            text, changed = text[: -len(word)], True
    return "" if text.strip() in vocab.modal_words or text.strip() in ("和", "及", "与") else text.strip()


def _phrase_end(s: str, pos: int) -> int:
    """Where the noun phrase from ``pos`` ends: at a stop outside brackets and quotes ("县(市、区)水源置换工作",
    "学校完成“平安校园”创建"; a closing quote never opened here ends it), or before the next listed
    number ("90%以上乡镇和60%以上村" → 乡镇)."""
    depth = 0
    for i in range(pos, len(s)):
        ch = s[i]
        if ch in "(“":
            depth += 1
        elif ch in ")”" and depth:
            depth -= 1
            continue
        if depth > 0:
            continue
        if SUBJECT_STOP.match(s, i) or (ch in "和及与、" and s[i + 1:i + 2].isdigit()):
            return i
    return len(s)


def _after_phrase(s: str, r: Reading, vocab: Vocab) -> tuple[str, int]:
    """The noun phrase after the quantity and where it ends: "1名专职保安员;" → ("专职保安员", end)."""
    pos = r.end
    paren = re.match(r"\s*\([^)]{0,40}\)", s[pos:])
    if paren:
        pos += paren.end()  # "96小时(4天)": a restatement, not the subject
    elif r.unit in vocab.time_units and s.startswith("内", pos):
        pos += 1  # "5个工作日内办结": the time limit's verb is what is bounded
    end = _phrase_end(s, pos)
    note = re.search(r"\((?:不含|含|包括|不包括)[^)]*\)\s*$", s[pos:end])
    if note and note.start() > 0:
        end = pos + note.start()  # "办结(不含申请人补充资料延时…)": a note on the subject
    phrase = _strip(s[pos:end], vocab)
    return phrase, (s.find(phrase, pos) + len(phrase) if phrase else pos)


def _before_phrase(s: str, r: Reading, floor: int, vocab: Vocab) -> tuple[str, int | None]:
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
    if starts_with(pre.strip(), vocab.basis_words):
        return "", None
    if (r.bound_start == r.token.start or r.token.kind == "ratio") and any(w in pre for w in vocab.basis_words):
        return "", None  # "寄宿制学校按照学生人数300:1的比例配备宿管员": a basis, the scope before it
    for verb in vocab.subject_cut_verbs:
        at = pre.rfind(verb)
        rest = pre[at + len(verb):].strip()
        if at >= 0 and rest and rest not in vocab.measure_nouns:
            pre = pre[at + len(verb):]  # "统筹设置…受理窗口数量" → "…受理窗口数量"; not "落实率" → "率"
    pre = re.sub(r"(?:从|由)\s*(?:(?:19|20)\d{2}\s*年(?:末|底)?)?\s*[\d.]+\s*[\u4e00-\u9fff%‰]{0,3}$", "", pre.strip())
    phrase = _strip(trim_modals(pre.strip(), vocab), vocab)  # "…全科医生数从1.38人(增长到)": the start is no part
    return phrase, (s.find(phrase, start) if phrase else None)


def settle_subject(s: str, r: Reading, floor: int, vocab: Vocab) -> None:
    """What is counted: a measured noun before the bound, else the noun phrase after the quantity."""
    if r.subject is not None:
        return
    after, after_end = _after_phrase(s, r, vocab)
    r.after_subject = after or None
    before, before_start = _before_phrase(s, r, floor, vocab)
    after_owns = s[r.end:].lstrip().startswith("的") and not re.match(r"\s*的(?:标准|要求|比例)", s[r.end:])
    measured = bool(before) and ends_with(before, vocab.measure_nouns) is not None
    if measured and r.bound_start == r.token.start and before_start is not None \
            and before_start + len(before) >= r.bound_start:
        after_owns = False  # "下调工伤保险费率50%的政策": the rate right before the number is what is set
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
    if r.subject and vocab.condition_each.fullmatch(r.subject):
        r.subject, r.subject_start = _label_before(s, r, vocab), None  # "配齐专职保安员:每校至少1名"
    elif r.subject:
        _split_each_scope(r, vocab)


def _split_each_scope(r: Reading, vocab: Vocab) -> None:
    """"每个工作站硬件设施经费" → scope 每个工作站, subject 硬件设施经费."""
    m = re.match(r"每(?:个|所|家|位|户|座|间)[\u4e00-\u9fff()]{0,6}?(?:" + "|".join(vocab.condition_heads) + ")",
                 r.subject or "")
    if m and m.end() < len(r.subject or ""):
        r.scope, r.subject = m.group(0), (r.subject or "")[m.end():]


def share_listed_subjects(s: str, readings: list[Reading]) -> None:
    """"每百户不得低于30平方米、单体面积不得低于350平方米的标准配套建设养老服务设施": the 30 is of 养老服务设施 too."""
    for r, nxt in zip(readings, readings[1:], strict=False):
        listed = r.subject is None and s[r.end:r.end + 1] == "、"
        if listed and nxt.after_subject and re.match(r"\s*的?标准", s[nxt.end:]):
            r.subject = nxt.after_subject
        if nxt.subject is None and r.subject and s[r.end:nxt.bound_start].strip() in ("、", "和", "及"):
            nxt.subject = r.subject  # "城乡居民人均可支配收入分别增长6%、6.5%"


def _previous_clause_measure(s: str, r: Reading, vocab: Vocab) -> str | None:
    """"距离上一次巡河结束时间,要大于96小时" → "距离上一次巡河结束时间" (the clause before names it)."""
    start = clause_start(s, r.bound_start)
    if start == 0:
        return None
    prev = _strip(s[clause_start(s, start - 1):start - 1], vocab)
    return prev if ends_with(prev, vocab.measure_nouns) else None


def _label_before(s: str, r: Reading, vocab: Vocab) -> str | None:
    """The label a clause after ":" counts: "配齐专职保安员:每校至少1名" → "专职保安员"."""
    start = clause_start(s, r.bound_start)
    if start == 0 or s[start - 1] != ":":
        return None
    clause = s[clause_start(s, start - 1):start - 1]
    label = _strip(clause[_list_marker(clause):], vocab)
    return label or None
