"""Roles when the parser leaves a root verb without a subject (hand-built parses)."""

from __future__ import annotations

from flashpoint.coding.actor_types import ActorMention
from flashpoint.coding.clauses import ParseView
from flashpoint.coding.frame import Frame
from flashpoint.coding.roles import assign_roles
from flashpoint.models import ParsedSentence, Token

Row = tuple[str, str, str, str, int]


def parse(rows: list[Row]) -> ParseView:
    tokens, pos = [], 0
    for i, (word, lemma, upos, dep, head) in enumerate(rows):
        tag = {"VERB": "VBN", "NOUN": "NN", "PROPN": "NNP"}.get(upos, upos)
        tokens.append(Token(i, word, lemma, upos, tag, dep, head, pos, pos + len(word)))
        pos += len(word) + 1
    text = " ".join(r[0] for r in rows)
    return ParseView(ParsedSentence("a1", 0, 0, len(text), text, tuple(tokens)))


# "With the deal , the Sudanese government have agreed ." with "government" misattached.
STRANDED: list[Row] = [
    ("With", "with", "ADP", "prep", 6),
    ("the", "the", "DET", "det", 2),
    ("deal", "deal", "NOUN", "pobj", 0),
    (",", ",", "PUNCT", "punct", 6),
    ("Sudanese", "sudanese", "ADJ", "amod", 5),
    ("government", "government", "NOUN", "conj", 2),
    ("agreed", "agree", "VERB", "ROOT", 6),
]


def mention(view: ParseView, first: int, last: int, code: str) -> ActorMention:
    start, end = view.tok(first).start, view.tok(last).end
    text = view.sentence.text[start:end]
    return ActorMention(start, end, text, code, "GOV", "institution", view.tok(last).start)


def test_roles_stranded_root_takes_the_actor_named_right_before() -> None:
    view = parse(STRANDED)
    sudan = mention(view, 4, 5, "SDN")
    roles = assign_roles(view, Frame(6, 6, "AGREE", None, 0.7), [sudan], lambda _s, _w: None)
    assert [m.code for m in roles.actors] == ["SDN"]


def test_roles_stranded_root_ignores_an_actor_behind_other_words() -> None:
    rows = [
        *STRANDED[:6],
        ("later", "later", "ADV", "advmod", 7),
        ("said", "say", "VERB", "ccomp", 8),
    ]
    rows = [*rows, ("agreed", "agree", "VERB", "ROOT", 8)]
    view = parse(rows)
    sudan = mention(view, 4, 5, "SDN")
    roles = assign_roles(view, Frame(8, 8, "AGREE", None, 0.7), [sudan], lambda _s, _w: None)
    assert roles.actors == []
