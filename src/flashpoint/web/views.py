"""Small helpers the pages share: what a template needs, computed from store reads."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TypeVar

from fastapi import HTTPException

from flashpoint.api import features
from flashpoint.models import Event, SeriesPoint
from flashpoint.store import EventFilter, Store
from flashpoint.store.browse import month_counts
from flashpoint.web.charts import Chart, diverging_bars, line_chart, recent_months

T = TypeVar("T")


def safe_url(url: str | None) -> str | None:
    """Only http(s) links are rendered as links; anything else (javascript:, data:) is not."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def quad_kind(quad_class: int) -> str:
    """The colour family of a quad class: cooperation (1, 2) blue, conflict (3, 4) red."""
    if quad_class in (1, 2):
        return "cooperation"
    if quad_class in (3, 4):
        return "conflict"
    return "neutral"


def fmt_score(score: float | None) -> str:
    return "–" if score is None else f"{score:+.1f}"


@cache
def country_name(code: str) -> str | None:
    from flashpoint.ontology.countries import countries  # noqa: PLC0415 - loads a table once

    found = countries().get(code.split(":", 1)[0].upper())
    return found.name if found else None


def try_feature(call: Callable[[], T]) -> tuple[T | None, str | None]:
    """Run a stories/analytics call; a 501 becomes a note for the page instead of an error."""
    try:
        return call(), None
    except HTTPException as exc:
        if exc.status_code == 501:
            return None, str(exc.detail)
        raise


@dataclass(frozen=True, slots=True)
class WatchedDyad:
    actor: str
    recipient: str
    label: str
    counts: Chart  # monthly conflict / cooperation
    escalation: Chart | None  # the escalation index, when analytics is installed
    events: int
    conflict: int
    cooperation: int


def watched_dyad(store: Store, text: str) -> WatchedDyad | None:
    """A dyad from Settings.watch_dyads ("PRK,USA") with its charts; None when malformed."""
    parts = [p.strip().upper() for p in text.split(",")]
    if len(parts) != 2 or not all(parts):
        return None
    actor, recipient = parts
    months = month_counts(store, EventFilter(dyad=(actor, recipient)))
    points, _ = try_feature(lambda: features.series(store, actor, recipient, "week"))
    escalation = escalation_chart(points) if points else None
    names = f"{country_name(actor) or actor} → {country_name(recipient) or recipient}"
    return WatchedDyad(
        actor,
        recipient,
        names,
        diverging_bars(recent_months(months)),
        escalation,
        sum(m.events for m in months),
        sum(m.conflict for m in months),
        sum(m.cooperation for m in months),
    )


def escalation_chart(points: list[SeriesPoint], last: int = 52) -> Chart:
    """The escalation index of the latest `last` periods."""
    return line_chart([(p.period, p.escalation_index) for p in points[-last:]])


def article_titles(store: Store, events: list[Event]) -> dict[str, tuple[str, str, str]]:
    """For each article of these events: (title, outlet, publication day)."""
    ids = sorted({e.article_id for e in events})
    found: dict[str, tuple[str, str, str]] = {}
    for article in store.articles_by_id(ids):
        day = article.published_at.date().isoformat() if article.published_at else ""
        found[article.id] = (article.title or article.id, article.outlet or "", day)
    return found


def story_ids(store: Store, events: list[Event]) -> dict[str, str]:
    """The story holding each event, for those that have one."""
    return features.story_ids(store, [e.event_id for e in events])
