"""Recipients named inside prepositional phrases, of acts named by nouns, and of
domestic events (the recipient is the actor's own country when the text names a body
of it)."""

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


def main(coder: Coder, text: str) -> Event:
    events = code(coder, text)
    assert events, text
    return max(events, key=lambda e: e.confidence)


def recipients(event: Event) -> set[str]:
    return {r.code for r in event.recipients}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # every conjunct after "of" is a recipient
        ("Guinean police beat dozens of Afghan and Iraqi refugees.", {"AFG", "IRQ"}),
        # the doer of the act a noun names is whom an inquiry or a protest targets
        (
            "Jordan opened an inquiry into killings committed by Syrian soldiers "
            "against Lebanese villagers.",
            {"SYR"},
        ),
        ("Workers protested against a law signed by the Greek finance minister.", {"GRC"}),
        # the nearest prepositional phrase names the recipient, not a deeper one
        (
            "Norway refused to give any support to the Russian-led campaign against Ukraine.",
            {"RUS"},
        ),
        (
            "Japanese officials shared intelligence with South Korea about links between "
            "Iran and Syria.",
            {"KOR"},
        ),
    ],
)
def test_recipients_come_from_the_nearest_phrase_that_names_someone(
    coder: Coder, text: str, expected: set[str]
) -> None:
    assert recipients(main(coder, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a named body of the actor's own country is the recipient of a domestic event
        ("Israel is investigating abuses by Israeli settlers against Palestinian farmers.", "ISR"),
        ("Angry Spanish fishermen blockaded Madrid on Monday.", "ESP"),
        # a people noun takes the nationality its modifier states, not where they live
        ("Turkey will allow 5,000 Turkish Kurd refugees who live in Syria to return home.", "TUR"),
    ],
)
def test_domestic_events_keep_the_own_country_as_recipient(
    coder: Coder, text: str, expected: str
) -> None:
    assert recipients(main(coder, text)) == {expected}
