"""Recipients named inside prepositional phrases, of acts named by nouns, and of
domestic events (the recipient is the actor's own country when the text names a body
of it)."""

from __future__ import annotations

import pytest

from conftest import make_article
from flashpoint.coding.coder import Coder
from flashpoint.models import Event


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a preposition whose object the parser read as the next clause's subject
        (
            "Chile granted political asylum to three Venezuelan opposition leaders "
            "hiding in its embassy.",
            {"VEN"},
        ),
        # a preposition left without an object shares the coordinated verb's
        (
            "Kenya has restored diplomatic relations with and reopened an embassy in Havana.",
            {"CUB"},
        ),
        # whom a purpose clause of helping or defending benefits
        ("Poland is ready to send tanks to help defend Lithuania.", {"LTU"}),
        # an object shifted behind "as ..."
        ("Canada condemned as a grave violation Russia's seizure of the tanker.", {"RUS"}),
        # "let X do": X, even when parsed as the subject of a clause
        ("Hamas refused to let Egyptian trucks enter Gaza.", {"EGY"}),
        # a complaint's subject beats its addressee; the addressee stays the fallback
        (
            "Ukraine complained to the Security Council about Russian missile strikes on Kyiv.",
            {"RUS"},
        ),
        ("Ukraine complained to the Security Council about missile strikes on Kyiv.", {"IGO:UNSC"}),
        # a purpose clause is addressed to the object of the verb it serves
        (
            "The Chinese foreign ministry summoned the Philippine ambassador to protest the incident.",
            {"PHL"},
        ),
        # "in defiance of X" names the target before any place
        ("Thousands blocked streets in Tbilisi in defiance of the Russian government.", {"RUS"}),
    ],
)
def test_recipients_in_phrases_the_parse_leaves_loose(
    coder: Coder, text: str, expected: set[str]
) -> None:
    assert recipients(main(coder, text)) == expected


def test_an_act_embedded_under_a_passive_keeps_the_passive_subject_as_actor(coder: Coder) -> None:
    events = code(coder, "Iranian students were accused of attacking the British embassy.")
    (attack,) = [e for e in events if e.category == "ASSAULT"]
    assert [a.code for a in attack.actors] == ["IRN"]
    assert recipients(attack) == {"GBR"}


@pytest.mark.parametrize(
    ("text", "actors", "expected"),
    [
        # a thing sent, with no agent: its sender acts, its addressee receives
        (
            "The message of condolence from Hanoi was conveyed to the Foreign Ministry of Laos "
            "on Friday.",
            {"VNM"},
            {"LAO"},
        ),
        (
            "A floral basket in the name of the Cuban embassy was conveyed to the Central "
            "Committee of the Workers' Party of Korea.",
            {"CUB"},
            {"PRK"},
        ),
        # a gift or a deployment: the owner of what is given or moved acts
        ("Chinese books were donated to Mongolia on Monday.", {"CHN"}, {"MNG"}),
        # a message named by a noun: "from X" is its sender
        ("Russia welcomed the offer from China for talks.", {"RUS"}, {"CHN"}),
    ],
)
def test_things_sent_name_their_sender_and_addressee(
    coder: Coder, text: str, actors: set[str], expected: set[str]
) -> None:
    event = main(coder, text)
    assert {a.code for a in event.actors} == actors
    assert recipients(event) == expected


@pytest.mark.parametrize(
    ("text", "actors", "expected"),
    [
        # the possessor of an act noun does the act; the "of" phrase is whom it is done to
        ("India has never condemned Russia's invasion of Ukraine.", {"IND"}, {"RUS"}),
        # a bare title takes the body its "of" phrase names
        (
            "The DPRK ambassador presented his credentials to the president of the "
            "Republic of Chile.",
            {"PRK"},
            {"CHL"},
        ),
        (
            "A delegation of the Foreign Ministry of Laos arrived in Pyongyang on Monday.",
            {"LAO"},
            {"PRK"},
        ),
        # "at" a meeting place names where, not whom
        ("US and Japanese officials met on Tuesday at the Seoul summit.", {"USA", "JPN"}, set()),
    ],
)
def test_possessors_owners_and_places(
    coder: Coder, text: str, actors: set[str], expected: set[str]
) -> None:
    event = main(coder, text)
    assert {a.code for a in event.actors} == actors
    assert recipients(event) == expected


def test_a_refusal_to_resign_is_aimed_at_the_officials_own_country(coder: Coder) -> None:
    event = main(coder, "The Peruvian interior minister refused to resign on Monday.")
    assert event.category == "REJECT"
    assert recipients(event) == {"PER"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an accusation's reported clause names the accused
        ("China complained that Japan had violated its airspace.", {"JPN"}),
        # an organisation leading a force names the force ("NATO-led troops")
        (
            "The demonstrators alleged that NATO-led troops opened fire and killed six civilians.",
            {"IGO:NATO"},
        ),
    ],
)
def test_accusations_target_the_subject_of_what_they_report(
    coder: Coder, text: str, expected: set[str]
) -> None:
    (event,) = [e for e in code(coder, text) if e.category == "ACCUSE"]
    assert recipients(event) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an inspection targets the country where it takes place
        ("The UN has sent inspectors to a chemical plant in northern Syria.", {"SYR"}),
        # refuge or asylum is asked of the country where it is sought
        ("Thousands of Afghan refugees sought asylum in Pakistan last year.", {"PAK"}),
    ],
)
def test_inspections_and_asylum_requests_target_the_place(
    coder: Coder, text: str, expected: set[str]
) -> None:
    assert recipients(main(coder, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "for" names whom a measure or gift is for, when nothing else does ...
        ("Italy plans to impose restrictions on its labour market for new EU members.", {"IGO:EU"}),
        ("Japan provided food aid for North Korean refugees.", {"PRK"}),
    ],
)
def test_for_names_the_beneficiary_or_target_last(
    coder: Coder, text: str, expected: set[str]
) -> None:
    assert recipients(main(coder, text)) == expected


def test_for_a_pronoun_is_a_reason_not_a_recipient(coder: Coder) -> None:
    # ... but "for it" is a reason
    text = "North Korea said on Monday that the forces will have to pay a dear price for it."
    assert all(not e.recipients for e in code(coder, text) if e.category == "THREATEN")
