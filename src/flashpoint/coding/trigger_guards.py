"""Trigger words used in a way that is no event between actors.

Small surface checks events.py applies before it builds a frame: a trigger noun naming a
trait ("fighting spirit"), "thanks to" meaning "because of", and guarding one's own
possessions ("defend its sovereign right"), which is self-defence, not support; and the
one pattern read the other way, "X will be held responsible", a warning.
"""

from __future__ import annotations

from flashpoint.coding.clauses import ParseView
from flashpoint.coding.wordclasses import classes_of, words_of

_TRAIT_NOUNS = words_of("efficiency spirit morale mood trait style trend")
_GUARD_VERBS = words_of("defend protect safeguard guard")
_OWN_POSSESSIVES = words_of("its their our my his her")
_ACCOUNTABLE = words_of("responsible accountable liable answerable")
_FUTURE_MODALS = words_of("will would shall 'll")
_OBJECT_DEPS = frozenset({"dobj", "obj", "conj", "appos", "attr", "pobj"})


def names_trait(view: ParseView, i: int) -> bool:
    """A trigger noun modifying a quality ("fighting spirit", "fighting efficiency")."""
    head = view.head(i)
    if view.tok(i).dep not in {"compound", "amod"} or head is None:
        return False
    return bool(classes_of(view.lemma(head)) & {"quality"}) or view.lemma(head) in _TRAIT_NOUNS


def thanks_to(view: ParseView, i: int) -> bool:
    """ "Thanks to the leadership, ...": the compound preposition, not gratitude."""
    tok = view.tok(i)
    return (
        tok.text.lower() == "thanks"
        and i + 1 < len(view)
        and view.tok(i + 1).text.lower() == "to"
        and tok.dep not in _OBJECT_DEPS
    )


def guards_own(view: ParseView, i: int) -> bool:
    """A guarding verb whose object belongs to its own subject ("defend its security")."""
    if view.lemma(i) not in _GUARD_VERBS:
        return False
    return any(
        view.lemma(p) in _OWN_POSSESSIVES
        for o in view.children(i, ("dobj", "obj"))
        for p in view.children(o, ("poss",))
    )


def held_to_account(view: ParseView, i: int) -> str | None:
    """ "X will be held responsible for ...": a warning (THREATEN); "X was held
    accountable": blame (ACCUSE). None when verb i is no such "hold"."""
    if view.lemma(i) != "hold" or not any(
        view.lemma(c) in _ACCOUNTABLE for c in view.children(i, ("oprd", "acomp", "xcomp"))
    ):
        return None
    modals = {view.tok(a).text.lower() for a in view.children(i, ("aux",))}
    return "THREATEN" if modals & _FUTURE_MODALS else "ACCUSE"


def introduced_by_there(view: ParseView, n: int) -> bool:
    """The noun is what "there is/are" introduces ("there were talks between ...")."""
    head = view.head(n)
    return (
        view.tok(n).dep in {"attr", "nsubj"}
        and head is not None
        and view.lemma(head) == "be"
        and bool(view.children(head, ("expl",)))
    )
