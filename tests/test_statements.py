"""Responsibility read clause by clause from running text (policykit.structure.statements).

Sentences are our own, in the shapes real notices, news items and reports use (PATTERNS.md,
corpora/blind/); each in full-width and ASCII punctuation.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policykit import parse_text
from policykit.evaluation import Counts, region_right, same_name, score_assignments
from policykit.structure.statements import commits, read_statements

ROOT = Path(__file__).resolve().parent.parent


def both(text: str) -> list[str]:
    ascii_ = text.translate(str.maketrans("（），；：。", "(),;:。"))
    return [text, ascii_] if ascii_ != text else [text]


def read(text: str) -> list[tuple[list[str], list[str], bool]]:
    return [([p.text for p in s.lead], [p.text for p in s.co], s.reported) for s in read_statements(text)]


@pytest.mark.parametrize(("sentence", "want"), [
    ("由县市场监管局牵头，县公安局、县教育局配合。", [(["县市场监管局"], ["县公安局、县教育局"], False)]),
    ("县住建局会同县自然资源局开展违建排查。", [(["县住建局"], ["县自然资源局"], False)]),
    ("县公安局配合县教育局做好校园周边治安整治。", [(["县教育局"], ["县公安局"], False)]),
    ("以县应急局为主，县消防救援大队参与。", [(["县应急局"], ["县消防救援大队"], False)]),
    ("在县委统一领导下，县委政法委具体负责。", [(["县委"], ["县委政法委"], False)]),
    ("县发展改革局、县财政局按职责分工负责。", [([], ["县发展改革局、县财政局"], False)]),
    ("县委组织部组织各乡镇开展培训。", [(["县委组织部"], ["各乡镇"], False)]),
    ("我局负责会同公安青浦分局开展检查。", [(["我局"], ["公安青浦分局"], False)]),
    ("县教育局负责校园安全，县公安局配合做好周边整治；县卫健局负责学校卫生监督。",
     [(["县教育局"], ["县公安局"], False), (["县卫健局"], [], False)]),
    ("9月30日，县双打办组织县市场监管局、县公安局等职能部门开展节前联合执法行动。",
     [(["县双打办"], ["县市场监管局、县公安局"], True)]),
    ("近日，县市场监管局联合县公安局开展了食品安全专项整治。", [(["县市场监管局"], ["县公安局"], True)]),
    ("8月27-28日，由县民政局牵头，县应急管理局、消防大队几家单位组成联合检查组，对养老机构进行排查。",
     [(["县民政局"], ["县应急管理局、消防大队"], True)]),
    ("此次行动由县生态环境局协同县工业园管委会等职能单位，采取突击检查。",
     [(["县生态环境局"], ["县工业园管委会"], False)]),
    ("下一步，区农业农村局将实地了解，与乡镇配合进行设计。", [(["区农业农村局"], ["乡镇"], False)]),
])
def test_shapes_of_assignment_in_a_sentence(sentence, want):
    for text in both(sentence):
        assert read(text) == want


@pytest.mark.parametrize("sentence", [
    "县委县政府高度重视安全生产工作。",          # attitude, no duty
    "向县教育局报告。",                        # the unit is an object
    "经县政府同意，现将方案印发给你们。",
    "县教育局印发的《通知》要求各校开展演练。",   # the unit issued a document
    "县政府研究确定了《2025年重要工作事项责任分工》。",
    "以下任务均需各区政府落实，不再一一列出。",   # a standing rule, read elsewhere
    "加强部门联动，开展校园周边环境专项整治。",   # 加强部门 is no unit
    "确保全部整治到位。",
])
def test_no_assignment_where_no_unit_is_given_a_duty(sentence):
    for text in both(sentence):
        assert read(text) == []


@pytest.mark.parametrize(("sentence", "want"), [
    # a unit list opening the clause is its subject, whatever verb follows
    ("教育部门统一制作防溺水宣传图册。", [(["教育部门"], [], False)]),
    ("各乡镇派出所每天到辖区重点水域开展巡查。", [(["各乡镇派出所"], [], False)]),
    ("县检查组联系河道管护单位深入现场检查。", [(["县检查组"], ["河道管护单位"], False)]),
    # 配合X at a clause start: X leads, the unit before helps
    ("县生态环境局负责砂石场后续处置，配合林场、法院对违规建设进行拆除。",
     [(["县生态环境局"], [], False), (["林场、法院"], ["县生态环境局"], False)]),
    # A、B负责，C配合: A and B lead; shared remits stay shared
    ("县卫健局、县医保局负责，县公安局配合，开展打击欺诈骗保专项行动。",
     [(["县卫健局、县医保局"], ["县公安局"], False)]),
    ("县教育局、县公安局按职责分工负责，各乡镇配合。", [([], ["县教育局、县公安局", "各乡镇"], False)]),
    # 由A、B…联合V with no object: together, none leads; a counted tail closes the list
    ("本次行动由县卫健委、县市场监管局、县公安局等6部门联合举行。", [([], ["县卫健委、县市场监管局、县公安局"], False)]),
    # units people are drawn from take part
    ("县学安委从城管、交警、教育等部门抽调精干人员，对学校周边开展整治。", [(["县学安委"], ["城管、交警、教育"], False)]),
    # units charged with a responsibility
    ("全面压实市、县两级学安委成员单位防溺水工作责任。", [(["市、县两级学安委成员单位"], [], False)]),
    ("强化行业部门监管责任、生产经营单位主体责任。", [([], ["行业部门", "生产经营单位"], False)]),
    # a news word in a later clause says nothing alone (a plan's "近期组织开展…" is to be done)
    ("为整治河道，近期县生态环境局联合县法院、县水利局等多部门开展联合执法。",
     [(["县生态环境局"], ["县法院、县水利局"], False)]),
])
def test_subjects_by_their_shape_and_frames_around_them(sentence, want):
    for text in both(sentence):
        assert read(text) == want


@pytest.mark.parametrize("sentence", [
    "市教育局局长张三在会上指出。",               # a person, not the bureau
    "2025年金乡县政府重要工作事项责任分工",       # a title: 要 in 重要 is no verb
    "桂东县人民政府办公室2017年5月27日印发",       # a signature
    "区人民政府办公室关于印发2024年工作要点的通知",  # a title
    "发布机构 | 金乡县人民政府办公室 | 组配分类",   # a page's field cells
    "促进社会和谐稳定作出了积极的努力。",          # 社 of 社会 ends no name
    "注：责任单位中列第一位的为牵头单位。",        # a rule about units
    "在县局西侧路口增加限速标志。",                # a place
    "中央人民政府网站 | 吉林省人民政府网站",       # page furniture
])
def test_no_subject_by_shape_where_there_is_no_unit_acting(sentence):
    for text in both(sentence):
        assert read(text) == []


def test_an_anaphor_names_the_unit_it_points_back_to():
    text = ("邻水县交警大队春运工作简报\n春运以来，广安市邻水县公安局全力以赴保障道路交通安全。"
            "截至目前，该局共开展集中统一行动9次。\n")
    doc = parse_text(text)
    named = [(u.raw, u.name) for t in doc.tasks for u in t.lead if u.raw == "该局"]
    assert named == [("该局", "广安市邻水县公安局")]


def test_a_notice_without_numbered_items_gives_its_sentence_tasks():
    text = ("桃江县人民政府办公室关于开展食品安全专项整治的通知\n各乡镇人民政府，县直各部门：\n"
            "为加强食品安全，经县政府同意，决定开展专项整治。由县市场监管局牵头，县公安局、县教育局配合。"
            "县卫健局负责医疗机构食堂检查，每月至少检查1次。全县共有学校120所。\n")
    for t in both(text):
        doc = parse_text(t)
        assert [(x.origin, x.title, [u.name for u in x.lead], [u.name for u in x.co]) for x in doc.tasks] == [
            ("sentence", None, ["县市场监管局"], ["县公安局", "县教育局"]),
            ("sentence", None, ["县卫健局"], [])]
        assert [(r.text, r.op, r.value) for r in doc.tasks[1].requirements] == [("每月至少检查1次", ">=", 1)]
        assert doc.requirements == []  # 全县共有学校120所 is background
        assert "no tasks found" not in " ".join(doc.warnings)
        span = doc.tasks[0].span
        assert t[span.start:span.end].startswith("由县市场监管局牵头")


def test_numbers_outside_tasks_count_only_when_their_clause_commits():
    assert commits("每村至少配备1名网格员")
    assert not commits("全县共有学校120所")
    assert not commits("出动执法人员20人次")
    assert not commits("全县森林覆盖率为65.3%")


def test_sentence_tasks_round_trip_through_json():
    from policykit.model import Document

    doc = parse_text("县公安局联合县交通运输局开展了道路安全整治。")
    again = Document.from_dict(json.loads(json.dumps(doc.to_dict(), ensure_ascii=False)))
    assert [(t.origin, t.title, t.flags) for t in again.tasks] == [("sentence", None, ["reported"])]
    assert again.requirements == []


# --------------------------------------------------------------------------- scoring


def test_scoring_matches_units_by_place_role_and_name():
    text = "由县市场监管局牵头，县公安局、教育局配合。县卫健局负责检查。"
    doc = parse_text(text)
    gold = {"assignments": [
        {"quote": "由县市场监管局牵头，县公安局、教育局配合", "style": "sentence", "lead": ["县市场监管局"],
         "co": ["县公安局", "教育局"]},
        {"quote": "县卫健局负责检查", "style": "sentence", "lead": [], "co": ["县卫健局"]}]}
    got = score_assignments(doc, text, gold)["sentence"]
    assert (got.tp, got.fp, got.fn) == (3, 1, 1)  # 县卫健局 read as lead where the gold says co
    anyrole = score_assignments(doc, text, gold, roles=False)["sentence"]
    assert (anyrole.tp, anyrole.fp, anyrole.fn) == (4, 0, 0)
    assert Counts(tp=9, fp=1, fn=1).f1 == 0.9


def test_names_match_with_a_shared_level_prefix_and_regions_at_the_deepest_level():
    assert same_name("教育局", {"市教育局"}) and not same_name("教育局", {"市公安局"})
    assert region_right({"province": "湖南省", "prefecture": "益阳市", "county": "桃江县"},
                        {"province": "湖南省", "prefecture": "益阳市", "county": "桃江县"})
    assert not region_right({"province": "湖南省", "prefecture": "益阳市", "county": "桃江县"},
                            {"province": "湖南省", "prefecture": "益阳市", "county": None})


def test_every_blind_gold_quote_is_in_its_text_once_and_first_contact_is_recorded():
    blind = ROOT / "corpora" / "blind"
    golds = sorted(blind.glob("*.gold.json"))
    assert len(golds) >= 50
    for g in golds:
        gold = json.loads(g.read_text(encoding="utf-8"))
        text = g.with_name(g.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
        for entry in gold["assignments"] + gold["requirements"]:
            assert text.count(entry["quote"]) == 1, (g.name, entry["quote"])
        first = json.loads(g.with_name(g.name.replace(".gold.json", ".first.json")).read_text(encoding="utf-8"))
        assert {"added", "batch", "commit", "assignments", "requirements"} <= set(first)


def test_the_accuracy_benchmark_prints_first_contact_and_current_figures():
    import subprocess
    import sys

    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "accuracy.py")], capture_output=True,
                         text=True, timeout=300, check=True).stdout
    assert "first contact | current" in out and "sentence" in out and "requirements" in out
    assert "unit names, function right" in out and "headers:" in out


def test_a_year_written_with_chinese_and_ascii_digits_mixed_is_read():
    from policykit.structure.meta import parse_date

    # real notices type 〇 as the digit 0: "二00八年六月十八日" (corpora/blind/anhui_quake_labor_jobs…)
    assert parse_date("二00八年六月十八日") == "2008-06-18"
    assert parse_date("二〇二三年五月六日") == "2023-05-06"


@pytest.mark.parametrize(("sentence", "want"), [
    # partners later in the subject's clause co-operate
    ("县人社局注重与住建、交通、水利等行业主管部门的协同联动。", [(["县人社局"], ["住建、交通、水利"], False)]),
    ("交管支队还将与区教育局等相关单位和部门建立合作机制。", [(["交管支队"], ["区教育局"], False)]),
    # a clause that is only its subject is read with the next
    ("县审计局与县政府督查室,就整改情况进行了逐项检查。", [([], ["县审计局与县政府督查室"], True)]),
    # an asker naming itself before 要求
    ("自治区党委、政府明确要求有关市、县(区)要高度重视安全工作。", [([], ["有关市、县(区)"], False)]),
    # 经 opening a bare function is no object marker
    ("经信、公安、交通等有关部门密切协作,帮助企业解决运输问题。", [([], ["经信、公安、交通"], False)]),
])
def test_partners_held_subjects_and_askers(sentence, want):
    for text in both(sentence):
        assert read(text) == want


def test_an_addressee_line_is_no_subject_held_for_the_next_clause():
    assert read("各县市区人民政府,市政府各部门:为做好就业工作,现提出以下意见:") == []


def test_a_mirror_that_glosses_every_character_with_pinyin_is_read_without_the_glosses():
    # real mirrors write "區(qū)醫(yī)保局" (corpora/blind/dazu_…, fengxian_…); spans keep pointing at the page
    text = "大足區(qū)市場監(jiān)管局聯(lián)合區(qū)醫(yī)保局、區(qū)公安局開展打擊欺詐騙保專項行動。"
    assert read(text) == [(["大足區(qū)市場監(jiān)管局"], ["區(qū)醫(yī)保局、區(qū)公安局"], False)]
    st = read_statements(text)[0]
    assert text[st.co[0].start:st.co[0].start + len(st.co[0].text)] == st.co[0].text
    from policykit.units import parse_unit_list

    assert [u.name for u in parse_unit_list(st.co[0].text)] == ["區醫保局", "區公安局"]


@pytest.mark.parametrize(("sentence", "want"), [
    ("县委政法委高度重视此提案办理工作,及时召开相关会议研究布置。", [(["县委政法委"], [], False)]),  # attitude, then the act
    ("县委县政府高度重视安全生产工作。", []),                                             # attitude alone
    ("县应急局要加强节日值守。", [(["县应急局"], [], False)]),                             # 应 of 应急 is no modal
    ("我局根据您的建议,开展了认真的调研和排查。", [(["我局"], [], True)]),                  # subject, basis, then the act
    ("市公安局依托网上政务服务平台,实现户政业务全程网办。", [(["市公安局"], [], False)]),  # 依托 ends the name
])
def test_attitudes_bases_and_modal_lookalikes(sentence, want):
    for text in both(sentence):
        assert read(text) == want


@pytest.mark.parametrize(("sentence", "want"), [
    # a deadline is no dated news opener
    ("县住建局牵头,县自然资源局配合,10月31日前完成排查整治。", [(["县住建局"], ["县自然资源局"], False)]),
    # 由于 opens no lead
    ("由于县教育局牵头不力,工作滞后。", []),
    # the places inspected are no partners
    ("县公安局加强对网吧和娱乐场所的联合检查。", [(["县公安局"], [], False)]),
    # a clause with a subject of its own is read alone after a held one
    ("县教育局,县公安局负责巡查。", [(["县公安局"], [], False)]),
])
def test_findings_of_the_round_3_review(sentence, want):
    for text in both(sentence):
        assert read(text) == want


def test_a_glossed_piece_standing_in_two_statements_is_moved_back_once():
    text = "縣(xiàn)公(gōng)安(ān)局(jú)负责,配合林场、法院对现场进行勘查。"
    sts = read_statements(text)
    assert [p.text for st in sts for p in st.lead + st.co] == [
        "縣(xiàn)公(gōng)安(ān)局", "林场、法院", "縣(xiàn)公(gōng)安(ān)局"]
