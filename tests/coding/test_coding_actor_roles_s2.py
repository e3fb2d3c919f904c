"""Who acts in phrases the parse hangs away from the clause subject: a message issued
by someone and described by a participle ("issued a statement demanding ...")."""

from __future__ import annotations

import pytest

from conftest import make_article
from flashpoint.coding.actor_types import ActorMention
from flashpoint.coding.clauses import ParseView, clause_subject
from flashpoint.coding.coder import Coder
from flashpoint.coding.frame import Frame
from flashpoint.coding.role_mentions import _reporting_speaker
from flashpoint.coding.roles import assign_roles
from flashpoint.models import Event, ParsedSentence, Token

Row = tuple[str, str, str, str, str, int]


def parse(rows: list[Row]) -> ParseView:
    tokens, pos = [], 0
    for i, (word, lemma, upos, tag, dep, head) in enumerate(rows):
        tokens.append(Token(i, word, lemma, upos, tag, dep, head, pos, pos + len(word)))
        pos += len(word) + 1
    text = " ".join(r[0] for r in rows)
    return ParseView(ParsedSentence("a1", 0, 0, len(text), text, tuple(tokens)))


def mention(view: ParseView, i: int, code: str, kind: str = "country") -> ActorMention:
    tok = view.tok(i)
    return ActorMention(tok.start, tok.end, tok.text, code, None, kind, tok.start)


def test_a_participle_on_an_issued_message_takes_the_issuer_as_subject() -> None:
    # "Chile issued a statement urging restraint"
    view = parse(
        [
            ("Chile", "Chile", "PROPN", "NNP", "nsubj", 1),
            ("issued", "issue", "VERB", "VBD", "ROOT", 1),
            ("a", "a", "DET", "DT", "det", 3),
            ("statement", "statement", "NOUN", "NN", "dobj", 1),
            ("urging", "urge", "VERB", "VBG", "acl", 3),
            ("restraint", "restraint", "NOUN", "NN", "dobj", 4),
        ]
    )
    assert clause_subject(view, 4) == ([0], False)


def test_a_participle_on_a_message_not_issued_keeps_the_noun_as_subject() -> None:
    # "Chile read the statement urging restraint": reading does not author it
    view = parse(
        [
            ("Chile", "Chile", "PROPN", "NNP", "nsubj", 1),
            ("read", "read", "VERB", "VBD", "ROOT", 1),
            ("the", "the", "DET", "DT", "det", 3),
            ("statement", "statement", "NOUN", "NN", "dobj", 1),
            ("urging", "urge", "VERB", "VBG", "acl", 3),
            ("restraint", "restraint", "NOUN", "NN", "dobj", 4),
        ]
    )
    assert clause_subject(view, 4) == ([3], False)


def code(coder: Coder, text: str) -> list[Event]:
    return coder.code_article(make_article(text, published="2024-05-14"))


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "The Peruvian opposition issued a declaration demanding that the government "
            "release the detained students.",
            "PER",
        ),
        (
            "Poland released a statement urging Belarus to reopen the border crossings.",
            "POL",
        ),
    ],
)
def test_the_issuer_of_a_message_is_the_actor_of_its_demand(
    coder: Coder, text: str, actor: str
) -> None:
    requests = [e for e in code(coder, text) if e.category == "REQUEST"]
    assert requests
    assert actor in {a.code for a in requests[0].actors}


def test_a_participle_under_a_verbless_root_noun_is_its_main_verb() -> None:
    # "Nurses from Swiss charities delivered medicine": parsed with "Nurses" as the root
    view = parse(
        [
            ("Nurses", "nurse", "NOUN", "NNS", "ROOT", 0),
            ("from", "from", "ADP", "IN", "prep", 0),
            ("Swiss", "swiss", "ADJ", "JJ", "amod", 3),
            ("charities", "charity", "NOUN", "NNS", "pobj", 1),
            ("delivered", "deliver", "VERB", "VBN", "acl", 3),
            ("medicine", "medicine", "NOUN", "NN", "dobj", 4),
        ]
    )
    assert clause_subject(view, 4) == ([0], False)


def test_a_participle_in_a_sentence_with_a_verb_stays_a_passive_modifier() -> None:
    # "Nurses met charities funded by Sweden": "funded" describes the charities
    view = parse(
        [
            ("Nurses", "nurse", "NOUN", "NNS", "nsubj", 1),
            ("met", "meet", "VERB", "VBD", "ROOT", 1),
            ("charities", "charity", "NOUN", "NNS", "dobj", 1),
            ("funded", "fund", "VERB", "VBN", "acl", 2),
            ("by", "by", "ADP", "IN", "agent", 3),
            ("Sweden", "Sweden", "PROPN", "NNP", "pobj", 4),
        ]
    )
    assert clause_subject(view, 3) == ([2], True)


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "Doctors from two Swiss charities donated and personally delivered medicine to a "
            "hospital in Kabul, risking arrest.",
            "CHE",
        ),
        ("Volunteers from a Japanese aid group delivered food to Somali refugees.", "JPN"),
    ],
)
def test_people_from_a_named_group_give_the_aid(coder: Coder, text: str, actor: str) -> None:
    aid = [e for e in code(coder, text) if e.category == "AID"]
    assert aid
    assert {a.code for a in aid[0].actors} == {actor}


@pytest.mark.parametrize(
    ("text", "category", "actor"),
    [
        ("Two Canadian journalists were placed under investigation in Egypt.", "ACCUSE", "EGY"),
        ("Hundreds of rebel fighters were demobilized in Angola last month.", "RETREAT", "AGO"),
    ],
)
def test_a_state_act_in_the_passive_with_no_doer_is_the_place_authorities(
    coder: Coder, text: str, category: str, actor: str
) -> None:
    events = [e for e in code(coder, text) if e.category == category]
    assert events
    assert [(a.code, a.sector) for a in events[0].actors] == [(actor, "GOV")]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The troops were withdrawn from Iraq last year.", "RETREAT"),
        ("The fighters were disarmed by Kenyan police in Somalia.", "RETREAT"),
    ],
)
def test_a_place_left_or_a_named_doer_is_not_the_authority(
    coder: Coder, text: str, category: str
) -> None:
    events = [e for e in code(coder, text) if e.category == category]
    assert all("IRQ" not in {a.code for a in e.actors} for e in events)
    assert all("SOM" not in {a.code for a in e.actors} for e in events)


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Rebels loyal to the Sudanese government said they attacked a Chadian convoy.", "SDN"),
        (
            "Gunmen loyal to Iraq's former ruler said they ambushed a Kuwaiti patrol.",
            "IRQ",
        ),
    ],
)
def test_they_in_what_a_group_says_is_that_group(coder: Coder, text: str, actor: str) -> None:
    attacks = [e for e in code(coder, text) if e.category == "ASSAULT"]
    assert attacks
    assert {a.code for a in attacks[0].actors} == {actor}


def test_a_pronoun_of_another_number_is_not_the_speaker() -> None:
    # "The ministry said they attacked": "they" is not the (singular) ministry
    view = parse(
        [
            ("The", "the", "DET", "DT", "det", 1),
            ("ministry", "ministry", "NOUN", "NN", "nsubj", 2),
            ("said", "say", "VERB", "VBD", "ROOT", 2),
            ("they", "they", "PRON", "PRP", "nsubj", 4),
            ("attacked", "attack", "VERB", "VBD", "ccomp", 2),
        ]
    )
    assert _reporting_speaker(view, 3) is None
    view = parse(
        [
            ("Rebels", "rebel", "NOUN", "NNS", "nsubj", 1),
            ("said", "say", "VERB", "VBD", "ROOT", 1),
            ("they", "they", "PRON", "PRP", "nsubj", 3),
            ("attacked", "attack", "VERB", "VBD", "ccomp", 1),
        ]
    )
    assert _reporting_speaker(view, 2) == 0


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The Chilean senate approved a law recognizing the land rights of the Mapuche.", "CHL"),
        ("The Thai king signed a decree granting amnesty to jailed protesters.", "THA"),
    ],
)
def test_who_enacts_a_law_does_what_the_law_does(coder: Coder, text: str, actor: str) -> None:
    events = code(coder, text)
    assert events
    assert actor in {a.code for a in events[0].actors}


def test_a_closing_reporting_verb_hung_on_its_subject_is_active() -> None:
    # "Peru is failing, a rights group protested Monday": parsed as a participle of "group"
    view = parse(
        [
            ("Peru", "Peru", "PROPN", "NNP", "nsubj", 2),
            ("is", "be", "AUX", "VBZ", "aux", 2),
            ("failing", "fail", "VERB", "VBG", "ROOT", 2),
            (",", ",", "PUNCT", ",", "punct", 2),
            ("a", "a", "DET", "DT", "det", 6),
            ("rights", "right", "NOUN", "NNS", "compound", 6),
            ("group", "group", "NOUN", "NN", "appos", 0),
            ("protested", "protest", "VERB", "VBN", "acl", 6),
            ("Monday", "Monday", "PROPN", "NNP", "npadvmod", 7),
        ]
    )
    found = [mention(view, 0, "PER"), mention(view, 6, "NGO", kind="group")]
    roles = assign_roles(view, Frame(7, 7, "ACCUSE", None, 0.7), found, lambda _s, _w: None)
    assert [m.code for m in roles.actors] == ["NGO"]
    assert [m.code for m in roles.recipients] == ["PER"]


def test_a_participle_with_an_agent_stays_passive() -> None:
    # "Peru is failing, a report protested by rights groups": the groups protest
    view = parse(
        [
            ("Peru", "Peru", "PROPN", "NNP", "nsubj", 2),
            ("is", "be", "AUX", "VBZ", "aux", 2),
            ("failing", "fail", "VERB", "VBG", "ROOT", 2),
            (",", ",", "PUNCT", ",", "punct", 2),
            ("a", "a", "DET", "DT", "det", 5),
            ("report", "report", "NOUN", "NN", "appos", 0),
            ("protested", "protest", "VERB", "VBN", "acl", 5),
            ("by", "by", "ADP", "IN", "agent", 6),
            ("Oxfam", "Oxfam", "PROPN", "NNP", "pobj", 7),
        ]
    )
    found = [mention(view, 0, "PER"), mention(view, 8, "NGO", kind="group")]
    roles = assign_roles(view, Frame(6, 6, "ACCUSE", None, 0.7), found, lambda _s, _w: None)
    assert [m.code for m in roles.actors] == ["NGO"]


def test_the_one_blamed_for_an_act_did_it() -> None:
    # "Canada condemned Iran for executing protesters"
    view = parse(
        [
            ("Canada", "Canada", "PROPN", "NNP", "nsubj", 1),
            ("condemned", "condemn", "VERB", "VBD", "ROOT", 1),
            ("Iran", "Iran", "PROPN", "NNP", "dobj", 1),
            ("for", "for", "ADP", "IN", "prep", 1),
            ("executing", "execute", "VERB", "VBG", "pcomp", 3),
            ("protesters", "protester", "NOUN", "NNS", "dobj", 4),
        ]
    )
    assert clause_subject(view, 4) == ([2], False)


def test_an_act_for_which_nobody_is_judged_is_the_subjects() -> None:
    # "Norway used its navy for patrolling the coast": not a judgement; Norway patrols
    view = parse(
        [
            ("Norway", "Norway", "PROPN", "NNP", "nsubj", 1),
            ("used", "use", "VERB", "VBD", "ROOT", 1),
            ("navy", "navy", "NOUN", "NN", "dobj", 1),
            ("for", "for", "ADP", "IN", "prep", 1),
            ("patrolling", "patrol", "VERB", "VBG", "pcomp", 3),
            ("coast", "coast", "NOUN", "NN", "dobj", 4),
        ]
    )
    assert clause_subject(view, 4) == ([0], False)


@pytest.mark.parametrize(
    ("text", "category", "actor"),
    [
        ("Canada condemned Iran for executing the protesters.", "ASSAULT", "IRN"),
        ("The minister praised Norway for sending aid to the flood victims.", "AID", "NOR"),
    ],
)
def test_the_act_someone_is_judged_for_is_theirs(
    coder: Coder, text: str, category: str, actor: str
) -> None:
    events = [e for e in code(coder, text) if e.category == category]
    assert events
    assert {a.code for a in events[0].actors} == {actor}
