"""`flashpoint brief`: a Markdown or self-contained HTML brief on an actor or a dyad."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import cast

import click

from flashpoint.cli.common import db_option, parse_day, parse_dyad, settings_for
from flashpoint.cli.series_cmd import normalise_option


@click.command("brief")
@click.argument("actor")
@db_option
@click.option(
    "--dyad",
    default=None,
    metavar="A,B",
    help="Brief on actor A towards B instead of all of ACTOR.",
)
@click.option(
    "--since", default=None, metavar="DATE", help="First day (default: 90 days before --until)."
)
@click.option("--until", default=None, metavar="DATE", help="Last day (default: today).")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["md", "html"]),
    default="md",
    show_default=True,
    help="md: Markdown with the chart as a PNG beside -o; html: one self-contained page.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to this file (Markdown: the chart goes to FILE.png beside it).",
)
@normalise_option
def brief_command(
    *,
    actor: str,
    db: Path | None,
    dyad: str | None,
    since: str | None,
    until: str | None,
    output_format: str,
    output: Path | None,
    normalise: str,
) -> None:
    """A brief to send a colleague: headline numbers, trend chart, main stories, alerts.

    Each main story carries its evidence quote, source links and source counts. The
    HTML brief is one file (the chart is inline) and escapes all article text.

    \b
    Examples:
      flashpoint brief PRK --dyad PRK,USA --since 2013-02-01 --until 2013-05-31 --format html -o prk-usa.html
      flashpoint brief PRK --since 2024-01 --until 2024-03 -o prk.md
    """
    from flashpoint.analytics.brief import build_brief, render_brief  # noqa: PLC0415
    from flashpoint.analytics.charts import code_names  # noqa: PLC0415
    from flashpoint.analytics.volume import Normalise  # noqa: PLC0415
    from flashpoint.models import utc_now  # noqa: PLC0415
    from flashpoint.store import Store  # noqa: PLC0415

    last = parse_day(until, "--until") or utc_now().date()
    first = parse_day(since, "--since") or last - timedelta(days=89)
    pair = parse_dyad(dyad)
    settings = settings_for(db)
    with Store(settings.db_path) as store:
        brief = build_brief(
            store,
            actor,
            since=first,
            until=last,
            dyad=pair,
            names=code_names([actor.upper(), *(pair or ())]),
            normalise=cast("Normalise", normalise),
        )
    chart_name = None
    if output is not None and output_format == "md":
        chart_path = output.with_suffix(".png")
        chart_path.write_bytes(brief.chart_png)
        chart_name = chart_path.name
    text = render_brief(brief, output_format, chart_name=chart_name)
    if output is None:
        click.echo(text, nl=False)
        return
    output.write_text(text, encoding="utf-8")
    click.echo(
        f"wrote the brief to {output}" + (f" and {chart_name}" if chart_name else ""), err=True
    )
