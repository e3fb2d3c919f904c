"""Trigger-lexicon corrections (session 2), on hand-written sentences parsed by the real
spaCy pipeline: labour strikes against attacks, bombings on the ground against from the
air, feelings that seize someone, calls that are no phone calls, blame, summits."""

from __future__ import annotations

import pytest

from coder_checks import events_of, top
from flashpoint.coding.coder import Coder


@pytest.mark.parametrize(
    ("text", "category", "mode"),
    [
        # a strike that workers make, or that says it is one, is a labour strike
        ("Hundreds of nurses in Ghana went on strike over unpaid salaries.", "PROTEST", "strike"),
        ("Chilean miners staged a sit-in strike at the copper mine.", "PROTEST", "strike"),
        ("Italian unions called a general strike against the budget.", "PROTEST", "strike"),
        ("Dock workers in Peru launched a strike over pensions.", "PROTEST", "strike"),
        # an attack strike: its mode is what the words say, or nothing
        ("Turkish air strikes hit Kurdish positions in northern Iraq.", "ASSAULT", "aerial"),
        ("A Russian missile strike hit a power plant in Odesa.", "ASSAULT", "heavy-weapons"),
        ("Ukraine carried out a strike on a Russian fuel depot.", "ASSAULT", None),
        # a bombing: explosives on the ground, aerial only with aircraft
        ("Militants carried out a bombing at a bus station in Quetta.", "ASSAULT", "explosives"),
        ("American bombers carried out a bombing of Iraqi army positions.", "ASSAULT", "aerial"),
    ],
)
def test_lexicon_strike_and_bombing_take_the_kind_the_words_name(
    coder: Coder, text: str, category: str, mode: str | None
) -> None:
    event = top(coder, text)
    assert (event.category, event.mode) == (category, mode), text


def test_lexicon_stricken_by_a_disaster_is_no_attack(coder: Coder) -> None:
    text = "Towns in Bangladesh stricken by the cyclone waited for rescuers."
    assert all(e.category != "ASSAULT" for e in events_of(coder, text))


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        # a threatened strike or boycott is pressure without violence
        ("Argentine truckers threatened a general strike if diesel prices rise.", "restrict"),
        ("Teachers in Zambia threatened to go on strike next month.", "restrict"),
        ("Nurses in Malawi threatened to strike over unpaid allowances.", "restrict"),
        # a threatened attack is violence, whether a noun or a verb says it
        ("Iran threatened a strike on American bases in the Gulf.", "violence"),
        ("North Korea threatened to strike Guam with missiles.", "violence"),
    ],
)
def test_lexicon_threatened_strike_is_violence_only_when_an_attack(
    coder: Coder, text: str, mode: str
) -> None:
    event = top(coder, text)
    assert (event.category, event.mode) == ("THREATEN", mode), text


@pytest.mark.parametrize(
    "text",
    [
        "The Iraqi crowd was seized with anger after the ruling.",
        "Syrian families were seized by panic as the fighting neared.",
        "Lebanese villagers were seized with fear at the news.",
    ],
)
def test_lexicon_seized_with_a_feeling_is_no_event(coder: Coder, text: str) -> None:
    assert all(e.category not in {"COERCE", "THREATEN"} for e in events_of(coder, text))


def test_lexicon_seizing_goods_stays_coerce(coder: Coder) -> None:
    event = top(coder, "Iran seized a Greek tanker in the Gulf of Oman.")
    assert (event.category, event.mode) == ("COERCE", "seize")


@pytest.mark.parametrize(
    "text",
    [
        "The Chinese premier called upon all provincial officials to cut waste.",
        "The new South Korean frigate is called the Daegu.",
        "The Indian minister called the Nepali envoy an old friend.",
    ],
)
def test_lexicon_call_without_phone_is_no_phone_call(coder: Coder, text: str) -> None:
    assert all(e.category != "CONSULT" for e in events_of(coder, text)), text


@pytest.mark.parametrize(
    "text",
    [
        "Lula held a phone call with Xi Jinping on Monday.",
        "Putin called Erdogan by phone on Tuesday.",
        "Modi had a call with the Japanese prime minister.",
        "Scholz had a telephone conversation with the Brazilian president.",
    ],
)
def test_lexicon_phone_call_is_consult_phone(coder: Coder, text: str) -> None:
    event = top(coder, text)
    assert (event.category, event.mode) == ("CONSULT", "phone"), text


@pytest.mark.parametrize(
    "text",
    [
        "India blamed Pakistan for the unrest in the region.",
        "Serbia blamed Kosovo for the violence at the border.",
    ],
)
def test_lexicon_blaming_is_accuse_disapprove(coder: Coder, text: str) -> None:
    # docs/ANNOTATION.md: "Condemning, blaming, deriding ...: ACCUSE disapprove"
    event = top(coder, text)
    assert (event.category, event.mode) == ("ACCUSE", "disapprove"), text


def test_lexicon_accusing_stays_allege(coder: Coder) -> None:
    event = top(coder, "Greece accused Turkey of violating its airspace.")
    assert (event.category, event.mode) == ("ACCUSE", "allege")


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        # a summit of two countries is a meeting, of a bloc or many countries multilateral
        ("Lula and Macron held a summit in Paris on Thursday.", None),
        ("Moon Jae-in and Kim Jong Un held a bilateral summit in Pyongyang.", None),
        ("Leaders of the African Union held a summit in Addis Ababa.", "multilateral"),
    ],
)
def test_lexicon_summit_is_multilateral_only_with_many_sides(
    coder: Coder, text: str, mode: str | None
) -> None:
    event = top(coder, text)
    assert (event.category, event.mode) == ("CONSULT", mode), text


def test_lexicon_a_month_abbreviation_is_no_addressee(coder: Coder) -> None:
    # "called ... on Jan." is a date, not "called on" someone
    text = "Civic groups in South Korea called a press conference outside the ministry on Jan."
    assert all(e.category != "REQUEST" for e in events_of(coder, text))


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("China threatened to seize the disputed island.", "territory"),
        ("Russia threatened to annex the occupied region.", "territory"),
        ("Iran threatened to seize foreign oil tankers.", None),
    ],
)
def test_lexicon_threatened_seizure_is_territory_only_for_land(
    coder: Coder, text: str, mode: str | None
) -> None:
    event = top(coder, text)
    assert (event.category, event.mode) == ("THREATEN", mode), text
