"""The API's view of the stories and analytics stages.

Stories come from the store (`Store.stories`, `Store.story`); series, alerts and briefs
from flashpoint.analytics. When the analytics stage is not installed in this build the
calls answer 501 with the reason, so the API never guesses at results.
"""

from __future__ import annotations

import importlib
from dataclasses import replace
from datetime import date, timedelta
from types import ModuleType
from typing import Any, NoReturn, cast

from fastapi import HTTPException

from flashpoint.errors import FlashpointError
from flashpoint.models import Alert, SeriesPoint, Story
from flashpoint.store import EventFilter, Store
from flashpoint.store.stories import StoryFilter


def _unavailable(what: str, stage: str, why: str) -> NoReturn:
    raise HTTPException(
        501, f"{what} are not available in this build: the {stage} stage is missing ({why})"
    )


def _analytics(module: str, what: str) -> ModuleType:
    try:
        return importlib.import_module(f"flashpoint.analytics.{module}")
    except ImportError as exc:
        _unavailable(what, "analytics", str(exc))


def story_filter(flt: EventFilter) -> StoryFilter:
    actor, recipient = flt.dyad if flt.dyad else (flt.actor, flt.recipient)
    return StoryFilter(
        actor=actor,
        recipient=recipient,
        category=flt.category,
        since=flt.since,
        until=flt.until,
        article_id=flt.article_id,
        status=flt.status,
    )


def stories(store: Store, flt: EventFilter, limit: int) -> list[Story]:
    """Stories matching the event filter, most recently reported first."""
    return store.stories(replace(story_filter(flt), latest_first=True, limit=limit))


def story(store: Store, story_id: str) -> Story | None:
    return store.story(story_id)


def story_ids(store: Store, event_ids: list[str]) -> dict[str, str]:
    """event id -> story id for the events that are in a story."""
    return store.story_ids_for(event_ids) if event_ids else {}


def story_for_event(store: Store, event_id: str) -> str | None:
    return story_ids(store, [event_id]).get(event_id)


def series(store: Store, actor: str, recipient: str | None, freq: str) -> list[SeriesPoint]:
    service = _analytics("service", "series")
    return cast("list[SeriesPoint]", service.series_points(store, actor, recipient, freq))


def series_rows(
    store: Store, actor: str, recipient: str | None, freq: str, normalise: str = "none"
) -> list[dict[str, Any]]:
    """The series points as JSON objects; normalised by volume, each also carries the
    articles the outlets published in its period and whether the period had coverage."""
    service = _analytics("service", "series")
    built = service.series(store, actor, recipient, freq, normalise=normalise)
    points: list[SeriesPoint] = list(built.points)
    rows = [point.to_dict() for point in points]
    for row, volume in zip(rows, built.volume, strict=False):
        row.update(volume.to_dict())
    return rows


def alerts(
    store: Store, limit: int, *, actor: str | None = None, recipient: str | None = None
) -> list[Alert]:
    """Stored alerts, newest period first."""
    service = _analytics("service", "alerts")
    found = cast(
        "list[Alert]",
        service.stored_alerts(store, actor=actor, recipient=recipient, limit=limit),
    )
    return list(reversed(found))


def brief(
    store: Store,
    fmt: str,
    *,
    actor: str,
    recipient: str | None = None,
    days: int = 7,
    until: date | None = None,
) -> str:
    """A brief on the actor (or the dyad) over the last `days` days, as md or html."""
    module: Any = _analytics("brief", "briefs")
    last = until or date.today()  # noqa: DTZ011 - a calendar day in the reader's terms
    try:
        built = module.build_brief(
            store,
            actor,
            since=last - timedelta(days=days - 1),
            until=last,
            dyad=(actor, recipient) if recipient else None,
        )
    except FlashpointError as exc:
        if exc.code == "FP601":
            raise HTTPException(404, exc.message) from None
        raise
    return cast("str", module.render_brief(built, fmt))
