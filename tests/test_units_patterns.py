"""Every way PATTERNS.md says real plans name units, on sentences written for these tests."""

from __future__ import annotations

import pytest

from policykit.units import list_end, normalise, parse_unit_list, split_unit_list


def units(text, **hints):
    return [(u.name, u.canonical, u.level) for u in parse_unit_list(text, **hints)]


def test_shared_level_prefix_written_once():
    assert units("市公安局、教育局、卫健委") == [
        ("市公安局", "公安", "市"), ("教育局", "教育", "市"), ("卫健委", "卫生健康", "市")]
    assert units("县检察院、公安局、司法局") == [
        ("县检察院", "检察院", "县"), ("公安局", "公安", "县"), ("司法局", "司法", "县")]


def test_lists_mix_levels_and_a_province_department_keeps_its_own():
    assert units("省发展改革委、省市场监管局、商务厅", doc_level="市") == [
        ("省发展改革委", "发展改革", "省"), ("省市场监管局", "市场监管", "省"), ("商务厅", "商务", "省")]
    assert units("市教育局、区公安分局、卫健委") == [
        ("市教育局", "教育", "市"), ("区公安分局", "公安", "区"), ("卫健委", "卫生健康", "区")]


def test_county_text_without_prefixes_takes_the_document_level():
    assert units("各乡镇、水务局、自然资源局", doc_level="县") == [
        ("各乡镇", "乡镇街道", None), ("水务局", "水利", "县"), ("自然资源局", "自然资源", "县")]


def test_bare_function_words_with_部门_on_the_last():
    assert units("公安、消防、安监部门") == [("公安", "公安", None), ("消防", "消防救援", None),
                                       ("安监部门", "应急管理", None)]
    assert units("教育、卫生、城管、工商等部门") == [
        ("教育", "教育", None), ("卫生", "卫生健康", None), ("城管", "城市管理", None), ("工商", "市场监管", None)]


def test_etc_relevant_departments_is_a_generic_tail():
    found = parse_unit_list("县民政局、县残联等有关部门")
    assert [(u.name, u.canonical, u.kind) for u in found] == [
        ("县民政局", "民政", "government"), ("县残联", "残联", "mass"), ("有关部门", "有关部门", "generic")]
    assert found[-1].raw == "有关部门"


@pytest.mark.parametrize("name, canonical", [
    ("教体局", "教育"), ("文体局", "文化旅游"), ("交运局", "交通运输"), ("卫健委", "卫生健康"),
    ("卫健局", "卫生健康"), ("文旅局", "文化旅游"), ("住建局", "住房城乡建设"), ("城管局", "城市管理"),
    ("发改委", "发展改革"), ("人社局", "人力资源社会保障"), ("应急局", "应急管理"), ("市场监管局", "市场监管"),
    ("综治办", "政法"), ("安委办", "安委办"), ("编办", "机构编制"), ("网信办", "网信"), ("市教委", "教育"),
    ("校车办", "校车办"), ("留交办", "留交办"), ("五城办", "五城办"),
])
def test_abbreviations(name, canonical):
    unit = normalise(name)
    assert (unit.canonical, unit.known, unit.confidence) == (canonical, True, 1.0)


@pytest.mark.parametrize("name, canonical", [
    ("工商局", "市场监管"), ("食品药品监管局", "市场监管"), ("食药监", "市场监管"), ("质监局", "市场监管"),
    ("安监局", "应急管理"), ("卫生局", "卫生健康"), ("卫生计生委", "卫生健康"), ("文化局", "文化旅游"),
    ("国土局", "自然资源"), ("环保局", "生态环境"), ("经贸委", "商务"), ("法制办", "司法"), ("国税", "税务"),
    ("地税", "税务"), ("公安消防大队", "消防救援"),
])
def test_pre_2018_names_map_to_todays_function_with_a_note(name, canonical):
    unit = normalise(name)
    assert unit.canonical == canonical and unit.known
    assert "pre-2018" in unit.note


@pytest.mark.parametrize("name, canonical", [
    ("教育体育局", "教育"), ("科技和教育体育局", "科技"), ("教育和卫生健康局", "教育"), ("文体和旅游局", "文化旅游"),
    ("文化广电旅游局", "文化旅游"), ("工业商务和信息化局", "工业和信息化"), ("工商信局", "工业和信息化"),
])
def test_combined_bureaus_take_their_first_function(name, canonical):
    unit = normalise(name)
    assert unit.canonical == canonical and "first function" in unit.note


def test_combined_names_that_are_one_function():
    assert normalise("城市管理和综合执法局").canonical == "城市管理"
    assert normalise("自然资源和规划局").canonical == "自然资源"


@pytest.mark.parametrize("name, canonical, region", [
    ("公安青浦分局", "公安", "青浦"), ("三明市公安局沙县分局", "公安", "沙县"), ("市公安局大鹏分局", "公安", "大鹏"),
    ("县公安交警大队", "公安", None), ("交巡警支队", "公安", None), ("派出所", "公安", None),
    ("消防救援大队", "消防救援", None), ("消防救援支队", "消防救援", None), ("消防救援站", "消防救援", None),
    ("市规划和自然资源局盐田管理局", "自然资源", "盐田"), ("生态环境局南湖分局", "生态环境", "南湖"),
    ("税务局", "税务", None), ("气象局", "气象", None), ("供电公司", "供电", None),
    ("电信", "电信", None), ("移动", "移动", None), ("联通", "联通", None),
])
def test_branch_and_vertical_units(name, canonical, region):
    unit = normalise(name)
    assert (unit.canonical, unit.region, unit.known) == (canonical, region, True)


def test_party_and_mass_bodies_with_the_level_in_the_middle():
    assert units("县委宣传部、政法委、编办、网信办、团县委") == [
        ("县委宣传部", "宣传", "县"), ("政法委", "政法", "县"), ("编办", "机构编制", "县"), ("网信办", "网信", "县"),
        ("团县委", "共青团", "县")]
    assert [u.kind for u in parse_unit_list("妇联、科协、红十字会、残联、关工委、总工会")] == ["mass"] * 6
    assert [u.level for u in parse_unit_list("团市委、团区委、团县委")] == ["市", "区", "县"]


@pytest.mark.parametrize("name", [
    "各乡镇(街道)", "各乡镇（街道）", "各街镇", "镇街", "各镇(街道、中心)", "街道(园区)", "乡镇人民政府", "街道办事处",
])
def test_township_collectives(name):
    unit = normalise(name, level_hint="县")
    assert (unit.canonical, unit.kind, unit.level) == ("乡镇街道", "township", None)


def test_township_services_and_lower_governments():
    assert [(u.canonical, u.kind) for u in parse_unit_list("便民服务中心、社区管理中心、各县(市、区)")] == [
        ("便民服务中心", "township"), ("社区管理中心", "township"), ("下级政府", "township")]


def test_township_collective_of_an_office_is_one_unit():
    found = parse_unit_list("各镇(区)综治办")
    assert [(u.name, u.canonical) for u in found] == [("各镇(区)综治办", "政法")]
    assert found[0].note == "collective: one in each of 各镇(区)"


def test_parentheses_inside_a_name_do_not_split():
    assert [raw for raw, _, _ in split_unit_list("各镇(街道、中心)、县卫健局")] == ["各镇(街道、中心)", "县卫健局"]
    assert [raw for raw, _, _ in split_unit_list("各镇（街道、中心），县卫健局")] == ["各镇（街道、中心）", "县卫健局"]


@pytest.mark.parametrize("text", ["党委政府", "党委和人民政府", "县委县政府督查室", "高新区党工委和管委会"])
def test_fixed_pairs_are_one_unit(text):
    found = parse_unit_list(text)
    assert len(found) == 1 and found[0].known and found[0].name == text


def test_shortened_coordination_is_two_units():
    assert [(u.name, u.canonical) for u in parse_unit_list("各区、县级市")] == [
        ("各区", "下级政府"), ("县级市", "下级政府")]
    found = parse_unit_list("赣州、龙南经济技术开发区管委会")
    assert [(u.raw, u.name, u.region) for u in found] == [
        ("赣州", "赣州经济技术开发区管委会", "赣州"), ("龙南经济技术开发区管委会", "龙南经济技术开发区管委会", "龙南")]
    assert {u.canonical for u in found} == {"开发区管委会"}


@pytest.mark.parametrize("name, canonical", [
    ("开发区管委会", "开发区管委会"), ("行政审批(服务)局", "行政审批"), ("金融办", "金融"), ("金融工作局", "金融"),
    ("国资委", "国资"), ("大数据中心", "大数据"), ("供销社", "供销社"), ("融媒体中心", "融媒体中心"),
    ("全媒体中心", "融媒体中心"), ("工作专班", "工作专班"), ("各校", "学校"), ("学校", "学校"),
])
def test_other_real_actors(name, canonical):
    assert normalise(name).canonical == canonical


def test_regional_forms():
    assert [u.canonical for u in parse_unit_list("区府办、区建设管理委、区规划资源局")] == [
        "政府办公室", "住房城乡建设", "自然资源"]
    assert units("旗教育局、各旗区、各区市") == [
        ("旗教育局", "教育", "旗"), ("各旗区", "下级政府", None), ("各区市", "下级政府", None)]
    assert units("州教育体育局") == [("州教育体育局", "教育", "州")]


def test_names_broken_by_line_wraps():
    assert units("县交通 运输局") == [("县交通运输局", "交通运输", "县")]
    assert units("县安全生产和防灾\n减灾救灾委员会办公室") == [
        ("县安全生产和防灾减灾救灾委员会办公室", "安委办", "县")]


def test_a_typo_gets_a_guess_but_is_not_known():
    unit = normalise("县安全生产委员办公室")
    assert (unit.canonical, unit.known) == ("安委办", False)
    assert 0.6 <= unit.confidence < 1.0


def test_quotation_marks_inside_a_name():
    assert [(u.name, u.canonical) for u in parse_unit_list("“扫黄打非”办、县文明办")] == [
        ("“扫黄打非”办", "扫黄打非"), ("县文明办", "精神文明建设")]
    assert normalise('"扫黄打非"办').canonical == "扫黄打非"


def test_lead_and_duty_words_are_not_part_of_a_name():
    assert units("主要由县教体局牵头") == [("县教体局", "教育", "县")]
    assert units("县公安局、县司法局配合") == [("县公安局", "公安", "县"), ("县司法局", "司法", "县")]
    assert units("各有关部门按职责分工负责") == [("各有关部门", "有关部门", None)]


def test_connectors_between_units():
    assert units("县财政局和教育局") == [("县财政局", "财政", "县"), ("教育局", "教育", "县")]
    assert units("住房和城乡建设局") == [("住房和城乡建设局", "住房城乡建设", None)]


def test_ascii_and_full_width_punctuation_split_alike():
    assert units("县公安局,县司法局;县民政局") == units("县公安局，县司法局；县民政局")


def test_unknown_name_is_flagged_not_forced():
    unit = normalise("区绿化市容局")
    assert (unit.known, unit.canonical, unit.level) == (False, None, "区")
    assert unit.note == "not in the unit registry"


def test_unknown_name_between_known_ones_stays_one_unit():
    found = parse_unit_list("县教育局、县瑞丰建材有限公司、县公安局")
    assert [(u.name, u.known) for u in found] == [
        ("县教育局", True), ("县瑞丰建材有限公司", False), ("县公安局", True)]


def test_state_companies_are_one_function_with_their_legal_form():
    found = parse_unit_list("县城投集团有限公司、魏武国控集团、国网凉山供电公司")
    assert [(u.name, u.canonical, u.known) for u in found] == [
        ("县城投集团有限公司", "国有企业", True), ("魏武国控集团", "国有企业", True),
        ("国网凉山供电公司", "供电", True)]


def test_a_leader_named_in_a_trailer_is_flagged_not_taken_for_a_unit():
    found = parse_unit_list("县委常委、常务副县长王大雷;县教育局")
    assert [(u.name, u.canonical, u.known, u.note) for u in found] == [
        ("县委常委、常务副县长王大雷", None, False, "a leader (常务副县长), not a unit"),
        ("县教育局", "教育", True, None)]


def test_a_coordination_body_named_by_its_topic_is_a_working_group():
    found = parse_unit_list("市政府办公室、市行政审批制度改革工作领导小组办公室牵头")
    assert [(u.name, u.canonical, u.level, u.note) for u in found] == [
        ("市政府办公室", "政府办公室", "市", None),
        ("市行政审批制度改革工作领导小组办公室", "工作专班", "市", "coordination body (行政审批制度改革)")]


def test_noise_never_crashes():
    for text in ["", "、、、", "(((", "牵头", "12345", "□□□■", "区" * 500, "(街道、中心"]:
        for unit in parse_unit_list(text):
            assert text[unit.span.start:unit.span.end] == unit.raw


def test_a_second_name_in_brackets_is_the_same_unit():
    found = parse_unit_list("县委组织部(县委编办)、县发展和改革局（县粮食和物资储备局）")
    assert [(u.name, u.canonical, u.note) for u in found] == [
        ("县委组织部(县委编办)", "组织", "also named 县委编办"),
        ("县发展和改革局（县粮食和物资储备局）", "发展改革", "also named 县粮食和物资储备局")]


def test_field_labels_are_not_part_of_a_name():
    assert units("牵头单位:县教体局") == [("县教体局", "教育", "县")]
    assert units("责任单位：县公安局、县司法局") == [("县公安局", "公安", "县"), ("县司法局", "司法", "县")]


def test_operator_branch_and_police_sub_units():
    assert [(u.canonical, u.region) for u in parse_unit_list("中国移动建水分公司、县公安局交警大队")] == [
        ("移动", "建水"), ("公安", None)]


def test_shortened_coordination_of_several_places():
    found = parse_unit_list("雄县、容城、安新县委和人民政府")
    assert [(u.name, u.canonical, u.region) for u in found] == [
        ("雄县委和人民政府", "党委政府", "雄县"), ("容城县委和人民政府", "党委政府", "容城县"),
        ("安新县委和人民政府", "党委政府", "安新县")]
    assert [u.raw for u in found] == ["雄县", "容城", "安新县委和人民政府"]
    assert [u.name for u in parse_unit_list("赣州市、龙南县教育局")] == ["赣州市教育局", "龙南县教育局"]


def test_national_and_prefecture_levels():
    assert units("国家发展改革委、自治区林业厅、和田地区行政公署") == [
        ("国家发展改革委", "发展改革", "国家"), ("自治区林业厅", "林业草原", "自治区"),
        ("和田地区行政公署", "人民政府", "地区")]


def test_pieces_are_in_order_and_point_into_the_text():
    import random

    rng = random.Random(7)
    alphabet = list("市县区局委办、,;() \n各乡镇街道公安教育卫生健康等有关部门牵头配合“”\"团党政府中心队所分会") + [
        "市公安局", "区卫生健康 委", "各乡镇(街道)", "等有关部门", "公安青浦分 局"]
    for _ in range(200):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        last = 0
        for raw, start, end in split_unit_list(text):
            assert text[start:end] == raw and start >= last and end > start, text
            last = end


def test_trailer_tails_without_a_lead():
    assert units("县公安局、县司法局、县民政局等按职责分工负责") == [
        ("县公安局", "公安", "县"), ("县司法局", "司法", "县"), ("县民政局", "民政", "县")]
    assert units("县公安局、县司法局…按职责分工负责") == [("县公安局", "公安", "县"), ("县司法局", "司法", "县")]
    assert units("县卫健局负责落实") == [("县卫健局", "卫生健康", "县")]


def test_sentence_joiners_between_two_units():
    assert units("县教体局会同县公安局") == [("县教体局", "教育", "县"), ("县公安局", "公安", "县")]
    assert units("县市场监管局联合县教体局") == [("县市场监管局", "市场监管", "县"), ("县教体局", "教育", "县")]
    assert units("县残疾人联合会") == [("县残疾人联合会", "残联", "县")]


def test_traditional_character_mirrors_read_as_simplified():
    found = parse_unit_list("縣衛生健康委、區市場監管局、各鄉鎮(街道)、團區委")
    assert [(u.raw, u.name, u.canonical, u.level) for u in found] == [
        ("縣衛生健康委", "縣衛生健康委", "卫生健康", "县"), ("區市場監管局", "區市場監管局", "市场监管", "区"),
        ("各鄉鎮(街道)", "各鄉鎮(街道)", "乡镇街道", None), ("團區委", "團區委", "共青团", "区")]


def test_long_autonomous_and_nested_places_are_regions():
    found = parse_unit_list("红河哈尼族彝族自治州教育局、双江拉祜族佤族布朗族傣族自治县公安局、乌鲁木齐市水磨沟区教育局、"
                            "红河州建水县卫生健康局")
    assert [(u.name, u.canonical, u.level, u.region) for u in found] == [
        ("红河哈尼族彝族自治州教育局", "教育", "自治州", "红河哈尼族彝族自治州"),
        ("双江拉祜族佤族布朗族傣族自治县公安局", "公安", "自治县", "双江拉祜族佤族布朗族傣族自治县"),
        ("乌鲁木齐市水磨沟区教育局", "教育", "区", "乌鲁木齐市水磨沟区"),
        ("红河州建水县卫生健康局", "卫生健康", "县", "红河州建水县")]


def test_bracketed_role_words_and_bracketed_alternatives():
    assert units("县教育局（牵头）、县公安局") == [("县教育局", "教育", "县"), ("县公安局", "公安", "县")]
    assert units("相关部门(单位)") == [("相关部门(单位)", "有关部门", None)]
    assert units("县委、县政府督查室、县教育局") == [
        ("县委、县政府督查室", "督查室", "县"), ("县教育局", "教育", "县")]


@pytest.mark.parametrize("name, note", [
    ("委", "not in the unit registry"), ("委员会", "fuzzy guess: closest to 教育委员会"),
    ("委组织部", "fuzzy guess: closest to 党委组织部"), ("委办", "fuzzy guess: closest to 安委办"),
])
def test_a_party_committee_is_named_by_its_level_never_alone(name, note):
    unit = normalise(name)
    assert (unit.known, unit.note) == (False, note)


def test_县委_is_the_party_committee_and_its_offices_keep_their_level():
    assert units("县委、县政府") == [("县委", "党委", "县"), ("县政府", "人民政府", "县")]
    assert units("中共蒙自市委员会") == [("中共蒙自市委员会", "党委", "市")]


@pytest.mark.parametrize("text, expected", [
    ("县教育督导室会同县委组织部", [("县教育督导室", "教育督导"), ("县委组织部", "组织")]),
    ("县教育局联合县委宣传部", [("县教育局", "教育"), ("县委宣传部", "宣传")]),
    ("县教育局会同县委编办", [("县教育局", "教育"), ("县委编办", "机构编制")]),
    ("县公安局协同县委网信办", [("县公安局", "公安"), ("县委网信办", "网信")]),
    ("县司法局牵头会同县委政法委", [("县司法局", "司法"), ("县委政法委", "政法")]),
])
def test_party_offices_after_会同_联合_协同_are_whole(text, expected):
    assert [(u.name, u.canonical) for u in parse_unit_list(text)] == expected


@pytest.mark.parametrize("sentence, start, names", [
    ("县教育督导室会同县委组织部开展督导", 8, "县委组织部"),
    ("县教育局联合县委宣传部、县委网信办开展网络安全宣传", 6, "县委宣传部、县委网信办"),
    ("县公安局协同县委政法委和县委编办落实", 6, "县委政法委和县委编办"),
    ("县教育局会同县委、县政府督查室督办", 6, "县委、县政府督查室"),
    ("县教育局会同周边商户开展整治", 6, ""),
])
def test_list_end_reads_the_whole_last_name_of_a_list_in_a_sentence(sentence, start, names):
    assert sentence[start:list_end(sentence, start)] == names


@pytest.mark.parametrize(("raw", "names"), [
    # a level written alone shares the next name's ending: one collective
    ("各州、市人民政府", ["各州、市人民政府"]),
    ("各县、区人民政府,宿迁经济开发区", ["各县、区人民政府", "宿迁经济开发区"]),
    ("省、中直负有安全生产监管职责的部门", ["省、中直负有安全生产监管职责的部门"]),
    # an ending written alone shares the name before it
    ("盟有关部、委、办、局", ["盟有关部、委、办、局"]),
    # but two whole names stay two
    ("各乡镇、水务局", ["各乡镇", "水务局"]),
    ("各区、县级市", ["各区", "县级市"]),
    # a cell's numbering and a scope word are not part of the list
    ("一、哈尔滨市", ["哈尔滨市"]),
    ("一、二级医院", ["一、二级医院"]),
    ("全县各镇、各部门", ["各镇", "各部门"]),
])
def test_levels_and_endings_written_once_are_shared(raw, names):
    from policykit.units import parse_unit_list

    assert [u.name for u in parse_unit_list(raw, 0)] == names


def test_an_office_inside_a_bureau_keeps_the_bureau_and_a_division_alone_reads_like_its_government():
    from policykit.units import normalise

    assert (normalise("县教育局党组").canonical, normalise("县教育局党组").level) == ("教育", "县")
    alone, full = normalise("五华区"), normalise("五华区人民政府")
    assert (alone.canonical, alone.level, alone.region) == ("人民政府", full.level, full.region)
