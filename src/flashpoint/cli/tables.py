"""Rich renderings of events and articles for the terminal."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from flashpoint.models import Article, Entity, Event


def entities_label(entities: Sequence[Entity]) -> str:
    return ", ".join(f"{e.code}{'/' + e.sector if e.sector else ''}" for e in entities) or "-"


def events_table(events: Sequence[Event]) -> Table:
    table = Table(show_lines=False, header_style="bold")
    for column in ("date", "category", "mode", "status", "actor", "recipient", "trigger"):
        table.add_column(column, no_wrap=column in {"date", "category"})
    table.add_column("sentence", ratio=1, min_width=20)
    for event in events:
        table.add_row(
            event.date.value or "?",
            event.category,
            event.mode or "",
            event.status,
            entities_label(event.actors),
            entities_label(event.recipients),
            event.trigger.text,
            event.sentence.text,
        )
    return table


def highlighted_sentence(event: Event) -> Text:
    """The evidence sentence with actors (bold red), trigger (bold) and recipients (bold blue)."""
    base = event.sentence.start
    text = Text(event.sentence.text)
    spans: list[tuple[int, int, str]] = [
        *((a.start, a.end, "bold red") for a in event.actors),
        (event.trigger.start, event.trigger.end, "bold underline"),
        *((r.start, r.end, "bold blue") for r in event.recipients),
    ]
    for start, end, style in spans:
        if base <= start < end <= event.sentence.end:
            text.stylize(style, start - base, end - base)
    return text


def print_event_evidence(console: Console, event: Event) -> None:
    console.print(
        f"[bold]{event.category}[/bold]"
        f"{'/' + event.mode if event.mode else ''} ({event.status}, {event.date.value or 'date unresolved'}): "
        f"{entities_label(event.actors)} -> {entities_label(event.recipients)}",
        highlight=False,
    )
    console.print(Text("  ").append_text(highlighted_sentence(event)))


def articles_table(articles: Sequence[Article], event_counts: dict[str, int | None]) -> Table:
    table = Table(header_style="bold")
    for column in ("id", "published", "outlet", "events", "title"):
        table.add_column(
            column,
            no_wrap=column in {"id", "published", "events"},
            max_width=18 if column == "outlet" else None,
            ratio=1 if column == "title" else None,
        )
    for article in articles:
        count = event_counts.get(article.id)
        table.add_row(
            article.id,
            article.published_at.date().isoformat() if article.published_at else "-",
            article.outlet or "-",
            "not coded" if count is None else str(count),
            article.title or article.text[:60],
        )
    return table
