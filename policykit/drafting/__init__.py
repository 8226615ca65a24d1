"""Draft a new county's plan and task list as a GB/T 9704-2012 Word document.

    import policykit
    from policykit.profile import load_profile
    doc = policykit.parse("corpora/mengzi_campus_safety_plan_2023.txt")
    result = policykit.draft(doc, load_profile("corpora/profiles/jianshui.toml"))
    open("jianshui.docx", "wb").write(result.docx())
    result.review      # what the drafter must still check (also highlighted in the document)

Steps: ``adapt`` (words and units for the new county) → ``plan`` (notice, plan,
task list as pieces with review notes) → ``render`` (docxtpl, sandboxed) →
``ooxml`` (fonts, sections, page numbers).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from policykit.drafting.plan import Plan, build_plan
from policykit.model import Document
from policykit.profile import Profile, load_profile, profile_from_dict


@dataclass
class DraftResult:
    """A draft: the filled python-docx ``document``, its ``plan`` content and the ``review`` list."""

    document: Any
    plan: Plan
    profile: Profile
    review: list[str] = field(default_factory=list)

    def docx(self) -> bytes:
        """The draft as .docx bytes."""
        from policykit.drafting.render import to_bytes

        return to_bytes(self.document)

    @property
    def tasklist(self) -> list[dict[str, str]]:
        """The task list as plain rows: ``{"序号": "1", "类别": "一、…", "重点任务": …, "牵头单位": "县教育体育局", …}``."""
        from policykit.drafting.tasklist import tasklist_rows

        return tasklist_rows(self.plan)

    def tasklist_docx(self, template: str | Path | None = None) -> bytes:
        """The task list alone, landscape, as .docx bytes."""
        from policykit.drafting.tasklist import tasklist_docx

        return tasklist_docx(self.plan, self.profile, template=Path(template) if template else None)

    def tasklist_xlsx(self) -> bytes:
        """The task list as an .xlsx workbook (one row per task, review cells yellow)."""
        from policykit.drafting.tasklist import tasklist_xlsx

        return tasklist_xlsx(self.plan)


def draft(doc: Document | str | Path, profile: Profile | dict[str, Any] | str | Path, *,
          template: str | Path | None = None) -> DraftResult:
    """Draft ``profile``'s plan from the parsed source ``doc`` (a ``Document`` or a path to parse)."""
    from policykit.drafting.render import PLAN_TEMPLATE, plan_context, render_template
    from policykit.drafting.vocabulary import vocabulary

    if not isinstance(doc, Document):
        from policykit.parsing import parse

        doc = parse(doc)
    if isinstance(profile, dict):
        profile = profile_from_dict(profile)
    elif not isinstance(profile, Profile):
        profile = load_profile(profile)
    plan = build_plan(doc, profile)
    context = plan_context(plan, profile, vocabulary().wording["fonts"])
    document = render_template(context, Path(template) if template else None, PLAN_TEMPLATE)
    return DraftResult(document, plan, profile, review_lines(plan))


def review_lines(plan: Plan) -> list[str]:
    """Each thing to check once, with where it first occurs: ``"task 1 加强学校人防建设: number not settled …"``."""
    seen: set[str] = set()
    out: list[str] = []

    def add(where: str, reason: str) -> None:
        if reason not in seen:
            seen.add(reason)
            out.append(f"{where}: {reason}" if where else reason)

    for name in ("doc_number", "date", "notice_title", "title", "attachment_title"):
        for piece in getattr(plan, name):
            if piece.review:
                add(name, piece.review)
    for block in plan.blocks:
        if block.lead_review:
            add(block.where, block.lead_review)
        for piece in block.pieces:
            if piece.review:
                add(block.where, piece.review)
    for row in plan.rows:
        if row.group_review:
            add(f"task list: {row.group}", row.group_review)
        for pieces in (row.title, row.measures, row.lead, row.co):
            for piece in pieces:
                if piece.review:
                    add(f"task list: {row.where}", piece.review)
    for note in plan.notes:
        add("", note)
    return out

