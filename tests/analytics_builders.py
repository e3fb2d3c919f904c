"""Hand-built events in a temporary store for the analytics tests."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from conftest import make_article, make_event
from flashpoint.cli.main import cli
from flashpoint.models import Event, Story, StoryMember
from flashpoint.store import CodedArticle, Store

SCORES = {"ACCUSE": -3.0, "ASSAULT": -9.0, "AGREE": 2.5, "COOPERATE": 9.5, "THREATEN": -3.5}
QUADS = {"ACCUSE": 3, "ASSAULT": 4, "AGREE": 1, "COOPERATE": 2, "THREATEN": 3}
VERBS = {
    "ACCUSE": "condemned",
    "ASSAULT": "shelled",
    "AGREE": "agreed with",
    "COOPERATE": "worked with",
    "THREATEN": "threatened",
}


class EventBook:
    """Adds one-event articles to a store; every article text is unique (no duplicates)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.count = 0

    def add(
        self,
        day: str,
        category: str = "ACCUSE",
        *,
        actor: tuple[str, str] | None = ("PRK", "North Korea"),
        recipient: tuple[str, str] = ("USA", "Washington"),
        status: str = "asserted",
        score: float | None = None,
        event_date: str | None = "same",
        extra: str = "",
        url: str | None = None,
    ) -> Event:
        self.count += 1
        verb = VERBS[category]
        subject = actor[1] if actor else "It was said that someone"
        text = f"{subject} {verb} {recipient[1]} in report {self.count}{extra}. More follows."
        article = make_article(text, id=f"art{self.count:03d}", published=day, url=url)
        event = make_event(
            article,
            verb,
            category=category,
            actors=((actor[0], "GOV", actor[1]),) if actor else (),
            recipients=((recipient[0], "GOV", recipient[1]),),
            status=status,
            date=day if event_date == "same" else event_date,
            score=SCORES[category] if score is None else score,
            quad_class=QUADS[category],
        )
        self.store.writer.add_articles([article])
        self.store.writer.store_coded([CodedArticle(article.id, (event,))], "test")
        return event


def group(store: Store, story_id: str, events: list[Event]) -> None:
    """Put these events in one story, as the stories stage would."""
    first = events[0]
    store.writer.save_stories(
        [
            Story(
                story_id=story_id,
                category=first.category,
                actors=tuple(a.code for a in first.actors),
                recipients=tuple(r.code for r in first.recipients),
                event_date=first.date.value,
                first_report=None,
                latest_report=None,
                n_events=len(events),
                n_articles=len(events),
                n_outlets=1,
                headline=first.sentence.text,
                members=tuple(
                    StoryMember(e.event_id, e.article_id, "same family; test") for e in events
                ),
            )
        ]
    )


def build_crisis_store(path: Path) -> Path:
    """One report a month in 2023; in January 2024 seven reports, all about the dyad
    (a three-report shelling story and four threats)."""
    with Store(path) as store:
        book = EventBook(store)
        for month in range(1, 13):
            book.add(f"2023-{month:02d}-10")
        group(store, "s-shelling", [book.add("2024-01-05", "ASSAULT") for _ in range(3)])
        for day in (6, 7, 8, 9):
            book.add(f"2024-01-{day:02d}", "THREATEN")
    return path


def run_cli(*args: str) -> str:
    """Run a flashpoint command that must succeed; its standard output."""
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout
