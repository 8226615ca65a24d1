"""Fill a Word template with a ``Plan``: docxtpl in a sandboxed Jinja2 environment.

Templates are untrusted: they are checked as packages first (``ooxml.check_package``),
then rendered with a ``SandboxedEnvironment`` (autoescape on, no loader, unknown fields
are errors), so ``{{ ''.__class__.__mro__ }}`` fails with one line instead of running.
The fields a template can use are listed in ``docs/drafting.md``.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from policykit.drafting import ooxml
from policykit.drafting.adapt import Piece, full_width
from policykit.drafting.plan import Block, Plan, Row
from policykit.drafting.tasks import joined
from policykit.errors import InputError
from policykit.profile import Profile

PLAN_TEMPLATE = "plan.docx"
TASKLIST_TEMPLATE = "tasklist.docx"
# What a template must use for the draft to hold the plan: the title, its paragraphs, the task list.
REQUIRED_FIELDS = {PLAN_TEMPLATE: ("title", "blocks", "rows"), TASKLIST_TEMPLATE: ("rows",)}


def template_path(name: str) -> Path:
    """A bundled template in the source tree's ``templates/`` folder."""
    return Path(__file__).resolve().parents[2] / "templates" / name


def bundled_template(name: str) -> bytes:
    """The bundled template's bytes; built in memory when ``templates/`` was not installed.

    ``pip install .`` ships the ``policykit`` package only, so outside a source checkout
    (where ``templates/`` holds ``build_templates.py`` beside the .docx files) the
    builder makes them, exactly as the committed files (a test compares the two).
    """
    path = template_path(name)
    if path.is_file() and (path.parent / "build_templates.py").is_file():
        return path.read_bytes()
    from policykit.drafting.builder import build

    buf = io.BytesIO()
    build(name).save(buf)
    return buf.getvalue()


def rich(pieces: list[Piece], font: str | None = None) -> ooxml.RichRuns:
    """Pieces → runs; pieces with a review note are highlighted yellow."""
    return ooxml.rich_runs((full_width(p.text), font, p.review is not None) for p in pieces)


def text_of(pieces: list[Piece]) -> str:
    return full_width("".join(p.text for p in pieces))


def _field(context: dict[str, Any], name: str, pieces: list[Piece]) -> None:
    """Every field twice: ``name`` as plain text, ``name_rich`` as highlighted runs for ``{{r name_rich}}``."""
    context[name] = text_of(pieces)
    context[f"{name}_rich"] = rich(pieces)


def block_context(block: Block, fonts: dict[str, str]) -> dict[str, Any]:
    lead_font = fonts.get({2: "heading2", 3: "heading3"}.get(block.lead_level, ""), None)
    parts = [(full_width(block.lead), lead_font, block.lead_review is not None)] if block.lead else []
    parts += [(full_width(p.text), None, p.review is not None) for p in block.pieces]
    runs = ooxml.rich_runs(parts)
    return {"kind": block.kind, "text": runs.text, "runs": runs}


def row_context(row: Row) -> dict[str, Any]:
    context: dict[str, Any] = {"number": row.number, "group": row.group or "",
                               "group_rich": rich([Piece(row.group or "", row.group_review)])}
    for name in ("title", "measures", "lead", "co"):
        _field(context, name, joined(getattr(row, name)) if name in ("lead", "co") else getattr(row, name))
    return context


def plan_context(plan: Plan, profile: Profile, fonts: dict[str, str]) -> dict[str, Any]:
    """Everything a template may use (see docs/drafting.md: "Template fields")."""
    context: dict[str, Any] = {
        "issuer": plan.issuer,
        "addressees": full_width(plan.addressees),
        "county": profile.name,
        "level": profile.level,
        "province": profile.province,
        "prefecture": profile.prefecture or "",
        "basis": list(profile.basis),
        "blocks": [block_context(b, fonts) for b in plan.blocks],
        "rows": [row_context(r) for r in plan.rows],
    }
    for name in ("doc_number", "date", "notice_title", "notice_body", "title", "attachment_title"):
        _field(context, name, getattr(plan, name))
    return context


def render_template(context: dict[str, Any], template: Path | None, default: str) -> Any:
    """Fill ``template`` (or the bundled ``default``) → a python-docx Document, fonts completed.

    A user's template is rendered in a child process with a time and memory limit
    (``isolate.run_limited``); the bundled ones are ours and render in-process.
    """
    from docx import Document

    from policykit.drafting.isolate import run_limited

    path = str(template or template_path(default))
    try:
        data = Path(template).read_bytes() if template else bundled_template(default)
    except OSError as err:
        raise InputError(path, err.strerror or str(err)) from None
    try:
        ooxml.check_package(data, path)
    except ValueError as err:
        raise InputError(path, str(err)) from None
    required = REQUIRED_FIELDS[default]
    if template is None:
        return fill_template(data, context, path, required)
    return Document(io.BytesIO(run_limited(fill_template_bytes, data, context, path, required, path=path)))


def fill_template_bytes(data: bytes, context: dict[str, Any], path: str, required: tuple[str, ...]) -> bytes:
    """``fill_template`` as .docx bytes, what a child process can send back."""
    return to_bytes(fill_template(data, context, path, required))


def fill_template(data: bytes, context: dict[str, Any], path: str, required: tuple[str, ...]) -> Any:
    """The checked template ``data`` filled in the sandbox, fonts completed: a python-docx Document."""
    from docxtpl import DocxTemplate
    from jinja2 import StrictUndefined, TemplateError
    from jinja2.sandbox import SandboxedEnvironment
    from lxml import etree

    env = SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)
    try:
        tpl = DocxTemplate(io.BytesIO(data))
        missing = missing_fields(tpl.get_undeclared_template_variables(env), required)
        if missing:
            raise InputError(path, f"the template does not use {', '.join(missing)}: the draft would lack "
                                   "them (fields: docs/drafting.md, Templates)")
        tpl.render(context, jinja_env=env, autoescape=True)
    except TemplateError as err:
        raise InputError(path, f"template error: {err.message or type(err).__name__}") from None
    except etree.XMLSyntaxError as err:
        raise InputError(path, f"the filled template is not valid Word XML ({err}); "
                               "rich fields need {{r name_rich}} in a run of their own") from None
    document = tpl.docx
    document.core_properties.title = context.get("title", "")
    document.core_properties.author = context.get("issuer", "")
    document.core_properties.comments = "policykit draft: highlighted text needs review"
    ooxml.fill_run_fonts(document)
    ooxml.merge_blank_cells_down(document)
    return document


def missing_fields(used: set[str], required: tuple[str, ...]) -> list[str]:
    """The required fields a template uses in neither form: ``({"title"}, ("title", "rows"))`` → ``["rows"]``."""
    return [name for name in required if name not in used and f"{name}_rich" not in used]


def to_bytes(document: Any) -> bytes:
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()
