"""``policykit batch PATH... [-o OUT.jsonl] [--db STORE.sqlite] [-j N] [--resume]``: a wrapper over ``policykit.batch.run``."""

from __future__ import annotations

import click

from policykit.cli.common import EXIT_FAILED, error_line, fail

EXIT_INTERRUPTED = 130  # what a shell reports for Ctrl-C


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(), metavar="PATH...")
@click.option("-o", "--output", "out", default=None, metavar="OUT.jsonl",
              help="JSONL, one document per line, appended as files finish ('-': stdout). "
                   "Default: stdout, or nothing when --db is given.")
@click.option("--db", type=click.Path(dir_okay=False), metavar="STORE.sqlite",
              help="SQLite store to add the documents to (tables documents, tasks, units, requirements; "
                   "view assignments).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N", help="Worker processes.  [default: the CPUs]")
@click.option("--resume", is_flag=True,
              help="Keep what -o/--db already hold and skip files whose content is there.")
@click.option("--errors", "errors", type=click.Path(dir_okay=False), metavar="ERRORS.jsonl",
              help="Also write one JSON line per failed file (path, sha256, reason) to this file.")
@click.option("--timeout", type=click.FloatRange(min=0), default=300, show_default=True, metavar="SECONDS",
              help="Seconds one file may take before its worker is killed (0: no limit).")
@click.option("--max-memory", "max_memory", type=click.IntRange(min=100), metavar="MB",
              help="Address space each worker may use; a file needing more fails alone.")
@click.option("--registry", type=click.Path(exists=True, dir_okay=False),
              help="A unit registry TOML that adds to or overrides the bundled one.")
@click.option("--progress/--no-progress", "show_progress", default=True, show_default=True,
              help="Progress on stderr: a live line on a terminal, a line every 5 s otherwise.")
def batch(paths: tuple[str, ...], out: str | None, db: str | None, jobs: int | None, resume: bool,
          errors: str | None, timeout: float, max_memory: int | None, registry: str | None,
          show_progress: bool) -> None:
    """Parse many plans and notices in parallel: PATH is a file or a folder (walked recursively).

    \b
    Folders: every file ending .txt .text .docx .doc .wps .pdf .html .htm
    .shtml .xhtml, plus files without an extension (or .aspx, .jsp …) whose
    content is a document; hidden files and folders, ~$* and *.tmp/*.part
    are skipped.  Each document is parsed once (files with the same content
    are duplicates).  Each failed file is one line on stderr and the exit
    status is 1; the others still finish.  A killed run leaves whole lines
    only: run it again with --resume.
    """
    from policykit.batch import StderrProgress, run
    from policykit.errors import InputError, PolicykitError

    if out is None and db is None:
        out = "-"
    try:
        summary = run(
            paths, out=out, db=db, jobs=jobs, resume=resume, errors=errors,
            progress=StderrProgress(show=show_progress), timeout=timeout or None,
            max_memory_mb=max_memory, options={"registry": registry} if registry else None,
        )
    except InputError as err:
        error_line(err.path, err.problem)
        fail(EXIT_FAILED)
    except PolicykitError as err:
        raise click.UsageError(str(err)) from None
    except BrokenPipeError:
        raise  # the reader of stdout left (| head): the command group ends the run quietly
    except OSError as err:  # the output itself cannot be written: disk full, no permission
        error_line(err.filename or out or db, err.strerror or str(err))
        fail(EXIT_FAILED)
    if summary.interrupted:
        fail(EXIT_INTERRUPTED)
    if summary.failed:
        fail(EXIT_FAILED)
