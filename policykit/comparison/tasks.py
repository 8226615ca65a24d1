"""Documents → the tasks as compared, each counted once.

A plan often states a task twice: in the body with a trailer
"(牵头单位:…;责任单位:…)" and again as a row of the attached 任务清单, the two
linked by ``same_as``.  For comparison they are ONE task.  Its units are the
body task's: the body is the instrument itself and names units in full,
while attached lists abbreviate and run names together ("公安局、司法局",
"市住房和城乡建设局市应急管理局").  When the body task names no unit at all,
the table row's units count instead.  The other half's units stay in the
long table with ``counted = False``.
"""

from __future__ import annotations

from pathlib import Path

from policykit.comparison.result import ComparedTask, DocumentInfo
from policykit.model import Document, Task, Unit


def document_label(doc: Document) -> str:
    """The short name of a document in tables: its county, else prefecture, province, issuer, file stem.

    ``meta.region = Region(county="蒙自市", …)`` → ``"蒙自市"``.
    """
    if doc.meta.region.place:
        return doc.meta.region.place
    if doc.meta.issuer:
        return doc.meta.issuer
    return Path(doc.source.path).stem or "document"


def region_text(doc: Document) -> str:
    """``Region(province="云南省", prefecture="红河…州", county="蒙自市")`` → "云南省红河…州蒙自市"."""
    region = doc.meta.region
    return "".join(p for p in (region.province, region.prefecture, region.county) if p)


def describe(docs: list[Document]) -> list[DocumentInfo]:
    """One DocumentInfo per document; labels made unique ("蒙自市", "蒙自市#2")."""
    infos: list[DocumentInfo] = []
    seen: dict[str, int] = {}
    for doc in docs:
        label = document_label(doc)
        seen[label] = seen.get(label, 0) + 1
        if seen[label] > 1:
            label = f"{label}#{seen[label]}"
        infos.append(DocumentInfo(label, doc.source.path, region_text(doc),
                                  doc.meta.title or Path(doc.source.path).name, doc, doc.meta.region.code))
    return infos


def _functions(units: list[Unit]) -> set[str]:
    return {u.canonical or f"?{u.name}" for u in units}


def _slot(task: Task) -> str:
    """Sub-rows of one table row share number and title, hence a slot; anything else is alone."""
    if task.origin == "table" and task.number and task.title:
        return f"row:{task.number}:{task.title}"
    return f"task:{task.id}"


def _pair(doc: int, body: Task, table: Task) -> ComparedTask:
    use = body if (body.lead or body.co or not (table.lead or table.co)) else table
    flags = []
    if _functions(body.lead) != _functions(table.lead) and body.lead and table.lead:
        flags.append("twin-lead-differs")
    if body.requirements:
        requirements = body.requirements
    else:
        requirements = table.requirements
    return ComparedTask(
        doc=doc, id=body.id, title=body.title, text=f"{body.text}\n{table.text}",
        lead=list(use.lead), co=list(use.co), requirements=list(requirements),
        members=[body, table], units_from=use.id, twin=table.id, slot=f"task:{body.id}", flags=flags,
    )


def compared_tasks(doc: Document, index: int) -> list[ComparedTask]:
    """The tasks of ``doc`` as compared, in document order, each body/table pair merged."""
    by_id = {t.id: t for t in doc.tasks}
    out: list[ComparedTask] = []
    done: set[str] = set()
    for task in doc.tasks:
        if task.id in done:
            continue
        twin = by_id.get(task.same_as) if task.same_as else None
        if twin is not None and twin.id not in done and twin.id != task.id:
            body, table = (task, twin) if task.origin == "body" or twin.origin != "body" else (twin, task)
            out.append(_pair(index, body, table))
            done.update((task.id, twin.id))
            continue
        done.add(task.id)
        out.append(ComparedTask(
            doc=index, id=task.id, title=task.title, text=task.text, lead=list(task.lead),
            co=list(task.co), requirements=list(task.requirements), members=[task],
            units_from=task.id, slot=_slot(task),
        ))
    return out
