"""Worker processes, one file each at a time: a crash or a timeout costs one file, not the batch.

``concurrent.futures.ProcessPoolExecutor`` breaks as a whole when one worker
dies and cannot stop a task that hangs; here each worker has its own pipe, so
the parent can kill exactly the one that is stuck and start a fresh one.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
import sys
import time
import types
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess

from policykit.batch.worker import Failed, Parsed, WorkerSettings, serve


def default_context() -> BaseContext:
    """forkserver where there is one (workers start clean and fast), else spawn."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        # Only the worker module in the server: never re-run the caller's __main__.
        ctx.set_forkserver_preload(["policykit.batch.worker"])
        return ctx
    return multiprocessing.get_context("spawn")


@contextlib.contextmanager
def _main_script_hidden() -> Iterator[None]:
    """Start workers without the caller's ``__main__``.

    forkserver and spawn children re-import the parent's main script, which
    fails for ``python - <<EOF`` and re-runs a script that has no ``if
    __name__ == "__main__"`` guard; workers need nothing from it (the parser
    is named as "module:function"), so it is hidden while a worker starts.
    """
    main = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if main is not None:
            sys.modules["__main__"] = main


def describe_exit(code: int | None) -> str:
    """A worker's exit code in words: ``-9`` → ``"killed by SIGKILL"``, ``3`` → ``"exit status 3"``."""
    if code is None:
        return "still running"
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit status {code}"


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    path: str | None = None  # the file it is parsing
    started: float = 0.0
    served: int = 0


class WorkerPool:
    """At most ``jobs`` workers, each parsing one file; results come back through ``collect``."""

    def __init__(
        self,
        jobs: int,
        settings: WorkerSettings,
        *,
        timeout: float | None = None,
        max_files_per_worker: int | None = None,
        context: BaseContext | None = None,
    ) -> None:
        self.jobs = jobs
        self.settings = settings
        self.timeout = timeout or None
        self.max_files_per_worker = max_files_per_worker
        self.context = context or default_context()
        self.workers: list[_Worker] = []

    @property
    def busy(self) -> int:
        return sum(1 for w in self.workers if w.path is not None)

    def has_room(self) -> bool:
        return self.busy < self.jobs

    def submit(self, path: str) -> None:
        """Give ``path`` to an idle worker (starting one if needed); call only when ``has_room()``."""
        worker = next((w for w in self.workers if w.path is None), None) or self._start()
        try:
            worker.conn.send(path)
        except OSError:  # it died while idle (the OOM killer picks big idle processes too)
            self._drop(worker, kill=True)
            worker = self._start()
            worker.conn.send(path)
        worker.path = path
        worker.started = time.monotonic()

    def _start(self) -> _Worker:
        parent_end, child_end = self.context.Pipe(duplex=True)
        process = self.context.Process(target=serve, args=(child_end, self.settings), daemon=True,
                                       name="policykit-batch-worker")
        with _main_script_hidden():
            process.start()
        child_end.close()
        worker = _Worker(process, parent_end)
        self.workers.append(worker)
        return worker

    def collect(self, wait_at_most: float) -> list[Parsed | Failed]:
        """Results that arrive within ``wait_at_most`` seconds, plus files whose worker died or timed out."""
        busy = [w for w in self.workers if w.path is not None]
        if not busy:
            return []
        now = time.monotonic()
        if self.timeout:
            wait_at_most = max(0.0, min(wait_at_most, min(w.started + self.timeout for w in busy) - now))
        ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy], wait_at_most))
        now = time.monotonic()
        results: list[Parsed | Failed] = []
        for w in busy:
            if w.conn in ready:
                results.append(self._receive(w))
            elif w.process.sentinel in ready:
                w.process.join()
                results.append(Failed(w.path or "", f"worker died ({describe_exit(w.process.exitcode)})"))
                self._drop(w)
            elif self.timeout and now - w.started >= self.timeout:
                results.append(Failed(w.path or "", f"timed out after {self.timeout:g} s"))
                self._drop(w, kill=True)
        return results

    def _receive(self, w: _Worker) -> Parsed | Failed:
        path = w.path or ""
        try:
            result: Parsed | Failed = w.conn.recv()
        except (EOFError, OSError):
            w.process.join()
            died = Failed(path, f"worker died ({describe_exit(w.process.exitcode)})")
            self._drop(w)
            return died
        w.path = None
        w.served += 1
        if self.max_files_per_worker and w.served >= self.max_files_per_worker:
            self._retire(w)  # a fresh process gives back whatever the parsers kept
        return result

    def _retire(self, w: _Worker) -> None:
        try:
            w.conn.send(None)
        except OSError:
            pass
        w.process.join(timeout=5)
        self._drop(w, kill=w.process.exitcode is None)

    def _drop(self, w: _Worker, *, kill: bool = False) -> None:
        if kill and w.process.exitcode is None:
            w.process.kill()
            w.process.join()
        w.conn.close()
        w.process.close()
        self.workers.remove(w)

    def close(self) -> None:
        """Stop every worker: idle ones are asked, busy ones killed (their files are not finished)."""
        for w in list(self.workers):
            if w.path is None:
                self._retire(w)
            else:
                self._drop(w, kill=True)

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
