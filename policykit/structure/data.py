"""The structure data files (``policykit/data/structure_*.toml``), loaded once."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@cache
def load(name: str) -> dict[str, Any]:
    """``load("headings")`` → the parsed ``structure_headings.toml``."""
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib
    with open(DATA_DIR / f"structure_{name}.toml", "rb") as fh:
        return tomllib.load(fh)
