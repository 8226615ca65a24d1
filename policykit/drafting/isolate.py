"""Run an untrusted template's rendering in a child process with a time and memory limit.

The Jinja2 sandbox stops template code from reaching Python, not from looping: a
template holding ``{% for a in range(99999) %}{% for b in range(99999) %}x{% endfor %}{% endfor %}``
would run for hours.  ``run_limited(fill, data, …)`` forks, lets the child fill the
template under an address-space limit, and kills it when the time is up; either way
the caller gets one ``InputError`` line.  Without ``fork`` (Windows, macOS spawn) the
function runs in-process, limited by the sandbox alone.
"""

from __future__ import annotations

import multiprocessing
import os
import traceback
from collections.abc import Callable
from typing import Any

from policykit.errors import InputError

SECONDS = 30.0  # a real plan renders in about a second
MEMORY_MB = 1024  # on top of what the process already maps


def run_limited(fill: Callable[..., bytes], *args: Any, path: str, seconds: float | None = None,
                memory_mb: int | None = None) -> bytes:
    """``fill(*args)`` in a forked child, at most ``seconds`` and ``memory_mb`` more memory: its bytes, or InputError."""
    seconds = SECONDS if seconds is None else seconds
    memory_mb = MEMORY_MB if memory_mb is None else memory_mb
    if "fork" not in multiprocessing.get_all_start_methods():
        return fill(*args)
    context = multiprocessing.get_context("fork")
    reader, writer = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(writer, fill, args, memory_mb), daemon=True)
    child.start()
    writer.close()
    try:
        if not reader.poll(seconds):
            raise InputError(path, f"template error: rendering took longer than {seconds:g} s (a runaway loop?)")
        kind, payload = reader.recv()
    except EOFError:
        raise InputError(path, "template error: rendering stopped without a result (out of memory?)") from None
    finally:
        child.kill()
        child.join()
        reader.close()
    if kind == "input":
        raise InputError(path, payload)
    if kind == "crash":
        raise RuntimeError(f"rendering {path} failed in the child process:\n{payload}")
    return payload


def _child(writer: Any, fill: Callable[..., bytes], args: tuple[Any, ...], memory_mb: int) -> None:
    """The forked side: limit the address space, fill, send ("ok", bytes) or what went wrong."""
    _limit_memory(memory_mb)
    try:
        message: tuple[str, Any] = ("ok", fill(*args))
    except InputError as err:
        message = ("input", err.problem)
    except MemoryError:
        message = ("input", f"template error: rendering needed more than {memory_mb} MB")
    except Exception:  # a bug, not the template's fault: the parent raises it with this traceback
        message = ("crash", traceback.format_exc())
    writer.send(message)
    writer.close()


def _limit_memory(memory_mb: int) -> None:
    """Cap the child's address space at what it maps now plus ``memory_mb`` (Linux; elsewhere time only)."""
    try:
        import resource

        with open("/proc/self/statm") as fh:
            mapped = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (ImportError, OSError):
        return
    limit = mapped + memory_mb * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
