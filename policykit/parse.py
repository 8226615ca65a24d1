"""parse: read → blocks → outline → tasks → units → requirements.  (Placeholder pipeline.)"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from policykit.model import Document, Meta, RawDocument, Source


def parse(path: str | Path, **options: Any) -> Document:
    from policykit.readers import read

    return parse_raw(read(path), **options)


def parse_raw(raw: RawDocument, **options: Any) -> Document:
    source = Source(raw.path, raw.format, raw.encoding, raw.sha256, len(raw.text))
    return Document(source=source, meta=Meta(), text=raw.text, warnings=list(raw.warnings))
