"""`flashpoint events`: filter the stored events and print or export them."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from flashpoint.cli.common import db_option, parse_day, parse_dyad, settings_for
from flashpoint.errors import FlashpointError
from flashpoint.models import PLOVER_CATEGORIES, STATUSES


@click.command("events")
@db_option
@click.option("--actor", default=None, help="Actor code, e.g. PRK, or IGO for every IGO:*.")
@click.option("--recipient", default=None, help="Recipient code, e.g. USA or IGO:UNO.")
@click.option(
    "--dyad", default=None, metavar="A,B", help="Actor A towards recipient B, e.g. PRK,USA."
)
@click.option(
    "--category", type=click.Choice(PLOVER_CATEGORIES, case_sensitive=False), default=None
)
@click.option("--status", type=click.Choice(STATUSES, case_sensitive=False), default=None)
@click.option(
    "--since", default=None, metavar="DATE", help="Events on or after this day (2024-04-01)."
)
@click.option("--until", default=None, metavar="DATE", help="Events on or before this day.")
@click.option("--article", "article_id", default=None, help="Only the events of this article id.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most N events.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "csv", "jsonl", "parquet", "cameo"]),
    default="table",
    show_default=True,
    help="cameo: one row per actor-recipient pair (GDELT/ICEWS shape) as CSV.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to this file (needed for parquet).",
)
def events_command(
    *,
    db: Path | None,
    actor: str | None,
    recipient: str | None,
    dyad: str | None,
    category: str | None,
    status: str | None,
    since: str | None,
    until: str | None,
    article_id: str | None,
    limit: int | None,
    output_format: str,
    output: Path | None,
) -> None:
    """List coded events, filtered, as a table, CSV, JSON Lines, Parquet or CAMEO dyads.

    Dates select events whose date (a day, week, month or year) overlaps --since and
    --until; events with an unresolved date are left out when either is given.

    \b
    Examples:
      flashpoint events --dyad PRK,USA --since 2024-01-01
      flashpoint events --category ASSAULT --format csv -o assaults.csv
      flashpoint events --actor PRK --format parquet -o prk.parquet
      flashpoint events --format cameo -o dyads.csv
    """
    from flashpoint.exports import export_events  # noqa: PLC0415 - keep --help fast
    from flashpoint.store import EventFilter, Store  # noqa: PLC0415

    if output_format == "parquet" and output is None:
        raise FlashpointError("FP104", "--format parquet writes a binary file: add -o FILE.parquet")
    flt = EventFilter(
        actor=actor,
        recipient=recipient,
        dyad=parse_dyad(dyad),
        category=category.upper() if category else None,
        status=status.lower() if status else None,
        since=parse_day(since, "--since"),
        until=parse_day(until, "--until"),
        article_id=article_id,
        limit=limit,
    )
    settings = settings_for(db)
    with Store(settings.db_path) as store:
        events = store.events(flt)
        urls = store.article_urls(sorted({e.article_id for e in events}))
    if output_format == "table":
        from rich.console import Console  # noqa: PLC0415

        from flashpoint.cli.tables import events_table  # noqa: PLC0415

        if output:
            with output.open("w", encoding="utf-8") as handle:
                Console(file=handle, width=200).print(events_table(events))
        else:
            Console().print(events_table(events))
            click.echo(f"{len(events)} events", err=True)
        return
    count = export_events(
        events, output_format, stream=None if output else sys.stdout, path=output, urls=urls
    )
    if output:
        click.echo(f"wrote {count} rows to {output}", err=True)
