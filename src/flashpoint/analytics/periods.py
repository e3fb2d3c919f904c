"""Calendar periods for series: days, ISO weeks (Monday to Sunday) and months."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

Freq = Literal["day", "week", "month"]
FREQS: tuple[Freq, ...] = ("day", "week", "month")


def period_start(day: date, freq: Freq) -> date:
    """The first day of the period holding `day` (ISO weeks start on Monday)."""
    if freq == "day":
        return day
    if freq == "week":
        return day - timedelta(days=day.weekday())
    return day.replace(day=1)


def next_period(start: date, freq: Freq) -> date:
    """The first day of the period after the one starting on `start`."""
    if freq == "day":
        return start + timedelta(days=1)
    if freq == "week":
        return start + timedelta(days=7)
    return date(start.year + start.month // 12, start.month % 12 + 1, 1)


def period_label(start: date, freq: Freq) -> str:
    """2024-04-02 for a day, 2024-W14 for an ISO week (ISO year), 2024-04 for a month."""
    if freq == "day":
        return start.isoformat()
    if freq == "week":
        iso = start.isocalendar()
        return f"{iso.year}-W{iso.week:02d}"
    return f"{start.year:04d}-{start.month:02d}"


def periods_between(first: date, last: date, freq: Freq) -> list[date]:
    """Every period start from the period holding `first` to the one holding `last`."""
    current = period_start(first, freq)
    end = period_start(last, freq)
    starts: list[date] = []
    while current <= end:
        starts.append(current)
        current = next_period(current, freq)
    return starts
