"""Which reader a file needs, from its first bytes first and its name second.

Government sites serve ``.doc`` files that are web pages, ``.txt`` files that
are HTML, and ``.pdf`` links that return an error page: content decides, and a
name that promises a binary format the bytes do not have is an error.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from policykit.errors import InputError
from policykit.readers.vocab import load
from policykit.readers.xmlsafe import main_part

HEAD_BYTES = 4096
_HTML_EXTENSIONS = {".htm", ".html", ".shtml", ".xhtml", ".asp", ".aspx", ".jsp", ".php"}
_DOCX_EXTENSIONS = {".docx", ".docm", ".dotx", ".wps"}
_HTML_START = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta[\s>]|<title[\s>]",
                         re.IGNORECASE)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _preview(head: bytes) -> str:
    """The first bytes as a user would recognise them: b'<html><he'."""
    return repr(head[:12])


def looks_like_html(head: bytes) -> bool:
    """True for b"<!DOCTYPE html>…" or b"\\xef\\xbb\\xbf<html>…" (in the first kilobyte, any case)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    return bool(_HTML_START.search(head[:1024]))


@dataclass(frozen=True)
class Sniffed:
    """What the first bytes say: ``Sniffed("binary", "a PNG image, not a document")``."""

    format: str  # txt, docx, pdf, html, or binary
    problem: str | None = None  # why a "binary" file is no document


@cache
def _signatures() -> tuple[tuple[int, bytes, str], ...]:
    return tuple((entry.get("offset", 0), bytes.fromhex(entry["magic"]), entry["what"])
                 for entry in load()["binary"]["signatures"])


def binary_kind(head: bytes) -> str | None:
    """What a non-document file is, by its signature: ``b"\\x89PNG\\r\\n…"`` → "a PNG image"."""
    for offset, magic, what in _signatures():
        if head[offset:offset + len(magic)] == magic:
            return what
    return None


def _whole_utf8(head: bytes) -> bytes:
    """The head without a UTF-8 character cut at its end, so UTF-8 text still reads as UTF-8."""
    for cut in range(4):
        whole = head[:len(head) - cut]
        try:
            whole.decode("utf-8")
        except UnicodeDecodeError:
            continue
        return whole
    return head


def _text_problem(head: bytes) -> str | None:
    """Why the first bytes are no text (NUL bytes, rare characters only), or None."""
    from policykit.readers.encoding import NotText, decode_bytes

    try:
        decode_bytes(_whole_utf8(head))
    except NotText as err:
        return f"binary data, not text ({err})"
    return None


def sniff(path: str, head: bytes, extension: str) -> Sniffed:
    """The reader the bytes need; ``binary`` (with the reason) for what is no document at all.

    InputError for a document no reader takes (Word 97, RTF) or a file that is
    not what its name promises (a ``.pdf`` that is a web page).
    """
    ext = extension.lower()
    if b"%PDF-" in head[:1024]:
        return Sniffed("pdf")
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_format(path, ext)
    if head.startswith(_OLE_MAGIC):
        raise InputError(path, "a legacy Word 97-2003 (.doc/.wps) or other OLE file, not supported: "
                               "save it as .docx")
    if head.lstrip().startswith(b"{\\rtf"):
        raise InputError(path, "an RTF file, not supported: save it as .docx or .txt")
    kind = binary_kind(head)
    if kind:
        return Sniffed("binary", f"{kind}, not a document")
    if ext == ".pdf":
        raise InputError(path, f"not a PDF (starts with {_preview(head)})")
    html = looks_like_html(head) or ext in _HTML_EXTENSIONS
    if ext in _DOCX_EXTENSIONS:
        raise InputError(path, f"not a DOCX: not a zip archive (starts with {_preview(head)})")
    if ext == ".doc" and not html:
        raise InputError(path, f"not a Word document (starts with {_preview(head)})")
    if html:
        return Sniffed("html")
    problem = _text_problem(head)
    return Sniffed("binary", problem) if problem else Sniffed("txt")


def _zip_format(path: str, ext: str) -> Sniffed:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            main = main_part(archive)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as err:
        raise InputError(path, f"corrupt DOCX: broken zip archive ({err})") from None
    if main is not None:
        return Sniffed("docx")
    if any(name.startswith("xl/") for name in names):
        problem = "an Excel workbook, not a document: save the sheet as .docx or .txt"
    else:
        problem = "a zip archive without word/document.xml, not a DOCX"
    if ext in _DOCX_EXTENSIONS or ext == ".doc":
        raise InputError(path, problem)
    return Sniffed("binary", problem)


def read_head(path: str | Path) -> bytes:
    """The first HEAD_BYTES bytes of ``path``."""
    with open(path, "rb") as fh:
        return fh.read(HEAD_BYTES)
