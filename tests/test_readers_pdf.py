"""Reading plans published as PDF: wrapped paragraphs, ruled tables over pages, scans and locks."""

from __future__ import annotations

import pytest
from builders import (
    PDF_FONT,
    QINGPU_HEADER,
    build_mengzi_pdf,
    build_qingpu_pdf,
    group_runs,
    mengzi_parts,
    pdf_styles,
    qingpu_rows,
)

from policykit.errors import InputError
from policykit.model import Paragraph, Table
from policykit.readers import read
from policykit.readers.limits import Limits


def _squeeze(text: str) -> str:
    # PDF text keeps the characters in order; where a line wraps, the space (or NBSP) at the break is gone.
    return "".join(text.split())


@pytest.fixture(scope="module")
def mengzi_raw(tmp_path_factory):
    return read(build_mengzi_pdf(tmp_path_factory.mktemp("pdf") / "mengzi.pdf"))


def test_wrapped_lines_join_back_into_the_seed_paragraphs(mengzi_raw):
    parts = mengzi_parts()
    expected = [p.label + p.text for p in parts.paragraphs] + parts.annex_title
    assert [b.text for b in mengzi_raw.blocks if isinstance(b, Paragraph)] == expected
    assert mengzi_raw.format == "pdf" and mengzi_raw.warnings == []


def test_the_task_list_is_one_table_across_pages_with_the_repeated_header_dropped(mengzi_raw):
    parts = mengzi_parts()
    (table,) = [b for b in mengzi_raw.blocks if isinstance(b, Table)]
    assert table.header_rows == 1
    assert [c.text for c in table.rows[0]] == ["重点任务", "", "工作措施", "牵头单位", "责任单位"]
    assert table.rows[0][1].covered_by == (0, 0)
    assert len(table.rows) == 1 + len(parts.rows) == 21
    for row, seed in zip(table.rows[1:], parts.rows, strict=True):
        assert [_squeeze(c.text) for c in row[1:]] == [_squeeze(t) for t in (seed.task, seed.measures, seed.lead, seed.co)]
    for first, last in group_runs(parts.rows):
        assert _squeeze(table.rows[first + 1][0].text) == parts.rows[first].group
        assert [table.rows[i + 1][0].covered_by for i in range(first + 1, last + 1)] == [(first + 1, 0)] * (last - first)


def test_a_cell_keeps_its_wrapped_lines(mengzi_raw):
    (table,) = [b for b in mengzi_raw.blocks if isinstance(b, Table)]
    assert table.rows[1][4].text == "公安局、司法局、各乡镇(\n街道)"
    assert table.rows[1][0].text == "一、建立健全校\n园安全管理责任\n制"
    text = mengzi_raw.text
    for row in table.rows:
        for cell in row:
            if cell.span:
                assert text[cell.span.start:cell.span.end] == cell.text


def test_qingpu_duty_table_cells_read_in_order(tmp_path):
    raw = read(build_qingpu_pdf(tmp_path / "qingpu.pdf"))
    title, table = raw.blocks
    assert title.text == "《青浦区加强中小学幼儿园安全风险防控体系建设的实施方案》职责分工(送审稿)"
    assert [c.text for c in table.rows[0]] == QINGPU_HEADER
    assert [[_squeeze(c.text) for c in row] for row in table.rows[1:]] == [
        [_squeeze(t) for t in row] for row in qingpu_rows()]
    assert table.rows[1][4].text == "公安青浦分局、区卫生健\n康委、 区应急局、区红\n十字会、区消防 救援支\n队、各街镇"


def _canvas_pdf(path, pages, encrypt=None):
    """A PDF drawn directly: each page a list of (x, y, text); an empty list is a blank (scanned) page."""
    from reportlab.pdfgen import canvas

    pdf_styles()  # registers the CID font
    c = canvas.Canvas(str(path), encrypt=encrypt)
    for page in pages:
        c.setFont(PDF_FONT, 12)
        if not page:
            c.rect(100, 100, 300, 500, fill=1)  # an image-like block, no text
        for x, y, text in page:
            c.drawString(x, y, text)
        c.showPage()
    c.save()
    return path


def test_page_numbers_are_dropped_and_scanned_pages_flagged(tmp_path):
    pdf = _canvas_pdf(tmp_path / "plan.pdf", [
        [(72, 760, "一、总体目标"), (290, 40, "- 1 -")],
        [],
        [(72, 760, "二、主要任务"), (270, 40, "第3页 共3页")],
    ])
    raw = read(pdf)
    assert [b.text for b in raw.blocks] == ["一、总体目标", "二、主要任务"]
    assert raw.warnings == ["page 2 has no text layer (scanned?)"]


def test_a_scan_without_any_text_is_refused(tmp_path):
    pdf = _canvas_pdf(tmp_path / "scan.pdf", [[], []])
    with pytest.raises(InputError) as err:
        read(pdf)
    assert err.value.problem == "no text layer on any of the 2 page(s) (a scan? run OCR first)"


def test_the_page_limit_is_a_setting(tmp_path):
    pdf = _canvas_pdf(tmp_path / "plan.pdf", [[(72, 760, "一、总体目标")], [(72, 760, "二、主要任务")]])
    with pytest.raises(InputError) as err:
        read(pdf, Limits(max_pdf_pages=1))
    assert err.value.problem == "PDF has 2 pages (the limit is 1, Limits.max_pdf_pages)"


def test_overprinted_bold_characters_are_read_once(tmp_path):
    pdf = _canvas_pdf(tmp_path / "bold.pdf", [[(72, 760, "牵头单位:市教育体育局"), (72, 760, "牵头单位:市教育体育局")]])
    assert [b.text for b in read(pdf).blocks] == ["牵头单位:市教育体育局"]


def test_an_encrypted_pdf_needs_a_password(tmp_path):
    pdf = _canvas_pdf(tmp_path / "locked.pdf", [[(72, 760, "一、总体目标")]], encrypt="secret")
    with pytest.raises(InputError) as err:
        read(pdf)
    assert err.value.problem == "encrypted PDF: needs a password"


def test_a_corrupt_pdf_is_one_line(tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n%%EOF\n")
    with pytest.raises(InputError) as err:
        read(broken)
    assert err.value.problem.startswith("corrupt PDF (")
    assert "\n" not in str(err.value)
