"""Numeric requirements and deadlines (SPEC: REQUIREMENT).  Placeholder with the final signatures."""

from __future__ import annotations

from typing import Any

from policykit.model import Deadline, Requirement


def extract_requirements(text: str, offset: int = 0, *, task_id: str | None = None) -> list[Requirement]:
    """Every numeric requirement in ``text``; spans are ``offset`` + position in ``text``."""
    return []


def extract_deadlines(text: str, offset: int = 0, *, plan_date: str | None = None,
                      period: dict[str, Any] | None = None) -> list[Deadline]:
    """Every deadline in ``text`` (到2023年底, 三年内, 长期坚持 …)."""
    return []
