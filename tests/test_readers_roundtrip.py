"""The same plan in every format parses into the same tasks as its text seed.

The Mengzi seed is rebuilt as GB18030 and UTF-16 text, as a Word file with
automatic numbering and merged cells, as a PDF with a ruled table over pages,
and as its notice web page; each is parsed with ``policykit.parse`` and
compared with the parse of the seed on what a user reads off a task: origin,
number, title, lead and co-operating unit names.
"""

from __future__ import annotations

import pytest
from builders import MENGZI, build_mengzi_docx, build_mengzi_html, build_mengzi_pdf, write_text

import policykit


def _summary(doc):
    return [(t.origin, t.number, t.title, [u.name for u in t.lead], [u.name for u in t.co]) for t in doc.tasks]


@pytest.fixture(scope="module")
def seed_tasks():
    tasks = _summary(policykit.parse(MENGZI))
    assert len(tasks) == 47  # 20 in the body, 20 rows of its task list, 6 statements in 保障措施, its addressees
    return tasks


def _gb18030(path):
    return write_text(path.with_suffix(".txt"), MENGZI.read_text(encoding="utf-8"), "gb18030", newline="\r\n")


def _utf16(path):
    return write_text(path.with_suffix(".txt"), MENGZI.read_text(encoding="utf-8"), "utf-16")


BUILDERS = {
    "gb18030": _gb18030,
    "utf16": _utf16,
    "docx": lambda path: build_mengzi_docx(path.with_suffix(".docx")),
    "pdf": lambda path: build_mengzi_pdf(path.with_suffix(".pdf")),
    "html": lambda path: build_mengzi_html(path.with_suffix(".html")),
}


@pytest.fixture(scope="module")
def parsed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("roundtrip")
    return {fmt: _summary(policykit.parse(build(folder / "mengzi"))) for fmt, build in BUILDERS.items()}


@pytest.mark.parametrize("fmt", list(BUILDERS))
def test_every_format_gives_the_seed_body_tasks_and_every_tasks_units(parsed, seed_tasks, fmt):
    tasks = parsed[fmt]
    assert tasks[:20] == seed_tasks[:20]  # the body tasks, with their trailers
    assert [t[3:] for t in tasks] == [t[3:] for t in seed_tasks]  # every lead and co-unit, table rows too


@pytest.mark.parametrize("fmt", list(BUILDERS))
def test_every_format_parses_into_the_seed_tasks(parsed, seed_tasks, fmt):
    # The built task lists carry the real layout (重点任务 spanning the group and task columns,
    # group cells merged down); the text seed has it flattened one cell per line.
    assert parsed[fmt] == seed_tasks
