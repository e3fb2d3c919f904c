"""Events state media report in its own words: "held a confab", "there were talks"."""

from __future__ import annotations

import pytest

from conftest import make_article
from flashpoint.coding.coder import Coder
from flashpoint.config import Settings
from flashpoint.models import Event


@pytest.fixture(scope="module")
def coder(parser_model: str) -> Coder:
    return Coder(Settings(model=parser_model))


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
