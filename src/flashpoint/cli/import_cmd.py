"""`flashpoint import PATH`: load the Parquet output of the batch engines into the store."""

from __future__ import annotations

from pathlib import Path

import click

from flashpoint.config import load_settings
from flashpoint.errors import FlashpointError


@click.command("import")
@click.argument("path", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Database file (default: $FLASHPOINT_DB, else the user data directory).",
)
def import_command(path: Path, db: Path | None) -> None:
    """Load Parquet output of `flashpoint code --engine dask` (PATH holds articles/,
    events/ and rejections/) into the database.

    Importing the same output again keeps one row per article and per event.
    """
    from flashpoint.engines.parquet_import import import_parquet  # noqa: PLC0415 - keep --help fast
    from flashpoint.store.database import open_store  # noqa: PLC0415

    settings = load_settings(db_path=db)
    try:
        with open_store(settings.db_path) as store:
            report = import_parquet(path, store)
    except FlashpointError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(
        f"imported {report.partitions} partitions from {path} into {settings.db_path}: "
        f"{report.articles_added} new articles ({report.articles_held} already held), "
        f"{report.events} events, {report.rejections_added} new rejections"
    )
