"""Lines: a labelled bracket wrapped over lines is read as one line, offsets kept."""

from __future__ import annotations

import pytest

from policykit.model import Paragraph, RawDocument, Span
from policykit.structure.assign import open_labelled_bracket
from policykit.structure.lines import join_wrapped_trailers, paragraph_lines


def lines_of(text: str) -> list[tuple[int, str]]:
    """(line number, raw) of every line after wrapped trailers are joined."""
    blocks, pos = [], 0
    for part in text.split("\n"):
        blocks.append(Paragraph(part, Span(pos, pos + len(part))))
        pos += len(part) + 1
    raw = RawDocument(text=text, format="txt", blocks=blocks, path="<text>", encoding="utf-8", sha256="")
    out = join_wrapped_trailers(paragraph_lines(raw), text)
    assert all(text[ln.start:ln.end] == ln.raw for ln in out)
    return [(ln.number, ln.raw) for ln in out]


def test_a_wrapped_trailer_is_one_line_holding_the_break():
    text = "1.加强巡逻。（牵头单位：县教育局；责任单位：县应急管理\n局）\n2.开展演练。"
    assert lines_of(text) == [(1, "1.加强巡逻。（牵头单位：县教育局；责任单位：县应急管理\n局）"), (3, "2.开展演练。")]


def test_a_remark_in_brackets_wrapping_is_left_alone():
    text = "1.加强文身管理。督促医疗卫生机构(含医疗美容\n机构)不得开展文身服务。"
    assert lines_of(text) == [(1, "1.加强文身管理。督促医疗卫生机构(含医疗美容"), (2, "机构)不得开展文身服务。")]


def test_joining_stops_at_a_blank_line_and_after_three_lines():
    assert lines_of("1.加强巡逻。(牵头单位:县公安局;\n\n责任单位:县教育局)") == [
        (1, "1.加强巡逻。(牵头单位:县公安局;"), (2, ""), (3, "责任单位:县教育局)")]
    assert [n for n, _ in lines_of("1.加强巡逻。(牵头单位:县公安局;责任单位:\nA局、\nB局、\nC局、\nD局)")] == [1, 2, 3, 4, 5]


@pytest.mark.parametrize(("line", "expected"), [
    ("每天巡查。(牵头单位:县教育局;责任单位:县应急管理", True),
    ("每天巡查。〔配合单位:县公安局、", True),
    ("每天巡查。(牵头单位:县教育局)", False),
    ("督促医疗机构(含医疗美容", False),
    ("每天巡查。(牵头单位", False),
])
def test_open_labelled_bracket(line, expected):
    assert open_labelled_bracket(line) is expected
