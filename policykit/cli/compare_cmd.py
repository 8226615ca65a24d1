"""``policykit compare FILE FILE... [--parent UPSTREAM] [-o REPORT] [--network GRAPH]``."""

from __future__ import annotations

import click

from policykit.cli.common import EXIT_FAILED, error_line, fail


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("-o", "--output", "out", default="-", show_default=True,
              help="Report: .html (self-contained, with a heatmap), .md, .xlsx, or .csv (the long "
                   "assignment table); '-' prints Markdown.")
@click.option("-f", "--format", "fmt", type=click.Choice(["html", "md", "xlsx", "csv"]),
              help="Report format when the -o suffix does not say it.")
@click.option("--parent", type=click.Path(dir_okay=False),
              help="The upstream plan the documents implement: shows what each added, dropped or copied.")
@click.option("--network", type=click.Path(dir_okay=False),
              help="Also write the lead → co network: .gexf, .graphml (pooled, plus one file per "
                   "document beside it), .csv (STEM.nodes.csv + STEM.edges.csv for Gephi) or .dl (UCINET).")
@click.option("--settings", type=click.Path(exists=True, dir_okay=False),
              help="A TOML file merged over policykit/data/compare*.toml (threshold, stopwords, [[theme]] seeds).")
def compare(files: tuple[str, ...], out: str, fmt: str | None, parent: str | None, network: str | None,
            settings: str | None) -> None:
    """Compare how documents divide the same work between departments.

    Each FILE is a plan (parsed as by 'policykit parse') or parse output
    (.json: one document or a list; .jsonl: one per line).  Tasks doing the
    same work in different documents share a theme; the report shows who
    leads and who co-operates per function and document, where leads differ,
    the numbers each sets, and per-document metrics.  If any input cannot be
    read, nothing is written and the exit status is 1.
    """
    from policykit import atomic
    from policykit.comparison import compare as run_compare
    from policykit.comparison import load_documents, reports
    from policykit.comparison.network import FORMATS as GRAPH_FORMATS
    from policykit.errors import PolicykitError, UsageError

    try:
        chosen = reports.format_for(out, fmt)
    except UsageError as err:
        raise click.UsageError(str(err)) from err
    if chosen == "xlsx" and out == "-":
        raise click.UsageError("xlsx output needs a file: -o REPORT.xlsx")
    if network and not network.lower().endswith(GRAPH_FORMATS):
        raise click.UsageError(f"--network {network}: use a file ending in {', '.join(GRAPH_FORMATS)}")

    docs = []
    failed = False
    for path in files:
        try:
            docs.extend(load_documents([path]))
        except PolicykitError as err:
            error_line(None, str(err))
            failed = True
        except Exception as err:  # a bug must still name the file, not print a traceback
            error_line(path, f"internal error: {type(err).__name__}: {err}")
            failed = True
    upstream = None
    if parent:
        try:
            loaded = load_documents([parent])
            if len(loaded) != 1:
                raise PolicykitError(f"{parent}: --parent needs exactly one document, found {len(loaded)}")
            upstream = loaded[0]
        except PolicykitError as err:
            error_line(None, str(err))
            failed = True
    if failed:
        fail(EXIT_FAILED)
    try:
        comparison = run_compare(docs, parent=upstream, settings=settings)
        report = reports.render(comparison, chosen)
        if network:
            from policykit.comparison.network import write_network

            for path in write_network(comparison, network):
                click.echo(f"policykit: wrote {path}", err=True)
        atomic.write_bytes(out, report)
    except PolicykitError as err:
        error_line(None, str(err))
        fail(EXIT_FAILED)
