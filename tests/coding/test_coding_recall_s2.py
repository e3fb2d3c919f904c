"""Recall on unseen news wording: verbal attacks, stance phrases, warnings of punishment,
refusals by negation, receptions and courtesy calls; and visits that are inspections."""

from __future__ import annotations

import pytest

from conftest import make_article
from flashpoint.coding.coder import Coder
from flashpoint.coding.lemmas import glued_words
from flashpoint.coding.prefilter import has_trigger_candidate
from flashpoint.models import Event


def code(coder: Coder, text: str) -> list[Event]:
    return coder.code_article(make_article(text, published="2024-05-14"))


def categories(coder: Coder, text: str) -> set[str]:
    return {e.category for e in code(coder, text)}


@pytest.mark.parametrize(
    "text",
    [
        "Moscow has repeatedly slandered the Baltic states as hostile.",
        "The Cuban foreign minister defamed the Argentine government in a speech.",
        "Venezuela vilified the United States over the blockade.",
        "The Iranian president lashed out at Israel over the strikes.",
        "Pakistan hit out at India after the border incident.",
    ],
)
def test_verbs_of_verbal_attack_are_accusations(coder: Coder, text: str) -> None:
    assert "ACCUSE" in categories(coder, text)


@pytest.mark.parametrize(
    "text",
    [
        "The Syrian foreign ministry issued a statement in denunciation of the Turkish raids.",
        "Trade unions in Brazil held a rally in condemnation of the Argentine decision.",
    ],
)
def test_a_stance_phrase_makes_the_clause_an_accusation(coder: Coder, text: str) -> None:
    assert "ACCUSE" in categories(coder, text)


@pytest.mark.parametrize(
    "text",
    [
        "Spain will have to pay dearly for its interference, the Moroccan statement said.",
        "Iran warned that Saudi Arabia is bound to pay dearly for the provocation.",
        "The Chinese ministry said Japan will pay a heavy price for the decision.",
    ],
)
def test_a_promised_punishment_is_a_threat(coder: Coder, text: str) -> None:
    assert "THREATEN" in categories(coder, text)


def test_a_price_already_paid_is_no_threat(coder: Coder) -> None:
    assert "THREATEN" not in categories(coder, "Germany paid dearly for its defeat in 1918.")


def test_a_warning_of_consequences_is_a_threat(coder: Coder) -> None:
    assert "THREATEN" in categories(
        coder, "Turkey warned of grave consequences to be entailed by the Greek deployment."
    )


def test_a_warning_of_what_one_may_do_is_a_threat(coder: Coder) -> None:
    assert "THREATEN" in categories(
        coder, "Egypt warned that it may take military action against Ethiopia."
    )


def test_a_forecast_stays_no_threat(coder: Coder) -> None:
    assert code(coder, "The Chinese central bank warned that growth may slow.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Serbia will never tolerate any attempt to divide Kosovo.",
        "Beijing does not condone the Philippine incursions.",
    ],
)
def test_a_negated_acceptance_is_a_refusal(coder: Coder, text: str) -> None:
    events = code(coder, text)
    assert [e.category for e in events] == ["REJECT"]
    assert events[0].status == "asserted"  # the refusal is stated, not denied


def test_tolerating_is_no_event(coder: Coder) -> None:
    assert code(coder, "Hungary tolerated the Austrian protests.") == []


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The Mongolian president received a trade delegation of Kazakhstan.", "MNG"),
        ("The Indian ambassador paid a courtesy call on the Nepalese prime minister.", "IND"),
        ("The Chilean foreign minister exchanged views with his Peruvian counterpart.", "CHL"),
        ("A delegation of the Lao People's Revolutionary Party arrived here on Monday.", "LAO"),
    ],
)
def test_receptions_calls_and_arrivals_are_consultations(
    coder: Coder, text: str, actor: str
) -> None:
    events = [e for e in code(coder, text) if e.category == "CONSULT"]
    assert events
    assert actor in {a.code for a in events[0].actors}


@pytest.mark.parametrize(
    "text",
    [
        "The Vietnamese premier visited a textile factory in Hanoi.",
        "The Cuban delegation toured the Havana Tobacco Museum.",
        "The Chinese ambassador visited the statues of the war heroes.",
    ],
)
def test_visiting_a_site_is_no_consultation(coder: Coder, text: str) -> None:
    assert "CONSULT" not in categories(coder, text)


@pytest.mark.parametrize(
    "text",
    [
        "The Turkish president visited the White House on Monday.",
        "The Thai king visited the Cambodian embassy in Bangkok.",
    ],
)
def test_visiting_a_seat_or_mission_stays_a_consultation(coder: Coder, text: str) -> None:
    assert "CONSULT" in categories(coder, text)


@pytest.mark.parametrize(
    "text",
    [
        "Many Italian soldiers met their deaths in Libya.",
        "The Polish plan met with strong opposition in Hungary.",
    ],
)
def test_meeting_a_fate_is_no_meeting(coder: Coder, text: str) -> None:
    assert "CONSULT" not in categories(coder, text)


def test_a_named_doer_and_target_make_a_noun_an_attack(coder: Coder) -> None:
    events = code(coder, "The UN decried the anger at Sudan's massacre of villagers in Darfur.")
    assert "ASSAULT" in {e.category for e in events}


@pytest.mark.parametrize(
    "text",
    [
        "Norway will have to pay dearly.",
        "The Peruvian delegation arrived here.",
        "Estonia slandered Russia.",
        "Japan will never tolerate it.",
    ],
)
def test_the_prefilter_passes_the_new_triggers(text: str) -> None:
    assert has_trigger_candidate(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The respected ComradeKim Jong Unreceived a message of greeting from Laos.", "SUPPORT"),
        ("ChairmanKim Jong Ilpraised the Cuban people.", "SUPPORT"),
    ],
)
def test_a_verb_glued_to_a_leader_name_is_still_a_trigger(
    coder: Coder, text: str, category: str
) -> None:
    assert category in categories(coder, text)


def test_glued_words_are_read_behind_leader_names_only() -> None:
    assert glued_words("PresidentKim Il Sungvisited Cuba. The unrest grew.") == {"visited"}


@pytest.mark.parametrize(
    "text",
    [
        "The Laotian premier praised the scientists and technicians for their successes.",
        "The Vietnamese president paid a high tribute to the martyrs.",
        "The Chinese leader extended special thanks to the builders.",
    ],
)
def test_honours_to_ordinary_groups_are_no_support(coder: Coder, text: str) -> None:
    assert "SUPPORT" not in categories(coder, text)


@pytest.mark.parametrize(
    "text",
    [
        "The Chinese leader praised the Cuban people.",
        "The Russian guests paid tribute to fallen fighters of the Soviet Army in Cuba.",
    ],
)
def test_honours_to_a_named_party_stay_support(coder: Coder, text: str) -> None:
    assert "SUPPORT" in categories(coder, text)


@pytest.mark.parametrize(
    "text",
    [
        "Kazakhstan will defend the national sovereignty of the country.",
        "The Cuban flag is recognized as a symbol of the revolution in Venezuela.",
    ],
)
def test_defending_its_own_cause_or_an_appraisal_is_no_support(coder: Coder, text: str) -> None:
    assert "SUPPORT" not in categories(coder, text)


def test_recognizing_a_state_stays_support(coder: Coder) -> None:
    assert "SUPPORT" in categories(coder, "Spain recognized the State of Palestine on Tuesday.")


@pytest.mark.parametrize(
    "text",
    [
        "The Cuban foreign ministry branded the Colombian raid as a blatant violation.",
        "Tehran termed the Israeli strikes an act of aggression and a crime.",
        "The Arab League described the Israeli settlement as a crime.",
    ],
)
def test_naming_an_act_a_wrong_is_an_accusation(coder: Coder, text: str) -> None:
    assert "ACCUSE" in categories(coder, text)


def test_describing_without_a_wrong_is_no_accusation(coder: Coder) -> None:
    assert "ACCUSE" not in categories(
        coder, "The Chilean minister described the Peruvian proposal as interesting."
    )


@pytest.mark.parametrize(
    "text",
    [
        "The Cuban ambassador conveyed the greetings of the Cuban president to the Lao premier.",
        "The Vietnamese president wished the Thai prime minister success in her work.",
    ],
)
def test_conveyed_greetings_and_good_wishes_are_support(coder: Coder, text: str) -> None:
    assert "SUPPORT" in categories(coder, text)


def test_wishing_to_do_something_is_no_support(coder: Coder) -> None:
    assert "SUPPORT" not in categories(coder, "Estonia wished to join the alliance earlier.")


def test_leaving_here_for_a_country_is_a_visit(coder: Coder) -> None:
    events = code(coder, "The Lao foreign minister and her party left here for Hanoi.")
    assert "CONSULT" in {e.category for e in events}


def test_an_exchange_of_views_is_a_consultation(coder: Coder) -> None:
    assert "CONSULT" in categories(
        coder, "There was an exchange of views between the Chinese and Lao ministers."
    )


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("Norway provided $10 million in humanitarian assistance to Sudan.", "SDN"),
        ("China shipped 20,000 tons of rice to Haiti last month.", "HTI"),
        ("Germany delivered Leopard tanks to Ukraine.", "UKR"),
        ("The World Food Programme distributed food to 2 million people in Yemen.", "YEM"),
    ],
)
def test_goods_and_money_given_are_aid(coder: Coder, text: str, recipient: str) -> None:
    events = [e for e in code(coder, text) if e.category == "AID"]
    assert events
    assert recipient in {r.code for r in events[0].recipients}


def test_a_shipment_of_goods_for_sale_is_no_aid(coder: Coder) -> None:
    assert "AID" not in categories(coder, "Chile shipped copper worth $3 billion to China.")


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        (
            "The Chinese ministry stressed that the U.S. arms sales to Taiwan are illegal.",
            "CHN",
            "USA",
        ),
        ("The Cuban government said the Argentine decision was a grave provocation.", "CUB", None),
    ],
)
def test_a_speaker_judging_an_act_a_wrong_accuses(
    coder: Coder, text: str, actor: str, recipient: str | None
) -> None:
    events = [e for e in code(coder, text) if e.category == "ACCUSE"]
    assert events
    assert actor in {a.code for a in events[0].actors}
    if recipient is not None:
        assert recipient in {r.code for r in events[0].recipients}


def test_a_speaker_denying_a_wrong_does_not_accuse(coder: Coder) -> None:
    assert "ACCUSE" not in categories(coder, "Japan said the Chinese test was not a provocation.")


def test_calling_an_act_illegal_accuses(coder: Coder) -> None:
    assert "ACCUSE" in categories(coder, "The Iranian ministry called the Saudi sanctions illegal.")


@pytest.mark.parametrize(
    "text",
    [
        "Egypt said Ethiopia would face grave consequences if it filled the dam.",
        "Tehran said Israel will pay dearly for the killing.",
    ],
)
def test_a_reported_warning_of_punishment_is_the_speakers_threat(coder: Coder, text: str) -> None:
    events = [e for e in code(coder, text) if e.category == "THREATEN"]
    assert events
    speaker, target = ("EGY", "ETH") if text.startswith("Egypt") else ("IRN", "ISR")
    assert speaker in {a.code for a in events[0].actors}
    assert target in {r.code for r in events[0].recipients}


def test_consequences_already_faced_are_no_threat(coder: Coder) -> None:
    assert "THREATEN" not in categories(coder, "Libya faced consequences for the bombing in 1992.")


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        (
            "In a phone call with the Turkish president on Tuesday, the Greek premier said "
            "the border would stay open.",
            {"TUR", "GRC"},
        ),
        (
            "During talks with the Japanese foreign minister, the Chinese envoy raised the islands.",
            {"JPN", "CHN"},
        ),
    ],
)
def test_a_contact_framing_the_clause_is_a_consultation(
    coder: Coder, text: str, codes: set[str]
) -> None:
    events = [e for e in code(coder, text) if e.category == "CONSULT"]
    assert events
    assert codes <= {a.code for a in events[0].actors} | {r.code for r in events[0].recipients}


def test_conferring_a_title_is_no_consultation(coder: Coder) -> None:
    assert "CONSULT" not in categories(
        coder, "The Vietnamese president conferred the title of hero on Cuban doctors."
    )


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Chinese coast guard vessels rammed a Philippine supply boat.", "ASSAULT"),
        ("Chinese coast guard ships used water cannons against Philippine vessels.", "ASSAULT"),
        ("The Iranian government shut down the internet in Kurdistan.", "COERCE"),
    ],
)
def test_ramming_weapons_used_on_a_target_and_shutdowns(
    coder: Coder, text: str, category: str
) -> None:
    assert category in categories(coder, text)


@pytest.mark.parametrize(
    "text",
    [
        "China uses its coast guard to patrol the South China Sea.",
        "Japan used the meeting in Seoul to press China.",
        "Germany shut down its last nuclear reactors.",
    ],
)
def test_using_or_shutting_without_a_target_is_no_event(coder: Coder, text: str) -> None:
    assert not categories(coder, text) & {"ASSAULT", "COERCE"}


@pytest.mark.parametrize(
    "text",
    [
        "As recognized by the public in Peru, the Chilean constitution has become a scrap.",
        "Cuban officials visited new houses to congratulate their owners.",
    ],
)
def test_appraisals_and_congratulated_householders_are_no_support(coder: Coder, text: str) -> None:
    assert "SUPPORT" not in categories(coder, text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The Thai ambassador presented his credentials to the president of Laos.", "CONSULT"),
        ("The Myanmar president received the credentials of the new Thai ambassador.", "CONSULT"),
        ("The Cambodian delegation paid homage to the Chinese war heroes.", "SUPPORT"),
        ("Message of sympathy to the Japanese prime minister from the Lao president", "SUPPORT"),
    ],
)
def test_diplomatic_courtesies_are_coded(coder: Coder, text: str, category: str) -> None:
    assert category in categories(coder, text)


def test_presenting_a_play_is_no_consultation(coder: Coder) -> None:
    assert code(coder, "Cuban students presented a play at the theatre in Hanoi.") == []


def test_sharing_a_feeling_is_no_cooperation(coder: Coder) -> None:
    assert "COOPERATE" not in categories(
        coder, "The Cuban ambassador shared joy with the Vietnamese villagers."
    )


def test_sharing_intelligence_stays_cooperation(coder: Coder) -> None:
    assert "COOPERATE" in categories(coder, "Russia shared intelligence with Iran.")


def test_committing_a_deed_is_no_pledge(coder: Coder) -> None:
    assert "AGREE" not in categories(
        coder, "The Japanese authorities committed fascist violence against Korean residents."
    )


def test_committed_to_a_deal_stays_a_pledge(coder: Coder) -> None:
    assert "AGREE" in categories(coder, "Iran is committed to the nuclear deal with Russia.")


def test_defending_the_rights_of_its_own_people_is_no_support(coder: Coder) -> None:
    assert not categories(
        coder, "Cuba will more reliably defend the human rights of its people."
    ) & {"SUPPORT", "AGREE"}


@pytest.mark.parametrize(
    "text",
    [
        "The Vietnamese army is fully ready to thoroughly defend the security environment.",
        "The Cuban leader accepted the credentials of the Lao ambassador.",
        "This offers a glimpse of the Chilean officials' work style.",
        "The new task is in full accord with the policy of the Vietnamese party.",
        "Japan released contaminated water into the sea near Fukushima.",
        "The Cuban team will meet its Brazilian rival in the quarterfinals.",
    ],
)
def test_stances_glimpses_conformity_and_discharges_are_no_agreement(
    coder: Coder, text: str
) -> None:
    assert not categories(coder, text) & {"AGREE", "RETREAT"}


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Cuba is ready to help Venezuela rebuild its grid.", "AGREE"),
        ("Norway is willing to send material to Saudi Arabia.", "AGREE"),
        ("Japan is ready to impose sanctions on Russia.", "THREATEN"),
    ],
)
def test_ready_to_do_a_known_act_stays_coded(coder: Coder, text: str, category: str) -> None:
    assert category in categories(coder, text)


@pytest.mark.parametrize(
    "text",
    [
        "Iran said it would retaliate against any Israeli attack.",
        "The Syrian army will mercilessly punish the Turkish provocateurs.",
        "China said it will take strong countermeasures against Japan.",
    ],
)
def test_announced_punishment_is_a_threat(coder: Coder, text: str) -> None:
    assert "THREATEN" in categories(coder, text)


def test_a_retaliation_that_happened_is_an_attack(coder: Coder) -> None:
    assert categories(coder, "Israel retaliated against Iran on Saturday.") == {"ASSAULT"}


def test_a_court_punishing_is_no_threat(coder: Coder) -> None:
    assert "THREATEN" not in categories(coder, "A Kenyan court punished the Somali smugglers.")


@pytest.mark.parametrize(
    "text",
    [
        "Myanmar's junta imposed a ban on rallies in Yangon.",
        "Iran's suppression of Kurdish protesters continued for weeks.",
        "Russia's annexation of Crimea angered Ukraine.",
    ],
)
def test_nouns_of_repression_are_coercion(coder: Coder, text: str) -> None:
    assert "COERCE" in categories(coder, text)


@pytest.mark.parametrize(
    "text",
    [
        "The Vietnamese premier visited the flood-hit area in Quang Ninh.",
        "The Lao leader visited Xaysomboun Province where a dam was being built.",
    ],
)
def test_touring_areas_of_ones_own_country_is_no_consultation(coder: Coder, text: str) -> None:
    assert "CONSULT" not in categories(coder, text)


def test_new_year_cards_received_are_support(coder: Coder) -> None:
    events = code(coder, "The Lao president received New Year cards from the Cuban president.")
    assert "SUPPORT" in {e.category for e in events}


def test_a_law_banning_something_is_no_coercion(coder: Coder) -> None:
    assert "COERCE" not in categories(
        coder, "International law bans using civilians in Syria as a cover for military action."
    )


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The Mexican and Canadian leaders held a video call on Monday.", "CONSULT"),
    ],
)
def test_video_calls_are_consultations(coder: Coder, text: str, category: str) -> None:
    assert category in categories(coder, text)


@pytest.mark.parametrize(
    "text",
    ["The economic crisis hit Argentina hard.", "Typhoon Hagibis hit Japan on Saturday."],
)
def test_crises_and_storms_hitting_are_no_attack(coder: Coder, text: str) -> None:
    assert "ASSAULT" not in categories(coder, text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The Chinese foreign minister voiced support for the Iranian position.", "SUPPORT"),
        ("Japan registered a strong protest with China over the incursion.", "ACCUSE"),
    ],
)
def test_voiced_and_registered_stances(coder: Coder, text: str, category: str) -> None:
    assert category in categories(coder, text)


def test_meeting_tastes_is_no_meeting(coder: Coder) -> None:
    assert "CONSULT" not in categories(
        coder, "The Vietnamese houses should meet the modern tastes of the Lao buyers."
    )
