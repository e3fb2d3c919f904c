"""State-media domestic wording that is not an event between actors: traits named with
a trigger word, natural disasters "striking", and goodwill tokens handed over."""

from __future__ import annotations

import pytest

from conftest import make_article
from flashpoint.coding.coder import Coder
from flashpoint.models import Event


def code(coder: Coder, text: str) -> list[Event]:
    return coder.code_article(make_article(text, published="2024-08-03"))


@pytest.mark.parametrize(
    "text",
    [
        "He praised the fighting spirit of the women of Korea.",
        "The leadership is cementing the fighting efficiency of the WPK.",
        "On July 27, a record downpour struck the northern border of the DPRK.",
        "A powerful typhoon hit the Philippines on Sunday.",
    ],
)
def test_traits_and_disasters_are_not_assaults(coder: Coder, text: str) -> None:
    assert "ASSAULT" not in {e.category for e in code(coder, text)}


def test_troops_striking_a_place_is_still_an_assault(coder: Coder) -> None:
    (event,) = code(coder, "Israeli troops struck a school in Gaza.")
    assert event.category == "ASSAULT"
    assert [a.code for a in event.actors] == ["ISR"]


def test_handing_over_a_floral_basket_is_support(coder: Coder) -> None:
    (event,) = code(coder, "The Russian ambassador handed over the floral baskets to Kim Jong Un.")
    assert event.category == "SUPPORT"
    assert [a.code for a in event.actors] == ["RUS"]
    assert [r.code for r in event.recipients] == ["PRK"]


@pytest.mark.parametrize(
    "text",
    [
        "Kim Jong Un called for making preparations for operation on a full scale.",
        "Kim Jong Un said that tourism should be developed in a long-term manner.",
        "Kim Jong Un said that immediate steps should be taken to prevent further disasters.",
    ],
)
def test_work_instructions_with_nobody_addressed_are_not_requests(coder: Coder, text: str) -> None:
    assert "REQUEST" not in {e.category for e in code(coder, text)}


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Japan called for holding talks.", "meet"),
        ("Putin said sanctions should be lifted.", "yield"),
        ("The UN called for calm.", "change"),
    ],
)
def test_calls_for_an_event_or_a_stance_stay_requests(coder: Coder, text: str, mode: str) -> None:
    assert [(e.category, e.mode) for e in code(coder, text)] == [("REQUEST", mode)]


def test_a_vow_to_do_ordinary_work_is_no_threat(coder: Coder) -> None:
    text = "Youths in Changdo county of North Korea vowed to work at the Songnam Youth Coal Mine."
    assert code(coder, text) == []


def test_a_vow_to_retaliate_is_still_a_threat(coder: Coder) -> None:
    (event,) = code(coder, "North Korea vowed to retaliate against South Korea.")
    assert (event.category, event.mode) == ("THREATEN", "violence")
    assert [r.code for r in event.recipients] == ["KOR"]


def test_thanks_to_as_because_of_is_no_support(coder: Coder) -> None:
    text = "Thanks to the leadership of the President, the party was built in North Korea."
    assert "SUPPORT" not in {e.category for e in code(coder, text)}
    assert {e.category for e in code(coder, "Kim Jong Un extended thanks to Putin.")} == {"SUPPORT"}


def test_defending_ones_own_rights_is_no_support(coder: Coder) -> None:
    text = "North Korea will defend its sovereign right and security under any circumstances."
    assert "SUPPORT" not in {e.category for e in code(coder, text)}
    (event,) = code(coder, "Russia defended Syria against criticism at the UN.")
    assert event.category == "SUPPORT"
    assert [r.code for r in event.recipients] == ["SYR"]


@pytest.mark.parametrize(
    "text",
    [
        "Israeli jets struck targets in Gaza on Tuesday.",
        "Police imposed a curfew in Gaza on Monday.",
    ],
)
def test_a_place_standing_in_for_a_party_is_named_as_written(coder: Coder, text: str) -> None:
    # The gazetteer calls it the "Gaza Strip"; the entity quotes the words in the text.
    article = make_article(text)
    events = coder.code_article(article)
    entities = [e for event in events for e in (*event.actors, *event.recipients)]
    placed = [e for e in entities if e.code == "PSE" and text[e.start : e.end] == "Gaza"]
    assert placed
    assert all(text[e.start : e.end] == e.name for e in entities)
