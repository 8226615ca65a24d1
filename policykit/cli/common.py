"""What every command shares: error lines, exit codes."""

from __future__ import annotations

import sys

import click

from policykit.text import printable

EXIT_FAILED = 1
EXIT_USAGE = 2


def error_line(path: str | None, problem: str) -> None:
    """Print ``policykit: error: PATH: problem`` on stderr: one line, control characters escaped."""
    where = f"{printable(path)}: " if path else ""
    click.echo(f"policykit: error: {where}{printable(str(problem))}", err=True)


def fail(code: int = EXIT_FAILED) -> None:
    sys.exit(code)
