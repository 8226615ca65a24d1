"""Which reader a file needs, from its first bytes first and its name second.

Government sites serve ``.doc`` files that are web pages, ``.txt`` files that
are HTML, and ``.pdf`` links that return an error page: content decides, and a
name that promises a binary format the bytes do not have is an error.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from policykit.errors import InputError

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


def sniff_format(path: str, head: bytes, extension: str) -> str:
    """``"txt"``, ``"html"``, ``"docx"`` or ``"pdf"``; InputError for what no reader takes."""
    ext = extension.lower()
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_format(path)
    if head.startswith(_OLE_MAGIC):
        raise InputError(path, "a legacy Word 97-2003 (.doc/.wps) or other OLE file, not supported: "
                               "save it as .docx")
    if head.lstrip().startswith(b"{\\rtf"):
        raise InputError(path, "an RTF file, not supported: save it as .docx or .txt")
    if ext == ".pdf":
        raise InputError(path, f"not a PDF (starts with {_preview(head)})")
    html = looks_like_html(head) or ext in _HTML_EXTENSIONS
    if ext in _DOCX_EXTENSIONS:
        raise InputError(path, f"not a DOCX: not a zip archive (starts with {_preview(head)})")
    if ext == ".doc" and not html:
        raise InputError(path, f"not a Word document (starts with {_preview(head)})")
    return "html" if html else "txt"


def _zip_format(path: str) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as err:
        raise InputError(path, f"corrupt DOCX: broken zip archive ({err})") from None
    if "word/document.xml" in names:
        return "docx"
    if any(name.startswith("xl/") for name in names):
        raise InputError(path, "an Excel workbook, not a document: save the sheet as .docx or .txt")
    raise InputError(path, "a zip archive without word/document.xml, not a DOCX")


def read_head(path: str | Path) -> bytes:
    """The first HEAD_BYTES bytes of ``path``."""
    with open(path, "rb") as fh:
        return fh.read(HEAD_BYTES)
