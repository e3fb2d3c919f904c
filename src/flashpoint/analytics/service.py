"""The analytics stage as library calls over a store: series, alert detection, alert lists.

The CLI, the API and the back-test call these; each is one plain function.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from flashpoint.analytics.alerts import AlertParams, detect_alerts
from flashpoint.analytics.index import IndexParams
from flashpoint.analytics.periods import Freq
from flashpoint.analytics.series import ANY_ACTOR, Series, load_series
from flashpoint.analytics.volume import Normalise
from flashpoint.models import Alert, SeriesPoint
from flashpoint.store.analytics import AlertFilter, SeriesQuery, read_alerts, story_summaries

if TYPE_CHECKING:
    from flashpoint.store.database import Store


def series_query(
    actor: str,
    recipient: str | None = None,
    *,
    since: date | None = None,
    until: date | None = None,
    include_negated: bool = False,
) -> SeriesQuery:
    """A query for an actor, or a directed dyad; actor "*" means any actor (stated or not)."""
    return SeriesQuery(
        actor=None if actor == ANY_ACTOR else actor.upper(),
        recipient=recipient.upper() if recipient else None,
        since=since,
        until=until,
        include_negated=include_negated,
    )


def series(
    store: Store,
    actor: str,
    recipient: str | None = None,
    freq: Freq = "month",
    *,
    since: date | None = None,
    until: date | None = None,
    include_negated: bool = False,
    normalise: Normalise = "none",
) -> Series:
    """The continuous series, index and per-period stories of an actor or a directed dyad.

    `normalise="volume"` computes the index per article the outlets published in each
    period (docs/ANALYTICS.md), so a quiet period for the source does not read as calm.
    """
    query = series_query(
        actor, recipient, since=since, until=until, include_negated=include_negated
    )
    return load_series(store, query, freq, normalise=normalise)


def series_points(
    store: Store,
    actor: str,
    recipient: str | None = None,
    freq: Freq = "month",
    normalise: Normalise = "none",
) -> list[SeriesPoint]:
    """Only the points of `series` (the API's view)."""
    return list(series(store, actor, recipient, freq, normalise=normalise).points)


@dataclass(frozen=True, slots=True)
class AlertRun:
    """What one detection did: the dyads examined and the alerts they raised."""

    dyads: tuple[tuple[str, str | None], ...]
    alerts: tuple[Alert, ...]
    periods: int


def detect_and_store(
    store: Store,
    dyads: list[tuple[str, str | None]] | None = None,
    freq: Freq = "month",
    *,
    since: date | None = None,
    until: date | None = None,
    params: AlertParams | None = None,
    top_dyads: int = 10,
    normalise: Normalise = "none",
) -> AlertRun:
    """Detect alerts for the dyads (default: the most frequent ones) and store them.

    The dyad's stored alerts for the periods examined are replaced, so running again with
    the same data gives the same alerts, never duplicates.
    """
    chosen = dyads if dyads is not None else [(a, r) for a, r, _ in store.top_dyads(top_dyads)]
    raised: list[Alert] = []
    examined: list[tuple[str, str | None]] = []
    periods = 0
    for actor, recipient in chosen:
        found = series(store, actor, recipient, freq, since=since, until=until, normalise=normalise)
        alerts = detect_alerts(found, params, IndexParams.for_freq(freq))
        alerts = with_lead_story(store, series_query(actor, recipient), alerts)
        store.writer.replace_alerts(
            found.actor, found.recipient, [p.period for p in found.points], alerts
        )
        raised.extend(alerts)
        examined.append((found.actor, found.recipient))
        periods += len(found.points)
    return AlertRun(tuple(examined), tuple(raised), periods)


def with_lead_story(store: Store, query: SeriesQuery, alerts: list[Alert]) -> list[Alert]:
    """The alerts with the headline of the story that leads each, quoted in the message."""
    leads = sorted({a.story_ids[0] for a in alerts if a.story_ids})
    headlines = {s.story_id: s for s in story_summaries(store, query, leads)}
    enriched = []
    for alert in alerts:
        lead = headlines.get(alert.story_ids[0]) if alert.story_ids else None
        if lead is None:
            enriched.append(alert)
            continue
        quote = " ".join(lead.headline.split())
        quote = quote if len(quote) <= 160 else quote[:157] + "..."
        reports = f"{lead.n_articles} report{'s' if lead.n_articles != 1 else ''}"
        message = f'{alert.message}; lead story: "{quote}" ({reports})'
        enriched.append(replace(alert, message=message))
    return enriched


def stored_alerts(
    store: Store,
    *,
    actor: str | None = None,
    recipient: str | None = None,
    since: date | None = None,
    until: date | None = None,
    freq: str | None = None,
    limit: int | None = None,
) -> list[Alert]:
    """Alerts already stored, oldest period first (read only; the API uses this)."""
    flt = AlertFilter(actor=actor, recipient=recipient, since=since, until=until, freq=freq)
    found = read_alerts(store, flt)
    return found[-limit:] if limit else found


__all__ = [
    "AlertRun",
    "IndexParams",
    "detect_and_store",
    "series",
    "series_points",
    "series_query",
    "stored_alerts",
]
