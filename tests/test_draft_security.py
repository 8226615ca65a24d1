"""User templates are untrusted: sandboxed Jinja2, no entities, no zip bombs; each failure is one line."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document as WordDocument
from test_draft_sources import mengzi_document

from policykit.drafting import draft
from policykit.errors import InputError

PROFILE = {"name": "建水县", "level": "县", "province": "云南省", "prefecture": "红河哈尼族彝族自治州",
           "date": "2024-04-08"}


# The least a plan template must use: its title, its paragraphs, its task list.
PLAN_FIELDS = ("{{ title }}", "{%p for b in blocks %}", "{{ b.text }}", "{%p endfor %}",
               "{%p for row in rows %}", "{{ row.title }}", "{%p endfor %}")


def template(tmp_path: Path, *lines: str, fields: tuple[str, ...] = PLAN_FIELDS) -> Path:
    """A Word template whose paragraphs are ``lines``, then the plan's ``fields``."""
    doc = WordDocument()
    for line in (*lines, *fields):
        doc.add_paragraph(line)
    path = tmp_path / "t.docx"
    doc.save(path)
    return path


@pytest.fixture(scope="module")
def source():
    return mengzi_document()


def test_a_plain_user_template_is_filled(tmp_path, source):
    path = template(tmp_path, "{{ county }}:{{ title }}", "{%p for row in rows %}", "{{ row.number }} {{ row.title }}",
                    "{%p endfor %}")
    result = draft(source, PROFILE, template=path)
    texts = [p.text for p in result.document.paragraphs]
    assert texts[0] == "建水县:建水县贯彻落实省州校园安全防范能力提升三年行动计划（2022-2024年）工作方案及重点工作任务清单"
    assert texts[1] == " "  # the group row "一、…" has neither number nor title
    assert texts[2] == "1 完善校园安全管理责任制"


def test_a_placeholder_split_across_runs_still_works(tmp_path, source):
    """Word splits "{{ county }}" into several runs when it is typed or restyled piece by piece."""
    doc = WordDocument()
    paragraph = doc.add_paragraph()
    for piece in ("{{ cou", "nty }}", "（", "{{ level }}", "级）"):
        run = paragraph.add_run(piece)
        run.bold = piece == "nty }}"
    for line in PLAN_FIELDS:
        doc.add_paragraph(line)
    path = tmp_path / "split.docx"
    doc.save(path)
    assert draft(source, PROFILE, template=path).document.paragraphs[0].text == "建水县（县级）"


def test_text_from_the_source_is_escaped_not_markup(tmp_path, source):
    source = mengzi_document()
    source.tasks[0].title = "加强<b>管理&协调</b>"
    path = template(tmp_path, "{%p for row in rows %}", "{{ row.title }}", "{%p endfor %}")
    result = draft(source, PROFILE, template=path)
    assert "加强<b>管理&协调</b>" in [p.text for p in result.document.paragraphs]


@pytest.mark.parametrize("field", [
    "{{ ''.__class__.__mro__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ rows.__class__.__init__.__globals__ }}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
])
def test_template_code_cannot_escape_the_sandbox(tmp_path, source, field):
    path = template(tmp_path, field)
    with pytest.raises(InputError) as err:
        draft(source, PROFILE, template=path)
    message = str(err.value)
    assert message.startswith(f"{path}: template error: ")
    assert "\n" not in message


def test_an_unknown_field_is_an_error_not_an_empty_string(tmp_path, source):
    path = template(tmp_path, "{{ conty }}")
    with pytest.raises(InputError, match=r"t\.docx: template error: 'conty' is undefined"):
        draft(source, PROFILE, template=path)


def _rezip(path: Path, replace: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zout.writestr(item.filename, replace.get(item.filename, zin.read(item.filename)))
        for name, data in replace.items():
            if name not in zin.namelist():
                zout.writestr(name, data)
    return out.getvalue()


def test_entity_expansion_is_refused(tmp_path, source):
    bomb = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
            b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            b'<w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>')
    path = tmp_path / "bomb.docx"
    path.write_bytes(_rezip(template(tmp_path, "x"), {"word/document.xml": bomb}))
    with pytest.raises(InputError, match=r"bomb\.docx: word/document\.xml declares a DTD or entities, refused"):
        draft(source, PROFILE, template=path)


def test_a_zip_bomb_is_refused_before_unpacking(tmp_path, source):
    path = tmp_path / "zipbomb.docx"
    path.write_bytes(_rezip(template(tmp_path, "x"), {"word/media/padding.bin": b"\0" * 5_000_000}))
    with pytest.raises(InputError, match=r"zipbomb\.docx: word/media/padding\.bin is compressed \d+:1 \(zip bomb\?\)"):
        draft(source, PROFILE, template=path)


def test_not_a_docx(tmp_path, source):
    path = tmp_path / "plan.docx"
    path.write_bytes(b"<html>not a template</html>")
    with pytest.raises(InputError, match=r"plan\.docx: not a Word \.docx file \(not a zip package\)"):
        draft(source, PROFILE, template=path)


def test_a_template_without_the_plans_fields_is_refused(tmp_path, source):
    path = template(tmp_path, "建水县人民政府办公室", "{{ date }}", fields=())
    with pytest.raises(InputError) as err:
        draft(source, PROFILE, template=path)
    assert str(err.value) == (f"{path}: the template does not use title, blocks, rows: the draft would lack them "
                              "(fields: docs/drafting.md, Templates)")


def test_rich_fields_count_as_used(tmp_path, source):
    path = template(tmp_path, fields=("{{r title_rich }}", "{%p for b in blocks %}", "{{r b.runs }}", "{%p endfor %}",
                                      "{%p for row in rows %}", "{{r row.title_rich }}", "{%p endfor %}"))
    texts = [p.text for p in draft(source, PROFILE, template=path).document.paragraphs]
    assert texts[0].startswith("建水县贯彻落实省州校园安全防范能力提升三年行动计划")


def test_a_task_list_template_must_use_the_rows(tmp_path, source):
    path = template(tmp_path, "{{ title }}", fields=())
    result = draft(source, PROFILE)
    with pytest.raises(InputError, match=r"t\.docx: the template does not use rows: "):
        result.tasklist_docx(path)


def test_a_runaway_loop_is_stopped_at_the_time_limit(tmp_path, source, monkeypatch):
    monkeypatch.setattr("policykit.drafting.isolate.SECONDS", 1)
    path = template(tmp_path, "{% for a in range(99999) %}{% for b in range(99999) %}x{% endfor %}{% endfor %}")
    with pytest.raises(InputError) as err:
        draft(source, PROFILE, template=path)
    assert str(err.value) == f"{path}: template error: rendering took longer than 1 s (a runaway loop?)"


def test_a_template_that_asks_for_too_much_memory_is_stopped(tmp_path, source, monkeypatch):
    monkeypatch.setattr("policykit.drafting.isolate.MEMORY_MB", 200)
    path = template(tmp_path, "{{ 'x' * 400000000 }}")
    with pytest.raises(InputError) as err:
        draft(source, PROFILE, template=path)
    assert str(err.value) == f"{path}: template error: rendering needed more than 200 MB"
