"""policykit: Chinese local-government implementation plans as data, and back.

The library is the API; the command line wraps it::

    import policykit
    doc = policykit.parse("corpora/mengzi_campus_safety_plan_2023.txt")
    doc.tasks[0].lead[0].canonical   # '教育'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:  # pragma: no cover
    from policykit.model import Document


def parse(path: Any, **options: Any) -> Document:
    """Parse a plan or notice (TXT, DOCX, PDF, HTML) into a ``Document``."""
    from policykit.parsing import parse as _parse

    return _parse(path, **options)


def parse_text(text: str, **options: Any) -> Document:
    """Parse text already in memory (a test sentence, a pasted notice)."""
    from policykit.parsing import parse_text as _parse_text

    return _parse_text(text, **options)


def compare(docs: Any, **options: Any) -> Any:
    """Compare documents' responsibility splits; see ``policykit.comparison``."""
    from policykit.comparison import compare as _compare

    return _compare(docs, **options)


def draft(doc: Any, profile: Any, **options: Any) -> Any:
    """Draft a new county's plan from a parsed source plan; see ``policykit.drafting``."""
    from policykit.drafting import draft as _draft

    return _draft(doc, profile, **options)
