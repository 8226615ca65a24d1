"""The structure data files (``policykit/data/structure_*.toml``), loaded once."""

from __future__ import annotations

from functools import cache
from typing import Any

from policykit.datafiles import bundled


@cache
def load(name: str) -> dict[str, Any]:
    """``load("headings")`` → the parsed ``structure_headings.toml``."""
    return bundled(f"structure_{name}.toml")
