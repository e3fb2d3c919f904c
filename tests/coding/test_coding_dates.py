"""Behaviour of date finding, resolution and event-date choice, on hand-written news."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from flashpoint.coding.dates import (
    PUBLICATION_FALLBACK_NOTE,
    clause_tense,
    event_date,
    find_date_mentions,
    resolve_date,
)
from flashpoint.models import EventDate

# Wednesday 3 April 2024
PUB = date(2024, 4, 3)


def resolve_only(text: str, published: date | None = PUB, tense: str | None = None) -> EventDate:
    mentions = find_date_mentions(text)
    assert len(mentions) == 1, mentions
    return resolve_date(mentions[0], published, tense)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks ended on April 2.", "2024-04-02"),
        ("The talks ended on 2 April 2024.", "2024-04-02"),
        ("The talks ended on April 2, 2024.", "2024-04-02"),
        ("The talks ended on 2024-04-02.", "2024-04-02"),
        ("The talks ended on Apr. 2.", "2024-04-02"),
        ("The talks ended on Tuesday, April 2, 2024.", "2024-04-02"),
        ("The test on the 2nd drew protests.", "2024-04-02"),
        ("The launch on 7/8/07 failed.", "2007-07-08"),
    ],
)
def test_dates_resolve_absolute_day_forms(text: str, expected: str) -> None:
    resolved = resolve_only(text)
    assert (resolved.value, resolved.granularity, resolved.type) == (expected, "day", "exact")


@pytest.mark.parametrize(
    ("text", "published", "tense", "expected"),
    [
        # a day and month without a year: nearest before publication...
        ("It happened on December 30.", date(2024, 1, 2), "past", "2023-12-30"),
        # ...with a week's grace for a date just after it...
        ("It has an April 6 deadline.", PUB, None, "2024-04-06"),
        # ...and after publication for the future tense
        ("They will meet on March 30.", PUB, "future", "2025-03-30"),
    ],
)
def test_dates_infer_year_of_day_and_month(
    text: str, published: date, tense: str | None, expected: str
) -> None:
    assert resolve_only(text, published, tense).value == expected


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        ("North Korea fired a missile on Tuesday.", "past", "2024-04-02"),
        ("North Korea fired a missile on Monday.", "past", "2024-04-01"),
        ("North Korea fired a missile on Thursday.", "past", "2024-03-28"),
        ("The envoy spoke on Wednesday.", "past", "2024-04-03"),  # publication day itself
        ("The envoy will arrive on Thursday.", "future", "2024-04-04"),
        ("The envoy will arrive on Monday.", "future", "2024-04-08"),
        ("The envoy arrived last Wednesday.", "past", "2024-03-27"),
        ("The envoy arrives next Wednesday.", None, "2024-04-10"),
    ],
)
def test_dates_resolve_weekday_before_publication(
    text: str, tense: str | None, expected: str
) -> None:
    resolved = resolve_only(text, tense=tense)
    assert (resolved.value, resolved.granularity, resolved.type) == (expected, "day", "exact")


def test_dates_named_day_is_not_a_weekday() -> None:
    assert find_date_mentions("Markets recalled Black Monday.") == []


@pytest.mark.parametrize(
    ("text", "expected", "granularity", "kind"),
    [
        ("Troops moved today.", "2024-04-03", "day", "exact"),
        ("Troops moved this morning.", "2024-04-03", "day", "exact"),
        ("Troops moved yesterday.", "2024-04-02", "day", "exact"),
        ("Troops moved the day before yesterday.", "2024-04-01", "day", "exact"),
        ("Troops move tomorrow.", "2024-04-04", "day", "exact"),
        ("Troops moved last week.", "2024-W13", "week", "exact"),
        ("Troops moved this week.", "2024-W14", "week", "exact"),
        ("Troops move next week.", "2024-W15", "week", "exact"),
        ("Troops moved last month.", "2024-03", "month", "exact"),
        ("Troops moved earlier this month.", "2024-04", "month", "approximate"),
        ("Troops moved earlier this year.", "2024", "year", "approximate"),
        ("Troops moved last year.", "2023", "year", "exact"),
        ("Troops moved three days ago.", "2024-03-31", "day", "exact"),
        ("Troops moved two weeks ago.", "2024-03-20", "day", "approximate"),
        ("Troops moved in late March.", "2024-03", "month", "approximate"),
        ("Troops moved in March 2023.", "2023-03", "month", "exact"),
        ("Troops moved in 2023.", "2023", "year", "exact"),
        ("Troops moved last spring.", "2023-03/2023-05", "month", "approximate"),
        ("Profits fell in the first quarter of 2023.", "2023-01/2023-03", "month", "range"),
    ],
)
def test_dates_resolve_relative_expressions(
    text: str, expected: str, granularity: str, kind: str
) -> None:
    resolved = resolve_only(text)
    assert (resolved.value, resolved.granularity, resolved.type) == (expected, granularity, kind)


@pytest.mark.parametrize(
    ("published", "tense", "expected"),
    [
        (date(2024, 1, 15), "past", "2023-03"),  # across the year boundary
        (date(2024, 1, 15), "future", "2024-03"),
        (date(2024, 3, 20), "past", "2024-03"),  # the publication month itself
        (date(2024, 4, 3), "future", "2025-03"),
    ],
)
def test_dates_resolve_in_month_by_tense(published: date, tense: str, expected: str) -> None:
    assert resolve_only("The drills take place in March.", published, tense).value == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Drills run from March 4 to 14.", "2024-03-04/2024-03-14"),
        ("Drills ran March 4-14.", "2024-03-04/2024-03-14"),
        ("Drills ran between March 4 and March 14, 2024.", "2024-03-04/2024-03-14"),
        ("Drills ran 4-14 March.", "2024-03-04/2024-03-14"),
        ("Drills ran from 2009 to 2011.", "2009/2011"),
    ],
)
def test_dates_resolve_ranges_as_iso_intervals(text: str, expected: str) -> None:
    resolved = resolve_only(text, tense="past")
    assert (resolved.value, resolved.type) == (expected, "range")


@pytest.mark.parametrize(
    "text",
    [
        "He may visit soon.",  # the verb
        "Thousands joined the march.",  # the noun
        "They deployed 2000 troops.",  # an amount
        "They paid $2024.",
        "The Arab Spring changed the region.",
    ],
)
def test_dates_ignore_look_alikes(text: str) -> None:
    assert find_date_mentions(text) == []


def test_dates_mention_offsets_are_exact_in_the_article() -> None:
    text = "Seoul said. North Korea fired two missiles on Tuesday, April 2, off its coast."
    sentence_start = text.index("North")
    mentions = find_date_mentions(text, sentence_start, len(text))
    assert [(m.text, text[m.start : m.end]) for m in mentions] == [
        ("Tuesday, April 2", "Tuesday, April 2")
    ]


def test_dates_event_date_falls_back_to_publication_with_note() -> None:
    text = "North Korea fired a missile into the sea."
    result = event_date(text, 0, len(text), text.index("fired"), PUB)
    assert result == EventDate(
        value="2024-04-03",
        granularity="day",
        type="approximate",
        note=PUBLICATION_FALLBACK_NOTE,
    )


def test_dates_event_date_without_publication_is_unresolved() -> None:
    text = "North Korea fired a missile on Tuesday."
    result = event_date(text, 0, len(text), text.index("fired"), None)
    assert (result.value, result.type) == (None, "unresolved")
    assert result.note
    assert result.text == "Tuesday"


def test_dates_event_date_with_own_year_resolves_without_publication() -> None:
    text = "North Korea tested a bomb on 9 October 2006."
    result = event_date(text, 0, len(text), text.index("tested"), None)
    assert (result.value, result.type) == ("2006-10-09", "exact")


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # the date nearest the trigger, in its clause
        (
            "North Korea fired a missile on Tuesday, two days after drills began on Sunday.",
            "fired",
            "Tuesday",
        ),
        # a year modifying another noun is not the event's date
        ("At the 2018 summit site, the two leaders met on Monday.", "met", "Monday"),
        ("The two leaders met on Monday to revive the 2018 deal.", "met", "Monday"),
        # a possessive date dates its noun when that noun is the trigger
        ("Tuesday's launch drew condemnation from Tokyo last week.", "launch", "Tuesday"),
        # a bounding date ("since") loses to the clause's own date
        ("Sanctions in place since 2006 were tightened on Friday.", "tightened", "Friday"),
    ],
)
def test_dates_event_date_picks_the_events_own_date(text: str, trigger: str, expected: str) -> None:
    result = event_date(text, 0, len(text), text.index(trigger), PUB, "past")
    assert result.text == expected
    assert result.start is not None
    assert text[result.start : result.end] == expected


def test_dates_event_date_takes_a_datetime_and_reads_future_from_clause() -> None:
    text = "Officials said the envoy will arrive on Monday."
    published = datetime(2024, 4, 3, 22, 30, tzinfo=UTC)
    result = event_date(text, 0, len(text), text.index("arrive"), published)
    assert result.value == "2024-04-08"


def test_dates_same_day_refers_back_to_the_day_named_before() -> None:
    text = "The Dow fell on Monday. Oil also fell on the same day."
    second = text.index("Oil")
    result = event_date(text, second, len(text), text.index("fell", second), PUB, "past")
    assert (result.value, result.text) == ("2024-04-01", "the same day")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials said on Friday that the fleet will sail.", "past"),
        ("The fleet will sail on Friday, officials said.", "future"),
        ("Markets stay closed until Friday.", "future"),
    ],
)
def test_dates_clause_tense_reads_the_dates_own_clause(text: str, expected: str) -> None:
    position = text.index("Friday")
    assert clause_tense(text, position, position + len("Friday")) == expected


def test_dates_since_never_dates_the_event() -> None:
    text = "North Korea fired two missiles, its first such test since 2009."
    result = event_date(text, 0, len(text), text.index("fired"), PUB, "past")
    assert (result.value, result.note) == ("2024-04-03", PUBLICATION_FALLBACK_NOTE)


@pytest.mark.parametrize(
    "text",
    [
        "The parade on the 11th anniversary of his rule.",
        "Talks under the 2018 Comprehensive Military Agreement.",
    ],
)
def test_dates_ordinals_and_attributive_years_do_not_date_the_clause(text: str) -> None:
    mentions = find_date_mentions(text)
    assert all(m.attributive for m in mentions)
