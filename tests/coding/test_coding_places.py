"""Behaviour of place finding and event location, on hand-written news sentences."""

from __future__ import annotations

import pytest

from flashpoint.coding.places import event_location, find_places
from flashpoint.ontology.places import COUNTRY_CENTROIDS, DOMAIN_PLACES


def location_of(text: str, trigger: str) -> tuple[str, str | None, str] | None:
    found = event_location(text, 0, len(text), text.index(trigger))
    if found is None:
        return None
    assert found.lat is not None
    assert found.lon is not None
    return found.name, found.country, text[found.start : found.end]


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        (
            "North Korea fired two missiles from Sinpo into the sea, Seoul said.",
            "fired",
            ("Sinpo", "PRK", "Sinpo"),
        ),
        (
            "Shells landed on Yeonpyeong Island on Tuesday.",
            "landed",
            ("Yeonpyeong Island", "KOR", "Yeonpyeong Island"),
        ),
        (
            "A bomb exploded in the northern city of Mosul, police said.",
            "exploded",
            ("Mosul", "IRQ", "Mosul"),
        ),
        (
            "Pirates seized a tanker off the coast of Somalia.",
            "seized",
            ("Somalia", "SOM", "Somalia"),
        ),
        (
            "The two leaders met in Hamhung, North Korea, on Friday.",
            "met",
            ("Hamhung", "PRK", "Hamhung"),
        ),
        (
            "The missile fell in Japan's exclusive economic zone.",
            "fell",
            ("Japan's exclusive economic zone", "JPN", "Japan's exclusive economic zone"),
        ),
        (
            "Kim oversaw a launch at Tongchang-ri on Monday.",
            "launch",
            ("Sohae", "PRK", "Tongchang-ri"),
        ),
        ("Officials met near Panmunjom.", "met", ("Panmunjom", None, "Panmunjom")),
        ("Russian artillery shelled Kharkiv overnight.", "shelled", ("Kharkiv", "UKR", "Kharkiv")),
    ],
)
def test_places_event_location_follows_locative_cues(
    text: str, trigger: str, expected: tuple[str, str | None, str]
) -> None:
    assert location_of(text, trigger) == expected


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Pyongyang said the launch was a success.", "launch"),
        ("Seoul condemned the test.", "condemned"),
        ("Washington imposed sanctions on Iran.", "imposed"),
        ("North Korea fired a missile.", "fired"),
    ],
)
def test_places_capital_as_actor_is_not_the_event_location(text: str, trigger: str) -> None:
    assert event_location(text, 0, len(text), text.index(trigger)) is None


def test_places_event_location_prefers_the_place_nearest_the_trigger() -> None:
    text = "After talks in Beijing, troops were deployed near Vladivostok."
    assert location_of(text, "deployed") == ("Vladivostok", "RUS", "Vladivostok")
    assert location_of(text, "talks") == ("Beijing", "CHN", "Beijing")


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Mary Barra will lead the company.", "Mary"),  # a person, not Mary, Turkmenistan
        ("The Washington Post reported the story.", "Washington"),
        ("George Washington crossed the river.", "Washington"),
        ("Officials met in March.", "March"),
        ("A Nice result for everyone.", "Nice"),  # needs a locative cue
        ("Obama spoke to reporters.", "Obama"),
    ],
)
def test_places_ambiguous_names_need_a_cue(text: str, absent: str) -> None:
    assert all(text[p.start : p.end] != absent for p in find_places(text))


def test_places_ambiguous_city_counts_with_a_cue() -> None:
    text = "Protesters gathered in Nice on Sunday."
    (place,) = find_places(text)
    assert (place.name, place.country, place.feature) == ("Nice", "FRA", "city")


def test_places_offsets_are_exact_within_an_article() -> None:
    text = "Seoul said. Troops moved to Yongbyon and then into the Yellow Sea."
    sentence = text.index("Troops")
    found = find_places(text, sentence, len(text))
    assert [(p.name, text[p.start : p.end]) for p in found] == [
        ("Yongbyon", "Yongbyon"),
        ("Yellow Sea", "Yellow Sea"),
    ]
    assert all(p.start >= sentence for p in found)


def test_places_country_carries_centroid_coordinates() -> None:
    text = "Fighting continued in Ukraine."
    (place,) = find_places(text)
    assert (place.country, place.feature) == ("UKR", "country")
    assert (place.lat, place.lon) == COUNTRY_CENTROIDS["UKR"]


@pytest.mark.parametrize(
    ("written", "country"),
    [("U.S.", "USA"), ("DPRK", "PRK"), ("Britain", "GBR"), ("South Korea", "KOR")],
)
def test_places_country_name_variants_resolve_to_iso3(written: str, country: str) -> None:
    text = f"Talks were held in {written} last week."
    (place,) = find_places(text)
    assert place.country == country
    assert text[place.start : place.end] == written


def test_places_city_takes_the_country_named_beside_it() -> None:
    text = "Protesters marched in Victoria, Canada."
    first = find_places(text)[0]
    assert (first.name, first.country) == ("Victoria", "CAN")


def test_places_seas_have_no_country() -> None:
    text = "The missile splashed down in the East China Sea."
    (place,) = find_places(text)
    assert (place.name, place.country, place.feature) == ("East China Sea", None, "sea")


def test_places_domain_facts_are_real_coordinates() -> None:
    for place in DOMAIN_PLACES:
        assert -90.0 <= place.lat <= 90.0
        assert -180.0 <= place.lon <= 180.0
    by_name = {p.name: p for p in DOMAIN_PLACES}
    # Spot-check two well-known sites against their published coordinates (±0.1°).
    assert abs(by_name["Punggye-ri"].lat - 41.28) < 0.1
    assert abs(by_name["Yongbyon"].lon - 125.75) < 0.1
    assert all(code.isupper() and len(code) == 3 for code in COUNTRY_CENTROIDS)
