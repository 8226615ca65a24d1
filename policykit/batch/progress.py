"""Progress of a batch on stderr: a live line on a terminal, a plain line every few seconds otherwise."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from typing import Protocol, TextIO

from policykit.text import printable


@dataclass
class BatchSummary:
    """What a batch did: ``BatchSummary(done=298, failed=2, skipped=12)``."""

    done: int = 0  # parsed and written by this run
    failed: int = 0
    skipped: int = 0  # already in the output (--resume)
    duplicates: int = 0  # same content as a file met earlier: not parsed twice
    tasks: int = 0
    seconds: float = 0.0
    interrupted: bool = False
    worker_peak_mb: float | None = None  # the largest peak resident memory a worker reported
    failures: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)

    @property
    def seen(self) -> int:
        return self.done + self.failed + self.skipped + self.duplicates

    def rate(self) -> float:
        """Files parsed (or failed) per second of this run."""
        return (self.done + self.failed) / self.seconds if self.seconds > 0 else 0.0

    def describe(self) -> str:
        """``"298 parsed (2,345 tasks), 2 failed, 12 skipped (already done), 0 duplicates, 12.3 s (24.4 files/s)"``."""
        return (
            f"{self.done:,} parsed ({self.tasks:,} tasks), {self.failed:,} failed, "
            f"{self.skipped:,} skipped (already done), {self.duplicates:,} duplicates, "
            f"{self.seconds:.1f} s ({self.rate():.1f} files/s)"
            + (", interrupted" if self.interrupted else "")
        )


class Progress(Protocol):
    """What ``policykit.batch.run`` tells while it works (``StderrProgress`` prints it)."""

    wants_total: bool  # True: run counts the files first (a second walk) so that ``start`` gets the total

    def start(self, total: int | None) -> None: ...
    def update(self, summary: BatchSummary) -> None: ...
    def failure(self, path: str, reason: str) -> None: ...
    def warning(self, path: str, message: str) -> None: ...
    def finish(self, summary: BatchSummary) -> None: ...


def _duration(seconds: float) -> str:
    """``75`` → ``"1m15s"``, ``3725`` → ``"1h02m"``."""
    s = int(round(seconds))
    if s < 60:
        return f"{s}s"
    if s < 3600:
        return f"{s // 60}m{s % 60:02d}s"
    return f"{s // 3600}h{s % 3600 // 60:02d}m"


class StderrProgress:
    """Prints progress, failures and the summary to a stream (stderr by default).

    ``live`` (default: the stream is a terminal) redraws one line in place;
    otherwise a plain line goes out every ``every`` seconds, never per file.
    """

    def __init__(self, stream: TextIO | None = None, *, live: bool | None = None, every: float = 5.0,
                 show: bool = True) -> None:
        self.stream = stream or sys.stderr
        self.live = self.stream.isatty() if live is None else live
        self.every = every if not self.live else 0.2
        self.show = show  # False: failures, warnings and the summary only
        self.wants_total = show
        self.total: int | None = None
        self._last = time.monotonic()
        self._drawn = False

    def start(self, total: int | None) -> None:
        self.total = total
        self._last = time.monotonic()

    def status(self, s: BatchSummary) -> str:
        """``"120/300 files, 2 failed, 0 skipped, 14.2 files/s, about 13s left"``."""
        count = f"{s.seen:,}/{self.total:,}" if self.total is not None else f"{s.seen:,}"
        text = f"{count} files, {s.failed:,} failed, {s.skipped + s.duplicates:,} skipped, {s.rate():.1f} files/s"
        if self.total is not None and s.rate() > 0 and self.total > s.seen:
            text += f", about {_duration((self.total - s.seen) / s.rate())} left"
        return text

    def update(self, summary: BatchSummary) -> None:
        now = time.monotonic()
        if not self.show or now - self._last < self.every:
            return
        self._last = now
        if self.live:
            self.stream.write(f"\r\x1b[Kpolicykit: batch: {self.status(summary)}")
            self._drawn = True
        else:
            self.stream.write(f"policykit: batch: {self.status(summary)}\n")
        self.stream.flush()

    def _print(self, line: str) -> None:
        if self._drawn:
            self.stream.write("\r\x1b[K")
            self._drawn = False
        self.stream.write(line + "\n")
        self.stream.flush()

    def failure(self, path: str, reason: str) -> None:
        self._print(f"policykit: error: {printable(path)}: {' '.join(reason.split())}")

    def warning(self, path: str, message: str) -> None:
        self._print(f"policykit: warning: {printable(path)}: {' '.join(message.split())}")

    def finish(self, summary: BatchSummary) -> None:
        self._print(f"policykit: batch: {summary.describe()}")
