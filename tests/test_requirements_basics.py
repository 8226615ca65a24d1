"""Requirements and deadlines on sentences written the way real plans write them."""

from __future__ import annotations

import pytest

from policykit.china.numerals import to_number
from policykit.requirements import extract_deadlines, extract_requirements


def fields(text: str) -> list[dict]:
    """The requirement fields a test states, without text/span/task (checked separately)."""
    keep = ("subject", "op", "value", "value_max", "unit", "period", "per", "condition", "target", "flags")
    return [{k: r.to_dict()[k] for k in keep} for r in extract_requirements(text)]


def req(op, value, unit=None, *, subject=None, value_max=None, period=None, per=None, condition=None,
        target=False, flags=()):
    return {"subject": subject, "op": op, "value": value, "value_max": value_max, "unit": unit,
            "period": period, "per": per, "condition": condition, "target": target, "flags": list(flags)}


@pytest.mark.parametrize("written, value", [
    ("两", 2), ("十五", 15), ("一百", 100), ("三千", 3000), ("零", 0), ("十二", 12), ("一百零五", 105),
    ("1.5万", 15000), ("3000万", 30_000_000), ("2.4亿", 240_000_000), ("三千万", 30_000_000),
    ("二点五", 2.5), ("3,000", 3000),
])
def test_numerals(written, value):
    assert to_number(written) == value


def test_staffing_tiers_by_school_size():
    text = ("师生员工总人数少于等于100人的学校至少配1名专职保安员;100人以上1000人以下的学校,至少配2名专职保安员;"
            "超过1000人的学校,每增加500名学生增配1名专职保安员。")
    assert fields(text) == [
        req(">=", 1, "名", subject="专职保安员", condition="师生员工总人数少于等于100人的学校"),
        req(">=", 2, "名", subject="专职保安员", condition="100人以上1000人以下的学校"),
        req("per", 1, "名", subject="专职保安员", per={"step": 500, "of": "学生", "unit": "名"},
            condition="超过1000人的学校"),
    ]
    first = extract_requirements(text, offset=100)[0]
    assert first.text == "至少配1名专职保安员"
    assert (first.span.start, first.span.end) == (100 + text.index("至少"), 100 + text.index("员;") + 1)


def test_full_width_text_keeps_offsets():
    text = "每学期至少开展１次饮用水检测；床人比不低于１：１．６。"
    found = extract_requirements(text)
    assert [text[r.span.start:r.span.end] for r in found] == [r.text for r in found]
    assert fields(text) == [
        req(">=", 1, "次", subject="饮用水检测", period="每学期"),
        req(">=", 0.625, ":1", subject="床人比"),
    ]


@pytest.mark.parametrize("text, expected", [
    ("每年开展联合检查不少于2次", [req(">=", 2, "次", subject="联合检查", period="每年")]),
    ("按照学生人数600:1的比例配齐专(兼)职卫生技术人员",
     [req("ratio", 600, ":1", subject="专(兼)职卫生技术人员")]),
    ("落实好每周1个课时的安全教育课", [req("=", 1, "个课时", subject="安全教育课", period="每周")]),
    ("每年征集10节以上校园安全教育优质课", [req(">=", 10, "节", subject="校园安全教育优质课", period="每年")]),
    ("全市60%的学校完成“平安校园”创建", [req("=", 60, "%", subject="学校完成“平安校园”创建")]),
    ("百分之六十的行政村", [req("=", 60, "%", subject="行政村")]),
    ("每个乡镇配备1到2名专职人员", [req("range", 1, "名", value_max=2, subject="专职人员", condition="每个乡镇")]),
    ("每个乡镇配备1-2名专职人员", [req("range", 1, "名", value_max=2, subject="专职人员", condition="每个乡镇")]),
    ("考核成绩90分(含90分)以上", [req(">=", 90, "分", subject="考核成绩")]),
    ("服务半径控制在3公里以内", [req("<=", 3, "公里", subject="服务半径")]),
    ("每季度至少召开一次联席会议", [req(">=", 1, "次", subject="联席会议", period="每季度")]),
    ("培训1.5万名乡村医生", [req("=", 15000, "名", subject="乡村医生")]),
    ("累计投入3000万元", [req("=", 30_000_000, "元", subject="投入")]),
    ("政务服务事项一日办结", [req("<=", 1, "日", subject="办结")]),
    ("力争达到98%以上", [req(">=", 98, "%", target=True)]),
    ("落实“一校一警”工作制度", [req("per", 1, subject="警", per={"step": 1, "of": "校", "unit": None})]),
    ("每个行政村一村一名法律顾问",
     [req("per", 1, "名", subject="法律顾问", per={"step": 1, "of": "村", "unit": None}, condition="每个行政村")]),
    ("每千人口执业(助理)医师数达到3.2人",
     [req(">=", 3.2, "人", subject="执业(助理)医师数", per={"step": 1000, "of": "人口", "unit": None},
          target=True)]),
])
def test_real_shapes(text, expected):
    assert fields(text) == expected


@pytest.mark.parametrize("text", [
    "蒙政办发〔2023〕37号",
    "《云南省校园安全防范能力提升三年行动计划(2022-2024年)》",
    "按照《中小学、幼儿园安全防范要求》(GB/T29315-2022)",
    "每天14:00至17:30开放",
    "1.完善校园安全管理责任制",
    "(2)加强学校物防建设",
    "全市中小学、幼儿园“4个100%”成果全面巩固",
    "开展“四个一”活动",
    "构建“1+6”工作体系",
    "纳入“1530”安全教育模式内容",
    "开展百日攻坚行动",
    "政务大厅24小时不打烊",
    "实施六大行动计划",
    "实现“双下降”",
    "坚持“三同步”原则",
    "推进“六T”实务管理",
    "建立“一生一策”的心理成长档案",
    "2023年5月6日",
    "发现一起严惩一起",
    "让每一名师生掌握一定的避险技能",
    "教育部等五部委",
    "第一时间启动应急预案",
])
def test_names_and_dates_are_not_requirements(text):
    assert extract_requirements(text) == []


@pytest.mark.parametrize("text, date, relative", [
    ("到2023年底", "2023-12-31", None),
    ("2024年年底前实现全覆盖", "2024-12-31", None),
    ("2024年前实现全达标", "2023-12-31", None),
    ("2025年6月底前完成", "2025-06-30", None),
    ("2025年6月30日前完成", "2025-06-30", None),
    ("3年内实现全覆盖", "2024-12-31", "3年内"),
    ("三年内实现全覆盖", "2024-12-31", "三年内"),
    ("每学期开学第一周组织1次", None, "每学期开学第一周"),
    ("长期坚持", None, "长期坚持"),
    ("持续推进", None, "持续推进"),
])
def test_deadlines(text, date, relative):
    found = extract_deadlines(text, period={"start": 2022, "end": 2024})
    assert [(d.date, d.relative) for d in found] == [(date, relative)]


def test_relative_deadline_from_plan_date():
    found = extract_deadlines("3年内实现全覆盖", plan_date="2023-05-06")
    assert found[0].date == "2026-05-05"
    assert extract_deadlines("3年内实现全覆盖")[0].date is None


def test_dates_that_are_not_deadlines():
    assert extract_deadlines("2023年5月6日 (2022-2024年)") == []


def test_a_year_compared_with_is_not_a_deadline():
    assert extract_deadlines("继续按不高于2017年征收标准执行") == []
    assert extract_deadlines("不早于2025年6月30日启动") == []
    assert [(d.text, d.date) for d in extract_deadlines("各地于2025年6月30日前完成")] == [
        ("于2025年6月30日前", "2025-06-30")]


def test_ratios_named_as_ratios_are_not_clock_times():
    assert fields("中小学师生比不低于1:12") == [req(">=", 0.0833, ":1", subject="中小学师生比")]
    assert extract_requirements("上午8:30开始") == []


def test_conflicting_bound_words_are_kept_and_flagged():
    assert fields("每班学生不少于50人左右") == [req(">=", 50, "人", subject="每班学生", flags=["ambiguous"])]
    assert fields("全县农村自来水普及率达到90%左右") == [
        req("about", 90, "%", subject="全县农村自来水普及率", target=True)]


def test_traditional_script_mirrors_read_like_the_original():
    text = "3年內實現全覆蓋,人均體育場地面積達到2.6平方米以上"
    assert fields(text) == [req(">=", 2.6, "平方米", subject="人均体育场地面积", target=True)]
    assert [(d.text, d.date) for d in extract_deadlines(text, period={"start": 2022})] == [("3年內", "2024-12-31")]


def test_percentages_in_words():
    assert fields("问题整改率百分百") == [req("=", 100, "%", subject="问题整改率")]
    assert fields("覆盖率达到百分之九十五") == [req(">=", 95, "%", subject="覆盖率", target=True)]


def test_noise_never_crashes():
    """Garbled PDF runs, stray digits and half-read dates give no error (and mostly nothing)."""
    import random

    rng = random.Random(4)
    alphabet = "0123456789一二两三十百千万亿零年月日天次名人%:;,。以上下不少于至少每周学期季度内前底到-()“”第个"
    for _ in range(400):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40)))
        extract_requirements(text)
        extract_deadlines(text, plan_date="2023-05-06", period={"start": 2022, "end": 2024})
    extract_deadlines("零零零零年底前 999999年内 二〇二三年十三月四十日前")


@pytest.mark.parametrize("text, expected", [
    # indicator tables write bounds as symbols
    ("老年人健康管理服务率≥72%", [req(">=", 72, "%", subject="老年人健康管理服务率")]),
    ("婴儿死亡率<5‰", [req("<", 5, "‰", subject="婴儿死亡率")]),
    ("每学期 应急演练 ≥1次", [req(">=", 1, "次", subject="应急演练", period="每学期")]),
    # a label before ":" names what the count is of
    ("(1)配齐专职保安员:每校至少1名。", [req(">=", 1, "名", subject="专职保安员", condition="每校")]),
    # a hard bound before a verb we do not list
    ("每学期至少办一次演练", [req(">=", 1, "次", subject="演练", period="每学期")]),
])
def test_table_and_label_shapes(text, expected):
    assert fields(text) == expected


def test_a_day_of_every_month_is_a_recurring_deadline():
    assert extract_requirements("排查结果于每月5日前报县教体局") == []
    assert [(d.text, d.date, d.relative) for d in extract_deadlines("排查结果于每月5日前报县教体局")] == [
        ("每月5日前", None, "每月5日前")]


def test_a_goal_word_before_a_duration_is_no_bound():
    assert extract_requirements("力争通过三年治理,有效遏制“小火亡人”") == []


@pytest.mark.parametrize("text", [
    "审定人:郑继江,电话:0876—3122191;",
    "联系人:张建  18805636080、3020501",
    "通过信函的方式将意见寄至金华市婺城区双龙南街828号,邮编:321017。",
    "网站维护联系电话:023-55128091 ICP备案:渝ICP备12003733号-1",
    "项目总投资381.9万元,全部为中央资金。",
    "“赣服通”4.0建设等重点工作任务推进",
])
def test_contacts_addresses_versions_and_budget_totals_are_not_requirements(text):
    assert extract_requirements(text) == []


def test_a_bound_that_yields_to_the_word_after_the_number():
    assert fields("普惠性幼儿园覆盖率稳定在80%以上") == [
        req(">=", 80, "%", subject="普惠性幼儿园覆盖率", target=True)]
    assert fields("城镇调查失业率控制在5.5%左右") == [req("about", 5.5, "%", subject="城镇调查失业率")]
    assert fields("城镇登记失业率控制在4.5%以内") == [req("<=", 4.5, "%", subject="城镇登记失业率")]


def test_a_verb_its_object_then_the_number():
    assert fields("郑州要新改造农村无害化卫生厕所3万户") == [
        req("=", 30000, "户", subject="农村无害化卫生厕所")]
    assert fields("新建10千伏线路39.34公里,低压线路140.89公里,配套配电变压器42台") == [
        req("=", 39.34, "公里", subject="10千伏线路"), req("=", 140.89, "公里", subject="低压线路"),
        req("=", 42, "台", subject="配电变压器")]
    assert fields("年均增加停车泊位5000个以上(含各类新建、改建、配建停车泊位)") == [
        req(">=", 5000, "个", subject="停车泊位")]


def test_a_range_of_ratios():
    assert fields("城市机动车停车泊位与机动车拥有量之比达到1.2:1至1.5:1") == [
        req("range", 1.2, ":1", value_max=1.5, subject="城市机动车停车泊位与机动车拥有量之比", target=True)]


def test_a_threshold_that_says_who_a_rule_is_for_is_no_requirement():
    assert extract_requirements("在职职工总数30人(含)以下的企业暂免征收残疾人保障金") == []
    assert fields("建成100个以上的美丽乡村精品村") == [req(">=", 100, "个", subject="美丽乡村精品村")]


def test_subjects_leave_out_deadlines_and_stop_at_the_next_number():
    assert fields("到2014年底公共交通出行分担率达到45%以上") == [
        req(">=", 45, "%", subject="公共交通出行分担率", target=True)]
    assert [r.subject for r in extract_requirements("养老服务设施覆盖所有城市社区、90%以上乡镇和60%以上村")] == [
        "乡镇", "村"]
    assert [r.subject for r in extract_requirements("力争完成60个县(市、区)水源置换工作")] == [
        "县(市、区)水源置换工作"]


def test_deadlines_with_a_closing_date_or_no_year():
    assert [(d.text, d.date) for d in extract_deadlines("意见反馈截止时间为2023年6月13日。")] == [
        ("截止时间为2023年6月13日", "2023-06-13")]
    found = extract_deadlines("各牵头单位于2月29日前将细化方案报送至县政府政务督查室", plan_date="2024-02-22")
    assert [(d.text, d.date, d.relative) for d in found] == [("于2月29日前", "2024-02-29", None)]
    found = extract_deadlines("各牵头单位于2月29日前将细化方案报送至县政府政务督查室")
    assert [(d.text, d.date, d.relative) for d in found] == [("于2月29日前", None, "于2月29日前")]
    found = extract_deadlines("从2021年4月20日起至6月30日,开展交通秩序综合整治行动")
    assert [(d.text, d.date) for d in found] == [("6月30日", "2021-06-30")]
    assert extract_deadlines("于3月15日召开推进会") == []


def test_map_scales_and_groups_a_service_is_for_give_nothing():
    assert extract_requirements("完成1:500地形图测绘") == []
    assert extract_requirements("对60周岁以上老年人免费提供健康体检") == []
    assert fields("年龄在18周岁以上") == [req(">=", 18, "周岁", subject="年龄")]


def test_objects_with_latin_letters():
    assert fields("创建国家3A级以上旅游景区2个") == [req("=", 2, "个", subject="国家3A级以上旅游景区")]
    assert fields("“十四五”期间,建成5G基站300个") == [req("=", 300, "个", subject="5G基站")]


def test_a_new_list_item_with_its_own_scope_does_not_inherit_the_last_one():
    found = extract_requirements("每条经济带至少谋划建设10个项目、每个镇办至少打造3个示范点、各专项工作组至少打造2个示范点")
    assert [(r.value, r.condition) for r in found] == [(10, "每条经济带"), (3, "每个镇办"), (2, None)]
    assert [r.condition for r in extract_requirements("镇级河长每月需要对每条责任河湖巡河至少1次")] == [None]


def test_an_age_before_a_group_says_who_is_meant():
    found = extract_requirements("婴儿、5岁以下儿童和孕产妇的死亡率分别下降到2.86‰、3.05‰和19.07/10万")
    assert [(r.value, r.unit, r.subject) for r in found] == [
        (2.86, "‰", "婴儿、5岁以下儿童和孕产妇的死亡率"), (3.05, "‰", "婴儿、5岁以下儿童和孕产妇的死亡率"),
        (19.07, "/10万", "婴儿、5岁以下儿童和孕产妇的死亡率")]


def test_the_number_of_what_work_is_done_on():
    assert fields("对49个乡镇卫生院进行改扩建") == [req("=", 49, "个", subject="乡镇卫生院")]
    assert fields("新开工建设185个标准化村卫生室") == [req("=", 185, "个", subject="标准化村卫生室")]


def test_the_figure_a_change_starts_from_is_no_requirement():
    assert fields("每万人全科医生数从1.38人增长到2.61人") == [
        req(">=", 2.61, "人", subject="全科医生数", per={"step": 10000, "of": "人", "unit": None}, target=True)]
    text = "每千人口医疗卫生机构床位数由2018年6.03张增加到2019年6.30张"
    assert [(r.value, r.subject) for r in extract_requirements(text)] == [(6.3, "医疗卫生机构床位数")]
    assert extract_deadlines(text) == []


def test_a_condition_stops_where_its_clause_is_done():
    """One paragraph: each condition limits its own requirement (and a continuation of it), nothing after."""
    text = ("开展平安校园等级评估,考核成绩90分(含90分)以上的学校,授予“平安校园”称号,全年培训1.5万名家长。"
            "500人以上1000人以下的学校至少配备2名专职保安员,加强交通安全教育,未满16周岁不得驾驶电动车。"
            "500人以上1000人以下的学校至少配备2名专职保安员,未满16周岁不得驾驶电动车。"
            "每所学校至少配备1名心理健康教师,10%以上的学校建成智慧校园。"
            "考核成绩90分(含90分)以上的学校给予奖励,培训1.5万名家长。"
            "寄宿制学校至少配2名专职保安员,在上述标准的基础上每增加300名寄宿生增配1名专职保安员,"
            "未满12周岁严禁骑自行车上学。"
            "对种植面积达到50亩以上的经营主体,给予每亩215元的补贴。")
    staff = req(">=", 2, "名", subject="专职保安员", condition="500人以上1000人以下的学校")
    e_bike = req("<", 16, "周岁", subject="驾驶电动车")
    parents = req("=", 15000, "名", subject="家长")
    assert fields(text) == [
        parents, staff, e_bike, staff, e_bike,
        req(">=", 1, "名", subject="心理健康教师", condition="每所学校"),
        req(">=", 10, "%", subject="学校建成智慧校园"),
        parents,
        req(">=", 2, "名", subject="专职保安员", condition="寄宿制学校"),
        req("per", 1, "名", subject="专职保安员", per={"step": 300, "of": "寄宿生", "unit": "名"},
            condition="寄宿制学校"),
        req("<", 12, "周岁", subject="骑自行车上学"),
        req("=", 215, "元", subject="补贴", per={"step": 1, "of": "亩", "unit": None},
            condition="种植面积达到50亩以上的经营主体"),
    ]


@pytest.mark.parametrize("text, expected", [
    ("寄宿制学校按照学生人数300:1的比例配备宿管员",
     [req("ratio", 300, ":1", subject="宿管员", condition="寄宿制学校")]),
    ("寄宿制学校按学生人数不低于300:1的比例配备宿管员",
     [req(">=", 300, ":1", subject="宿管员", condition="寄宿制学校")]),
    ("各学校根据在校生人数500:1的比例配备心理健康教师",
     [req("ratio", 500, ":1", subject="心理健康教师", condition="各学校")]),
])
def test_a_basis_before_a_ratio_is_neither_subject_nor_condition(text, expected):
    assert fields(text) == expected


def test_a_period_belongs_to_its_own_clause():
    assert fields("各乡镇每日14:00前报送排查情况,对群众诉求实现一日办结") == [req("<=", 1, "日", subject="办结")]
    assert fields("每日１４：００前报送当日情况，实现一日办结") == [req("<=", 1, "日", subject="办结")]
    # a clause that is only the bound still takes the cycle written before it
    assert fields("每年组织应急演练,不少于2次") == [req(">=", 2, "次", period="每年")]


@pytest.mark.parametrize("text", [
    "依法取缔学校周边200米范围内的无证经营摊点",
    "整治学校周边50米以内的流动摊贩",
    "严查学校周边1公里以内的娱乐场所",
    "学校周边200米范围内不得设立网吧",
    "学校门前和两侧200米半径内不得设农贸市场,不得摆摊设点、堆放杂物",
    "禁止在校园门口30米以内摆摊设点",
])
def test_a_distance_that_only_says_where_is_no_requirement(text):
    assert fields(text) == []


@pytest.mark.parametrize("text, expected", [
    ("在学校周边200米范围内设置2处减速带", [req("=", 2, "处", subject="减速带", condition="学校周边200米范围内")]),
    ("学校周边200米范围内,设置2处减速带", [req("=", 2, "处", subject="减速带", condition="学校周边200米范围内")]),
    ("学校周边200米范围内的摊点不超过3处", [req("<=", 3, "处", subject="摊点", condition="学校周边200米范围内")]),
    ("幼儿园服务半径不超过500米", [req("<=", 500, "米", subject="幼儿园服务半径")]),
    ("幼儿园服务半径在500米以内", [req("<=", 500, "米", subject="幼儿园服务半径")]),
    ("在校门口50米以内设置1处护学岗", [req("=", 1, "处", subject="护学岗", condition="校门口50米以内")]),
])
def test_a_distance_scopes_the_count_that_follows_and_a_bounded_distance_stays(text, expected):
    assert fields(text) == expected


@pytest.mark.parametrize(("text", "op", "value"), [
    ("每年至少专题研究一次防溺水工作", ">=", 1),    # the bound a few words before its number
    ("重点水域必须100%竖立警示牌", ">=", 100),       # all of them: at least 100%
    ("对进入林区人员100%进行实名登记", ">=", 100),
])
def test_bounds_written_apart_and_full_coverage(text, op, value):
    from policykit.requirements import extract_requirements

    assert [(r.op, r.value) for r in extract_requirements(text, 0)] == [(op, value)]
