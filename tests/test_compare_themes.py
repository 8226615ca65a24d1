"""Aligning tasks of different counties into themes."""

from __future__ import annotations

import pytest
from test_compare_fixtures import mengzi, qingpu, unit

from policykit.comparison import compare
from policykit.comparison.settings import load_settings
from policykit.comparison.themes import concepts, readable_title, tokenise, wordiness
from policykit.errors import InputError
from policykit.model import Document, Meta, Source, Task


def members(comparison, theme_id):
    return [(comparison.documents[t.doc].label, t.id) for t in comparison.theme(theme_id).tasks]


@pytest.fixture(scope="module")
def seeds():
    return compare([mengzi(), qingpu()])


def test_tokens_are_content_words_of_the_normalised_text():
    assert tokenise("强化学生心理健康教育", load_settings().stopwords) == ["学生", "心理健康", "教育"]
    # PDF wrap spaces are dropped before segmenting; 健全 and 机制 are stopwords.
    assert tokenise("健全学 校安全教 育机制", load_settings().stopwords) == ["学校", "安全", "教育"]


def test_wordiness_tells_pdf_garble_from_a_title():
    assert wordiness("强化学生心理健康教育") == 1.0
    assert wordiness("加学生育 中全和心教理 中本教理") < 0.5
    assert wordiness("校量监 强建 登 等 员 和 登 登 章 登 4 登 4 0 0 0") == 0.0


def test_seed_keywords_become_concepts():
    seeds = load_settings().seeds
    assert concepts("要加强师生心理疏导,推进心理辅导室建设", seeds) == {"#心理健康教育": 2}
    # "党组织领导的校长负责制" is not 组织领导 (a keyword must not be a substring of common phrases).
    assert "#组织领导" not in concepts("全面建立中小学校党组织领导的校长负责制", seeds)


def test_mental_health_tasks_of_both_counties_share_a_theme(seeds):
    theme = seeds.theme_of("青浦区", "table-2")
    assert members(seeds, theme.id) == [("蒙自市", "body-14"), ("青浦区", "table-2")]
    assert theme.label == "心理健康教育" and theme.seeded
    assert theme.score == pytest.approx(0.4952, abs=1e-4)


def test_every_theme_of_the_seed_fixtures(seeds):
    assert [(t.id, t.label, members(seeds, t.id)) for t in seeds.themes] == [
        ("T01", "安全管理责任制", [("蒙自市", "body-1")]),
        ("T02", "人防(保安)", [("蒙自市", "body-4"), ("青浦区", "table-9"), ("青浦区", "table-10")]),
        ("T03", "食品安全", [("蒙自市", "body-13"), ("青浦区", "table-16"), ("青浦区", "table-17")]),
        ("T04", "心理健康教育", [("蒙自市", "body-14"), ("青浦区", "table-2")]),
        ("T05", "警校联动", [("蒙自市", "body-16")]),
        ("T06", "安全教育培训", [("青浦区", "table-1")]),
        ("T07", "组织领导", [("青浦区", "table-30")]),
    ]


def test_a_task_without_counterpart_is_a_theme_of_its_own(seeds):
    theme = seeds.theme_of("蒙自市", "body-16")
    assert members(seeds, theme.id) == [("蒙自市", "body-16")]
    assert theme.score is None
    assert seeds.tasks[4].theme_score is None


def test_the_table_twin_of_a_body_task_is_the_same_task(seeds):
    assert seeds.theme_of("蒙自市", "table-14") is seeds.theme_of("蒙自市", "body-14")
    assert len([t for t in seeds.tasks if t.doc == 0]) == 5


def test_sub_rows_of_one_table_row_stay_together(seeds):
    # 青浦 row 9 has two sub-rows (区教育局 leads one, 公安青浦分局 the other).
    assert seeds.theme_of("青浦区", "table-9") is seeds.theme_of("青浦区", "table-10")


def _plan(label: str, *titles_texts: tuple[str, str]) -> Document:
    tasks = [Task(f"body-{i}", "body", str(i), [], title, text, [unit("县教育局", "教育")], [])
             for i, (title, text) in enumerate(titles_texts, start=1)]
    return Document(Source(f"{label}.txt", "txt", "utf-8", None, 0), Meta(region={"county": label}), tasks=tasks)


def test_two_tasks_of_one_document_never_share_a_theme():
    a = _plan("甲县", ("开展防溺水专项治理", "排查危险水域,设置警示标识,开展防溺水宣传教育。"))
    b = _plan("乙县", ("开展防溺水专项治理", "排查危险水域,设置警示标识。"),
              ("加强防溺水宣传", "开展防溺水宣传教育,发送防溺水提示短信。"))
    result = compare([a, b])
    assert [members(result, t.id) for t in result.themes] == [
        [("甲县", "body-1"), ("乙县", "body-1")],
        [("乙县", "body-2")],
    ]


def test_a_garbled_title_is_labelled_by_the_first_clause_of_its_text(seeds):
    task = next(t for t in seeds.tasks if t.id == "table-2")
    assert readable_title(task) == "加强中小学生生命教育和心理健康教育"


def test_a_theme_without_seed_is_labelled_by_its_cleanest_title():
    a = _plan("甲县", ("推进校园绿化美化", "开展校园绿化美化,种植花草树木。"))
    b = _plan("乙县", ("校园绿化", "推进校园绿化美化工作,种植树木。"))
    result = compare([a, b])
    assert [(t.label, t.seeded) for t in result.themes] == [("推进校园绿化美化", False)]


def test_a_settings_file_adds_seed_themes_and_changes_the_threshold(tmp_path):
    extra = tmp_path / "mine.toml"
    extra.write_text('[align]\nthreshold = 0.9\n\n[[theme]]\nlabel = "绿化"\nkeywords = ["绿化"]\n',
                     encoding="utf-8")
    a = _plan("甲县", ("推进校园绿化美化", "开展校园绿化美化,种植花草树木。"))
    b = _plan("乙县", ("校园绿化", "推进校园绿化美化工作,种植树木。"))
    result = compare([a, b], settings=extra)
    # 0.9 is too strict to join them; each keeps its own theme and the second seeded label is not reused.
    assert [(t.label, len(t.tasks)) for t in result.themes] == [("绿化", 1), ("校园绿化", 1)]


def test_a_broken_settings_file_names_the_file(tmp_path):
    extra = tmp_path / "bad.toml"
    extra.write_text("[align\nthreshold = ", encoding="utf-8")
    with pytest.raises(InputError, match="bad.toml: not valid TOML"):
        load_settings(extra)
    extra.write_text('[[theme]]\nlabel = "绿化"\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"\[\[theme\]\] number 1 needs a label and a keywords list"):
        load_settings(extra)


def test_a_task_bridging_two_topics_does_not_chain_them_into_one_theme():
    a = _plan("甲县", ("开展防溺水专项治理", "排查危险水域,设置警示标识,开展防溺水宣传教育。"))
    b = _plan("乙县", ("加强防溺水和交通安全宣传", "开展防溺水宣传教育,开展交通安全宣传教育。"))
    c = _plan("丙县", ("开展交通安全专项行动", "整治接送学生车辆,严查超载超速,开展交通安全宣传。"))
    result = compare([a, b, c])
    assert [(t.label, members(result, t.id)) for t in result.themes] == [
        ("防溺水", [("甲县", "body-1"), ("乙县", "body-1")]),
        ("交通安全", [("丙县", "body-1")]),
    ]


def test_identical_tasks_of_three_counties_make_one_theme_scored_by_their_mean_similarity():
    plans = [_plan(county, ("强化学生心理健康教育", "推进心理辅导室建设,每所中小学至少配备1名心理健康教师。"))
             for county in ("甲县", "乙县", "丙县")]
    result = compare(plans)
    assert [(t.label, len(t.tasks), t.score) for t in result.themes] == [("心理健康教育", 3, 1.0)]
