"""The main job end to end on the bundled corpora (``policykit demo``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from policykit import atomic, output
from policykit.parse import parse

CORPORA = Path(__file__).resolve().parent.parent / "corpora"


def corpus_files() -> list[Path]:
    return sorted(p for p in CORPORA.glob("*.txt") if not p.name.startswith("."))


def run_demo(out_dir: str | Path) -> Iterator[str]:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    docs = [parse(p) for p in corpus_files()]
    atomic.write_bytes(out / "corpus.jsonl", output.to_jsonl(docs))
    yield f"parsed {len(docs)} documents, {sum(len(d.tasks) for d in docs)} tasks → {out / 'corpus.jsonl'}"
