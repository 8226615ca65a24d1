"""Levels through the drafter: a source's level is the prefix its own units carry (市, 州, 区 …),
read from ``meta.region``; a draft for a 县, 旗, 自治县 or 区 parses back at that level, and a draft
made from it for a 市 comes back to 市."""

from __future__ import annotations

from pathlib import Path

import pytest

import policykit
from policykit.drafting.adapt import adapt_text, make_adapter, plain
from policykit.drafting.regions import source_region
from policykit.model import Document, Meta, Source
from policykit.profile import profile_from_dict
from policykit.text import normalise

ROOT = Path(__file__).resolve().parent.parent
MENGZI = ROOT / "corpora" / "mengzi_campus_safety_plan_2023.txt"

JIANSHUI = {"name": "建水县", "level": "县", "province": "云南省", "prefecture": "红河哈尼族彝族自治州"}
MENGZI_PROFILE = {"name": "蒙自市", "level": "市", "province": "云南省", "prefecture": "红河哈尼族彝族自治州"}
HONGHE = {"province": "云南省", "prefecture": "红河哈尼族彝族自治州", "county": None, "level": "prefecture",
          "code": "532500", "evidence": "issuer: 红河州", "confidence": 1.0}


def source(region: dict) -> Document:
    return Document(Source("x.txt", "txt", "utf-8", None, 0), Meta(region=region))


def test_a_prefectures_own_plan_is_relevelled():
    # meta.region.level is a tier ("prefecture"); the drafter compared it with 县/市/区/旗 and,
    # with no county to fall back on, read no level at all: 州 words stayed as they were
    doc = source(HONGHE)
    assert source_region(doc).level == "州"
    adapter = make_adapter(doc, profile_from_dict(JIANSHUI))
    assert plain(adapt_text("全州各校由州教育体育局牵头,州级各有关部门配合", adapter)) == (
        "全县各校由县教育体育局牵头,县级各有关部门配合")


@pytest.mark.parametrize("region, level", [
    ({"province": "云南省", "prefecture": "红河哈尼族彝族自治州", "county": "蒙自市", "level": "county"}, "市"),
    ({"province": "内蒙古自治区", "prefecture": "赤峰市", "county": "克什克腾旗", "level": "county"}, "旗"),
    ({"province": "云南省", "prefecture": "红河哈尼族彝族自治州", "county": "金平苗族瑶族傣族自治县",
      "level": "county"}, "县"),
    ({"province": "内蒙古自治区", "prefecture": "锡林郭勒盟", "county": None, "level": "prefecture"}, "盟"),
    ({"province": "浙江省", "prefecture": "湖州市", "county": None, "level": "prefecture"}, "市"),
])
def test_the_source_level_is_the_prefix_of_the_place_meta_region_names(region, level):
    assert source_region(source(region)).level == level


@pytest.fixture(scope="module")
def mengzi():
    return policykit.parse(MENGZI)


def redraft(doc: Document, profile: dict, path: Path) -> Document:
    path.write_bytes(policykit.draft(doc, profile_from_dict(profile)).docx())
    return policykit.parse(path)


def tasks(doc: Document) -> list[tuple]:
    return [(normalise(t.title), [u.canonical for u in t.lead], [u.canonical for u in t.co],
             [(r.subject, r.op, r.value) for r in t.requirements]) for t in doc.tasks if t.origin == "body"]


def placed_levels(doc: Document) -> set[str]:
    """The level prefixes of the units that carry one (township and generic units carry none)."""
    return {u.level for t in doc.tasks for u in [*t.lead, *t.co]
            if u.level and u.kind not in ("township", "generic") and u.name.startswith(u.level)}


@pytest.mark.parametrize("profile, code, short", [
    (JIANSHUI, "532524", "建水"),
    ({"name": "克什克腾旗", "level": "旗", "province": "内蒙古自治区", "prefecture": "赤峰市"}, "150425", "克什克腾"),
    ({"name": "金平苗族瑶族傣族自治县", "level": "县", "province": "云南省", "prefecture": "红河哈尼族彝族自治州"},
     "532530", "金平"),
    ({"name": "松江区", "level": "区", "province": "上海市"}, "310117", "松江"),
], ids=["县", "旗", "自治县", "区"])
def test_levels_round_trip_through_the_drafter(mengzi, tmp_path, profile, code, short):
    there = redraft(mengzi, profile, tmp_path / "there.docx")
    assert (there.meta.region.county, there.meta.region.code) == (profile["name"], code)
    assert there.meta.region.own_level() == (profile["level"], short)
    assert placed_levels(there) == {profile["level"]}
    assert tasks(there) == tasks(mengzi)
    back = redraft(there, MENGZI_PROFILE, tmp_path / "back.docx")
    assert (back.meta.region.county, back.meta.region.code) == ("蒙自市", "532503")
    assert placed_levels(back) == {"市"}
    assert tasks(back) == tasks(mengzi)
    assert short not in (back.text or "")
