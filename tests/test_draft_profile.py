"""County profiles: the bundled examples load; every mistake is one line naming the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from policykit.errors import InputError
from policykit.profile import load_profile

PROFILES = Path(__file__).resolve().parent.parent / "corpora" / "profiles"


def test_jianshui_profile_reads_every_field():
    profile = load_profile(PROFILES / "jianshui.toml")
    assert (profile.name, profile.level, profile.province, profile.prefecture) == (
        "建水县", "县", "云南省", "红河哈尼族彝族自治州")
    assert profile.doc_number == "建政办发〔2024〕12号"
    assert profile.date == "2024-04-08"  # a TOML date becomes an ISO string
    assert profile.basis[0] == "《云南省校园安全防范能力提升三年行动计划(2022-2024年)》"
    assert profile.units == {"教育": "县教育体育局", "消防救援": "县消防救援大队"}
    assert profile.numbers["学校专职保安员培训及实操演练"] == 20


def test_other_province_and_district_profiles_load():
    anji = load_profile(PROFILES / "anji.toml")
    songjiang = load_profile(PROFILES / "songjiang.toml")
    assert (anji.name, anji.prefecture, anji.province) == ("安吉县", "湖州市", "浙江省")
    assert (songjiang.name, songjiang.level, songjiang.prefecture) == ("松江区", "区", None)
    assert songjiang.units == {"公安": "公安松江分局"}


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "county.toml"
    path.write_text(text, encoding="utf-8")
    return path


MINIMAL = 'name = "建水县"\nlevel = "县"\nprovince = "云南省"\n'


@pytest.mark.parametrize("text, problem", [
    ('level = "县"\nprovince = "云南省"\n', "name: required, a non-empty string"),
    ('name = "建水县"\nlevel = "乡"\nprovince = "云南省"\n', "level: expected one of 县, 市, 区, 旗, got '乡'"),
    ('name = "建水县"\nlevel = "区"\nprovince = "云南省"\n', "name '建水县' does not end with its level '区'"),
    (MINIMAL + 'date = "2024-4-8"\n', "date: expected an ISO date such as 2024-03-01, got '2024-4-8'"),
    (MINIMAL + 'doc_number = "建政办发[2024]12号"\n',
     "doc_number: expected a form like 建政办发〔2024〕12号, got '建政办发[2024]12号'"),
    (MINIMAL + 'basis = "《云南省…》"\n', 'basis: expected a list of document titles such as "《…》"'),
    (MINIMAL + '[units]\n"教育" = 3\n', "[units] '教育': expected str, got 3"),
    (MINIMAL + '[numbers]\n"专职保安员" = true\n', "[numbers] '专职保安员': expected int or float or str, got True"),
    (MINIMAL + 'counti = "x"\n', "unknown key 'counti'"),
    ('name = "建水县"\nlevel = 县\n', "not valid TOML"),
])
def test_profile_mistakes_are_one_line_naming_the_file(tmp_path, text, problem):
    path = _write(tmp_path, text)
    with pytest.raises(InputError) as err:
        load_profile(path)
    message = str(err.value)
    assert message.startswith(f"{path}: ")
    assert problem in message
    assert "\n" not in message


def test_missing_profile_names_the_path(tmp_path):
    with pytest.raises(InputError, match="nope.toml: no such file"):
        load_profile(tmp_path / "nope.toml")


def test_basis_titles_get_book_title_marks(tmp_path):
    profile = load_profile(_write(tmp_path, MINIMAL + 'basis = ["云南省校园安全防范能力提升三年行动计划"]\n'))
    assert profile.basis == ["《云南省校园安全防范能力提升三年行动计划》"]
