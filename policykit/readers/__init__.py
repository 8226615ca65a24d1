"""Readers: a file → ``RawDocument`` (text as read + blocks).  Placeholder: UTF-8 text only."""

from __future__ import annotations

import hashlib
from pathlib import Path

from policykit.errors import InputError
from policykit.model import Paragraph, RawDocument, Span


def read(path: str | Path) -> RawDocument:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(str(path), err.strerror or str(err)) from None
    text = data.decode("utf-8-sig")
    blocks = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        blocks.append(Paragraph(body, Span(pos, pos + len(body))))
        pos += len(line)
    return RawDocument(text=text, format="txt", blocks=blocks, path=str(path), encoding="utf-8",
                       sha256=hashlib.sha256(data).hexdigest())
