"""Each county task against the upstream plan it implements: copied, adapted, added; and what was dropped.

The upstream tasks and every county's tasks share one TF-IDF space; a
county task's counterpart is its most similar upstream task when the cosine
reaches the alignment threshold.  "copied" means the texts agree, after
dropping spaces and punctuation, to ``copied_ratio`` (rapidfuzz ratio).
"""

from __future__ import annotations

import re

from policykit.comparison.result import ComparedTask, Comparison, DocumentInfo, ParentAlignment, ParentLink
from policykit.comparison.settings import Settings
from policykit.comparison.tasks import compared_tasks
from policykit.comparison.themes import bag_of, clean, cosine, tfidf

_NOT_WORDS = re.compile(r"[\W_]+")


def bare(text: str) -> str:
    """Text without spaces and punctuation: "(一) 加强 学校人防建设。" → "一加强学校人防建设"."""
    return _NOT_WORDS.sub("", clean(text))


def text_ratio(a: ComparedTask, b: ComparedTask) -> float:
    """How far two tasks' title + text agree, 0-100 (rapidfuzz ratio on the bare text)."""
    from rapidfuzz import fuzz

    return round(fuzz.ratio(bare(a.title + a.members[0].text), bare(b.title + b.members[0].text)), 1)


def align_parent(comparison: Comparison, parent: DocumentInfo, settings: Settings) -> ParentAlignment:
    """Link every county task to its best upstream task (or mark it added); list upstream tasks left out."""
    upstream = compared_tasks(parent.document, -1)
    county = comparison.tasks
    vectors = tfidf([bag_of(t.title, t.text, settings) for t in (*upstream, *county)])
    up_vectors, county_vectors = vectors[:len(upstream)], vectors[len(upstream):]
    links = []
    used: dict[int, set[str]] = {i: set() for i in range(len(comparison.documents))}
    for task, vec in zip(county, county_vectors, strict=True):
        scored = [(cosine(vec, u), -k) for k, u in enumerate(up_vectors)]
        best = max(scored) if scored else None
        if best is None or best[0] < settings.threshold:
            links.append(ParentLink(task.doc, task.id, "added", None, None,
                                    round(best[0], 4) if best else None, None))
            continue
        match = upstream[-best[1]]
        ratio = text_ratio(task, match)
        status = "copied" if ratio >= settings.copied_ratio else "adapted"
        used[task.doc].add(match.id)
        links.append(ParentLink(task.doc, task.id, status, match.id, match.title, round(best[0], 4), ratio))
    dropped = {i: [t.id for t in upstream if t.id not in ids] for i, ids in used.items()}
    return ParentAlignment(parent, upstream, links, dropped)
