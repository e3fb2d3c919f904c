"""The coder end to end on hand-written news sentences, with the real spaCy pipeline."""

from __future__ import annotations

import pytest

from coder_checks import top
from conftest import make_article
from flashpoint.coding.coder import Coder
from flashpoint.config import Settings
from flashpoint.models import Event


def code(coder: Coder, text: str, published: str = "2024-04-03") -> list[Event]:
    return coder.code_article(make_article(text, published=published))


def codes(entities: tuple[object, ...]) -> list[str]:
    return [e.code for e in entities]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "category", "mode"),
    [
        ("North Korea test-fired a new ballistic missile on Monday.", "MOBILIZE", "weapons"),
        ("Russia deployed thousands of troops to the border.", "MOBILIZE", "troops"),
        ("Russian jets bombed rebel positions near Idlib.", "ASSAULT", "aerial"),
        ("Russian artillery shelled the town of Avdiivka overnight.", "ASSAULT", "heavy-weapons"),
        ("Afghan gunmen shot dead three police officers in Kandahar.", "ASSAULT", "firearms"),
        ("A car bomb exploded outside the ministry in Baghdad.", "ASSAULT", "explosives"),
        ("The United States condemned the test.", "ACCUSE", "disapprove"),
        ("Japan accused China of sending spy balloons.", "ACCUSE", "allege"),
        ("Prosecutors in Seoul are investigating the leak.", "ACCUSE", "investigate"),
        ("Kim Jong Un visited Moscow last week.", "CONSULT", "visit"),
        ("President Biden spoke by phone with Prime Minister Kishida.", "CONSULT", "phone"),
        ("Leaders of the G7 met in Hiroshima for a summit.", "CONSULT", "multilateral"),
        ("Seoul urged Pyongyang to return to dialogue.", "REQUEST", "meet"),
        ("Japan urged China to release the detained businessman.", "REQUEST", "yield"),
        ("The foreign minister of Peru refused to meet Chile's envoy.", "REJECT", "meet"),
        ("China warned it would impose sanctions on Lithuania.", "THREATEN", "restrict"),
        ("The European Union imposed new sanctions on Russia.", "SANCTION", None),
        ("Poland expelled two Russian diplomats.", "SANCTION", "expel"),
        ("Police arrested dozens of protesters in Tbilisi.", "COERCE", "arrest"),
        ("Thailand deported 40 Uyghurs to China.", "COERCE", "deport"),
        ("Iranian forces seized a British tanker.", "COERCE", "seize"),
        ("Hamas released two Israeli hostages on Friday.", "RETREAT", "release"),
        ("Israel withdrew its troops from Gaza.", "RETREAT", "withdraw"),
        ("Hezbollah declared a ceasefire in south Lebanon.", "RETREAT", "ceasefire"),
        ("Japan lodged a protest with China over the incident.", "ACCUSE", "disapprove"),
        ("Students staged protests in Dhaka against the quota system.", "PROTEST", "demo"),
    ],
)
def test_coder_codes_category_and_mode(
    coder: Coder, text: str, category: str, mode: str | None
) -> None:
    event = top(coder, text)
    assert (event.category, event.mode) == (category, mode)


def test_coder_actor_is_subject_and_recipient_is_object(coder: Coder) -> None:
    event = top(coder, "Seoul urged Pyongyang to return to dialogue.")
    assert codes(event.actors) == ["KOR"]
    assert codes(event.recipients) == ["PRK"]


def test_coder_passive_agent_is_actor_and_subject_is_recipient(coder: Coder) -> None:
    event = top(coder, "North Korea was condemned by Japan on Tuesday.")
    assert event.category == "ACCUSE"
    assert codes(event.actors) == ["JPN"]
    assert codes(event.recipients) == ["PRK"]


def test_coder_compound_actors_make_one_event(coder: Coder) -> None:
    events = code(coder, "The launch was condemned by Japan and South Korea.")
    assert len(events) == 1
    assert codes(events[0].actors) == ["JPN", "KOR"]


def test_coder_reciprocal_meeting_lists_both_and_no_recipient(coder: Coder) -> None:
    event = top(coder, "China and Russia held talks in Moscow on Friday.")
    assert event.category == "CONSULT"
    assert sorted(codes(event.actors)) == ["CHN", "RUS"]
    assert event.recipients == ()
    assert event.reciprocal is True


def test_coder_joint_drills_of_two_countries_are_cooperation(coder: Coder) -> None:
    event = top(coder, "China and Russia held joint naval drills in the Sea of Japan.")
    assert event.category == "COOPERATE"


def test_coder_pronoun_subject_resolves_to_the_earlier_actor(coder: Coder) -> None:
    events = code(coder, "North Korea launched a missile on Tuesday. It also fired artillery.")
    assert [e.category for e in events] == ["MOBILIZE", "MOBILIZE"]
    assert codes(events[1].actors) == ["PRK"]


def test_coder_speaker_is_attribution_not_actor(coder: Coder) -> None:
    event = top(coder, "Moscow said that Ukrainian forces shelled Belgorod.")
    assert event.category == "ASSAULT"
    assert codes(event.actors) == ["UKR"]
    assert event.attribution is not None
    assert event.attribution.code == "RUS"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("North Korea launched a missile on Sunday.", "asserted"),
        ("North Korea did not launch a missile on Sunday.", "negated"),
        ("North Korea will launch a satellite next month.", "future"),
        ("North Korea could launch a missile at any time.", "hypothetical"),
        ("North Korea allegedly supplied artillery shells to Russia.", "alleged"),
        ("In 2006, North Korea conducted its first nuclear test.", "historical"),
    ],
)
def test_coder_status(coder: Coder, text: str, status: str) -> None:
    assert top(coder, text).status == status


def test_coder_future_aid_is_an_agreement(coder: Coder) -> None:
    event = top(coder, "Japan will provide emergency food aid to Sudan.")
    assert (event.category, event.status) == ("AGREE", "asserted")


def test_coder_conditional_attack_is_a_threat(coder: Coder) -> None:
    events = code(coder, "If Iran attacks Israel, the United States could strike Iranian bases.")
    threat = max(events, key=lambda e: e.confidence)
    assert (threat.category, threat.mode) == ("THREATEN", "violence")
    assert codes(threat.actors) == ["USA"]


def test_coder_codes_one_event_per_clause(coder: Coder) -> None:
    events = code(
        coder, "North Korea fired two missiles on Monday, and South Korea condemned the launch."
    )
    assert [(e.category, codes(e.actors)) for e in events] == [
        ("MOBILIZE", ["PRK"]),
        ("ACCUSE", ["KOR"]),
    ]


def test_coder_offsets_point_at_the_evidence(coder: Coder) -> None:
    text = (
        "Tensions rose on the peninsula. Seoul urged Pyongyang to return to dialogue, "
        "officials said.\nJapan condemned the test."
    )
    article = make_article(text)
    events = coder.code_article(article)
    assert events
    for event in events:
        for span in (event.sentence, event.trigger):
            assert article.text[span.start : span.end] == span.text
        for entity in (*event.actors, *event.recipients):
            assert article.text[entity.start : entity.end] == entity.name
        assert event.sentence.start <= event.trigger.start < event.sentence.end


def test_coder_scores_quad_class_and_cameo_root(coder: Coder) -> None:
    event = top(coder, "North Korea test-fired a new ballistic missile on Monday.")
    assert (event.score, event.quad_class, event.cameo_root) == (-6.5, 4, "15")
    accuse = top(coder, "The United States condemned the test.")
    assert (accuse.score, accuse.quad_class, accuse.cameo_root) == (-2.0, 3, "11")


def test_coder_dates_the_event_from_the_sentence(coder: Coder) -> None:
    event = top(coder, "North Korea test-fired a new ballistic missile on Monday.")
    assert event.date.value == "2024-04-01"


def test_coder_context_labels_military_and_cbrn(coder: Coder) -> None:
    event = top(coder, "In 2006, North Korea conducted its first nuclear test.")
    assert {"military", "cbrn"} <= set(event.context)


def test_coder_ids_are_deterministic_across_runs(parser_model: str) -> None:
    text = "Seoul urged Pyongyang to return to dialogue. Japan condemned the test."
    first = Coder(Settings(model=parser_model)).code_article(make_article(text))
    second = Coder(Settings(model=parser_model)).code_article(make_article(text))
    assert [e.to_dict() for e in first] == [e.to_dict() for e in second]
    assert len({e.event_id for e in first}) == len(first)


def test_coder_streams_articles_in_order_with_their_own_events(coder: Coder) -> None:
    articles = [
        make_article("Japan condemned the test.", id="a"),
        make_article("The weather was fine in Paris.", id="b"),
        make_article("Seoul urged Pyongyang to return to dialogue.", id="c"),
    ]
    out = list(coder.code_articles(articles))
    assert [a.id for a, _ in out] == ["a", "b", "c"]
    assert [len(events) for _, events in out] == [1, 0, 1]
    assert all(e.article_id == a.id for a, events in out for e in events)
