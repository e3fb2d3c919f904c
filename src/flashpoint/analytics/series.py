"""Series of stories for an actor or a directed dyad, by day, ISO week or month.

Stories are counted, not articles: a story with five reports in a period counts once.
Within one period a story is summarised as:

- its category: the category most of its events in the period carry (ties: the more
  conflictual quad class, then the name), which also gives its quad class;
- its score: the mean PLOVER score of its events in the period that have one (None when
  none has);
- its hostility: minus its score, or minus the category's PLOVER score when it has none.

Periods without events appear with zeros, so the series (and the index) is continuous.
With volume normalisation (flashpoint.analytics.volume) the index is computed on
hostility per published article, and a period in which nothing was published has no
index (no coverage) instead of reading as calm.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from flashpoint.analytics.index import (
    IndexParams,
    IndexValue,
    escalation_index,
    normalised_index,
)
from flashpoint.analytics.periods import Freq, period_label, period_start, periods_between
from flashpoint.analytics.volume import (
    Normalise,
    PeriodVolume,
    VolumeTable,
    outlet_weights,
    per_article_rate,
    reference_volumes,
    split_by_outlet,
    volume_table,
)
from flashpoint.models import SeriesPoint
from flashpoint.ontology.plover import CATEGORY_SCORE
from flashpoint.store.analytics import (
    SeriesQuery,
    StoryPeriodFact,
    article_outlets,
    article_volume,
    story_period_facts,
)

if TYPE_CHECKING:
    from flashpoint.store.database import Store

ANY_ACTOR = "*"  # a series of everything towards a recipient, whoever acts
CONFLICT_QUADS = (3, 4)
COOPERATION_QUADS = (1, 2)


@dataclass(frozen=True, slots=True)
class PeriodStory:
    """One story's part in one period."""

    story_id: str
    category: str
    quad_class: int
    events: int
    articles: int
    score: float | None
    hostility: float
    article_ids: tuple[str, ...] = ()

    @property
    def conflict(self) -> bool:
        return self.quad_class in CONFLICT_QUADS


@dataclass(frozen=True, slots=True)
class Series:
    """A continuous series with the index and, per period, the stories behind it."""

    actor: str  # "*" for any actor
    recipient: str | None
    freq: Freq
    points: tuple[SeriesPoint, ...]
    index: tuple[IndexValue, ...]
    stories: dict[str, tuple[PeriodStory, ...]] = field(default_factory=dict)  # by period label
    normalise: Normalise = "none"
    volume: tuple[PeriodVolume, ...] = ()  # one per point when normalised by volume

    @property
    def label(self) -> str:
        return f"{self.actor} -> {self.recipient}" if self.recipient else self.actor


def merge_story_facts(facts: Iterable[StoryPeriodFact]) -> dict[date, list[PeriodStory]]:
    """Facts (one per period, story and category) become one PeriodStory per period and story."""
    grouped: dict[tuple[date, str], list[StoryPeriodFact]] = defaultdict(list)
    for fact in facts:
        grouped[(fact.period, fact.story_id)].append(fact)
    by_period: dict[date, list[PeriodStory]] = defaultdict(list)
    for (period, story_id), parts in sorted(grouped.items()):
        main = min(parts, key=lambda f: (-f.events, -f.quad_class, f.category))
        scored = sum(f.scored for f in parts)
        score = math.fsum(f.score_sum for f in parts) / scored if scored else None
        fallback = CATEGORY_SCORE.get(main.category, 0.0)
        by_period[period].append(
            PeriodStory(
                story_id=story_id,
                category=main.category,
                quad_class=main.quad_class,
                events=sum(f.events for f in parts),
                articles=len({a for f in parts for a in f.article_ids}),
                score=score,
                hostility=-(score if score is not None else fallback),
                article_ids=tuple(sorted({a for f in parts for a in f.article_ids})),
            )
        )
    return by_period


def series_point(label: str, stories: list[PeriodStory], index: float | None) -> SeriesPoint:
    """The counts and sums of one period."""
    by_category: dict[str, int] = defaultdict(int)
    by_quad: dict[int, int] = defaultdict(int)
    for story in stories:
        by_category[story.category] += 1
        by_quad[story.quad_class] += 1
    scores = [s.score for s in stories if s.score is not None]
    score_sum = math.fsum(scores)
    return SeriesPoint(
        period=label,
        events=sum(s.events for s in stories),
        stories=len(stories),
        conflict=sum(1 for s in stories if s.quad_class in CONFLICT_QUADS),
        cooperation=sum(1 for s in stories if s.quad_class in COOPERATION_QUADS),
        score_sum=round(score_sum, 6),
        score_mean=round(score_sum / len(scores), 6) if scores else None,
        escalation_index=round(index, 4) if index is not None else None,
        by_category=dict(sorted(by_category.items())),
        by_quad=dict(sorted(by_quad.items())),
    )


def build_series(
    actor: str,
    recipient: str | None,
    facts: Iterable[StoryPeriodFact],
    freq: Freq,
    *,
    first: date | None = None,
    last: date | None = None,
    shown_from: date | None = None,
    params: IndexParams | None = None,
    volume: VolumeTable | None = None,
    article_outlet: Mapping[str, str] | None = None,
) -> Series:
    """A continuous series from `first` to `last` (default: the data's own span).

    The index is computed over the whole span; periods before `shown_from` serve only as
    its warm-up and are left out of the result. With `volume` (articles per period and
    outlet) the index is normalised by volume; `article_outlet` maps the stories'
    reports to their outlets (without it every report counts for the outlet "").
    """
    by_period = merge_story_facts(facts)
    if first is None or last is None:
        if not by_period:
            return Series(actor, recipient, freq, (), ())
        first = first or min(by_period)
        last = last or max(by_period)
    starts = periods_between(first, last, freq)
    params = params or IndexParams.for_freq(freq)
    volumes: list[PeriodVolume] | None = None
    if volume is None:
        values = escalation_index(
            [math.fsum(s.hostility for s in by_period.get(start, ())) for start in starts],
            params,
        )
    else:
        volumes = period_volumes(
            starts,
            freq,
            by_period,
            volume=volume,
            article_outlet=article_outlet or {},
            params=params,
        )
        values = normalised_index(
            [v.hostility_rate for v in volumes], [v.reference for v in volumes], params
        )
    points: list[SeriesPoint] = []
    index: list[IndexValue] = []
    shown_volume: list[PeriodVolume] = []
    stories: dict[str, tuple[PeriodStory, ...]] = {}
    for t, (start, value) in enumerate(zip(starts, values, strict=True)):
        if shown_from is not None and start < shown_from:
            continue
        label = period_label(start, freq)
        members = by_period.get(start, [])
        points.append(series_point(label, members, value.index))
        index.append(value)
        stories[label] = tuple(members)
        if volumes is not None:
            shown_volume.append(volumes[t])
    return Series(
        actor,
        recipient,
        freq,
        tuple(points),
        tuple(index),
        stories,
        normalise="volume" if volumes is not None else "none",
        volume=tuple(shown_volume),
    )


def period_volumes(
    starts: list[date],
    freq: Freq,
    by_period: Mapping[date, list[PeriodStory]],
    *,
    volume: VolumeTable,
    article_outlet: Mapping[str, str],
    params: IndexParams,
) -> list[PeriodVolume]:
    """Per period: articles published, the baseline volume, and hostility and conflict
    stories per article (outlet-weighted; None when nothing was published)."""
    published = [dict(volume.get(start, {})) for start in starts]
    weights = outlet_weights(published)
    reference = reference_volumes([sum(p.values()) for p in published], params.window)
    result: list[PeriodVolume] = []
    for start, counts, ref in zip(starts, published, reference, strict=True):
        hostility: dict[str, float] = defaultdict(float)
        conflict: dict[str, float] = defaultdict(float)
        for story in by_period.get(start, ()):
            for outlet, part in split_by_outlet(1.0, story.article_ids, article_outlet).items():
                hostility[outlet] += story.hostility * part
                conflict[outlet] += part if story.conflict else 0.0
        result.append(
            PeriodVolume(
                period=period_label(start, freq),
                articles=sum(counts.values()),
                by_outlet=dict(sorted(counts.items())),
                reference=ref,
                hostility_rate=per_article_rate(hostility, counts, weights),
                conflict_rate=per_article_rate(conflict, counts, weights),
            )
        )
    return result


def warm_up_start(since: date, freq: Freq, params: IndexParams) -> date:
    """A day far enough before `since` for the index's baseline to be full at `since`."""
    days = {"day": 1, "week": 7, "month": 31}[freq] * (params.window + params.span)
    return since - timedelta(days=days)


def load_series(
    store: Store,
    query: SeriesQuery,
    freq: Freq,
    params: IndexParams | None = None,
    normalise: Normalise = "none",
) -> Series:
    """The series for an actor or dyad from the store, with a warmed-up index.

    `normalise="volume"` computes the index per article published (see
    flashpoint.analytics.volume); the volume is read for the same span as the events.
    """
    params = params or IndexParams.for_freq(freq)
    since = query.since
    fetch = SeriesQuery(
        actor=query.actor,
        recipient=query.recipient,
        since=warm_up_start(since, freq, params) if since else None,
        until=query.until,
        include_negated=query.include_negated,
    )
    facts = story_period_facts(store, fetch, freq)
    first = fetch.since or (min(f.period for f in facts) if facts else None)
    last = query.until or (max(f.period for f in facts) if facts else None)
    volume: VolumeTable | None = None
    outlets: dict[str, str] = {}
    if normalise == "volume":
        # The same days as the events: a partial first or last period is partial in both.
        volume = volume_table(article_volume(store, freq, since=fetch.since, until=query.until))
        outlets = article_outlets(store, [a for f in facts for a in f.article_ids])
    elif normalise != "none":
        raise ValueError(f"normalise must be 'none' or 'volume', not {normalise!r}")
    return build_series(
        query.actor or ANY_ACTOR,
        query.recipient,
        facts,
        freq,
        first=first,
        last=last,
        shown_from=period_start(since, freq) if since else None,
        params=params,
        volume=volume,
        article_outlet=outlets,
    )
