"""Body tasks ↔ task-list rows: ``same_as`` both ways, matched by title similarity in order."""

from __future__ import annotations

from collections import Counter

from policykit.model import Task
from policykit.structure.textnorm import norm

THRESHOLD = 0.4  # least title similarity (bigram Dice) for a link
_DROP = set(" \t“”\"'()《》、,.。")


def similarity(a: str, b: str) -> float:
    """Bigram Dice of two titles: ``similarity("开展“防溺水”专项行动", "开展“防溺水”专项治理")`` → 0.75."""
    return _dice(_clean(a), _clean(b), _bigrams(a), _bigrams(b))


def _dice(ca: str, cb: str, ga: Counter[str], gb: Counter[str]) -> float:
    if not ga or not gb:
        return 1.0 if ca == cb and ca else 0.0
    shared = sum((ga & gb).values())
    return 2 * shared / (sum(ga.values()) + sum(gb.values()))


def _clean(text: str) -> str:
    return "".join(ch for ch in norm(text) if ch not in _DROP)


def _bigrams(text: str) -> Counter[str]:
    t = _clean(text)
    return Counter(t[i:i + 2] for i in range(len(t) - 1))


def table_rows(tasks: list[Task]) -> list[list[Task]]:
    """Table tasks grouped into rows: consecutive sub-rows share number and title."""
    rows: list[list[Task]] = []
    for t in tasks:
        if t.origin != "table":
            continue
        if rows and rows[-1][0].number == t.number and rows[-1][0].title == t.title:
            rows[-1].append(t)
        else:
            rows.append([t])
    return rows


def align(left: list[str], right: list[str], threshold: float = THRESHOLD) -> list[tuple[int, int]]:
    """Order-keeping pairs (i, j) with the greatest total title similarity (each at least ``threshold``)."""
    n, m = len(left), len(right)
    lc, rc = [_clean(a) for a in left], [_clean(b) for b in right]
    lg, rg = [_bigrams(a) for a in left], [_bigrams(b) for b in right]
    sims = [[_dice(lc[i], rc[j], lg[i], rg[j]) for j in range(m)] for i in range(n)]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            take = sims[i][j] + best[i + 1][j + 1] if sims[i][j] >= threshold else -1.0
            best[i][j] = max(take, best[i + 1][j], best[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if sims[i][j] >= threshold and best[i][j] == sims[i][j] + best[i + 1][j + 1]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


def link_same_as(tasks: list[Task]) -> int:
    """Set ``same_as`` on matched body tasks and table rows (every sub-row points to the body task)."""
    body = [t for t in tasks if t.origin == "body"]
    rows = table_rows(tasks)
    if not body or not rows:
        return 0
    pairs = align([t.title for t in body], [r[0].title for r in rows])
    for i, j in pairs:
        body[i].same_as = rows[j][0].id
        for t in rows[j]:
            t.same_as = body[i].id
    return len(pairs)
