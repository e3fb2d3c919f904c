"""Rich renderings of stories for the terminal."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from flashpoint.cli.tables import highlighted_sentence
from flashpoint.models import Article, Event, Story


def stories_table(stories: Sequence[Story]) -> Table:
    """One row per story; the headline is cut so a row fits a few lines."""
    table = Table(header_style="bold")
    for column in ("story", "date", "category", "dyad", "articles/outlets", "first report"):
        table.add_column(column, no_wrap=True)
    table.add_column("headline", ratio=1, min_width=16)
    for story in stories:
        dyad = ",".join(story.actors) or "-"
        if story.recipients:
            dyad += " -> " + ",".join(story.recipients)
        headline = story.headline if len(story.headline) <= 140 else story.headline[:139] + "…"
        table.add_row(
            story.story_id[:10],
            story.event_date or "?",
            story.category,
            dyad,
            f"{story.n_articles}/{story.n_outlets}",
            story.first_report.date().isoformat() if story.first_report else "-",
            headline,
        )
    return table


def print_story(
    console: Console,
    story: Story,
    events: Mapping[str, Event],
    articles: Mapping[str, Article],
) -> None:
    """The story's summary, then each member: source, link, evidence quote, reason."""
    console.print(
        f"[bold]{story.story_id}[/bold]  {story.category}  {story.event_date or '?'}",
        highlight=False,
    )
    console.print(
        f"actors {', '.join(story.actors) or '-'}; recipients {', '.join(story.recipients) or '-'}; "
        f"{story.n_events} events in {story.n_articles} articles from {story.n_outlets} outlets; "
        f"first report {story.first_report.isoformat() if story.first_report else '-'}, "
        f"latest {story.latest_report.isoformat() if story.latest_report else '-'}",
        highlight=False,
    )
    for number, member in enumerate(story.members, start=1):
        article = articles.get(member.article_id)
        event = events.get(member.event_id)
        published = (
            article.published_at.date().isoformat() if article and article.published_at else "-"
        )
        source = (article.outlet if article else None) or "unknown outlet"
        title = (article.title if article else None) or member.article_id
        console.print(Text(f"\n{number}. {source}, {published}: {title}", style="bold"))
        if article is not None and article.url:
            console.print(f"   {article.url}", highlight=False)
        if event is not None:
            console.print(
                Text("   \u201c").append_text(highlighted_sentence(event)).append("\u201d")
            )
        else:
            console.print(f"   (event {member.event_id} is no longer stored)", highlight=False)
        console.print(Text(f"   grouped: {member.reason}", style="dim"))
