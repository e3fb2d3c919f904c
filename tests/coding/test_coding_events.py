"""Frames from hand-built parses: triggers, modes, wrappers and one event per clause.

No spaCy here: sentences are written as (word, lemma, pos, dep, head) rows.
"""

from __future__ import annotations

import pytest

from flashpoint.coding.clauses import ParseView
from flashpoint.coding.events import find_frames
from flashpoint.coding.status import event_status
from flashpoint.models import ParsedSentence, Token

Row = tuple[str, str, str, str, int]


def parse(rows: list[Row]) -> ParseView:
    """A ParsedSentence from rows; heads are row indices, the root points to itself."""
    tokens = []
    pos = 0
    for i, (word, lemma, upos, dep, head) in enumerate(rows):
        tag = {"VERB": "VBD", "NOUN": "NNS", "PROPN": "NNP"}.get(upos, upos)
        tokens.append(Token(i, word, lemma, upos, tag, dep, head, pos, pos + len(word)))
        pos += len(word) + 1
    text = " ".join(r[0] for r in rows)
    return ParseView(ParsedSentence("a1", 0, 0, len(text), text, tuple(tokens)))


FIRED_MISSILES: list[Row] = [
    ("Pyongyang", "Pyongyang", "PROPN", "nsubj", 1),
    ("fired", "fire", "VERB", "ROOT", 1),
    ("two", "two", "NUM", "nummod", 3),
    ("missiles", "missile", "NOUN", "dobj", 1),
    ("toward", "toward", "ADP", "prep", 1),
    ("the", "the", "DET", "det", 6),
    ("sea", "sea", "NOUN", "pobj", 4),
]

SHELLED_ISLAND: list[Row] = [
    ("Troops", "troop", "NOUN", "nsubj", 1),
    ("fired", "fire", "VERB", "ROOT", 1),
    ("shells", "shell", "NOUN", "dobj", 1),
    ("at", "at", "ADP", "prep", 1),
    ("the", "the", "DET", "det", 5),
    ("island", "island", "NOUN", "pobj", 3),
]


def categories(rows: list[Row]) -> list[tuple[str, str | None]]:
    return [(f.category, f.mode) for f in find_frames(parse(rows))]


def test_events_fire_with_missile_object_is_mobilize_weapons() -> None:
    assert categories(FIRED_MISSILES) == [("MOBILIZE", "weapons")]


def test_events_fire_at_a_target_is_assault_heavy_weapons() -> None:
    assert categories(SHELLED_ISLAND) == [("ASSAULT", "heavy-weapons")]


def test_events_fire_without_weapon_or_target_is_no_event() -> None:
    rows: list[Row] = [
        ("The", "the", "DET", "det", 1),
        ("minister", "minister", "NOUN", "nsubj", 2),
        ("fired", "fire", "VERB", "ROOT", 2),
        ("his", "his", "PRON", "poss", 4),
        ("aide", "aide", "NOUN", "dobj", 2),
    ]
    assert categories(rows) == []


def test_events_light_verb_carries_noun_trigger_as_one_event() -> None:
    rows: list[Row] = [
        ("China", "China", "PROPN", "nsubj", 1),
        ("held", "hold", "VERB", "ROOT", 1),
        ("talks", "talk", "NOUN", "dobj", 1),
        ("with", "with", "ADP", "prep", 1),
        ("Russia", "Russia", "PROPN", "pobj", 3),
    ]
    frames = find_frames(parse(rows))
    assert [(f.category, f.trigger, f.anchor) for f in frames] == [("CONSULT", 2, 1)]


@pytest.mark.parametrize(
    ("verb", "obj", "mode"),
    [
        ("resume", "talk", "meet"),
        ("release", "prisoner", "yield"),
        ("provide", "aid", "assist"),
        ("change", "policy", "change"),
    ],
)
def test_events_request_mode_comes_from_the_complement(verb: str, obj: str, mode: str) -> None:
    rows: list[Row] = [
        ("Seoul", "Seoul", "PROPN", "nsubj", 1),
        ("urged", "urge", "VERB", "ROOT", 1),
        ("Pyongyang", "Pyongyang", "PROPN", "dobj", 1),
        ("to", "to", "PART", "aux", 4),
        (verb, verb, "VERB", "xcomp", 1),
        (obj + "s", obj, "NOUN", "dobj", 4),
    ]
    frames = find_frames(parse(rows))
    assert [(f.category, f.mode) for f in frames] == [("REQUEST", mode)]


@pytest.mark.parametrize(
    ("verb", "lemma", "obj", "obj_lemma", "mode"),
    [
        ("attack", "attack", "bases", "base", "violence"),
        ("impose", "impose", "sanctions", "sanction", "restrict"),
        ("expel", "expel", "diplomats", "diplomat", "expel"),
        ("arrest", "arrest", "activists", "activist", "arrest"),
        ("sever", "sever", "ties", "tie", "relations"),
        ("annex", "annex", "territory", "territory", "territory"),
    ],
)
def test_events_threaten_mode_comes_from_the_threatened_act(
    verb: str, lemma: str, obj: str, obj_lemma: str, mode: str
) -> None:
    rows: list[Row] = [
        ("Moscow", "Moscow", "PROPN", "nsubj", 1),
        ("threatened", "threaten", "VERB", "ROOT", 1),
        ("to", "to", "PART", "aux", 3),
        (verb, lemma, "VERB", "xcomp", 1),
        (obj, obj_lemma, "NOUN", "dobj", 3),
    ]
    frames = find_frames(parse(rows))
    assert [(f.category, f.mode) for f in frames] == [("THREATEN", mode)]


def test_events_two_clauses_give_two_events() -> None:
    rows: list[Row] = [
        ("Pyongyang", "Pyongyang", "PROPN", "nsubj", 1),
        ("fired", "fire", "VERB", "ROOT", 1),
        ("missiles", "missile", "NOUN", "dobj", 1),
        ("and", "and", "CCONJ", "cc", 1),
        ("Seoul", "Seoul", "PROPN", "nsubj", 5),
        ("condemned", "condemn", "VERB", "conj", 1),
        ("the", "the", "DET", "det", 7),
        ("launch", "launch", "NOUN", "dobj", 5),
    ]
    frames = find_frames(parse(rows))
    assert [(f.category, f.mode, f.trigger) for f in frames] == [
        ("MOBILIZE", "weapons", 1),
        ("ACCUSE", "disapprove", 5),
    ]


def test_events_consequence_participle_merges_into_the_attack() -> None:
    rows = [
        *SHELLED_ISLAND,
        (",", ",", "PUNCT", "punct", 1),
        ("killing", "kill", "VERB", "advcl", 1),
        ("two", "two", "NUM", "nummod", 9),
        ("marines", "marine", "NOUN", "dobj", 7),
    ]
    assert categories(rows) == [("ASSAULT", "heavy-weapons")]


def test_events_declined_to_comment_is_not_a_rejection() -> None:
    rows: list[Row] = [
        ("Officials", "official", "NOUN", "nsubj", 1),
        ("declined", "decline", "VERB", "ROOT", 1),
        ("to", "to", "PART", "aux", 3),
        ("comment", "comment", "VERB", "xcomp", 1),
    ]
    assert categories(rows) == []


def test_events_parser_lemma_slips_are_repaired_for_known_words() -> None:
    rows: list[Row] = [
        ("Students", "student", "NOUN", "nsubj", 1),
        ("staged", "stag", "VERB", "ROOT", 1),
        ("protests", "protest", "NOUN", "dobj", 1),
    ]
    assert categories(rows) == [("PROTEST", "demo")]


@pytest.mark.parametrize(
    ("aux", "status"),
    [
        (None, "asserted"),
        ("will", "future"),
        ("could", "hypothetical"),
        ("did not", "negated"),
    ],
)
def test_status_from_auxiliaries(aux: str | None, status: str) -> None:
    rows: list[Row] = [("Tokyo", "Tokyo", "PROPN", "nsubj", 0)]
    if aux is not None:
        for word in aux.split():
            dep = "neg" if word == "not" else "aux"
            rows.append((word, word, "AUX" if dep == "aux" else "PART", dep, 0))
    verb_index = len(rows)
    rows.append(("condemn", "condemn", "VERB", "ROOT", verb_index))
    rows.append(("Seoul", "Seoul", "PROPN", "dobj", verb_index))
    # heads: everything points at the verb
    rows = [
        (w, lemma, p, d, verb_index) if k != verb_index else (w, lemma, p, d, k)
        for k, (w, lemma, p, d, _) in enumerate(rows)
    ]
    view = parse(rows)
    (frame,) = find_frames(view)
    assert event_status(view, frame) == status
