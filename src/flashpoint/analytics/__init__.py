"""The analytics stage: series of stories, the escalation index, alerts and briefs.

Arithmetic lives here; the SQL it needs is in flashpoint.store.analytics. The index and
the alert rules are defined in docs/ANALYTICS.md.
"""

from flashpoint.analytics.alerts import AlertParams, alert_id_for, detect_alerts
from flashpoint.analytics.index import IndexParams, IndexValue, escalation_index, ewma
from flashpoint.analytics.series import PeriodStory, Series, build_series
from flashpoint.analytics.service import (
    AlertRun,
    detect_and_store,
    series,
    series_points,
    series_query,
    stored_alerts,
)

__all__ = [
    "AlertParams",
    "AlertRun",
    "IndexParams",
    "IndexValue",
    "PeriodStory",
    "Series",
    "alert_id_for",
    "build_series",
    "detect_alerts",
    "detect_and_store",
    "escalation_index",
    "ewma",
    "series",
    "series_points",
    "series_query",
    "stored_alerts",
]
