"""The escalation index: smoothed hostility standardised against the dyad's own past.

Defined in docs/ANALYTICS.md, with a worked example. In short, for each period t:

    H[t] = hostility: minus the sum of the period's story scores (conflict raises it,
           cooperation lowers it; an empty period is 0)
    S[t] = alpha * H[t] + (1 - alpha) * S[t-1],  S[0] = H[0],  alpha = 2 / (span + 1)
    m[t], s[t] = mean and population standard deviation of S over the `window` periods
           before t (t itself left out)
    index[t] = (S[t] - m[t]) / max(s[t], sd_floor), undefined while fewer than
           `min_history` earlier periods exist

The floor on the deviation keeps a quiet dyad (a baseline of zeros) from turning one
accusation into an enormous score.

`normalised_index` is the same arithmetic on hostility per published article
(flashpoint.analytics.volume): the values are shown at the baseline volume of each
period, and a period without coverage (None) has no index and no place in baselines.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from flashpoint.analytics.periods import Freq


@dataclass(frozen=True, slots=True)
class IndexParams:
    """How the index smooths and what it compares against; defaults depend on the frequency."""

    span: int  # EWMA span in periods
    window: int  # trailing baseline length in periods
    min_history: int  # earlier periods needed before the index is defined
    sd_floor: float = 1.0  # smallest deviation divided by, in PLOVER score points

    @classmethod
    def for_freq(cls, freq: Freq) -> IndexParams:
        spans = {"day": (7, 90, 28), "week": (4, 52, 13), "month": (3, 24, 6)}
        span, window, min_history = spans[freq]
        return cls(span=span, window=window, min_history=min_history)


@dataclass(frozen=True, slots=True)
class IndexValue:
    """The index in one period with the pieces it is made of."""

    hostility: float
    smoothed: float
    baseline_mean: float | None
    baseline_sd: float | None
    index: float | None
    covered: bool = True  # False: the outlets published nothing in the period


def ewma(values: Sequence[float], span: int) -> list[float]:
    """Exponentially weighted moving average, starting at the first value."""
    if span < 1:
        raise ValueError(f"span must be at least 1, not {span}")
    alpha = 2.0 / (span + 1)
    smoothed: list[float] = []
    for value in values:
        smoothed.append(value if not smoothed else alpha * value + (1 - alpha) * smoothed[-1])
    return smoothed


def mean_sd(values: Sequence[float]) -> tuple[float, float]:
    """Mean and population standard deviation."""
    mean = math.fsum(values) / len(values)
    variance = math.fsum((v - mean) ** 2 for v in values) / len(values)
    return mean, math.sqrt(variance)


def escalation_index(hostility: Sequence[float], params: IndexParams) -> list[IndexValue]:
    """The index for a continuous series of hostility values (one per period, zeros included)."""
    smoothed = ewma(hostility, params.span)
    result: list[IndexValue] = []
    for t, (h, s) in enumerate(zip(hostility, smoothed, strict=True)):
        history = smoothed[max(0, t - params.window) : t]
        if len(history) < max(1, params.min_history):
            result.append(IndexValue(h, s, None, None, None))
            continue
        mean, sd = mean_sd(history)
        index = (s - mean) / max(sd, params.sd_floor)
        result.append(IndexValue(h, s, mean, sd, index))
    return result


def normalised_index(
    rates: Sequence[float | None], reference: Sequence[float | None], params: IndexParams
) -> list[IndexValue]:
    """The index on hostility per article; a None rate is a period without coverage.

    The EWMA runs over covered periods only (a gap leaves it where it was), and the
    baseline of period t is the smoothed rates of the covered periods among the `window`
    before it. Values are reported at `reference[t]` articles, the period's baseline
    volume, so the deviation floor stays `sd_floor` score points at the usual output:
    index = (S - m) / max(s, sd_floor / reference). With every rate covered and every
    reference 1 this is `escalation_index`.
    """
    if params.span < 1:
        raise ValueError(f"span must be at least 1, not {params.span}")
    alpha = 2.0 / (params.span + 1)
    smoothed: list[float | None] = []
    last: float | None = None
    for rate in rates:
        if rate is not None:
            last = rate if last is None else alpha * rate + (1 - alpha) * last
        smoothed.append(last if rate is not None else None)
    result: list[IndexValue] = []
    carried = 0.0
    for t, (rate, level, ref) in enumerate(zip(rates, smoothed, reference, strict=True)):
        if rate is None or level is None or not ref:
            result.append(IndexValue(0.0, carried, None, None, None, covered=False))
            continue
        carried = level * ref
        history = [v for v in smoothed[max(0, t - params.window) : t] if v is not None]
        if len(history) < max(1, params.min_history):
            result.append(IndexValue(rate * ref, carried, None, None, None))
            continue
        mean, sd = mean_sd(history)
        index = (level - mean) / max(sd, params.sd_floor / ref)
        result.append(IndexValue(rate * ref, carried, mean * ref, sd * ref, index))
    return result
