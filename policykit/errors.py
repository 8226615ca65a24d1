"""Errors that name the input and say what is wrong with it, in one line."""

from __future__ import annotations


class PolicykitError(Exception):
    """Base class: ``str(err)`` is one line a user can act on."""


class InputError(PolicykitError):
    """An input file cannot be read: ``InputError(path, "not a PDF (starts with b'<html')")``."""

    def __init__(self, path: str, problem: str) -> None:
        from policykit.text import printable

        super().__init__(f"{printable(path)}: {' '.join(problem.split())}")
        self.path = path
        self.problem = problem


class UsageError(PolicykitError):
    """The call itself is wrong (bad option value, unknown format)."""
