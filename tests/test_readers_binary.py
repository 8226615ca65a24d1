"""Files that are no document at all: photos, archives, databases and random bytes in a folder of plans."""

from __future__ import annotations

import gzip
import random
import sqlite3
import zipfile
import zlib

import pytest
from builders import MENGZI, build_minimal_docx, write_text

from policykit.batch.walk import walk
from policykit.errors import InputError
from policykit.readers import detect_format, read


def _png(path):
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")

    header = (1).to_bytes(4, "big") * 2 + bytes([8, 0, 0, 0, 0])
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0\0"))
                     + chunk(b"IEND", b""))


def _jpeg(path):
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01" + bytes(range(1, 200)))


def _gif(path):
    path.write_bytes(b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01;")


def _gzip(path):
    path.write_bytes(gzip.compress("一、总体目标".encode()))


def _sevenzip(path):
    path.write_bytes(b"7z\xbc\xaf'\x1c\x00\x04" + bytes(random.Random(1).randrange(256) for _ in range(300)))


def _sqlite(path):
    with sqlite3.connect(path) as db:
        db.execute("create table plan (task text)")
    db.close()


def _zip_of_photos(path):
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photos/1.jpg", b"\xff\xd8\xff\xe0")


BINARIES = [
    (_png, "a PNG image, not a document"),
    (_jpeg, "a JPEG image, not a document"),
    (_gif, "a GIF image, not a document"),
    (_gzip, "a gzip archive, not a document"),
    (_sevenzip, "a 7z archive, not a document"),
    (_sqlite, "an SQLite database, not a document"),
    (_zip_of_photos, "a zip archive without word/document.xml, not a DOCX"),
]


@pytest.mark.parametrize("make, problem", BINARIES, ids=[make.__name__.strip("_") for make, _ in BINARIES])
def test_a_file_without_extension_that_is_no_document_is_binary(tmp_path, make, problem):
    path = tmp_path / "download"
    make(path)
    assert detect_format(path) == "binary"
    with pytest.raises(InputError) as err:
        read(path)
    assert err.value.problem == problem


def test_a_photo_saved_as_txt_is_refused_as_a_photo(tmp_path):
    path = tmp_path / "现场照片.txt"
    _jpeg(path)
    with pytest.raises(InputError) as err:
        read(path)
    assert err.value.problem == "a JPEG image, not a document"


def test_a_zip_named_docx_is_still_a_broken_docx(tmp_path):
    path = tmp_path / "plan.docx"
    _zip_of_photos(path)
    with pytest.raises(InputError) as err:
        detect_format(path)
    assert err.value.problem == "a zip archive without word/document.xml, not a DOCX"


def _random_high_bytes(n: int, seed: int) -> bytes:
    """Bytes 0x80-0xFF only: no NUL, no control character, and every pair "decodes" as GB18030."""
    rng = random.Random(seed)
    return bytes(rng.randrange(0x80, 0x100) for _ in range(n))


def test_random_bytes_that_decode_as_gb18030_are_refused(tmp_path):
    path = tmp_path / "blob"
    path.write_bytes(_random_high_bytes(4000, seed=7))
    assert detect_format(path) == "binary"
    with pytest.raises(InputError) as err:
        read(path)
    assert err.value.problem == "binary data, not text (only 37% of its 1867 Chinese characters are in common use)"


def test_a_decoding_into_kana_and_cyrillic_is_not_text():
    from policykit.readers.plausible import verdict

    # What GBK's symbol rows give: hiragana, katakana, Greek and Cyrillic, no Chinese character.
    soup = "ラちむлЩみひьぺどぃゆぱプやベхネソぶじΠ︶пデпъ" * 3
    assert verdict(soup, "gb18030") == ("96% of its characters are of no Chinese text (kana, Hangul, Cyrillic …)",
                                        None)
    assert verdict("（一）健全工作机制。α、β两类风险点各1处，≥95%，№3" * 3, "gb18030") == (None, None)


def test_random_bytes_named_txt_are_refused_by_the_text_reader_too(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_bytes(_random_high_bytes(4000, seed=8))
    with pytest.raises(InputError) as err:
        read(path)
    assert err.value.problem.startswith("binary data, not text (only ")


@pytest.mark.parametrize("text, encoding", [
    ("一、目标", "gbk"),  # short: too few characters to judge, read as it is
    ("2023年12月31日前，完成率100%，覆盖率达到95.5%，1.2.3.4.5.6.7.8.9.10" * 3, "gbk"),
    ("溧阳市、鄞州区、濮阳市、亳州市、儋州市、衢州市、婺源县人民政府办公室关于印发实施方案的通知", "gb18030"),
    ("臺北市政府關於進一步加強校園安全工作的實施方案，各區公所應當落實責任，每所學校至少配備1名專職人員。", "big5"),
])
def test_real_chinese_text_in_legacy_encodings_still_reads(tmp_path, text, encoding):
    path = write_text(tmp_path / "plan", text, encoding)
    assert detect_format(path) == "txt"
    raw = read(path)
    assert (raw.text, raw.warnings) == (text, [])


def test_the_whole_seed_in_gbk_reads_without_warnings(tmp_path):
    text = MENGZI.read_text(encoding="utf-8")
    path = write_text(tmp_path / "mengzi", text, "gb18030")
    raw = read(path)
    assert (raw.encoding, raw.text == text, raw.warnings) == ("gb18030", True, [])


def test_text_with_many_rare_characters_is_read_with_a_warning(tmp_path):
    from policykit.readers.plausible import common_han

    common = sorted(common_han())[:150]
    rare = [chr(c) for c in range(0x9F80, 0x9FA0) if chr(c) not in common_han()]  # 龀龁龂龃 …
    text = "".join(common + rare * 3)  # 150 common, 69 rare
    path = write_text(tmp_path / "old", text, "gb18030")
    raw = read(path)
    assert raw.warnings == ["only 68% of the 219 Chinese characters are in common use (read as gb18030): "
                            "wrong encoding or garbled text?"]


def test_utf8_cut_mid_character_at_the_sniffing_boundary_is_text(tmp_path):
    path = tmp_path / "plan"
    path.write_bytes(("x" + "校园安全" * 2000).encode())  # byte 4096 falls inside a character
    assert detect_format(path) == "txt"


def test_batch_skips_photos_and_archives_without_extension_and_takes_plans(tmp_path):
    _png(tmp_path / "image001")
    _gzip(tmp_path / "backup")
    (tmp_path / "blob.bin").write_bytes(_random_high_bytes(4000, seed=9))
    write_text(tmp_path / "notice", "一、总体目标\n二、主要任务\n", "gbk")
    build_minimal_docx(tmp_path / "plan.download", ["一、总体目标"])
    assert sorted(walk([tmp_path])) == [str(tmp_path / "notice"), str(tmp_path / "plan.download")]
