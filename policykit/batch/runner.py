"""``policykit.batch.run``: walk → hash → skip what is done → parse in workers → JSONL line + store rows."""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Iterable
from typing import Any

from policykit.batch.jsonl import LineWriter, drop_torn_tail, iter_hashes
from policykit.batch.pool import WorkerPool
from policykit.batch.progress import BatchSummary, Progress
from policykit.batch.walk import FileRules, Problem, walk
from policykit.batch.worker import DEFAULT_PARSER, Failed, Parsed, WorkerSettings, load_parser
from policykit.errors import UsageError

DEFAULT_TIMEOUT = 300.0  # seconds one file may take: a pathological PDF, not a long plan
DEFAULT_FILES_PER_WORKER = 1000  # then a fresh process, so a leak in a reader cannot grow for ever
TICK = 0.5  # seconds between progress updates while workers are busy


def default_jobs() -> int:
    """The CPUs this process may run on (a container's share, not the host's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


def file_sha256(path: str) -> str:
    """The hex SHA-256 of a file's bytes, read in blocks (a 2 GB file costs no memory)."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


class _Sinks:
    """Where documents go: the JSONL file, the store, the error report; and what each already holds."""

    def __init__(self, out: str | None, db: str | None, errors: str | None, resume: bool,
                 progress: Progress | None) -> None:
        from policykit.store import Store

        self.in_jsonl: set[str] = set()
        self.in_store: set[str] = set()
        self.jsonl: LineWriter | None = None
        self.store: Store | None = None
        self.errors: LineWriter | None = None
        self.resumable_jsonl = out is not None and out != "-"
        try:
            # The store first: a --db that is not a store must not cost an existing -o file its lines.
            if db is not None:
                self.store = Store(db)
                if resume:
                    self.in_store = set(self.store.hashes())
            if out is not None:
                # Locked before the torn tail is cut: a run still writing it would lose a line.
                self.jsonl = LineWriter(out, append=resume)
                if resume and self.resumable_jsonl:
                    torn = drop_torn_tail(out)
                    if torn and progress:
                        progress.warning(out, f"dropped an incomplete last line ({torn} bytes) left by a killed run")
                    self.in_jsonl = {h for h in iter_hashes(out) if h}
            if errors is not None:
                self.errors = LineWriter(errors, append=False)
        except BaseException:
            self.close()
            raise

    def done(self, sha: str) -> bool:
        """Already in every output that can be resumed (stdout cannot)."""
        holders = []
        if self.resumable_jsonl:
            holders.append(self.in_jsonl)
        if self.store is not None:
            holders.append(self.in_store)
        return bool(holders) and all(sha in h for h in holders)

    def identities(self) -> frozenset[tuple[int, int]]:
        ids = [self.jsonl.identity() if self.jsonl else None, self.errors.identity() if self.errors else None,
               self.store.identity() if self.store else None]
        return frozenset(i for i in ids if i is not None)

    def add(self, sha: str, line: str) -> None:
        # The store first: a kill between the two leaves the JSONL short, and
        # resume then writes only the JSONL line (the store already has it).
        if self.store is not None and sha not in self.in_store:
            self.store.add(json.loads(line), line)
        if self.jsonl is not None and sha not in self.in_jsonl:
            self.jsonl.write_line(line)

    def fail(self, path: str, reason: str, sha: str | None) -> None:
        if self.errors is not None:
            self.errors.write_line(json.dumps({"path": path, "sha256": sha, "reason": reason}, ensure_ascii=False))
        if self.store is not None:
            self.store.add_failure(path, reason, sha)

    def close(self) -> None:
        for sink in (self.jsonl, self.store, self.errors):
            if sink is not None:
                sink.close()


def run(
    paths: Iterable[str | os.PathLike[str]],
    *,
    out: str | os.PathLike[str] | None = None,
    db: str | os.PathLike[str] | None = None,
    jobs: int | None = None,
    resume: bool = False,
    progress: Progress | None = None,
    errors: str | os.PathLike[str] | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    max_memory_mb: int | None = None,
    max_files_per_worker: int | None = DEFAULT_FILES_PER_WORKER,
    parser: str = DEFAULT_PARSER,
    options: dict[str, Any] | None = None,
    rules: FileRules | None = None,
) -> BatchSummary:
    """Parse every document under ``paths`` in ``jobs`` worker processes; return what happened.

    ``out``: JSONL, one ``policykit.document/1`` per line, appended as files
    finish ("-": stdout); ``db``: an SQLite store (``policykit.store``);
    ``errors``: one JSON line per failed file.  ``resume=True`` keeps what
    ``out``/``db`` already hold and skips files whose content (SHA-256) is
    there.  A file with the same content as one met earlier is parsed once.

        run(["notices/"], out="notices.jsonl", db="notices.sqlite", jobs=4)
    """
    paths = [os.fspath(p) for p in paths]
    out_s = os.fspath(out) if out is not None else None
    db_s = os.fspath(db) if db is not None else None
    if resume and (out_s is None or out_s == "-") and db_s is None:
        raise UsageError("--resume needs an output to resume: -o FILE or --db FILE")
    if max_memory_mb and os.name != "posix":
        raise UsageError("--max-memory needs a POSIX system (it sets RLIMIT_AS in each worker)")
    load_parser(parser)  # a wrong parser name fails here, not once per file in the workers
    settings = WorkerSettings(parser, tuple(sorted((options or {}).items())), max_memory_mb)
    sinks = _Sinks(out_s, db_s, os.fspath(errors) if errors is not None else None, resume, progress)
    pool = WorkerPool(jobs or default_jobs(), settings, timeout=timeout, max_files_per_worker=max_files_per_worker)
    return _Batch(sinks, pool, progress).run(paths, rules)


class _Batch:
    """One run: feeds the pool from the walk, and sends each result to the sinks and the progress."""

    def __init__(self, sinks: _Sinks, pool: WorkerPool, progress: Progress | None) -> None:
        self.sinks = sinks
        self.pool = pool
        self.progress = progress
        self.summary = BatchSummary()
        self.started = time.monotonic()
        self.in_flight: dict[str, str] = {}  # path → sha256: at most `jobs` entries
        self.first_seen: dict[str, str] = {}  # sha256 → the path that claimed it

    def run(self, paths: list[str], rules: FileRules | None) -> BatchSummary:
        exclude = self.sinks.identities()
        try:
            if self.progress:
                total = (sum(1 for item in walk(paths, rules=rules, exclude=exclude) if not isinstance(item, Problem))
                         if self.progress.wants_total else None)
                self.progress.start(total)
            files = walk(paths, rules=rules, exclude=exclude)
            exhausted = False
            while True:
                while not exhausted and self.pool.has_room():
                    item = next(files, None)
                    if item is None:
                        exhausted = True
                    elif isinstance(item, Problem):
                        self.failed(item.path, item.reason, None)
                    else:
                        self.dispatch(item)
                    self.tick()
                if exhausted and not self.in_flight:
                    break
                for result in self.pool.collect(TICK):
                    self.finished(result)
                self.tick()
        except KeyboardInterrupt:
            self.summary.interrupted = True
        finally:
            self.pool.close()
            self.sinks.close()
            self.summary.seconds = time.monotonic() - self.started
        if self.progress:
            self.progress.finish(self.summary)
        return self.summary

    def tick(self) -> None:
        self.summary.seconds = time.monotonic() - self.started
        if self.progress:
            self.progress.update(self.summary)

    def dispatch(self, path: str) -> None:
        """Hash ``path``; skip it if done or a duplicate, else hand it to a worker."""
        try:
            sha = file_sha256(path)
        except OSError as err:
            self.failed(path, err.strerror or str(err), None)
            return
        if sha in self.first_seen:
            if os.path.normpath(self.first_seen[sha]) == os.path.normpath(path):
                return  # named twice ("notices/" and "notices/a.txt"): one file, not a duplicate
            self.summary.duplicates += 1
            if self.progress:
                self.progress.warning(path, f"same content as {self.first_seen[sha]}: not parsed again")
            return
        self.first_seen[sha] = path
        if self.sinks.done(sha):
            self.summary.skipped += 1
            return
        self.in_flight[path] = sha
        self.pool.submit(path)

    def finished(self, result: Parsed | Failed) -> None:
        sha = self.in_flight.pop(result.path)
        if result.peak_rss_mb is not None:
            self.summary.worker_peak_mb = max(self.summary.worker_peak_mb or 0.0, result.peak_rss_mb)
        if isinstance(result, Failed):
            self.failed(result.path, result.reason, sha)
            return
        if result.sha256 and result.sha256 != sha and self.progress:
            self.progress.warning(result.path, "changed while it was being parsed; the output holds the later content")
        self.sinks.add(result.sha256 or sha, result.line)
        self.summary.done += 1
        self.summary.tasks += result.tasks

    def failed(self, path: str, reason: str, sha: str | None) -> None:
        self.summary.failed += 1
        self.summary.failures.append((path, reason))
        self.sinks.fail(path, reason, sha)
        if self.progress:
            self.progress.failure(path, reason)
