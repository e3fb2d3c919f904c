"""`flashpoint articles list|show`: what was ingested, and what was found in it."""

from __future__ import annotations

import json
from pathlib import Path

import click

from flashpoint.cli.common import db_option, parse_day, settings_for
from flashpoint.errors import FlashpointError


@click.group("articles")
def articles_group() -> None:
    """List stored articles or show one with its events.

    \b
    Examples:
      flashpoint articles list --since 2024-04-01 --limit 20
      flashpoint articles list --pending
      flashpoint articles show kcna-2024-0412
    """


@articles_group.command("list")
@db_option
@click.option("--outlet", default=None, help="Only articles from this outlet.")
@click.option("--since", default=None, metavar="DATE", help="Published on or after this day.")
@click.option("--until", default=None, metavar="DATE", help="Published on or before this day.")
@click.option(
    "--pending/--coded",
    "pending",
    default=None,
    help="Only articles not yet coded (--pending) or already coded (--coded).",
)
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "jsonl"]),
    default="table",
    show_default=True,
    help="jsonl: the documented article JSON, one per line.",
)
def list_command(
    *,
    db: Path | None,
    outlet: str | None,
    since: str | None,
    until: str | None,
    pending: bool | None,
    limit: int,
    output_format: str,
) -> None:
    """List articles, oldest first, with their number of events.

    \b
    Example:
      flashpoint articles list --outlet KCNA --format jsonl > kcna.jsonl
    """
    from flashpoint.store import ArticleFilter, Store  # noqa: PLC0415 - keep --help fast

    flt = ArticleFilter(
        outlet=outlet,
        since=parse_day(since, "--since"),
        until=parse_day(until, "--until"),
        coded=None if pending is None else not pending,
        limit=limit,
    )
    settings = settings_for(db)
    with Store(settings.db_path) as store:
        articles = store.articles(flt)
        states = store.coding_state([a.id for a in articles])
    if output_format == "jsonl":
        for article in articles:
            click.echo(json.dumps(article.to_dict(), ensure_ascii=False))
        return
    from rich.console import Console  # noqa: PLC0415

    from flashpoint.cli.tables import articles_table  # noqa: PLC0415

    counts: dict[str, int | None] = {
        i: (s.events if s.coded_at is not None else None) for i, s in states.items()
    }
    Console().print(articles_table(articles, counts))
    click.echo(f"{len(articles)} articles", err=True)


@articles_group.command("show")
@click.argument("article_id")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the article and its events as JSON.")
def show_command(article_id: str, db: Path | None, as_json: bool) -> None:
    """Show one article: its fields, coding state, text and events with evidence.

    \b
    Example:
      flashpoint articles show n42 --json | jq '.events[].category'
    """
    from flashpoint.store import EventFilter, Store  # noqa: PLC0415 - keep --help fast

    settings = settings_for(db)
    with Store(settings.db_path) as store:
        article = store.article(article_id)
        if article is None:
            raise FlashpointError(
                "FP601",
                f"no article with id {article_id!r}; see `flashpoint articles list`",
                source=str(settings.db_path),
            )
        state = store.coding_state([article_id])[article_id]
        events = store.events(EventFilter(article_id=article_id))
    if as_json:
        payload = {**article.to_dict(), "events": [e.to_dict() for e in events]}
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    from rich.console import Console  # noqa: PLC0415

    from flashpoint.cli.tables import print_event_evidence  # noqa: PLC0415

    console = Console()
    console.print(f"[bold]{article.title or article.id}[/bold]", highlight=False)
    for label, value in (
        ("id", article.id),
        ("outlet", article.outlet),
        ("published", article.published_at.isoformat() if article.published_at else None),
        ("url", article.url),
        ("source", article.source),
        ("coded", state.coded_at.isoformat() if state.coded_at else "not yet"),
        ("coder", state.coder_version),
        ("coding error", state.error),
    ):
        if value:
            console.print(f"  {label:<13}{value}", highlight=False)
    console.print()
    console.print(article.text, highlight=False)
    console.print()
    console.print(f"[bold]{len(events)} events[/bold]")
    for event in events:
        print_event_evidence(console, event)
