"""``policykit compare``: see ../shared/SPEC.md.  (Not implemented yet.)"""

from __future__ import annotations

import click

from policykit.cli.common import error_line, fail


@click.command(context_settings={"ignore_unknown_options": True})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def compare(args: tuple[str, ...]) -> None:
    """Not implemented yet."""
    error_line(None, "'compare' is not implemented yet")
    fail(1)
