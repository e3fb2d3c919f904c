"""Briefs: what happened between an actor (or a dyad) and others over a period, for a colleague.

A brief holds headline numbers (with the previous period of the same length for
comparison), a trend chart, a timeline of the main stories with their evidence quote,
source links and counts, and the alerts of the period. It renders as Markdown (the chart
as a PNG beside the file) or as one self-contained HTML page (the chart inline as a data
URI; every piece of article text escaped).
"""

from __future__ import annotations

import base64
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from flashpoint.analytics.alerts import AlertParams, detect_alerts
from flashpoint.analytics.brief_templates import HTML_TEMPLATE, MARKDOWN_TEMPLATE
from flashpoint.analytics.charts import render_chart, series_title, sparkline
from flashpoint.analytics.index import IndexParams
from flashpoint.analytics.periods import Freq, period_label, period_start
from flashpoint.analytics.series import PeriodStory, Series, load_series
from flashpoint.analytics.service import series_query
from flashpoint.analytics.volume import Normalise
from flashpoint.errors import FlashpointError
from flashpoint.models import Alert, SeriesPoint, Story, utc_now
from flashpoint.store.analytics import story_summaries

if TYPE_CHECKING:
    from flashpoint.store.database import Store

TIMELINE_STORIES = 10


@dataclass(frozen=True, slots=True)
class BriefStory:
    """A story in the brief's timeline."""

    story: Story
    articles: int  # reports of it in the brief's period
    score: float | None
    urls: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class HeadlineNumber:
    label: str
    value: str
    before: str  # the same measure over the previous period of equal length


@dataclass(frozen=True, slots=True)
class Brief:
    title: str
    subject: str
    since: date
    until: date
    freq: Freq
    numbers: tuple[HeadlineNumber, ...]
    series: Series
    timeline: tuple[BriefStory, ...]
    alerts: tuple[Alert, ...]
    alert_headlines: dict[str, str] = field(default_factory=dict)  # story id -> headline
    chart_png: bytes = b""
    generated_at: datetime = field(default_factory=utc_now)

    @property
    def sparkline(self) -> str:
        return sparkline([p.escalation_index for p in self.series.points])


def brief_freq(since: date, until: date) -> Freq:
    """Days for up to two months, ISO weeks for up to a year, months beyond."""
    days = (until - since).days + 1
    return "day" if days <= 62 else "week" if days <= 366 else "month"


def _totals(points: tuple[SeriesPoint, ...]) -> dict[str, float]:
    return {
        "events": sum(p.events for p in points),
        "stories": sum(p.stories for p in points),
        "conflict": sum(p.conflict for p in points),
        "cooperation": sum(p.cooperation for p in points),
        "score_sum": sum(p.score_sum for p in points),
    }


def _numbers(current: Series, before: tuple[SeriesPoint, ...]) -> tuple[HeadlineNumber, ...]:
    now, then = _totals(current.points), _totals(before)
    labels = {
        "events": "events (reports coded)",
        "stories": "stories (real events)",
        "conflict": "conflict stories",
        "cooperation": "cooperation stories",
        "score_sum": "sum of PLOVER scores",
    }
    numbers = [
        HeadlineNumber(
            labels[key],
            f"{now[key]:+.1f}" if key == "score_sum" else f"{now[key]:.0f}",
            f"{then[key]:+.1f}" if key == "score_sum" else f"{then[key]:.0f}",
        )
        for key in labels
    ]
    defined = [p for p in current.points if p.escalation_index is not None]
    if defined:
        peak = max(defined, key=lambda p: p.escalation_index or 0.0)
        numbers.append(
            HeadlineNumber(
                "peak escalation index", f"{peak.escalation_index:+.2f} ({peak.period})", ""
            )
        )
    return tuple(numbers)


def _main_stories(series: Series, limit: int) -> list[tuple[str, int, float | None]]:
    """(story id, articles, mean score) of the most reported, then most hostile, stories."""
    articles: dict[str, int] = defaultdict(int)
    hostility: dict[str, float] = defaultdict(float)
    scores: dict[str, list[float]] = defaultdict(list)
    for stories in series.stories.values():
        for story in stories:
            _add(story, articles, hostility, scores)
    ranked = sorted(articles, key=lambda s: (-articles[s], -abs(hostility[s]), s))[:limit]
    return [
        (s, articles[s], sum(scores[s]) / len(scores[s]) if scores[s] else None) for s in ranked
    ]


def _add(
    story: PeriodStory,
    articles: dict[str, int],
    hostility: dict[str, float],
    scores: dict[str, list[float]],
) -> None:
    articles[story.story_id] += story.articles
    hostility[story.story_id] += story.hostility
    if story.score is not None:
        scores[story.story_id].append(story.score)


def build_brief(
    store: Store,
    actor: str,
    *,
    since: date,
    until: date,
    dyad: tuple[str, str] | None = None,
    freq: Freq | None = None,
    names: dict[str, str] | None = None,
    stories: int = TIMELINE_STORIES,
    normalise: Normalise = "none",
) -> Brief:
    """Gather a brief on `actor` (or on the directed `dyad`) from `since` to `until`."""
    if until < since:
        raise FlashpointError("FP104", f"--until {until} is before --since {since}")
    freq = freq or brief_freq(since, until)
    subject, recipient = dyad if dyad else (actor, None)
    length = until - since
    query = series_query(subject, recipient, since=since - length - timedelta(days=1), until=until)
    both = load_series(store, query, freq, normalise=normalise)
    first = period_label(period_start(since, freq), freq)
    before = tuple(p for p in both.points if p.period < first)
    current = _trim(both, first)
    if not any(p.events for p in current.points):
        raise FlashpointError(
            "FP601",
            f"no events for {current.label} between {since} and {until}",
            source="brief",
        )
    chosen = _main_stories(current, stories)
    window = series_query(subject, recipient, since=since, until=until)
    records = {s.story_id: s for s in story_summaries(store, window, [c[0] for c in chosen])}
    member_ids = sorted({m.article_id for s in records.values() for m in s.members})
    urls = store.article_urls(member_ids)
    timeline = [
        BriefStory(
            story=records[sid],
            articles=n,
            score=score,
            urls=tuple(
                u
                for u in dict.fromkeys(urls.get(m.article_id) for m in records[sid].members)
                if u and u.lower().startswith(("http://", "https://"))  # no javascript: links
            ),
        )
        for sid, n, score in chosen
        if sid in records
    ]
    timeline.sort(key=lambda b: (b.story.event_date or "", b.story.story_id))
    alerts = [
        a
        for a in detect_alerts(both, AlertParams(), IndexParams.for_freq(freq))
        if a.period >= first
    ]
    alert_ids = sorted({s for a in alerts for s in a.story_ids} - set(records))
    headlines = {s.story_id: s.headline for s in records.values()}
    headlines.update({s.story_id: s.headline for s in story_summaries(store, window, alert_ids)})
    title = f"Brief: {series_title(current, names)}, {since} to {until}"
    return Brief(
        title=title,
        subject=current.label,
        since=since,
        until=until,
        freq=freq,
        numbers=_numbers(current, before),
        series=current,
        timeline=tuple(timeline),
        alerts=tuple(alerts),
        alert_headlines=headlines,
        chart_png=render_chart(current, title=series_title(current, names)),
    )


def _trim(series: Series, first: str) -> Series:
    kept = [(p, v) for p, v in zip(series.points, series.index, strict=True) if p.period >= first]
    return Series(
        series.actor,
        series.recipient,
        series.freq,
        tuple(p for p, _ in kept),
        tuple(v for _, v in kept),
        {p.period: series.stories.get(p.period, ()) for p, _ in kept},
        normalise=series.normalise,
        volume=tuple(v for v in series.volume if v.period >= first),
    )


def render_brief(brief: Brief, fmt: str, *, chart_name: str | None = None) -> str:
    """The brief as Markdown (`chart_name`: the PNG file beside it) or self-contained HTML."""
    from jinja2 import Environment  # noqa: PLC0415 - only when a brief is rendered

    if fmt == "html":
        env = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)
        chart = "data:image/png;base64," + base64.b64encode(brief.chart_png).decode("ascii")
        return env.from_string(HTML_TEMPLATE).render(brief=brief, chart=chart)
    if fmt == "md":
        env = Environment(autoescape=False, trim_blocks=True, lstrip_blocks=True)  # noqa: S701 - Markdown, not HTML; text is escaped by the md filter
        env.filters["md"] = markdown_escape
        return env.from_string(MARKDOWN_TEMPLATE).render(brief=brief, chart=chart_name)
    raise FlashpointError("FP104", f"brief format {fmt!r} is not md or html")


def markdown_escape(text: object) -> str:
    """Article text made inert in Markdown: no raw HTML, links or emphasis from the source."""
    escaped = str(text).replace("\\", "\\\\")
    for char in "`*_[]<>#|":
        escaped = escaped.replace(char, "\\" + char)
    return " ".join(escaped.split())
