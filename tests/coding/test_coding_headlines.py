"""Headline passives with no agent ("Japan's Moves Condemned"): the party named is the
recipient of the act, the actor is unstated unless a source tag or "by" names it."""

from __future__ import annotations

import pytest

from conftest import make_article
from flashpoint.coding.coder import Coder
from flashpoint.models import Event


def accusations(coder: Coder, text: str) -> list[Event]:
    events = coder.code_article(make_article(text, published="2024-04-03"))
    return [e for e in events if e.category == "ACCUSE"]


@pytest.mark.parametrize(
    ("headline", "recipient"),
    [
        ("U.S. Moves for Aggression Denounced", "USA"),
        ("Japan's Moves Condemned", "JPN"),
        ("South Korea's Military Drills Denounced", "KOR"),
        ("U.S. Criticized for Hostile Policy", "USA"),
        ("Japanese chief executive's moves to revive militarism condemned", "JPN"),
        ("S. Korean Authorities Condemned and Denounced", "KOR"),
        ("Japan's Reckless Moves Flayed", "JPN"),
    ],
)
def test_headline_passive_codes_the_named_party_as_recipient(
    coder: Coder, headline: str, recipient: str
) -> None:
    found = accusations(coder, headline)
    assert found, f"no ACCUSE in {headline!r}"
    for event in found:
        assert [a.code for a in event.actors] == []
        assert recipient in {r.code for r in event.recipients}


def test_headline_passive_takes_the_source_tag_as_actor(coder: Coder) -> None:
    (event,) = accusations(coder, "Japan's Moves Condemned: KCNA Commentary")
    assert [a.code for a in event.actors] == ["PRK"]
    assert [r.code for r in event.recipients] == ["JPN"]


def test_headline_passive_with_by_agent_keeps_the_agent(coder: Coder) -> None:
    (event,) = accusations(coder, "Japan's Moves Denounced by Russia")
    assert [a.code for a in event.actors] == ["RUS"]
    assert [r.code for r in event.recipients] == ["JPN"]


def test_agentless_passive_sentence_has_no_actor(coder: Coder) -> None:
    (event,) = accusations(coder, "North Korea's missile launch was condemned.")
    assert event.actors == ()
    assert [r.code for r in event.recipients] == ["PRK"]


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ("China condemned Japan.", "CHN", "JPN"),
        ("North Korea condemned the U.S. drills", "PRK", "USA"),
    ],
)
def test_active_clauses_keep_the_subject_as_actor(
    coder: Coder, text: str, actor: str, recipient: str
) -> None:
    (event,) = accusations(coder, text)
    assert [a.code for a in event.actors] == [actor]
    assert [r.code for r in event.recipients] == [recipient]


def test_intransitive_headline_verb_stays_active(coder: Coder) -> None:
    events = coder.code_article(make_article("South Korean Students Protested", published=None))
    assert [(e.category, [a.code for a in e.actors]) for e in events] == [("PROTEST", ["KOR"])]


def test_blasted_in_a_headline_is_criticism_of_the_subject(coder: Coder) -> None:
    (event,) = accusations(coder, "U.S. Imperialists' Moves Blasted")
    assert event.actors == ()
    assert [r.code for r in event.recipients] == ["USA"]
    assert accusations(coder, "A bomb blasted the bridge in Syria.") == []
