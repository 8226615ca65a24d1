"""Assignments written into sentences: 由X会同Y负责, X会同Y…, with the whole names of party units."""

from __future__ import annotations

import pytest

import policykit

CASES = [
    ("1.加强督导。由县教育督导室会同县委组织部负责开展校园安全督导。", ["县教育督导室"], ["县委组织部"]),
    ("1.加强宣传。县教育局会同县委宣传部、县委网信办开展宣传教育。", ["县教育局"], ["县委宣传部", "县委网信办"]),
    ("1.加强宣传。由县公安局联合县委政法委、县司法局，开展普法活动。", ["县公安局"], ["县委政法委", "县司法局"]),
    ("1.加强宣传。由县公安局联合县委政法委、县司法局,开展普法活动。", ["县公安局"], ["县委政法委", "县司法局"]),
]


@pytest.mark.parametrize(("text", "lead", "co"), CASES)
def test_sentence_assignments_keep_whole_names(text, lead, co):
    task = policykit.parse_text(text + "\n").tasks[0]
    assert ([u.name for u in task.lead], [u.name for u in task.co]) == (lead, co)
    assert "lead-missing" not in task.flags
