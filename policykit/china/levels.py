"""Levels of Chinese administration as one type: how a division's name ends, where it stands, and
the prefix its own bodies are written with.

Two things were both called "level": the *tier* a division stands at (``province``, ``prefecture``,
``county``, ``township``: what ``meta.region.level`` says) and the *prefix* its units carry (县, 市, 区,
旗: what a county profile's ``level`` and a unit's ``level`` say).  A ``Level`` holds both, with the
word its name ends in:

    >>> Level.AUTONOMOUS_PREFECTURE.word, Level.AUTONOMOUS_PREFECTURE.tier, Level.AUTONOMOUS_PREFECTURE.prefix
    ('自治州', 'prefecture', '州')
    >>> level_of("蒙自市", "county").prefix, level_of("湖州市", "prefecture").name
    ('市', 'PREFECTURE_CITY')
"""

from __future__ import annotations

from enum import Enum

DIVISION_TIERS = ("province", "prefecture", "county")  # the tiers the gazetteer holds


class Level(Enum):
    """One kind of division: (the word its name ends in, its tier, its units' prefix, written on units)."""

    NATION = ("国家", "nation", "国家", True)  # 国家发展改革委
    PROVINCE = ("省", "province", "省", True)
    AUTONOMOUS_REGION = ("自治区", "province", "自治区", True)  # 广西壮族自治区: 自治区人民政府
    MUNICIPALITY = ("市", "province", "市", True)  # 直辖市: 上海市
    SPECIAL_REGION = ("特别行政区", "province", "特别行政区", False)
    PREFECTURE_CITY = ("市", "prefecture", "市", True)  # 地级市: 湖州市
    AUTONOMOUS_PREFECTURE = ("自治州", "prefecture", "州", True)  # 红河哈尼族彝族自治州, written 红河州
    PREFECTURE = ("地区", "prefecture", "地区", True)  # 阿克苏地区
    LEAGUE = ("盟", "prefecture", "盟", True)  # 锡林郭勒盟
    COUNTY = ("县", "county", "县", True)
    AUTONOMOUS_COUNTY = ("自治县", "county", "县", True)  # 金平苗族瑶族傣族自治县: 县教育局
    COUNTY_CITY = ("市", "county", "市", True)  # 县级市: 蒙自市
    DISTRICT = ("区", "county", "区", True)
    BANNER = ("旗", "county", "旗", True)  # 克什克腾旗
    AUTONOMOUS_BANNER = ("自治旗", "county", "旗", True)  # 鄂温克族自治旗
    NEW_AREA = ("新区", "county", "区", False)  # 浦东新区: 区教育局
    DEVELOPMENT_ZONE = ("开发区", "county", "区", False)  # not a division, but plans are issued for it
    SPECIAL_DISTRICT = ("特区", "county", "特区", False)  # 六枝特区
    FOREST_DISTRICT = ("林区", "county", "林区", False)  # 神农架林区
    TOWNSHIP = ("乡", "township", "乡", False)
    TOWN = ("镇", "township", "镇", False)
    SUBDISTRICT = ("街道", "township", "街道", False)

    def __init__(self, word: str, tier: str, prefix: str, on_units: bool) -> None:
        self.word = word  # how a division's name ends: 自治州
        self.tier = tier  # where it stands: province, prefecture, county, township (nation for 国家)
        self.prefix = prefix  # what its own units are written with: 州 (州教育体育局), 县 for a 自治县
        self.on_units = on_units  # its word and prefix stand before unit names (市公安局, 自治州人民政府)

    @property
    def endings(self) -> tuple[str, ...]:
        """The words a name of this level may end in: 自治州 and 州 (红河州), else the word alone."""
        return (self.word, "州") if self is Level.AUTONOMOUS_PREFECTURE else (self.word,)


def levels(tier: str | None = None) -> list[Level]:
    """The levels of one tier (all without one), in definition order."""
    return [lv for lv in Level if tier is None or lv.tier == tier]


def level_of(name: str, tier: str | None = None) -> Level | None:
    """The level a division's name shows, the longest ending first: ``level_of("鄂温克族自治旗")`` →
    AUTONOMOUS_BANNER; ``level_of("红河州", "prefecture")`` → AUTONOMOUS_PREFECTURE.  A 市 is a
    county, prefecture or province by ``tier`` (without one: a county, as most plans' issuers are)."""
    found = [(len(ending), lv) for lv in levels(tier) for ending in lv.endings
             if name.endswith(ending) and len(name) > len(ending)]
    # the longest ending; among equals the first defined of the tier tried first (county, prefecture …)
    order = ("county", "prefecture", "province", "township", "nation")
    found.sort(key=lambda f: (-f[0], order.index(f[1].tier)))
    return found[0][1] if found else None


def endings(tier: str) -> tuple[str, ...]:
    """Every word a name of ``tier`` may end in, longest first: county → 自治县, 自治旗, 开发区, 新区 … 县, 市, 区, 旗."""
    words = dict.fromkeys(e for lv in levels(tier) for e in lv.endings)
    return tuple(sorted(words, key=len, reverse=True))


def unit_prefixes() -> tuple[str, ...]:
    """The level words that stand before unit names (国家, 省, 自治区, 市, 自治州, 州 … 旗, 自治旗):
    the unit registry reads "市公安局" as level 市, "自治州人民政府" as level 自治州."""
    words = [w for lv in Level if lv.on_units for w in (lv.word, lv.prefix)]
    return tuple(dict.fromkeys(words))


def prefixes(tier: str) -> tuple[str, ...]:
    """The prefixes the units of ``tier`` carry: county → 县, 市, 区, 旗 (a county profile's ``level``);
    prefecture → 市, 州, 地区, 盟."""
    return tuple(dict.fromkeys(lv.prefix for lv in levels(tier) if lv.on_units))
