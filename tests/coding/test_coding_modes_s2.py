"""Modes read from the words around a trigger (flashpoint.coding.modes), on hand-written
sentences parsed by the real spaCy pipeline, and the mode tables checked against the
ontology."""

from __future__ import annotations

import pytest

from coder_checks import top
from conftest import make_article
from flashpoint.coding.coder import Coder
from flashpoint.coding.modes import MODE_CUES, REFINES, SCOPES
from flashpoint.ontology.plover import MODE_SCORE, MODES, cameo_root, plover_score


def test_modes_cue_tables_name_only_ontology_modes() -> None:
    for category, cues in MODE_CUES.items():
        assert category in SCOPES, category
        for mode, phrases in cues:
            assert mode in MODES[category], (category, mode)
            assert phrases.strip(), (category, mode)
    for (category, mode), finer in REFINES.items():
        assert mode in MODES[category]
        assert finer <= set(MODES[category]), (category, finer)


@pytest.mark.parametrize(
    ("text", "category", "mode"),
    [
        # ASSAULT: the weapon named in the clause
        (
            "Gunmen killed four police officers at a checkpoint near Peshawar.",
            "ASSAULT",
            "firearms",
        ),
        ("Two soldiers were killed by a roadside bomb in Helmand.", "ASSAULT", "explosives"),
        (
            "A Taliban suicide bomber killed twelve Pakistani worshippers in Quetta.",
            "ASSAULT",
            "suicide-attack",
        ),
        (
            "Three civilians were killed in a drone attack on a village in Yemen.",
            "ASSAULT",
            "drone",
        ),
        ("Five people were wounded in an artillery attack on Kharkiv.", "ASSAULT", "heavy-weapons"),
        ("Syrian aircraft killed nine civilians in Idlib province.", "ASSAULT", "aerial"),
        (
            "The militia attacked the camp with machetes, killing twenty refugees.",
            "ASSAULT",
            "primitive",
        ),
        ("Rebels killed the army commander of the northern region.", "ASSAULT", "targeted"),
        ("Soldiers sexually abused detainees at the prison, the report said.", "ASSAULT", "sexual"),
        # a finer cue replaces a broad lexicon mode
        ("Dozens of prisoners went on a hunger strike in Ankara.", "PROTEST", "hunger"),
        # CONSULT: how the meeting took place
        (
            "South Korea's foreign minister held talks by phone with Japan's premier.",
            "CONSULT",
            "phone",
        ),
        (
            "Blinken, who is on a visit to Manila, met President Marcos on Tuesday.",
            "CONSULT",
            "visit",
        ),
        (
            "Egypt and Jordan held a trilateral meeting with Iraq in Cairo.",
            "CONSULT",
            "multilateral",
        ),
        # REQUEST and REJECT: what is asked for or refused
        (
            "Seoul demanded the immediate release of its fishermen by North Korea.",
            "REQUEST",
            "yield",
        ),
        ("Pyongyang rejected dialogue with Washington.", "REJECT", "meet"),
        ("Kenyan students demanded the resignation of the interior minister.", "REQUEST", "change"),
        # THREATEN: the threatened act
        ("Iran threatened Israel with a devastating retaliation.", "THREATEN", "violence"),
        (
            "Russia warned Finland that it would face retaliation if it joined NATO.",
            "THREATEN",
            "violence",
        ),
        ("The United States threatened Iran with new sanctions.", "THREATEN", "restrict"),
        # SANCTION: a suspension discontinues
        ("Japan suspended its cultural exchanges with Russia.", "SANCTION", "discontinue"),
    ],
)
def test_modes_cued_by_the_clause(coder: Coder, text: str, category: str, mode: str) -> None:
    event = top(coder, text)
    assert (event.category, event.mode) == (category, mode)
    assert event.score == MODE_SCORE.get((category, mode), plover_score(category, None))
    assert event.cameo_root == cameo_root(category, mode)


@pytest.mark.parametrize(
    ("text", "category", "mode"),
    [
        # no cue: the mode stays empty rather than guessed
        ("Rebels killed six villagers in the north.", "ASSAULT", None),
        ("The Thai foreign minister met his Vietnamese counterpart on Friday.", "CONSULT", None),
        # the target of an attack is not its weapon
        ("Militants attacked a tank depot near the border.", "ASSAULT", None),
        # a visit before or after the meeting is another event
        ("A Chinese envoy met the Cypriot president ahead of his visit to Seoul.", "CONSULT", None),
        # the cause a threat answers is not what is threatened
        (
            "China warned Japan over its military drills, threatening to sever ties.",
            "THREATEN",
            "relations",
        ),
        # an accident is no air attack, and a leader's death in it no targeted killing
        (
            "Iran's president was killed in a helicopter crash near the Azerbaijani border.",
            "ASSAULT",
            None,
        ),
        # a condition names the other side's act, not the threatened one
        (
            "Beijing warned Tokyo that it would cut off diplomatic ties if Japan attacked the "
            "islands.",
            "THREATEN",
            "relations",
        ),
        ("Pyongyang warned Seoul over its artillery drills near the border.", "THREATEN", None),
        # the background of a long object is not what is refused
        (
            "Cuba rejected the resolution as a document contrary to the efforts of member "
            "states to ensure progress through dialogue.",
            "REJECT",
            None,
        ),
        # a summit of two sides is not multilateral
        ("Putin and Xi held a bilateral summit in Beijing.", "CONSULT", None),
    ],
)
def test_modes_not_cued_by_other_words(
    coder: Coder, text: str, category: str, mode: str | None
) -> None:
    event = top(coder, text)
    assert (event.category, event.mode) == (category, mode)


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Israeli artillery shelled the village, the army said.", "heavy-weapons"),  # kept
        ("Rebels kidnapped three engineers and later bombed a bridge.", "abduct"),  # kept
    ],
)
def test_modes_keep_a_specific_trigger_mode(coder: Coder, text: str, mode: str) -> None:
    assert top(coder, text).mode == mode


@pytest.mark.parametrize(
    ("text", "category", "mode"),
    [
        ("A U.S. drone strike killed four militants in Somalia.", "ASSAULT", "drone"),
        ("Kenyan police fired tear gas at protesters in Nairobi.", "ASSAULT", "crowd-control"),
        ("China urged Japan to change its stance on the talks.", "REQUEST", "change"),
        ("Ukraine asked Germany for more air defense systems.", "REQUEST", "assist"),
        ("Somalia asked the African Union for more peacekeepers.", "REQUEST", "assist"),
        (
            "Kim Yong Nam met and had a talk with the Swedish ambassador who paid a courtesy "
            "call on him.",
            "CONSULT",
            "visit",
        ),
    ],
)
def test_modes_finer_cue_or_own_cue(coder: Coder, text: str, category: str, mode: str) -> None:
    event = top(coder, text)
    assert (event.category, event.mode) == (category, mode)


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        # attending a multilateral meeting, as the act or its purpose
        (
            "A Chinese government delegation left Beijing for Kazan to attend the BRICS summit.",
            "multilateral",
        ),
        ("China, Russia and Iran held consultations in Beijing.", "multilateral"),
        # a visit the meeting is part of
        (
            "Japan's prime minister visited Berlin and held talks with the German chancellor.",
            "visit",
        ),
        (
            "Vietnam's foreign minister, who is on a visit to Seoul, met and had a talk with "
            "the South Korean premier.",
            "visit",
        ),
        # a bilateral meeting beside a summit, or by someone who attended one, stays bilateral
        ("Putin met Xi on the sidelines of the summit in Astana.", None),
        ("Mugabe met the Iranian ambassador, who took part in the energy forum in Dubai.", None),
    ],
)
def test_modes_meetings_multilateral_or_visit(coder: Coder, text: str, mode: str | None) -> None:
    events = [e for e in coder.code_article(make_article(text)) if e.category == "CONSULT"]
    assert events, f"no meeting coded for {text!r}"
    assert max(events, key=lambda e: e.confidence).mode == mode


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        # held in one side's country: the other side visits
        ("Kim Jong Un met Vladimir Putin in Vladivostok.", "visit"),
        # held in a country of neither side: a third-party venue
        ("American and Russian diplomats met in Geneva on Tuesday.", "third-party"),
        # a place in the topic is not where the meeting was
        ("China and Russia discussed the situation in Ukraine.", None),
    ],
)
def test_modes_meeting_place_decides_visit_or_third_party(
    coder: Coder, text: str, mode: str | None
) -> None:
    event = top(coder, text)
    assert (event.category, event.mode) == ("CONSULT", mode)


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        # a consequence clause shares the subject that names the weapon
        ("A Russian drone hit a bus in Kherson, killing two.", "drone"),
        # a title before the victim's name
        ("Israel killed Hamas leader Ismail Haniyeh in Tehran.", "targeted"),
        # the trigger's own mode wins over a less specific cue: live fire is not crowd-control
        ("Kenyan police fired tear gas and live bullets at protesters in Nairobi.", "firearms"),
    ],
)
def test_modes_assault_subject_title_and_rank(coder: Coder, text: str, mode: str) -> None:
    event = top(coder, text)
    assert (event.category, event.mode) == ("ASSAULT", mode)
