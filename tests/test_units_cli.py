"""`policykit units`: the CLI twin of policykit.units (SPEC: units)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from policykit.cli import main

UNIT_KEYS = {"raw", "name", "canonical", "level", "region", "kind", "known", "confidence"}


def run(*args):
    return CliRunner().invoke(main, ["units", *args])


def test_names_give_one_unit_each_in_input_order():
    result = run("区卫生健康 委", "团市委", "公安青浦分局")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [(u["raw"], u["name"], u["canonical"], u["level"]) for u in data] == [
        ("区卫生健康 委", "区卫生健康委", "卫生健康", "区"), ("团市委", "团市委", "共青团", "市"),
        ("公安青浦分局", "公安青浦分局", "公安", None)]
    assert all(UNIT_KEYS <= set(u) for u in data)


def test_split_cuts_a_raw_list_first():
    result = run("--split", "公安局、司法局市应急管理局", "--level", "市")
    data = json.loads(result.stdout)
    assert [(u["name"], u["canonical"], u["level"]) for u in data] == [
        ("公安局", "公安", "市"), ("司法局", "司法", "市"), ("市应急管理局", "应急管理", "市")]
    assert [u["span"] for u in data] == [{"start": 0, "end": 3}, {"start": 4, "end": 7}, {"start": 7, "end": 13}]


def test_table_is_aligned_columns():
    result = run("区卫生健康委", "各街镇", "-f", "table")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["raw", "name", "canonical", "level", "region", "kind", "known", "confidence"]
    assert lines[1].split() == ["区卫生健康委", "区卫生健康委", "卫生健康", "区", "-", "government", "yes", "1.0"]
    assert lines[2].split() == ["各街镇", "各街镇", "乡镇街道", "-", "-", "township", "yes", "1.0"]


def test_unknown_name_is_reported_not_forced():
    data = json.loads(run("区绿化市容局").stdout)
    assert (data[0]["known"], data[0]["canonical"]) == (False, None)


def test_registry_file_extends_the_vocabulary(tmp_path):
    extra = tmp_path / "sh.toml"
    extra.write_text('[[function]]\ncanonical = "绿化市容"\nkind = "government"\nnames = ["绿化市容局"]\n',
                     encoding="utf-8")
    data = json.loads(run("区绿化市容局", "--registry", str(extra)).stdout)
    assert (data[0]["canonical"], data[0]["known"]) == ("绿化市容", True)


def test_bad_registry_is_one_line_and_exit_1(tmp_path):
    extra = tmp_path / "bad.toml"
    extra.write_text("[[function]\n", encoding="utf-8")
    result = run("区教育局", "--registry", str(extra))
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line]
    assert len(lines) == 1 and lines[0].startswith(f"policykit: error: {extra}: not valid TOML")


def test_nothing_to_do_is_a_usage_error():
    result = run()
    assert result.exit_code == 2
    assert "give NAME..., --split TEXT or --doc FILE" in result.stderr


def test_doc_lists_the_units_of_a_parsed_document(qingpu_path):
    result = run("--doc", str(qingpu_path))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert all(UNIT_KEYS <= set(u) and u["known"] for u in data)
    # the first row of the duty table: 区教育局 leads, six units co-operate
    assert [(u["name"], u["canonical"]) for u in data[:7]] == [
        ("区教育局", "教育"), ("公安青浦分局", "公安"), ("区卫生健康委", "卫生健康"), ("区应急局", "应急管理"),
        ("区红十字会", "红十字会"), ("区消防救援支队", "消防救援"), ("各街镇", "乡镇街道")]


def test_doc_missing_file_is_one_line_and_exit_1(tmp_path):
    result = run("--doc", str(tmp_path / "nope.txt"))
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line]
    assert len(lines) == 1 and "nope.txt" in lines[0]
