"""Bad input through the command line: one line naming the file and the problem, exit 1, no traceback."""

from __future__ import annotations

import json
import random

import pytest
from builders import (
    MENGZI,
    build_entity_bomb_docx,
    build_mengzi_html,
    build_minimal_docx,
    build_qingpu_pdf,
    build_zip_bomb_docx,
    replace_docx_part,
)
from click.testing import CliRunner

from policykit.cli import main
from policykit.errors import InputError
from policykit.readers import read


def _empty(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    return path, "empty file"


def _binary(tmp_path):
    path = tmp_path / "scan.txt"
    path.write_bytes(bytes(range(256)) * 16)
    return path, "binary data, not text (contains NUL bytes; 16% control or undecodable characters)"


def _html_as_pdf(tmp_path):
    path = tmp_path / "plan.pdf"
    path.write_text("<html><body>404 页面不存在</body></html>", encoding="utf-8")
    return path, "not a PDF (starts with b'<html><body>')"


def _encrypted_pdf(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "locked.pdf"
    c = canvas.Canvas(str(path), encrypt="secret")
    c.drawString(72, 760, "Plan")
    c.save()
    return path, "encrypted PDF: needs a password"


def _broken_docx(tmp_path):
    good = build_minimal_docx(tmp_path / "good.docx", ["一、总体目标"])
    path = replace_docx_part(good, tmp_path / "broken.docx", "word/document.xml", b"<w:document>")
    return path, None


def _zip_bomb(tmp_path):
    return build_zip_bomb_docx(tmp_path / "bomb.docx", unpacked_mb=5), None


def _entity_bomb(tmp_path):
    return (build_entity_bomb_docx(tmp_path / "laughs.docx"),
            "word/document.xml declares a DTD or XML entities, refused "
            "(entity expansion is a known attack; Word never writes one)")


BAD_INPUTS = [_empty, _binary, _html_as_pdf, _encrypted_pdf, _broken_docx, _zip_bomb, _entity_bomb]


def _error_lines(result):
    return [line for line in result.stderr.splitlines() if line.strip()]


@pytest.mark.parametrize("make", BAD_INPUTS, ids=[f.__name__.strip("_") for f in BAD_INPUTS])
def test_bad_input_is_one_line_naming_the_file(tmp_path, make):
    path, problem = make(tmp_path)
    result = CliRunner().invoke(main, ["parse", str(path)])
    assert result.exit_code == 1
    lines = _error_lines(result)
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"policykit: error: {path}: ")
    if problem:
        assert lines[0] == f"policykit: error: {path}: {problem}"
    assert "Traceback" not in result.output + result.stderr
    assert result.stdout == ""


def test_a_batch_of_good_and_bad_files_still_outputs_the_good_ones(tmp_path):
    bad = [make(tmp_path)[0] for make in BAD_INPUTS]
    good_docx = build_minimal_docx(tmp_path / "plan.docx", ["一、总体目标", "(牵头单位:县教体局)"])
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["parse", str(MENGZI), *map(str, bad), str(good_docx), "-o", str(out)])
    assert result.exit_code == 1
    named = [line.removeprefix("policykit: error: ").split(": ")[0] for line in _error_lines(result)]
    assert named == [str(p) for p in bad]
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(d["source"]["path"], d["source"]["format"]) for d in docs] == [
        (str(MENGZI), "txt"), (str(good_docx), "docx")]


def test_a_truncated_pdf_is_one_line_without_pdfminer_chatter(tmp_path):
    good = build_qingpu_pdf(tmp_path / "good.pdf").read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(good[: len(good) // 3])
    result = CliRunner().invoke(main, ["parse", str(cut)])
    assert result.exit_code in (0, 1)  # a cut PDF may still yield its first pages
    assert len(_error_lines(result)) == (1 if result.exit_code else 0), result.stderr


@pytest.mark.parametrize("suffix", [".docx", ".pdf", ".html"])
def test_damaged_files_are_read_or_refused_never_crash(tmp_path, suffix):
    build = {".docx": lambda p: build_minimal_docx(p, ["一、总体目标", "(牵头单位:县教体局)"]),
             ".pdf": build_qingpu_pdf, ".html": build_mengzi_html}[suffix]
    data = build(tmp_path / f"good{suffix}").read_bytes()
    rng = random.Random(suffix)
    for i in range(12):
        damaged = bytearray(data)
        if i % 2:
            damaged = damaged[: rng.randrange(16, len(damaged))]
        else:
            for _ in range(20):
                damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        path = tmp_path / f"damaged{i}{suffix}"
        path.write_bytes(bytes(damaged))
        try:
            read(path)
        except InputError as err:
            assert "\n" not in str(err)
