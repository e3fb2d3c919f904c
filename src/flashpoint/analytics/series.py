"""Series of stories for an actor or a directed dyad, by day, ISO week or month.

Stories are counted, not articles: a story with five reports in a period counts once.
Within one period a story is summarised as:

- its category: the category most of its events in the period carry (ties: the more
  conflictual quad class, then the name), which also gives its quad class;
- its score: the mean PLOVER score of its events in the period that have one (None when
  none has);
- its hostility: minus its score, or minus the category's PLOVER score when it has none.

Periods without events appear with zeros, so the series (and the index) is continuous.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from flashpoint.analytics.index import IndexParams, IndexValue, escalation_index
from flashpoint.analytics.periods import Freq, period_label, period_start, periods_between
from flashpoint.models import SeriesPoint
from flashpoint.ontology.plover import CATEGORY_SCORE
from flashpoint.store.analytics import SeriesQuery, StoryPeriodFact, story_period_facts

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
) -> Series:
    """A continuous series from `first` to `last` (default: the data's own span).

    The index is computed over the whole span; periods before `shown_from` serve only as
    its warm-up and are left out of the result.
    """
    by_period = merge_story_facts(facts)
    if first is None or last is None:
        if not by_period:
            return Series(actor, recipient, freq, (), ())
        first = first or min(by_period)
        last = last or max(by_period)
    starts = periods_between(first, last, freq)
    values = escalation_index(
        [math.fsum(s.hostility for s in by_period.get(start, ())) for start in starts],
        params or IndexParams.for_freq(freq),
    )
    points: list[SeriesPoint] = []
    index: list[IndexValue] = []
    stories: dict[str, tuple[PeriodStory, ...]] = {}
    for start, value in zip(starts, values, strict=True):
        if shown_from is not None and start < shown_from:
            continue
        label = period_label(start, freq)
        members = by_period.get(start, [])
        points.append(series_point(label, members, value.index))
        index.append(value)
        stories[label] = tuple(members)
    return Series(actor, recipient, freq, tuple(points), tuple(index), stories)


def warm_up_start(since: date, freq: Freq, params: IndexParams) -> date:
    """A day far enough before `since` for the index's baseline to be full at `since`."""
    days = {"day": 1, "week": 7, "month": 31}[freq] * (params.window + params.span)
    return since - timedelta(days=days)


def load_series(
    store: Store,
    query: SeriesQuery,
    freq: Freq,
    params: IndexParams | None = None,
) -> Series:
    """The series for an actor or dyad from the store, with a warmed-up index."""
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
    return build_series(
        query.actor or ANY_ACTOR,
        query.recipient,
        facts,
        freq,
        first=fetch.since or (min(f.period for f in facts) if facts else None),
        last=query.until or (max(f.period for f in facts) if facts else None),
        shown_from=period_start(since, freq) if since else None,
        params=params,
    )
