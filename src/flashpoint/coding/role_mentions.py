"""Matching parse phrases to actor mentions: who a noun phrase names, and the first
phrase among candidates that names someone other than the actor.

Mentions come from flashpoint.coding.actors with article offsets; a phrase matches the
mentions that overlap its tokens (its head first, then its core, then its subtree).
Pronouns and "the country" are resolved through the `Resolver` the coder passes in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from flashpoint.coding.clauses import CLAUSE_DEPS, ParseView
from flashpoint.coding.triggers import NOUN_SENSES

_PRONOUNS = frozenset(
    ["it", "they", "he", "she", "its", "their", "his", "her", "them", "we", "our"]
)
_CORE_STOP = CLAUSE_DEPS | {"appos", "conj", "cc", "prep", "agent"}
Resolver = Callable[[int, str], Any]


def overlapping(view: ParseView, tokens: Sequence[int], mentions: Sequence[Any]) -> list[Any]:
    spans = [(view.tok(t).start, view.tok(t).end) for t in tokens]
    return [m for m in mentions if any(s < m.end and e > m.start for s, e in spans)]


def phrase_core(view: ParseView, head: int) -> list[int]:
    """The head's noun phrase without clauses, appositions and loose prepositions."""
    out = view.subtree(head, stop=_CORE_STOP)
    for m in view.children(head, ("amod", "compound", "nmod", "poss")):
        for c in view.conjuncts(m)[1:]:  # "U.S. and Russian negotiators"
            out.extend(view.subtree(c, stop=_CORE_STOP))
    for word, o in view.preps(head):
        # "officials from Peru" name the officials; "the withdrawal of troops from
        # Bosnia" names where they leave, not who takes part.
        if (word == "of" or (word == "from" and view.lemma(head) not in NOUN_SENSES)) and (
            view.head(o) is not None
        ):
            out.extend(view.subtree(o, stop=_CORE_STOP))
    return out


def mentions_for(
    view: ParseView,
    heads: Sequence[int],
    mentions: Sequence[Any],
    resolve: Resolver,
) -> tuple[list[Any], bool]:
    """Actor mentions for the noun phrases headed by `heads` (pronouns resolved).

    The head's own name first ("NATO-member Norway" is Norway), then the phrase's core,
    then its whole subtree (clauses and loose prepositions included).
    """
    found: list[Any] = []
    via_reference = False
    for h in heads:
        got = overlapping(view, [h], mentions)  # "NATO-member Norway": the head's own name
        if got:  # "Hungarian and Romanian officials": coordinated modifiers are all actors
            for c in view.children(h, ("amod", "compound", "nmod")):
                if view.children(c, ("conj",)):
                    got += overlapping(view, view.conjuncts(c), mentions)
        if not got:
            got = overlapping(view, phrase_core(view, h), mentions)
        if not got:
            got = overlapping(view, view.subtree(h), mentions)
        if not got and view.tok(h).text.lower() in _PRONOUNS | {"country", "regime", "government"}:
            resolved = resolve(view.tok(h).start, view.tok(h).text)
            if resolved is not None:
                got = [resolved]
                via_reference = True
        if not got:  # "their forces", "its army": the possessor's side
            for p in view.children(h, ("poss",)):
                if view.tok(p).text.lower() in _PRONOUNS:
                    resolved = resolve(view.tok(p).start, view.tok(p).text)
                    if resolved is not None:
                        got = [resolved]
                        via_reference = True
        if got and any(getattr(m, "kind", "") == "reference" for m in got):
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
) -> list[Any]:
    """Mentions of the first phrase that names someone other than the actor."""
    actor_spans = {(m.start, m.end) for m in actors}
    actor_codes = {m.code for m in actors}
    fallback: list[Any] = []
    for group in groups:
        found, _ = mentions_for(view, group, mentions, resolve)
        found = [m for m in found if (m.start, m.end) not in actor_spans]
        others = [m for m in found if m.code not in actor_codes]
        if others:
            return others
        if found and not fallback:
            # The actor's own country in another sector ("police arrested activists"),
            # but not a word that only describes the thing ("military aid").
            described = [
                (view.tok(c).start, view.tok(c).end)
                for h in group
                for c in view.children(h, ("amod", "compound"))
                if view.tok(c).pos != "PROPN"
            ]
            heads = [(view.tok(h).start, view.tok(h).end) for h in group]
            fallback = [
                m
                for m in found
                if m.sector not in {None, *(a.sector for a in actors)}
                and (
                    any(s < m.end and e > m.start for s, e in heads)
                    or not any(s < m.end and e > m.start for s, e in described)
                )
            ]
    return fallback
