"""`flashpoint stories [show ID]`: group events into stories, list them, show one."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import click

from flashpoint.cli.common import db_option, parse_day, settings_for
from flashpoint.errors import FlashpointError
from flashpoint.models import PLOVER_CATEGORIES

CSV_COLUMNS = (
    "story_id",
    "event_date",
    "category",
    "actors",
    "recipients",
    "n_events",
    "n_articles",
    "n_outlets",
    "first_report",
    "latest_report",
    "headline",
)


@click.group("stories", invoke_without_command=True)
@db_option
@click.option(
    "--actor", default=None, help="Stories with this actor code, e.g. PRK (IGO: all IGO:*)."
)
@click.option("--recipient", default=None, help="Stories with this recipient code.")
@click.option(
    "--category", type=click.Choice(PLOVER_CATEGORIES, case_sensitive=False), default=None
)
@click.option(
    "--since", default=None, metavar="DATE", help="Stories of events on or after this day."
)
@click.option(
    "--until", default=None, metavar="DATE", help="Stories of events on or before this day."
)
@click.option(
    "--min-articles",
    type=click.IntRange(min=1),
    default=None,
    help="Reported by at least N articles.",
)
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most N stories.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
    help="json: a list of story records (docs/RECORDS.md) without members.",
)
@click.option("--update", is_flag=True, help="First group the events that are in no story yet.")
@click.option("--rebuild", is_flag=True, help="First regroup every event from scratch.")
@click.option(
    "--window",
    type=click.IntRange(min=0),
    default=3,
    show_default=True,
    help="With --update/--rebuild: days two reports' event dates may be apart.",
)
@click.pass_context
def stories_group(
    ctx: click.Context,
    *,
    db: Path | None,
    actor: str | None,
    recipient: str | None,
    category: str | None,
    since: str | None,
    until: str | None,
    min_articles: int | None,
    limit: int | None,
    output_format: str,
    update: bool,
    rebuild: bool,
    window: int,
) -> None:
    """List stories: the reports of one real event from many articles and outlets, grouped.

    `flashpoint code` groups newly coded events by itself; --update does it for events
    still in no story, --rebuild regroups everything (docs/STORIES.md says how).

    \b
    Examples:
      flashpoint stories --actor PRK --min-articles 2
      flashpoint stories --since 2024-09-01 --format csv > stories.csv
      flashpoint stories --rebuild --window 2
      flashpoint stories show s3f9a0c
    """
    if ctx.invoked_subcommand is not None:
        return
    from flashpoint.store import Store, StoryFilter  # noqa: PLC0415 - keep --help fast

    flt = StoryFilter(
        actor=actor,
        recipient=recipient,
        category=category.upper() if category else None,
        since=parse_day(since, "--since"),
        until=parse_day(until, "--until"),
        min_articles=min_articles,
        limit=limit,
    )
    settings = settings_for(db)
    with Store(settings.db_path) as store:
        if update or rebuild:
            from flashpoint.stories import GroupingOptions  # noqa: PLC0415
            from flashpoint.story_workflow import update_stories  # noqa: PLC0415

            result = update_stories(store, GroupingOptions(window_days=window), rebuild=rebuild)
            click.echo(
                f"grouped {result.events} events: {result.founded} new stories, "
                f"{result.joined} joined one; {result.written} stories written, "
                f"{result.removed} removed in {result.seconds:.1f} s",
                err=True,
            )
        stories = store.stories(flt)
    if output_format == "json":
        click.echo(json.dumps([s.to_dict() for s in stories], ensure_ascii=False, indent=1))
        return
    if output_format == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for story in stories:
            row = story.to_dict()
            row["actors"] = ";".join(story.actors)
            row["recipients"] = ";".join(story.recipients)
            writer.writerow([row[c] if row[c] is not None else "" for c in CSV_COLUMNS])
        return
    from rich.console import Console  # noqa: PLC0415

    from flashpoint.cli.story_views import stories_table  # noqa: PLC0415

    Console().print(stories_table(stories))
    click.echo(f"{len(stories)} stories", err=True)


@stories_group.command("show")
@click.argument("story_id")
@db_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="json: the story record with its members.",
)
@click.pass_context
def show_command(ctx: click.Context, *, story_id: str, db: Path | None, output_format: str) -> None:
    """Show a story: every report with its outlet, URL, evidence quote and why it was grouped.

    STORY_ID is the id from `flashpoint stories`, or an unambiguous prefix of it.

    \b
    Example:
      flashpoint stories show s3f9a0c --db news.duckdb
    """
    from flashpoint.store import Store  # noqa: PLC0415 - keep --help fast

    parent_db = ctx.parent.params.get("db") if ctx.parent is not None else None
    settings = settings_for(db or parent_db)
    with Store(settings.db_path) as store:
        story = store.story(story_id)
        if story is None:
            raise FlashpointError(
                "FP601",
                f"no story has the id {story_id!r} (or the prefix is shared by several)",
                source=str(settings.db_path),
            )
        events = {e.event_id: e for e in store.events_by_id([m.event_id for m in story.members])}
        articles = {
            a.id: a for a in store.articles_by_id(sorted({m.article_id for m in story.members}))
        }
    if output_format == "json":
        click.echo(json.dumps(story.to_dict(), ensure_ascii=False, indent=1))
        return
    from rich.console import Console  # noqa: PLC0415

    from flashpoint.cli.story_views import print_story  # noqa: PLC0415

    print_story(Console(), story, events, articles)
