"""Compare how documents divide the same work between departments.

    import policykit
    docs = [policykit.parse("corpora/mengzi_campus_safety_plan_2023.txt"),
            policykit.parse("corpora/qingpu_campus_risk_duty_table.txt")]
    cmp = policykit.compare(docs)
    cmp.assignments[0].canonical          # '教育'
    tables.differences(cmp).rows          # themes whose lead differs between documents

Pipeline: documents → tasks as compared (body + table twin counted once,
``tasks``) → themes across documents (``themes``) → long assignment table
(``tables.assignments``) → matrices, metrics, networks and reports.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from policykit.comparison.result import Comparison
from policykit.errors import UsageError
from policykit.model import Document

__all__ = ["Comparison", "compare", "load_documents"]


def load_documents(paths: list[str | Path]) -> list[Document]:
    """Plan files (parsed) or ``policykit parse`` JSON/JSONL → Documents, in order."""
    from policykit.documents import load

    docs: list[Document] = []
    for path in paths:
        docs.extend(load(path))
    return docs


def _as_documents(items: Any) -> list[Document]:
    items = [items] if isinstance(items, (Document, str, Path)) else list(items)
    docs: list[Document] = []
    for item in items:
        docs.extend([item] if isinstance(item, Document) else load_documents([item]))
    return docs


def compare(docs: Any, *, parent: Any = None, settings: Any = None) -> Comparison:
    """Align the tasks of ``docs`` into themes and tabulate who leads and who co-operates.

    ``docs``: Documents, or paths of plans / parse JSON; ``parent``: the
    upstream plan (a Document or path) each county task is also aligned to;
    ``settings``: a TOML file merged over ``policykit/data/compare*.toml``
    (threshold, stopwords, seed themes) or a ready ``Settings``.
    """
    from policykit.comparison.parent import align_parent
    from policykit.comparison.settings import Settings, load_settings
    from policykit.comparison.tables import build_assignments
    from policykit.comparison.tasks import compared_tasks, describe
    from policykit.comparison.themes import align

    documents = describe(_as_documents(docs))
    conf = settings if isinstance(settings, Settings) else load_settings(settings)
    tasks = [t for i, info in enumerate(documents) for t in compared_tasks(info.document, i)]
    themes = align(tasks, conf)
    comparison = Comparison(documents, tasks, themes, [])
    comparison.assignments = build_assignments(comparison)
    comparison.warnings = _warnings(comparison)
    if parent is not None:
        upstream = _as_documents(parent)
        if len(upstream) != 1:
            raise UsageError(f"the parent must be one document, got {len(upstream)}")
        comparison.parent = align_parent(comparison, describe(upstream)[0], conf)
    return comparison


def _warnings(comparison: Comparison) -> list[str]:
    """What a researcher must know before trusting the tables."""
    out = []
    for info in comparison.documents:
        if not info.document.tasks:
            out.append(f"{info.label}: no tasks found in {info.path}")
    for task in comparison.tasks:
        label = comparison.documents[task.doc].label
        if "twin-lead-differs" in task.flags:
            out.append(f"{label}: {task.id} and its table row {task.twin} name different leads; "
                       f"the body's count")
    return out

