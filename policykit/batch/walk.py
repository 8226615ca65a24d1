"""Which files a batch parses: walk folders lazily, one file at a time, by the rules in ``data/batch_files.toml``."""

from __future__ import annotations

import fnmatch
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from policykit.datafiles import bundled


@dataclass(frozen=True)
class FileRules:
    """What a folder walk takes and skips (the defaults are ``data/batch_files.toml``)."""

    extensions: frozenset[str]
    sniff_extensions: frozenset[str]
    sniff_formats: frozenset[str]
    skip_names: frozenset[str]
    skip_globs: tuple[str, ...]

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> FileRules:
        return cls(
            extensions=frozenset(e.lower() for e in data.get("extensions", [])),
            sniff_extensions=frozenset(e.lower() for e in data.get("sniff_extensions", [])),
            sniff_formats=frozenset(data.get("sniff_formats", [])),
            skip_names=frozenset(data.get("skip_names", [])),
            skip_globs=tuple(data.get("skip_globs", [])),
        )


@lru_cache(maxsize=1)
def default_rules() -> FileRules:
    return FileRules.from_data(bundled("batch_files.toml"))


@dataclass(frozen=True)
class Problem:
    """A path given or met that cannot be walked: ``Problem("scans/", "Permission denied")``."""

    path: str
    reason: str


def is_skipped_name(name: str, rules: FileRules) -> bool:
    """Hidden, temporary or system files: ``"~$方案.docx"`` → True, ``"方案.docx"`` → False."""
    if name.startswith(".") or name in rules.skip_names:
        return True
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in rules.skip_globs)


def extension(name: str) -> str:
    """The lower-case extension with its dot: ``"通知.PDF"`` → ``".pdf"``, ``"show"`` → ``""``."""
    return os.path.splitext(name)[1].lower()


def sniffed_format(path: str) -> str | None:
    """What ``policykit.readers.detect_format`` makes of the content (``"html"``), or None when no reader takes it."""
    from policykit.readers import detect_format

    try:
        return detect_format(path)
    except Exception:  # unreadable, empty or unrecognisable: here that only means "not a document"
        return None


def wanted(path: str, name: str, rules: FileRules) -> bool:
    """Whether a file met inside a folder is a document to parse: ``"a/通知.txt"`` → True."""
    if is_skipped_name(name, rules):
        return False
    ext = extension(name)
    if ext in rules.extensions:
        return True
    if ext not in rules.sniff_extensions:
        return False
    return sniffed_format(path) in rules.sniff_formats


def walk(
    paths: Iterable[str | os.PathLike[str]],
    *,
    rules: FileRules | None = None,
    exclude: frozenset[tuple[int, int]] = frozenset(),
) -> Iterator[str | Problem]:
    """Yield the files to parse, lazily, depth first, each folder's entries in name order.

    A file named in ``paths`` is always taken; inside folders ``rules`` decide.
    ``exclude`` holds (st_dev, st_ino) of the run's own outputs so a batch
    writing into the folder it reads never parses its own JSONL.  Symbolic
    links to files are followed, links to folders are not (no loops).
    """
    rules = rules or default_rules()
    for given in paths:
        given = os.fspath(given)
        try:
            info = os.stat(given)
        except OSError as err:
            yield Problem(given, err.strerror or str(err))
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _walk_dir(given, rules, exclude)
        elif (info.st_dev, info.st_ino) not in exclude:
            yield given


def _walk_dir(folder: str, rules: FileRules, exclude: frozenset[tuple[int, int]]) -> Iterator[str | Problem]:
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as err:
        yield Problem(folder, f"cannot list folder: {err.strerror or err}")
        return
    for entry in entries:
        if is_skipped_name(entry.name, rules):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from _walk_dir(entry.path, rules, exclude)
                continue
            if not entry.is_file():
                continue  # sockets, fifos, devices, dangling links
            info = entry.stat()
        except OSError as err:
            yield Problem(entry.path, err.strerror or str(err))
            continue
        if (info.st_dev, info.st_ino) in exclude:
            continue
        if wanted(entry.path, entry.name, rules):
            yield entry.path
