"""Precision rules of the coder: what is not a political event, and implicit recipients.

Hand-written news sentences through the real pipeline; each test names one general rule.
"""

from __future__ import annotations

import pytest

from conftest import make_article
from flashpoint.coding.coder import Coder
from flashpoint.models import Event


def code(coder: Coder, text: str) -> list[Event]:
    return coder.code_article(make_article(text, published="2024-04-03"))


def categories(coder: Coder, text: str) -> set[str]:
    return {e.category for e in code(coder, text)}


def only(coder: Coder, text: str, category: str) -> Event:
    found = [e for e in code(coder, text) if e.category == category]
    assert len(found) == 1, f"expected one {category} in {text!r}, got {found}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("The foreign ministry released a statement on Sunday.", "RETREAT"),
        ("Pyongyang released a video of the parade.", "RETREAT"),
        ("VOA spoke with the former minister about the talks.", "CONSULT"),
        ("The senator talked to reporters in Washington.", "CONSULT"),
        ("The ministry did not reply to an email requesting comment.", "REQUEST"),
        ("Security analysts praised ECOWAS for its standby force.", "SUPPORT"),
        ("Experts warned that Iran could enrich more uranium.", "THREATEN"),
        ("It was a mistake to support the plan.", "SUPPORT"),
        ("If you are willing to help, we will try.", "AGREE"),
        ("The court upheld the Dayton Accords on Monday.", "AGREE"),
        ("The drills show the intention of Washington to seize hegemony in Asia.", "COERCE"),
        ("People took to social media, sharing photos and videos.", "COOPERATE"),
        ("Kenyan officials warned that the fire is too big to put out.", "THREATEN"),
        ("U.S. officials warned in July of a possible resurgence in Iraq.", "THREATEN"),
        ("The EU states struck a balance between growth and debt.", "ASSAULT"),
        ("Kenya has been hosting refugees from Somalia for decades.", "CONSULT"),
        ("The Malawian ministers have until Friday to appeal the court's ruling.", "REQUEST"),
        ("The United States and its allies commit provocations every year.", "AGREE"),
        ("The Pentagon declined to respond to questions about the detainees.", "REJECT"),
        ("The case went before the court in mid-March, Kenya said.", "PROTEST"),
        ("NATO aims to increase military spending in Europe.", "MOBILIZE"),
        ("Security analyst Kabiru Adamu welcomed the Nigerian move.", "SUPPORT"),
        ("Canadian firefighters battled blazes in Australia.", "ASSAULT"),
        ("The Nigerian government vowed to fight corruption.", "ASSAULT"),
        ("The Azerbaijani suspect pleaded guilty to attempted murder in New York.", "REQUEST"),
        ("The Hong Kong prosecutor asked Lai if he agreed with the charges.", "REQUEST"),
        ("'Why did Kenya do it?', the Somali minister asked.", "REQUEST"),
        ("Germany must act faster to meet the limits of the Paris pact.", "CONSULT"),
        ("Korean students demonstrated their ability in Seoul.", "PROTEST"),
        ("A UN report to be released next month says Iran enriched uranium.", "RETREAT"),
        ("Ghani said the Taliban should know that they will not win.", "REQUEST"),
    ],
)
def test_precision_non_events_are_not_coded(coder: Coder, text: str, absent: str) -> None:
    assert absent not in categories(coder, text)


def test_precision_freeing_people_is_still_a_release(coder: Coder) -> None:
    event = only(coder, "Hamas released two Israeli hostages on Friday.", "RETREAT")
    assert event.mode == "release"


def test_precision_sharing_intelligence_with_a_state_is_cooperation(coder: Coder) -> None:
    event = only(coder, "Israel shared intelligence with the United States.", "COOPERATE")
    assert [a.code for a in event.actors] == ["ISR"]


def test_precision_blocking_websites_is_censorship_and_blocking_roads_is_protest(
    coder: Coder,
) -> None:
    assert only(coder, "Authorities in Iran blocked access to Instagram.", "COERCE").mode == (
        "censor"
    )
    assert only(coder, "Farmers blocked roads near Brussels.", "PROTEST").mode == "obstruct"


def test_precision_workers_stopping_work_is_a_strike(coder: Coder) -> None:
    assert only(
        coder, "Thousands of French dock workers stopped work on Monday.", "PROTEST"
    ).mode == ("strike")


@pytest.mark.parametrize(
    "text",
    [
        "Britain needs to suspend immigration for three years.",
        "Serbia and Kosovo were supposed to sign the agreement last year.",
    ],
)
def test_precision_necessity_and_expectation_are_not_asserted(coder: Coder, text: str) -> None:
    events = code(coder, text)
    assert events
    assert all(e.status != "asserted" for e in events)


def test_precision_passive_raising_subject_is_the_actor(coder: Coder) -> None:
    event = next(e for e in code(coder, "Blinken is expected to meet Wang Yi in Beijing."))
    assert [a.code for a in event.actors] == ["USA"]
    assert "USA" not in [r.code for r in event.recipients]


def test_precision_troops_withdrawing_is_retreat(coder: Coder) -> None:
    event = only(coder, "Ethiopian troops withdrew from Somalia on Friday.", "RETREAT")
    assert event.mode == "withdraw"


def test_precision_domestic_arrest_targets_the_place_population(coder: Coder) -> None:
    event = only(coder, "Police arrested 20 protesters in Tbilisi on Saturday.", "COERCE")
    assert [(r.code, r.sector) for r in event.recipients] == [("GEO", "CVL")]


def test_precision_protest_without_target_is_against_own_government(coder: Coder) -> None:
    event = only(coder, "Thousands of Kenyan students protested on Tuesday.", "PROTEST")
    assert [(r.code, r.sector) for r in event.recipients] == [("KEN", "GOV")]


def test_precision_curfew_without_place_targets_the_actors_country(coder: Coder) -> None:
    event = only(coder, "The Turkish government imposed a curfew after the riots.", "COERCE")
    assert [(r.code, r.sector) for r in event.recipients] == [("TUR", "CVL")]


def test_precision_mobilized_forces_are_not_the_recipient(coder: Coder) -> None:
    event = only(coder, "South Korea's government put its military on alert.", "MOBILIZE")
    assert [a.code for a in event.actors] == ["KOR"]
    assert event.recipients == ()


def test_precision_deployment_abroad_targets_the_host_but_not_at_home(coder: Coder) -> None:
    abroad = only(coder, "Russia deployed troops in Belarus on Monday.", "MOBILIZE")
    assert [r.code for r in abroad.recipients] == ["BLR"]
    home = only(coder, "Russia deployed troops in Moscow on Monday.", "MOBILIZE")
    assert home.recipients == ()


def test_precision_warning_of_own_action_is_a_threat(coder: Coder) -> None:
    text = "Egypt's security chief warned that police will no longer tolerate rallies."
    assert "THREATEN" in categories(coder, text)


def test_precision_striking_a_deal_is_agreement(coder: Coder) -> None:
    event = only(coder, "Greece and Egypt struck a deal on maritime borders.", "AGREE")
    assert {a.code for a in event.actors} == {"GRC", "EGY"}


def test_precision_stance_passives_keep_the_subject_as_actor(coder: Coder) -> None:
    committed = only(coder, "China is committed to peace with its neighbours.", "AGREE")
    assert [a.code for a in committed.actors] == ["CHN"]
    opposed = only(coder, "Israel is opposed to French mediation with Syria.", "REJECT")
    assert [a.code for a in opposed.actors] == ["ISR"]


def test_precision_refusing_to_answer_a_demand_is_a_rejection(coder: Coder) -> None:
    text = "Haniyeh's government refused to respond to a demand from Washington."
    assert "REJECT" in categories(coder, text)


def test_precision_according_to_a_plan_is_not_a_claim(coder: Coder) -> None:
    planned = only(coder, "Russian troops withdrew from Kherson according to plan.", "RETREAT")
    assert planned.status == "asserted"
    sourced = only(
        coder, "Russian troops withdrew from Kherson, according to officials.", "RETREAT"
    )
    assert sourced.status == "alleged"


def test_precision_bare_participle_shares_the_modal_of_its_clause(coder: Coder) -> None:
    events = code(coder, "The United States may impose sanctions on Somalia, cutting aid.")
    assert events
    assert all(e.status == "hypothetical" for e in events if e.category == "SANCTION")


def test_precision_unnamed_attackers_are_coded_to_the_place(coder: Coder) -> None:
    event = only(coder, "A journalist was shot dead in Beirut on Monday.", "ASSAULT")
    assert [a.code for a in event.actors] == ["LBN"]
    assert event.actors[0].name == "Beirut"


def test_precision_crowd_without_nationality_takes_the_place(coder: Coder) -> None:
    event = only(coder, "Thousands of people blocked streets in Nairobi on Tuesday.", "PROTEST")
    assert [(a.code, a.sector) for a in event.actors] == [("KEN", "CVL")]


def test_precision_possessive_pronoun_gives_the_actor(coder: Coder) -> None:
    text = "Bosnian Serbs said their forces had completed the withdrawal from Gorazde."
    event = only(coder, text, "RETREAT")
    assert [a.code for a in event.actors] == ["BIH"]


def recipient_codes(event: Event) -> list[str]:
    return [r.code for r in event.recipients]


def test_recipients_object_prepositions_name_the_beneficiary(coder: Coder) -> None:
    event = only(coder, "Britain has promised to continue military aid to Mozambique.", "AGREE")
    assert recipient_codes(event) == ["MOZ"]


def test_recipients_a_threat_targets_the_subject_of_its_condition(coder: Coder) -> None:
    text = "Russia threatened to stop the talks if the United States deploys new missiles."
    event = only(coder, text, "THREATEN")
    assert recipient_codes(event) == ["USA"]


def test_recipients_lifting_an_emergency_concedes_to_the_population(coder: Coder) -> None:
    event = only(coder, "Sudan's government lifted the state of emergency on Sunday.", "CONCEDE")
    assert [(r.code, r.sector) for r in event.recipients] == [("SDN", "CVL")]


def test_recipients_an_ethnic_people_is_placed_where_the_event_happens(coder: Coder) -> None:
    event = only(coder, "Serb forces killed three ethnic Albanians in Belgrade.", "ASSAULT")
    assert recipient_codes(event) == ["SRB"]


def test_recipients_firing_on_a_crowd_targets_the_actors_population(coder: Coder) -> None:
    text = "Egyptian police opened fire to disperse demonstrators on Monday."
    event = only(coder, text, "ASSAULT")
    assert [(r.code, r.sector) for r in event.recipients] == [("EGY", "CVL")]


def test_recipients_northern_ireland_is_part_of_the_united_kingdom(coder: Coder) -> None:
    text = "The British government outlawed a Protestant militia in Northern Ireland."
    event = only(coder, text, "COERCE")
    assert recipient_codes(event) == ["GBR"]


@pytest.mark.parametrize(
    ("text", "category", "mode"),
    [
        ("Rebels in Mali dismissed an appeal from the president to lay down arms.", "REJECT", None),
        ("Palestinian youths threw stones at Israeli soldiers in Hebron.", "PROTEST", "riot"),
        ("Palestinians in Gaza shunned work on Monday.", "PROTEST", "strike"),
        ("Italy placed the American student under investigation.", "ACCUSE", "investigate"),
        (
            "Ethnic Albanians have sworn to fight until they gain control of villages.",
            "THREATEN",
            None,
        ),
    ],
)
def test_coding_more_general_triggers(
    coder: Coder, text: str, category: str, mode: str | None
) -> None:
    event = only(coder, text, category)
    if mode is not None:
        assert event.mode == mode


def test_coding_cooperation_withheld_unless_is_a_threat(coder: Coder) -> None:
    text = "Nigeria said it will withdraw its force from Chad unless a ceasefire is arranged."
    assert "THREATEN" in categories(coder, text)
    assert "AGREE" not in categories(coder, text)


def test_coding_a_rally_to_protest_is_a_protest(coder: Coder) -> None:
    text = "Thousands of Nigerians converged for a rally in Lagos to protest the new law."
    assert "PROTEST" in categories(coder, text)


def test_coding_hypothetical_events_rank_below_what_happened(coder: Coder) -> None:
    events = code(coder, "Japan condemned the launch and said it may impose sanctions.")
    best = max(events, key=lambda e: e.confidence)
    assert best.category == "ACCUSE"


def test_precision_asking_someone_to_act_is_still_a_request(coder: Coder) -> None:
    event = only(coder, "Dodik said he would ask Russia to veto the extension.", "REQUEST")
    assert [r.code for r in event.recipients] == ["RUS"]


def test_precision_killing_people_abroad_is_not_aimed_at_ones_own(coder: Coder) -> None:
    event = only(coder, "The U.S. killed hundreds of thousands of people in 1945.", "ASSAULT")
    assert "USA" not in [r.code for r in event.recipients]


def test_precision_a_destination_does_not_place_the_actor(coder: Coder) -> None:
    text = "Immigration agents deported 177 detainees from Guantanamo Bay to Honduras."
    event = only(coder, text, "COERCE")
    assert "HND" not in [a.code for a in event.actors]


def test_precision_ability_is_not_an_act(coder: Coder) -> None:
    events = code(coder, "The Russian army is able to fight a real war in Ukraine.")
    assert all(e.status != "asserted" for e in events if e.category == "ASSAULT")


def test_actors_coordinated_nationalities_before_one_noun(coder: Coder) -> None:
    event = only(coder, "Senior Greek and Turkish officials agreed to resume talks.", "AGREE")
    assert {a.code for a in event.actors} == {"GRC", "TUR"}


def test_actors_engaged_in_keeps_the_subject_as_actor(coder: Coder) -> None:
    event = only(coder, "Serb forces were engaged in heavy fighting near Pristina.", "ASSAULT")
    assert [a.code for a in event.actors] == ["SRB"]


def test_places_outside_of_the_city_of_is_a_location(coder: Coder) -> None:
    event = only(coder, "Three soldiers were killed outside of the city of Mosul.", "ASSAULT")
    assert event.location is not None
    assert event.location.name == "Mosul"
    assert [a.code for a in event.actors] == ["IRQ"]


@pytest.mark.parametrize(
    ("text", "category", "actor_codes"),
    [
        ("U.S. and Chinese negotiators met in Geneva for talks.", "CONSULT", {"USA", "CHN"}),
        (
            "The Qatari emir undertook a mediation mission between Egypt and Sudan.",
            "CONSULT",
            {"QAT"},
        ),
        ("Arafat defended Iraq against Western criticism on Friday.", "SUPPORT", {"PSE"}),
        ("The IAEA dispatched inspectors to Iran on Monday.", "ACCUSE", {"IGO:IAEA"}),
        ("NATO said it would tighten the naval blockade of Serbia.", "THREATEN", {"IGO:NATO"}),
        ("Rebels in Mali blocked transport into Bamako on Tuesday.", "PROTEST", {"MLI"}),
    ],
)
def test_coding_general_frames_and_their_actors(
    coder: Coder, text: str, category: str, actor_codes: set[str]
) -> None:
    event = only(coder, text, category)
    assert {a.code for a in event.actors} == actor_codes


def test_recipients_a_border_adjective_is_no_party(coder: Coder) -> None:
    text = "Burmese troops captured a rebel stronghold on the Thai border on Monday."
    event = only(coder, text, "ASSAULT")
    assert "THA" not in recipient_codes(event)


def test_recipients_an_ethnic_population_is_placed_by_the_event(coder: Coder) -> None:
    text = "Serb forces attacked the Albanian population in southeastern Serbia."
    event = only(coder, text, "ASSAULT")
    assert recipient_codes(event) == ["SRB"]


def test_recipients_the_place_left_is_not_a_party_to_a_withdrawal(coder: Coder) -> None:
    text = "EU ministers demanded the withdrawal of Serbian forces from Bosnia."
    event = only(coder, text, "REQUEST")
    assert recipient_codes(event) == ["SRB"]


def test_places_an_adjective_after_the_keeps_the_cue(coder: Coder) -> None:
    event = only(coder, "Israeli troops remained on alert in the occupied West Bank.", "MOBILIZE")
    assert recipient_codes(event) == ["PSE"]


def test_places_northern_ireland_is_british(coder: Coder) -> None:
    event = only(coder, "Police arrested six men in Northern Ireland.", "COERCE")
    assert event.location is not None
    assert event.location.country == "GBR"


@pytest.mark.parametrize(
    "text",
    [
        "U.S. Secretary of State Blinken telephoned Chinese Foreign Minister Wang Yi on Tuesday.",
        "Israel held talks with Lebanon on the maritime border.",
    ],
)
def test_actors_calls_and_talks_are_reciprocal(coder: Coder, text: str) -> None:
    event = only(coder, text, "CONSULT")
    assert len({a.code for a in event.actors}) == 2
    assert event.recipients == ()
    assert event.reciprocal


def test_actors_a_visit_keeps_host_as_recipient(coder: Coder) -> None:
    event = only(coder, "Japanese Prime Minister Kishida visited Seoul on Sunday.", "CONSULT")
    assert [a.code for a in event.actors] == ["JPN"]
    assert recipient_codes(event) == ["KOR"]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Rodong Sinmun: An editorial calls for increased production in North Korea.", "REQUEST"),
        ("Peace in Ukraine is destroyed by the old international order.", "ASSAULT"),
        ("Houses in Jagang Province were destroyed by the flood.", "ASSAULT"),
        ("Russia used cluster bombs banned by international law.", "COERCE"),
        ("Russia used long-range weapons offered by the U.S.", "AGREE"),
    ],
)
def test_precision_more_non_events(coder: Coder, text: str, absent: str) -> None:
    assert absent not in categories(coder, text)


def test_status_no_one_killed_is_negated(coder: Coder) -> None:
    event = only(coder, "Pakistani officials said no passengers were killed.", "ASSAULT")
    assert event.status == "negated"


def test_status_an_incited_attack_is_not_asserted(coder: Coder) -> None:
    text = "NATO is inciting Ukraine to attack the territory of Russia."
    assert all(e.status != "asserted" for e in code(coder, text) if e.category == "ASSAULT")


def test_recipients_bare_civilians_are_not_given_the_articles_country(coder: Coder) -> None:
    text = (
        "The U.S. supplied the weapons. The U.S. is to blame. "
        "Ukrainian forces carried out an attack against civilians."
    )
    event = only(coder, text, "ASSAULT")
    assert "USA" not in recipient_codes(event)


def test_recipients_bare_protesters_at_home_stay_domestic(coder: Coder) -> None:
    text = "Georgia's parliament passed the law. Georgian police arrested protesters."
    event = only(coder, text, "COERCE")
    assert recipient_codes(event) == ["GEO"]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("A North Korean essay says officials should love the people.", "REQUEST"),
        ("The U.S. is strengthening the military alliance with Japan.", "MOBILIZE"),
    ],
)
def test_precision_attitudes_alliances_and_noun_modifiers(
    coder: Coder, text: str, absent: str
) -> None:
    assert absent not in categories(coder, text)


def test_coding_launch_activities_are_launches(coder: Coder) -> None:
    text = "North Korea conducted two separate missile launch activities on Tuesday."
    assert only(coder, text, "MOBILIZE").mode == "weapons"


def test_status_a_banned_act_is_not_asserted(coder: Coder) -> None:
    text = "International law bans forcibly mobilizing civilians in Gaza for military operations."
    assert all(e.status != "asserted" for e in code(coder, text) if e.category == "MOBILIZE")


def test_parser_reads_non_breaking_spaces_as_spaces(coder: Coder) -> None:
    text = (
        "The DPRK Academy of Defence Sciences conducted a test-fire of 240 mm-caliber "
        "multiple rocket launcher shells\u00a0under production at defence enterprises."
    )
    assert categories(coder, text) == {"MOBILIZE"}
    assert all(text[e.trigger.start : e.trigger.end] == e.trigger.text for e in code(coder, text))


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ("Kim Jong Un sent a congratulatory message to Vladimir Putin.", "PRK", "RUS"),
        ("A floral basket was sent to Chinese President Xi Jinping by Kim Jong Un.", "PRK", "CHN"),
        ("Kim Jong Un received a message of greeting from the President of Laos.", "LAO", "PRK"),
    ],
)
def test_support_messages_of_goodwill_and_their_direction(
    coder: Coder, text: str, actor: str, recipient: str
) -> None:
    event = only(coder, text, "SUPPORT")
    assert [a.code for a in event.actors] == [actor]
    assert recipient_codes(event) == [recipient]


def test_support_aid_received_comes_from_the_giver(coder: Coder) -> None:
    event = only(coder, "Japan received aid from the United States.", "AID")
    assert [a.code for a in event.actors] == ["USA"]
    assert recipient_codes(event) == ["JPN"]


def test_consult_a_delegation_leaving_for_a_capital_visits_it(coder: Coder) -> None:
    text = "A delegation of the DPRK led by its foreign minister left Pyongyang for Moscow."
    event = only(coder, text, "CONSULT")
    assert event.mode == "visit"
    assert recipient_codes(event) == ["RUS"]


def test_consult_troops_leaving_for_the_front_is_no_visit(coder: Coder) -> None:
    assert "CONSULT" not in categories(coder, "Russian troops left Belgorod for the front.")


@pytest.mark.parametrize(
    "text",
    [
        "The Russian ambassador extolled the DPRK's achievements.",
        "Vietnam paid tribute to Kim Il Sung on Monday.",
        "Laos expressed gratitude to the DPRK for its support.",
        "Putin expressed deep thanks to Kim Jong Un.",
    ],
)
def test_support_praise_tribute_and_thanks(coder: Coder, text: str) -> None:
    event = only(coder, text, "SUPPORT")
    assert event.actors
    assert event.recipients


def test_recipients_a_purpose_clause_names_the_target(coder: Coder) -> None:
    text = "French farmers blocked roads on Monday to protest against the European Union's rules."
    event = next(e for e in code(coder, text) if e.mode == "obstruct")
    assert recipient_codes(event) == ["IGO:EU"]
