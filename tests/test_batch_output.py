"""What a batch writes: whole JSONL lines, a torn tail cut on resume, progress lines a person can read."""

from __future__ import annotations

import io
import json

from policykit.batch.jsonl import LineWriter, drop_torn_tail, iter_hashes
from policykit.batch.progress import BatchSummary, StderrProgress
from policykit.output import one_line
from policykit.text import printable

MENGZI_LINE = json.dumps({"schema": "policykit.document/1", "source": {"path": "蒙自.txt", "sha256": "a" * 64}},
                         ensure_ascii=False)
QINGPU_LINE = json.dumps({"schema": "policykit.document/1", "source": {"path": "青浦.txt", "sha256": "b" * 64}},
                         ensure_ascii=False)


def test_lines_are_appended_whole(tmp_path):
    out = tmp_path / "out.jsonl"
    with LineWriter(out, append=False) as writer:
        writer.write_line(MENGZI_LINE)
    with LineWriter(out, append=True) as writer:
        writer.write_line(QINGPU_LINE + "\n")
    assert out.read_text(encoding="utf-8") == MENGZI_LINE + "\n" + QINGPU_LINE + "\n"
    assert list(iter_hashes(out)) == ["a" * 64, "b" * 64]


def test_a_torn_last_line_is_cut(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_bytes((MENGZI_LINE + "\n" + QINGPU_LINE[:30]).encode("utf-8"))
    assert drop_torn_tail(out) == len(QINGPU_LINE[:30].encode("utf-8"))
    assert out.read_text(encoding="utf-8") == MENGZI_LINE + "\n"
    assert drop_torn_tail(out) == 0


def test_a_file_with_only_a_torn_line_becomes_empty(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text('{"schema": "policykit.docu', encoding="utf-8")
    assert drop_torn_tail(out) == 26
    assert out.read_bytes() == b""


def test_a_line_that_is_not_a_document_has_no_hash(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text(MENGZI_LINE + "\n\n" + '{"note": "hand-edited"}\n', encoding="utf-8")
    assert list(iter_hashes(out)) == ["a" * 64, None]


def test_line_separators_inside_text_are_escaped():
    # A PDF extraction can leave U+2028 in a cell; str.splitlines() would cut the JSONL line there.
    line = one_line(json.dumps({"text": "区教育局\u2028区卫生健康委"}, ensure_ascii=False))
    assert line == '{"text": "区教育局\\u2028区卫生健康委"}'
    assert line.splitlines() == [line]
    assert json.loads(line) == {"text": "区教育局\u2028区卫生健康委"}


def test_progress_line_counts_rate_and_time_left():
    stream = io.StringIO()
    progress = StderrProgress(stream, live=False, every=0)
    progress.start(300)
    progress.update(BatchSummary(done=100, failed=2, skipped=18, seconds=10.2))
    assert stream.getvalue() == "policykit: batch: 120/300 files, 2 failed, 18 skipped, 10.0 files/s, about 18s left\n"


def test_plain_progress_is_not_a_line_per_file():
    stream = io.StringIO()
    progress = StderrProgress(stream, live=False, every=5.0)
    progress.start(1000)
    for done in range(1000):
        progress.update(BatchSummary(done=done, seconds=1.0))
    assert stream.getvalue() == ""


def test_live_progress_is_cleared_before_an_error_line():
    stream = io.StringIO()
    progress = StderrProgress(stream, live=True)
    progress.every = 0
    progress.start(None)
    progress.update(BatchSummary(done=3, seconds=1.0))
    progress.failure("青浦区/职责分工.pdf", "not a PDF\n(starts with b'<html>')")
    assert stream.getvalue() == (
        "\r\x1b[Kpolicykit: batch: 3 files, 0 failed, 0 skipped, 3.0 files/s"
        "\r\x1b[Kpolicykit: error: 青浦区/职责分工.pdf: not a PDF (starts with b'<html>')\n"
    )


def test_summary_line():
    summary = BatchSummary(done=298, failed=2, skipped=12, duplicates=1, tasks=2345, seconds=12.4)
    assert summary.describe() == (
        "298 parsed (2,345 tasks), 2 failed, 12 skipped (already done), 1 duplicates, 12.4 s (24.2 files/s)")


def test_a_file_name_with_a_newline_stays_on_one_line():
    assert printable("下载/通知\n(1).txt") == "下载/通知\\n(1).txt"
    assert printable("蒙自 市 方案.txt") == "蒙自 市 方案.txt"
