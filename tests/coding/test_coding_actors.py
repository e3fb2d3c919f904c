"""Actor mention finding: spans, codes, sectors and false-positive guards."""

from __future__ import annotations

import itertools

import pytest

from flashpoint.coding.actors import ActorMention, build_actor_context, find_actor_mentions


def _mentions(text: str, *, with_context: bool = False) -> list[tuple[str, str, str | None]]:
    context = build_actor_context(text) if with_context else None
    return [(m.text, m.code, m.sector) for m in find_actor_mentions(text, context=context)]


def _only(text: str, *, with_context: bool = False) -> ActorMention:
    context = build_actor_context(text) if with_context else None
    found = find_actor_mentions(text, context=context)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Democratic People's Republic of Korea rejected the offer.",
            ("Democratic People's Republic of Korea", "PRK"),
        ),
        ("The DPRK rejected the offer.", ("DPRK", "PRK")),
        ("North Korea rejected the offer.", ("North Korea", "PRK")),
        ("N. Korea rejected the offer.", ("N. Korea", "PRK")),
        ("The Republic of Korea rejected the offer.", ("Republic of Korea", "KOR")),
        ("The ROK rejected the offer.", ("ROK", "KOR")),
        ("South Korea rejected the offer.", ("South Korea", "KOR")),
        ("The U.S. rejected the offer.", ("U.S.", "USA")),
        ("The US rejected the offer.", ("US", "USA")),
        ("The United States rejected the offer.", ("United States", "USA")),
        ("America rejected the offer.", ("America", "USA")),
        ("Britain rejected the offer.", ("Britain", "GBR")),
        ("The UK rejected the offer.", ("UK", "GBR")),
        ("Ukraine rejected the offer.", ("Ukraine", "UKR")),
        ("Myanmar rejected the offer.", ("Myanmar", "MMR")),
        ("Ivory Coast rejected the offer.", ("Ivory Coast", "CIV")),
        ("Bosnia rejected the offer.", ("Bosnia", "BIH")),
        ("The Dominican Republic rejected the offer.", ("Dominican Republic", "DOM")),
        ("Dominica rejected the offer.", ("Dominica", "DMA")),
        ("Niger rejected the offer.", ("Niger", "NER")),
        ("Nigeria rejected the offer.", ("Nigeria", "NGA")),
        ("The Republic of the Congo rejected the offer.", ("Republic of the Congo", "COG")),
        (
            "The Democratic Republic of Congo rejected the offer.",
            ("Democratic Republic of Congo", "COD"),
        ),
    ],
)
def test_country_names_resolve_to_iso3(text: str, expected: tuple[str, str]) -> None:
    mention = _only(text)
    assert (mention.text, mention.code, mention.kind) == (*expected, "country")
    assert text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(
    ("text", "surface", "code"),
    [
        ("A North Korean diplomat arrived.", "North Korean diplomat", "PRK"),
        ("A Russian ship sank.", "Russian", "RUS"),
        ("Japanese voters were angry.", "Japanese", "JPN"),
        ("An Israeli strike hit the town.", "Israeli", "ISR"),
        ("Palestinians marched.", "Palestinians", "PSE"),
        ("The Palestinian delegation left.", "Palestinian delegation", "PSE"),
        ("Filipinos voted.", "Filipinos", "PHL"),
        ("A Saudi prince visited.", "Saudi prince", "SAU"),
    ],
)
def test_demonyms_and_adjectives_resolve_to_their_country(
    text: str, surface: str, code: str
) -> None:
    mention = _only(text)
    assert (mention.text, mention.code) == (surface, code)


@pytest.mark.parametrize(
    ("text", "surface", "code"),
    [
        ("Pyongyang fired a missile.", "Pyongyang", "PRK"),
        ("Seoul protested.", "Seoul", "KOR"),
        ("Washington imposed sanctions.", "Washington", "USA"),
        ("Moscow denied it.", "Moscow", "RUS"),
        ("Tokyo lodged a protest.", "Tokyo", "JPN"),
        ("Beijing urged calm.", "Beijing", "CHN"),
        ("Kyiv asked for help.", "Kyiv", "UKR"),
        ("Kiev asked for help.", "Kiev", "UKR"),
        ("Nairobi denied it.", "Nairobi", "KEN"),
        ("Ankara summoned the envoy of nobody.", "Ankara", "TUR"),
    ],
)
def test_capitals_are_government_metonyms(text: str, surface: str, code: str) -> None:
    mention = find_actor_mentions(text)[0]
    assert (mention.text, mention.code, mention.sector, mention.kind) == (
        surface,
        code,
        "GOV",
        "capital",
    )


@pytest.mark.parametrize(
    ("text", "surface", "code"),
    [
        ("Japan's navy sailed.", "Japan's navy", "JPN"),
        ("Japan's decision surprised many.", "Japan", "JPN"),
        ("The Philippines' coast guard said so.", "Philippines' coast guard", "PHL"),
        ("Japan’s army moved.", "Japan’s army", "JPN"),
    ],
)
def test_possessives_join_the_sector_or_stay_out_of_the_span(
    text: str, surface: str, code: str
) -> None:
    mention = find_actor_mentions(text)[0]
    assert (mention.text, mention.code) == (surface, code)


@pytest.mark.parametrize(
    ("text", "surface", "code", "sector", "head_word"),
    [
        (
            "North Korean leader Kim Jong Un watched the test.",
            "North Korean leader Kim Jong Un",
            "PRK",
            "GOV",
            "Kim",
        ),
        ("Kim Jong-un watched the test.", "Kim Jong-un", "PRK", "GOV", "Kim"),
        ("President Yoon Suk Yeol spoke.", "President Yoon Suk Yeol", "KOR", "GOV", "Yoon"),
        (
            "Prime Minister Fumio Kishida spoke.",
            "Prime Minister Fumio Kishida",
            "JPN",
            "GOV",
            "Fumio",
        ),
        ("Putin spoke.", "Putin", "RUS", "GOV", "Putin"),
        ("Xi Jinping spoke.", "Xi Jinping", "CHN", "GOV", "Xi"),
        ("Zelensky spoke.", "Zelensky", "UKR", "GOV", "Zelensky"),
        ("Biden spoke.", "Biden", "USA", "GOV", "Biden"),
        ("Trump spoke.", "Trump", "USA", "GOV", "Trump"),
        (
            "Russian Foreign Minister Sergei Lavrov spoke.",
            "Russian Foreign Minister Sergei Lavrov",
            "RUS",
            "GOV",
            "Sergei",
        ),
        (
            "Chilean Foreign Minister Juan Perez spoke.",
            "Chilean Foreign Minister Juan Perez",
            "CHL",
            "GOV",
            "Juan",
        ),
        (
            "Egyptian President Muhammad Hosni Mubarak spoke.",
            "Egyptian President Muhammad Hosni Mubarak",
            "EGY",
            "GOV",
            "Muhammad",
        ),
        (
            "Kenyan General Joseph Otieno spoke.",
            "Kenyan General Joseph Otieno",
            "KEN",
            "MIL",
            "Joseph",
        ),
    ],
)
def test_leaders_and_titled_people_span_the_whole_phrase(
    text: str, surface: str, code: str, sector: str, head_word: str
) -> None:
    mention = find_actor_mentions(text)[0]
    assert (mention.text, mention.code, mention.sector) == (surface, code, sector)
    assert text[mention.head :].startswith(head_word)


@pytest.mark.parametrize(
    ("text", "surface", "code", "sector", "head_word"),
    [
        ("Israeli troops entered the town.", "Israeli troops", "ISR", "MIL", "troops"),
        (
            "South Korea's Joint Chiefs of Staff said so.",
            "South Korea's Joint Chiefs of Staff",
            "KOR",
            "MIL",
            "Chiefs",
        ),
        (
            "The Russian Foreign Ministry said so.",
            "Russian Foreign Ministry",
            "RUS",
            "GOV",
            "Ministry",
        ),
        ("Thai protesters blocked roads.", "Thai protesters", "THA", "CVL", "protesters"),
        ("Iraqi Kurdish rebels attacked.", "Iraqi Kurdish rebels", "IRQ", "REB", "rebels"),
        (
            "North Korea's Missile Administration said so.",
            "North Korea's Missile Administration",
            "PRK",
            "MIL",
            "Administration",
        ),
        ("Turkish police detained him.", "Turkish police", "TUR", "COP", "police"),
        ("The Kenyan parliament voted.", "Kenyan parliament", "KEN", "LEG", "parliament"),
        ("A Pakistani court ruled.", "Pakistani court", "PAK", "JUD", "court"),
        ("Sudanese refugees fled.", "Sudanese refugees", "SDN", "REF", "refugees"),
        ("Ugandan journalists protested.", "Ugandan journalists", "UGA", "MED", "journalists"),
        (
            "The Zimbabwean opposition boycotted it.",
            "Zimbabwean opposition",
            "ZWE",
            "OPP",
            "opposition",
        ),
        ("Afghan rebel leaders met.", "Afghan rebel leaders", "AFG", "REB", "leaders"),
        (
            "The Algerian government forces advanced.",
            "Algerian government forces",
            "DZA",
            "MIL",
            "forces",
        ),
        (
            "The Ministry of Foreign Affairs of the DPRK said so.",
            "Ministry of Foreign Affairs of the DPRK",
            "PRK",
            "GOV",
            "Ministry",
        ),
        ("The president of Armenia said so.", "president of Armenia", "ARM", "GOV", "president"),
        ("Rebels in Darfur attacked.", "Rebels in Darfur", "SDN", "REB", "Rebels"),
        (
            "U.S. Secretary of State Antony Blinken said so.",
            "U.S. Secretary of State Antony Blinken",
            "USA",
            "GOV",
            "Antony",
        ),
        ("The Bush administration said so.", "Bush administration", "USA", "GOV", "administration"),
    ],
)
def test_country_qualified_sector_words_are_one_mention(
    text: str, surface: str, code: str, sector: str, head_word: str
) -> None:
    mention = find_actor_mentions(text)[0]
    assert (mention.text, mention.code, mention.sector) == (surface, code, sector)
    assert text[mention.head :].startswith(head_word)


@pytest.mark.parametrize(
    ("text", "surface", "code", "sector"),
    [
        ("The Korean People's Army fired.", "Korean People's Army", "PRK", "MIL"),
        ("The WPK met.", "WPK", "PRK", "GOV"),
        ("The Workers' Party of Korea met.", "Workers' Party of Korea", "PRK", "GOV"),
        ("KCNA reported it.", "KCNA", "PRK", "MED"),
        ("Rodong Sinmun wrote it.", "Rodong Sinmun", "PRK", "MED"),
        ("The Kremlin denied it.", "Kremlin", "RUS", "GOV"),
        ("The Pentagon denied it.", "Pentagon", "USA", "MIL"),
        ("The Knesset voted.", "Knesset", "ISR", "LEG"),
        ("The Washington Post reported it.", "Washington Post", "USA", "MED"),
        ("Hamas fired rockets.", "Hamas", "PSE", "REB"),
        ("Hezbollah fired rockets.", "Hezbollah", "LBN", "REB"),
        ("The Taliban attacked.", "Taliban", "AFG", "REB"),
        ("The Houthis attacked.", "Houthis", "YEM", "REB"),
        ("The PKK attacked.", "PKK", "TUR", "REB"),
        ("Islamic State claimed it.", "Islamic State", "IMG", "REB"),
        ("Hamas militants attacked.", "Hamas militants", "PSE", "REB"),
    ],
)
def test_named_institutions_and_groups_carry_fixed_codes(
    text: str, surface: str, code: str, sector: str
) -> None:
    mention = find_actor_mentions(text)[0]
    assert (mention.text, mention.code, mention.sector) == (surface, code, sector)


@pytest.mark.parametrize(
    ("text", "surface", "code"),
    [
        ("The United Nations voted.", "United Nations", "IGO:UNO"),
        ("The UN voted.", "UN", "IGO:UNO"),
        ("The U.N. voted.", "U.N.", "IGO:UNO"),
        ("The Security Council voted.", "Security Council", "IGO:UNSC"),
        ("The UN Security Council voted.", "UN Security Council", "IGO:UNSC"),
        ("The IAEA voted.", "IAEA", "IGO:IAEA"),
        ("NATO voted.", "NATO", "IGO:NATO"),
        ("The European Union voted.", "European Union", "IGO:EU"),
        ("The EU voted.", "EU", "IGO:EU"),
        ("The G7 voted.", "G7", "IGO:G7"),
        ("The G20 voted.", "G20", "IGO:G20"),
        ("ASEAN voted.", "ASEAN", "IGO:ASEAN"),
        ("The African Union voted.", "African Union", "IGO:AU"),
        ("The AU voted.", "AU", "IGO:AU"),
        ("OPEC voted.", "OPEC", "IGO:OPEC"),
        ("The World Bank voted.", "World Bank", "IGO:WB"),
        ("The Arab League voted.", "Arab League", "IGO:ARL"),
        ("The Red Cross helped.", "Red Cross", "NGO"),
        ("UN peacekeepers helped.", "UN peacekeepers", "IGO:UNO"),
    ],
)
def test_international_organisations_get_igo_codes(text: str, surface: str, code: str) -> None:
    mention = find_actor_mentions(text)[0]
    assert (mention.text, mention.code) == (surface, code)


@pytest.mark.parametrize(
    "text",
    [
        "Ships sailed into the Sea of Japan.",
        "Tension rose in the East China Sea and the Yellow Sea.",
        "The South China Sea is disputed.",
        "Latin American leaders were absent.",
        "She grew up in New Mexico.",
        "Michael Jordan scored.",
        "Chad Smith scored.",
        "He lives in Atlanta, Georgia now.",
        "Tourists filled Kim Il Sung Square.",
        "The Korean peninsula is divided.",
        "Korea is a peninsula.",
        "Workers built a dam.",
        "The people cheered.",
    ],
)
def test_lookalikes_are_not_actors(text: str) -> None:
    assert _mentions(text) == []


def test_pro_and_anti_prefixes_do_not_make_a_country_actor() -> None:
    text = "Pro-Russian separatists and anti-American protesters clashed."
    assert [(code, sector) for _, code, sector in _mentions(text)] == [
        ("---", "REB"),
        ("---", "CVL"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police arrested ten men.", [("Police", "---", "COP")]),
        ("Rebels attacked a convoy.", [("Rebels", "---", "REB")]),
        ("Kenya said police arrested ten men.", [("Kenya", "KEN", None), ("police", "KEN", "COP")]),
    ],
)
def test_bare_sector_words_take_the_dominant_country_or_unknown(
    text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert _mentions(text, with_context=True) == expected


def test_mentions_are_sorted_non_overlapping_and_exact() -> None:
    text = (
        "Japanese Prime Minister Fumio Kishida and South Korean President Yoon Suk Yeol "
        "met U.S. President Joe Biden while Chinese warships and Russian bombers patrolled."
    )
    found = find_actor_mentions(text)
    assert [m.code for m in found] == ["JPN", "KOR", "USA", "CHN", "RUS"]
    for first, second in itertools.pairwise(found):
        assert first.end <= second.start
    assert all(text[m.start : m.end] == m.text for m in found)


def test_range_offsets_are_relative_to_the_whole_text() -> None:
    text = "Intro sentence here. Seoul protested. Tokyo agreed."
    start = text.index("Seoul")
    end = text.index(" Tokyo")
    found = find_actor_mentions(text, start, end)
    assert [(m.start, m.text) for m in found] == [(start, "Seoul")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "U.S. military drills angered Pyongyang.",
            [("U.S.", "USA", None), ("Pyongyang", "PRK", "GOV")],
        ),
        ("Joint military exercises began.", []),
        ("Guards left the police station.", []),
        ("The military said it fired.", [("military", "---", "MIL")]),
    ],
)
def test_sector_words_used_as_noun_modifiers_are_not_actors(
    text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert _mentions(text) == expected


def test_parts_of_a_known_leaders_name_are_not_short_names() -> None:
    text = "Kim Jong Il met envoys. Il and Jong are not names on their own."
    assert [m.text for m in build_actor_context(text).mentions] == ["Kim Jong Il", "envoys"]
