"""Trigger-lexicon follow-ups (session 2), on hand-written sentences parsed by the real
spaCy pipeline: loyalty pledges, calls for stopping an act, putting the blame on
someone, staged drills."""

from __future__ import annotations

import pytest

from coder_checks import events_of, top
from flashpoint.coding.coder import Coder
from flashpoint.models import Entity


def codes(entities: tuple[Entity, ...]) -> set[str]:
    return {e.code for e in entities}


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ("Syrian rebels pledged allegiance to Turkey.", "SYR", "TUR"),
        ("Syrian rebels pledged allegiance to Erdogan.", "SYR", "TUR"),
        ("The Iraqi tribe vowed loyalty to the United States.", "IRQ", "USA"),
        ("The rebels made a pledge of loyalty to Pakistan.", "PAK", None),
    ],
)
def test_followups_loyalty_sworn_to_another_side_is_support(
    coder: Coder, text: str, actor: str, recipient: str | None
) -> None:
    event = top(coder, text)
    assert event.category == "SUPPORT", text
    assert actor in codes(event.actors) or actor in codes(event.recipients), text
    if recipient is not None:
        assert recipient in codes(event.recipients), text


@pytest.mark.parametrize(
    "text",
    [
        "The soldiers vowed loyalty to Supreme Leader Kim Jong Un.",
        "The workers pledged allegiance to the party and its leader.",
        # a leader the lexicon knows, sworn to by people of no other country
        "Thousands of soldiers vowed loyalty to Kim Jong Un at a rally in Pyongyang.",
        "North Korean workers pledged allegiance to Kim Jong Un.",
    ],
)
def test_followups_loyalty_to_ones_leader_is_no_event(coder: Coder, text: str) -> None:
    assert all(e.category not in {"THREATEN", "SUPPORT"} for e in events_of(coder, text))


def test_followups_a_vow_to_act_still_threatens(coder: Coder) -> None:
    event = top(coder, "Iran vowed to retaliate against Israel.")
    assert (event.category, event.mode) == ("THREATEN", "violence")


@pytest.mark.parametrize(
    "text",
    [
        "The Chinese foreign ministry called for stopping all military activities near the border.",
        "Pyongyang called for halting the joint military exercises immediately.",
        "Cuba calls for lifting the blockade.",
        # title-case headlines, recased before parsing
        "China Calls for Halting Joint Drills",
        "DPRK Calls for Stopping Nuclear Tests",
        "Seoul Calls for Halting Provocations",
    ],
)
def test_followups_a_call_for_stopping_an_act_asks_to_yield(coder: Coder, text: str) -> None:
    event = top(coder, text)
    assert (event.category, event.mode) == ("REQUEST", "yield"), text


def test_followups_stopping_drills_stands_down(coder: Coder) -> None:
    event = top(coder, "Russia halted its military drills near the Finnish border.")
    assert event.category == "RETREAT"
    assert events_of(coder, "The police stopped the car at a checkpoint.") == []


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        (
            "The Japanese minister put the blame on North Korea for the missile launch.",
            "JPN",
            "PRK",
        ),
        ("Seoul laid the blame on Pyongyang for the artillery attack.", "KOR", "PRK"),
        ("Washington placed the blame on Iran for the attack on the tanker.", "USA", "IRN"),
    ],
)
def test_followups_putting_the_blame_on_someone_accuses_them(
    coder: Coder, text: str, actor: str, recipient: str
) -> None:
    events = events_of(coder, text)
    assert [(e.category, e.mode) for e in events] == [("ACCUSE", "disapprove")], text
    assert codes(events[0].actors) == {actor}, text
    assert codes(events[0].recipients) == {recipient}, text


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Russia staged naval exercises in the Baltic Sea.", "MOBILIZE"),
        ("The United States and Japan staged joint drills near Okinawa.", "COOPERATE"),
        ("China Stages Military Drills around Taiwan", "MOBILIZE"),
        ("Japan and Australia Stage Joint Air Exercises", "COOPERATE"),
        # the headline's verb read as a noun modifier of the drill
        ("U.S. Troops and Japanese Army Stage River-Crossing Drill", "MOBILIZE"),
        ("Russian Forces in Syria Stage Evacuation Drill", "MOBILIZE"),
    ],
)
def test_followups_staged_drills_mobilize_or_cooperate(
    coder: Coder, text: str, category: str
) -> None:
    assert top(coder, text).category == category, text


def test_followups_a_stage_noun_in_running_text_is_no_headline_verb(coder: Coder) -> None:
    assert events_of(coder, "The stage drill was cancelled.") == []
