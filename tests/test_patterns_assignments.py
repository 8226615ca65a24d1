"""Every assignment style of PATTERNS.md, on our own sentences, in full-width and ASCII punctuation.

Each test parses a small plan with ``policykit.parse_text`` and checks the
exact lead and co unit names.
"""

from __future__ import annotations

import pytest

from policykit import parse_text


def units(text: str) -> list[tuple[list[str], list[str], list[str]]]:
    """(lead names, co names, flags without unit-unknown) of every task."""
    doc = parse_text(text)
    return [([u.name for u in t.lead], [u.name for u in t.co], [f for f in t.flags if f != "unit-unknown"])
            for t in doc.tasks]


def both(text: str) -> list[str]:
    """The same plan in full-width and in ASCII punctuation."""
    ascii_text = text.translate(str.maketrans("（）：；，", "():;,"))
    return [text, ascii_text]


# --------------------------------------------------------------------------- trailers


@pytest.mark.parametrize("text", both("二、主要任务\n1.加强校园巡逻。每天巡查不少于2次。（牵头单位：县公安局；责任单位：县教育体育局、县司法局）"))
def test_trailer_on_the_same_line(text):
    assert units(text) == [(["县公安局"], ["县教育体育局", "县司法局"], [])]


@pytest.mark.parametrize("text", both("二、主要任务\n1.加强校园巡逻。每天巡查不少于2次。\n（牵头单位：县公安局；责任单位：县教育体育局、各乡镇）"))
def test_trailer_on_the_next_line(text):
    assert units(text) == [(["县公安局"], ["县教育体育局", "各乡镇"], [])]


@pytest.mark.parametrize("text", both("1.整治校园周边环境。开展联合检查。〔牵头单位：市市场监管局，责任单位：市公安局、市城管局〕"))
def test_trailer_in_hexagonal_brackets(text):
    assert units(text) == [(["市市场监管局"], ["市公安局", "市城管局"], [])]


@pytest.mark.parametrize("text", both("1.整治校园周边环境。开展联合检查。（牵头单位：市市场监管局，配合单位：市公安局、市城管局）"))
def test_trailer_with_co_operating_label(text):
    assert units(text) == [(["市市场监管局"], ["市公安局", "市城管局"], [])]


@pytest.mark.parametrize("text", both("1.整治校园周边环境。开展联合检查。（市市场监管局牵头，市公安局配合）"))
def test_trailer_a_leads_b_co_operates(text):
    assert units(text) == [(["市市场监管局"], ["市公安局"], [])]


@pytest.mark.parametrize("text", both("1.整治校园周边环境。开展联合检查。（市市场监管局、市公安局牵头，有关部门按职责分工负责）"))
def test_trailer_two_leads_and_the_relevant_departments(text):
    assert units(text) == [(["市市场监管局", "市公安局"], ["有关部门"], [])]


@pytest.mark.parametrize("text", both("1.整治校园周边环境。开展联合检查。（市市场监管局、市公安局、市城管局等按职责分工负责）"))
def test_trailer_without_a_lead_puts_everyone_in_co(text):
    assert units(text) == [([], ["市市场监管局", "市公安局", "市城管局"], ["lead-missing"])]


@pytest.mark.parametrize("text", both("1.整治校园周边环境。开展联合检查。〔责任单位：市市场监管局、市公安局按职责分工负责〕"))
def test_responsible_units_by_division_of_duties(text):
    assert units(text) == [([], ["市市场监管局", "市公安局"], ["lead-missing"])]


def test_a_single_responsible_unit_leads():
    assert units("1.整治校园周边环境。(责任单位:市市场监管局)") == [(["市市场监管局"], [], [])]


def test_remarks_in_brackets_are_not_assignments():
    text = "1.加强文身管理。督促医疗卫生机构(含医疗美容机构)不得开展文身服务。(牵头单位:市卫生健康局)"
    assert units(text) == [(["市卫生健康局"], [], [])]


def test_a_named_leader_is_not_a_unit():
    for text in both("1.整治校园周边环境。（牵头市领导：张三；牵头单位：市市场监管局；责任单位：市公安局）"):
        assert units(text) == [(["市市场监管局"], ["市公安局"], [])]


def test_a_time_limit_in_the_trailer_is_not_a_unit():
    text = "1.整治校园周边环境。(牵头单位:市市场监管局;责任单位:市公安局;完成时限:2023年12月底前)"
    assert units(text) == [(["市市场监管局"], ["市公安局"], [])]


def test_the_trailer_governs_a_paragraph_with_nested_assignments():
    text = ("1.开展防溺水专项治理。宣传部门要统筹广播电视资源。公安机关要督促派出所巡逻。水利部门要排查水库。"
            "(牵头单位:市水利局;责任单位:市委宣传部、市公安局)")
    assert units(text) == [(["市水利局"], ["市委宣传部", "市公安局"], [])]


@pytest.mark.parametrize("text", both("二、主要任务\n1.加强校园巡逻。每天巡查不少于2次。（牵头单位：县教育局；责任单位：县公安局、县应急管理\n局）\n"
                                       "2.整治校园周边环境。（牵头单位：县市场监管局；责任单位：县公安局、县应急管理\n局、县财政局）"))
def test_a_trailer_wrapping_onto_the_next_line_keeps_its_lead_and_joins_the_cut_unit(text):
    assert units(text) == [(["县教育局"], ["县公安局", "县应急管理局"], []),
                           (["县市场监管局"], ["县公安局", "县应急管理局", "县财政局"], [])]
    cut = parse_text(text).tasks[0].co[1]
    assert text[cut.span.start:cut.span.end] == "县应急管理\n局"


@pytest.mark.parametrize("text", both("二、主要任务\n1.加强校园巡逻。每天巡查。\n（牵头单位：县公安局；责任单位：县教育体育局、\n"
                                       "各乡镇人民政府、\n县司法局）\n2.开展应急演练。（牵头单位：县应急管理局）"))
def test_a_trailer_on_its_own_lines_wrapping_twice(text):
    assert units(text) == [(["县公安局"], ["县教育体育局", "各乡镇人民政府", "县司法局"], []),
                           (["县应急管理局"], [], [])]


@pytest.mark.parametrize("text", both("二、主要任务\n1.加强校园巡逻。每天巡查。（牵头单位：县公安局；责任单位：县教育\n"
                                       "2.开展应急演练。（牵头单位：县应急管理局）"))
def test_a_trailer_that_never_closes_does_not_swallow_the_next_item(text):
    doc = parse_text(text)
    assert [(t.number, t.text, [u.name for u in t.lead], [u.name for u in t.co]) for t in doc.tasks] == [
        ("1", "每天巡查。", ["县公安局"], ["县教育"]), ("2", "", ["县应急管理局"], [])]


# --------------------------------------------------------------------------- field lines


@pytest.mark.parametrize("text", both("1.整治校园周边环境。开展联合检查。\n牵头单位：市市场监管局\n责任单位：市公安局、市城管局"))
def test_field_lines(text):
    assert units(text) == [(["市市场监管局"], ["市公安局", "市城管局"], [])]


@pytest.mark.parametrize("text", both("（一）整治校园周边环境。开展联合检查。\n牵头责任单位：市市场监管局\n主要协作单位：市公安局、市城管局"))
def test_lead_responsible_and_main_partner_fields(text):
    assert units(text) == [(["市市场监管局"], ["市公安局", "市城管局"], [])]


def test_label_with_the_unit_on_the_next_line():
    text = "1.整治校园周边环境\n开展联合检查。\n牵头部门\n市市场监管局\n配合部门\n市公安局"
    doc = parse_text(text)
    assert units(text) == [(["市市场监管局"], ["市公安局"], [])]
    assert doc.tasks[0].text == "开展联合检查。"


# --------------------------------------------------------------------------- unit headings


def test_blocks_headed_by_their_unit():
    text = "一、职责分工\n（一）县教体局。主要负责全县校园安全工作的统筹协调。\n（二）县公安局。负责校园周边治安巡逻。"
    assert units(text) == [(["县教体局"], [], []), (["县公安局"], [], [])]


def test_unit_label_lines_head_their_duties():
    text = "区教育局:\n负责指导学校开展安全教育。\n区卫生健康委:\n负责学校卫生防疫指导。"
    doc = parse_text(text)
    assert [(t.title, t.text) for t in doc.tasks] == [("区教育局", "负责指导学校开展安全教育。"),
                                                     ("区卫生健康委", "负责学校卫生防疫指导。")]
    assert units(text) == [(["区教育局"], [], []), (["区卫生健康委"], [], [])]


def test_a_unit_heading_leads_the_items_under_it():
    text = "（一）县教体局\n1.统筹协调全县校园安全工作。\n2.指导学校开展应急演练。"
    assert units(text) == [(["县教体局"], [], []), (["县教体局"], [], [])]


# --------------------------------------------------------------------------- sentences


@pytest.mark.parametrize(("sentence", "lead", "co"), [
    ("由市市场监管局牵头，市公安局、市城管局配合，开展联合检查。", ["市市场监管局"], ["市公安局", "市城管局"]),
    ("主要由市教育局牵头，市公安局、市司法局配合开展。", ["市教育局"], ["市公安局", "市司法局"]),
    ("市市场监管局会同市教育局开展专项检查。", ["市市场监管局"], ["市教育局"]),
    ("市水利局联合市教育局开展巡查。", ["市水利局"], ["市教育局"]),
    ("由市交通运输局牵头，各乡镇负责落实。", ["市交通运输局"], ["各乡镇"]),
    ("市委宣传部负责组织新闻媒体开展宣传。", ["市委宣传部"], []),
])
def test_assignments_written_into_sentences(sentence, lead, co):
    for text in both("1.加强校园安全。" + sentence):
        assert units(text) == [(lead, co, [])]


# --------------------------------------------------------------------------- standing rules


@pytest.mark.parametrize("text", both("各项任务列第一位者为牵头单位（下同）。\n1.整治校园周边环境。（市市场监管局、市公安局、市城管局）\n2.加强安全教育。（责任单位：市教育局、市司法局）"))
def test_first_listed_unit_leads(text):
    assert units(text) == [(["市市场监管局"], ["市公安局", "市城管局"], []),
                           (["市教育局"], ["市司法局"], [])]


def test_without_the_rule_an_unlabelled_list_has_no_lead():
    assert units("1.整治校园周边环境。(市市场监管局、市公安局)") == [([], ["市市场监管局", "市公安局"], ["lead-missing"])]


@pytest.mark.parametrize("text", both("以下任务均需各区政府落实，不再一一列出。\n1.整治校园周边环境。（牵头单位：市市场监管局；责任单位：市公安局）\n2.加强安全教育。（牵头单位：市教育局）"))
def test_tasks_below_need_every_district_government(text):
    doc = parse_text(text)
    assert units(text) == [(["市市场监管局"], ["市公安局", "各区政府"], []), (["市教育局"], ["各区政府"], [])]
    assert doc.tasks[1].co[0].note.startswith("standing rule: 以下任务均需各区政府落实")
    assert doc.warnings == [f"line 1: standing rule \"{text.splitlines()[0][:-1]}\": 各区政府 added to the "
                            "co-operating units of every later task"]


def test_every_task_involves_the_prefectures():
    text = "具体任务均涉及相关市(州)人民政府,不再做分工,下同。\n1.整治校园周边环境。(牵头单位:省市场监管局;责任单位:省公安厅)"
    assert units(text) == [(["省市场监管局"], ["省公安厅", "相关市(州)人民政府"], [])]


def test_a_rule_applies_only_to_later_tasks():
    text = "1.整治校园周边环境。(牵头单位:市市场监管局)\n以下任务均需各区政府落实,不再一一列出。\n2.加强安全教育。(牵头单位:市教育局)"
    assert units(text) == [(["市市场监管局"], [], []), (["市教育局"], ["各区政府"], [])]


# --------------------------------------------------------------------------- pronouns, no units


def test_pronoun_stands_for_the_issuer():
    text = "青浦区教育局关于2023年校园安全工作的报告\n一、工作任务\n1.加强校园安全检查。我局负责会同公安青浦分局开展检查。"
    doc = parse_text(text)
    assert doc.meta.issuer == "青浦区教育局"
    lead = doc.tasks[0].lead[0]
    assert (lead.raw, lead.name) == ("我局", "青浦区教育局")
    assert [u.name for u in doc.tasks[0].co] == ["公安青浦分局"]


def test_a_task_naming_no_unit_has_none():
    assert units("二、主要任务\n1.加强校园安全文化建设。开展形式多样的主题活动。") == [([], [], ["lead-missing"])]


# --------------------------------------------------------------------------- layout variants


def test_a_trailer_after_sub_items_without_their_own_belongs_to_the_parent():
    text = ("（一）“一案三制”建设\n1.完善应急预案体系\n（1）加强应急预案管理。\n（2）加强应急预案演练。\n"
            "（责任单位：市应急局、市公安局）\n2.健全应急管理体制\n（1）推进三级应急管理机构建设。\n（牵头单位：市应急局）\n"
            "（2）加强基层应急管理。\n（牵头单位：市民政局）")
    doc = parse_text(text)
    assert [(t.number, t.title) for t in doc.tasks] == [("1", "完善应急预案体系"), ("1", "推进三级应急管理机构建设"),
                                                       ("2", "加强基层应急管理")]
    assert units(text) == [([], ["市应急局", "市公安局"], ["lead-missing"]), (["市应急局"], [], []),
                           (["市民政局"], [], [])]


def test_traditional_character_mirror_reads_like_the_original():
    doc = parse_text("二、主要任務\n1.加強校園巡邏。（牽頭單位：縣公安局；責任單位：縣教育局）")
    task = doc.tasks[0]
    assert [u.raw for u in task.lead] == ["縣公安局"]
    assert [u.raw for u in task.co] == ["縣教育局"]


def test_a_chapter_on_a_units_duties_leads_its_items():
    text = "第一章 学校职责\n1.落实安全管理主体责任。\n2.每学期开展1次应急演练。\n第二章 县公安局职责\n1.加强校园周边巡逻。"
    assert units(text) == [(["学校"], [], []), (["学校"], [], []), (["县公安局"], [], [])]


def test_a_heading_ending_like_a_unit_but_naming_none_is_not_a_unit_heading():
    assert units("（一）组建工作专班。抽调精干力量。\n（二）建立联席会议。定期会商。") == [([], [], ["lead-missing"])] * 2


def test_a_trailer_with_a_verb_right_after_the_title():
    for text in both("（一）加强校园周边巡逻（县公安局牵头，县教体局配合）\n每天巡查不少于2次。"):
        assert units(text) == [(["县公安局"], ["县教体局"], [])]
        assert parse_text(text).tasks[0].title == "加强校园周边巡逻"


def test_a_bare_unit_list_inside_a_sentence_is_not_a_trailer():
    assert units("1.各乡镇(街道)要与学校建立协同防控机制。(牵头单位:县卫健局)") == [(["县卫健局"], [], [])]


def test_an_unnumbered_paragraph_ending_in_a_trailer_is_a_task():
    text = "为做好校园安全工作，现提出如下要求。\n落实学校安全主体责任。（牵头单位：县教体局；责任单位：各乡镇）\n"
    doc = parse_text(text)
    assert [(t.number, t.title, t.text) for t in doc.tasks] == [(None, "落实学校安全主体责任", "")]
    assert units(text) == [(["县教体局"], ["各乡镇"], [])]


@pytest.mark.parametrize("text", both("1.整治校园周边环境。（责任单位：市市场监管局（牵头）、市公安局、市城管局）"))
def test_a_unit_marked_as_lead_inside_the_list(text):
    assert units(text) == [(["市市场监管局"], ["市公安局", "市城管局"], [])]


@pytest.mark.parametrize("text", both("1.加强学校物防建设。设置围墙，3年内实现全覆盖。责任单位：县教体局、县公安局；配合单位：各乡镇"))
def test_labels_without_brackets_after_the_last_sentence(text):
    doc = parse_text(text)
    assert units(text) == [(["县教体局", "县公安局"], ["各乡镇"], [])]
    assert doc.tasks[0].text.endswith("3年内实现全覆盖。")


# --------------------------------------------------------------------------- second round: real styles


@pytest.mark.parametrize("text", both("1.落实创业担保贷款。（市人社局、市财政局牵头，市委组织部、市商务局参加）"))
def test_trailer_two_leads_and_units_taking_part(text):
    assert units(text) == [(["市人社局", "市财政局"], ["市委组织部", "市商务局"], [])]


@pytest.mark.parametrize("text", both("附件1\n2025年重点工作任务清单\n一、县农业农村局牵头工作（2项）\n"
                                      "1.新建高标准农田1万亩。\n2.创建省级现代农业产业园。\n"
                                      "二、县住建局牵头工作（1项）\n3.改造老旧小区12个。"))
def test_sections_headed_by_the_unit_that_leads_their_work(text):
    assert units(text) == [(["县农业农村局"], [], [])] * 2 + [(["县住建局"], [], [])]


@pytest.mark.parametrize("text", both("（一）成立工作专班。抽调精干力量。\n（二）县教育局。负责学校安全。"))
def test_a_heading_that_opens_with_a_verb_names_no_unit(text):
    assert units(text) == [([], [], ["lead-missing"]), (["县教育局"], [], [])]


@pytest.mark.parametrize("text", both("各乡镇人民政府，县直各有关单位：\n现将《任务清单》印发给你们。\n"
                                      "一、压实责任。各单位要细化措施。\n二、加强调度。每月通报进展。\n"
                                      "某县人民政府办公室\n2025年3月1日\n某县重点任务清单\n"
                                      "1.建设污水处理厂。（牵头单位：县住建局）"))
def test_items_of_the_issuing_notice_are_not_tasks(text):
    doc = parse_text(text)
    assert [(t.number, [u.name for u in t.lead]) for t in doc.tasks if t.origin != "sentence"] == [("1", ["县住建局"])]
    # "各单位要细化措施。" is a duty in a sentence: a sentence task, not an item task
    assert [(t.origin, [u.name for u in t.lead]) for t in doc.tasks if t.origin == "sentence"] == [("sentence", ["各单位"])]
    assert [o.number for o in doc.outline] == ["一", "二", "1"]


RUN_IN = ("各县市区人民政府，市政府各部门：为做好就业工作，现提出以下意见： 一、实施就业优先战略 "
          "1.坚持就业优先。把稳定和扩大就业作为优先选项，纳入国民经济和社会发展规划及年度计划，"
          "各级财政专项资金优先给予支持。（市发展改革委牵头，市财政局参加） 2.扶持小微企业。落实税收优惠政策，"
          "加大创业担保贷款支持力度，帮助小微企业稳定岗位、扩大就业。（市财政局负责）")


@pytest.mark.parametrize("text", both(RUN_IN))
def test_a_plan_collapsed_into_one_line_splits_at_its_item_numbers(text):
    doc = parse_text(text)
    assert [(t.number, t.title) for t in doc.tasks] == [("1", "坚持就业优先"), ("2", "扶持小微企业")]
    assert units(text) == [(["市发展改革委"], ["市财政局"], []), (["市财政局"], [], [])]
    assert doc.text[doc.tasks[1].span.start:doc.tasks[1].span.start + 8] == "2.扶持小微企业"


def test_one_stray_space_before_a_number_splits_nothing():
    text = "1.推进全民参保。到2025年底，基本养老保险参保率达到95%以上，全面落实企业职工基本养老保险全国统筹，" * 3
    doc = parse_text(text + " 2、落实待遇调整。")
    assert [t.number for t in doc.tasks] == ["1"]


@pytest.mark.parametrize("text", both("二、主要任务\n1.控制煤炭消费总量。（牵头单位：区发改局）\n2.加大"))
def test_a_last_task_cut_off_mid_sentence_is_flagged(text):
    doc = parse_text(text)
    assert [t.flags for t in doc.tasks] == [[], ["truncated", "lead-missing"]]
    assert doc.warnings == ["body task body-2 (line 3): text ends mid-sentence (truncated)"]


@pytest.mark.parametrize("text", both("1.创建国家卫生县城。\n牵头责任单位：县卫健委\n主要协作单位：各乡镇人民政府\n"
                                      "监督方式：0557-1234567\n扫一扫在手机打开当前页"))
def test_page_furniture_after_the_last_task_is_no_part_of_it(text):
    doc = parse_text(text)
    assert [(t.text, t.flags) for t in doc.tasks] == [("", [])]
    assert units(text) == [(["县卫健委"], ["各乡镇人民政府"], [])]


@pytest.mark.parametrize("text", both("各乡镇人民政府，县直各部门：\n为做好防汛工作，现通知如下：\n"
                                      "一、排查隐患。县水利局负责排查水库隐患。\n二、储备物资。县应急局负责储备物资。\n"
                                      "某县人民政府办公室\n2025年6月1日\n（此件公开发布）"))
def test_a_notice_that_is_itself_the_plan_keeps_its_items_as_tasks(text):
    assert units(text) == [(["县水利局"], [], []), (["县应急局"], [], [])]


@pytest.mark.parametrize("text", both("附件：1.某区环境保护三年行动计划\n2018年任务清单\n2.某区水污染防治任务清单\n"
                                      "某区推进办\n2018年8月9日\n附件1\n某区环境保护任务清单\n"
                                      "1.完成水环境质量考核目标。（牵头单位：区生态环境局）\n"
                                      "2.推进雨污混接改造。（牵头单位：区建管委）\n3.整治黑臭河道。（牵头单位：区水务局）"))
def test_a_notices_list_of_attachments_is_not_a_list_of_tasks(text):
    doc = parse_text(text)
    assert [(t.number, [u.name for u in t.lead]) for t in doc.tasks] == [
        ("1", ["区生态环境局"]), ("2", ["区建管委"]), ("3", ["区水务局"])]


def test_sections_without_tasks_are_known_in_traditional_characters():
    text = "一、指導思想\n以習近平新時代中國特色社會主義思想為指導。\n二、重點任務\n(一)培育專業鎮。每年培育2個。(牽頭單位:縣工信局)"
    assert units(text) == [(["縣工信局"], [], [])]


def test_an_item_giving_two_units_two_duties_gives_two_tasks_with_one_number():
    for text in both("1.加强校园安全。县教体局要加强学校安全管理。县公安局要加强周边巡逻。"):
        doc = parse_text(text)
        assert [(t.number, t.title, [u.name for u in t.lead]) for t in doc.tasks] == [
            ("1", "加强校园安全", ["县教体局"]), ("1", "加强校园安全", ["县公安局"])]
        assert doc.tasks[1].text.startswith("县公安局要加强周边巡逻")
