"""Population groups are coded by the country they live in."""

from __future__ import annotations

import pytest

from flashpoint.coding.actors import build_actor_context, find_actor_mentions


def mentions(text: str) -> list[tuple[str, str, str]]:
    context = build_actor_context(text)
    return [(m.text, m.code, m.kind) for m in find_actor_mentions(text, 0, len(text), context)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bosnian Serbs demanded a truce.", [("Bosnian Serbs", "BIH", "group")]),
        (
            "Ethnic Albanians in south Serbia demanded autonomy.",
            [("Albanians in south Serbia", "SRB", "group")],
        ),
        (
            "The Albanians of southern Serbia demanded autonomy.",
            [("Albanians of southern Serbia", "SRB", "group")],
        ),
    ],
)
def test_residence_peoples_take_the_country_they_live_in(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert mentions(text) == expected


def test_residence_ethnic_people_without_a_country_are_marked_ethnic() -> None:
    assert mentions("Ethnic Turks began a hunger strike.") == [("Turks", "TUR", "ethnic")]


def test_residence_a_list_of_nationalities_stays_apart() -> None:
    found = mentions("Chinese and Russian diplomats met.")
    assert [code for _, code, _ in found] == ["CHN", "RUS"]
