"""Which body task each task-list row drafts, and where the source's body and list disagree.

The parser links them (``Task.same_as``, set by ``policykit.structure.link``); the
drafter only follows those links.  A row without one is drafted from the list alone
and a body task without a row is reported, so that a wrong pairing never goes unseen.
"""

from __future__ import annotations

from policykit.model import Task
from policykit.text import normalise, squeeze_spaces


def link_tasks(body: list[Task], table: list[Task]) -> dict[str, Task]:
    """Each task-list row's body task, by the parse's ``same_as``: ``{"table-4": <body-4 加强学校人防建设>}``."""
    by_id = {t.id: t for t in body}
    return {row.id: by_id[row.same_as] for row in table if row.same_as in by_id}


def consistency_notes(body: list[Task], table: list[Task], links: dict[str, Task]) -> list[str]:
    """Where the source's body and task list disagree (title, units, unmatched tasks); the draft follows the body."""
    notes = []
    for row in table:
        match = links.get(row.id)
        if match is None:
            notes.append(f"task-list row {row.number or row.id} {squeeze_spaces(row.title)}: no matching task "
                         "in the body; drafted from the list alone")
            continue
        if _key(row.title) != _key(match.title):
            notes.append(f"task-list row {row.number or row.id}: the source list says "
                         f"“{squeeze_spaces(row.title)}”, the body “{match.title}”; the draft uses the body's")
        for role in ("lead", "co"):
            mine = [u.canonical for u in getattr(row, role)]
            theirs = [u.canonical for u in getattr(match, role)]
            if None not in mine + theirs and sorted(mine) != sorted(theirs):
                notes.append(f"task-list row {row.number or row.id} {match.title}: {role} units differ between "
                             "the source's list and body; the draft uses the body's")
    if table:
        listed = {t.id for t in links.values()}
        for task in body:
            if task.id not in listed:
                notes.append(f"task {squeeze_spaces(task.title)}: no row of the source's task list is "
                             "linked to it; check the task list")
    return notes


def _key(title: str) -> str:
    return normalise(squeeze_spaces(title))
