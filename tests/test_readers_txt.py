"""Reading plans saved as text: any encoding Chinese offices use, any line ending."""

from __future__ import annotations

import pytest
from builders import MENGZI, write_text

from policykit.errors import InputError
from policykit.model import Span
from policykit.readers import detect_format, read
from policykit.readers.limits import MB, Limits

PLAN = "蒙自市校园安全防范工作方案\n一、总体目标\n每所中小学至少配备1名专(兼)职心理健康教师。\n(牵头单位:市教育体育局;责任单位:市公安局)\n"
LINES = PLAN.splitlines()


def _texts(raw):
    return [p.text for p in raw.blocks]


@pytest.mark.parametrize("encoding, expected", [
    ("utf-8", "utf-8"),
    ("utf-8-sig", "utf-8"),
    ("gb18030", "gb18030"),
    ("gbk", "gb18030"),
    ("utf-16", "utf-16-le"),  # Python writes a little-endian BOM
    ("utf-16-be-bom", "utf-16-be"),
    ("utf-16-le", "utf-16-le"),  # no BOM: charset-normalizer recognises it
    ("utf-16-be", "utf-16-be"),
])
def test_every_common_encoding_reads_back_the_same_lines(tmp_path, encoding, expected):
    path = tmp_path / "plan.txt"
    if encoding == "utf-16-be-bom":
        path.write_bytes(b"\xfe\xff" + PLAN.encode("utf-16-be"))
    else:
        write_text(path, PLAN, encoding)
    raw = read(path)
    assert raw.encoding == expected
    assert raw.text == PLAN
    assert _texts(raw) == LINES
    assert raw.warnings == []


def test_big5_traditional_text_is_detected(tmp_path):
    text = "臺北市政府教育局關於加強校園安全防範工作的通知\n一、總體目標\n各級學校應於每學期至少辦理一次演練。\n"
    raw = read(write_text(tmp_path / "notice.txt", text, "big5"))
    assert raw.encoding == "big5"
    assert _texts(raw) == text.splitlines()


def test_the_whole_mengzi_seed_in_gb18030_reads_identically(tmp_path):
    seed = read(MENGZI)
    raw = read(write_text(tmp_path / "mengzi.txt", seed.text, "gb18030"))
    assert raw.encoding == "gb18030"
    assert raw.text == seed.text
    assert _texts(raw) == _texts(seed)


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_crlf_cr_and_lf_give_the_same_paragraphs_with_spans_into_the_text_as_read(tmp_path, newline):
    raw = read(write_text(tmp_path / "plan.txt", PLAN, "gb18030", newline=newline))
    assert raw.text == PLAN.replace("\n", newline)
    assert _texts(raw) == LINES
    for block in raw.blocks:
        assert raw.text[block.span.start:block.span.end] == block.text
    assert raw.blocks[1].span == Span(13 + len(newline), 19 + len(newline))


def test_empty_lines_are_kept_so_line_numbers_match_the_file(tmp_path):
    raw = read(write_text(tmp_path / "plan.txt", "附件\n\n重点工作任务清单", "utf-8"))
    assert _texts(raw) == ["附件", "", "重点工作任务清单"]


def test_a_few_broken_bytes_are_replaced_and_counted(tmp_path):
    data = "一、总体目标\n".encode("gb18030") + b"\xff\xff" + "二、主要任务\n".encode("gb18030")
    path = tmp_path / "cut.txt"
    path.write_bytes(data)
    raw = read(path)
    assert raw.encoding == "gb18030"
    assert raw.text == "一、总体目标\n\ufffd\ufffd二、主要任务\n"
    assert raw.warnings == ["2 undecodable byte sequences replaced by U+FFFD (read as gb18030)"]


def test_utf8_with_one_cut_character_stays_utf8(tmp_path):
    data = "一、总体目标\n二、主要任务".encode() + "三".encode()[:2]
    path = tmp_path / "cut.txt"
    path.write_bytes(data)
    raw = read(path)
    assert raw.encoding == "utf-8"
    assert _texts(raw) == ["一、总体目标", "二、主要任务\ufffd"]
    assert raw.warnings == ["1 undecodable byte sequence replaced by U+FFFD (read as utf-8)"]


def test_empty_and_whitespace_files_are_refused(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b"\r\n  \r\n")
    with pytest.raises(InputError) as err:
        read(empty)
    assert err.value.problem == "empty file"
    with pytest.raises(InputError) as err:
        read(blank)
    assert err.value.problem == "empty file (whitespace only)"


def test_random_bytes_without_nul_are_refused(tmp_path):
    import random

    rng = random.Random(7)
    junk = tmp_path / "photo.txt"
    junk.write_bytes(bytes(rng.choice(range(1, 256)) for _ in range(5000)))
    with pytest.raises(InputError) as err:
        read(junk)
    assert err.value.problem.startswith("binary data, not text (")


def test_binary_junk_is_refused(tmp_path):
    junk = tmp_path / "scan.txt"
    junk.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(InputError) as err:
        read(junk)
    assert err.value.problem.startswith("binary data, not text (contains NUL bytes;")


def test_a_txt_that_is_really_a_web_page_goes_to_the_html_reader(tmp_path):
    page = tmp_path / "notice.txt"
    page.write_text("<!DOCTYPE html><html><head><title>通知</title></head><body></body></html>", encoding="utf-8")
    assert detect_format(page) == "html"
    assert detect_format(MENGZI) == "txt"


def test_a_50_mb_text_file_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "big.txt"
    line = "(牵头单位:市教育体育局;责任单位:市公安局)\n".encode()
    with big.open("wb") as fh:
        fh.write(line * (50 * MB // len(line) + 1))
    with pytest.raises(InputError) as err:
        read(big)
    assert err.value.problem == ("text file too large (50.0 MB; the limit for text and HTML is 20 MB, "
                                 "Limits.max_text_bytes)")


def test_the_text_limit_is_a_setting(tmp_path):
    plan = write_text(tmp_path / "plan.txt", PLAN * 3000, "utf-8")  # 0.5 MB
    assert len(read(plan, Limits(max_text_bytes=1 * MB)).blocks) == 4 * 3000
    with pytest.raises(InputError) as err:
        read(plan, Limits(max_text_bytes=MB // 4))
    assert "the limit for text and HTML is 256 KB" in err.value.problem


def test_any_file_over_the_outright_limit_is_refused_without_reading(tmp_path):
    huge = tmp_path / "huge.pdf"
    with huge.open("wb") as fh:
        fh.truncate(201 * MB)  # sparse: nothing is written
    with pytest.raises(InputError) as err:
        read(huge)
    assert err.value.problem == "file too large (201 MB; the limit is 200 MB, Limits.max_file_bytes)"
