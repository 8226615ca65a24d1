"""The readers' data file (``policykit/data/readers.toml``), loaded once and compiled."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from policykit.datafiles import bundled


@cache
def load() -> dict[str, Any]:
    """The parsed ``readers.toml``: ``load()["html"]["field_labels"][0]`` → "索引号"."""
    return bundled("readers.toml")


@cache
def patterns(section: str, key: str) -> re.Pattern[str]:
    """One alternation of a list of regexes: ``patterns("pdf", "page_number").match("- 3 -")``."""
    return re.compile("|".join(f"(?:{p})" for p in load()[section][key]))
