"""The escalation index on hand-computed cases."""

from __future__ import annotations

from datetime import date

import pytest

from flashpoint.analytics import IndexParams, build_series, escalation_index, ewma
from flashpoint.store.analytics import StoryPeriodFact


def test_ewma_halves_towards_each_new_value_with_span_three() -> None:
    assert ewma([0.0, 4.0, 4.0, 0.0], span=3) == [0.0, 2.0, 3.0, 1.5]


def test_index_is_undefined_until_enough_history() -> None:
    params = IndexParams(span=1, window=4, min_history=3)
    values = escalation_index([0.0, 0.0, 0.0, 0.0, 8.0], params)
    assert [v.index for v in values[:3]] == [None, None, None]
    assert values[3].index == 0.0


def test_zero_baseline_uses_the_deviation_floor() -> None:
    params = IndexParams(span=1, window=4, min_history=3, sd_floor=1.0)
    last = escalation_index([0.0, 0.0, 0.0, 0.0, 8.0], params)[-1]
    assert (last.baseline_mean, last.baseline_sd) == (0.0, 0.0)
    assert last.index == 8.0  # (8 - 0) / max(0, 1)


def test_index_standardises_against_the_trailing_window_only() -> None:
    # The first value falls out of the 4-period window: baseline is [1, 3, 1, 3].
    params = IndexParams(span=1, window=4, min_history=4)
    last = escalation_index([100.0, 1.0, 3.0, 1.0, 3.0, 5.0], params)[-1]
    assert last.baseline_mean == pytest.approx(2.0)
    assert last.baseline_sd == pytest.approx(1.0)
    assert last.index == pytest.approx(3.0)


def test_worked_example_of_docs_analytics_md() -> None:
    # The example in docs/ANALYTICS.md: monthly defaults shortened to a 4-month window.
    params = IndexParams(span=3, window=4, min_history=4)
    values = escalation_index([3.0, 3.0, 6.0, 3.0, 15.0], params)
    assert [v.smoothed for v in values] == [3.0, 3.0, 4.5, 3.75, 9.375]
    last = values[-1]
    assert last.baseline_mean == pytest.approx(3.5625)
    assert last.baseline_sd == pytest.approx(0.6219, abs=1e-4)  # sqrt(1.546875 / 4)
    # 0.62 is below the floor of 1 score point, so the index is 5.8125 / 1.
    assert last.index == pytest.approx(5.8125)


def fact(day: date, story: str, category: str, quad: int, score: float | None) -> StoryPeriodFact:
    return StoryPeriodFact(
        period=day,
        story_id=story,
        category=category,
        quad_class=quad,
        events=1,
        article_ids=(story,),
        score_sum=score or 0.0,
        scored=0 if score is None else 1,
    )


def test_conflict_raises_hostility_and_cooperation_lowers_it() -> None:
    facts = [
        fact(date(2024, 1, 1), "a", "ASSAULT", 4, -9.0),
        fact(date(2024, 1, 1), "b", "AGREE", 1, 2.5),
        fact(date(2024, 2, 1), "c", "COOPERATE", 2, 9.5),
    ]
    built = build_series("PRK", "USA", facts, "month")
    assert [v.hostility for v in built.index] == [6.5, -9.5]


def test_story_without_a_score_counts_its_category_score() -> None:
    built = build_series("PRK", "USA", [fact(date(2024, 1, 1), "a", "THREATEN", 3, None)], "month")
    assert built.index[0].hostility == 3.5
    assert built.points[0].score_sum == 0.0
    assert built.points[0].score_mean is None


def test_story_category_in_a_period_is_the_one_most_members_carry() -> None:
    day = date(2024, 1, 1)
    facts = [
        StoryPeriodFact(day, "s", "ACCUSE", 3, 2, ("a1", "a2"), -6.0, 2),
        StoryPeriodFact(day, "s", "ASSAULT", 4, 1, ("a2",), -9.0, 1),
    ]
    point = build_series("PRK", "USA", facts, "month").points[0]
    assert point.by_category == {"ACCUSE": 1}
    assert point.stories == 1
    assert point.events == 3
    assert point.score_sum == pytest.approx(-5.0)  # mean of -3, -3, -9
