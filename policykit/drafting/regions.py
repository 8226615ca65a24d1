"""The source plan's place and the new county's, with the short forms texts use.

``target_region(profile)`` for 建水县 → county 建水县 / 建水, prefecture 红河州 / 红河,
province 云南省 / 云南, level 县.  ``source_region(doc)`` reads the parsed ``meta.region``
(its level is the prefix the document's own units carry: 市 for 蒙自市, 州 for a plan of
红河州 itself) and falls back to the issuer, the title and the upstream titles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policykit.china.levels import endings, level_of
from policykit.china.places import Region, province_names, short_name, written_name
from policykit.model import Document
from policykit.profile import Profile


def _ending(tier: str, leave_out: tuple[str, ...] = ()) -> str:
    return "|".join(e for e in endings(tier) if e not in leave_out)


_COUNTY_AT_START = re.compile(rf"^《?([\u4e00-\u9fff]{{2,6}}?(?:{_ending('county')}))")
# 市 is left out: "《云南省…》" and most titles name a 市 that is no prefecture of theirs
_PREFECTURE_TITLE = re.compile(rf"《([\u4e00-\u9fff]{{2,4}}?(?:{_ending('prefecture', ('市',))}))")
_PREFECTURE_IN_TEXT = re.compile(r"([\u4e00-\u9fff]{2,3}(?:[\u4e00-\u9fff]{1,4}族)*自治州)")


@dataclass(frozen=True)
class PlaceNames:
    """One county's names: full (蒙自市) and short (蒙自) for county, prefecture, province, and the
    prefix its own units carry (``level``: 县, 市, 区, 旗; 州 for a prefecture's own plan)."""

    county: str | None
    county_short: str | None
    prefecture: str | None  # as texts write it: 红河州, 湖州市
    prefecture_short: str | None
    province: str | None
    province_short: str | None
    level: str | None

    def prefecture_level(self) -> str | None:
        """The prefecture's level word: 红河州 → 州, 湖州市 → 市; None without a prefecture."""
        level = level_of(self.prefecture, "prefecture") if self.prefecture else None
        return level.prefix if level else None

    def names(self) -> list[tuple[str, str]]:
        """(kind, name) pairs, full names before their short forms."""
        pairs = [("county", self.county), ("county", self.county_short),
                 ("prefecture", self.prefecture), ("prefecture", self.prefecture_short),
                 ("province", self.province), ("province", self.province_short)]
        return [(kind, name) for kind, name in pairs if name]


def prefecture_forms(name: str) -> tuple[str, str]:
    """How texts write a prefecture: ``"红河哈尼族彝族自治州"`` → ``("红河州", "红河")``, ``"湖州市"`` → ``("湖州市", "湖州")``."""
    return written_name(name), short_name(name, "prefecture")


def target_region(profile: Profile) -> PlaceNames:
    """The profile's county with its short forms (the profile may give them explicitly)."""
    prefecture, prefecture_short = (prefecture_forms(profile.prefecture)
                                    if profile.prefecture else (None, None))
    if profile.prefecture_short:
        prefecture = profile.prefecture_short
    return PlaceNames(
        county=profile.name,
        county_short=profile.short_name or short_name(profile.name, "county"),
        prefecture=prefecture, prefecture_short=prefecture_short,
        province=profile.province, province_short=short_name(profile.province, "province"),
        level=profile.level,
    )


def source_region(doc: Document) -> PlaceNames:
    """Where the source plan comes from: its ``meta.region``, else what its issuer, title and references name.

    The level is the prefix of the place ``meta.region`` names (its county's, else its
    prefecture's: a 红河州 plan writes 州教育体育局), else of the county guessed from the issuer.
    """
    region = Region.from_dict(doc.meta.region)
    county = region.county or _guess_county(doc)
    prefecture = region.prefecture or _guess_prefecture(doc)
    province = region.province or _guess_province(doc)
    level = region.own_level()[0] if region.county or region.prefecture else None
    if county and not level:
        guessed = level_of(county, "county")
        level = guessed.prefix if guessed else None
    prefecture_full, prefecture_short = prefecture_forms(prefecture) if prefecture else (None, None)
    return PlaceNames(
        county=county,
        county_short=short_name(county, "county") if county else None,
        prefecture=prefecture_full, prefecture_short=prefecture_short,
        province=province,
        province_short=short_name(province, "province") if province else None,
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
        if m:
            return m.group(1)
    return None


def _guess_prefecture(doc: Document) -> str | None:
    """The prefecture an upstream title names: 《红河州贯彻落实…》 → 红河州."""
    text = doc.text or ""
    m = _PREFECTURE_IN_TEXT.search(text) or _PREFECTURE_TITLE.search(text)
    return m.group(1) if m else None


def _guess_province(doc: Document) -> str | None:
    """The first provincial name the text mentions (云南省, 上海市)."""
    text = doc.text or ""
    found = [(text.find(p), p) for p in province_names() if p in text]
    return min(found)[1] if found else None
