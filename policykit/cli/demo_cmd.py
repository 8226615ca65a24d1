"""``policykit demo [-o DIR]``: the main job end to end on the bundled corpora."""

from __future__ import annotations

import click


@click.command()
@click.option("-o", "--output", "out", default="demo-out", show_default=True,
              type=click.Path(file_okay=False), help="Directory to write the results into.")
def demo(out: str) -> None:
    """Parse the bundled corpora, compare them and draft a new county's plan into DIR."""
    from policykit.demo import run_demo

    for line in run_demo(out):
        click.echo(line)
