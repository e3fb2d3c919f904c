"""`flashpoint code`: code the stored articles not yet coded (or, with --engine dask, files)."""

from __future__ import annotations

from pathlib import Path

import click

from flashpoint.cli.code_dask import DEFAULT_OUTPUT, run_dask_engine
from flashpoint.cli.common import WRITER_LOCK_WAIT, coder_factory, db_option, settings_for
from flashpoint.cli.progress import progress_bar


@click.command("code")
@click.argument("inputs", nargs=-1)
@db_option
@click.option(
    "--workers",
    type=click.IntRange(min=0),
    default=None,
    help="Worker processes; 0 means one per core (default: the `workers` setting, 1).",
)
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Code at most N articles.")
@click.option("--recode", is_flag=True, help="Code every article again, replacing its events.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="local: the articles in --db. dask: INPUTS (JSON Lines or Parquet) on a Dask cluster, "
    "written as Parquet to --output; load it with `flashpoint import`.",
)
@click.option(
    "--scheduler",
    default=None,
    metavar="ADDRESS",
    help="dask engine: scheduler address, e.g. tcp://10.0.0.5:8786 (default: a local cluster).",
)
@click.option(
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_OUTPUT,
    show_default=True,
    help="dask engine: directory for the Parquet output.",
)
@click.option(
    "--partition-size",
    type=click.IntRange(min=1),
    default=500,
    show_default=True,
    help="dask engine: articles per partition.",
)
@click.option("--overwrite", is_flag=True, help="dask engine: replace an earlier run's output.")
@click.pass_context
def code_command(
    ctx: click.Context,
    *,
    inputs: tuple[str, ...],
    db: Path | None,
    workers: int | None,
    limit: int | None,
    recode: bool,
    quiet: bool,
    engine: str,
    scheduler: str | None,
    output: Path,
    partition_size: int,
    overwrite: bool,
) -> None:
    """Code the articles in the database that are not coded yet.

    Resumable: results are saved as it goes, so an interrupted run loses little and
    the next run carries on where it stopped. An article the coder fails on is
    recorded as a rejection (FP301) and the run goes on. A progress bar with rate and
    ETA shows on standard error when it is a terminal.

    \b
    Examples:
      flashpoint code --db news.duckdb
      flashpoint code --workers 0            # one worker per core
      flashpoint code --limit 100 --recode   # re-code the first 100 articles
      flashpoint code --engine dask corpus.jsonl.gz --output out/
    """
    settings = settings_for(db)
    if engine == "dask":
        from flashpoint.ingest import ReadOptions  # noqa: PLC0415 - keep --help fast

        run_dask_engine(
            inputs,
            output=output,
            scheduler=scheduler,
            partition_size=partition_size,
            overwrite=overwrite,
            settings=settings,
            read_options=ReadOptions(
                max_article_bytes=settings.max_article_bytes,
                min_article_chars=settings.min_article_chars,
            ),
            n_workers=workers or None,
        )
        return
    if inputs:
        raise click.UsageError(
            "the local engine codes the articles already in the database: run "
            "`flashpoint ingest FILE` first, or use --engine dask for files"
        )
    from flashpoint.store import Store  # noqa: PLC0415
    from flashpoint.story_workflow import update_stories  # noqa: PLC0415
    from flashpoint.workflows import code_pending  # noqa: PLC0415

    with (
        Store(settings.db_path, lock_wait=WRITER_LOCK_WAIT) as store,
        progress_bar("coding", quiet=quiet) as progress,
    ):
        report = code_pending(
            store,
            coder_factory(ctx),
            settings,
            settings.workers if workers is None else workers,
            progress=progress,
            limit=limit,
            recode=recode,
        )
        grouped = update_stories(store)  # newly coded events join stories (docs/STORIES.md)
    click.echo(
        f"coded {report.articles} articles into {report.events} events in "
        f"{report.seconds:.1f} s ({report.articles_per_second:.1f} articles/s, "
        f"{report.workers} workers); {len(report.failures)} failed -> {settings.db_path}"
    )
    click.echo(
        f"grouped {grouped.events} new events into stories: "
        f"{grouped.founded} new, {grouped.joined} joined one"
    )
    for failure in report.failures[:5]:
        click.echo(f"  [{failure.code}] {failure.source}: {failure.reason}", err=True)
