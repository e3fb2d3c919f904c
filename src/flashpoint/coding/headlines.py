"""Headline passives with no agent: "U.S. Moves for Aggression Denounced".

State media headlines drop the auxiliary and the agent: "Japan's Moves Condemned" means
the moves *were* condemned (by the outlet or an unnamed speaker), so the party named
before the participle is the recipient, not the actor. The parser reads such headlines
as active clauses (or tags a capitalised participle as a proper noun), so the pattern
is recognised here from surface cues: no closing full stop, a final "-ed" form of a
transitive trigger verb with no object or auxiliary, followed by nothing but its own
prepositional phrases ("U.S. Criticized for Hostile Policy"), or, for a verb that
needs an object before its "to" clause, that clause ("Japan Urged to Stop Drills").
"""

from __future__ import annotations

from dataclasses import replace

from flashpoint.coding.clauses import NOUN_PHRASE_LINKS, ParseView, participle_root
from flashpoint.coding.senses import Sense
from flashpoint.coding.wordclasses import words_of

_MAX_TOKENS = 24
_CLOSING = frozenset({".", "!", "?", ":", ";"})
_PARTICIPLE_TAGS = frozenset({"VBN", "VBD", "NNP", "NNPS", "JJ"})
_ACTIVE_ARGS = frozenset({"aux", "auxpass", "dobj", "obj", "ccomp", "nsubjpass", "attr"})
# Verbs that take an object before a "to" clause when active ("urged Japan to stop"):
# with no object, "Japan Urged to Stop Drills" is a passive. Others take the clause
# themselves ("Japan Decided to Stop Drills", "Talks Failed to Start").
_OBJECT_CONTROL = words_of(
    "urge ask request call tell force compel order invite advise press pressure encourage "
    "warn persuade instruct"
)
# Stranded modifiers that are really the headline's subject ("Arms Buildup Blasted").
_SUBJECT_LIKE = frozenset({"compound", "amod", "nmod", "poss", "npadvmod"})
_TRAILING_PREPS = words_of("for as of over in at on against with after by")
# Verbs that are often intransitive in a headline ("Students Protested", "Troops
# Withdrawn" is passive but "Talks Ended" is not): never read as passives here.
_INTRANSITIVE = words_of(
    "protest retreat clash fight withdraw rally demonstrate strike meet agree resign "
    "cooperate march escalate end collapse surrender gather riot mobilize boycott"
)


def is_headline(view: ParseView) -> bool:
    """A short line with no closing punctuation (quotes and brackets aside)."""
    words = [t for t in view.tokens if t.pos != "PUNCT"]
    if not words or len(view) > _MAX_TOKENS:
        return False
    last = view.tokens[-1].text
    return last not in _CLOSING and words[-1].text[:1] != "("


def headline_passive_subject(view: ParseView, v: int) -> list[int] | None:
    """Heads of what headline verb `v` was done to, or None when `v` is not one.

    "Japan's Moves Condemned" -> [Moves]; "South Korean Puppets' Arms Buildup Blasted"
    (parsed with "Buildup" as a compound of "Blasted") -> [Buildup].
    """
    tok = view.tok(v)
    head = view.head(v)
    if tok.dep == "conj" and head is not None and view.tok(head).dep == "ROOT":
        # "S. Korean Authorities Condemned and Denounced": the second shares the first's
        return headline_passive_subject(view, head) if _participle(view, v) else None
    modifier = _modified_root(view, v)
    if not _participle(view, v) or not (tok.dep == "ROOT" or modifier is not None):
        return None
    if not is_headline(view):
        return None
    trailing = {t.i for t in view.tokens if t.i > v and t.pos != "PUNCT"}
    trailing -= set(headline_source(view, v))
    allowed: set[int] = set()
    for c in view.children(v, ("cc", "conj", "xcomp")):
        allowed.update(view.subtree(c, stop=frozenset()))
    for p in view.children(v, ("prep", "agent")):
        if view.tok(p).text.lower() in _TRAILING_PREPS or view.tok(p).dep == "agent":
            allowed.update(view.subtree(p, stop=frozenset()))
    if trailing - allowed:
        return None  # words after the participle that are not its phrases: not a headline verb
    if modifier is not None:
        return view.conjuncts(modifier)
    subjects = [s for s in view.children(v, ("nsubj",)) if s < v]
    if not subjects:
        subjects = [s for s in view.children(v, _SUBJECT_LIKE) if s < v]
    if not subjects:
        return None
    return view.conjuncts(subjects[-1])


# Links from a participle up to the headline's root noun ("Abuses against Koreans Censured",
# "Moves of Japan and Its Allies Denounced").
_HEADLINE_LINKS = NOUN_PHRASE_LINKS | {"conj"}


def _modified_root(view: ParseView, v: int) -> int | None:
    """The root noun when the parser made headline verb `v` a participle modifier of it or
    of a noun in its phrases ("Japan's Moves Denounced by Russia"), else None."""
    return participle_root(view, v, _HEADLINE_LINKS)


def headline_source(view: ParseView, v: int) -> list[int]:
    """Tokens of a source tag after a colon ("...Condemned: KCNA Commentary")."""
    colons = [t.i for t in view.tokens if t.i > v and t.text == ":"]
    return list(range(colons[0] + 1, len(view))) if colons else []


def _participle(view: ParseView, v: int) -> bool:
    tok = view.tok(v)
    return (
        tok.text.lower().endswith("ed")
        and tok.tag in _PARTICIPLE_TAGS
        and view.lemma(v) not in _INTRANSITIVE
        and not set(view.children(v, _ACTIVE_ARGS)) - set(headline_source(view, v))
        and (view.lemma(v) in _OBJECT_CONTROL or not view.children(v, ("xcomp",)))
    )


def headline_accusation(view: ParseView, v: int, senses: tuple[Sense, ...]) -> Sense | None:
    """The criticism sense of a headline passive whose senses all need an object
    ("Arms Buildup Blasted": the thing blasted is the headline's subject)."""
    if headline_passive_subject(view, v) is None:
        return None
    accuse = next((s for s in senses if s.category == "ACCUSE"), None)
    return replace(accuse, args=frozenset(), strength=0.8) if accuse is not None else None


# Light verbs a headline's tagger often reads as nouns ("Troops Stage Drill").
_MISREAD_LIGHT_VERBS = words_of("stage conduct")


def misread_light_verb(view: ParseView, n: int) -> bool:
    """A headline (no closing stop) whose light verb the parser read as a noun modifier
    of the noun trigger it carries ("U.S. Forces in S. Korea Stage Evacuation Drill",
    "Troops and Army Stage River-Crossing Drill"): the trigger is the headline's event.
    The verb must follow some words (its subject) and lead to the trigger."""
    tokens = view.tokens
    if not tokens or tokens[-1].text in _CLOSING or len(tokens) > _MAX_TOKENS:
        return False
    for t in range(1, n):
        tok = view.tok(t)
        if tok.pos != "NOUN" or view.lemma(t) not in _MISREAD_LIGHT_VERBS:
            continue
        if tok.dep not in {"compound", "nmod", "amod"}:
            continue
        head = view.head(t)
        while head is not None and head != n and view.tok(head).dep in {"compound", "amod"}:
            head = view.head(head)
        if head == n:
            return True
    return False
