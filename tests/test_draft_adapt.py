"""Adapting a source plan's words and units to a new county: 蒙自市 → 建水县 / 安吉县, 青浦区 → 建水县."""

from __future__ import annotations

import pytest

from policykit.china.dates import format_date
from policykit.drafting.adapt import (
    Piece,
    adapt_text,
    adapt_unit,
    full_width,
    make_adapter,
    plain,
    replace_basis,
)
from policykit.drafting.regions import prefecture_forms, source_region
from policykit.drafting.settle import mark_requirements, replace_number
from policykit.drafting.tasks import task_text, trailer
from policykit.drafting.vocabulary import vocabulary
from policykit.model import Document, Meta, Requirement, Source, Task, Unit
from policykit.profile import profile_from_dict

JIANSHUI = {"name": "建水县", "level": "县", "province": "云南省", "prefecture": "红河哈尼族彝族自治州"}
ANJI = {"name": "安吉县", "level": "县", "province": "浙江省", "prefecture": "湖州市"}
MENGZI_REGION = {"province": "云南省", "prefecture": "红河哈尼族彝族自治州", "county": "蒙自市", "level": "county"}
QINGPU_REGION = {"province": "上海市", "prefecture": None, "county": "青浦区", "level": "county"}


def source(region: dict, tasks: list[Task] | None = None, goals: list[Requirement] | None = None) -> Document:
    return Document(Source("x.txt", "txt", "utf-8", None, 0), Meta(region=region), tasks=tasks or [],
                    goals=goals or [])


def adapter_for(region: dict, profile: dict, tasks: list[Task] | None = None, goals=None):
    return make_adapter(source(region, tasks, goals), profile_from_dict(profile))


def adapted(text: str, region: dict = MENGZI_REGION, profile: dict = JIANSHUI) -> str:
    return plain(adapt_text(text, adapter_for(region, profile)))


@pytest.mark.parametrize("before, after", [
    ("全市中小学、幼儿园", "全县中小学、幼儿园"),
    ("各乡镇(街道),市级各有关部门:", "各乡镇(街道),县级各有关部门:"),
    ("市委宣传部、团市委、市妇联", "县委宣传部、团县委、县妇联"),
    ("市人民政府要把校园安全工作纳入议事日程", "县人民政府要把校园安全工作纳入议事日程"),
    ("市教育体育局将交通安全宣传纳入", "县教育体育局将交通安全宣传纳入"),
    ("市教体系统要将防溺水宣传纳入", "县教体系统要将防溺水宣传纳入"),
    ("做好省、州、市三级平安校园创建", "做好省、州、县三级平安校园创建"),
    ("结合蒙自实际,全面加强蒙自市校园安全防范建设", "结合建水实际,全面加强建水县校园安全防范建设"),
])
def test_level_words_follow_the_profile(before, after):
    assert adapted(before) == after


@pytest.mark.parametrize("before, after", [
    # the first 市 is the level prefix, the second begins 市场
    ("市市场监督管理局", "县市场监督管理局"),
    ("市城市综合执法局", "县城市综合执法局"),
    ("市场监管部门要牵头整治校园周边商铺", "市场监管部门要牵头整治校园周边商铺"),
    ("校园超市须证照齐全", "校园超市须证照齐全"),
    ("加强校园周边市政管理", "加强校园周边市政管理"),
    ("住建部门要对城市河流、公园水体和城市水库进行全面排查", "住建部门要对城市河流、公园水体和城市水库进行全面排查"),
    ("保障校园周边文化市场健康发展", "保障校园周边文化市场健康发展"),
])
def test_words_that_contain_the_level_character_stay(before, after):
    assert adapted(before) == after


def test_titles_of_upstream_documents_keep_their_words():
    text = "按照《中小学幼儿园安全管理办法》《学校食品安全与营养健康管理规定》,市教育体育局负责"
    assert adapted(text) == "按照《中小学幼儿园安全管理办法》《学校食品安全与营养健康管理规定》,县教育体育局负责"


def test_district_source_protects_area_words():
    text = "区教育局会同各街镇加强社区、景区和行政区域内水域管理,全区学校由区财政局保障"
    assert adapted(text, QINGPU_REGION) == (
        "县教育局会同各街镇加强社区、景区和行政区域内水域管理,全县学校由县财政局保障")


def test_full_width_and_ascii_punctuation_both_adapt():
    assert adapted("(牵头单位:市教育体育局;责任单位:市公安局)") == "(牵头单位:县教育体育局;责任单位:县公安局)"
    assert adapted("（牵头单位：市教育体育局；责任单位：市公安局）") == "（牵头单位：县教育体育局；责任单位：县公安局）"


def test_another_prefecture_is_swapped_and_flagged():
    pieces = adapt_text("按照《红河州教育体育系统事故灾难类突发公共事件应急预案》,定期组织开展应急演练",
                        adapter_for(MENGZI_REGION, ANJI))
    assert [(p.text, p.review) for p in pieces] == [
        ("按照", None),
        ("《湖州市教育体育系统事故灾难类突发公共事件应急预案》",
         "document title adapted from 红河州: check that 《湖州市教育体育系统事故灾难类突发公共事件应急预案》 exists"),
        (",定期组织开展应急演练", None),
    ]


def test_same_prefecture_title_stays_without_review():
    pieces = adapt_text("按照《红河州教育体育系统事故灾难类突发公共事件应急预案》", adapter_for(MENGZI_REGION, JIANSHUI))
    assert [(p.text, p.review) for p in pieces] == [
        ("按照《红河州教育体育系统事故灾难类突发公共事件应急预案》", None)]


def test_a_province_named_in_running_text_is_flagged():
    pieces = adapt_text("按照云南省校园食品安全事件亮牌督办管理要求", adapter_for(MENGZI_REGION, ANJI))
    assert [(p.text, p.review) for p in pieces] == [
        ("按照", None), ("浙江省", "upstream province named in the source: 云南省 → 浙江省"),
        ("校园食品安全事件亮牌督办管理要求", None)]


def test_a_title_of_another_province_is_flagged_for_a_district_draft_too():
    pieces = adapt_text("执行《上海市普通中小学校建设标准》", adapter_for(QINGPU_REGION, JIANSHUI))
    assert pieces[1].text == "《云南省普通中小学校建设标准》"
    assert pieces[1].review == "document title adapted from 上海市: check that 《云南省普通中小学校建设标准》 exists"


def test_basis_replaces_the_upstream_titles_of_the_preamble():
    text = "根据《云南省校园安全防范能力提升三年行动计划(2022-2024年)》《红河州贯彻落实…的通知》,结合蒙自实际,制定本方案。"
    pieces = replace_basis(text, ["《浙江省校园安全防范能力提升三年行动计划(2022-2024年)》"])
    assert plain(pieces) == "根据《浙江省校园安全防范能力提升三年行动计划(2022-2024年)》,结合蒙自实际,制定本方案。"
    assert [p.fixed for p in pieces] == [False, True, False]


def unit(raw: str, canonical: str | None, kind: str = "government") -> Unit:
    return Unit(raw, raw, canonical, kind=kind, known=canonical is not None)


def test_units_take_the_profile_name_or_the_new_level():
    profile = dict(JIANSHUI, units={"教育": "县教育体育局", "消防救援": "县消防救援大队"})
    adapter = adapter_for(MENGZI_REGION, profile)
    got = [adapt_unit(u, adapter) for u in (
        unit("市教育体育局", "教育"), unit("市消防救援大队", "消防救援"), unit("市司法局", "司法"),
        unit("公安局", "公安"), unit("团市委", "共青团", "mass"), unit("各乡镇(街道)", "乡镇街道", "township"))]
    assert [(p.text, p.review) for p in got] == [
        ("县教育体育局", None), ("县消防救援大队", None), ("县司法局", None), ("县公安局", None),
        ("团县委", None), ("各乡镇(街道)", None)]


def test_a_branch_becomes_the_county_bureau():
    adapter = adapter_for(QINGPU_REGION, JIANSHUI)
    assert adapt_unit(unit("公安青浦分局", "公安"), adapter).text == "县公安局"


def test_units_the_registry_keeps_as_they_are_get_no_level_prefix():
    from policykit.units import normalise

    adapter = adapter_for(MENGZI_REGION, JIANSHUI)
    names = ["高新区管委会", "中国移动", "各有关部门", "各乡镇(街道)"]
    assert [adapt_unit(normalise(n), adapter).text for n in names] == names


def test_an_unknown_unit_is_flagged():
    piece = adapt_unit(unit("市校园安全工作专班", None), adapter_for(MENGZI_REGION, JIANSHUI))
    assert piece.text == "县校园安全工作专班"
    assert piece.review == "unit not in the unit registry nor the profile's [units]: 市校园安全工作专班 → 县校园安全工作专班"


def guards_task() -> Task:
    reqs = [Requirement("至少配1名专职保安员", "专职保安员", ">=", 1, unit="名"),
            Requirement("至少配2名专职保安员", "专职保安员", ">=", 2, unit="名"),
            Requirement("不少于十五天", "保安员培训", ">=", 15, unit="天")]
    return Task("body-4", "body", "1", ["主要任务"], "加强学校人防建设",
                "100人以下的学校至少配1名专职保安员;以上的学校至少配2名专职保安员。培训不少于十五天。",
                requirements=reqs)


def test_numbers_settled_by_subject_or_text_and_the_rest_flagged():
    task = guards_task()
    profile = dict(JIANSHUI, numbers={"保安员培训": 20, "至少配2名专职保安员": 3})
    pieces = mark_requirements(task.text, task.requirements, adapter_for(MENGZI_REGION, profile, [task]))
    assert [(p.text, p.review) for p in pieces] == [
        ("100人以下的学校", None),
        ("至少配1名专职保安员", "number not settled by the profile's [numbers]: 至少配1名专职保安员"),
        (";以上的学校", None), ("至少配3名专职保安员", None), ("。培训", None), ("不少于20天", None), ("。", None)]


def test_a_subject_shared_by_several_requirements_is_ambiguous():
    task = guards_task()
    pieces = mark_requirements(task.text, task.requirements,
                               adapter_for(MENGZI_REGION, dict(JIANSHUI, numbers={"专职保安员": 2}), [task]))
    assert pieces[1].review == ("[numbers] '专职保安员' is ambiguous (2 requirements): "
                                "key it by the text instead: 至少配1名专职保安员")


@pytest.mark.parametrize("text, old, new, expected", [
    ("每年不少于十五天", 15, 20, "每年不少于20天"),
    ("每学期至少开展两次", 2, 3, "每学期至少开展3次"),
    ("每增加500名学生增配1名专职保安员", 1, 2, "每增加500名学生增配2名专职保安员"),
    ("不低于2.5米", 2.5, 3, "不低于3米"),
    ("600:1的比例", 600, 500, "500:1的比例"),
])
def test_replace_number(text, old, new, expected):
    assert replace_number(text, old, new) == expected


def test_replace_number_says_none_when_the_value_is_not_written():
    assert replace_number("至少配备专职保安员", 1, 2) is None


def test_task_text_drops_number_title_and_old_trailer():
    task = Task("body-1", "body", "1", [], "完善校园安全管理责任制",
                "1.完善校园安全管理责任制。按照要求,健全校园安全工作机构。(牵头单位:市教育体育局;责任单位:市公安局)")
    assert task_text(task, vocabulary()) == "按照要求,健全校园安全工作机构。"


def test_trailer_pieces_keep_unit_reviews():
    pieces = trailer([Piece("县教育体育局")], [Piece("县公安局"), Piece("县专班", "unit unknown")])
    assert plain(pieces) == "(牵头单位:县教育体育局;责任单位:县公安局、县专班)"
    assert [p.review for p in pieces if p.review] == ["unit unknown"]


def test_full_width_keeps_ratios_and_clock_times():
    assert full_width("(牵头单位:市教育体育局;责任单位:市公安局)") == "（牵头单位：市教育体育局；责任单位：市公安局）"
    assert full_width("按600:1配备,14:00前报送,共1,000人") == "按600:1配备，14:00前报送，共1,000人"


def test_dates_have_no_leading_zeros():
    assert format_date("2024-04-08") == "2024年4月8日"
    assert format_date("2024-12-31") == "2024年12月31日"


def test_prefecture_short_forms():
    assert prefecture_forms("红河哈尼族彝族自治州") == ("红河州", "红河")
    assert prefecture_forms("西双版纳傣族自治州") == ("西双版纳州", "西双版纳")
    assert prefecture_forms("湖州市") == ("湖州市", "湖州")


def test_source_region_guessed_from_the_issuer_when_meta_has_none():
    doc = Document(Source("x.txt", "txt", None, None, 0), Meta(issuer="蒙自市人民政府办公室"),
                   text="根据《云南省校园安全防范能力提升三年行动计划》《红河州贯彻落实…》")
    region = source_region(doc)
    assert (region.county, region.county_short, region.level) == ("蒙自市", "蒙自", "市")
    assert (region.prefecture, region.province) == ("红河州", "云南省")


def test_task_text_keeps_a_sentence_that_starts_with_the_title():
    task = Task("table-1", "table", "1", [], "完善校园安全管理责任制",
                "完善校园安全管理责任制,健全完善各级各类学校安全管理责任制实施细则。")
    assert task_text(task, vocabulary()) == "完善校园安全管理责任制,健全完善各级各类学校安全管理责任制实施细则。"


def test_deadlines_past_on_the_drafts_date_or_relative_to_the_source_are_flagged():
    from policykit.drafting.settle import mark_deadlines
    from policykit.model import Deadline

    adapter = adapter_for(MENGZI_REGION, dict(JIANSHUI, date="2024-04-08"))
    text = "2024年前实现学校食堂“六T”管理全达标,3年内实现全覆盖,每学期开学第一周组织演练,到2024年年底前完成。"
    deadlines = [Deadline("2024年前", "2023-12-31"), Deadline("3年内", "2024-12-31", "3年内"),
                 Deadline("每学期开学第一周", None, "每学期开学第一周"), Deadline("到2024年年底前", "2024-12-31")]
    pieces = mark_deadlines([Piece(text)], deadlines, adapter)
    assert [(p.text, p.review) for p in pieces] == [
        ("2024年前", "deadline already past on 2024-04-08: 2024年前 (ended 2023-12-31)"),
        ("实现学校食堂“六T”管理全达标,", None),
        ("3年内", "deadline counted from the source's date: 3年内 (ends 2024-12-31); restate it for this plan"),
        ("实现全覆盖,每学期开学第一周组织演练,到2024年年底前完成。", None),
    ]


def test_outline_numbers_past_ten():
    from policykit.china.numerals import to_chinese

    assert [to_chinese(n) for n in (1, 10, 11, 20, 23)] == ["一", "十", "十一", "二十", "二十三"]


BANNER = {"province": "内蒙古自治区", "prefecture": "赤峰市", "county": "克什克腾旗", "level": "county"}
SHAXIAN = {"province": "福建省", "prefecture": "三明市", "county": "沙县区", "level": "county"}


@pytest.mark.parametrize("region, profile, before, after", [
    (BANNER, JIANSHUI, "全旗各学校升挂国旗,旗教育局、旗委宣传部负责", "全县各学校升挂国旗,县教育局、县委宣传部负责"),
    (MENGZI_REGION, JIANSHUI, "我市各县(市、区)经验表明,市委市政府高度重视", "我县各县(市、区)经验表明,县委县政府高度重视"),
    (MENGZI_REGION, JIANSHUI, "本市市民、市区超市", "本县市民、市区超市"),
    (MENGZI_REGION, JIANSHUI, "市民政局、市政法委和市政府办公室", "县民政局、县政法委和县政府办公室"),
    (SHAXIAN, JIANSHUI, "结合我区实际,区直各有关单位和各街道社区", "结合我县实际,县直各有关单位和各街道社区"),
    (MENGZI_REGION, {"name": "松江区", "level": "区", "province": "上海市"},
     "市教育体育局会同市城市综合执法局", "区教育体育局会同区城市综合执法局"),
])
def test_other_levels_and_pronouns(region, profile, before, after):
    assert adapted(before, region, profile) == after


def test_a_source_of_unknown_place_says_nothing_was_adapted():
    from policykit.drafting.plan import build_plan

    doc = Document(Source("x.txt", "txt", None, None, 0), Meta(), text="关于做好防汛工作的通知\n市级各部门要做好防汛。\n")
    plan = build_plan(doc, profile_from_dict(JIANSHUI))
    assert plan.notes == [
        "the source has no tasks: the plan has no task part and the task list is empty",
        "the source's county and level could not be read: place names and level prefixes (市级, 区教育局) "
        "were left as they are"]


def test_profile_unit_names_replace_prefixed_names_in_running_text_only():
    task = Task("body-1", "body", "1", [], "t", "", lead=[unit("市教育体育局", "教育")], co=[unit("公安", "公安")])
    profile = dict(JIANSHUI, units={"教育": "县教体局", "公安": "县公安局"})
    adapter = adapter_for(MENGZI_REGION, profile, [task])
    assert plain(adapt_text("市教育体育局会同公安部门、公安机关", adapter)) == "县教体局会同公安部门、公安机关"


KAILI = {"name": "凯里市", "level": "市", "province": "贵州省", "prefecture": "黔东南苗族侗族自治州"}
SONGJIANG = {"name": "松江区", "level": "区", "province": "上海市"}
DALI_BINCHUAN = {"name": "宾川县", "level": "县", "province": "云南省", "prefecture": "大理白族自治州"}
LINGBI_REGION = {"province": "安徽省", "prefecture": "宿州市", "county": "灵璧县", "level": "county"}


def reviewed(text: str, region: dict, profile: dict) -> list[tuple[str, str | None]]:
    return [(p.text, p.review) for p in adapt_text(text, adapter_for(region, profile))]


@pytest.mark.parametrize("profile, after, review", [
    # same prefecture: the words are right as they are
    (JIANSHUI, "全县涉校涉生安全事故同比下降达省州要求", None),
    # 湖州 is a 市: the form is certain, the reference still checked
    (ANJI, "全县涉校涉生安全事故同比下降达省市要求",
     "省州 → 省市: the source's 红河州 is a 州, 湖州市 a 市: check it"),
    # another 州 in another province: the words fit, but name other bodies
    (KAILI, "全市涉校涉生安全事故同比下降达省州要求",
     "省州 named the source's 红河州: check it for 黔东南州"),
    (DALI_BINCHUAN, "全县涉校涉生安全事故同比下降达省州要求",
     "省州 named the source's 红河州: check it for 大理州"),
    # a Shanghai district has no prefecture: nothing is certain
    (SONGJIANG, "全区涉校涉生安全事故同比下降达省州要求",
     "省州 named the source's 红河州: check it for 松江区"),
])
def test_province_and_prefecture_words_follow_the_profiles_prefecture(profile, after, review):
    pieces = reviewed("全市涉校涉生安全事故同比下降达省州要求", MENGZI_REGION, profile)
    assert "".join(text for text, _ in pieces) == after
    assert [r for _, r in pieces if r] == ([review] if review else [])


def test_prefecture_words_of_a_county_under_a_city():
    # 灵璧县 (宿州市): 全市 and 市级 are the prefecture's; for 安吉县 (湖州市) they stay 市, checked
    pieces = reviewed("由市级部门统筹,全市各县区参照执行,全县推进", LINGBI_REGION, ANJI)
    assert "".join(text for text, _ in pieces) == "由市级部门统筹,全市各县区参照执行,全县推进"
    assert [text for text, review in pieces if review] == ["市级", "全市"]


def test_the_title_and_notice_carry_the_highlight():
    from policykit.drafting.plan import fill

    title = adapt_text("蒙自市贯彻落实省州校园安全防范能力提升三年行动计划", adapter_for(MENGZI_REGION, ANJI))
    pieces = fill("{issuer}关于印发{title}的通知", title, issuer="安吉县人民政府办公室")
    assert [(p.text, p.review is not None) for p in pieces] == [
        ("安吉县人民政府办公室关于印发安吉县贯彻落实", False), ("省市", True), ("校园安全防范能力提升三年行动计划的通知", False)]
