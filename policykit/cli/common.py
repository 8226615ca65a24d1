"""What every command shares: error lines, exit codes."""

from __future__ import annotations

import sys

import click

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


def error_line(path: str | None, problem: str) -> None:
    """Print ``policykit: error: PATH: problem`` on stderr (one line, no traceback)."""
    problem = " ".join(str(problem).split())
    where = f"{path}: " if path else ""
    click.echo(f"policykit: error: {where}{problem}", err=True)


def warn_line(message: str) -> None:
    click.echo(f"policykit: warning: {' '.join(message.split())}", err=True)


def fail(code: int = EXIT_FAILED) -> None:
    sys.exit(code)
