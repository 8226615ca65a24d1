"""The source plan's place and the new county's, with the short forms texts use.

``target_region(profile)`` for 建水县 → county 建水县 / 建水, prefecture 红河州 / 红河,
province 云南省 / 云南, level 县.  ``source_region(doc)`` reads the parsed
``meta.region`` and falls back to the issuer, the title and the upstream titles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policykit.drafting.vocabulary import Vocabulary, vocabulary
from policykit.model import Document
from policykit.profile import Profile

_COUNTY_AT_START = re.compile(r"^《?([\u4e00-\u9fff]{2,6}?(?:自治县|自治旗|县|区|市|旗))")
_PREFECTURE_TITLE = re.compile(r"《([\u4e00-\u9fff]{2,4}?(?:州|地区|盟))")
_PREFECTURE_IN_TEXT = re.compile(r"([\u4e00-\u9fff]{2,3}(?:[\u4e00-\u9fff]{1,4}族)*自治州)")


@dataclass(frozen=True)
class Region:
    """One county's names: full (蒙自市) and short (蒙自) for county, prefecture, province."""

    county: str | None
    county_short: str | None
    prefecture: str | None  # as texts write it: 红河州, 湖州市
    prefecture_short: str | None
    province: str | None
    province_short: str | None
    level: str | None

    def prefecture_level(self, vocab: Vocabulary | None = None) -> str | None:
        """The prefecture's level word: 红河州 → 州, 湖州市 → 市; None without a prefecture."""
        levels = (vocab or vocabulary()).prefecture_levels
        return next((lv for lv in levels if self.prefecture and self.prefecture.endswith(lv)), None)

    def names(self) -> list[tuple[str, str]]:
        """(kind, name) pairs, full names before their short forms."""
        pairs = [("county", self.county), ("county", self.county_short),
                 ("prefecture", self.prefecture), ("prefecture", self.prefecture_short),
                 ("province", self.province), ("province", self.province_short)]
        return [(kind, name) for kind, name in pairs if name]


def trim_suffix(name: str, suffixes: tuple[str, ...]) -> str:
    """``trim_suffix("建水县", ("县",))`` → ``"建水"``; a name that would become one character stays."""
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def prefecture_forms(name: str, vocab: Vocabulary | None = None) -> tuple[str, str]:
    """How texts write a prefecture: ``"红河哈尼族彝族自治州"`` → ``("红河州", "红河")``, ``"湖州市"`` → ``("湖州市", "湖州")``."""
    vocab = vocab or vocabulary()
    if name.endswith("自治州"):
        core = name[: -len("自治州")]
        trimmed = True
        while trimmed:
            trimmed = False
            for group in sorted(vocab.ethnic_groups, key=len, reverse=True):
                if core.endswith(group) and len(core) > len(group) + 1:
                    core = core[: -len(group)]
                    trimmed = True
        return core + "州", core
    return name, trim_suffix(name, vocab.prefecture_suffixes)


def target_region(profile: Profile) -> Region:
    """The profile's county with its short forms (the profile may give them explicitly)."""
    vocab = vocabulary()
    prefecture, prefecture_short = (prefecture_forms(profile.prefecture, vocab)
                                    if profile.prefecture else (None, None))
    if profile.prefecture_short:
        prefecture = profile.prefecture_short
    return Region(
        county=profile.name,
        county_short=profile.short_name or trim_suffix(profile.name, vocab.county_suffixes),
        prefecture=prefecture, prefecture_short=prefecture_short,
        province=profile.province, province_short=trim_suffix(profile.province, vocab.province_suffixes),
        level=profile.level,
    )


def source_region(doc: Document) -> Region:
    """Where the source plan comes from: its ``meta.region``, else what its issuer, title and references name."""
    vocab = vocabulary()
    region = doc.meta.region or {}
    county = region.get("county") or _guess_county(doc)
    prefecture = region.get("prefecture") or _guess_prefecture(doc)
    province = region.get("province") or _guess_province(doc, vocab)
    level = region.get("level") if region.get("level") in ("县", "市", "区", "旗") else None
    if county and not level:
        level = county[-1] if county[-1] in "县市区旗" else None
    prefecture_full, prefecture_short = prefecture_forms(prefecture, vocab) if prefecture else (None, None)
    return Region(
        county=county,
        county_short=trim_suffix(county, vocab.county_suffixes) if county else None,
        prefecture=prefecture_full, prefecture_short=prefecture_short,
        province=province,
        province_short=trim_suffix(province, vocab.province_suffixes) if province else None,
        level=level,
    )


def _head_lines(doc: Document, count: int = 40) -> list[str]:
    return [line.strip() for line in (doc.text or "").splitlines()[:count] if line.strip()]


def _guess_county(doc: Document) -> str | None:
    """蒙自市人民政府办公室 → 蒙自市; 《青浦区加强…》职责分工 → 青浦区."""
    for candidate in [doc.meta.issuer, doc.meta.title, *_head_lines(doc)]:
        if not candidate:
            continue
        m = _COUNTY_AT_START.match(candidate)
        if m and not m.group(1).endswith(("省", "州")):
            return m.group(1)
    return None


def _guess_prefecture(doc: Document) -> str | None:
    """The prefecture an upstream title names: 《红河州贯彻落实…》 → 红河州."""
    text = doc.text or ""
    m = _PREFECTURE_IN_TEXT.search(text) or _PREFECTURE_TITLE.search(text)
    return m.group(1) if m else None


def _guess_province(doc: Document, vocab: Vocabulary) -> str | None:
    """The first provincial name the text mentions (云南省, 上海市)."""
    text = doc.text or ""
    found = [(text.find(p), p) for p in vocab.provinces if p in text]
    return min(found)[1] if found else None
