"""The readers' data file (``policykit/data/readers.toml``), loaded once and compiled."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "readers.toml"


@cache
def load() -> dict[str, Any]:
    """The parsed ``readers.toml``: ``load()["html"]["field_labels"][0]`` → "索引号"."""
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib
    with open(DATA_FILE, "rb") as fh:
        return tomllib.load(fh)


@cache
def patterns(section: str, key: str) -> re.Pattern[str]:
    """One alternation of a list of regexes: ``patterns("pdf", "page_number").match("- 3 -")``."""
    return re.compile("|".join(f"(?:{p})" for p in load()[section][key]))
