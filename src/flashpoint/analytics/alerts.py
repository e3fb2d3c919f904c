"""Alerts: the periods where a dyad's escalation index or conflict story count jumps.

Three kinds, each defined in docs/ANALYTICS.md:

- escalation: the index reaches +z (default 2.0) from below (or at its first defined
  period); one alert per crossing, not one per period spent above;
- de-escalation: the index reaches -z from above;
- spike: the period's conflict stories reach at least `spike_min` and exceed the
  trailing mean of conflict stories by `spike_k` deviations (deviation floored at 1);
  on a volume-normalised series the comparison is of conflict stories per article.

An alert names the stories that drove it: the period's conflict stories (cooperation
stories for a de-escalation) ordered by articles, then hostility. Alert ids hash the
dyad, period and kind, so detecting again replaces an alert instead of adding one.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass

from flashpoint.analytics.index import IndexParams, mean_sd
from flashpoint.analytics.series import PeriodStory, Series
from flashpoint.models import Alert, SeriesPoint


@dataclass(frozen=True, slots=True)
class AlertParams:
    z: float = 2.0  # index threshold, in baseline deviations
    spike_k: float = 3.0  # conflict-count spike threshold, in deviations
    spike_min: int = 3  # fewest conflict stories that can make a spike
    top_stories: int = 5  # stories named per alert


def alert_id_for(actor: str, recipient: str | None, period: str, kind: str) -> str:
    """Stable id: the same dyad, period and kind always give the same id."""
    key = f"{actor}\x1f{recipient or ''}\x1f{period}\x1f{kind}"
    return "al" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:22]


def driving_stories(stories: tuple[PeriodStory, ...], kind: str, limit: int) -> list[PeriodStory]:
    """The stories behind an alert, most reported and most hostile first."""
    wanted = [s for s in stories if s.conflict != (kind == "de-escalation")]
    ranked = wanted or list(stories)
    if kind == "de-escalation":
        return sorted(ranked, key=lambda s: (-s.articles, s.hostility, s.story_id))[:limit]
    return sorted(ranked, key=lambda s: (-s.articles, -s.hostility, s.story_id))[:limit]


def _mix(stories: list[PeriodStory]) -> str:
    counts = Counter(s.category for s in stories)
    return ", ".join(f"{c} {n}" for c, n in sorted(counts.items(), key=lambda x: (-x[1], x[0]))[:3])


def _plural(n: int, kind: str) -> str:
    return f"{n} {kind} story" if n == 1 else f"{n} {kind} stories"


def detect_alerts(
    series: Series, params: AlertParams | None = None, index_params: IndexParams | None = None
) -> list[Alert]:
    """Every alert the series raises, in period order."""
    params = params or AlertParams()
    window = (index_params or IndexParams.for_freq(series.freq)).window
    alerts: list[Alert] = []
    previous: float | None = None
    conflicts = [float(p.conflict) for p in series.points]
    for t, (point, value) in enumerate(zip(series.points, series.index, strict=True)):
        stories = series.stories.get(point.period, ())
        index = value.index
        if index is not None and value.baseline_mean is not None:
            for kind, crossed in (
                ("escalation", index >= params.z and (previous is None or previous < params.z)),
                (
                    "de-escalation",
                    index <= -params.z and (previous is None or previous > -params.z),
                ),
            ):
                if crossed:
                    alerts.append(
                        _index_alert(
                            series,
                            point,
                            kind=kind,
                            index=index,
                            baseline=value.baseline_mean,
                            stories=stories,
                            params=params,
                        )
                    )
        if not value.covered:
            continue  # no coverage: no reading, and the crossing state carries over the gap
        previous = index
        if index is None or point.conflict < params.spike_min:
            continue
        if series.volume:
            usual = _usual_conflict_per_volume(series, t, window, params)
        else:
            history = conflicts[max(0, t - window) : t]
            usual = _usual(history, float(point.conflict), params) if history else None
        if usual is not None:
            alerts.append(_spike_alert(series, point, usual, stories, params))
    return alerts


def _usual(history: list[float], now: float, params: AlertParams) -> float | None:
    """The usual level when `now` is a spike against `history`, else None."""
    mean, sd = mean_sd(history)
    return mean if now > mean + params.spike_k * max(sd, 1.0) else None


def _usual_conflict_per_volume(
    series: Series, t: int, window: int, params: AlertParams
) -> float | None:
    """The spike test on conflict stories per article, at period t's baseline volume.

    Periods without coverage are left out of the history; the deviation floor stays one
    story at the usual output.
    """
    volume = series.volume[t]
    if volume.conflict_rate is None or not volume.reference:
        return None
    ref = volume.reference
    history = [
        v.conflict_rate * ref
        for v in series.volume[max(0, t - window) : t]
        if v.conflict_rate is not None
    ]
    usual = _usual(history, volume.conflict_rate * ref, params) if history else None
    # Reported at the period's own output, so it compares with its raw story count.
    return usual * volume.articles / ref if usual is not None else None


def _index_alert(
    series: Series,
    point: SeriesPoint,
    *,
    kind: str,
    index: float,
    baseline: float,
    stories: tuple[PeriodStory, ...],
    params: AlertParams,
) -> Alert:
    drivers = driving_stories(stories, kind, params.top_stories)
    direction = "above" if kind == "escalation" else "below"
    message = (
        f"{series.label}: escalation index {index:+.1f} in {point.period}, {abs(index):.1f} "
        f"deviations {direction} its own baseline; {_plural(point.conflict, 'conflict')}"
        f" and {_plural(point.cooperation, 'cooperation')}, score sum {point.score_sum:+.1f}"
    )
    volume = next((v for v in series.volume if v.period == point.period), None)
    if volume is not None and volume.reference:
        message += (
            f" (normalised by volume: {volume.articles} articles published against a "
            f"usual {volume.reference:.0f})"
        )
    if drivers:
        message += f"; led by {_mix(drivers)}"
    return Alert(
        alert_id=alert_id_for(series.actor, series.recipient, point.period, kind),
        actor=series.actor,
        recipient=series.recipient,
        period=point.period,
        kind=kind,
        value=round(index, 4),
        baseline=round(baseline, 4),
        message=message,
        story_ids=tuple(s.story_id for s in drivers),
    )


def _spike_alert(
    series: Series,
    point: SeriesPoint,
    usual: float,
    stories: tuple[PeriodStory, ...],
    params: AlertParams,
) -> Alert:
    drivers = driving_stories(stories, "spike", params.top_stories)
    message = (
        f"{series.label}: {_plural(point.conflict, 'conflict')} in {point.period} "
        f"against a usual {usual:.1f} per {series.freq}"
    )
    if series.volume:
        articles = next(v.articles for v in series.volume if v.period == point.period)
        message += f" for the {articles} articles published"
    message += f"; led by {_mix(drivers)}"
    return Alert(
        alert_id=alert_id_for(series.actor, series.recipient, point.period, "spike"),
        actor=series.actor,
        recipient=series.recipient,
        period=point.period,
        kind="spike",
        value=float(point.conflict),
        baseline=round(usual, 4),
        message=message,
        story_ids=tuple(s.story_id for s in drivers),
    )
