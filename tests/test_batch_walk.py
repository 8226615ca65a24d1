"""Which files `policykit batch` picks up in a folder of downloaded notices."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from policykit.batch.walk import Problem, default_rules, extension, is_skipped_name, walk


def _touch(root: Path, rel: str, data: bytes = "关于印发工作方案的通知\n".encode()) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


@pytest.fixture
def downloads(tmp_path: Path) -> Path:
    """A folder as an analyst's browser and office suite leave it."""
    root = tmp_path / "notices"
    _touch(root, "蒙自市/蒙政办发〔2023〕37号.txt")
    _touch(root, "蒙自市/附件1.DOCX", b"PK\x03\x04")
    _touch(root, "蒙自市/~$附件1.DOCX")  # Word's lock file while the document is open
    _touch(root, "青浦区/职责分工.pdf", b"%PDF-1.7\n")
    _touch(root, "青浦区/职责分工.pdf.part")  # an unfinished download
    _touch(root, "青浦区/通知.htm", "<html><body>通知</body></html>".encode())
    _touch(root, "青浦区/content_123", "<!DOCTYPE html><html><body>通知</body></html>".encode())  # saved page, no extension
    _touch(root, "青浦区/show.aspx", "关于印发方案的通知".encode("gb18030"))
    _touch(root, "青浦区/表格.xlsx", b"PK\x03\x04")
    _touch(root, "青浦区/照片.jpg", b"\xff\xd8\xff\xe0")
    _touch(root, "青浦区/Thumbs.db")
    _touch(root, ".cache/old.txt")
    _touch(root, ".DS_Store")
    _touch(root, "草稿.tmp")
    _touch(root, "说明.text")
    return root


def test_folder_walk_takes_documents_and_skips_office_debris(downloads):
    found = [os.path.relpath(p, downloads) for p in walk([downloads])]
    assert found == [
        "蒙自市/蒙政办发〔2023〕37号.txt",
        "蒙自市/附件1.DOCX",
        "说明.text",
        "青浦区/content_123",
        "青浦区/show.aspx",
        "青浦区/职责分工.pdf",
        "青浦区/通知.htm",
    ]


def test_a_file_named_on_the_command_line_is_always_taken(downloads):
    lock = downloads / "蒙自市/~$附件1.DOCX"
    assert list(walk([lock])) == [str(lock)]


def test_missing_path_and_unlistable_folder_are_problems_not_crashes(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    _touch(locked, "a.txt")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running as root: permissions do not stop reading")
        items = list(walk([tmp_path / "nope.txt", locked]))
    finally:
        locked.chmod(0o755)
    assert items == [
        Problem(str(tmp_path / "nope.txt"), "No such file or directory"),
        Problem(str(locked), "cannot list folder: Permission denied"),
    ]


def test_the_runs_own_output_is_not_read_back(tmp_path):
    _touch(tmp_path, "a.txt")
    out = _touch(tmp_path, "out.txt", b"")
    info = out.stat()
    assert list(walk([tmp_path], exclude=frozenset({(info.st_dev, info.st_ino)}))) == [str(tmp_path / "a.txt")]


def test_symlinked_folders_are_not_followed(tmp_path):
    _touch(tmp_path, "real/a.txt")
    (tmp_path / "real" / "loop").symlink_to(tmp_path / "real", target_is_directory=True)
    (tmp_path / "link.txt").symlink_to(tmp_path / "real" / "a.txt")
    assert list(walk([tmp_path])) == [str(tmp_path / "link.txt"), str(tmp_path / "real" / "a.txt")]


@pytest.mark.parametrize("name, skipped", [
    ("~$工作方案.docx", True), (".~lock.方案.docx#", True), ("方案.docx.crdownload", True),
    ("方案.docx~", True), ("desktop.ini", True), ("方案.docx", False), ("2023年工作要点.txt", False),
])
def test_skipped_names(name, skipped):
    assert is_skipped_name(name, default_rules()) is skipped


def test_extension_is_case_blind():
    assert extension("关于印发通知.PDF") == ".pdf"
    assert extension("content_123") == ""
