"""Volume normalisation: read a series per article the outlets published, not per period.

A source that publishes twice as much raises every count; one that goes quiet reads as
calm. With normalisation (`--normalise volume`, docs/ANALYTICS.md) each period's
hostility and conflict count are divided by the articles published in that period, so
the index compares shares of output. Figures are shown at the baseline volume (the mean
articles per covered period in the index window before the period), i.e. "what the
dyad's hostility would have been at the outlet's usual output".

With several outlets, each story's weight is split over the outlets of its reports and
each outlet's part is divided by that outlet's own volume; the per-outlet rates are then
averaged with weights fixed by each outlet's share of all articles in the series' span.
A single outlet thus gives plainly hostility / articles, and one outlet doubling its
output does not change another outlet's reading.

A period in which no outlet published anything has no coverage: its rate is unknown, not
zero, so it has no index, is left out of later baselines and does not reset an alert.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from flashpoint.store.analytics import OutletVolume

Normalise = Literal["none", "volume"]
NORMALISE: tuple[Normalise, ...] = ("none", "volume")

VolumeTable = Mapping[date, Mapping[str, int]]  # period start -> outlet -> articles


@dataclass(frozen=True, slots=True)
class PeriodVolume:
    """What the outlets published in one period and the dyad's rates per article."""

    period: str
    articles: int  # published in the period, all outlets
    by_outlet: dict[str, int] = field(default_factory=dict)
    reference: float | None = None  # baseline articles per period the figures are shown at
    hostility_rate: float | None = None  # per article; None: no coverage
    conflict_rate: float | None = None  # conflict stories per article; None: no coverage

    @property
    def covered(self) -> bool:
        return self.hostility_rate is not None

    def to_dict(self) -> dict[str, object]:
        return {
            "articles": self.articles,
            "articles_by_outlet": dict(self.by_outlet),
            "reference_articles": round(self.reference, 4) if self.reference else None,
            "coverage": self.covered,
        }


def volume_table(rows: Iterable[OutletVolume]) -> dict[date, dict[str, int]]:
    """The store's per-period, per-outlet counts as a lookup."""
    table: dict[date, dict[str, int]] = defaultdict(dict)
    for row in rows:
        table[row.period][row.outlet] = table[row.period].get(row.outlet, 0) + row.articles
    return dict(table)


def outlet_weights(volumes: Sequence[Mapping[str, int]]) -> dict[str, float]:
    """Each outlet's share of all articles over the span (fixed, so rates stay comparable)."""
    totals: dict[str, int] = defaultdict(int)
    for period in volumes:
        for outlet, count in period.items():
            totals[outlet] += count
    everything = sum(totals.values())
    return {o: n / everything for o, n in totals.items() if n} if everything else {}


def per_article_rate(
    parts: Mapping[str, float], volume: Mapping[str, int], weights: Mapping[str, float]
) -> float | None:
    """An outlet-weighted rate per article in one period; None when nothing was published.

    `parts` is the period's value split by outlet (a story's weight divided over the
    outlets of its reports). A part from an outlet that published nothing in the period
    (a report of an earlier event) has no rate and is left out.
    """
    covered = [o for o, n in volume.items() if n > 0 and weights.get(o, 0.0) > 0]
    if not covered:
        return None
    total_weight = math.fsum(weights[o] for o in covered)
    return math.fsum(weights[o] * parts.get(o, 0.0) / volume[o] for o in covered) / total_weight


def reference_volumes(totals: Sequence[int], window: int) -> list[float | None]:
    """The baseline volume of each period: mean articles over the covered periods of the
    `window` before it; the period's own volume when there is no such history; None for a
    period without coverage and without history."""
    reference: list[float | None] = []
    for t, own in enumerate(totals):
        history = [n for n in totals[max(0, t - window) : t] if n > 0]
        if history:
            reference.append(math.fsum(history) / len(history))
        else:
            reference.append(float(own) if own > 0 else None)
    return reference


def split_by_outlet(
    weight: float, article_ids: Iterable[str], article_outlet: Mapping[str, str]
) -> dict[str, float]:
    """A story's weight divided over the outlets of its reports, by number of reports."""
    outlets = [article_outlet.get(a, "") for a in article_ids]
    if not outlets:
        return {"": weight}
    counts: dict[str, int] = defaultdict(int)
    for outlet in outlets:
        counts[outlet] += 1
    return {o: weight * n / len(outlets) for o, n in counts.items()}
