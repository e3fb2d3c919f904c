"""The analytics stage: series of stories, the escalation index, alerts and briefs.

Arithmetic lives here; the SQL it needs is in flashpoint.store.analytics. The index and
the alert rules, and the volume normalisation, are defined in docs/ANALYTICS.md.
"""

from flashpoint.analytics.alerts import AlertParams, alert_id_for, detect_alerts
from flashpoint.analytics.index import (
    IndexParams,
    IndexValue,
    escalation_index,
    ewma,
    normalised_index,
)
from flashpoint.analytics.series import PeriodStory, Series, build_series
from flashpoint.analytics.service import (
    AlertRun,
    detect_and_store,
    series,
    series_points,
    series_query,
    stored_alerts,
)
from flashpoint.analytics.volume import NORMALISE, Normalise, PeriodVolume

__all__ = [
    "NORMALISE",
    "AlertParams",
    "AlertRun",
    "IndexParams",
    "IndexValue",
    "Normalise",
    "PeriodStory",
    "PeriodVolume",
    "Series",
    "alert_id_for",
    "build_series",
    "detect_alerts",
    "detect_and_store",
    "escalation_index",
    "ewma",
    "normalised_index",
    "series",
    "series_points",
    "series_query",
    "stored_alerts",
]
