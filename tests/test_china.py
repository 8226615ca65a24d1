"""The bottom layer, policykit.china: places and their levels, numerals, dates, heading numbers."""

from __future__ import annotations

import pytest

from policykit import parse_text
from policykit.china.dates import format_date, is_date, parse_date
from policykit.china.headings import number_value, numbered, style
from policykit.china.levels import Level, level_of, prefixes, unit_prefixes
from policykit.china.numerals import chinese_forms, digit_by_digit, numerals_in, to_chinese, to_number
from policykit.china.places import Region, region_in, short_name, written_name
from policykit.profile import LEVELS
from policykit.units import load_registry


def where(**given) -> tuple:
    got = region_in(**given)
    return got.province, got.prefecture, got.county, got.code, got.ambiguous


# ---------------------------------------------------------------------------
# ambiguous names: settled by the province or prefecture named with them, else flagged


@pytest.mark.parametrize("issuer, expected", [
    ("北京市朝阳区人民政府", ("北京市", None, "朝阳区", "110105", None)),
    ("长春市朝阳区人民政府", ("吉林省", "长春市", "朝阳区", "220104", None)),
    ("朝阳县人民政府", ("辽宁省", "朝阳市", "朝阳县", "211321", None)),  # one county of that name
    ("北京市通州区教育委员会", ("北京市", None, "通州区", "110112", None)),
    ("南通市通州区人民政府", ("江苏省", "南通市", "通州区", "320612", None)),
    ("西安市长安区人民政府", ("陕西省", "西安市", "长安区", "610116", None)),
    ("石家庄市长安区人民政府", ("河北省", "石家庄市", "长安区", "130102", None)),
])
def test_an_ambiguous_name_is_settled_by_the_place_written_before_it(issuer, expected):
    assert where(issuer=issuer) == expected


def test_an_ambiguous_name_is_settled_by_the_prefecture_the_text_names():
    assert where(title="朝阳区人民政府关于印发…的通知", text="为贯彻落实长春市委、市政府部署……")[:4] == (
        "吉林省", "长春市", "朝阳区", "220104")
    assert where(title="通州区教育委员会关于…的通知", text="根据南通市教育局要求……")[:4] == (
        "江苏省", "南通市", "通州区", "320612")


@pytest.mark.parametrize("issuer", ["朝阳区人民政府办公室", "通州区人民政府", "普陀区教育局", "鼓楼区人民政府",
                                    "新华区人民政府"])
def test_an_ambiguous_name_nothing_settles_is_flagged_at_half_confidence(issuer):
    got = region_in(issuer=issuer)
    assert got.ambiguous == issuer[:3]
    assert got.confidence <= 0.5
    assert got.to_dict()["ambiguous"] == issuer[:3]


# ---------------------------------------------------------------------------
# renamed, merged and abolished divisions: the former name finds today's division


@pytest.mark.parametrize("issuer, expected", [
    ("襄樊市人民政府", ("湖北省", "襄阳市", None, "420600", None)),  # renamed 2010
    ("思茅市人民政府", ("云南省", "普洱市", None, "530800", None)),  # renamed 2007 (思茅区 is its district)
    ("思茅区人民政府", ("云南省", "普洱市", "思茅区", "530802", None)),
    ("栾城县人民政府", ("河北省", "石家庄市", "栾城区", "130111", None)),  # 县改区 2014
    ("余江县人民政府", ("江西省", "鹰潭市", "余江区", "360603", None)),  # 县改区 2018
    # 巢湖 lost its prefecture in 2011: the name is the county-level city under 合肥 now
    ("巢湖市人民政府", ("安徽省", "合肥市", "巢湖市", "340181", None)),
    # 滦县 became 滦州市 (2018); the 2017 table's division is kept for the documents that name it
    ("滦县人民政府", ("河北省", "唐山市", "滦县", "130223", None)),
])
def test_former_names_find_the_division(issuer, expected):
    assert where(issuer=issuer) == expected


def test_a_parsed_document_carries_the_code_and_its_json_is_unchanged():
    doc = parse_text("襄樊市人民政府办公室关于印发…实施方案的通知\n襄政办发〔2009〕12号\n")
    assert doc.meta.region.code == "420600"
    assert doc.to_dict()["meta"]["region"] == {
        "province": "湖北省", "prefecture": "襄阳市", "county": None, "level": "prefecture", "code": "420600",
        "evidence": "issuer: 襄樊市", "confidence": 1.0}


def test_region_reads_as_its_json_object_and_back():
    region = Region(province="上海市", county="青浦区", level="county", code="310118")
    assert region["county"] == "青浦区" and region.get("ambiguous") is None
    assert region == {"province": "上海市", "prefecture": None, "county": "青浦区", "level": "county",
                      "code": "310118", "evidence": None, "confidence": 0.0}
    assert Region.from_dict(region.to_dict()) == region
    assert Region.from_dict({"county": "青浦区", "unknown": 1}).county == "青浦区"


# ---------------------------------------------------------------------------
# levels: one type for the tier a division stands at and the prefix its units carry


def test_level_of_a_name_by_its_tier():
    counties = ["蒙自市", "金平苗族瑶族傣族自治县", "克什克腾旗", "鄂温克族自治旗", "浦东新区", "沙县区"]
    assert [level_of(n, "county") for n in counties] == [
        Level.COUNTY_CITY, Level.AUTONOMOUS_COUNTY, Level.BANNER, Level.AUTONOMOUS_BANNER, Level.NEW_AREA,
        Level.DISTRICT]
    assert [level_of(n, "county").prefix for n in counties] == ["市", "县", "旗", "旗", "区", "区"]
    prefectures = ["湖州市", "红河哈尼族彝族自治州", "红河州", "锡林郭勒盟", "阿克苏地区"]
    assert [level_of(n, "prefecture").prefix for n in prefectures] == ["市", "州", "州", "盟", "地区"]
    assert level_of("红河州", "prefecture") is Level.AUTONOMOUS_PREFECTURE
    assert (level_of("上海市", "province"), level_of("广西壮族自治区", "province")) == (
        Level.MUNICIPALITY, Level.AUTONOMOUS_REGION)
    assert level_of("城关镇", "township") is Level.TOWN and Level.TOWN.tier == "township"
    assert level_of("蒙自市") is Level.COUNTY_CITY  # no tier given: a 市 is read as a county's


def test_the_levels_every_module_reads_come_from_one_type():
    assert LEVELS == prefixes("county") == ("县", "市", "区", "旗")
    assert prefixes("prefecture") == ("市", "州", "地区", "盟")
    assert set(unit_prefixes()) == {"国家", "省", "自治区", "市", "自治州", "州", "地区", "盟", "县", "自治县", "区",
                                    "旗", "自治旗"}
    assert set(unit_prefixes()) <= set(load_registry().levels)


@pytest.mark.parametrize("region, expected", [
    ({"county": "青浦区", "level": "county"}, ("区", "青浦")),
    ({"county": "克什克腾旗", "level": "county"}, ("旗", "克什克腾")),
    ({"county": "鄂温克族自治旗", "level": "county"}, ("旗", "鄂温克")),  # written 鄂温克旗
    ({"county": "沁县", "level": "county"}, ("县", "沁县")),  # a one-character stem stays whole
    ({"prefecture": "锡林郭勒盟", "level": "prefecture"}, ("盟", "锡林郭勒")),
    ({"prefecture": "阿克苏地区", "level": "prefecture"}, ("地区", "阿克苏")),
    ({"province": "上海市", "level": "province"}, ("市", "上海")),
    ({}, (None, None)),
])
def test_the_prefix_a_documents_own_units_carry(region, expected):
    assert Region.from_dict(region).own_level() == expected


def test_names_as_texts_write_them():
    assert written_name("西双版纳傣族自治州") == "西双版纳州"
    assert written_name("关岭布依族苗族自治县") == "关岭县"
    assert written_name("鄂温克族自治旗") == "鄂温克旗"
    assert short_name("新疆维吾尔自治区", "province") == "新疆"
    assert short_name("内蒙古自治区", "province") == "内蒙古"
    assert short_name("金平苗族瑶族傣族自治县", "county") == "金平"
    assert short_name("沙县", "county") == "沙县"


# ---------------------------------------------------------------------------
# numerals, dates, heading numbers


def test_numerals_with_their_spans():
    text = "每校配备两名保安,投入1.5万元,开展十二次演练"
    assert [(n.text, n.value, text[n.start:n.end]) for n in numerals_in(text)] == [
        ("两", 2, "两"), ("1.5万", 15000, "1.5万"), ("十二", 12, "十二")]
    assert to_number("一百零五") == 105 and to_number("二点五") == 2.5


def test_numerals_written():
    assert [to_chinese(n) for n in (0, 10, 11, 20, 105, 110, 1001)] == [
        "零", "十", "十一", "二十", "一百零五", "一百一十", "一千零一"]
    assert to_chinese(11, legal=True) == "拾壹"
    assert digit_by_digit(2023) == "二〇二三"
    assert chinese_forms(2) == ["两", "二"] and chinese_forms(2.5) == []
    with pytest.raises(ValueError):
        to_chinese(10000)


@pytest.mark.parametrize("text, iso", [
    ("2023年5月6日", "2023-05-06"),
    ("二〇二三年五月六日", "2023-05-06"),
    ("二○二三年十二月三十一日", "2023-12-31"),
    ("二00八年六月十八日", "2008-06-18"),  # 〇 typed as the digit 0
    ("发布日期:2023-05-09 10:51", "2023-05-09"),
    ("2023年2月30日", None),
    ("五月六日", None),
])
def test_dates_read_once(text, iso):
    assert parse_date(text) == iso


def test_dates_written_and_recognised():
    assert format_date("2024-04-08") == "2024年4月8日"
    assert parse_date(format_date("2024-12-31")) == "2024-12-31"
    assert is_date("2025年5月18日") and not is_date("于2025年5月18日召开")


def test_a_year_written_with_a_circle_is_a_deadline_too():
    from policykit.requirements import extract_deadlines

    assert [d.date for d in extract_deadlines("二○二四年底前完成全覆盖")] == ["2024-12-31"]


@pytest.mark.parametrize("line, name, number, value", [
    ("一、总体目标", "cn", "一", 1),
    ("(十二)强化督导考核", "cn_paren", "十二", 12),
    ("3.加强学校技防建设。", "arabic", "3", 3),
    ("(2)每学期开展一次", "arabic_paren", "2", 2),
    ("⑫完善制度", "circled", "⑫", 12),
    ("第三章 保障措施", "chapter", "三", 3),
])
def test_heading_numbers_read(line, name, number, value):
    found = numbered(line)
    assert (found.style.name, found.number, number_value(found.number)) == (name, number, value)


def test_heading_numbers_written_in_each_style():
    assert [style(n).write(12) for n in ("cn", "cn_paren", "arabic", "arabic_paren", "circled", "chapter")] == [
        "十二、", "(十二)", "12.", "(12)", "⑫", "第十二章"]
    assert numbered("1.5万元用于…") is None  # a number, not an item
    assert numbered(style("cn_paren").write(3) + "强化组织保障").number == "三"


def test_a_place_name_that_is_only_the_end_of_a_word_is_no_place():
    from policykit.china.places import gazetteer

    gz = gazetteer()
    assert [h.name for h in gz.find("创建全国民族团结进步示范县")] == []   # 示范县 holds no 范县
    assert [h.name for h in gz.find("大通湖区管理委员会")] == []            # 大通 only begins 大通湖区
    assert [h.name for h in gz.find("彭水日报")] == ["彭水"]                # the bare stem of an autonomous county
    assert [h.name for h in gz.find("河南省范县人民政府")][-1] == "范县"


def test_a_province_stem_stands_before_anything():
    from policykit.china.places import gazetteer

    assert [h.name for h in gazetteer().find("推动浙江山区26县跨越式发展")] == ["浙江"]
