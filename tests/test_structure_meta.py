"""Metadata, garbled-text detection and same_as linking, each on its own."""

from __future__ import annotations

import pytest

from policykit import parse_text
from policykit.china.dates import parse_date
from policykit.china.places import Region
from policykit.model import RawDocument
from policykit.parsing import parse_raw
from policykit.structure.garble import GarbleSettings, garbled_reason
from policykit.structure.link import align, similarity
from policykit.structure.meta import period_of, region_of

NOTICE = """建水县人民政府办公室关于印发建水县校园安全防范能力提升三年行动计划（2022—2024年）的通知
建政办发〔2023〕12号
各乡镇人民政府，县直各部门：
现将《建水县校园安全防范能力提升三年行动计划（2022—2024年）》印发给你们，请认真贯彻落实。
二〇二三年三月十五日
为贯彻落实《云南省校园安全防范能力提升三年行动计划(2022-2024年)》和《中华人民共和国未成年人保护法》，制定本方案。
依据《云南省校园安全防范能力提升三年行动计划(2022-2024年)》。
"""


def test_notice_header_without_a_field_block():
    meta = parse_text(NOTICE).meta
    assert meta.title.startswith("建水县人民政府办公室关于印发")
    assert meta.issuer == "建水县人民政府办公室"
    assert meta.doc_number == "建政办发〔2023〕12号"
    assert (meta.published, meta.signed) == (None, "2023-03-15")
    assert meta.region == {"code": "532524", "evidence": "issuer: 建水县", "confidence": 1.0,
                           "province": "云南省", "prefecture": "红河哈尼族彝族自治州", "county": "建水县",
                           "level": "county"}
    assert meta.period == {"start": 2022, "end": 2024}
    assert meta.references == ["《云南省校园安全防范能力提升三年行动计划(2022-2024年)》", "《中华人民共和国未成年人保护法》"]


def test_fields_from_an_html_reader():
    raw = RawDocument(text="正文\n", format="html", blocks=[], path="notice.html",
                      fields={"发布机构": "青浦区教育局", "文号": "青教〔2023〕5号", "发布日期": "2023-06-01",
                              "信息名称": "关于加强校园安全工作的通知"})
    meta = parse_raw(raw).meta
    assert (meta.title, meta.issuer, meta.doc_number, meta.published) == (
        "关于加强校园安全工作的通知", "青浦区教育局", "青教〔2023〕5号", "2023-06-01")
    assert meta.region["county"] == "青浦区" and meta.region["province"] == "上海市"


@pytest.mark.parametrize(("text", "iso"), [
    ("2023年5月6日", "2023-05-06"), ("二〇二三年十二月三十一日", "2023-12-31"), ("2023-05-09", "2023-05-09"),
    ("2023.5.9", "2023-05-09"), ("2023年13月1日", None), ("5月6日", None),
])
def test_dates(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize(("doc_number_line", "expected"), [
    ("蒙政办发[2023]37号", "蒙政办发[2023]37号"), ("蒙政办发(2023)37号", "蒙政办发(2023)37号"),
])
def test_doc_number_brackets(doc_number_line, expected):
    assert parse_text("关于印发方案的通知\n" + doc_number_line + "\n").meta.doc_number == expected


def test_regions_and_unit_levels():
    assert region_of("红河州教育体育局") == {"province": "云南省", "prefecture": "红河哈尼族彝族自治州",
                                         "county": None, "level": "prefecture"}
    assert region_of("云南省人民政府办公厅")["level"] == "province"
    assert region_of("某某县人民政府")["county"] is None  # a placeholder is no place
    assert region_of("深化全县改革")["county"] is None
    assert Region.from_dict({"county": "青浦区"}).own_level() == ("区", "青浦")
    assert Region.from_dict({"county": "蒙自市"}).own_level() == ("市", "蒙自")
    assert Region.from_dict({"prefecture": "红河哈尼族彝族自治州"}).own_level() == ("州", "红河")
    assert Region.from_dict({"county": "金平苗族瑶族傣族自治县"}).own_level() == ("县", "金平")
    assert Region.from_dict({"province": "广西壮族自治区"}).own_level() == ("自治区", "广西")


def test_period_in_title_or_text():
    assert period_of("三年行动计划（2023—2025年）") == {"start": 2023, "end": 2025}
    assert period_of("2025-2023年") is None


@pytest.mark.parametrize(("text", "reason"), [
    ("大大大大大大大大大大大大大大大大", "repetition"),
    ("二、有及全种,是一个人,是一个人,是一个人,是一个人,也不是一个人,也不是一个人", "repetition"),
    ("7、校量监 强建 登 等 员 和 登 登 章 登 4 登", "scattered characters"),
    ("这是一段 正常的文字 后面跟着 编码 4 0 1 2 0 3 再接 一些 正常的 文字内容 结束", "digit run"),
])
def test_garbled_text(text, reason):
    assert garbled_reason(text) == reason


@pytest.mark.parametrize("text", [
    "同步推进学校宿舍“六T”(天天安全保障、天天人性服务、天天规范管理、天天行为育人)实务管理模式",
    "区府 办 各街镇", "健全学 校安全 事故和突 发事件应 对处置机", "GB/T29315-2022", "短",
])
def test_real_text_is_not_garbled(text):
    assert garbled_reason(text) is None


def test_garble_thresholds_live_in_one_place():
    assert garbled_reason("大大大大大大大大", GarbleSettings(min_repeats=20)) is None


def test_title_similarity_and_order_keeping_alignment():
    assert similarity("开展“防溺水”专项行动", "开展“防溺水”专项治理") == 0.75
    body = ["加强学校人防建设", "加强学校物防建设", "加强学校技防建设"]
    rows = ["加强学校物防建设", "加强学校技防建设", "强化警校联动"]
    assert align(body, rows) == [(1, 0), (2, 1)]


def test_body_and_table_tasks_link_both_ways_by_title_not_position():
    text = ("二、主要任务\n1.加强学校人防建设。(牵头单位:县教体局)\n2.强化警校联动。(牵头单位:县公安局)\n"
            "附件\n任务清单\n序号\t重点任务\t牵头单位\t责任单位\n1\t强化警校联动\t县公安局\t县教体局\n")
    doc = parse_text(text)
    assert [(t.id, t.same_as) for t in doc.tasks] == [("body-1", None), ("body-2", "table-1"), ("table-1", "body-2")]


def test_a_garbled_body_task_is_flagged_and_named_in_the_warnings():
    doc = parse_text("二、主要任务\n1.加强人防。大大大大大大大大大大大大。(牵头单位:县教体局)")
    assert doc.tasks[0].flags == ["garbled"]
    assert doc.warnings == ["body task body-1 (line 2): text garbled (repetition)"]


def test_web_page_furniture_fields_on_one_line():
    page = ("首页 > 政务公开 > 政策文件\n绛县人民政府办公室 关于印发绛县促进专业镇高质量发展 实施方案的通知\n"
            "绛政办发〔2023〕14号\n发布日期:2023-09-01 10:51 来源: 绛县人民政府 【字体:大 中 小】 打印本页\n"
            "各乡(镇)人民政府,县直各有关单位:\n2023年9月1日\n")
    meta = parse_text(page).meta
    assert meta.title == "绛县人民政府办公室 关于印发绛县促进专业镇高质量发展 实施方案的通知"
    assert (meta.issuer, meta.doc_number, meta.published, meta.signed) == (
        "绛县人民政府办公室", "绛政办发〔2023〕14号", "2023-09-01", "2023-09-01")


def test_source_field_names_the_issuer_when_nothing_else_does():
    meta = parse_text("校园安全工作要点\n来源: 青浦区教育局 【字体:大 中 小】\n").meta
    assert (meta.title, meta.issuer) == ("校园安全工作要点", "青浦区教育局")


def test_field_table_with_bars_and_spaced_names():
    page = ("索引号: | 11341602003166647K/202004-00328 | 信息分类: | 规范性文件 |\n"
            "发布机构: | 谯城区政府(办公室) | 主题分类: | 综合政务 / 公民 / 通知 |\n"
            "成文日期: | 发布日期: | 2020-04-09 08:44 | |\n发文字号: | 无 | 有 效 性: | 失效 |\n"
            "标 题: | 亳州市谯城区人民政府办公室关于印发2020年政府工作报告重点工作任务分解表的通知 | ||\n")
    meta = parse_text(page).meta
    assert meta.title == "亳州市谯城区人民政府办公室关于印发2020年政府工作报告重点工作任务分解表的通知"
    assert (meta.issuer, meta.published, meta.doc_number) == ("谯城区政府(办公室)", "2020-04-09", None)


def test_bulleted_fields():
    page = "• 索引号:6735597301/2021-1801120\n  • 发布机构:县人民政府办公室\n  • 公开范围:全部公开\n  • 公开日期:2021-03-23\n"
    meta = parse_text(page).meta
    assert (meta.issuer, meta.published) == ("县人民政府办公室", "2021-03-23")


# --------------------------------------------------------------------------- second round: real page headers


def test_article_source_and_posting_time_give_issuer_and_date():
    meta = parse_text("县卫健委2021年政府工作报告任务分解\n"
                      "文章来源：灵璧县卫生健康委员会 浏览量: 发表时间：2021-05-07 10:49 责任编辑：卫健委政务公开\n"
                      "1.创建国家卫生县城。\n").meta
    assert (meta.title, meta.issuer, meta.published) == ("县卫健委2021年政府工作报告任务分解", "灵璧县卫生健康委员会",
                                                         "2021-05-07")
    assert meta.region == {"province": "安徽省", "prefecture": "宿州市", "county": "灵璧县", "level": "county",
                           "code": "341323", "evidence": "issuer: 灵璧县", "confidence": 1.0}


def test_the_body_signing_the_notice_is_the_issuer():
    meta = parse_text("县直各有关单位：\n经县政府同意，现将任务分解印发给你们。\n沁县人民政府办公室\n2025年5月18日\n"
                      "2025年县政府工作报告任务清单\n").meta
    assert (meta.title, meta.issuer, meta.signed) == ("2025年县政府工作报告任务清单", "沁县人民政府办公室", "2025-05-18")
    assert meta.region["county"] == "沁县" and meta.region["province"] == "山西省"


def test_a_sentence_or_an_item_is_not_a_title():
    assert parse_text("一、深入实施就业优先发展战略\n（一）建立联动机制。\n").meta.title is None


def test_title_without_the_doc_number_and_table_bars_after_it():
    meta = parse_text("杭州市拱墅区人民政府办公室关于印发大气污染防治2018年实施计划的通知 拱政办发〔2018〕42号\n").meta
    assert (meta.title, meta.doc_number) == ("杭州市拱墅区人民政府办公室关于印发大气污染防治2018年实施计划的通知",
                                             "拱政办发〔2018〕42号")
    assert meta.region == {"province": "浙江省", "prefecture": "杭州市", "county": "拱墅区", "level": "county",
                           "code": "330105", "evidence": "issuer: 杭州市拱墅区", "confidence": 1.0}
    assert parse_text("济宁市人民政府关于做好就业创业工作的意见 |\n").meta.title == "济宁市人民政府关于做好就业创业工作的意见"


def test_a_cited_documents_number_is_not_ours():
    text = "济宁市人民政府关于做好就业创业工作的意见\n为贯彻落实国务院《关于做好就业创业工作的意见》（国发〔2015〕23号）精神。\n"
    meta = parse_text(text).meta
    assert meta.doc_number is None
    assert meta.references == ["《关于做好就业创业工作的意见》"]


def test_field_table_flattened_with_bars():
    meta = parse_text("索 引 号 | 11370828593615886A/2025-00693 | 公开方式 | 主动公开 |\n"
                      "发布机构 | 金乡县人民政府办公室 | 组配分类 | 金政发 |\n成文日期 | 2025-02-28 | 废止日期 | |\n"
                      "2025年金乡县政府重要工作事项责任分工\n").meta
    assert (meta.title, meta.issuer, meta.signed) == ("2025年金乡县政府重要工作事项责任分工", "金乡县人民政府办公室",
                                                      "2025-02-28")
    assert meta.region["county"] == "金乡县" and meta.region["prefecture"] == "济宁市"


def test_a_page_label_is_not_a_title():
    assert parse_text("全文\n以习近平新时代中国特色社会主义思想为指导,深化改革。\n").meta.title is None


def test_a_party_committee_office_names_its_county():
    assert region_of("中共嵊泗县委办公室嵊泗县人民政府办公室") == {
        "province": "浙江省", "prefecture": "舟山市", "county": "嵊泗县", "level": "county"}


def test_traditional_title_is_found_over_a_lead_in_sentence():
    meta = parse_text("東府〔2021〕54號\n東莞市人民政府關于貫徹落實《廣東省穩定就業若干政策措施》的實施意見\n"
                      "各鎮人民政府(街道辦事處),市府直屬各單位:\n為貫徹落實《廣東省人民政府關于印發廣東省穩定就業若干政策措施的通知》"
                      ",提出如下意見:\n").meta
    assert (meta.title, meta.issuer, meta.doc_number) == (
        "東莞市人民政府關于貫徹落實《廣東省穩定就業若干政策措施》的實施意見", "東莞市人民政府", "東府〔2021〕54號")
    assert meta.references[0] == "《廣東省穩定就業若干政策措施》"
    assert meta.region["prefecture"] == "东莞市"
