"""Actor mentions: glued names, titles, links to an owner, peoples and modifiers."""

from __future__ import annotations

import pytest

from flashpoint.coding.actors import (
    build_actor_context,
    find_actor_mentions,
    has_actor_mention,
    resolve_reference,
)


def mentions(text: str) -> list[tuple[str, str, str | None]]:
    context = build_actor_context(text)
    return [(m.text, m.code, m.sector) for m in find_actor_mentions(text, 0, len(text), context)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The respected ComradeKim Jong Unwelcomed the athletes.",
            [("Kim Jong Un", "PRK", "GOV")],
        ),
        ("A letter was sent toKim Jong Un yesterday.", [("Kim Jong Un", "PRK", "GOV")]),
        (
            "General SecretaryKim Jong Uninspected the plant.",
            [("General SecretaryKim Jong Un", "PRK", "GOV")],
        ),
    ],
)
def test_mentions_find_leader_names_glued_to_the_next_word(
    text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert mentions(text) == expected


def test_mentions_a_glued_name_passes_the_prefilter() -> None:
    assert has_actor_mention("Flowers were laid byKim Jong Unat the tower.")


def test_mentions_a_spaced_name_is_not_a_glued_one() -> None:
    assert mentions("Kim Jong Un and Xi Jinping talked.") == [
        ("Kim Jong Un", "PRK", "GOV"),
        ("Xi Jinping", "CHN", "GOV"),
    ]


def test_mentions_hyphenated_titles_are_capitalised_in_every_part() -> None:
    found = mentions("U.N. Secretary-General Kofi Annan urged restraint.")
    assert found == [("U.N. Secretary-General Kofi Annan", "IGO:UNO", "GOV")]


@pytest.mark.parametrize(
    ("text", "office", "code", "sector"),
    [
        ("A spokesman for the Foreign Ministry of Cuba told reporters.", "spokesman", "CUB", "GOV"),
        ("An envoy of the Turkish president arrived in Baku.", "envoy", "TUR", "GOV"),
        ("A spokeswoman for the Japanese Defence Ministry said.", "spokeswoman", "JPN", "GOV"),
    ],
)
def test_mentions_an_office_takes_the_country_of_the_office_it_belongs_to(
    text: str, office: str, code: str, sector: str
) -> None:
    found = {name: (c, s) for name, c, s in mentions(text)}
    assert found[office] == (code, sector)


def test_mentions_an_envoy_for_a_country_is_not_that_country_s_envoy() -> None:
    found = mentions("Australia named an envoy for Myanmar on Monday.")
    assert ("envoy", "MMR", "GOV") not in found


def test_mentions_an_office_and_its_owner_count_once_for_the_main_country() -> None:
    text = (
        "Soldiers shut the border crossing with Haiti, "
        "a spokesman for the Dominican Foreign Ministry said."
    )
    assert build_actor_context(text).dominant == "HTI"


@pytest.mark.parametrize(
    ("text", "voice"),
    [
        ("Pyongyang, March 3 (KCNA) -- We will never tolerate the provocation.", "PRK"),
        ("Beijing, Oct. 9 (Xinhua) -- We oppose any interference.", "CHN"),
        ("Seoul, March 3 (KCNA) -- We will never tolerate it.", None),  # a foreign dateline
        ("We will never tolerate the provocation, the minister said.", None),
    ],
)
def test_mentions_we_in_a_home_outlet_s_report_is_that_outlet_s_country(
    text: str, voice: str | None
) -> None:
    context = build_actor_context(text)
    start = text.index("We")
    resolved = resolve_reference(start, "We", context)
    assert (resolved.code if resolved is not None else None) == voice


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "An armed group based in Chad kidnapped two engineers.",
            [("armed group based in Chad", "TCD", "REB")],
        ),
        ("Lagos-based activists marched.", [("Lagos-based activists", "NGA", "CVL")]),
        ("A militant group claimed the blast.", [("militant group", "---", "REB")]),
    ],
)
def test_mentions_a_group_belongs_where_it_is_based(
    text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert mentions(text) == expected


def test_mentions_troops_based_abroad_are_not_the_host_s() -> None:
    found = mentions("Marines based in Spain left on Monday.")
    assert ("Marines based in Spain", "ESP", "MIL") not in found
    assert all(not text.startswith("Spain-based") for text, _, _ in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chechen fighters ambushed a convoy.", [("Chechen fighters", "RUS", "REB")]),
        ("Igbo leaders rejected the plan.", [("Igbo leaders", "NGA", "GOV")]),
        (
            "The Turkish Cypriot leader spoke.",
            [("Turkish Cypriot leader", "CYP", "GOV")],
        ),
        ("Thousands of Tibetans fled.", []),  # a population, not an actor
    ],
)
def test_mentions_a_people_of_one_state_codes_its_organised_groups(
    text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert mentions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Croatian Journalists' Association protested.",
            [("Croatian Journalists' Association", "HRV", "MED")],
        ),
        (
            "The Ghana Electoral Commission delayed the count.",
            [("Ghana Electoral Commission", "GHA", "GOV")],
        ),
        (
            "Members of the Polish Teachers' Union went on strike.",
            [("Polish Teachers' Union", "POL", "EDU")],
        ),
        (
            "The Chilean Mining Federation called a stoppage.",
            [("Chilean Mining Federation", "CHL", None)],
        ),
    ],
)
def test_mentions_a_national_name_before_an_organisation_noun_is_one_body(
    text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert mentions(text) == expected


def test_mentions_capitalised_headline_words_do_not_join_an_organisation_name() -> None:
    found = mentions("Japan Blasts UN Security Council Move")
    assert ("Japan", "JPN", None) in found


def test_mentions_a_name_before_a_comma_and_a_title_is_that_office_holder() -> None:
    text = (
        "The message came from Marta Ilves, chairwoman of the Estonian Writers' Union. "
        "Ilves praised the treaty."
    )
    found = mentions(text)
    assert ("chairwoman of the Estonian Writers' Union", "EST", "GOV") in found
    assert ("Marta Ilves", "EST", "GOV") in found
    assert any(name == "Ilves" and code == "EST" for name, code, _ in found)


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, the president of Iran spoke.",
        "In New York, U.S. officials said.",
    ],
)
def test_mentions_sentence_openers_before_a_comma_are_not_names(text: str) -> None:
    assert all(kind != "person" for kind in _kinds(text))


def _kinds(text: str) -> list[str]:
    context = build_actor_context(text)
    return [m.kind for m in find_actor_mentions(text, 0, len(text), context)]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The Central Committee of the CPV sent a wreath.", "VNM"),
        ("The LPRP Central Committee sent greetings.", "LAO"),
    ],
)
def test_mentions_ruling_parties_and_their_central_committees(text: str, code: str) -> None:
    assert {c for _, c, _ in mentions(text)} == {code}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a describing word is not a second actor
        (
            "An official Iranian newspaper attacked the plan.",
            [("Iranian newspaper", "IRN", "MED")],
        ),
        ("The militant group Hamas fired rockets.", [("Hamas", "PSE", "REB")]),
        ("The loan of US $40 million to Kenya was approved.", [("Kenya", "KEN", None)]),
        ("It pledged 2 billion U.S. dollars to Jordan.", [("Jordan", "JOR", None)]),
        # membership and location modifiers
        ("NATO-member Denmark sent a frigate.", [("Denmark", "DNK", None)]),
        (
            "The Armenian side of the long disputed border region of Georgia objected.",
            [
                (
                    "Armenian side of the long disputed border region of Georgia",
                    "ARM",
                    None,
                )
            ],
        ),
    ],
)
def test_mentions_modifiers_do_not_become_actors(
    text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    found = [(name, code, sector) for name, code, sector in mentions(text)]
    assert found[: len(expected)] == expected
    assert len(found) == len(expected)


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("Fighters loyal to the Libyan National Army shelled the port.", "Fighters", "LBY"),
        (
            "Workers affiliated with the Chilean Dockers' Union walked out.",
            "Workers",
            "CHL",
        ),
        (
            "Ethnic Serb militias operating in Kosovo blocked the road.",
            "Serb militias operating in Kosovo",
            "XKX",
        ),
        (
            "Nairobi's Westlands district administration banned the rally.",
            "Nairobi's Westlands district administration",
            "KEN",
        ),
        ("Jewish settlers uprooted olive trees.", "Jewish settlers", "ISR"),
    ],
)
def test_mentions_owner_and_place_phrases_give_the_country(text: str, name: str, code: str) -> None:
    found = {found_name: found_code for found_name, found_code, _ in mentions(text)}
    assert found.get(name) == code


def test_mentions_ethnic_groups_without_a_place_are_left_to_the_event_s_location() -> None:
    context = build_actor_context("Ethnic Hungarian activists marched.")
    found = find_actor_mentions("Ethnic Hungarian activists marched.", context=context)
    assert [(m.text, m.kind) for m in found] == [("Hungarian activists", "ethnic")]


@pytest.mark.parametrize(
    "text",
    [
        "The General Federation of Trade Unions met on Monday.",
        "The Army General Staff issued an order.",
        "Workers of the General Machine Factory pledged loyalty.",
    ],
)
def test_mentions_organisation_words_after_a_title_are_not_a_person(text: str) -> None:
    assert "person" not in _kinds(text)


def test_mentions_comrade_before_a_name_is_an_address_not_the_name() -> None:
    text = "Chairman Comrade Pak Song Il spoke. Pak praised the workers."
    found = mentions(text)
    assert found[0][0] == "Chairman Comrade Pak Song Il"
    assert any(name == "Pak" for name, _, _ in found[1:])


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("President Shavkat Mirziyoyev received the envoy.", "UZB"),
        ("A message went to Ukhnaa Khurelsukh on Monday.", "MNG"),
        ("Vice-President Rosario Murillo spoke.", "NIC"),
    ],
)
def test_mentions_office_holders_kcna_greets_are_known(text: str, code: str) -> None:
    assert code in {c for _, c, _ in mentions(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Japanese aggressors burned the village.", ("Japanese aggressors", "JPN", "MIL")),
        ("The ROK military gangsters fired shells.", ("ROK military gangsters", "KOR", "MIL")),
        ("The U.S. stooges cheered.", ("U.S. stooges", "USA", "GOV")),
    ],
)
def test_mentions_kcna_epithets_need_a_country_and_keep_it(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert mentions(text) == [expected]


def test_mentions_an_epithet_alone_is_not_an_actor() -> None:
    assert mentions("Gangsters robbed a bank in the capital.") == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The Chinese American engineer was charged.", "USA"),
        ("A Lebanese-American businessman was detained.", "USA"),
        ("Bosnian Croat leaders met.", "BIH"),
    ],
)
def test_mentions_a_second_adjective_american_is_the_nationality(text: str, code: str) -> None:
    assert [c for _, c, _ in mentions(text)] == [code]


def test_mentions_a_language_service_is_not_a_national_body() -> None:
    found = mentions("She spoke to the broadcaster's Russian Service on Friday.")
    assert all(sector != "GOV" for _, _, sector in found)


def test_mentions_a_definite_office_refers_back_to_the_same_office() -> None:
    text = (
        "Iran tested a rocket. A Pentagon spokesman called it reckless. "
        "Iran denied it. The spokesman said more tests were likely."
    )
    context = build_actor_context(text)
    spokesman = [m for m in context.mentions if m.text == "spokesman"]
    assert [(m.code, m.kind) for m in spokesman] == [("USA", "institution")]


def test_mentions_an_office_never_named_before_takes_the_article_s_country() -> None:
    text = "Iran tested a rocket on Monday. The spokesman said more tests were likely."
    context = build_actor_context(text)
    spokesman = [m for m in context.mentions if m.text == "spokesman"]
    assert [(m.code, m.kind) for m in spokesman] == [("IRN", "implicit")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "UN rights chief Volker Turk visited the camp.",
            ("UN rights chief Volker Turk", "IGO:UNO", "GOV"),
        ),
        (
            "A UN special rapporteur criticised the law.",
            ("UN special rapporteur", "IGO:UNO", "GOV"),
        ),
        (
            "Interpol Director-General Ana Lopez spoke.",
            ("Interpol Director-General Ana Lopez", "IGO:INTERPOL", "GOV"),
        ),
    ],
)
def test_mentions_officials_of_international_bodies_by_title(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in mentions(text)


def test_mentions_a_chief_takes_the_sector_of_the_force_he_heads() -> None:
    assert mentions("The Nigerian army chief resigned.") == [("Nigerian army chief", "NGA", "MIL")]


def test_mentions_a_korean_given_name_syllable_is_not_a_short_name() -> None:
    text = "Director Pak Chol Man arrived. Pak met the Man in the hall."
    names = [name for name, _, _ in mentions(text)]
    assert "Pak" in names
    assert "Man" not in names


def test_mentions_a_possessive_body_after_a_title_is_not_a_person() -> None:
    assert "person" not in _kinds("The General Staff's order reached the units.")


def test_mentions_we_in_a_home_outlet_s_report_passes_the_prefilter() -> None:
    text = "Pyongyang, May 2 (KCNA) -- The drills went on. We will never tolerate it."
    context = build_actor_context(text)
    start = text.index("We")
    assert has_actor_mention(text, start, len(text), context)
    assert not has_actor_mention("We will never tolerate it.", context=build_actor_context("x"))


def test_mentions_a_named_office_holder_of_a_body_takes_the_body_s_country() -> None:
    text = (
        "Iran tested a rocket. Chairman B. Bold of the Mongolian People's Party "
        "sent greetings. Bold praised the treaty."
    )
    found = mentions(text)
    assert ("Chairman B. Bold", "MNG", "PTY") in found
    assert ("Bold", "MNG", "PTY") in found


def test_mentions_a_person_stays_a_person_over_an_organisation_name() -> None:
    context = build_actor_context("Speaker Jan Kral of the Slovak National Council spoke.")
    found = find_actor_mentions(
        "Speaker Jan Kral of the Slovak National Council spoke.", context=context
    )
    assert [(m.code, m.kind) for m in found] == [("SVK", "person")]
