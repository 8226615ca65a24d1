"""Unit names → one stable function per department (SPEC: UNIT).

Placeholder implementation with the final signatures; the registry-backed
version replaces the bodies, not the signatures.
"""

from __future__ import annotations

import re
from typing import Any

from policykit.model import Span, Unit

_SEPARATORS = re.compile(r"[、,，;；\n]+")


def normalise(name: str, *, level_hint: str | None = None, region_hint: str | None = None,
              registry: Any = None) -> Unit:
    """One unit name → Unit.  ``"区卫生健康 委"`` → name ``"区卫生健康委"``, canonical ``"卫生健康"``."""
    clean = "".join(name.split())
    return Unit(raw=name, name=clean, canonical=None, level=level_hint, region=region_hint,
                kind="other", known=False, confidence=0.0)


def split_unit_list(text: str, *, registry: Any = None) -> list[tuple[str, int, int]]:
    """A raw list → (raw piece, start, end) with offsets into ``text``."""
    pieces = []
    pos = 0
    for m in _SEPARATORS.finditer(text + "、"):
        piece = text[pos:m.start()]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            pieces.append((piece.strip(), pos + lead, pos + lead + len(piece.strip())))
        pos = m.end()
    return pieces


def parse_unit_list(text: str, offset: int = 0, *, doc_level: str | None = None,
                    doc_region: str | None = None, registry: Any = None) -> list[Unit]:
    """Split a raw list and normalise every unit; spans are ``offset`` + position in ``text``."""
    units = []
    for raw, start, end in split_unit_list(text, registry=registry):
        unit = normalise(raw, level_hint=None, region_hint=doc_region, registry=registry)
        unit.span = Span(offset + start, offset + end)
        units.append(unit)
    return units
