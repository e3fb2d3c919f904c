"""`flashpoint ingest`: read inputs into the database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from flashpoint.cli.common import (
    WRITER_LOCK_WAIT,
    db_option,
    read_option_flags,
    read_options_from,
    settings_for,
)
from flashpoint.cli.progress import progress_bar


@click.command("ingest")
@click.argument("inputs", nargs=-1, required=True)
@read_option_flags
@db_option
@click.option("--quiet", is_flag=True, help="No progress bar and no list of problems.")
@click.option(
    "--allow-private",
    is_flag=True,
    help="Let URL inputs reach private, loopback and link-local addresses (docs/WATCH.md).",
)
def ingest_command(
    inputs: tuple[str, ...], db: Path | None, quiet: bool, allow_private: bool, **flags: Any
) -> None:
    """Read articles into the database (text, Markdown, HTML, JSON Lines, CSV, .gz).

    INPUTS are files, directories (read recursively), - for standard input, or http(s)
    URLs of pages (fetched safely, see docs/WATCH.md; private addresses need
    --allow-private).
    Ingesting an article again keeps one copy: the same id, or the same text under
    another id, is counted as a duplicate. Inputs that cannot be used are stored as
    rejections with the reason (see `flashpoint stats`). Then run `flashpoint code`.

    \b
    Examples:
      flashpoint ingest articles/ --db news.duckdb
      flashpoint ingest feed.jsonl.gz --text-field body --date-field pubDate
      flashpoint ingest https://example.org/2024/04/02/launch.html
    """
    from flashpoint.store import Store  # noqa: PLC0415 - keep --help fast
    from flashpoint.workflows import ingest_inputs  # noqa: PLC0415

    settings = settings_for(db)
    options = read_options_from(settings, flags)
    with (
        Store(settings.db_path, lock_wait=WRITER_LOCK_WAIT) as store,
        progress_bar("reading", quiet=quiet) as progress,
    ):
        urls = [item for item in inputs if item.startswith(("http://", "https://"))]
        paths = [item for item in inputs if item not in urls]
        report = ingest_inputs(store, paths, options, progress)
        if urls:
            from flashpoint.watch import ingest_urls  # noqa: PLC0415 - network code on demand

            ingest_urls(store, urls, options, allow_private=allow_private, report=report)
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
