"""The ``policykit`` command line: option parsing and output only.

Every command is a thin wrapper over a library call (``policykit.parse``,
``policykit.units.normalise``, ``policykit.compare``, ``policykit.draft``,
``policykit.batch.run``).  Heavy modules (jieba, pdfplumber, python-docx) are
imported inside the commands, never at start-up.
"""

from __future__ import annotations

from typing import Any

import click

from policykit import __version__
from policykit.cli.batch_cmd import batch
from policykit.cli.compare_cmd import compare
from policykit.cli.demo_cmd import demo
from policykit.cli.draft_cmd import draft
from policykit.cli.parse_cmd import parse
from policykit.cli.units_cmd import units


class _Group(click.Group):
    """The command group: a ``PolicykitError`` no command handled is one error line and exit 1."""

    def invoke(self, ctx: click.Context) -> Any:
        from policykit.cli.common import EXIT_FAILED, error_line
        from policykit.errors import PolicykitError, UsageError

        try:
            return super().invoke(ctx)
        except UsageError as err:
            raise click.UsageError(str(err)) from None
        except PolicykitError as err:
            error_line(None, str(err))
            ctx.exit(EXIT_FAILED)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="policykit")
def main() -> None:
    """Turn Chinese local-government implementation plans into data, and back.

    Exit status: 0 success; 1 the work failed for at least one input (one line
    per failure on stderr: "policykit: error: PATH: what is wrong"); 2 usage error.
    """


for command in (parse, units, compare, draft, batch, demo):
    main.add_command(command)
