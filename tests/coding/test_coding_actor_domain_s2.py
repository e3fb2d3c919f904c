"""Whose actors: allies listed before a headline verb, forces named with where they
serve ("X forces in Y"), and a country that owns a facility ("the X embassy")."""

from __future__ import annotations

import pytest

from conftest import make_article
from flashpoint.coding.actors import build_actor_context
from flashpoint.coding.coder import Coder
from flashpoint.models import Event


def code(coder: Coder, text: str) -> list[Event]:
    return coder.code_article(make_article(text, published="2024-05-14"))


def _only(events: list[Event], category: str) -> Event:
    found = [e for e in events if e.category == category]
    assert len(found) == 1, [(e.category, [a.code for a in e.actors]) for e in events]
    return found[0]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("U.S. and South Korea Stage Joint Naval Drills", ["USA", "KOR"]),
        ("Japan and the U.S. Stage Joint Air Exercise", ["JPN", "USA"]),
        ("U.S., Japan and South Korea Stage Joint Naval Drills", ["USA", "JPN", "KOR"]),
        ("The U.S. and South Korea staged joint naval drills on Tuesday.", ["USA", "KOR"]),
        ("The U.S., Japan and South Korea held joint air drills.", ["USA", "JPN", "KOR"]),
    ],
)
def test_every_ally_in_a_list_before_the_verb_takes_part(
    coder: Coder, text: str, codes: list[str]
) -> None:
    event = _only(code(coder, text), "COOPERATE")
    assert [a.code for a in event.actors] == codes
    assert event.recipients == ()
    assert event.reciprocal


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("U.S. Forces in S. Korea Stage Evacuation Drill", "USA"),
        ("Japanese Troops in Djibouti Conduct Rescue Drill", "JPN"),
        ("U.S. forces in South Korea held evacuation drills on Monday.", "USA"),
    ],
)
def test_forces_in_a_country_are_the_forces_of_their_own_country(
    coder: Coder, text: str, actor: str
) -> None:
    event = _only(code(coder, text), "MOBILIZE")
    assert [(a.code, a.sector) for a in event.actors] == [(actor, "MIL")]


def test_a_country_owning_a_facility_does_not_set_the_articles_country() -> None:
    context = build_actor_context("Students marched past the Japanese consulate in Busan.")
    assert context.dominant == "KOR"
    context = build_actor_context("Farmers gathered near a U.S. air base near Busan.")
    assert context.dominant == "KOR"


@pytest.mark.parametrize(
    "text",
    [
        "Activists protested outside the U.S. embassy in Seoul on Saturday.",
        "Hundreds of students rallied in front of the Japanese embassy in Seoul.",
    ],
)
def test_people_outside_a_foreign_embassy_do_not_take_its_nationality(
    coder: Coder, text: str
) -> None:
    event = _only(code(coder, text), "PROTEST")
    assert [a.code for a in event.actors] in (["KOR"], [])


def test_a_country_before_an_ordinary_noun_still_counts_for_the_article() -> None:
    context = build_actor_context("Activists criticised the U.S. decision in Seoul and Seoul.")
    assert context.dominant == "KOR"
    context = build_actor_context("Police questioned Japanese tourists near the U.S. embassy.")
    assert context.dominant == "JPN"
