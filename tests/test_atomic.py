"""Outputs land whole or not at all, with ordinary permissions."""

from __future__ import annotations

import os
import stat

import pytest

from policykit import atomic


def test_failed_write_leaves_nothing_behind(tmp_path):
    target = tmp_path / "report.json"
    with pytest.raises(RuntimeError), atomic.atomic_path(target) as tmp:
        tmp.write_text("half")
        raise RuntimeError("boom")
    assert list(tmp_path.iterdir()) == []


def test_existing_output_survives_a_failed_rewrite(tmp_path):
    target = tmp_path / "corpus.jsonl"
    atomic.write_text(target, "old\n")
    with pytest.raises(RuntimeError), atomic.open_atomic_text(target) as fh:
        fh.write("new, half")
        raise RuntimeError("boom")
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["corpus.jsonl"]


def test_output_gets_umask_permissions_not_0600(tmp_path):
    old = os.umask(0o022)
    try:
        atomic.write_text(tmp_path / "plan.md", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "plan.md").stat().st_mode) == 0o644
