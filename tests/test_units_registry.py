"""The registry is data: the bundled file is consistent, and a user's file extends it."""

from __future__ import annotations

from pathlib import Path

import pytest

from policykit.errors import InputError
from policykit.units import load_registry, normalise, parse_unit_list
from policykit.units.registry import KINDS, _bundled_data, build


def test_bundled_registry_is_consistent():
    reg = load_registry()
    assert len(reg.functions) >= 100
    assert {f.kind for f in reg.functions.values()} <= set(KINDS)
    for alias in reg.aliases.values():
        assert alias.canonical in reg.functions
    assert reg.lookup("卫健委").canonical == "卫生健康"
    assert reg.lookup("各乡镇（街道）").canonical == "乡镇街道"


def test_a_name_under_two_functions_is_an_error():
    data = {"levels": {"prefixes": ["县"]}, "function": [
        {"canonical": "教育", "kind": "government", "names": ["教育局"]},
        {"canonical": "体育", "kind": "government", "names": ["教育局"]}]}
    with pytest.raises(InputError, match="教育局 is listed under both 教育 and 体育"):
        build(data)


def test_bundled_data_has_no_unknown_keys():
    allowed = {"canonical", "kind", "standard", "province", "names", "bare", "combined", "former",
               "bare_former", "regional", "branch", "place_prefix", "keep_name", "notes"}
    for entry in _bundled_data()["function"]:
        assert set(entry) <= allowed, entry["canonical"]


def write(tmp_path, text):
    path = tmp_path / "extra.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_registry_file_adds_a_function_and_names(tmp_path):
    path = write(tmp_path, """
[[function]]
canonical = "绿化市容"
kind = "government"
standard = "绿化和市容管理局"
names = ["绿化和市容管理局", "绿化市容局"]

[[function]]
canonical = "教育"
names = ["教育事务中心"]
""")
    reg = load_registry(path)
    unit = normalise("区绿化市容局", registry=reg)
    assert (unit.canonical, unit.level, unit.known) == ("绿化市容", "区", True)
    assert normalise("区教育事务中心", registry=reg).canonical == "教育"
    # the bundled names are still there
    assert normalise("区教育局", registry=reg).canonical == "教育"
    assert normalise("区绿化市容局").known is False


def test_registry_file_overrides_where_a_name_belongs(tmp_path):
    path = write(tmp_path, """
[[function]]
canonical = "城市管理"
names = ["综合执法局"]

[[function]]
canonical = "综合执法"
kind = "government"
names = ["综合行政执法局"]
""")
    assert normalise("县综合行政执法局").canonical == "城市管理"
    assert normalise("县综合行政执法局", registry=path).canonical == "综合执法"


def test_registry_file_extends_the_levels(tmp_path):
    path = write(tmp_path, '[levels]\nprefixes = ["镇"]\n')
    unit = normalise("镇综治办", registry=path)
    assert (unit.canonical, unit.level) == ("政法", "镇")


@pytest.mark.parametrize("text, problem", [
    ("[[function]\n", "not valid TOML"),
    ('[[function]]\nkind = "government"\n', "has no canonical name"),
    ('[[function]]\ncanonical = "x"\nkind = "bureau"\n', "kind 'bureau' is not one of"),
    ('[[function]]\ncanonical = "x"\nnames = "x局"\n', "names must be a list of names"),
])
def test_bad_registry_file_is_one_clear_error(tmp_path, text, problem):
    path = write(tmp_path, text)
    with pytest.raises(InputError) as err:
        load_registry(path)
    assert err.value.path == str(path) and problem in err.value.problem


def test_missing_registry_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load_registry(tmp_path / "nope.toml")


def test_registry_argument_accepts_a_path_for_lists(tmp_path):
    path = write(tmp_path, '[[function]]\ncanonical = "绿化市容"\nkind = "government"\nnames = ["绿化市容局"]\n')
    assert [u.canonical for u in parse_unit_list("区绿化市容局、区教育局", registry=path)] == ["绿化市容", "教育"]


def test_docs_list_every_canonical_function_under_its_kind():
    docs = (Path(__file__).resolve().parent.parent / "docs" / "units.md").read_text(encoding="utf-8")
    table = {line.split("|")[1].strip(): set(line.split("|")[2].strip().split("、"))
             for line in docs.split("## Canonical functions")[1].splitlines() if line.startswith("| ")}
    for function in load_registry().functions.values():
        assert function.canonical in table.get(function.kind, set()), function.canonical
