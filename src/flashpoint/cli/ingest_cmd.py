"""`flashpoint ingest`: read inputs into the database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from flashpoint.cli.common import db_option, read_option_flags, read_options_from, settings_for
from flashpoint.cli.progress import progress_bar


@click.command("ingest")
@click.argument("inputs", nargs=-1, required=True)
@read_option_flags
@db_option
@click.option("--quiet", is_flag=True, help="No progress bar and no list of problems.")
def ingest_command(inputs: tuple[str, ...], db: Path | None, quiet: bool, **flags: Any) -> None:
    """Read articles into the database (text, Markdown, HTML, JSON Lines, CSV, .gz).

    INPUTS are files, directories (read recursively) or - for standard input.
    Ingesting an article again keeps one copy: the same id, or the same text under
    another id, is counted as a duplicate. Inputs that cannot be used are stored as
    rejections with the reason (see `flashpoint stats`). Then run `flashpoint code`.

    \b
    Examples:
      flashpoint ingest articles/ --db news.duckdb
      flashpoint ingest feed.jsonl.gz --text-field body --date-field pubDate
      curl -s https://example.org/a.html | flashpoint ingest - --format html
    """
    from flashpoint.store import Store  # noqa: PLC0415 - keep --help fast
    from flashpoint.workflows import ingest_inputs  # noqa: PLC0415

    settings = settings_for(db)
    options = read_options_from(settings, flags)
    with Store(settings.db_path) as store, progress_bar("reading", quiet=quiet) as progress:
        report = ingest_inputs(store, list(inputs), options, progress)
    click.echo(
        f"read {report.read} articles in {report.seconds:.1f} s: {report.stored} new, "
        f"{len(report.duplicates)} duplicates, {len(report.rejections)} rejected "
        f"-> {settings.db_path}"
    )
    if report.rejections and not quiet:
        by_code = ", ".join(f"{code}: {n}" for code, n in report.rejections_by_code().items())
        click.echo(f"rejected by reason: {by_code}", err=True)
        for rejection in report.rejections[:5]:
            click.echo(f"  [{rejection.code}] {rejection.source}: {rejection.reason}", err=True)
        if len(report.rejections) > 5:
            click.echo(f"  ... and {len(report.rejections) - 5} more", err=True)
    if report.read == 0 and report.rejections:
        raise click.ClickException("no usable article in the inputs")
