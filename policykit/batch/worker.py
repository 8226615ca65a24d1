"""The worker process: receives a path, sends back one JSON line or one reason, never an exception."""

from __future__ import annotations

import importlib
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection
from typing import Any

DEFAULT_PARSER = "policykit.parsing:parse"


@dataclass(frozen=True)
class WorkerSettings:
    """What every worker of one run shares (sent once, when the worker starts)."""

    parser: str = DEFAULT_PARSER  # "module:function", called as function(path, **options)
    options: tuple[tuple[str, Any], ...] = ()
    max_memory_mb: int | None = None


@dataclass(frozen=True)
class Parsed:
    """A document as its JSON line (a string: cheap to send, nothing to rebuild in the parent)."""

    path: str
    line: str
    sha256: str | None
    tasks: int
    peak_rss_mb: float | None = None  # the worker's peak resident memory so far


@dataclass(frozen=True)
class Failed:
    """A file that could not be parsed: ``Failed("a.pdf", "not a PDF (starts with b'<html')")``."""

    path: str
    reason: str
    peak_rss_mb: float | None = None


def load_parser(spec: str) -> Callable[..., Any]:
    """``"policykit.parsing:parse"`` → the function ``policykit.parsing.parse``."""
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)


def peak_rss_mb() -> float | None:
    """This process's peak resident memory in MB (None where the OS does not say)."""
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1 << 20) if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KB elsewhere


def parse_one(path: str, parser: Callable[..., Any], options: dict[str, Any],
              memory_limit_mb: int | None = None) -> Parsed | Failed:
    """Parse one file into its JSON line; any exception becomes a ``Failed`` with a one-line reason."""
    result = _parse_one(path, parser, options, memory_limit_mb)
    return replace(result, peak_rss_mb=peak_rss_mb())


def _parse_one(path: str, parser: Callable[..., Any], options: dict[str, Any],
               memory_limit_mb: int | None) -> Parsed | Failed:
    from policykit.errors import InputError, PolicykitError
    from policykit.output import dumps

    try:
        doc = parser(path, **options)
        return Parsed(path, dumps(doc, indent=None), doc.source.sha256, len(doc.tasks))
    except InputError as err:
        return Failed(path, err.problem)
    except PolicykitError as err:
        return Failed(path, str(err))
    except MemoryError:
        return Failed(path, f"out of memory (over --max-memory {memory_limit_mb} MB)" if memory_limit_mb
                      else "out of memory")
    except RecursionError:
        return Failed(path, "internal error: RecursionError (document nested too deeply)")
    except Exception as err:  # a parser bug on one file must not cost the batch the other files
        return Failed(path, f"internal error: {type(err).__name__}: {err}")


def _limit_memory(megabytes: int) -> None:
    import resource

    limit = megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def serve(conn: Connection, settings: WorkerSettings) -> None:
    """Worker main loop: path in, ``Parsed``/``Failed`` out, until the parent sends None or goes away."""
    # Ctrl-C reaches the whole process group; the parent decides what stops, not the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if settings.max_memory_mb:
        _limit_memory(settings.max_memory_mb)
    parser = load_parser(settings.parser)
    options = dict(settings.options)
    while True:
        try:
            path = conn.recv()
        except (EOFError, OSError):
            return  # the parent is gone
        if path is None:
            return
        result = parse_one(path, parser, options, settings.max_memory_mb)
        try:
            conn.send(result)
        except (BrokenPipeError, OSError):
            return
