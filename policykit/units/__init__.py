"""Unit names → one stable function per department (SPEC: UNIT).

    >>> from policykit.units import normalise, parse_unit_list
    >>> normalise("区卫生健康 委").canonical
    '卫生健康'
    >>> [u.name for u in parse_unit_list("公安局、市住房和城乡建设局市应急管理局")]
    ['公安局', '市住房和城乡建设局', '市应急管理局']

The registry is data (``policykit/data/units.toml``); ``load_registry(path)`` adds a
user's file.  See docs/units.md.
"""

from __future__ import annotations

import re
from pathlib import Path

from policykit.model import Span, Unit
from policykit.units.match import is_place
from policykit.units.normalise import clean, complete_shortened, resolve, shortened_unit
from policykit.units.registry import Registry, default_registry, load_registry
from policykit.units.relevel import relevel
from policykit.units.split import list_end, split_unit_list

__all__ = ["Registry", "list_end", "load_registry", "normalise", "parse_unit_list", "relevel", "split_unit_list"]

RegistryArg = Registry | str | Path | None
# Kinds whose level is not passed on to the names after them ("各乡镇、公安局" keeps the hint).
_NO_SHARED_LEVEL = {"township", "generic"}


def normalise(name: str, *, level_hint: str | None = None, region_hint: str | None = None,
              registry: RegistryArg = None) -> Unit:
    """One unit name → Unit.  ``"区卫生健康 委"`` → name ``"区卫生健康委"``, canonical ``"卫生健康"``."""
    reg = default_registry(registry)
    unit, _ = resolve(reg, name, clean(reg, name), level_hint=level_hint, region_hint=region_hint)
    return unit


_HAN = re.compile(r"[\u3400-\u9fff]")


def parse_unit_list(text: str, offset: int = 0, *, doc_level: str | None = None,
                    doc_region: str | None = None, registry: RegistryArg = None) -> list[Unit]:
    """Split a raw list and normalise every unit; spans are ``offset`` + position in ``text``.

    A level written once is shared by the names after it: "市公安局、教育局" → both 市;
    a place name alone borrows the next name's unit: "赣州、龙南经济技术开发区管委会" → two 管委会.
    """
    reg = default_registry(registry)
    units: list[Unit] = []
    shared = doc_level
    pieces = split_unit_list(text, registry=reg)
    cleaned = [clean(reg, raw) for raw, _, _ in pieces]
    for i, (raw, start, end) in enumerate(pieces):
        if not _HAN.search(raw):
            continue  # "2022-10-08", "—", "/": no unit name is written without a Chinese character
        c = cleaned[i]
        shortened = None
        # "雄县、容城、安新县委和人民政府": every bare place borrows from the first real name after it
        for following in cleaned[i + 1:]:
            shortened = complete_shortened(reg, c, following)
            if shortened is not None or not is_place(following.compared) or reg.lookup(following.compared):
                break
        if shortened is not None:
            unit = shortened_unit(reg, raw, c, *shortened, region_hint=doc_region, doc_level=doc_level)
            written = False
        else:
            unit, written = resolve(reg, raw, c, level_hint=shared, region_hint=doc_region, doc_level=doc_level)
        if written and unit.kind not in _NO_SHARED_LEVEL:
            shared = unit.level
        unit.span = Span(offset + start, offset + end)
        units.append(unit)
    return units
