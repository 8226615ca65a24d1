"""Responsibility stated in running text, read clause by clause.

A sentence is cut into clauses; each clause is read as

    [adverbials] [由 | 以 … 为主 | 在 … 统一领导下] SUBJECT PREDICATE [OBJECT …]

where SUBJECT and OBJECT are unit lists and PREDICATE opens with a verb whose kind says who leads
(``[statements]`` in ``structure_assign.toml``).  Clauses of one sentence that add helpers to a
lead ("…,Y配合") join its statement; a clause with a subject of its own starts a new one.

    >>> [(s.lead[0].text, [p.text for p in s.co]) for s in read_statements("由县教育局牵头,县公安局、县卫健局配合。")]
    [('县教育局', ['县公安局', '县卫健局'])]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from policykit.structure.assign import Piece, split_outside, trim_span
from policykit.structure.data import load
from policykit.structure.textnorm import norm as normalise
from policykit.structure.unitlike import looks_like_units
from policykit.text import without_glosses
from policykit.units import split_unit_list
from policykit.units.match import matches_at
from policykit.units.registry import default_registry, simplified

_SENTENCE_END = "。!?;"
_CLAUSE_END = ",:"
_TRIM = " \t、,;。:"


@dataclass
class Statement:
    """One responsibility statement: who leads, who co-operates, the sentence it is written in."""

    span: tuple[int, int]  # the sentence, offsets into the text as read
    lead: list[Piece] = field(default_factory=list)
    co: list[Piece] = field(default_factory=list)
    reported: bool = False
    style: str = "sentence"  # or "heading": "县教育局:负责…" opening a paragraph
    first_clause: int | None = None  # where its first clause starts in the paragraph's normalised text
    shared: bool = field(default=False, repr=False)  # its units share the duty by their own remits (按职责分工)

    def __bool__(self) -> bool:
        return bool(self.lead or self.co)


@dataclass
class _Clause:
    start: int
    end: int
    role: str  # lead, co, shared, duty, assist, object
    subject: Piece | None = None
    objects: list[Piece] = field(default_factory=list)
    object_role: str | None = None  # the role of the objects: co (会同 Y) or lead (配合 Y 做好)


@lru_cache(maxsize=1)
def _conf() -> dict[str, Any]:
    conf = dict(load("assign")["statements"])
    conf["adverbial_re"] = re.compile("|".join(f"(?:{a})" for a in conf["adverbials"]))
    conf["asking_re"] = re.compile("|".join(map(re.escape, conf["asking"])))
    verbs = [(v, "lead") for v in conf["lead_verbs"]] + [(v, "joint") for v in conf["joint_verbs"]] + \
            [(v, "assist") for v in conf["assist_verbs"]] + [(v, "shared") for v in conf["shared_verbs"]] + \
            [(v, "duty") for v in conf["duty_verbs"]]
    seen: dict[str, str] = {}
    for v, kind in verbs:
        seen.setdefault(v, kind)
    conf["verbs"] = sorted(seen.items(), key=lambda vk: len(vk[0]), reverse=True)
    conf["verb_re"] = re.compile("|".join(re.escape(v) for v, _ in conf["verbs"]))
    conf["end_re"] = re.compile("|".join(re.escape(v) for v in sorted(conf["object_ends"], key=len, reverse=True)))
    conf["tail_re"] = re.compile(conf["generic_tail"])
    conf["barriers"] = sorted({v for v in conf["lead_verbs"] + conf["joint_verbs"] + conf["assist_verbs"] +
                               conf["duty_verbs"] + conf["barrier_verbs"] if len(v) >= 2} - set(conf["name_words"]))
    conf["partner_re"] = re.compile("|".join(map(re.escape, conf["partner_markers"])))
    conf["with_re"] = re.compile("(?:的)?(?:" + "|".join(map(re.escape, conf["with_verbs"])) + ")")
    conf["partner_stop_re"] = re.compile("|".join(map(re.escape, conf["partner_stops"])))
    conf["opener_re"] = re.compile("|".join(f"(?:{a})" for a in conf["reported_openers"]))
    return conf


def sentences(norm: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentences of ``norm[start:end]``: cut after 。 ! ? ; outside brackets and quotes."""
    end = len(norm) if end is None else end
    return [(s, e) for s, e in split_outside(norm, start, end, _SENTENCE_END, quotes=True, keep=True)
            if norm[s:e].strip(_TRIM)]


def _clauses(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(s, e) for s, e in split_outside(norm, start, end, _CLAUSE_END + _SENTENCE_END, quotes=True)
            if norm[s:e].strip(_TRIM)]


def _skip_adverbials(norm: str, pos: int, end: int) -> int:
    conf = _conf()
    while pos < end:
        while pos < end and norm[pos] in " \t":
            pos += 1
        m = conf["adverbial_re"].match(norm, pos, end)
        if not m or m.end() == pos:
            return pos
        pos = m.end()
        while pos < end and norm[pos] in " \t,":
            pos += 1
    return pos


def _units_piece(norm: str, raw: str, start: int, end: int, offset: int) -> Piece | None:
    """``norm[start:end]`` as a unit list, without a closing 等部门 tail; None when it is not one."""
    start, end = trim_span(norm, start, end)
    text = norm[start:end]
    m = _conf()["tail_re"].search(simplified(text))  # 等行業主管部門 is 等行业主管部门
    if m and m.start() > 0 and (looks_like_units(text[:m.start()]) or _functions(text[:m.start()])):
        end = start + m.start()
        text = text[:m.start()]
        if _functions(text):  # "环保、农业、林业等部门": the tail's 部门 is each name's
            return Piece(raw[start:end], offset + start)
    if text.endswith("等"):
        end -= 1
        text = text[:-1]
    if not (2 <= len(text) <= 80) or not looks_like_units(text) or text in _conf()["not_units"]:
        return None
    if "的" in text and not _relative_collective(text):
        return None
    if text[0] in _conf()["not_subject_start"] or _DATE_IN.search(text):
        return None  # "于7月11日前与县供电公司": a time and a partner, no name
    if _holds_verb(norm, start, end):
        return None  # "保证完成市委、市政府": a verb inside what only looks like names
    masked = text
    for w in _conf()["not_verbs"]:  # 应 of 应急局 is no modal
        masked = masked.replace(w, " " * len(w))
    if any(w in masked for w in _conf()["not_in_names"]) and not _names_end(norm, start) >= end:
        return None
    return Piece(raw[start:end], offset + start)


_DATE_IN = re.compile(r"\d+\s*[月日]|\d{4}\s*年")


def _relative_collective(text: str) -> bool:
    """"各负有安全生产监管职责的部门和行业主管部门": a collective described by a clause."""
    head = text.split("、")[0]
    return head.startswith("各") and head.count("的") == 1 and head.split("的")[1].startswith(
        tuple(_conf()["relative_heads"]))


def _functions(text: str) -> bool:
    """"市场监管、卫生健康、公安": every piece a function the registry knows (its 部门 written once, after)."""
    from policykit.units import normalise as name_unit

    pieces = [p for p in re.split(r"[、,和及]", text) if p]
    if len(pieces) < 2 or not all(2 <= len(p) <= 8 and all("\u4e00" <= ch <= "\u9fff" for ch in p) for p in pieces):
        return False
    known = sum(name_unit(p).known for p in pieces)  # "林草", "融媒": short forms beside known ones
    return known == len(pieces) or (known >= 3 and 3 * known >= 2 * len(pieces) and all(len(p) <= 4 for p in pieces))


def _names_end(norm: str, pos: int) -> int:
    """Where the registry names written from ``pos`` on end, joined by 、 和 及 与 (not by 会同 or 联合,
    which are verbs here): a verb inside a name (县委组织部 holds 组织) does not cut it."""
    reg = default_registry()
    base = pos
    s = simplified(norm[base:base + 200])  # a window: names are short, paragraphs are not
    pos = 0
    end = pos
    while True:
        # a branch's area or a guessed place is read only inside a list, not across a clause:
        # "公安机关要督促派出所" is no 公安 branch named "机关要督促"
        ends = [m.end for m in matches_at(reg, s, pos) if not (m.branch or m.place_guess)]
        if not ends:
            return base + end
        end = max(ends)
        joiner = next((w for w in ("、", "和", "及", "与", "以及") if s.startswith(w, end)), "")
        if not joiner:
            return base + end
        pos = end + len(joiner)


def _subject(norm: str, raw: str, pos: int, end: int, offset: int) -> tuple[Piece, int, str, str] | None:
    """The first unit list at ``pos`` followed by a verb → (units, index of the verb, verb, kind)."""
    conf = _conf()
    whole = _names_end(norm, pos)
    for m in conf["verb_re"].finditer(norm, pos + 2, end):
        if m.start() < whole or _not_verb(norm, m.start()):
            continue
        verb = _longest_verb(norm, m.start(), end)
        if norm.startswith(tuple(conf["noun_endings"]), m.start() + len(verb)):
            continue  # 举办者, 负责人: a noun, not the verb
        piece = _units_piece(norm, raw, pos, m.start(), offset) or _opening_units(norm, raw, pos, m.start(), offset)
        if piece is None:
            if m.start() - pos > 40:
                return None
            continue
        kind = dict(conf["verbs"])[verb]
        return piece, m.start(), verb, kind
    return None


def _opening_units(norm: str, raw: str, pos: int, stop: int, offset: int, *, rest_max: int | None = None) -> Piece | None:
    """The unit list opening ``norm[pos:stop]`` when the rest is adverbial: "教育部门统一制作…",
    "市、县电视台每天在…", "各乡镇派出所每天到…" (the subject, then how or when it acts).

    The longest list wins whose end is no word's middle: "市教育局局长…" opens with no unit.
    """
    conf = _conf()
    rest_max = conf["adverbial_rest"] if rest_max is None else rest_max
    for cut in range(min(stop, pos + 40), pos + 1, -1):
        rest = norm[cut:stop]
        if len(rest) > rest_max:
            break
        piece = _units_piece(norm, raw, pos, cut, offset)
        if piece is None or piece.start + len(piece.text) - offset != cut or _holds_verb(norm, pos, cut):
            continue
        # the longest list shaped like names is the subject, or there is none: a shorter one would
        # end inside it ("桂东县人民政府|办公室2017年…")
        after = norm[cut:cut + conf["adverbial_rest"]]
        if not _clean_cut(norm, pos, cut) or not _shaped_subject(norm[pos:cut]) \
                or after.startswith(tuple(conf["not_duty"])) or any(w in after for w in conf["not_after_subject"]):
            return None
        if rest_max == conf["adverbial_rest"] and any(w in rest for w in conf["not_adverbial"]):
            return None
        return piece
    return None


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    from policykit.china.levels import Level

    return frozenset(w for lv in Level for w in (lv.word, lv.prefix))


def _shaped_subject(head: str) -> bool:
    """A list read by its shape may open a clause: no preposition first, no place pronoun (我县 speaks
    of the county as a place), no two-character name on a weak ending ("就会")."""
    conf = _conf()
    head = head.strip()
    if not head or head[0] in conf["not_subject_start"] or (head.startswith("我") and head[1:] in _place_words()):
        return False
    last = head.split("、")[-1]
    return not (len(last) <= 2 and last[-1:] in conf["weak_suffixes"])


def _holds_verb(norm: str, pos: int, cut: int) -> bool:
    """"充分发挥乡镇(街道)": a verb inside what only looks like a name (the registry's names and the
    words names are made of aside)."""
    if _names_end(norm, pos) >= cut:
        return False
    head = norm[pos:cut]
    for w in _conf()["name_words"]:
        head = head.replace(w, "  ")
    return any(v in head for v in _conf()["barriers"])


def _is_han(ch: str) -> bool:
    return bool(ch) and "\u4e00" <= ch <= "\u9fff"


def _clean_cut(norm: str, pos: int, cut: int) -> bool:
    """A unit list may end at ``cut``: its brackets are closed, and no word runs across the cut."""
    head = norm[pos:cut]
    if head.count("(") != head.count(")") or norm.startswith((")", "、", "和", "及", "与"), cut):
        return False
    if any(ch.isdigit() for ch in head) or not _is_han(norm[cut:cut + 1]):
        return False  # "发现13处", "竹府办〔2016〕20号": no name, or a name before a number
    if any(ch in head for ch in "|│:"):
        return False  # cells of a page's field table: "发布机构 | 金乡县人民政府办公室 | 组配分类"
    lo = max(0, cut - 3)
    near = simplified(norm[lo:cut + 3])
    if any(near.startswith(w, cut - lo - k) for w in _conf()["glued"] for k in range(1, len(w))):
        return False  # "促进社会…": the list would end inside a word
    for w in _conf()["not_adverbial"]:
        if len(w) > 1:
            at = norm.find(w, max(pos, cut - len(w) + 1), cut + len(w))
            if at != -1 and at < cut < at + len(w):
                return False
            if at == cut:
                return False
    return True


def _opening_subject(norm: str, raw: str, pos: int, end: int, offset: int) -> tuple[Piece, int, str, str] | None:
    """A clause opened by a unit list and then any predicate ("各乡镇派出所每天到辖区重点水域开展巡查"):
    the list is its subject even when no verb of ours follows it closely."""
    piece = _opening_units(norm, raw, pos, end, offset, rest_max=60)
    if piece is None:
        return None
    at = piece.start - offset + len(piece.text)
    rest = norm[at:end].strip()
    conf = _conf()
    if len(rest) < 3 or rest.startswith(tuple(conf["not_adverbial"]) + tuple(conf["not_duty"]) + (":", ")")) \
            or any(w in rest[:conf["adverbial_rest"]] for w in conf["not_after_subject"]) \
            or not any(not _not_verb(norm, m.start()) for m in conf["verb_re"].finditer(norm, at, end)):
        return None  # a title ("2025年县政府工作报告任务清单") or a label, not a clause
    return piece, at, "", "duty"


def _not_verb(norm: str, at: int) -> bool:
    """The verb found at ``at`` is part of a word that is none ("重要", "应急")."""
    return any(norm.startswith(w, at - k) for w in _conf()["not_verbs"] for k in range(len(w)) if at - k >= 0)


def _longest_verb(norm: str, at: int, end: int) -> str:
    for verb, _ in _conf()["verbs"]:
        if norm.startswith(verb, at) and at + len(verb) <= end:
            return verb
    return ""


def _objects(norm: str, raw: str, pos: int, end: int, offset: int) -> Piece | None:
    """The unit list right after a joint or assist verb ("联合县公安局开展…" → 县公安局)."""
    conf = _conf()
    stop = end
    whole = _names_end(norm, pos)
    for m in conf["end_re"].finditer(norm, pos + 2, end):
        if m.start() >= whole:
            stop = m.start()
            break
    return _units_piece(norm, raw, pos, stop, offset)


def read_clause(norm: str, raw: str, start: int, end: int, offset: int = 0) -> _Clause | None:
    """One clause → who it names in which role, or None when it assigns nothing."""
    conf = _conf()
    pos = _skip_adverbials(norm, start, end)
    if norm.startswith(tuple(conf["with_markers"]), pos):  # "与乡镇配合进行…": co-operates with the clause before
        for m in re.finditer("|".join(map(re.escape, conf["with_verbs"])), norm[pos:end]):
            obj = _units_piece(norm, raw, pos + 1, pos + m.start(), offset)
            if obj:
                return _Clause(start, end, "object", objects=[obj], object_role="co")
    if norm.startswith(tuple(conf["object_markers"]), pos) and not norm.startswith(tuple(conf["lead_markers"]), pos) \
            and _names_end(norm, pos) == pos:  # "经信、公安…" opens with a name, not with 经
        for verb in conf["joint_verbs"]:
            if norm.startswith(verb, pos):  # "…,会同县公安局开展…": objects of the clause before
                obj = _objects(norm, raw, pos + len(verb), end, offset)
                return _Clause(start, end, "object", objects=[obj], object_role="co") if obj else None
        return None
    drawn = _drawn(norm, raw, pos, end, offset)
    if drawn is not None:  # "抽调A、B 26名警力", "从A、B等部门抽调…": they take part
        return _Clause(start, end, "object", objects=[drawn], object_role="co")
    charged = _charged(norm, raw, pos, end, offset)
    if charged:  # "压实A、B…责任": they are charged with it
        return _Clause(start, end, "charged", objects=charged)
    assist = next((v for v in sorted(conf["assist_verbs"], key=len, reverse=True) if norm.startswith(v, pos)), None)
    if assist:  # "…,配合林场、法院对现场…": the clause before helps these units, which lead
        obj = _objects(norm, raw, pos + len(assist), end, offset)
        return _Clause(start, end, "helps", objects=[obj], object_role="lead") if obj else None
    by = norm.find("由", pos, min(end, pos + 24))  # "此次行动由X协同Y…": a topic before 由
    if by > pos and _units_piece(norm, raw, pos, by, offset) is None and not norm.startswith("由于", by):
        pos = by
    for marker in conf["lead_markers"]:
        if norm.startswith(marker, pos) and not norm.startswith("由于", pos + len(marker) - 1):
            got = _subject(norm, raw, pos + len(marker), end, offset) \
                or _opening_subject(norm, raw, pos + len(marker), end, offset)  # "由审计局复核整改结果"
            if got is None:
                return None
            piece, at, verb, kind = got
            out = _Clause(start, end, "lead", subject=piece)
            if kind == "joint":
                obj = _objects(norm, raw, at + len(verb), end, offset)
                if obj:
                    out.objects, out.object_role = [obj], "co"
                elif _is_list(piece):  # "由A、B、C联合举行": together, none leads
                    out.role = "shared"
            return out
    for opener, closer in conf["lead_frames"]:
        if norm.startswith(opener, pos):
            close = norm.find(closer, pos + len(opener), end)
            if close > 0:
                piece = _units_piece(norm, raw, pos + len(opener), close, offset)
                if piece:
                    return _Clause(start, end, "frame", subject=piece)
    asked = _asked(norm, raw, pos, end, offset)
    if asked is not None:
        return asked
    got = _subject(norm, raw, pos, end, offset) or _opening_subject(norm, raw, pos, end, offset)
    if got is None:
        return None
    piece, at, verb, kind = got
    after = norm[at:end]
    if after.startswith(tuple(conf["attitude"])):  # "县委政法委高度重视…,及时召开…": what it did comes next
        return _Clause(start, end, "attitude", subject=piece)
    if after.startswith(tuple(conf["not_duty"])):
        return None
    if verb in conf["joint_after"]:  # "我局负责会同公安青浦分局开展…", "县教育局要联合…"
        nxt = at + len(verb)
        joint = next((v for v in sorted(conf["joint_verbs"], key=len, reverse=True) if norm.startswith(v, nxt)), None)
        if joint:
            verb, kind = norm[at:nxt] + joint, "joint"
    drawn = _drawn(norm, raw, at, end, offset) if verb == "从" else None
    if drawn is not None:  # "该县学安委从城管、交警等部门抽调精干人员"
        return _Clause(start, end, "lead", subject=piece, objects=[drawn], object_role="co")
    partners = _partners(norm, raw, at, end, offset) if kind not in ("joint", "assist") else None
    if partners is not None:  # "人社局注重与住建、交通等部门的协同联动": they co-operate
        return _Clause(start, end, "lead", subject=piece, objects=[partners], object_role="co")
    if kind in ("joint", "assist"):  # X会同Y: Y co-operates; X配合Y做好: Y leads
        obj = _objects(norm, raw, at + len(verb), end, offset)
        out = _Clause(start, end, "lead" if kind == "joint" else "assist", subject=piece)
        if obj:
            out.objects, out.object_role = [obj], "co" if kind == "joint" else "lead"
        return out
    return _Clause(start, end, {"lead": "lead", "shared": "shared"}.get(kind, "duty"), subject=piece)


def _partners(norm: str, raw: str, at: int, end: int, offset: int) -> Piece | None:
    """Units the subject works with, later in its clause: "…与区医保局、区卫健委的协作", "…与乡镇配合"."""
    conf = _conf()
    for m in conf["partner_re"].finditer(norm, at, end):
        if norm[at:m.start()].endswith(tuple(conf["not_partners_after"])):
            continue
        a = m.end()
        tail = conf["with_re"].search(norm, a, end)
        if tail is None:
            break  # no later 与 can find one either
        if tail.start() - a < 2:
            continue
        stop = tail.start()
        words = conf["partner_stop_re"].search(norm, a, stop)  # "与X等单位建立合作机制"
        if words:
            stop = words.start()
        return _units_piece(norm, raw, a, stop, offset) or _opening_units(norm, raw, a, stop, offset)
    return None


def _drawn(norm: str, raw: str, pos: int, end: int, offset: int) -> Piece | None:
    """The units people are drawn from: "抽调A、B、C 26名警力…" / "从A、B等部门抽调…" → A、B、C."""
    conf = _conf()
    if norm.startswith("从", pos):
        for verb in conf["draw_verbs"]:
            at = norm.find(verb, pos + 1, end)
            if at > pos + 1:
                return _units_piece(norm, raw, pos + 1, at, offset)
        return None
    verb = next((v for v in conf["draw_verbs"] if norm.startswith(v, pos)), None)
    if verb is None:
        return None
    stop = next((i for i in range(pos + len(verb), end) if norm[i].isdigit() or norm[i] in "各每"), end)
    return _units_piece(norm, raw, pos + len(verb), stop, offset) or _objects(norm, raw, pos + len(verb), stop, offset)


def _charged(norm: str, raw: str, pos: int, end: int, offset: int) -> list[Piece]:
    """"压实A、B两级学安委成员单位…工作责任", "强化行业部门监管责任、生产经营单位主体责任": the units
    charged, each read before its own 责任."""
    conf = _conf()
    verb = next((v for v in sorted(conf["charge_verbs"], key=len, reverse=True) if norm.startswith(v, pos)), None)
    if verb is None or not norm[pos:end].rstrip("。;,").endswith("责任"):
        return []
    out: list[Piece] = []
    a = pos + len(verb)
    while a < end:
        duty = norm.find("责任", a, end)
        if duty < 0:
            break
        piece = _opening_units(norm, raw, a, duty, offset, rest_max=8)
        if piece is None:
            return []
        out.append(piece)
        a = duty + 2
        if not norm.startswith("、", a):
            break
        a += 1
    return out


def _asked(norm: str, raw: str, pos: int, end: int, offset: int) -> _Clause | None:
    """"(通知)要求各地、各有关部门立即…", "县政府督促各乡镇做好…": the units asked carry the duty
    (the asker, a unit or a document, is given none)."""
    conf = _conf()
    for m in conf["asking_re"].finditer(norm, pos, min(end, pos + 24)):
        asker = norm[pos:m.start()].strip()
        for word in sorted(conf["askers"], key=len, reverse=True):  # "…党委、政府明确要求"
            if asker.endswith(word) and len(asker) > len(word) and looks_like_units(asker[:-len(word)]):
                asker = asker[:-len(word)]
                break
        if asker and asker not in conf["askers"] and not looks_like_units(asker):
            continue  # "县教育局要加强督促学校…": 督促 is the bureau's own duty here
        got = _subject(norm, raw, m.end(), end, offset)
        if got is not None and got[3] not in ("assist",):
            piece, _at, _verb, kind = got
            return _Clause(pos, end, {"lead": "lead", "shared": "shared"}.get(kind, "duty"), subject=piece)
    return None


def _bare_subject(norm: str, raw: str, start: int, end: int, offset: int) -> bool:
    """A clause that is a unit list and nothing more: the subject of the clause after it."""
    pos = _skip_adverbials(norm, start, end)
    a, b = trim_span(norm, pos, end)
    piece = _units_piece(norm, raw, a, b, offset)
    return piece is not None and piece.start - offset == a and len(piece.text) >= b - a - 1


def _subject_then_basis(norm: str, raw: str, start: int, end: int, offset: int) -> bool:
    """"我局根据您的建议,开展了…": a subject and the basis it acts on; the act is in the next clause."""
    pos = _skip_adverbials(norm, start, end)
    for word in _conf()["basis"]:
        at = norm.find(word, pos, end)
        if at > pos and _units_piece(norm, raw, pos, at, offset) is not None:
            return True
    return False


def _held_list(norm: str, raw: str, ce: int, e: int, offset: int) -> bool:
    """The clause after ``ce`` is a bare unit list too: the line lists units, it acts through none."""
    nxt = next(((a, b) for a, b in _clauses(norm, ce, e)), None)
    return nxt is not None and _bare_subject(norm, raw, nxt[0], nxt[1], offset)


def _is_list(piece: Piece) -> bool:
    return len(split_unit_list(piece.text)) > 1


def read_statements(raw: str, offset: int = 0, *, genre_reports: bool = False) -> list[Statement]:
    """Every responsibility statement of a paragraph (``raw`` as read; offsets shifted by ``offset``).

    A mirror that glosses each character with its pinyin ("區(qū)醫(yī)保局聯(lián)合…") is read without
    the glosses; spans and unit pieces point back into the paragraph as written."""
    clean, kept = without_glosses(raw)
    if len(clean) == len(raw):
        return _read_statements(raw, offset, genre_reports=genre_reports)
    out = _read_statements(clean, 0, genre_reports=genre_reports)

    def start(i: int) -> int:
        return kept[i] if i < len(kept) else len(raw)

    def end(i: int) -> int:
        return kept[i - 1] + 1 if i > 0 else 0

    moved: set[int] = set()  # a piece may stand in two statements ("…,配合Y…": X helps Y): move it once
    for st in out:
        st.span = (offset + start(st.span[0]), offset + end(st.span[1]))
        st.first_clause = None
        for p in st.lead + st.co:
            if id(p) in moved:
                continue
            moved.add(id(p))
            a, b = start(p.start), end(p.start + len(p.text))
            p.text, p.start = raw[a:b], offset + a
    return out


def _read_statements(raw: str, offset: int = 0, *, genre_reports: bool = False) -> list[Statement]:
    """``read_statements`` over text without glosses."""
    norm = normalise(raw)
    out: list[Statement] = []
    heading = _heading(norm, raw, offset)
    for s, e in sentences(norm):
        current: Statement | None = None
        sentence_out: list[Statement] = []
        framed = led = False
        conf = _conf()
        clauses = _clauses(norm, s, e)
        held: int | None = None  # a clause that is only its subject ("A与B,就…进行了检查"): read with the next
        attitude: Piece | None = None  # "X高度重视,…": X, for the clause after
        for cs, ce in clauses:
            if held is not None:
                alone = read_clause(norm, raw, cs, ce, offset)
                if alone is None or alone.subject is None:
                    cs = held  # the clause has no subject of its own: the held one is it
                held = None
            c = read_clause(norm, raw, cs, ce, offset)
            if c is not None and c.role == "attitude":
                attitude = c.subject
                continue
            if c is None and attitude is not None and conf["verb_re"].match(norm, _skip_adverbials(norm, cs, ce)):
                # the unit that cared does what this clause says
                c = _Clause(cs, ce, "duty" if not _is_list(attitude) else "shared", subject=attitude)
            attitude = None if c is not None else attitude
            if c is None:
                # only before a comma, and not in a list of them (an addressee line "A,B:")
                if norm[ce:ce + 1] == "," and (_bare_subject(norm, raw, cs, ce, offset)
                                                or _subject_then_basis(norm, raw, cs, ce, offset)) \
                        and not _held_list(norm, raw, ce, e, offset):
                    held = cs
                continue
            if c.role == "object":
                if current is not None:
                    current.co += c.objects
                continue
            if c.role == "charged":  # one statement for all the units charged
                charged = Statement((offset + s, offset + e), first_clause=cs)
                if len(c.objects) == 1 and not _is_list(c.objects[0]):
                    charged.lead = list(c.objects)
                else:
                    charged.co = list(c.objects)
                sentence_out.append(charged)
                continue
            if c.role == "helps":  # the units of the statement before co-operate with these
                if current is not None and (current.lead or current.co):
                    helpers = list(current.lead or current.co)
                    current = Statement((offset + s, offset + e), first_clause=cs, lead=list(c.objects), co=helpers)
                    sentence_out.append(current)
                continue
            if c.role == "assist":
                if c.object_role == "lead":
                    current = Statement((offset + s, offset + e), first_clause=cs, lead=list(c.objects), co=[c.subject])
                    sentence_out.append(current)
                elif current is not None:
                    if not current.lead and current.co and not current.shared:  # "A、B负责,C配合": A and B lead
                        current.lead, current.co = current.co, []
                    current.co.append(c.subject)
                else:
                    current = Statement((offset + s, offset + e), first_clause=cs, co=[c.subject])
                    sentence_out.append(current)
                continue
            if c.role == "frame":  # 以X为主, 在X统一领导下: X leads what the next clauses do
                current = Statement((offset + s, offset + e), first_clause=cs, lead=[c.subject])
                sentence_out.append(current)
                framed = True
                continue
            if (framed or led) and current is not None and c.role in ("duty", "shared"):
                current.co.append(c.subject)
                continue
            led = c.role == "lead" and bool(norm.startswith(tuple(conf["lead_markers"]), _skip_adverbials(norm, cs, ce)))
            if c.role == "lead" or (c.role == "duty" and not _is_list(c.subject)):
                if current is not None and not current.lead and current.co and c.role == "lead":
                    current.lead.append(c.subject)  # "Y配合,由X牵头"
                else:
                    current = Statement((offset + s, offset + e), first_clause=cs, lead=[c.subject])
                    sentence_out.append(current)
            else:  # shared, or several units doing the work together
                current = Statement((offset + s, offset + e), first_clause=cs, co=[c.subject], shared=c.role == "shared")
                sentence_out.append(current)
            if c.objects:
                getattr(current, c.object_role or "co").extend(c.objects)
        for k, st in enumerate(sentence_out):
            # a statement runs from its first clause to the next statement of the sentence
            # (the first one from the sentence's start: "2024年3月底前,由县教育局牵头…" keeps its deadline)
            first = s if k == 0 or st.first_clause is None else st.first_clause
            nxt = sentence_out[k + 1].first_clause if k + 1 < len(sentence_out) else None
            stop = nxt - 1 if nxt is not None and nxt > first else e
            st.span = (offset + first, offset + stop)
            words = norm[first:stop]
            for piece in st.lead + st.co:  # 应 in 县应急管理局 is no modal
                words = words.replace(normalise(piece.text), "")
            st.reported = _reports(words, genre_reports)
        out += sentence_out
    if heading is not None:
        if out and out[0].span[0] <= heading.lead[0].start < out[0].span[1]:
            out[0].style = "heading"
        else:
            heading.span = (offset, offset + len(raw.rstrip()))
            heading.reported = _reports(norm, genre_reports)
            out.insert(0, heading)
    return out


def _heading(norm: str, raw: str, offset: int) -> Statement | None:
    """A paragraph opened by a unit and a colon: "县教育局:负责…" → that unit leads what follows."""
    pos = _skip_adverbials(norm, 0, len(norm))
    colon = norm.find(":", pos, pos + 30)
    if colon < 0 or not norm[colon + 1:].strip():
        return None
    piece = _units_piece(norm, raw, pos, colon, offset)
    if piece is None or _is_list(piece):
        return None
    return Statement((offset, offset + len(raw)), lead=[piece], style="heading")


def _reports(clause: str, genre_reports: bool) -> bool:
    """Done work ("开展了", "已完成", "9月30日,…组织…"), not work to do ("要", "将", "负责")."""
    conf = _conf()
    if any(m in clause for m in conf["modal_marks"]):
        return any(m in clause for m in conf["past_marks"]) and not any(m in clause for m in conf["future_marks"])
    if any(m in clause for m in conf["reported_marks"]):
        return True
    if conf["opener_re"].match(clause.lstrip(" ,")):
        return True
    return genre_reports


def reports_by_genre(title: str | None, opening: str, text: str = "") -> bool:
    """A work summary, status report or news item: its clauses report unless they say otherwise.

    Told by its title or byline, else by its sentences: a text whose sentences report done work
    ("开展了", "已完成", "先后") more often than they say what is to be done ("要", "应", "将") is a
    report, whatever its title.
    """
    conf = _conf()
    title = title or ""
    if any(w in title for w in conf["plan_genre"]):
        return False  # "政府工作报告重点任务分解": a plan made from a report
    if text and _past_outweighs(text):
        return True
    if any(w in title for w in conf["report_genre"]) or any(w in opening for w in conf["report_bylines"]):
        return True
    # a headline, not a document's title ("射阳县开展非法占用林地联合执法行动"), over a text that
    # tells news ("近期", "据悉", "此次行动"): a news item
    head = normalise(text[:3000])
    return bool(title) and not any(w in title for w in conf["document_titles"]) \
        and sum(head.count(w) for w in conf["news_marks"]) >= 2


def _past_outweighs(text: str) -> bool:
    conf = _conf()
    past = modal = 0
    normed = normalise(text[:6000])
    for a, b in sentences(normed):
        sent = normed[a:b]
        if any(m in sent for m in conf["modal_marks"]):
            modal += 1
        elif any(m in sent for m in conf["reported_marks"]):
            past += 1
    return past >= 2 and past > modal


def commits(clause: str) -> bool:
    """A clause that commits to its number: ``"每村至少配备1名"`` → True; ``"全县共有学校120所"`` → False."""
    conf = _conf()
    if any(m in clause for m in conf["background_marks"]):
        return False
    return any(m in clause for m in conf["commit_marks"])


def clause_at(norm: str, pos: int) -> str:
    """The clause of ``norm`` that holds offset ``pos`` (cut at , ; 。 ! ? :)."""
    for s, e in _clauses(norm, 0, len(norm)):
        if s <= pos < e + 1:
            return norm[s:e]
    return ""
