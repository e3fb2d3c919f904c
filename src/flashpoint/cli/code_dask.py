"""Command-line pieces of the Dask engine, for `flashpoint code --engine dask`.

`dask_engine_options` adds the engine's flags to a click command, and `run_dask_engine`
runs it and prints the summary; `code_dask_command` is a complete command built from
them for registering on its own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from flashpoint.config import Settings, load_settings
from flashpoint.errors import FlashpointError
from flashpoint.ingest.options import ReadOptions

F = TypeVar("F", bound=Callable[..., Any])

DEFAULT_OUTPUT = Path("flashpoint-out")


def dask_engine_options(func: F) -> F:
    """--scheduler, --output, --partition-size and --overwrite."""
    options = (
        click.option(
            "--scheduler",
            default=None,
            metavar="ADDRESS",
            help="Dask scheduler, e.g. tcp://10.0.0.5:8786 (default: start a local cluster, one worker per core).",
        ),
        click.option(
            "--output",
            "output",
            type=click.Path(file_okay=False, path_type=Path),
            default=DEFAULT_OUTPUT,
            show_default=True,
            help="Directory for the Parquet output (articles/, events/, rejections/); on a cluster, a path every worker can write.",
        ),
        click.option(
            "--partition-size",
            type=click.IntRange(min=1),
            default=500,
            show_default=True,
            help="Articles per partition (one Parquet part per partition).",
        ),
        click.option(
            "--overwrite",
            is_flag=True,
            help="Replace the parts of an earlier run in --output.",
        ),
    )
    for option in reversed(options):
        func = option(func)
    return func


def run_dask_engine(
    inputs: Sequence[str],
    *,
    output: Path,
    scheduler: str | None,
    partition_size: int,
    overwrite: bool,
    settings: Settings,
    read_options: ReadOptions,
    n_workers: int | None = None,
) -> None:
    """Run the Dask engine and print what it did; errors become click errors."""
    from flashpoint.engines.dask_engine import code_with_dask  # noqa: PLC0415 - keep --help fast

    if not inputs:
        raise click.UsageError("give at least one JSON Lines or Parquet input")
    try:
        report = code_with_dask(
            inputs,
            output,
            settings,
            scheduler=scheduler,
            partition_size=partition_size,
            read_options=read_options,
            n_workers=n_workers,
            overwrite=overwrite,
        )
    except FlashpointError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(
        f"coded {report.articles} articles into {report.events} events on {report.workers} "
        f"workers ({report.scheduler}) in {report.seconds:.1f} s "
        f"({report.articles_per_second:.1f} articles/s); {report.rejections} rejections; "
        f"{report.partitions} partitions in {report.output_dir}"
    )
    click.echo(f"load into the database with: flashpoint import {report.output_dir}")


@click.command("code-dask")
@click.argument("inputs", nargs=-1, required=True)
@dask_engine_options
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Local cluster size (default: one per core); ignored with --scheduler.",
)
@click.option(
    "--text-field", default="text", show_default=True, help="Field holding the article text."
)
@click.option("--id-field", default=None, help="Field holding the article id (default: id).")
@click.option("--date-field", default=None, help="Field holding the publication date.")
@click.option("--title-field", default=None, help="Field holding the title.")
@click.option("--url-field", default=None, help="Field holding the URL.")
@click.option(
    "--prefilter/--no-prefilter",
    default=None,
    help="Parse only sentences that can hold an event (default: on).",
)
def code_dask_command(
    *,
    inputs: tuple[str, ...],
    scheduler: str | None,
    output: Path,
    partition_size: int,
    overwrite: bool,
    workers: int | None,
    text_field: str,
    id_field: str | None,
    date_field: str | None,
    title_field: str | None,
    url_field: str | None,
    prefilter: bool | None,
) -> None:
    """Code JSON Lines (.jsonl, .jsonl.gz) or Parquet INPUTS on a Dask cluster into
    partitioned Parquet; load it with `flashpoint import`."""
    settings = load_settings(prefilter=prefilter)
    read_options = ReadOptions(
        text_field=text_field,
        id_field=id_field,
        date_field=date_field,
        title_field=title_field,
        url_field=url_field,
        max_article_bytes=settings.max_article_bytes,
        min_article_chars=settings.min_article_chars,
    )
    run_dask_engine(
        inputs,
        output=output,
        scheduler=scheduler,
        partition_size=partition_size,
        overwrite=overwrite,
        settings=settings,
        read_options=read_options,
        n_workers=workers,
    )
