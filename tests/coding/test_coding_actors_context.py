"""Actor resolution within an article: Korean short forms, references, introduced names."""

from __future__ import annotations

import pytest

from flashpoint.coding.actor_eval import actor_mention_recall
from flashpoint.coding.actors import (
    build_actor_context,
    find_actor_mentions,
    has_actor_mention,
    resolve_reference,
)


def _coded(text: str) -> list[tuple[str, str, str | None, str]]:
    context = build_actor_context(text)
    return [(m.text, m.code, m.sector, m.kind) for m in context.mentions]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Seoul said the North fired a missile.",
            [("Seoul", "KOR", "GOV", "capital"), ("the North", "PRK", None, "short_form")],
        ),
        (
            "Pyongyang accused the South of provocations.",
            [("Pyongyang", "PRK", "GOV", "capital"), ("the South", "KOR", None, "short_form")],
        ),
        (
            "KCNA said the south Korean puppets and the north differ.",
            [
                ("KCNA", "PRK", "MED", "institution"),
                ("south Korean puppets", "KOR", "GOV", "institution"),
                ("the north", "PRK", None, "short_form"),
            ],
        ),
    ],
)
def test_the_north_and_the_south_are_the_koreas_in_korean_news(
    text: str, expected: list[tuple[str, str, str | None, str]]
) -> None:
    assert _coded(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Voters in the North of England and the South of France disagreed.",
        "Brazil said the North was poorer than the South.",
    ],
)
def test_the_north_and_the_south_are_not_actors_outside_korean_news(text: str) -> None:
    assert [m.kind for m in build_actor_context(text).mentions if m.kind == "short_form"] == []


def test_the_two_koreas_are_both_countries_over_one_span() -> None:
    text = "Talks between the two Koreas in Seoul stalled."
    found = [(m.text, m.code) for m in build_actor_context(text).mentions][:2]
    assert found == [("the two Koreas", "PRK"), ("the two Koreas", "KOR")]


def test_introduced_leaders_are_found_by_short_name_later() -> None:
    text = "Kim Jong Un inspected a unit. Later Kim praised the soldiers."
    mentions = build_actor_context(text).mentions
    later = [m for m in mentions if m.text == "Kim"]
    assert [(m.code, m.sector, m.kind) for m in later] == [("PRK", "GOV", "person")]


def test_titled_people_are_found_by_surname_after_introduction() -> None:
    text = "Chilean Foreign Minister Juan Perez arrived. Perez said talks went well."
    mentions = build_actor_context(text).mentions
    assert [(m.text, m.code, m.sector) for m in mentions] == [
        ("Chilean Foreign Minister Juan Perez", "CHL", "GOV"),
        ("Perez", "CHL", "GOV"),
    ]


def test_short_names_before_any_introduction_are_not_actors() -> None:
    text = "Kim said nothing. Kim Jong Un arrived later."
    assert [m.text for m in build_actor_context(text).mentions] == ["Kim Jong Un"]


@pytest.mark.parametrize(
    ("text", "phrase", "code", "sector"),
    [
        ("Iran tested a missile. The country denied it.", "The country", "IRN", None),
        ("North Korea fired again. The regime is defiant.", "The regime", "PRK", "GOV"),
        ("Syria was condemned. The government said nothing.", "The government", "SYR", "GOV"),
        (
            "North Korea fired again. The communist state is isolated.",
            "The communist state",
            "PRK",
            None,
        ),
        ("Japan protested. The island nation is angry.", "The island nation", "JPN", None),
    ],
)
def test_reference_noun_phrases_resolve_to_the_most_recent_country(
    text: str, phrase: str, code: str, sector: str | None
) -> None:
    context = build_actor_context(text)
    found = [m for m in context.mentions if m.kind == "reference"]
    assert [(m.text, m.code, m.sector) for m in found] == [(phrase, code, sector)]
    resolved = resolve_reference(text.index(phrase), phrase, context)
    assert resolved is not None
    assert (resolved.code, resolved.sector, resolved.kind) == (code, sector, "reference")


def test_pronouns_are_not_mentions_but_resolve_on_request() -> None:
    text = "Russia recalled its envoy. It said the Israeli soldiers left. They refused. Putin agreed; he smiled."
    context = build_actor_context(text)
    assert all(m.text not in {"It", "They", "he", "its"} for m in context.mentions)
    it = resolve_reference(text.index("It "), "It", context)
    they = resolve_reference(text.index("They"), "They", context)
    he = resolve_reference(text.index("he smiled"), "he", context)
    assert it is not None
    assert it.code == "RUS"
    assert they is not None
    assert (they.code, they.sector) == ("ISR", "MIL")
    assert he is not None
    assert he.code == "RUS"


def test_possessive_capital_reference_resolves_as_a_phrase() -> None:
    text = "Seoul warned Pyongyang's regime again."
    context = build_actor_context(text)
    resolved = resolve_reference(text.index("Pyongyang's"), "Pyongyang's regime", context)
    assert resolved is not None
    assert (resolved.code, resolved.sector) == ("PRK", "GOV")


def test_references_without_any_country_stay_unresolved() -> None:
    text = "The country is tired. It rests."
    context = build_actor_context(text)
    assert context.mentions == []
    assert resolve_reference(text.index("It"), "It", context) is None


def test_bare_sector_words_take_the_article_dominant_country() -> None:
    text = (
        "Thailand declared an emergency. Thai police fired. Later, soldiers and police arrested 40."
    )
    context = build_actor_context(text)
    later = find_actor_mentions(text, text.index("Later"), len(text), context)
    assert [(m.text, m.code, m.sector) for m in later] == [
        ("soldiers", "THA", "MIL"),
        ("police", "THA", "COP"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Japan protested.", True),
        ("Police arrested ten men.", True),
        ("The weather was fine and the people cheered.", False),
        ("Prices rose in the Sea of Japan fishing trade.", False),
    ],
)
def test_has_actor_mention_is_a_cheap_prefilter(text: str, expected: bool) -> None:
    assert has_actor_mention(text) is expected


def test_actor_mention_recall_counts_found_gold_codes_and_spurious_mentions() -> None:
    records = [
        {"text": "Israeli troops shelled Gaza.", "actor": ["ISR"], "recipient": ["PSE"]},
        {"text": "The UN and Japan agreed.", "actor": ["IGO", "JPN"], "recipient": []},
        {"text": "Someone did something.", "actor": ["FRA"], "recipient": ["***"]},
    ]
    report = actor_mention_recall(records)
    assert (report["gold_codes"], report["gold_codes_found"]) == (5, 4)
    assert report["false_positive_mentions"] == 0
    assert report["missed_codes"] == {"FRA": 1}
