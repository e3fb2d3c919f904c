"""Matching parse phrases to actor mentions: who a noun phrase names, and the first
phrase among candidates that names someone other than the actor.

Mentions come from flashpoint.coding.actors with article offsets; a phrase matches the
mentions that overlap its tokens (its head first, then its core, then its subtree).
Pronouns and "the country" are resolved through the `Resolver` the coder passes in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from flashpoint.coding.clauses import CLAUSE_DEPS, ParseView
from flashpoint.coding.triggers import CLAIM_VERBS, NOUN_SENSES, SPEECH_VERBS

_PRONOUNS = frozenset(
    ["it", "they", "he", "she", "its", "their", "his", "her", "them", "we", "our"]
)
_CORE_STOP = CLAUSE_DEPS | {"appos", "conj", "cc", "prep", "agent"}
_NATIONALITY_KINDS = frozenset({"country", "demonym", "short_form"})
_STRANDED_GAP = frozenset({"aux", "auxpass", "advmod", "punct", "neg", "cc", "conj"})
# Mentions the text names outright; "implicit" ones carry the article's main country.
_EXPLICIT_KINDS = frozenset(
    {"country", "demonym", "capital", "short_form", "leader", "person", "institution", "group"}
)
Resolver = Callable[[int, str], Any]
# Verbs reporting what their subject says, claims or promises.
_REPORTING = (
    SPEECH_VERBS | CLAIM_VERBS | frozenset(["vow", "pledge", "promise", "warn", "threaten"])
)


def overlapping(view: ParseView, tokens: Sequence[int], mentions: Sequence[Any]) -> list[Any]:
    spans = [(view.tok(t).start, view.tok(t).end) for t in tokens]
    return [m for m in mentions if any(s < m.end and e > m.start for s, e in spans)]


def phrase_core(view: ParseView, head: int) -> list[int]:
    """The head's noun phrase without clauses, appositions and loose prepositions."""
    out = view.subtree(head, stop=_CORE_STOP)
    for m in view.children(head, ("amod", "compound", "nmod", "poss")):
        for c in view.conjuncts(m)[1:]:  # "U.S. and Brazilian mediators"
            out.extend(view.subtree(c, stop=_CORE_STOP))
    for word, o in view.preps(head):
        # "officials from Peru" name the officials; "the withdrawal of troops from
        # Bosnia" names where they leave, not who takes part.
        if (word == "of" or (word == "from" and view.lemma(head) not in NOUN_SENSES)) and (
            view.head(o) is not None
        ):  # "scores of Afghan and Iraqi refugees": every conjunct
            for c in view.conjuncts(o):
                out.extend(view.subtree(c, stop=_CORE_STOP))
    return out


def _agent_heads(view: ParseView, head: int) -> list[int]:
    """Who did the act a noun names: "crimes by X", "attacks committed by X"."""
    out = [o for word, o in view.preps(head) if word == "by"]
    for acl in view.children(head, ("acl",)):
        if view.tok(acl).tag == "VBN":
            out.extend(o for word, o in view.preps(acl) if word == "by")
    return [c for o in out for c in view.conjuncts(o)]


def _nested_mentions(view: ParseView, head: int, mentions: Sequence[Any]) -> list[Any]:
    """Mentions in the nearest prepositional phrases under the head, level by level
    ("aid to the Saudi-led war against the Houthis": the war's leader, not its target)."""
    frontier = [head]
    for _ in range(3):
        below = [
            c
            for node in frontier
            for p in view.children(node, ("prep", "agent"))
            for o in view.children(p, ("pobj",))
            for c in view.conjuncts(o)
        ]  # one level at a time ("preps" also reaches a level down)
        if not below:
            return []
        got = overlapping(view, [t for o in below for t in phrase_core(view, o)], mentions)
        if got:
            return got
        frontier = below
    return []


def _nationality_of_people(
    view: ParseView, head: int, got: list[Any], mentions: Sequence[Any]
) -> list[Any]:
    """A bare people noun coded with the article's country takes the nationality its own
    modifier states ("Turkish Kurd refugees" are Turkish wherever they live), or is the
    body its "of" phrase names ("the president of the Republic of Singapore")."""
    if not got or any(getattr(m, "kind", "") != "implicit" for m in got):
        return got
    spans = {(m.start, m.end) for m in got}
    owners = [
        m
        for word, o in view.preps(head)
        if word == "of"
        for m in overlapping(view, view.subtree(o, stop=_CORE_STOP), mentions)
        if getattr(m, "kind", "") in _EXPLICIT_KINDS and (m.start, m.end) not in spans
    ]
    if owners:
        return owners
    modifiers = [
        t
        for c in view.children(head, ("amod", "compound", "nmod", "poss"))
        for t in view.subtree(c, stop=_CORE_STOP)
    ]  # "Turkish Kurd refugees": "Turkish" modifies "Kurd"
    named = [
        m
        for m in overlapping(view, modifiers, mentions)
        if getattr(m, "kind", "") in _NATIONALITY_KINDS | {"igo"}  # "NATO-led troops"
    ]
    if not named:
        return got
    return [replace(m, code=named[0].code, kind=named[0].kind) for m in got]


def phrase_mentions(
    view: ParseView,
    head: int,
    mentions: Sequence[Any],
    resolve: Resolver,
) -> tuple[list[Any], str]:
    """Mentions of the noun phrase headed by `head`, and how they were found.

    How: "head" (the head's own name), "agent" (the doer of the act the noun names),
    "core" (the phrase without clauses and loose prepositions), "nested" (the nearest
    prepositional phrase below), "subtree" (anywhere under the head), "reference" (a
    resolved pronoun or "the country"), or "" when nothing names anyone.
    """
    got = overlapping(view, [head], mentions)  # "EU-member Latvia": the head's own name
    if got:  # "Czech and Slovak diplomats": coordinated modifiers are all actors
        for c in view.children(head, ("amod", "compound", "nmod")):
            if view.children(c, ("conj",)):
                got += overlapping(view, view.conjuncts(c), mentions)
        return _nationality_of_people(view, head, got, mentions), "head"
    if view.lemma(head) in NOUN_SENSES:
        # "Russia's invasion of Ukraine", "Israeli strikes on Gaza": who does the act a
        # noun names is its possessor or modifier; the "of" phrase is whom it is done to
        doers = [
            t
            for c in view.children(head, ("poss", "compound", "amod", "nmod"))
            for t in view.subtree(c, stop=_CORE_STOP)
        ]
        got = overlapping(view, doers, mentions)
        if got:
            return got, "agent"
    got = overlapping(view, phrase_core(view, head), mentions)
    if got:
        # "military attaches of the embassies of Vietnam": a bare sector word only
        # carries the article's country; a name in the same phrase says whose
        named = [m for m in got if getattr(m, "kind", "") != "implicit"]
        return named or got, "core"
    got = overlapping(
        view, [t for a in _agent_heads(view, head) for t in phrase_core(view, a)], mentions
    )
    if got:
        return got, "agent"
    got = _nested_mentions(view, head, mentions)
    if got:
        return got, "nested"
    got = overlapping(view, view.subtree(head), mentions)
    if got:
        return got, "subtree"
    word = view.tok(head).text.lower()
    speaker = _reporting_speaker(view, head)
    if speaker is not None:
        got, _ = phrase_mentions(view, speaker, mentions, resolve)
        named = [m for m in got if m.code != "---"]
        if named:
            return [replace(m, kind="reference") for m in named], "reference"
    if word in _PRONOUNS | {"country", "regime", "government"}:
        resolved = resolve(view.tok(head).start, view.tok(head).text)
        if resolved is not None:
            return [resolved], "reference"
    for p in view.children(head, ("poss",)):  # "their forces", "its army": the possessor's side
        if view.tok(p).text.lower() in _PRONOUNS:
            resolved = resolve(view.tok(p).start, view.tok(p).text)
            if resolved is not None:
                return [resolved], "reference"
    return [], ""


_SPEAKER_NUMBER = {"they": frozenset({"NNS", "NNPS"}), "it": frozenset({"NN", "NNP"})}


def _reporting_speaker(view: ParseView, pronoun: int) -> int | None:
    """ "Militants loyal to X said they attacked ...", "the ministry said it would ...":
    a "they"/"it" subject of what is said is the one who says it, when that subject is
    a noun of the same number."""
    numbers = _SPEAKER_NUMBER.get(view.tok(pronoun).text.lower())
    verb = view.head(pronoun)
    if numbers is None or verb is None or view.tok(pronoun).dep != "nsubj":
        return None
    said = view.head(verb)
    if said is None or view.tok(verb).dep != "ccomp" or view.lemma(said) not in _REPORTING:
        return None
    speakers = view.children(said, ("nsubj",))
    if not speakers or view.tok(speakers[0]).tag not in numbers:
        return None
    return speakers[0]


def mentions_for(
    view: ParseView,
    heads: Sequence[int],
    mentions: Sequence[Any],
    resolve: Resolver,
) -> tuple[list[Any], bool]:
    """Actor mentions for the noun phrases headed by `heads` (pronouns resolved), and
    whether any came from a reference. See `phrase_mentions` for the order of search."""
    found: list[Any] = []
    via_reference = False
    for h in heads:
        got, how = phrase_mentions(view, h, mentions, resolve)
        if how == "reference" or any(getattr(m, "kind", "") == "reference" for m in got):
            via_reference = True
        found.extend(got)
    return dedupe(found), via_reference


def dedupe(mentions: list[Any]) -> list[Any]:
    """One entry per actor code; a sector-bearing mention beats a bare country."""
    by_code: dict[str, Any] = {}
    order: list[str] = []
    for m in mentions:
        if m.code not in by_code:
            by_code[m.code] = m
            order.append(m.code)
        elif by_code[m.code].sector is None and m.sector is not None:
            by_code[m.code] = m
    return [by_code[c] for c in order]


def first_recipients(
    view: ParseView,
    groups: list[list[int]],
    mentions: Sequence[Any],
    resolve: Resolver,
    actors: list[Any],
    *,
    phrase_only: bool = False,
) -> list[Any]:
    """Mentions of the first phrase that names someone other than the actor
    (`phrase_only`: named by the phrase itself, not somewhere below it).

    Someone else is another country or organisation, or a named body of the actor's
    own country in another sector when the phrase itself names it ("the government
    arrested Turkish journalists", "farmers blockaded Paris", "investigating crimes by
    Croatian extremists"): domestic events keep their country as recipient. A capital
    counts only as a direct object ("strikes on Kyiv" is where, not whom). A bare
    sector word ("police arrested activists"), which only carries the article's main
    country, is the fallback when no phrase names anyone else; so is a bare sector word
    of another country ("conveyed to an official" yields to "letters to Kim Jong Un").
    """
    actor_spans = {(m.start, m.end) for m in actors}
    actor_codes = {m.code for m in actors}
    actor_sectors = {a.sector for a in actors}
    fallback: list[Any] = []
    guessed: list[Any] = []
    for group in groups:
        found: list[Any] = []
        domestic: list[Any] = []
        for h in group:
            got, how = phrase_mentions(view, h, mentions, resolve)
            if phrase_only and how in {"nested", "subtree"}:
                continue
            got = [m for m in got if (m.start, m.end) not in actor_spans]
            found.extend(got)
            if how in {"head", "core", "agent"}:
                domestic.extend(
                    m
                    for m in got
                    if m.code in actor_codes
                    and m.sector not in {None, *actor_sectors}
                    and m.kind in _EXPLICIT_KINDS
                    and (m.kind != "capital" or view.tok(h).dep in {"dobj", "obj"})
                    and not _describes(view, h, m)
                )
        found = dedupe(found)
        others = [m for m in found if m.code not in actor_codes]
        if others and any(m.kind != "implicit" for m in others):
            return others
        if others:  # only bare sector words: a later phrase may name them
            guessed = guessed or others
            continue
        if domestic and not guessed:
            return dedupe(domestic)
        if found and not fallback:
            # The actor's own country in another sector ("police arrested activists"),
            # but not a word that only describes the thing ("military aid").
            heads = [(view.tok(h).start, view.tok(h).end) for h in group]
            fallback = [
                m
                for m in found
                if m.sector not in {None, *actor_sectors}
                and (
                    any(s < m.end and e > m.start for s, e in heads)
                    or not any(_describes(view, h, m) for h in group)
                )
            ]
    return guessed or fallback


def _describes(view: ParseView, head: int, mention: Any) -> bool:
    """The mention is only a common-word modifier of the head ("military aid")."""
    return any(
        view.tok(c).start < mention.end and view.tok(c).end > mention.start
        for c in view.children(head, ("amod", "compound"))
        if view.tok(c).pos != "PROPN"
    )


def stranded_subject(view: ParseView, v: int, mentions: Sequence[Any]) -> list[Any]:
    """A root verb the parser left without a subject ("..., the Philippine government and
    MILF have settled"): the actor named right before it, with nothing but auxiliaries,
    adverbs and punctuation between."""
    start = view.tok(v).start
    before = [m for m in mentions if m.end <= start]
    if not before:
        return []
    last = max(before, key=lambda m: m.end)
    between = [t for t in view.tokens if last.end <= t.start and t.end <= start]
    if any(t.dep not in _STRANDED_GAP for t in between):
        return []
    return _coordinated_with(view, last, mentions)


def _coordinated_with(view: ParseView, last: Any, mentions: Sequence[Any]) -> list[Any]:
    """The mention and those coordinated with it ("the U.S. and South Korea"): every
    conjunct of the coordination whose last member holds the mention, in text order."""
    tokens = overlapping_tokens(view, last)
    heads = [t for t in tokens if view.head(t) is None or view.head(t) not in tokens]
    if len(heads) != 1 or view.tok(heads[0]).dep != "conj":
        return [last]
    first = heads[0]
    while view.tok(first).dep == "conj" and view.head(first) is not None:
        parent = view.head(first)
        assert parent is not None
        first = parent
    members: list[int] = []
    for c in view.conjuncts(first):
        members.append(c)
        members.extend(view.children(c, ("compound", "flat", "amod")))
    found = overlapping(view, members, [m for m in mentions if m.end <= last.end])
    return dedupe(sorted(found, key=lambda m: m.start)) if last in found else [last]


def overlapping_tokens(view: ParseView, mention: Any) -> list[int]:
    """Tokens of the parse that overlap a mention's span."""
    return [t.i for t in view.tokens if t.start < mention.end and t.end > mention.start]
