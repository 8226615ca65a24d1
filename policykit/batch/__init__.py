"""Batch parsing: many files, parallel worker processes, progress, JSONL + SQLite, resumable.

    from policykit.batch import run
    summary = run(["notices/"], out="notices.jsonl", db="notices.sqlite", jobs=4, resume=True)
    summary.done, summary.failed, summary.failures[:3]

Modules, in the order a file meets them: ``walk`` (which files), ``runner``
(hash, skip, dispatch, write), ``pool`` and ``worker`` (the processes),
``jsonl`` (whole lines, torn-tail repair), ``progress`` (stderr and the
summary); the store is ``policykit.store``.
"""

from __future__ import annotations

from policykit.batch.progress import BatchSummary, Progress, StderrProgress
from policykit.batch.runner import DEFAULT_TIMEOUT, default_jobs, run

__all__ = ["BatchSummary", "DEFAULT_TIMEOUT", "Progress", "StderrProgress", "default_jobs", "run"]
