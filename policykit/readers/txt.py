"""TXT reader: bytes of any common Chinese encoding → one Paragraph per line."""

from __future__ import annotations

from policykit.errors import InputError
from policykit.model import RawDocument
from policykit.readers.encoding import NotText, decode_bytes
from policykit.readers.lines import split_lines


def read_txt(path: str, data: bytes) -> RawDocument:
    """Decode and split: GB18030 "一、总体目标\\r\\n" → text "一、总体目标\\r\\n", one Paragraph."""
    if not data:
        raise InputError(path, "empty file")
    try:
        decoded = decode_bytes(data)
    except NotText as err:
        raise InputError(path, f"binary data, not text ({err})") from None
    if not decoded.text.strip():
        raise InputError(path, "empty file (whitespace only)")
    return RawDocument(text=decoded.text, format="txt", blocks=list(split_lines(decoded.text)),
                       path=path, encoding=decoded.encoding, warnings=decoded.warnings)
