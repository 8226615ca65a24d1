"""One pathological file costs one failure line, never the batch: a hang, a crash, a memory blow-up.

The parsers below stand in for a reader meeting a pathological PDF; the
workers import them from this module by name (``parser="module:function"``).
"""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

from policykit.batch import run
from policykit.parsing import parse


def hang_on_slow(path: str, **options):
    """A reader stuck in a loop on files named *slow*."""
    if "slow" in Path(path).name:
        time.sleep(60)
    return parse(path, **options)


def crash_on_segv(path: str, **options):
    """A C extension dying with a segmentation fault on files named *segv*."""
    if "segv" in Path(path).name:
        os.kill(os.getpid(), signal.SIGSEGV)
    return parse(path, **options)


def balloon_on_big(path: str, **options):
    """A decompression that wants 4 GB on files named *big*."""
    if "big" in Path(path).name:
        bytearray(4 << 30)
    return parse(path, **options)


def _folder(tmp_path: Path, mengzi_path: Path, names: list[str]) -> Path:
    folder = tmp_path / "notices"
    folder.mkdir()
    # the plan's first section only: quick to parse even on a busy machine, so only *slow* hits the timeout
    text = "\n".join(mengzi_path.read_text(encoding="utf-8").splitlines()[:34])
    for i, name in enumerate(names):
        # each copy differs (another year), so none is a duplicate of another
        (folder / name).write_text(text.replace("2023", str(1990 + i)), encoding="utf-8")
    return folder


def _paths(out: Path) -> list[str]:
    return sorted(Path(json.loads(line)["source"]["path"]).name for line in out.read_text().splitlines())


def test_a_hanging_file_times_out_alone(tmp_path, mengzi_path):
    folder = _folder(tmp_path, mengzi_path, ["a.txt", "slow.txt", "b.txt", "c.txt"])
    out = tmp_path / "out.jsonl"
    started = time.monotonic()
    summary = run([folder], out=out, jobs=2, timeout=5, parser=f"{__name__}:hang_on_slow")
    assert time.monotonic() - started < 20
    assert summary.failures == [(str(folder / "slow.txt"), "timed out after 5 s")]
    assert _paths(out) == ["a.txt", "b.txt", "c.txt"]


def test_a_crashing_worker_costs_one_file(tmp_path, mengzi_path):
    folder = _folder(tmp_path, mengzi_path, ["a.txt", "b-segv.txt", "c.txt", "d.txt", "e.txt"])
    out = tmp_path / "out.jsonl"
    summary = run([folder], out=out, jobs=2, parser=f"{__name__}:crash_on_segv")
    assert summary.failures == [(str(folder / "b-segv.txt"), "worker died (killed by SIGSEGV)")]
    assert _paths(out) == ["a.txt", "c.txt", "d.txt", "e.txt"]


def test_a_file_over_the_memory_limit_fails_alone(tmp_path, mengzi_path):
    folder = _folder(tmp_path, mengzi_path, ["a.txt", "big.txt", "c.txt"])
    out = tmp_path / "out.jsonl"
    summary = run([folder], out=out, jobs=1, max_memory_mb=1024, parser=f"{__name__}:balloon_on_big")
    assert summary.failures == [(str(folder / "big.txt"), "out of memory (over --max-memory 1024 MB)")]
    assert _paths(out) == ["a.txt", "c.txt"]


def test_workers_are_recycled_without_losing_files(tmp_path, mengzi_path):
    folder = _folder(tmp_path, mengzi_path, [f"{i:02d}.txt" for i in range(7)])
    out = tmp_path / "out.jsonl"
    summary = run([folder], out=out, jobs=2, max_files_per_worker=2)
    assert (summary.done, summary.failed) == (7, 0)
    assert _paths(out) == [f"{i:02d}.txt" for i in range(7)]


def test_a_worker_killed_while_idle_is_replaced(tmp_path, mengzi_path):
    from policykit.batch.pool import WorkerPool
    from policykit.batch.worker import Parsed, WorkerSettings

    folder = _folder(tmp_path, mengzi_path, ["a.txt", "b.txt"])
    with WorkerPool(1, WorkerSettings()) as pool:
        pool.submit(str(folder / "a.txt"))
        first = _collect_one(pool)
        idle = pool.workers[0].process
        idle.kill()
        idle.join()
        pool.submit(str(folder / "b.txt"))
        second = _collect_one(pool)
    assert [type(first), type(second)] == [Parsed, Parsed]
    assert [Path(first.path).name, Path(second.path).name] == ["a.txt", "b.txt"]


def _collect_one(pool):
    while not (results := pool.collect(0.5)):
        pass
    return results[0]


def not_a_document(path: str, **options):
    """A user's parser that returns the wrong thing."""
    return {"path": path}


def test_a_parser_returning_no_document_fails_each_file_with_the_reason(tmp_path, mengzi_path):
    folder = _folder(tmp_path, mengzi_path, ["a.txt"])
    summary = run([folder], out=tmp_path / "out.jsonl", jobs=1, parser=f"{__name__}:not_a_document")
    assert summary.failures == [(str(folder / "a.txt"), "internal error: AttributeError: 'dict' object has no "
                                                        "attribute 'source'")]
