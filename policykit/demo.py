"""The main job end to end on the bundled corpora (``policykit demo``).

parse every text in ``corpora/`` → compare them → draft 建水县's plan from the
Mengzi plan.  Each step is the library call a user would make; each output is
written atomically.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

# installed by pip: policykit/corpora (setup.py); in a source checkout: corpora/ at the top
_INSTALLED = Path(__file__).resolve().parent / "corpora"
CORPORA = _INSTALLED if _INSTALLED.is_dir() else Path(__file__).resolve().parent.parent / "corpora"
DRAFT_SOURCE = "mengzi_campus_safety_plan_2023.txt"
DRAFT_PROFILE = "profiles/jianshui.toml"


def corpus_files(corpora: Path = CORPORA) -> list[Path]:
    """The plan texts of the corpus (gold files and name lists are not plans)."""
    return sorted(p for p in corpora.glob("*.txt") if not p.name.startswith("."))


def run_demo(out_dir: str | Path, corpora: Path = CORPORA) -> Iterator[str]:
    """Write the parsed corpus, a comparison report and a drafted plan into ``out_dir``; yield what was done."""
    from policykit import atomic, output
    from policykit.comparison import compare
    from policykit.comparison.network import write_network
    from policykit.comparison.reports import render
    from policykit.drafting import draft
    from policykit.errors import InputError
    from policykit.parsing import parse
    from policykit.profile import load_profile

    if not corpora.is_dir():
        raise InputError(str(corpora), "the bundled corpora are not here (reinstall policykit)")
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise InputError(str(out), f"cannot make the output directory: {err.strerror or err}") from None

    docs = [parse(p) for p in corpus_files(corpora)]
    atomic.write_bytes(out / "corpus.jsonl", output.to_jsonl(docs))
    atomic.write_bytes(out / "tasks.xlsx", output.to_xlsx(docs))
    n_tasks = sum(len(d.tasks) for d in docs)
    yield f"parsed   {len(docs)} documents, {n_tasks} tasks → {out / 'corpus.jsonl'}, {out / 'tasks.xlsx'}"

    comparison = compare(docs)
    for fmt in ("html", "xlsx", "csv"):
        atomic.write_bytes(out / f"compare.{fmt}", render(comparison, fmt))
    graphs = write_network(comparison, out / "network.gexf")
    yield (f"compared {len(comparison.documents)} documents → {out / 'compare.html'}, compare.xlsx, "
           f"compare.csv (long assignment table), {len(graphs)} networks (network*.gexf)")

    source = next(d for d in docs if Path(d.source.path).name == DRAFT_SOURCE)
    profile = load_profile(corpora / DRAFT_PROFILE)
    result = draft(source, profile)
    stem = f"draft-{profile.name}"
    atomic.write_bytes(out / f"{stem}.docx", result.docx())
    atomic.write_bytes(out / f"{stem}-tasklist.xlsx", result.tasklist_xlsx())
    atomic.write_text(out / f"{stem}-review.txt", "".join(line + "\n" for line in result.review))
    yield (f"drafted  {profile.name}'s plan from {DRAFT_SOURCE} → {out / (stem + '.docx')}, "
           f"{stem}-tasklist.xlsx; {len(result.review)} points to review in {stem}-review.txt")
