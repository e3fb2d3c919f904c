"""Events state media report in its own words: "held a confab", "there were talks"."""

from __future__ import annotations

import pytest

from conftest import make_article
from flashpoint.coding.coder import Coder
from flashpoint.models import Event


def code(coder: Coder, text: str) -> list[Event]:
    return coder.code_article(make_article(text, published="2024-08-03"))


def test_a_confab_is_a_meeting(coder: Coder) -> None:
    (event,) = code(coder, "The military bosses of the U.S. and Japan held a confab in Tokyo.")
    assert event.category == "CONSULT"
    assert {a.code for a in event.actors} == {"USA", "JPN"}


@pytest.mark.parametrize(
    ("text", "category", "codes"),
    [
        (
            "There were talks between the Russian minister and the DPRK minister on Tuesday.",
            "CONSULT",
            {"PRK", "RUS"},
        ),
        ("There was a clash between Indian and Chinese troops.", "ASSAULT", {"IND", "CHN"}),
    ],
)
def test_there_is_introduces_an_event_between_both_sides(
    coder: Coder, text: str, category: str, codes: set[str]
) -> None:
    (event,) = code(coder, text)
    assert event.category == category
    assert {a.code for a in event.actors} == codes


def test_there_is_no_meeting_is_no_event(coder: Coder) -> None:
    assert code(coder, "There is no meeting planned between Japan and China.") == []


@pytest.mark.parametrize(
    ("text", "category", "recipient"),
    [
        ("Germany will be held wholly responsible for all the consequences.", "THREATEN", "DEU"),
        (
            "North Korea said the ROK will be held accountable for its provocation.",
            "THREATEN",
            "KOR",
        ),
        ("Israel was held responsible for the attack by the UN.", "ACCUSE", "ISR"),
    ],
)
def test_held_responsible_warns_or_blames_the_party_named(
    coder: Coder, text: str, category: str, recipient: str
) -> None:
    (event,) = [e for e in code(coder, text) if e.category == category]
    assert event.status == "asserted"
    assert [r.code for r in event.recipients] == [recipient]


def test_holding_talks_or_an_office_is_no_warning(coder: Coder) -> None:
    assert code(coder, "The minister is responsible for trade in Japan.") == []
    assert {e.category for e in code(coder, "The talks were held in Geneva.")} <= {"CONSULT"}
