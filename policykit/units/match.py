"""Where a unit name starts and ends: [region][level][级/直] name [area 分局] over the registry.

Works on the compared form (``registry.key``: ASCII punctuation, no spaces), so that
"市 公安局" and "市公安局" match alike; callers map positions back to the text.
"""

from __future__ import annotations

from dataclasses import dataclass

from policykit.units.registry import Alias, Registry

_MAX_REGION = 7  # 蒙自市, 呼和浩特市, 乌鲁木齐市
_MAX_AUTONOMOUS = 16  # 红河哈尼族彝族自治州, 双江拉祜族佤族布朗族傣族自治县 (15)
_MAX_PLACE = 5  # a bare place name before a place_prefix function: 龙南, 蒙自, 御道口牧场
_MAX_AREA = 5  # a branch's area: 青浦, 大鹏, 沙县
# A place name holds none of these: "区教育局" before "公安…" is a unit, not a place; nor is
# "责任单位及" before "各学校" (及 joins, 单位 is no place).
_NOT_PLACE = set("()[]\"“”、,;:。各等局委办院队部室厅组处科会所及位")


@dataclass(frozen=True)
class Match:
    """A unit found at ``start:end`` of the compared text."""

    start: int
    end: int
    alias: Alias
    level: str | None = None  # the level as written: 市公安局 → 市, 团区委 → 区
    region: str | None = None  # 蒙自市教育体育局 → 蒙自市; a branch's area: 公安青浦分局 → 青浦
    branch: bool = False
    place_guess: bool = False  # a bare place name taken as region (蒙自供电局)
    sub_unit: bool = False  # 市公安局交警大队: a unit inside a unit of the same function
    collective: str | None = None  # 各镇(区)综治办 → "各镇(区)": one such unit in every township
    also: str | None = None  # 县委组织部(县委编办) → "县委编办": the same unit's other name

    @property
    def confidence(self) -> float:
        """The alias's confidence, less for a guessed place: 龙南经济技术开发区管委会 → 0.9."""
        return round(self.alias.confidence * (0.9 if self.place_guess else 1.0), 2)

    @property
    def oddity(self) -> int:
        """How much reading went into it: a guessed place 2, a region or a branch 1 each."""
        return (int(self.place_guess) * 2 + int(self.region is not None) + int(self.branch)
                + int(self.collective is not None))

    def rank(self) -> tuple[float, int, int]:
        """Higher is better: confident, plain (no guessed region, no branch), then long."""
        return (self.confidence, -self.oddity, self.end - self.start)


def is_place(text: str) -> bool:
    """Could be a place name: "龙南" yes; "区教育局" (holds 局) or "A区" (ASCII) no."""
    return bool(text) and not any(ch in _NOT_PLACE or ch.isascii() for ch in text)


_Start = tuple[int, str | None, str | None, bool, str | None]


def _zones() -> tuple[str, ...]:
    from policykit.china.levels import Level

    # zones the levels know (新区, 开发区) and the kinds of them plans name as issuers
    return (Level.NEW_AREA.word, Level.DEVELOPMENT_ZONE.word, "高新区", "园区", "经开区", "示范区", "试验区",
            "管理区", "工业区", "保税区", "自贸区")


def _known_place(region: str) -> bool:
    """A division the gazetteer holds (蒙自市, 红河州, 襄樊市) or a zone (长沙高新区): "保证完成市" is none."""
    from policykit.china.places import gazetteer

    if region.startswith("中共") and len(region) > 3:  # 中共蒙自市委员会: the party's, the place is 蒙自市
        region = region[2:]
    return region.endswith(_zones()) or bool(gazetteer().lookup(region))


def _regions(reg: Registry, s: str, i: int, depth: int = 2) -> list[tuple[int, str]]:
    """Places ending in a level word from ``i``: [(end, level)] — 蒙自市, 红河哈尼族彝族自治州, and one
    inside another (乌鲁木齐市水磨沟区, 红河州建水县: the inner level is the unit's)."""
    out: list[tuple[int, str]] = []
    for r in range(2, _MAX_AUTONOMOUS + 1):
        region = s[i:i + r]
        if len(region) < r or not is_place(region) or region[0] in reg.levels or region[0] in reg.unit_endings:
            continue
        for level in reg.levels:
            # 赣州, 沙县: a one-character place before the level word is too often part of the name;
            # only 自治州/自治县… names are longer than _MAX_REGION (红河哈尼族彝族自治州)
            if region.endswith(level) and len(region) >= len(level) + 2 and (
                    r <= _MAX_REGION or level.startswith("自治")) and _known_place(region):
                out.append((i + r, level))
                break
    if depth > 1:
        out.extend(inner for end, _ in list(out) for inner in _regions(reg, s, end, depth - 1))
    return out


def _starts(reg: Registry, s: str, i: int) -> list[_Start]:
    """Where the name proper may start: (position, level, region, place_guess, collective)."""
    out: list[_Start] = [(i, None, None, False, None)]

    def with_qualifiers(p: int, level: str, region: str | None) -> None:
        out.append((p, level, region, False, None))
        for q in reg.qualifiers:
            if s.startswith(q, p):
                out.append((p + len(q), level, region, False, None))

    for level in reg.levels:
        if s.startswith(level, i):
            with_qualifiers(i + len(level), level, None)
            break
    for end, level in _regions(reg, s, i):
        with_qualifiers(end, level, s[i:end])
    for r in range(2, _MAX_PLACE + 1):
        place = s[i:i + r]
        if len(place) == r and is_place(place):
            out.append((i + r, None, place, True, None))
    for word in reg.collective_words:
        if s.startswith(word, i):
            out.append((i + len(word), None, None, False, word))
            break
    for end, alias in _names_at(reg, s, i):
        # 各镇(区)综治办: one such unit in every township; 各乡镇(街道)各学校: two collectives
        if alias.kind == "township" and not s.startswith("各", end):
            out.append((end, None, None, False, s[i:end]))
    return out


def _collective_self(reg: Registry, s: str, i: int, p: int, alias: Alias) -> Alias:
    """各镇政府 → the township collective itself, not a 人民政府: the alias to report."""
    if alias.canonical in reg.collective_self:
        own = reg.aliases.get(s[i:p])
        if own is not None and own.kind == "township":
            return own
    return alias


def _names_at(reg: Registry, s: str, p: int) -> list[tuple[int, Alias]]:
    """Registry names starting exactly at ``p``: [(end, alias)], longest first."""
    found = []
    for length in reg.alias_lengths:
        alias = reg.aliases.get(s[p:p + length]) if p + length <= len(s) else None
        if alias is not None:
            found.append((p + length, alias))
    return found


def _extensions(reg: Registry, s: str, m: Match) -> list[Match]:
    """A branch ("公安" + "青浦" + "分局") or a sub-unit of the same function ("市公安局" + "交警大队")."""
    out = []
    for end, alias in _names_at(reg, s, m.end):
        if alias.canonical == m.alias.canonical and alias.level is None:
            out.append(Match(m.start, end, m.alias, m.level, m.region, m.branch, m.place_guess, True,
                             m.collective))
    out.extend(_parenthetical(reg, s, m))
    # "县城投集团有限公司": a company's legal form is part of its name
    if s[m.start:m.end].endswith(("集团", "公司")):
        out.extend(Match(m.start, m.end + len(suffix), m.alias, m.level, m.region, m.branch, m.place_guess,
                         m.sub_unit, m.collective) for suffix in reg.legal_suffixes if s.startswith(suffix, m.end))
    function = reg.functions.get(m.alias.canonical)
    if function is not None and function.branch:
        for a in range(1, _MAX_AREA + 1):
            area = s[m.end:m.end + a]
            if len(area) < a or not is_place(area):
                break
            for suffix in reg.branch_suffixes:
                if s.startswith(suffix, m.end + a):
                    out.append(Match(m.start, m.end + a + len(suffix), m.alias, m.level, area, True,
                                     m.place_guess, m.sub_unit, m.collective))
    return out


def _parenthetical(reg: Registry, s: str, m: Match) -> list[Match]:
    """"县委组织部(县委编办)": a second name in brackets is the same unit under its other name."""
    if not s.startswith("(", m.end):
        return []
    close = s.find(")", m.end + 1)
    if close == -1 or best_whole(reg, s[m.end + 1:close]) is None:
        return []
    return [Match(m.start, close + 1, m.alias, m.level, m.region, m.branch, m.place_guess, m.sub_unit,
                  m.collective, s[m.end + 1:close])]


def matches_at(reg: Registry, s: str, i: int) -> list[Match]:
    """Every unit that starts at ``i`` of the compared text ``s``."""
    out: list[Match] = []
    for p, level, region, guess, collective in _starts(reg, s, i):
        for end, alias in _names_at(reg, s, p):
            if guess and not reg.functions[alias.canonical].place_prefix:
                continue
            if collective and alias.level is not None:
                continue
            # "委", "委员会": a party committee is named by its level (县委), never alone
            if level is None and region is None and alias.level is None and s.startswith(reg.needs_level, p):
                continue
            if collective:
                alias = _collective_self(reg, s, i, p, alias)
            m = Match(i, end, alias, alias.level or level, region, False, guess, False, collective)
            out.append(m)
            out.extend(_extensions(reg, s, m))
    return out


def best_whole(reg: Registry, s: str) -> Match | None:
    """The best reading of ``s`` as exactly one unit, or None (read once per registry and text)."""
    memo = reg.memo("best_whole")
    if s in memo:
        return memo[s]
    whole = [m for m in matches_at(reg, s, 0) if m.end == len(s)]
    memo[s] = found = max(whole, key=Match.rank) if whole else None
    return found
