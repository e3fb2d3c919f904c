"""After coding: update stories, then detect alerts (the stages downstream of the coder).

The watcher calls `after_coding(store)` after each round that coded articles and sends
the alerts it returns to the sinks. The default runs `flashpoint.story_workflow.
update_stories` and `flashpoint.analytics.service.detect_and_store`; each is looked up
when called, so the watcher keeps working (and says so once in the log) in an
installation where a stage is missing.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from flashpoint.models import Alert

if TYPE_CHECKING:
    from flashpoint.store import Store
    from flashpoint.watch.config import AlertSettings

log = logging.getLogger("flashpoint.watch")

AfterCoding = Callable[["Store"], list[Alert]]


def _stage(module: str, name: str) -> Callable[..., Any] | None:
    try:
        found: Callable[..., Any] = getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None
    return found


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
    warned: set[str] = set()

    def missing(what: str) -> None:
        if what not in warned:
            warned.add(what)
            log.warning("%s is not available in this installation; skipped", what)

    def run(store: Store) -> list[Alert]:
        update_stories = _stage("flashpoint.story_workflow", "update_stories")
        if update_stories is None:
            missing("story grouping (flashpoint.story_workflow.update_stories)")
        else:
            update_stories(store)
        detect = _stage("flashpoint.analytics.service", "detect_and_store")
        if detect is None:
            missing("alert detection (flashpoint.analytics.service.detect_and_store)")
            return []
        run = detect(store, None, settings.freq, top_dyads=settings.top_dyads)
        alerts = [a for a in run.alerts if isinstance(a, Alert)]
        if settings.recent_periods:
            recent = recent_period_labels(today(), settings.freq, settings.recent_periods)
            alerts = [a for a in alerts if a.period in recent]
        return alerts

    return run
