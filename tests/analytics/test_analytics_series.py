"""Series arithmetic on hand-built events: stories not articles, statuses, periods, direction."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from analytics_builders import EventBook, group
from flashpoint.analytics import series
from flashpoint.analytics.periods import period_label, period_start, periods_between
from flashpoint.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "fp.duckdb") as opened:
        yield opened


def test_series_counts_a_story_once_however_many_articles_report_it(store: Store) -> None:
    book = EventBook(store)
    reports = [book.add("2024-04-02", score=s) for s in (-2.0, -4.0, -3.0)]
    group(store, "s-launch", reports)
    book.add("2024-04-10", "AGREE")
    (point,) = series(store, "PRK", "USA", "month").points
    assert point.period == "2024-04"
    assert point.events == 4
    assert point.stories == 2
    assert (point.conflict, point.cooperation) == (1, 1)
    # The story scores the mean of its reports (-3.0), the agreement +2.5.
    assert point.score_sum == pytest.approx(-0.5)
    assert point.score_mean == pytest.approx(-0.25)
    assert point.by_category == {"ACCUSE": 1, "AGREE": 1}
    assert point.by_quad == {1: 1, 3: 1}


def test_ungrouped_events_each_count_as_their_own_story(store: Store) -> None:
    book = EventBook(store)
    for _ in range(3):
        book.add("2024-04-02")
    (point,) = series(store, "PRK", "USA", "month").points
    assert (point.events, point.stories, point.conflict) == (3, 3, 3)
    assert point.score_sum == pytest.approx(-9.0)


def test_negated_and_hypothetical_events_are_left_out_unless_asked(store: Store) -> None:
    book = EventBook(store)
    book.add("2024-04-02")
    book.add("2024-04-03", status="negated")
    book.add("2024-04-04", status="hypothetical")
    book.add("2024-04-05", status="alleged")
    (default,) = series(store, "PRK", "USA", "month").points
    (included,) = series(store, "PRK", "USA", "month", include_negated=True).points
    assert default.stories == 2
    assert included.stories == 4


def test_empty_periods_appear_with_zeros(store: Store) -> None:
    book = EventBook(store)
    book.add("2024-01-15")
    book.add("2024-04-02", "ASSAULT")
    points = series(store, "PRK", "USA", "month").points
    assert [p.period for p in points] == ["2024-01", "2024-02", "2024-03", "2024-04"]
    assert [p.stories for p in points] == [1, 0, 0, 1]
    assert [p.score_sum for p in points] == [-3.0, 0.0, 0.0, -9.0]


def test_since_and_until_fill_the_whole_range_with_zeros(store: Store) -> None:
    EventBook(store).add("2024-04-02")
    points = series(
        store, "PRK", "USA", "month", since=date(2024, 3, 1), until=date(2024, 6, 30)
    ).points
    assert [(p.period, p.stories) for p in points] == [
        ("2024-03", 0),
        ("2024-04", 1),
        ("2024-05", 0),
        ("2024-06", 0),
    ]


@pytest.mark.parametrize(
    ("day", "label"),
    [
        (date(2024, 12, 29), "2024-W52"),  # a Sunday ends ISO week 52
        (date(2024, 12, 30), "2025-W01"),  # the Monday starts 2025's first ISO week
        (date(2021, 1, 3), "2020-W53"),  # early January can belong to the previous ISO year
        (date(2026, 1, 1), "2026-W01"),
    ],
)
def test_iso_week_labels_follow_the_iso_calendar(day: date, label: str) -> None:
    assert period_label(period_start(day, "week"), "week") == label


def test_weekly_series_splits_sunday_from_the_next_monday(store: Store) -> None:
    book = EventBook(store)
    book.add("2024-12-29")
    book.add("2024-12-30")
    book.add("2025-01-05")
    points = series(store, "PRK", "USA", "week").points
    assert [(p.period, p.stories) for p in points] == [("2024-W52", 1), ("2025-W01", 2)]


def test_periods_between_covers_month_ends_and_year_ends() -> None:
    starts = periods_between(date(2023, 11, 30), date(2024, 2, 1), "month")
    assert [period_label(s, "month") for s in starts] == [
        "2023-11",
        "2023-12",
        "2024-01",
        "2024-02",
    ]
    days = periods_between(date(2024, 2, 28), date(2024, 3, 1), "day")
    assert [d.isoformat() for d in days] == ["2024-02-28", "2024-02-29", "2024-03-01"]


def test_dyad_series_is_directed(store: Store) -> None:
    book = EventBook(store)
    book.add("2024-04-02")
    book.add("2024-04-03", actor=("USA", "Washington"), recipient=("PRK", "Pyongyang"))
    assert [p.stories for p in series(store, "PRK", "USA", "month").points] == [1]
    assert [p.stories for p in series(store, "USA", "PRK", "month").points] == [1]
    assert [p.stories for p in series(store, "PRK", None, "month").points] == [1]


def test_any_actor_series_includes_events_whose_actor_is_not_stated(store: Store) -> None:
    book = EventBook(store)
    book.add("2024-04-02")
    book.add("2024-04-03", actor=None)
    assert [p.stories for p in series(store, "*", "USA", "month").points] == [2]
    assert [p.stories for p in series(store, "PRK", "USA", "month").points] == [1]


def test_events_count_on_their_own_date_else_the_publication_day(store: Store) -> None:
    book = EventBook(store)
    book.add("2024-05-02", event_date="2024-03-30")  # reported in May about March
    book.add("2024-05-03", event_date=None)  # no date of its own
    points = series(store, "PRK", "USA", "month").points
    assert [(p.period, p.stories) for p in points] == [
        ("2024-03", 1),
        ("2024-04", 0),
        ("2024-05", 1),
    ]
