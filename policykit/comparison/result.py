"""The plain dataclasses a comparison is made of.

``compare(docs)`` returns a ``Comparison``: the documents, one ``ComparedTask``
per task as compared (a body task and its ``same_as`` table row are one), the
``Theme``s that align tasks across documents, and the long assignment table.
Matrices and metrics are computed from these by ``policykit.comparison.tables``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from policykit.model import Document, Requirement, Task, Unit


@dataclass
class DocumentInfo:
    """One compared document: ``label`` is its short name in every table ("蒙自市")."""

    label: str
    path: str
    region: str
    title: str
    document: Document = field(repr=False)
    region_code: str | None = None  # meta.region.code: the 行政区划代码 researchers join on


@dataclass
class ComparedTask:
    """A task as compared: a body task merged with its ``same_as`` table row.

    ``units_from`` names the task whose units count ("body-4"); ``twin`` is the
    other half of the pair, whose units are kept in the long table only.
    """

    doc: int  # index into Comparison.documents
    id: str
    title: str
    text: str
    lead: list[Unit]
    co: list[Unit]
    requirements: list[Requirement]
    members: list[Task]  # the Task objects this stands for (one, or body + table twin)
    units_from: str
    twin: str | None = None
    slot: str = ""  # tasks sharing a slot are sub-rows of one table row
    theme: str = ""
    theme_score: float | None = None  # best similarity to a theme member of another document
    flags: list[str] = field(default_factory=list)


@dataclass
class Theme:
    """Tasks from several documents that do the same work: ``T03 心理健康教育``."""

    id: str
    label: str
    score: float | None  # mean similarity of its tasks from different documents; None for a task alone
    tasks: list[ComparedTask]
    seeded: bool = False  # label from policykit/data/compare_themes.toml, not from a title

    def documents(self) -> list[int]:
        return sorted({t.doc for t in self.tasks})


@dataclass
class ParentLink:
    """A county task aligned to the upstream plan: status copied, adapted or added."""

    doc: int
    task: str
    status: str
    parent_task: str | None
    parent_title: str | None
    score: float | None
    text_ratio: float | None


@dataclass
class ParentAlignment:
    """Every county task's upstream counterpart, and the upstream tasks a county dropped."""

    parent: DocumentInfo
    parent_tasks: list[ComparedTask]
    links: list[ParentLink]
    dropped: dict[int, list[str]]  # document index → upstream task ids no task of it matches


@dataclass
class Assignment:
    """One row of the long table: (document, task, role, unit)."""

    document: str
    region: str
    task_id: str
    task_title: str
    theme: str
    theme_label: str
    role: str  # lead / co
    unit: str
    canonical: str | None
    kind: str
    origin: str
    level: str | None
    known: bool
    raw: str
    same_as: str | None
    counted: bool  # False: the twin row of a task counted once through its other half
    function: str  # canonical, or "?" + name when the unit is not known
    region_code: str | None = None  # the document's meta.region.code

    def as_row(self) -> dict[str, Any]:
        return dict(self.__dict__)


ASSIGNMENT_COLUMNS = [
    "document", "region", "task_id", "task_title", "theme", "theme_label", "role", "unit",
    "canonical", "kind", "origin", "level", "known", "raw", "same_as", "counted", "function", "region_code",
]


@dataclass
class Frame:
    """A titled table every report renders the same way (md table, xlsx sheet, html table)."""

    name: str  # sheet name, ASCII: "metrics"
    title: str  # heading: "各文件指标"
    columns: list[str]
    rows: list[list[Any]]
    note: str = ""
    labels: dict[str, str] = field(default_factory=dict)  # column → heading for readers (html, md)

    def headings(self) -> list[str]:
        """Column headings for people: ``labels`` where given, else the column names."""
        return [self.labels.get(c, c) for c in self.columns]


@dataclass
class Comparison:
    """What ``policykit.compare`` returns."""

    documents: list[DocumentInfo]
    tasks: list[ComparedTask]
    themes: list[Theme]
    assignments: list[Assignment]
    parent: ParentAlignment | None = None
    warnings: list[str] = field(default_factory=list)

    def theme(self, theme_id: str) -> Theme:
        """The theme with this id ("T04"); KeyError if there is none."""
        for theme in self.themes:
            if theme.id == theme_id:
                return theme
        raise KeyError(f"no theme {theme_id}")

    def theme_of(self, label: str, task_id: str) -> Theme:
        """The theme of document ``label``'s task ``task_id`` (a body id or its table twin)."""
        for task in self.tasks:
            if self.documents[task.doc].label == label and task_id in (task.id, task.twin):
                return self.theme(task.theme)
        raise KeyError(f"no task {task_id} in document {label}")
