"""`flashpoint alerts`: detect escalation alerts for dyads, store them, and list them."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import cast

import click

from flashpoint.cli.common import db_option, parse_day, parse_dyad, settings_for
from flashpoint.cli.series_cmd import normalise_option


@click.command("alerts")
@db_option
@click.option(
    "--dyad",
    default=None,
    metavar="A,B",
    help="Only this directed dyad (A towards B; A may be * for any actor). Default: the "
    "most frequent dyads.",
)
@click.option("--since", default=None, metavar="DATE", help="First day examined.")
@click.option("--until", default=None, metavar="DATE", help="Last day examined.")
@click.option(
    "--freq",
    type=click.Choice(["day", "week", "month"]),
    default="month",
    show_default=True,
    help="Period length the index is computed on.",
)
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=10,
    show_default=True,
    help="Without --dyad: how many of the most frequent dyads to examine.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
)
@normalise_option
def alerts_command(
    *,
    db: Path | None,
    dyad: str | None,
    since: str | None,
    until: str | None,
    freq: str,
    top: int,
    output_format: str,
    normalise: str,
) -> None:
    """Detect alerts (index crossings and conflict spikes), store them, and list them.

    Detecting again replaces a dyad's alerts for the periods examined, so re-running never
    duplicates an alert. Each alert says what changed and names the stories behind it.
    The rules are in docs/ANALYTICS.md.

    \b
    Examples:
      flashpoint alerts --dyad PRK,USA --since 2013-01 --until 2013-12
      flashpoint alerts --freq week --format json
      flashpoint alerts --dyad '*',KOR --normalise volume
    """
    from flashpoint.analytics import detect_and_store, stored_alerts  # noqa: PLC0415
    from flashpoint.analytics.periods import Freq  # noqa: PLC0415
    from flashpoint.analytics.volume import Normalise  # noqa: PLC0415
    from flashpoint.store import Store  # noqa: PLC0415

    pair = parse_dyad(dyad)
    first, last = parse_day(since, "--since"), parse_day(until, "--until")
    settings = settings_for(db)
    with Store(settings.db_path) as store:
        run = detect_and_store(
            store,
            [pair] if pair else None,
            cast(Freq, freq),
            since=first,
            until=last,
            top_dyads=top,
            normalise=cast(Normalise, normalise),
        )
        found = []
        for actor, recipient in run.dyads:
            found.extend(
                stored_alerts(
                    store,
                    actor=actor,
                    recipient=recipient,
                    since=first,
                    until=last,
                    freq=freq,
                )
            )
    found.sort(key=lambda a: (a.period, a.actor, a.recipient or "", a.kind))
    click.echo(
        f"examined {len(run.dyads)} dyads over {run.periods} periods: {len(found)} alerts",
        err=True,
    )
    if output_format == "json":
        json.dump([a.to_dict() for a in found], sys.stdout, indent=1)
        click.echo()
        return
    if output_format == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(
            [
                "period",
                "actor",
                "recipient",
                "kind",
                "value",
                "baseline",
                "message",
                "story_ids",
                "alert_id",
            ]
        )
        for a in found:
            writer.writerow(
                [
                    a.period,
                    a.actor,
                    a.recipient or "",
                    a.kind,
                    a.value,
                    a.baseline,
                    a.message,
                    " ".join(a.story_ids),
                    a.alert_id,
                ]
            )
        return
    from rich.console import Console  # noqa: PLC0415
    from rich.table import Table  # noqa: PLC0415

    table = Table(header_style="bold")
    for column in ("period", "dyad", "kind", "value", "what changed (and the stories behind it)"):
        table.add_column(column, ratio=1 if column.startswith("what") else None)
    for a in found:
        table.add_row(
            a.period,
            f"{a.actor}->{a.recipient}" if a.recipient else a.actor,
            a.kind,
            f"{a.value:+.2f}",
            a.message + ("\nstories: " + " ".join(a.story_ids) if a.story_ids else ""),
        )
    Console().print(table)
