"""Tunables and vocabularies of ``policykit compare``, read from ``policykit/data/compare*.toml``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from policykit.datafiles import bundled, user_file
from policykit.errors import InputError

SETTINGS_FILE = "compare.toml"  # bundled in policykit/data/
THEMES_FILE = "compare_themes.toml"


@dataclass(frozen=True)
class SeedTheme:
    """A named theme: ``SeedTheme("心理健康教育", ("心理健康", "心理辅导", "生命教育"))``."""

    label: str
    keywords: tuple[str, ...]


@dataclass
class Settings:
    threshold: float = 0.15
    title_weight: int = 2
    seed_weight: int = 3
    copied_ratio: float = 95.0
    stopwords: frozenset[str] = frozenset()
    seeds: list[SeedTheme] = field(default_factory=list)


def _seeds(data: dict[str, Any], path: Path) -> list[SeedTheme]:
    seeds = []
    for i, item in enumerate(data.get("theme", [])):
        label, keywords = item.get("label"), item.get("keywords")
        if not isinstance(label, str) or not isinstance(keywords, list) or not keywords:
            raise InputError(str(path), f"[[theme]] number {i + 1} needs a label and a keywords list")
        seeds.append(SeedTheme(label, tuple(str(k) for k in keywords)))
    return seeds


def load_settings(extra: str | Path | None = None) -> Settings:
    """The bundled settings, with ``extra`` (a TOML file of the same shape) merged over them.

    ``extra`` may hold ``[align]``, ``[tokens] stopwords`` (added to the bundled
    ones) and ``[[theme]]`` seeds (tried before the bundled ones).
    """
    base = bundled(SETTINGS_FILE)
    seeds = _seeds(bundled(THEMES_FILE), THEMES_FILE)
    align = dict(base.get("align", {}))
    stopwords = set(base.get("tokens", {}).get("stopwords", []))
    if extra is not None:
        path = Path(extra)
        data = user_file(path)
        align.update(data.get("align", {}))
        stopwords.update(data.get("tokens", {}).get("stopwords", []))
        seeds = _seeds(data, path) + seeds
    try:
        return Settings(
            threshold=float(align.get("threshold", 0.15)),
            title_weight=int(align.get("title_weight", 2)),
            seed_weight=int(align.get("seed_weight", 3)),
            copied_ratio=float(align.get("copied_ratio", 95)),
            stopwords=frozenset(stopwords),
            seeds=seeds,
        )
    except (TypeError, ValueError) as err:
        raise InputError(str(extra or SETTINGS_FILE), f"[align] values must be numbers: {err}") from err
