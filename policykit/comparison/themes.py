"""Align tasks across documents into themes.

tasks → slots (a task, or the sub-rows of one table row) → jieba words of
title + text → TF-IDF vectors → cosine between slots of different documents
→ greedy average linking (best pairs first; a theme never holds two
slots of one document) → themes, labelled from seed themes or the cleanest
title.  Tunables and vocabularies: ``policykit/data/compare*.toml``.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from policykit.china.headings import numbered
from policykit.comparison.result import ComparedTask, Theme
from policykit.comparison.settings import SeedTheme, Settings
from policykit.text import normalise, squeeze_spaces

_WORDY = re.compile(r"[\u4e00-\u9fff]{2,}|[A-Za-z]{2,}")
_CLAUSE_END = re.compile(r"[,;。:!?]")
# Below this share of dictionary words a title is PDF garble ("加学生育 中全和心教理": 0.43).
READABLE = 0.5


def unnumbered(title: str) -> str:
    """A title without the outline numbers opening it: "2. (一)加强人防" → "加强人防"."""
    while (item := numbered(title)) is not None:
        title = title[item.end:]
    return title


def clean(text: str) -> str:
    """Normalised punctuation, PDF wrap spaces dropped: "健全学 校安全教 育机制" → "健全学校安全教育机制"."""
    return squeeze_spaces(normalise(text or ""))


def tokenise(text: str, stopwords: frozenset[str] = frozenset()) -> list[str]:
    """Content words of ``text``: "强化学生心理健康教育" → ["强化", "学生", "心理健康", "教育"].

    Single characters, numbers and punctuation are dropped: they carry no
    topic, and PDF garbage is mostly single characters.
    """
    import jieba

    _quiet()
    return [w for w in jieba.lcut(clean(text)) if _WORDY.fullmatch(w) and w not in stopwords]


def _quiet() -> None:
    """jieba logs "Building prefix dict…" on first use; a CLI must not print that."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)


def wordiness(title: str) -> float:
    """Share of a title's characters inside dictionary words: 1.0 for "强化学生心理健康教育", low for PDF garble.

    jieba runs without its HMM, which would glue unknown characters into made-up words.
    """
    import jieba

    _quiet()
    text = "".join(ch for ch in clean(title) if "\u4e00" <= ch <= "\u9fff")
    # A run of one repeated character ("大大大大…") is extraction noise even though 大大 is a word.
    if not text or len(set(text)) * 3 < len(text):
        return 0.0
    return sum(len(w) for w in jieba.lcut(text, HMM=False) if len(w) >= 2) / len(text)


# ---------------------------------------------------------------------------
# Vectors


Vector = dict[str, float]


def tfidf(bags: list[Counter[str]]) -> list[Vector]:
    """Counts → L2-normalised TF-IDF (sublinear tf, smoothed idf), one vector per bag."""
    n = len(bags)
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    vectors = []
    for bag in bags:
        vec = {w: (1 + math.log(c)) * (math.log((1 + n) / (1 + df[w])) + 1) for w, c in bag.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors.append({w: v / norm for w, v in vec.items()})
    return vectors


def cosine(a: Vector, b: Vector) -> float:
    """Dot product of two normalised vectors (iterate over the shorter)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def concepts(text: str, seeds: list[SeedTheme]) -> Counter[str]:
    """Seed themes named in ``text``, as pseudo-words: "加强师生心理疏导,推进心理辅导室建设" → {"#心理健康教育": 2}.

    Two plans rarely word the same work alike ("校园周边环境" / "学生安全区域");
    the seed keywords tie such wordings to one concept.
    """
    text = clean(text)
    found: Counter[str] = Counter()
    for seed in seeds:
        hits = sum(text.count(k) for k in seed.keywords)
        if hits:
            found[f"#{seed.label}"] += hits
    return found


def bag_of(title: str, text: str, settings: Settings) -> Counter[str]:
    """Title words ``title_weight`` times, text words once, seed concepts ``seed_weight`` times over."""
    bag = Counter(tokenise(text, settings.stopwords))
    for word, n in Counter(tokenise(title, settings.stopwords)).items():
        bag[word] += n * settings.title_weight
    named = concepts(text, settings.seeds)
    for concept, n in concepts(title, settings.seeds).items():
        named[concept] += n * settings.title_weight
    for concept, n in named.items():
        bag[concept] += n * settings.seed_weight
    return bag


# ---------------------------------------------------------------------------
# Slots and links


@dataclass
class Slot:
    """What alignment moves as one piece: a task, or all sub-rows of one table row."""

    doc: int
    key: str
    tasks: list[ComparedTask]

    @property
    def title(self) -> str:
        return self.tasks[0].title

    @property
    def text(self) -> str:
        return "\n".join(t.text for t in self.tasks)


def slots_of(tasks: list[ComparedTask]) -> list[Slot]:
    """Group tasks by (document, slot key), in document order."""
    slots: dict[tuple[int, str], Slot] = {}
    for task in tasks:
        key = (task.doc, task.slot or f"task:{task.id}")
        slots.setdefault(key, Slot(task.doc, key[1], [])).tasks.append(task)
    return list(slots.values())


def cross_scores(slots: list[Slot], vectors: list[Vector], floor: float) -> dict[tuple[int, int], float]:
    """(i, j) → cosine, i < j, for slots of different documents scoring ≥ ``floor`` (an inverted index
    visits only pairs that share a word)."""
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for i, vec in enumerate(vectors):
        for w, v in vec.items():
            postings[w].append((i, v))
    scores: dict[tuple[int, int], float] = {}
    for i, vec in enumerate(vectors):
        acc: dict[int, float] = defaultdict(float)
        for w, v in vec.items():
            for j, u in postings[w]:
                if j > i and slots[j].doc != slots[i].doc:
                    acc[j] += v * u
        scores.update(((i, j), round(s, 4)) for j, s in acc.items() if s >= floor)
    return scores


def mean_link(a: list[int], b: list[int], scores: dict[tuple[int, int], float]) -> float:
    """Average similarity between the slots of two groups; 0 when any pair is below the floor."""
    total = 0.0
    for i in a:
        for j in b:
            score = scores.get((min(i, j), max(i, j)))
            if score is None:
                return 0.0
            total += score
    return total / (len(a) * len(b))


def link(slots: list[Slot], scores: dict[tuple[int, int], float],
         threshold: float) -> list[tuple[list[int], float | None]]:
    """Greedy average linkage: best pairs first, two groups merge when their mean similarity
    reaches ``threshold``, no pair between them is below the floor, and they share no document.

    This keeps chains apart: 防溺水 ~ (防溺水 + 交通安全) ~ 交通安全 does not make one theme.
    Returns (slot indices, mean cross-document similarity) per group, ordered by first slot.
    """
    group = list(range(len(slots)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(slots))}
    docs: dict[int, set[int]] = {i: {slot.doc} for i, slot in enumerate(slots)}
    for (i, j), score in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])):
        if score < threshold:
            break
        gi, gj = group[i], group[j]
        if gi == gj or docs[gi] & docs[gj] or mean_link(members[gi], members[gj], scores) < threshold:
            continue
        keep, gone = min(gi, gj), max(gi, gj)
        for k in members[gone]:
            group[k] = keep
        members[keep] += members.pop(gone)
        docs[keep] |= docs.pop(gone)
    return [(sorted(m), _cohesion(m, slots, scores)) for _, m in sorted(members.items())]


def _cohesion(group: list[int], slots: list[Slot], scores: dict[tuple[int, int], float]) -> float | None:
    """Mean similarity over the pairs of a group that come from different documents; None alone."""
    pairs = [(i, j) for i in group for j in group if i < j and slots[i].doc != slots[j].doc]
    if not pairs:
        return None
    return round(sum(scores.get(p, 0.0) for p in pairs) / len(pairs), 4)


def best_partner(i: int, group: list[int], vectors: list[Vector], slots: list[Slot]) -> float | None:
    """A slot's best similarity to a member of its group from another document."""
    scores = [cosine(vectors[i], vectors[j]) for j in group if slots[j].doc != slots[i].doc]
    return round(max(scores), 4) if scores else None


# ---------------------------------------------------------------------------
# Labels


def seed_for(tasks: list[ComparedTask], seeds: list[SeedTheme]) -> SeedTheme | None:
    """The seed whose keywords the tasks' titles use most (titles weigh 3, text 1); None without a title hit."""
    best, best_score = None, 0
    titles = [clean(t.title) for t in tasks]
    texts = [clean(t.text) for t in tasks]
    for seed in seeds:
        in_titles = sum(title.count(k) for k in seed.keywords for title in titles)
        if not in_titles:
            continue
        score = 3 * in_titles + sum(text.count(k) for k in seed.keywords for text in texts)
        if score > best_score:
            best, best_score = seed, score
    return best


def _short(text: str, limit: int = 24) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def readable_title(task: ComparedTask) -> str:
    """The title without its numbering; a garbled title gives way to the text's first clause.

    "2. 加学生育 中全和心教理" with text "加强中小学生生命教育和心理健康教育,…" → "加强中小学生生命教育和心理健康教育".
    """
    title = unnumbered(clean(task.title)).strip()
    if title and wordiness(title) >= READABLE:
        return _short(title)
    first = _CLAUSE_END.split(clean(task.members[0].text).strip(), maxsplit=1)[0].strip()
    if first and (not title or wordiness(first) > wordiness(title)):
        return _short(first)
    return _short(title or task.id)


def label_for(tasks: list[ComparedTask], seeds: list[SeedTheme]) -> tuple[str, bool]:
    """(label, from a seed?): the seed's label, else the most readable title (body tasks first)."""
    seed = seed_for(tasks, seeds)
    if seed is not None:
        return seed.label, True
    ranked = sorted(tasks, key=lambda t: (-wordiness(unnumbered(clean(t.title))),
                                          t.members[0].origin != "body", t.doc))
    return readable_title(ranked[0]), False


# ---------------------------------------------------------------------------


def align(tasks: list[ComparedTask], settings: Settings) -> list[Theme]:
    """Give every task a theme; returns the themes in order of first appearance ("T01", "T02", …)."""
    slots = slots_of(tasks)
    vectors = tfidf([bag_of(s.title, s.text, settings) for s in slots])
    groups = link(slots, cross_scores(slots, vectors, settings.threshold / 2), settings.threshold)
    width = max(2, len(str(len(groups))))
    themes: list[Theme] = []
    used: set[str] = set()
    for n, (indices, score) in enumerate(groups, start=1):
        theme_id = f"T{n:0{width}d}"
        members = [t for i in indices for t in slots[i].tasks]
        for i in indices:
            partner = best_partner(i, indices, vectors, slots)
            for task in slots[i].tasks:
                task.theme, task.theme_score = theme_id, partner
        label, seeded = label_for(members, settings.seeds)
        if label in used:
            label, seeded = readable_title(members[0]), False
        if label in used:
            label = f"{label} ({theme_id})"
        used.add(label)
        themes.append(Theme(theme_id, label, score, members, seeded))
    return themes
