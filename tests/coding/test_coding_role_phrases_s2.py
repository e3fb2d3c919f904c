"""Which phrase names a recipient, on hand-built parses: the nearest prepositional
phrase first, the doer of an act a noun names, and the stated nationality of people."""

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
        tag = {"VERB": "VBN" if dep == "acl" else "VBD", "NOUN": "NN", "PROPN": "NNP"}.get(
            upos, upos
        )
        tokens.append(Token(i, word, lemma, upos, tag, dep, head, pos, pos + len(word)))
        pos += len(word) + 1
    text = " ".join(r[0] for r in rows)
    return ParseView(ParsedSentence("a1", 0, 0, len(text), text, tuple(tokens)))


def mention(
    view: ParseView, i: int, code: str, kind: str = "country", sector: str | None = None
) -> ActorMention:
    tok = view.tok(i)
    return ActorMention(tok.start, tok.end, tok.text, code, sector, kind, tok.start)


def recipients(view: ParseView, mentions: list[ActorMention], category: str) -> list[str]:
    roles = assign_roles(view, Frame(1, 1, category, None, 0.7), mentions, lambda _s, _w: None)
    return [m.code for m in roles.recipients]


def test_the_nearest_prepositional_phrase_names_the_recipient() -> None:
    # "Spain refused help to the Saudi-led war against Yemen": the war's leader
    view = parse(
        [
            ("Spain", "Spain", "PROPN", "nsubj", 1),
            ("refused", "refuse", "VERB", "ROOT", 1),
            ("help", "help", "NOUN", "dobj", 1),
            ("to", "to", "ADP", "prep", 2),
            ("the", "the", "DET", "det", 6),
            ("Saudi-led", "saudi-led", "ADJ", "amod", 6),
            ("war", "war", "NOUN", "pobj", 3),
            ("against", "against", "ADP", "prep", 6),
            ("Yemen", "Yemen", "PROPN", "pobj", 7),
        ]
    )
    found = [mention(view, 0, "ESP"), mention(view, 5, "SAU", "demonym"), mention(view, 8, "YEM")]
    assert recipients(view, found, "REJECT") == ["SAU"]


def test_the_doer_of_the_act_a_noun_names_is_the_recipient() -> None:
    # "Jordan condemned killings committed by Syrian troops against Lebanese villagers"
    view = parse(
        [
            ("Jordan", "Jordan", "PROPN", "nsubj", 1),
            ("condemned", "condemn", "VERB", "ROOT", 1),
            ("killings", "killing", "NOUN", "dobj", 1),
            ("committed", "commit", "VERB", "acl", 2),
            ("by", "by", "ADP", "agent", 3),
            ("Syrian", "syrian", "ADJ", "amod", 6),
            ("troops", "troops", "NOUN", "pobj", 4),
            ("against", "against", "ADP", "prep", 6),
            ("Lebanese", "lebanese", "ADJ", "amod", 9),
            ("villagers", "villager", "NOUN", "pobj", 7),
        ]
    )
    found = [
        mention(view, 0, "JOR"),
        mention(view, 5, "SYR", "demonym"),
        mention(view, 8, "LBN", "demonym"),
    ]
    assert recipients(view, found, "ACCUSE") == ["SYR"]


def test_a_bare_people_noun_takes_the_nationality_of_its_modifier() -> None:
    # "Turkey admitted Turkish Kurd refugees": "refugees" alone carries the article's
    # country, here set to Iraq; the modifier says Turkish
    view = parse(
        [
            ("Turkey", "Turkey", "PROPN", "nsubj", 1),
            ("admitted", "admit", "VERB", "ROOT", 1),
            ("Turkish", "turkish", "ADJ", "amod", 3),
            ("Kurd", "Kurd", "PROPN", "compound", 4),
            ("refugees", "refugee", "NOUN", "dobj", 1),
        ]
    )
    found = [
        mention(view, 0, "TUR"),
        mention(view, 2, "TUR", "demonym"),
        mention(view, 4, "IRQ", "implicit", "REF"),
    ]
    assert recipients(view, found, "AID") == ["TUR"]


def test_a_named_phrase_beats_a_bare_sector_word() -> None:
    # "Military attaches of Laos sent greetings to an official and to Kim": a bare sector
    # word ("military", "official") only carries the article's country; a name says whose
    view = parse(
        [
            ("military", "military", "ADJ", "amod", 1),
            ("attaches", "attache", "NOUN", "nsubj", 4),
            ("of", "of", "ADP", "prep", 1),
            ("Laos", "Laos", "PROPN", "pobj", 2),
            ("sent", "send", "VERB", "ROOT", 4),
            ("greetings", "greeting", "NOUN", "dobj", 4),
            ("to", "to", "ADP", "prep", 4),
            ("official", "official", "NOUN", "pobj", 6),
            ("and", "and", "CCONJ", "cc", 6),
            ("to", "to", "ADP", "prep", 4),
            ("Kim", "Kim", "PROPN", "pobj", 9),
        ]
    )
    found = [
        mention(view, 0, "PRK", "implicit", "MIL"),
        mention(view, 3, "LAO"),
        mention(view, 7, "CHN", "implicit", "GOV"),
        mention(view, 10, "PRK", "leader", "GOV"),
    ]
    roles = assign_roles(view, Frame(4, 4, "SUPPORT", None, 0.7), found, lambda _s, _w: None)
    assert [m.code for m in roles.actors] == ["LAO"]
    assert [m.code for m in roles.recipients] == ["PRK"]
