"""Bundled data and users' TOML files are read one way, with one-line errors naming the file."""

from __future__ import annotations

import pytest

from policykit.datafiles import bundled, user_file
from policykit.errors import InputError


def test_bundled_files_are_found_in_the_package():
    assert "function" in bundled("units.toml")
    assert "sections" in bundled("draft", "adapt.toml")


@pytest.mark.parametrize(("content", "problem"), [
    (None, "no such file"),
    (b"name = \n", "not valid TOML"),
    (b"\xff\xfe\x00name", "not UTF-8 text"),
])
def test_user_file_problems_name_the_file(tmp_path, content, problem):
    path = tmp_path / "county.toml"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError, match=problem) as err:
        user_file(path)
    assert str(err.value).startswith(str(path)) and "\n" not in str(err.value)
