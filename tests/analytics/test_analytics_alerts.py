"""Alerting on hand-built series: a jump raises an alert naming its stories; re-runs do not duplicate."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from analytics_builders import EventBook, group
from flashpoint.analytics import (
    AlertParams,
    alert_id_for,
    detect_alerts,
    detect_and_store,
    series,
    stored_alerts,
)
from flashpoint.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "fp.duckdb") as opened:
        yield opened


def quiet_year(book: EventBook) -> None:
    """One accusation a month through 2023: a flat baseline."""
    for month in range(1, 13):
        book.add(f"2023-{month:02d}-10")


def test_a_jump_raises_an_escalation_alert_naming_the_driving_stories(store: Store) -> None:
    book = EventBook(store)
    quiet_year(book)
    shelling = [book.add("2024-01-05", "ASSAULT") for _ in range(3)]
    group(store, "s-shelling", shelling)
    others = [book.add(f"2024-01-{day:02d}", "THREATEN") for day in (8, 9, 11, 12)]
    alerts = detect_alerts(series(store, "PRK", "USA", "month"))
    by_kind = {a.kind: a for a in alerts}
    assert set(by_kind) == {"escalation", "spike"}
    escalation = by_kind["escalation"]
    assert escalation.period == "2024-01"
    assert escalation.value >= 2.0
    # The three-report shelling leads; the four single threats follow in id order.
    assert escalation.story_ids[0] == "s-shelling"
    assert set(escalation.story_ids[1:]) == {e.event_id for e in others}
    assert "5 conflict stories" in escalation.message
    assert "ASSAULT" in escalation.message or "THREATEN" in escalation.message
    spike = by_kind["spike"]
    assert spike.value == 5.0
    assert spike.baseline == pytest.approx(1.0)
    assert "5 conflict stories in 2024-01 against a usual 1.0 per month" in spike.message


def test_a_flat_series_raises_no_alert(store: Store) -> None:
    quiet_year(EventBook(store))
    assert detect_alerts(series(store, "PRK", "USA", "month")) == []


def test_a_surge_of_cooperation_raises_a_de_escalation_alert(store: Store) -> None:
    book = EventBook(store)
    quiet_year(book)
    deal = book.add("2024-01-05", "COOPERATE")
    (alert,) = detect_alerts(series(store, "PRK", "USA", "month"))
    assert alert.kind == "de-escalation"
    assert alert.value <= -2.0
    assert alert.story_ids == (deal.event_id,)


def test_an_alert_is_raised_once_per_crossing_not_every_period_above(store: Store) -> None:
    book = EventBook(store)
    quiet_year(book)
    for month in (1, 2):
        for day in (5, 6, 7):
            book.add(f"2024-{month:02d}-{day:02d}", "ASSAULT")
    escalations = [
        a for a in detect_alerts(series(store, "PRK", "USA", "month")) if a.kind == "escalation"
    ]
    assert [a.period for a in escalations] == ["2024-01"]


def test_alert_ids_depend_only_on_dyad_period_and_kind() -> None:
    first = alert_id_for("PRK", "USA", "2024-01", "escalation")
    assert first == alert_id_for("PRK", "USA", "2024-01", "escalation")
    assert first != alert_id_for("PRK", "USA", "2024-01", "spike")
    assert first != alert_id_for("USA", "PRK", "2024-01", "escalation")


def test_detecting_again_does_not_duplicate_alerts(store: Store) -> None:
    book = EventBook(store)
    quiet_year(book)
    for day in (5, 6, 7, 8, 9):
        book.add(f"2024-01-{day:02d}", "ASSAULT")
    first = detect_and_store(store, [("PRK", "USA")])
    stored = stored_alerts(store, actor="PRK", recipient="USA")
    second = detect_and_store(store, [("PRK", "USA")])
    again = stored_alerts(store, actor="PRK", recipient="USA")
    assert len(first.alerts) == len(second.alerts) == 2
    assert [a.alert_id for a in again] == [a.alert_id for a in stored]
    assert [a.created_at for a in again] == [a.created_at for a in stored]
    assert stored[0].story_ids == first.alerts[0].story_ids
    assert 'lead story: "North Korea shelled Washington in report' in stored[0].message


def test_stored_alerts_are_replaced_when_the_data_no_longer_supports_them(store: Store) -> None:
    book = EventBook(store)
    quiet_year(book)
    for day in (5, 6, 7, 8, 9):
        book.add(f"2024-01-{day:02d}", "ASSAULT")
    detect_and_store(store, [("PRK", "USA")])
    # Re-examining with a stricter spike rule keeps only the escalation.
    detect_and_store(store, [("PRK", "USA")], params=AlertParams(spike_k=10.0))
    kinds = [a.kind for a in stored_alerts(store, actor="PRK", recipient="USA")]
    assert kinds == ["escalation"]


def test_stored_alerts_filter_by_dates(store: Store) -> None:
    book = EventBook(store)
    quiet_year(book)
    for day in (5, 6, 7, 8, 9):
        book.add(f"2024-01-{day:02d}", "ASSAULT")
    detect_and_store(store, [("PRK", "USA")])
    assert stored_alerts(store, since=date(2024, 2, 1)) == []
    assert len(stored_alerts(store, since=date(2024, 1, 1), until=date(2024, 1, 31))) == 2
