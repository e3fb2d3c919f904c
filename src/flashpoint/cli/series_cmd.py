"""`flashpoint series`: an actor's or a dyad's stories by period, with the escalation index."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

import click

from flashpoint.cli.common import db_option, parse_day, settings_for

if TYPE_CHECKING:
    from collections.abc import Callable

    from flashpoint.analytics.periods import Freq
    from flashpoint.analytics.series import Series

F = TypeVar("F", bound="Callable[..., Any]")

VOLUME_COLUMNS = ("articles", "reference_articles", "coverage")

SERIES_COLUMNS = (
    "period",
    "events",
    "stories",
    "conflict",
    "cooperation",
    "score_sum",
    "escalation_index",
)


def normalise_option(func: F) -> F:
    """--normalise none|volume, shared by series, alerts and brief."""
    return click.option(
        "--normalise",
        type=click.Choice(["none", "volume"]),
        default="none",
        show_default=True,
        help="volume: compute the index per article the outlets published in each period, "
        "so a quiet period for the source does not read as calm; a period with no "
        "articles shows no index (no coverage). See docs/ANALYTICS.md.",
    )(func)


@click.command("series")
@click.argument("actor")
@click.argument("recipient", required=False)
@db_option
@click.option(
    "--freq",
    type=click.Choice(["day", "week", "month"]),
    default="month",
    show_default=True,
    help="Period length; weeks are ISO weeks (Monday to Sunday).",
)
@click.option("--since", default=None, metavar="DATE", help="First day (2024-04-01, 2024-04).")
@click.option("--until", default=None, metavar="DATE", help="Last day.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
)
@click.option(
    "--plot",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also draw the chart (conflict and cooperation bars, index line) to this PNG.",
)
@click.option(
    "--include-negated",
    is_flag=True,
    help="Also count negated and hypothetical events (left out by default).",
)
@normalise_option
def series_command(
    *,
    actor: str,
    recipient: str | None,
    db: Path | None,
    freq: str,
    since: str | None,
    until: str | None,
    output_format: str,
    plot: Path | None,
    include_negated: bool,
    normalise: str,
) -> None:
    """Stories of ACTOR (towards RECIPIENT) by period, with the escalation index.

    Counts stories, not articles: a story reported many times counts once per period.
    Empty periods show as zeros. ACTOR * means any actor, stated or not (e.g. every
    event towards USA). The index is defined in docs/ANALYTICS.md.

    \b
    Examples:
      flashpoint series PRK USA --freq month --since 2013-01 --until 2013-12
      flashpoint series PRK --freq week --format csv > prk.csv
      flashpoint series PRK KOR --plot prk-kor.png
      flashpoint series '*' KOR --normalise volume --since 2013-01 --until 2013-12
    """
    from flashpoint.analytics import series  # noqa: PLC0415 - keep --help fast
    from flashpoint.analytics.charts import code_names, series_title, write_chart  # noqa: PLC0415
    from flashpoint.analytics.volume import Normalise  # noqa: PLC0415
    from flashpoint.errors import FlashpointError  # noqa: PLC0415
    from flashpoint.store import Store  # noqa: PLC0415

    settings = settings_for(db)
    with Store(settings.db_path) as store:
        found = series(
            store,
            actor,
            recipient,
            cast("Freq", freq),
            since=parse_day(since, "--since"),
            until=parse_day(until, "--until"),
            include_negated=include_negated,
            normalise=cast("Normalise", normalise),
        )
    if not found.points:
        raise FlashpointError("FP601", f"no events for {found.label}", source="series")
    if plot is not None:
        title = series_title(found, code_names([found.actor, found.recipient]))
        write_chart(found, plot, title=title)
        click.echo(f"wrote the chart to {plot}", err=True)
    volume = [v.to_dict() for v in found.volume] or [{} for _ in found.points]
    if output_format == "json":
        rows = [p.to_dict() | v for p, v in zip(found.points, volume, strict=True)]
        json.dump(rows, sys.stdout, indent=1)
        click.echo()
    elif output_format == "csv":
        extra = VOLUME_COLUMNS if found.volume else ()
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow((*SERIES_COLUMNS, *extra))
        for p, v in zip(found.points, volume, strict=True):
            writer.writerow(
                [getattr(p, c) if getattr(p, c) is not None else "" for c in SERIES_COLUMNS]
                + [_cell(v[c]) for c in extra]
            )
    else:
        _print_table(found)


def _cell(value: object) -> object:
    if value is None:
        return ""
    return str(value).lower() if isinstance(value, bool) else value


def _print_table(found: Series) -> None:
    from rich.console import Console  # noqa: PLC0415
    from rich.table import Table  # noqa: PLC0415

    from flashpoint.analytics.charts import sparkline  # noqa: PLC0415

    normalised = bool(found.volume)
    title = f"{found.label} by {found.freq}"
    if normalised:
        title += ", index per article published (normalised by volume)"
    table = Table(
        header_style="bold underline",
        title=title,
        box=None,
        pad_edge=False,
        padding=(0, 1),
    )
    columns = [*SERIES_COLUMNS[:-1], "articles", SERIES_COLUMNS[-1]]
    for column in columns if normalised else SERIES_COLUMNS:
        table.add_column(
            column,
            justify="left" if column == "period" else "right",
            min_width=10 if column == "period" else len(column),
            no_wrap=True,
        )
    for t, p in enumerate(found.points):
        cells = [
            p.period,
            str(p.events),
            str(p.stories),
            str(p.conflict),
            str(p.cooperation),
            f"{p.score_sum:+.1f}",
            f"{p.escalation_index:+.2f}" if p.escalation_index is not None else "-",
        ]
        if normalised:
            volume = found.volume[t]
            cells.insert(-1, str(volume.articles))
            if not volume.covered:
                cells[-1] = "no coverage"
        table.add_row(*cells)
    console = Console()
    if normalised:  # one column more than fits the usual 80
        console = Console(width=max(console.width, 100))
    console.print(table)
    console.print(f"index  {sparkline([p.escalation_index for p in found.points])}")
