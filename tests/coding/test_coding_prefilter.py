"""The prefilter: which sentences are worth parsing, and the PLOVER tables it relies on."""

from __future__ import annotations

import pytest

from flashpoint.coding.prefilter import has_trigger_candidate, select_sentences
from flashpoint.nlp import split_sentences
from flashpoint.ontology.plover import MODES, cameo_root, plover_score, quad_class


def _has_country(text: str):  # type: ignore[no-untyped-def]
    def has_actor(start: int, end: int) -> bool:
        return any(name in text[start:end] for name in ("Japan", "Korea", "China"))

    return has_actor


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("North Korea fired two missiles.", True),
        ("Officials test-fired a rocket.", True),
        ("Seoul condemned the launches.", True),
        ("The weather was mild across the region.", False),
        ("He set the table.", False),  # "set" is a trigger only with "fire"
        ("Settlers set fire to the offices.", True),
    ],
)
def test_prefilter_trigger_candidates_need_their_argument_words(
    sentence: str, expected: bool
) -> None:
    assert has_trigger_candidate(sentence) is expected


def test_prefilter_skips_sentences_without_actor_or_trigger() -> None:
    text = (
        "Japan condemned the launch. The weather was mild. "
        "Someone condemned the plan. China enjoyed a concert."
    )
    chosen = select_sentences(split_sentences(text), _has_country(text))
    assert [span.text for _, span, _ in chosen] == ["Japan condemned the launch."]


def test_prefilter_passes_pronoun_subjects_after_an_actor() -> None:
    text = "It fired a missile. Japan protested. They condemned the launch."
    chosen = select_sentences(split_sentences(text), _has_country(text))
    assert [(span.text, via) for _, span, via in chosen] == [
        ("Japan protested.", False),
        ("They condemned the launch.", True),
    ]


def test_prefilter_off_parses_every_sentence() -> None:
    text = "The weather was mild. Someone condemned the plan."
    chosen = select_sentences(split_sentences(text), _has_country(text), prefilter=False)
    assert len(chosen) == 2


@pytest.mark.parametrize(
    ("category", "mode", "score", "quad", "root"),
    [
        ("ACCUSE", None, -3.0, 3, "11"),  # the manual's +3 is read as a sign slip
        ("ACCUSE", "investigate", -3.5, 3, "09"),
        ("MOBILIZE", "weapons", -6.5, 4, "15"),
        ("ASSAULT", "aerial", -9.5, 4, "19"),
        ("ASSAULT", "abduct", -8.5, 4, "18"),
        ("RETREAT", "ceasefire", 7.5, 2, "08"),
        ("CONSULT", "phone", 1.5, 1, "04"),
        ("REQUEST", "meet", 0.0, 3, "10"),
    ],
)
def test_ontology_scores_quad_classes_and_cameo_roots(
    category: str, mode: str | None, score: float, quad: int, root: str
) -> None:
    assert plover_score(category, mode) == score
    assert quad_class(category) == quad
    assert cameo_root(category, mode) == root


def test_ontology_lists_the_modes_the_coder_must_support() -> None:
    assert {"weapons", "troops"} <= set(MODES["MOBILIZE"])
    assert {"aerial", "heavy-weapons", "firearms", "explosives"} <= set(MODES["ASSAULT"])
    assert {"arrest", "deport", "seize"} <= set(MODES["COERCE"])
    assert {"release", "withdraw", "ceasefire"} <= set(MODES["RETREAT"])
