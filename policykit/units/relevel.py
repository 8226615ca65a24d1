"""A unit's name under another county's level prefix, for the drafter.

市教育体育局 → 县教育体育局; 团市委 → 团县委; 公安青浦分局 → 县公安局.
"""

from __future__ import annotations

from pathlib import Path

from policykit.model import Unit
from policykit.units.match import Match, best_whole
from policykit.units.normalise import clean, strip_level, topic_ending
from policykit.units.registry import Registry, default_registry

# Collectives and generic references read the same in every county.
_UNCHANGED = {"township", "generic"}
# Names that are one region's or one era's: the county gets the standard name instead.
_STANDARD_FORMS = {"former", "regional"}


def _rewrite(reg: Registry, m: Match, body: str, prefixed: bool, level: str, region: str | None) -> str:
    """The name with its level (and region) replaced; a province form becomes the standard name."""
    function = reg.functions[m.alias.canonical]
    infix = m.alias.level is not None
    province_form = function.province and body == function.province and level != "省"
    if m.branch or province_form or m.alias.form in _STANDARD_FORMS or (not prefixed and "{L}" in function.standard):
        body, infix = function.standard, "{L}" in function.standard
    if "{L}" in body:
        body = body.replace("{L}", level)
    elif infix:
        body = body.replace(m.alias.level or "", level, 1)
    if infix and not prefixed:
        return body
    prefix = region if region and region.endswith(level) else (region or "") + level
    return prefix + body


def relevel(unit_or_name: Unit | str, level: str, region: str | None = None, *,
            registry: Registry | str | Path | None = None) -> str:
    """The name under ``level`` (and optionally ``region``): "市教育体育局" → "县教育体育局".

    A branch maps to the county's main bureau (公安青浦分局 → 县公安局); township
    collectives, generic references and names the registry does not know are unchanged.
    """
    reg = default_registry(registry)
    name = unit_or_name.name if isinstance(unit_or_name, Unit) else unit_or_name
    c = clean(reg, name)
    m = best_whole(reg, c.compared) if c.compared else None
    if m is None and c.compared and topic_ending(reg, c.compared):
        core, written = strip_level(reg, c.compared)  # 市行政审批制度改革工作领导小组办公室 → 县…
        return (region if region and region.endswith(level) else (region or "") + level) + core if written else name
    if m is None or m.alias.kind in _UNCHANGED or m.collective or reg.functions[m.alias.canonical].keep_name:
        return name
    if m.alias.kind == "other" and m.level is None:
        return name  # 学校, 中国移动: no level to change
    body = _body(reg, c.compared, m)
    if body is None:
        return name
    return _rewrite(reg, m, body, len(body) < len(c.compared), level, region)


def _body(reg: Registry, s: str, m: Match) -> str | None:
    """What follows the written level and region: "蒙自市教育体育局" → "教育体育局"."""
    if m.branch:
        return reg.functions[m.alias.canonical].standard
    for start in range(len(s)):
        alias = reg.aliases.get(s[start:])
        if alias is not None and alias.canonical == m.alias.canonical:
            return s[start:]
    return None
