"""JSONL that survives a kill: each line goes out in one write, and a torn last line is cut on resume."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from policykit.errors import InputError


class LineWriter:
    """Appends whole lines to a file (or stdout): one ``write`` per line, flushed at once.

    A SIGKILL between two lines leaves only whole lines behind; the rare torn
    line (a kill inside a very large write) is cut by ``drop_torn_tail``.
    The file is locked (POSIX ``flock``) before anything is cut or emptied:
    a second batch writing the same file is refused instead of interleaving.
    """

    def __init__(self, target: str | Path, *, append: bool) -> None:
        self.target = str(target)
        self._fh: BinaryIO
        if self.target == "-":
            self._fh = sys.stdout.buffer
            self._owned = False
            return
        Path(self.target).parent.mkdir(parents=True, exist_ok=True)
        # "ab" never empties the file: only its lock holder may, below.
        self._fh = open(self.target, "ab", buffering=0)
        self._owned = True
        try:
            _lock(self._fh, self.target)
            if not append:
                self._fh.truncate(0)
        except BaseException:
            self._fh.close()
            raise

    def identity(self) -> tuple[int, int] | None:
        """(st_dev, st_ino) of the file written, so a folder walk can leave it out."""
        if not self._owned:
            return None
        info = os.fstat(self._fh.fileno())
        return (info.st_dev, info.st_ino)

    def write_line(self, line: str) -> None:
        data = (line.rstrip("\n") + "\n").encode("utf-8")
        view = memoryview(data)
        while view:  # a regular file takes it all at once; a pipe may take it in parts
            written = self._fh.write(view)
            view = view[written or 0:]
        if not self._owned:
            self._fh.flush()

    def close(self) -> None:
        if self._owned:
            self._fh.close()

    def __enter__(self) -> LineWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _lock(fh: BinaryIO, path: str) -> None:
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks; one writer per file is then the user's care
        return
    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise InputError(path, "in use: another policykit batch is writing it") from None


def drop_torn_tail(path: str | Path) -> int:
    """Cut an unterminated last line (a killed writer's) off ``path``; return how many bytes went.

    ``b'{"a": 1}\\n{"a": '`` → file becomes ``b'{"a": 1}\\n'``, returns 6.
    """
    with open(path, "r+b") as fh:
        size = fh.seek(0, os.SEEK_END)
        if size == 0:
            return 0
        fh.seek(size - 1)
        if fh.read(1) == b"\n":
            return 0
        keep = _last_newline_end(fh, size)
        fh.truncate(keep)
        return size - keep


def _last_newline_end(fh: BinaryIO, size: int, block: int = 1 << 16) -> int:
    """Offset just after the last b"\\n" in the file (0 if there is none), reading backwards."""
    pos = size
    while pos > 0:
        start = max(0, pos - block)
        fh.seek(start)
        chunk = fh.read(pos - start)
        at = chunk.rfind(b"\n")
        if at >= 0:
            return start + at + 1
        pos = start
    return 0


def iter_hashes(path: str | Path) -> Iterator[str | None]:
    """``source.sha256`` of each document line of a JSONL file (None for a line that is not one)."""
    with open(path, "rb") as fh:
        for raw in fh:
            if not raw.strip():
                continue
            try:
                data = json.loads(raw)
                yield data["source"]["sha256"]
            except (ValueError, KeyError, TypeError):
                yield None
