"""policykit: Chinese local-government implementation plans as data, and back.

The library is the API; the command line wraps it::

    import policykit
    doc = policykit.parse("corpora/mengzi_campus_safety_plan_2023.txt")
    doc.tasks[0].lead[0].canonical   # '教育'
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:  # pragma: no cover
    from policykit.comparison import Comparison
    from policykit.drafting import DraftResult
    from policykit.model import Document
    from policykit.profile import Profile
    from policykit.units.registry import Registry

__all__ = ["compare", "draft", "load_profile", "parse", "parse_text"]


def parse(path: str | Path, *, registry: Registry | str | Path | None = None) -> Document:
    """Parse a plan or notice (TXT, DOCX, PDF, HTML) into a ``Document``."""
    from policykit.parsing import parse as _parse

    return _parse(path, registry=registry)


def parse_text(text: str, *, path: str = "<text>", registry: Registry | str | Path | None = None) -> Document:
    """Parse text already in memory (a test sentence, a pasted notice)."""
    from policykit.parsing import parse_text as _parse_text

    return _parse_text(text, path=path, registry=registry)


def compare(docs: list[Document | str | Path], *, parent: Document | str | Path | None = None,
            settings: Any = None) -> Comparison:
    """Compare documents' responsibility splits (documents or files); see ``policykit.comparison``."""
    from policykit.comparison import compare as _compare

    return _compare(docs, parent=parent, settings=settings)


def draft(doc: Document | str | Path, profile: Profile | dict[str, Any] | str | Path, *,
          template: str | Path | None = None) -> DraftResult:
    """Draft a new county's plan from a source plan and a county profile; see ``policykit.drafting``."""
    from policykit.drafting import draft as _draft

    return _draft(doc, profile, template=template)


def load_profile(path: str | Path) -> Profile:
    """Read and check a county profile TOML (SPEC: county profile)."""
    from policykit.profile import load_profile as _load_profile

    return _load_profile(path)
