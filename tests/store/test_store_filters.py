"""Event and article filters, including hostile input through every filter."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from conftest import make_article, make_event
from flashpoint.store import ArticleFilter, CodedArticle, EventFilter, Store
from flashpoint.store.rows import date_period

TEXT_A = "North Korea condemned Washington. The UN Security Council met. Seoul protested."
TEXT_B = "Russia praised North Korea in Moscow. Japan warned Pyongyang over the launch."


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    a = make_article(TEXT_A, id="a", published="2024-04-03")
    b = make_article(TEXT_B, id="b", published="2024-05-10")
    events_a = (
        make_event(a, "condemned", date="2024-04-02"),
        make_event(
            a,
            "met",
            category="CONSULT",
            actors=(("IGO:UNO", None, "UN Security Council"),),
            recipients=(),
            date="2024-04",
        ),
        make_event(
            a,
            "protested",
            category="PROTEST",
            actors=(("KOR", "GOV", "Seoul"),),
            recipients=(("PRK", "GOV", "North Korea"),),
            status="alleged",
            date=None,
        ),
    )
    events_b = (
        make_event(
            b,
            "praised",
            category="SUPPORT",
            actors=(("RUS", "GOV", "Russia"),),
            recipients=(("PRK", "GOV", "North Korea"),),
            date="2024-W19",
        ),
        make_event(
            b,
            "warned",
            category="THREATEN",
            actors=(("JPN", "GOV", "Japan"),),
            recipients=(("PRK", "GOV", "Pyongyang"),),
            date="2024-05-09",
        ),
    )
    with Store(tmp_path / "fp.duckdb") as opened:
        opened.writer.add_articles([a, b])
        opened.writer.store_coded(
            [CodedArticle("a", events_a), CodedArticle("b", events_b)], "test"
        )
        yield opened


def triggers(store: Store, flt: EventFilter) -> list[str]:
    return [e.trigger.text for e in store.events(flt)]


def test_events_read_back_equal_to_what_was_written(store: Store) -> None:
    events = store.events()
    assert len(events) == 5
    a = store.article("a")
    assert a is not None
    assert events[0] == make_event(
        a,
        "met",
        category="CONSULT",
        actors=(("IGO:UNO", None, "UN Security Council"),),
        recipients=(),
        date="2024-04",
    )


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (EventFilter(actor="PRK"), ["condemned"]),
        (EventFilter(actor="prk"), ["condemned"]),
        (EventFilter(actor="IGO"), ["met"]),
        (EventFilter(actor="IGO:UNO"), ["met"]),
        (EventFilter(recipient="PRK"), ["praised", "warned", "protested"]),
        (EventFilter(dyad=("JPN", "PRK")), ["warned"]),
        (EventFilter(dyad=("PRK", "JPN")), []),
        (EventFilter(category="threaten"), ["warned"]),
        (EventFilter(status="alleged"), ["protested"]),
        (EventFilter(since=date(2024, 5, 1)), ["praised", "warned"]),
        (EventFilter(until=date(2024, 4, 2)), ["met", "condemned"]),
        (EventFilter(since=date(2024, 4, 15), until=date(2024, 4, 20)), ["met"]),
        (EventFilter(since=date(2024, 5, 8), until=date(2024, 5, 8)), ["praised"]),
        (EventFilter(article_id="b", limit=1), ["praised"]),
    ],
)
def test_event_filters_select_the_right_events(
    store: Store, flt: EventFilter, expected: list[str]
) -> None:
    assert triggers(store, flt) == expected


HOSTILE = [
    "PRK' OR '1'='1",
    "PRK'; DROP TABLE events; --",
    "%",
    "_",
    "' UNION SELECT * FROM articles --",
    "\\",
    '"',
]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_filter_values_match_nothing_and_harm_nothing(store: Store, value: str) -> None:
    for flt in (
        EventFilter(actor=value),
        EventFilter(recipient=value),
        EventFilter(dyad=(value, value)),
        EventFilter(category=value),
        EventFilter(status=value),
        EventFilter(article_id=value),
    ):
        assert store.events(flt) == []
    assert store.articles(ArticleFilter(outlet=value)) == []
    assert len(store.events()) == 5
    assert len(store.articles()) == 2


def test_article_filters_by_date_and_coding_state(store: Store) -> None:
    assert [a.id for a in store.articles(ArticleFilter(since=date(2024, 5, 1)))] == ["b"]
    assert [a.id for a in store.articles(ArticleFilter(until=date(2024, 4, 30)))] == ["a"]
    assert [a.id for a in store.articles(ArticleFilter(coded=True, limit=1))] == ["a"]
    assert store.articles(ArticleFilter(coded=False)) == []


def test_top_dyads_count_actor_recipient_pairs(store: Store) -> None:
    assert store.top_dyads(2) == [("JPN", "PRK", 1), ("KOR", "PRK", 1)]


@pytest.mark.parametrize(
    ("value", "period"),
    [
        ("2024-04-02", (date(2024, 4, 2), date(2024, 4, 2))),
        ("2024-12", (date(2024, 12, 1), date(2024, 12, 31))),
        ("2024-02", (date(2024, 2, 1), date(2024, 2, 29))),
        ("2024-W14", (date(2024, 4, 1), date(2024, 4, 7))),
        ("2024", (date(2024, 1, 1), date(2024, 12, 31))),
        ("2024-04-01/2024-05", (date(2024, 4, 1), date(2024, 5, 31))),
        (None, (None, None)),
        ("sometime", (None, None)),
        ("2024-13", (None, None)),
    ],
)
def test_date_values_cover_their_whole_period(
    value: str | None, period: tuple[date | None, date | None]
) -> None:
    assert date_period(value) == period
