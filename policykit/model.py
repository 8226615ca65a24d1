"""The plain dataclasses every step of policykit passes along.

reading → blocks (paragraph lines, table cells) → outline → tasks → units →
requirements.  Each step takes and returns these types; ``to_dict`` gives the
JSON of ``../shared/SPEC.md`` (schema ``policykit.document/1``) and
``Document.from_dict`` reads it back.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

from policykit.china.places import Region

SCHEMA = "policykit.document/1"

Origin = Literal["body", "table", "sentence"]
UnitKind = Literal["government", "party", "judicial", "mass", "township", "generic", "other"]
Op = Literal[">=", "<=", ">", "<", "=", "range", "ratio", "per", "about"]


@dataclass(frozen=True)
class Span:
    """Offsets into the text as read (after decoding, before normalisation)."""

    start: int
    end: int


# ---------------------------------------------------------------------------
# What a reader returns


@dataclass
class Paragraph:
    """One line or paragraph of running text: ``text == raw.text[span.start:span.end]``."""

    text: str
    span: Span
    style: str | None = None  # e.g. the DOCX style name ("Heading 1"), when known
    numbering: str | None = None  # an automatic-numbering label the reader put in front ("一、")


@dataclass
class Cell:
    """One grid position of a table.

    A position covered by a merged cell has ``covered_by`` = (row, col) of the
    cell that holds the text, and empty ``text``/``span``.
    """

    text: str
    span: Span | None
    covered_by: tuple[int, int] | None = None


@dataclass
class Table:
    """A table in reading order; ``rows[i][j]`` is a Cell (rows may differ in length)."""

    rows: list[list[Cell]]
    span: Span
    header_rows: int = 0  # how many leading rows the reader knows to be headers (0: unknown)


Block = Paragraph | Table


@dataclass
class RawDocument:
    """A decoded document: its text as read, and its blocks in reading order."""

    text: str
    format: str  # txt, docx, pdf, html
    blocks: list[Block]
    path: str = "<text>"
    encoding: str | None = None
    sha256: str | None = None
    fields: dict[str, str] = field(default_factory=dict)  # e.g. an HTML page's 索引号/文号/发布日期 block
    warnings: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------
# What the parser produces


@dataclass
class Unit:
    """A responsible unit: ``"区卫生健康 委"`` → name ``"区卫生健康委"``, canonical ``"卫生健康"``."""

    raw: str
    name: str
    canonical: str | None
    level: str | None = None
    region: str | None = None
    kind: UnitKind = "other"
    known: bool = False
    confidence: float = 0.0
    span: Span | None = None
    note: str | None = None  # e.g. "combined bureau: first function taken"

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass
class Requirement:
    """A number the plan commits to: 至少配1名专职保安员 → op ">=", value 1, unit "名"."""

    text: str
    subject: str | None
    op: str
    value: float | int | None
    value_max: float | int | None = None
    unit: str | None = None
    period: str | None = None
    per: dict[str, Any] | None = None  # {"step": 500, "of": "学生", "unit": "名"} for 每增加500名学生增配1名
    condition: str | None = None
    task: str | None = None
    span: Span | None = None
    target: bool = False  # 达到 / 力争 / 确保: a goal, not a hard bound
    flags: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass
class Deadline:
    text: str
    date: str | None = None  # ISO date: the last day it allows, when it has one
    relative: str | None = None  # e.g. "3年内" relative to the plan's date, or "每学期开学第一周"
    span: Span | None = None
    flags: list[str] = field(default_factory=list)  # e.g. "no-date" where a reader must check it

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass
class Task:
    id: str
    origin: Origin
    number: str | None
    path: list[str]
    title: str | None  # None for a task read from a sentence that gives it no title
    text: str
    lead: list[Unit] = field(default_factory=list)
    co: list[Unit] = field(default_factory=list)
    requirements: list[Requirement] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    same_as: str | None = None
    span: Span | None = None
    flags: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass
class OutlineItem:
    level: int
    number: str | None
    title: str
    line: int  # 1-based line (paragraph) number in the text as read
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass
class Source:
    path: str
    format: str
    encoding: str | None
    sha256: str | None
    chars: int


@dataclass
class Meta:
    title: str | None = None
    issuer: str | None = None
    doc_number: str | None = None
    published: str | None = None
    signed: str | None = None
    region: Region = field(default_factory=Region)  # a dict is read as its JSON object
    period: dict[str, int | None] | None = None
    references: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not isinstance(self.region, Region):
            self.region = Region.from_dict(self.region)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["region"] = self.region.to_dict()
        return out


@dataclass
class Document:
    source: Source
    meta: Meta
    outline: list[OutlineItem] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    goals: list[Requirement] = field(default_factory=list)  # numbers in the 总体目标 part
    requirements: list[Requirement] = field(default_factory=list)  # numbers outside every task and the goals
    goal_deadlines: list[Deadline] = field(default_factory=list)  # 到2023年底 … in the 总体目标 part
    warnings: list[str] = field(default_factory=list)
    text: str | None = field(default=None, repr=False)  # the text as read; not serialised

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "source": _plain(self.source),
            "meta": self.meta.to_dict(),
            "outline": [o.to_dict() for o in self.outline],
            "tasks": [t.to_dict() for t in self.tasks],
            "goals": [g.to_dict() for g in self.goals],
            "requirements": [r.to_dict() for r in self.requirements],
            "goal_deadlines": [d.to_dict() for d in self.goal_deadlines],
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        """Read back what ``to_dict`` wrote (e.g. a ``policykit parse`` JSON file)."""
        if data.get("schema") != SCHEMA:
            raise ValueError(f"not a {SCHEMA} document (schema: {data.get('schema')!r})")
        return cls(
            source=_build(Source, data["source"]),
            meta=_build(Meta, data.get("meta") or {}),
            outline=[_build(OutlineItem, o) for o in data.get("outline", [])],
            tasks=[_task_from_dict(t) for t in data.get("tasks", [])],
            goals=[_build(Requirement, g) for g in data.get("goals", [])],
            requirements=[_build(Requirement, r) for r in data.get("requirements", [])],
            goal_deadlines=[_build(Deadline, d) for d in data.get("goal_deadlines", [])],
            warnings=list(data.get("warnings", [])),
        )


def _plain(obj: Any) -> Any:
    """Dataclass → JSON-ready dict; a Span becomes {"start", "end"}."""
    return asdict(obj)


def _span(value: Any) -> Span | None:
    return Span(value["start"], value["end"]) if value else None


def _build(cls: type, data: dict[str, Any]) -> Any:
    known = {f.name for f in fields(cls)}
    kwargs = {k: v for k, v in data.items() if k in known}
    if "span" in kwargs:
        kwargs["span"] = _span(kwargs["span"])
    return cls(**kwargs)


def _task_from_dict(data: dict[str, Any]) -> Task:
    task = _build(Task, data)
    task.lead = [_build(Unit, u) for u in data.get("lead", [])]
    task.co = [_build(Unit, u) for u in data.get("co", [])]
    task.requirements = [_build(Requirement, r) for r in data.get("requirements", [])]
    task.deadlines = [_build(Deadline, d) for d in data.get("deadlines", [])]
    return task
