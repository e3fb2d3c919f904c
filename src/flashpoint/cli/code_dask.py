"""The Dask engine behind `flashpoint code --engine dask`: `run_dask_engine` runs it
and prints the summary (the `code` command declares the engine's flags)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

from flashpoint.config import Settings
from flashpoint.errors import FlashpointError
from flashpoint.ingest.options import ReadOptions

DEFAULT_OUTPUT = Path("flashpoint-out")


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
