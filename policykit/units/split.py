"""A raw list of units → one piece per unit, with offsets into the text.

1. cut at separators (、,;/ tab) outside brackets and quotes: "各镇(街道、中心)" stays whole;
2. strip words that are not names (牵头, 配合, 按职责分工负责, 等) and split off a generic
   tail ("…等有关部门" → "有关部门");
3. cut what is left by dynamic programming over the registry: "市应急管理局市市场监督管理局"
   → two units; a space is a line wrap inside a name ("区卫生健康 委") unless the cut there
   reads better ("区教育局 公安青浦分 局" → 区教育局 + 公安青浦分局).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policykit.text import normalise as normalise_punct
from policykit.units.match import best_whole, matches_at
from policykit.units.normalise import Cleaned, clean, leader_title, whole_by_rule
from policykit.units.registry import Registry, default_registry, simplified

_SEPARATORS = frozenset("、,;/|\t。")
_PAIRS = {"(": ")", "[": "]", "【": "】", "“": "”", "‘": "’", "《": "》", "〔": "〕", "「": "」", "<": ">"}
_SAME = frozenset("\"'")  # quotes that open and close with the same character
_MAX_UNKNOWN = 60  # longest unknown stretch the segmentation considers as one unit


@dataclass(frozen=True)
class Segment:
    """A unit inside a cleaned piece: compared-text positions ``lo:hi``."""

    lo: int
    hi: int
    known: bool


def protected(text: str) -> set[int]:
    """Positions inside matched brackets or quotes, where a separator does not split.

    "各镇(街道、中心)" → the positions of "街道、中心"; an unmatched "(" protects nothing.
    """
    inside: set[int] = set()
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(text):
        if ch == "\n":
            stack.clear()
        elif stack and ch == stack[-1][0]:
            _, start = stack.pop()
            inside.update(range(start + 1, i))
        elif ch in _PAIRS:
            stack.append((_PAIRS[ch], i))
        elif ch in _SAME:
            stack.append((ch, i))
    return inside


def _joined(reg: Registry, norm: str) -> set[int]:
    """Positions inside registry names that contain a separator: "各县、市、区政府" is one unit."""
    inside: set[int] = set()
    for name in reg.joined_names:
        start = norm.find(name)
        while start != -1:
            inside.update(range(start, start + len(name)))
            start = norm.find(name, start + len(name))
    return inside


def cut_at_separators(text: str, reg: Registry | None = None) -> list[tuple[int, int]]:
    """Top-level pieces between separators: "A、B(c、d)" → [(0, 1), (2, 8)]."""
    norm = normalise_punct(text)
    keep = protected(norm) | (_joined(reg, simplified(text)) if reg is not None else set())
    pieces, start = [], 0
    for i, ch in enumerate(norm):
        if ch in _SEPARATORS and i not in keep:
            pieces.append((start, i))
            start = i + 1
    pieces.append((start, len(norm)))
    return [(a, b) for a, b in pieces if text[a:b].strip()]


def _gap_before(c: Cleaned) -> list[bool]:
    """gaps[k]: whitespace stood between compared characters k-1 and k."""
    return [k > 0 and c.chars[k] - c.chars[k - 1] > 1 for k in range(len(c.chars))] + [False]


def segment(reg: Registry, c: Cleaned) -> list[Segment]:
    """Cut a cleaned piece into units: fewest unknown characters, then no join across a
    space that follows a unit ending (局, 委 …), then fewest units, then plainest readings."""
    s = c.compared
    n = len(s)
    if n == 0:
        return []
    whole = best_whole(reg, s)
    if whole is not None and whole.oddity == 0:
        return [Segment(0, n, True)]
    shaped = ends_like_unit(reg, s)
    gaps = _gap_before(c)
    ends_unit = [any(s.endswith(e, 0, k) for e in reg.unit_endings) for k in range(n + 1)]
    separator_like = [gaps[k] and ends_unit[k] for k in range(n + 1)]
    known_ends: list[dict[int, tuple[int, float]]] = []
    for i in range(n):
        ends: dict[int, tuple[int, float]] = {}
        for m in matches_at(reg, s, i):
            score = (m.oddity, m.confidence)
            if m.end not in ends or (score[0], -score[1]) < (ends[m.end][0], -ends[m.end][1]):
                ends[m.end] = score
        known_ends.append(ends)

    def bad_joins(i: int, j: int) -> int:
        return sum(separator_like[k] for k in range(i + 1, j))

    best: list[tuple[int, int, int, int, float] | None] = [None] * (n + 1)
    back: list[tuple[int, Segment] | None] = [None] * (n + 1)
    best[0] = (0, 0, 0, 0, 0.0)

    def relax(i: int, seg: Segment, unknown: int, score: tuple[int, float]) -> None:
        cur = best[i]
        assert cur is not None
        cost = (cur[0] + unknown, cur[1] + bad_joins(seg.lo, seg.hi), cur[2] + 1, cur[3] + score[0],
                cur[4] - score[1])
        if best[seg.hi] is None or cost < best[seg.hi]:  # type: ignore[operator]
            best[seg.hi] = cost
            back[seg.hi] = (i, seg)

    for i in range(n):
        if best[i] is None:
            continue
        for j, score in known_ends[i].items():
            # inside a piece that ends like a name, a registry word that does not ("建设", "文化")
            # weighs like unknown text: 文化宣传股 + 文化馆, not 文化 + 宣传 + 股文化馆
            frag = 0 if not shaped or j - i == n or ends_like_unit(reg, s[i:j]) or s[i:j] in reg.aliases \
                and reg.aliases[s[i:j]].kind in ("generic", "township") else j - i
            relax(i, Segment(i, j, True), frag, score)
        if i > 0 and back[i] is not None and back[i][1].known:  # type: ignore[index]
            for word in reg.connectors:
                k = i + len(word)
                if s.startswith(word, i) and k < n:
                    for j, score in known_ends[k].items():
                        relax(i, Segment(k, j, True), 0, score)
        for j in range(i + 1, min(n, i + _MAX_UNKNOWN) + 1):
            if j == n or ends_unit[j] or gaps[j]:
                relax(i, Segment(i, j, False), j - i, (0, 0.0))
        if i + _MAX_UNKNOWN < n:
            relax(i, Segment(i, n, False), n - i, (0, 0.0))
    out: list[Segment] = []
    pos = n
    while pos > 0:
        step = back[pos]
        assert step is not None
        out.append(step[1])
        pos = step[0]
    if len(out) > 1 and _fragmented(reg, s, out):
        return [Segment(0, n, False)]
    out = _places_prefix(reg, s, out)
    # "县级机关各单位", "常务副县长王大雷": the registry reads only part of it; a rule reads it whole
    # and "各开发区相关单位": a generic reference written onto a name narrows it, it adds no unit
    last = reg.aliases.get(s[out[0].lo:out[0].hi])
    joined = any(a.lo != b.hi for a, b in zip(out, out[1:], strict=False))  # a connector between names
    narrowed = len(out) > 1 and last is not None and last.kind == "generic" and not joined
    if (narrowed or not all(seg.known for seg in out)) and whole_by_rule(reg, s):
        return [Segment(0, n, True)]
    return out[::-1]


_BRACKETED_END = re.compile(r"[((][^()()]*[))]$")


def ends_like_unit(reg: Registry, s: str) -> bool:
    """"区发展改革和科技局", "各社区(村)", "行政审批(服务)局": the text ends like a unit name."""
    core = _BRACKETED_END.sub("", s) or s
    return any(core.endswith(e) for e in reg.unit_endings)


def _fragmented(reg: Registry, s: str, segs: list[Segment]) -> bool:
    """A piece shaped like one name that the cut leaves in fragments: keep it whole.

    A part is whole when it ends like a unit, or is a registry name of its own kind
    (a collective, a bare function such as 公安); a part that only ends a longer
    name (建设, 区发展改革, (村)) is a fragment.  A cut at a connector (和, 会同)
    between two whole names stands: 县农业局和县卫生局.
    """
    if not ends_like_unit(reg, s):
        return False
    for k, seg in enumerate(segs):
        part = s[seg.lo:seg.hi]
        if ends_like_unit(reg, part) or (not seg.known and not part.startswith(("(", "("))):
            continue
        touches = (k > 0 and segs[k - 1].hi == seg.lo) or (k + 1 < len(segs) and segs[k + 1].lo == seg.hi)
        if seg.known and not touches and not any(part.startswith(lv) for lv in reg.levels):
            continue  # 财政 + 和 + 教育部门: a name of its own, the suffix shared (区发展改革 is no name)
        alias = reg.aliases.get(part)
        if alias is not None and alias.kind in ("generic", "township") and not part.startswith(("市", "县", "区")):
            continue
        return True
    return False


def _places_prefix(reg: Registry, s: str, rev: list[Segment]) -> list[Segment]:
    """A place written right before a name is where the unit sits, not a unit of its own:
    "房山区张坊镇综合行政执法队" is one unit, not 房山区 + 张坊镇 + 综合行政执法队.
    (``rev`` runs from the last segment to the first, as ``segment`` builds it.)"""
    from policykit.china.places import gazetteer

    segs = rev[::-1]
    out: list[Segment] = []
    for seg in segs:
        if out and out[-1].hi == seg.lo and _is_place(gazetteer(), s[out[-1].lo:out[-1].hi]) \
                and ends_like_unit(reg, s[seg.lo:seg.hi]) and not _is_place(gazetteer(), s[seg.lo:seg.hi]):
            out[-1] = Segment(out[-1].lo, seg.hi, False)
        else:
            out.append(seg)
    return out[::-1]


def _is_place(gz: object, part: str) -> bool:
    """A division of the gazetteer, or a township (…镇, …乡, …街道) written before a name."""
    return bool(gz.lookup(part)) or (len(part) >= 3 and part.endswith(("镇", "乡", "街道")) and  # type: ignore[attr-defined]
                                     not part.startswith("各"))


def _generic_tail(reg: Registry, c: Cleaned) -> tuple[Cleaned, Cleaned | None]:
    """"公安局、教育局等有关部门" (last piece "教育局等有关部门") → ("教育局", "有关部门")."""
    for tail in reg.generic_tails:
        if c.compared.endswith(tail):
            cut = len(c.compared) - len(tail)
            # the tail without its "等": the generic unit itself
            g = Cleaned(c.name[cut + 1:], c.compared[cut + 1:], c.chars[cut + 1:])
            rest = Cleaned(c.name[:cut], c.compared[:cut], c.chars[:cut])
            return rest, g
    return c, None


def _title_only(reg: Registry, s: str) -> bool:
    """"县委常委", "副书记": a title alone, the first of one person's titles ("市公安局局长" is not)."""
    title = leader_title(reg, s)
    if title is None or not s.endswith(title):
        return False
    before = s[:len(s) - len(title)]
    level = next((lv for lv in reg.levels if before.startswith(lv)), "")
    return before[len(level):] in ("", "委", "党委", "政府")


def _join_leaders(reg: Registry, text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """"县委常委、常务副县长王大雷": titles of one person are one piece, not one unit per title."""
    out: list[tuple[int, int]] = []
    for a, b in pieces:
        if out and _title_only(reg, clean(reg, text[out[-1][0]:out[-1][1]]).compared) and \
                leader_title(reg, clean(reg, text[a:b]).compared):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _trim_edges(reg: Registry, parts: list[tuple[Cleaned, Segment]]) -> list[tuple[Cleaned, Segment]]:
    """Words around the names of a piece that are no name: "建立" 公安, 检察院 "三方联动",
    省财政厅 "主办".  An unknown part at either edge that does not end like a unit goes,
    as long as a name is left."""
    def is_word(c: Cleaned, seg: Segment) -> bool:
        part = c.compared[seg.lo:seg.hi]
        return not seg.known and not ends_like_unit(reg, part) and not whole_by_rule(reg, part)

    def is_name(c: Cleaned, seg: Segment) -> bool:
        return seg.hi - seg.lo >= 2 and (seg.known or ends_like_unit(reg, c.compared[seg.lo:seg.hi]))

    while len(parts) > 1 and is_word(*parts[-1]) and is_name(*parts[-2]):
        parts = parts[:-1]
    while len(parts) > 1 and is_word(*parts[0]) and is_name(*parts[1]):
        parts = parts[1:]
    return parts


def _level_chars() -> str:
    from policykit.china.levels import Level

    return "".join(dict.fromkeys(lv.prefix for lv in Level if lv.on_units and len(lv.prefix) == 1))


_LEVEL_ONLY = re.compile(rf"各?[{_level_chars()}]")
_SHARES_END = re.compile(rf"^(?:[{_level_chars()}]|中直|省直|市直|县直).*(?:人民政府|政府|部门|单位)$")
_SUFFIX_ONLY = re.compile(r"[委办局部厅室处科]")


def _join_levels(reg: Registry, text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """"各州、市人民政府", "省、中直负有…的部门": a level written alone shares the next name's ending,
    one collective; "盟有关部、委、办、局": an ending written alone shares the name before it."""
    out: list[tuple[int, int]] = []
    carry: int | None = None
    for k, (a, b) in enumerate(pieces):
        piece = simplified(text[a:b]).strip()
        if carry is not None:
            a, carry = carry, None
        following = simplified(text[pieces[k + 1][0]:pieces[k + 1][1]]).strip() if k + 1 < len(pieces) else ""
        if (_LEVEL_ONLY.fullmatch(piece) and _SHARES_END.match(following)) \
                or (re.fullmatch(r"[一二三四五六七八九十]", piece) and re.match(r"[一二三四五六七八九十]级", following)):
            carry = a  # "一、二级医院": the grades share the name
            continue
        if out and _SUFFIX_ONLY.fullmatch(piece):
            out[-1] = (out[-1][0], b)
            continue
        out.append((a, b))
    return out


def _leading_mark(reg: Registry, text: str, at: int) -> int:
    """Where a list starts after a cell's heading number (policykit.china.headings) or a scope word
    before collectives (``leading_scope`` in units.toml): "一、哈尔滨市" → 2; "一、二级医院" → 0."""
    from policykit.china.headings import numbered

    norm = normalise_punct(text)
    mark = numbered(norm[at:], ("cn", "cn_paren", "arabic", "arabic_paren", "circled"))
    end = at + mark.end if mark is not None else at
    if mark is not None and norm[end:end + 1] in "一二三四五六七八九十":
        end = at  # 一、二级医院: a numeral list, no heading number
    scope = reg.leading_numbering.match(norm, end) if reg.leading_numbering else None
    if scope:
        end = scope.end()
    return end if end < len(text.rstrip()) else 0


def split_unit_list(text: str, *, registry: Registry | None = None) -> list[tuple[str, int, int]]:
    """A raw list → [(raw piece, start, end)] (each distinct list is cut once per registry)."""
    reg = default_registry(registry)
    memo = reg.memo("split_unit_list")
    if text not in memo:
        memo[text] = _split_unit_list(text, reg)
    return list(memo[text])


def _split_unit_list(text: str, registry: Registry) -> list[tuple[str, int, int]]:
    """A raw list → [(raw piece, start, end)] with ``text[start:end] == raw``.

    "公安局、市住房和城乡建设局市应急管理局" → 公安局, 市住房和城乡建设局, 市应急管理局.
    """
    reg = default_registry(registry)
    out: list[tuple[str, int, int]] = []
    lead_ws = len(text) - len(text.lstrip())
    skip = _leading_mark(reg, text, lead_ws)  # "一、哈尔滨市", "全县各镇、…"
    for a, b in _join_levels(reg, text, _join_leaders(reg, text, cut_at_separators(text, reg))):
        if b <= skip:
            continue
        a = max(a, skip)
        piece = clean(reg, text[a:b])
        piece, tail = _generic_tail(reg, piece)
        joined_here = any(ch in "、," for ch in simplified(text[a:b]).strip(" 、,"))
        parts = [(piece, Segment(0, len(piece.compared), False))] if joined_here and piece.compared \
            else [(piece, seg) for seg in segment(reg, piece)]
        if tail is not None and tail.compared:
            parts.append((tail, Segment(0, len(tail.compared), True)))
        parts = [(c, seg) for c, seg in _trim_edges(reg, parts)
                 if seg.known or c.compared[seg.lo:seg.hi] not in ("等", "等等")]  # "农业局等 各县…"
        for c, seg in parts:
            start = a + c.chars[seg.lo]
            end = a + c.chars[seg.hi - 1] + 1
            out.append((text[start:end], start, end))
    return out


def list_end(text: str, start: int = 0, *, registry: Registry | str | None = None) -> int:
    """Where the registry names written from ``start`` on end, joined by 、 or a connector.

    ``list_end("县教育局会同县委组织部开展督导", 6)`` → 11 (县委组织部, not 县委); ``start`` when
    no name starts there.  For callers that find a list by its shape and may stop at a short
    name inside a longer one.
    """
    reg = default_registry(registry)
    s = simplified(text)
    pos = end = start
    while True:
        ends = [m.end for m in matches_at(reg, s, pos)]
        if not ends:
            return end
        end = max(ends)
        joiner = "、" if s.startswith("、", end) else next((w for w in reg.connectors if s.startswith(w, end)), "")
        if not joiner:
            return end
        pos = end + len(joiner)
