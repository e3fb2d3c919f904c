"""`flashpoint stats`: what the database holds."""

from __future__ import annotations

from pathlib import Path

import click

from flashpoint.cli.common import db_option, human_size, settings_for


@click.command("stats")
@db_option
def stats_command(db: Path | None) -> None:
    """Count articles, events by category and status, and rejections by code.

    \b
    Example:
      flashpoint stats --db news.duckdb
    """
    from flashpoint.errors import CATALOGUE  # noqa: PLC0415
    from flashpoint.store import Store  # noqa: PLC0415 - keep --help fast

    settings = settings_for(db)
    with Store(settings.db_path) as store:
        stats = store.stats()
    click.echo(
        f"database   {stats.path} ({human_size(stats.size_bytes)}, schema {stats.schema_version})"
    )
    click.echo(f"articles   {stats.articles} ({stats.coded} coded, {stats.pending} not yet coded)")
    click.echo(f"events     {stats.events}")
    for title, counts in (
        ("by category", stats.events_by_category),
        ("by status", stats.events_by_status),
    ):
        if counts:
            click.echo(f"  {title}:")
            for name, count in counts.items():
                click.echo(f"    {name:<12} {count:>7}")
    total = sum(stats.rejections_by_code.values())
    click.echo(f"rejections {total}")
    for code, count in stats.rejections_by_code.items():
        kind = CATALOGUE.get(code)
        click.echo(f"    {code}  {count:>7}  {kind.summary if kind else ''}")
