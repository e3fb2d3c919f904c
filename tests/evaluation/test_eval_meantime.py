"""The MEANTIME date-normalisation evaluator: gold mapping, and the pinned accuracy floor."""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint.evaluation.meantime import (
    comparable_gold,
    evaluate_meantime,
    gold_category,
    render_meantime,
)

# Measured 0.915 (108 of 118 full-day DATE values); the floor is that rate rounded down.
# Lowering it must be a visible edit here.
FULL_DAY_FLOOR = 0.91


@pytest.mark.parametrize(
    ("gold", "expected"),
    [
        ("2013-12-10", "2013-12-10"),
        ("2008-01-09TMO", "2008-01-09"),
        ("2010-W04-WE", "2010-W04"),
        ("2009-Q1", "2009-01/2009-03"),
        ("2009-WI", "2009-12/2010-02"),
        ("197", "1970/1979"),
        ("2008-W35", "2008-W35"),
        ("PRESENT_REF", None),
        ("P6Y", None),
        ("XXXX-XX-XX", None),
    ],
)
def test_eval_meantime_maps_gold_values_to_flashpoint_forms(
    gold: str, expected: str | None
) -> None:
    assert comparable_gold(gold) == expected


@pytest.mark.parametrize(
    ("expression", "category"),
    [
        ("yesterday", "deictic"),
        ("On Monday", "weekday"),
        ("October 9, 2002", "absolute"),
        ("last week", "relative"),
        ("the same day", "anaphoric"),
    ],
)
def test_eval_meantime_categorises_gold_expressions(expression: str, category: str) -> None:
    assert gold_category(expression) == category


@pytest.mark.needs_shared
def test_eval_meantime_full_day_rate_holds_its_floor(shared_dir: Path) -> None:
    report = evaluate_meantime(shared_dir)
    assert report.expressions > 250
    assert report.full_day >= 100
    assert report.full_day_rate >= FULL_DAY_FLOOR, render_meantime(report)
    assert report.detection_recall >= 0.75
    table = render_meantime(report)
    assert "| exact value, full-day gold |" in table
