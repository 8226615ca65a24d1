"""Readers: a file → ``RawDocument`` (the text as read, and its blocks in reading order).

``read(path)`` picks the reader by content first and extension second
(``detect_format``), checks the size limits (``limits.Limits``) before reading,
and turns every failure into one ``InputError(path, problem)``::

    raw = read("corpora/mengzi_campus_safety_plan_2023.txt")
    raw.encoding, raw.blocks[0].text   # ('utf-8', '索引号')
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

from policykit.errors import InputError
from policykit.model import RawDocument
from policykit.readers.limits import DEFAULT_LIMITS, Limits, human_size
from policykit.readers.sniff import Sniffed, read_head, sniff

__all__ = ["FORMATS", "Limits", "detect_format", "read"]

FORMATS = ("txt", "docx", "pdf", "html")  # what read() gives; detect_format may also say "binary"
_TEXT_FORMATS = {"txt", "html"}


def _size(path: str) -> int:
    try:
        if os.path.isdir(path):
            raise InputError(path, "is a directory, not a file")
        return os.path.getsize(path)
    except OSError as err:
        raise InputError(path, err.strerror or str(err)) from None


def _sniff(path: str) -> Sniffed:
    if _size(path) == 0:
        raise InputError(path, "empty file")
    try:
        head = read_head(path)
    except OSError as err:
        raise InputError(path, err.strerror or str(err)) from None
    return sniff(path, head, Path(path).suffix)


def detect_format(path: str | Path) -> str:
    """The reader a file needs: ``"txt"``, ``"docx"``, ``"pdf"`` or ``"html"``; ``"binary"`` for no document.

    A ``.doc`` that is really DOCX gives ``"docx"``; a ``.txt`` that is a web page
    gives ``"html"``; a photo, an archive or random bytes give ``"binary"`` (``read``
    refuses them); a ``.pdf`` that is not a PDF raises ``InputError``.
    """
    return _sniff(str(path)).format


def _reader(fmt: str) -> Callable[[str, bytes, Limits], RawDocument]:
    # Imported on demand: python-docx, pdfplumber and BeautifulSoup are slow to import.
    if fmt == "docx":
        from policykit.readers.docx import read_docx

        return read_docx
    if fmt == "pdf":
        from policykit.readers.pdf import read_pdf

        return read_pdf
    if fmt == "html":
        from policykit.readers.html import read_html

        return read_html
    from policykit.readers.txt import read_txt

    return lambda path, data, limits: read_txt(path, data)


def read(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> RawDocument:
    """Read a plan or notice (TXT in any common Chinese encoding, DOCX, PDF, HTML)."""
    path = str(path)
    size = _size(path)
    if size > limits.max_file_bytes:
        raise InputError(path, f"file too large ({human_size(size)}; the limit is "
                               f"{human_size(limits.max_file_bytes)}, Limits.max_file_bytes)")
    sniffed = _sniff(path)
    if sniffed.format == "binary":
        raise InputError(path, sniffed.problem or "binary data, not a document")
    fmt = sniffed.format
    if fmt in _TEXT_FORMATS and size > limits.max_text_bytes:
        raise InputError(path, f"text file too large ({human_size(size)}; the limit for text and HTML is "
                               f"{human_size(limits.max_text_bytes)}, Limits.max_text_bytes)")
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as err:
        raise InputError(path, err.strerror or str(err)) from None
    raw = _reader(fmt)(path, data, limits)
    raw.sha256 = hashlib.sha256(data).hexdigest()
    return raw
