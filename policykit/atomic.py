"""Write outputs whole or not at all: a temporary file beside the target, then a rename."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from policykit.errors import InputError


@contextlib.contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success rename it onto ``target``.

    On any exception the temporary file is removed and ``target`` is untouched.
    An output path that cannot be written (a directory, no permission, a
    missing parent that cannot be made) is an ``InputError`` naming it.
    """
    target = Path(target)
    if target.is_dir():
        raise InputError(str(target), "is a directory; give a file name")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as err:
        raise InputError(str(target), f"cannot write here: {err.strerror or err}") from None
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        # mkstemp creates 0600; give the output the permissions a plain open() would.
        os.chmod(tmp_path, 0o666 & ~_umask())
        os.replace(tmp_path, target)
    except BaseException as err:
        with contextlib.suppress(FileNotFoundError):
            tmp_path.unlink()
        if isinstance(err, OSError) and not isinstance(err, BrokenPipeError):
            raise InputError(str(target), f"cannot write: {err.strerror or err}") from None
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_bytes(target: str | Path, data: bytes) -> None:
    """Write ``data`` to ``target`` atomically; ``-`` means stdout."""
    if str(target) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)


def write_text(target: str | Path, text: str) -> None:
    write_bytes(target, text.encode("utf-8"))


@contextlib.contextmanager
def open_atomic_text(target: str | Path) -> Iterator[IO[str]]:
    """A text stream that lands at ``target`` only when the block ends without error."""
    if str(target) == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    with atomic_path(target) as tmp, open(tmp, "w", encoding="utf-8", newline="") as fh:
        yield fh
