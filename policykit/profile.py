"""County profiles (SPEC: ``draft --profile``): the county a draft is for, as a TOML file.

``load_profile("corpora/profiles/jianshui.toml")`` → ``Profile(name="建水县", level="县", …)``.
Every problem is one line naming the file: ``InputError(path, "level: expected one of 县, 市, 区, 旗")``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from policykit.china.levels import prefixes
from policykit.errors import InputError

LEVELS = prefixes("county")  # the prefix a county's own units carry: 县, 市, 区, 旗
_DOC_NUMBER = re.compile(r"〔\d{4}〕\d+号$")
_KNOWN_KEYS = {
    "name", "level", "province", "prefecture", "issuer", "doc_number", "date", "basis",
    "units", "numbers", "title", "short_name", "prefecture_short", "addressees",
}


@dataclass
class Profile:
    """The county a draft is for: 建水县, level 县, in 红河哈尼族彝族自治州, 云南省."""

    name: str
    level: str
    province: str
    prefecture: str | None = None
    issuer: str | None = None
    doc_number: str | None = None
    date: str | None = None  # ISO date (2024-03-01)
    basis: list[str] = field(default_factory=list)
    units: dict[str, str] = field(default_factory=dict)  # canonical → this county's unit name
    # A requirement's subject (专职保安员) or exact text (至少配1名专职保安员) → its value here:
    # a number replaces the source's number, a string replaces the whole requirement text.
    numbers: dict[str, int | float | str] = field(default_factory=dict)
    title: str | None = None  # the plan's title, when the adapted source title does not fit
    short_name: str | None = None  # 建水 (derived from name when not given)
    prefecture_short: str | None = None  # 红河州 (derived from prefecture when not given)
    addressees: str | None = None  # 主送机关 of the notice; default 各乡镇(街道),县级各有关部门


def load_profile(path: str | Path) -> Profile:
    """Read and check a county profile TOML: ``load_profile("jianshui.toml").name`` → ``"建水县"``."""
    from policykit.datafiles import user_file

    return profile_from_dict(user_file(path), str(path))


def profile_from_dict(data: dict[str, Any], path: str = "<profile>") -> Profile:
    """Check a profile already in memory: ``{"name": "建水县", "level": "县", "province": "云南省"}``."""
    unknown = sorted(set(data) - _KNOWN_KEYS)
    if unknown:
        raise InputError(path, f"unknown key {unknown[0]!r} (known: {', '.join(sorted(_KNOWN_KEYS))})")
    for key in ("name", "level", "province"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise InputError(path, f"{key}: required, a non-empty string")
    for key in ("prefecture", "issuer", "doc_number", "title", "short_name", "prefecture_short",
                "addressees"):
        if key in data and not isinstance(data[key], str):
            raise InputError(path, f"{key}: expected a string, got {type(data[key]).__name__}")
    if data["level"] not in LEVELS:
        raise InputError(path, f"level: expected one of {', '.join(LEVELS)}, got {data['level']!r}")
    if not data["name"].endswith(data["level"]) and not data["name"].endswith("自治" + data["level"]):
        raise InputError(path, f"name {data['name']!r} does not end with its level {data['level']!r}")
    if "doc_number" in data and not _DOC_NUMBER.search(data["doc_number"]):
        raise InputError(path, f"doc_number: expected a form like 建政办发〔2024〕12号, got {data['doc_number']!r}")
    date = _check_date(data.get("date"), path)
    basis = data.get("basis", [])
    if not isinstance(basis, list) or not all(isinstance(b, str) and b.strip() for b in basis):
        raise InputError(path, "basis: expected a list of document titles such as \"《…》\"")
    units = _check_table(data.get("units", {}), "units", (str,), path)
    numbers = _check_table(data.get("numbers", {}), "numbers", (int, float, str), path)
    return Profile(
        name=data["name"], level=data["level"], province=data["province"],
        prefecture=data.get("prefecture"), issuer=data.get("issuer"), doc_number=data.get("doc_number"),
        date=date, basis=[_bracketed(b) for b in basis], units=units, numbers=numbers,
        title=data.get("title"), short_name=data.get("short_name"),
        prefecture_short=data.get("prefecture_short"), addressees=data.get("addressees"),
    )


def _check_date(value: Any, path: str) -> str | None:
    """TOML dates and ISO strings both work: ``2024-03-01`` → ``"2024-03-01"``."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            pass
    raise InputError(path, f"date: expected an ISO date such as 2024-03-01, got {value!r}")


def _check_table(value: Any, key: str, types: tuple[type, ...], path: str) -> dict[str, Any]:
    """A TOML table whose values all have one of ``types``; booleans are not numbers."""
    if not isinstance(value, dict):
        raise InputError(path, f"[{key}]: expected a table")
    for name, item in value.items():
        if isinstance(item, bool) or not isinstance(item, types) or (isinstance(item, str) and not item.strip()):
            wanted = " or ".join(t.__name__ for t in types)
            raise InputError(path, f"[{key}] {name!r}: expected {wanted}, got {item!r}")
    return dict(value)


def _bracketed(title: str) -> str:
    """Upstream titles are written in book-title marks: ``"云南省…计划"`` → ``"《云南省…计划》"``."""
    title = title.strip()
    return title if title.startswith("《") else f"《{title}》"
