"""After coding: update stories, then detect alerts (the stages downstream of the coder).

The watcher calls `after_coding(store)` after each round that coded articles and sends
the alerts it returns to the sinks. The default, `stories_and_alerts`, runs
`flashpoint.story_workflow.update_stories` and then
`flashpoint.analytics.service.detect_and_store`, and keeps the alerts of recent periods.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from flashpoint.models import Alert

if TYPE_CHECKING:
    from flashpoint.analytics.periods import Freq
    from flashpoint.store import Store
    from flashpoint.watch.config import AlertSettings

log = logging.getLogger("flashpoint.watch")

AfterCoding = Callable[["Store"], list[Alert]]


def _label(day: date, freq: str) -> str:
    if freq == "day":
        return day.isoformat()
    if freq == "week":
        iso = day.isocalendar()
        return f"{iso.year}-W{iso.week:02d}"
    return f"{day.year:04d}-{day.month:02d}"


def recent_period_labels(today: date, freq: str, count: int) -> set[str]:
    """Labels of the current period and the `count - 1` before it (2024-W14, 2024-04, ...)."""
    labels: set[str] = set()
    day = today
    while len(labels) < count:
        labels.add(_label(day, freq))
        day -= timedelta(days=1)
    return labels


def stories_and_alerts(
    settings: AlertSettings, today: Callable[[], date] = date.today
) -> AfterCoding:
    """The default after-coding step: regroup new events into stories, detect alerts on
    the most frequent dyads, and keep the alerts of recent periods (older ones are
    history, not news)."""
    freq: Freq = "day" if settings.freq == "day" else "week" if settings.freq == "week" else "month"

    def run(store: Store) -> list[Alert]:
        # Imported when first needed: `--no-code` runs and --help stay light.
        from flashpoint.analytics.service import detect_and_store  # noqa: PLC0415
        from flashpoint.story_workflow import update_stories  # noqa: PLC0415

        grouped = update_stories(store)
        found = detect_and_store(store, None, freq, top_dyads=settings.top_dyads)
        alerts = list(found.alerts)
        log.info(
            "stories: %d events grouped, %d stories written; %d alerts on %d dyads",
            grouped.events,
            grouped.written,
            len(alerts),
            len(found.dyads),
        )
        if settings.recent_periods:
            recent = recent_period_labels(today(), settings.freq, settings.recent_periods)
            alerts = [a for a in alerts if a.period in recent]
        return alerts

    return run
