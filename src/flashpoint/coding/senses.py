"""The sense model of the trigger lexicon: what one lexicon entry says, how to write it,
and how the entry's senses are chosen in a parsed sentence (choose_sense).

A lemma has an ordered tuple of senses; the first whose constraints hold wins. A
constraint names word classes (flashpoint.coding.wordclasses) one argument must belong
to (`args`), prepositions or particles one of which must attach (`preps`), or classes
the grammatical subject must belong to (`subj`). `wraps` marks senses that take a
complement ("urged X to withdraw"): the complement sets the mode and is part of the
same event. A sense whose category is NOT_EVENT stops the search: the word is used in
a way that is no event ("released a statement", "seize the initiative").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from flashpoint.coding.wordclasses import classes_of
from flashpoint.coding.wordclasses import words_of as _words

if TYPE_CHECKING:
    from flashpoint.coding.clauses import ParseView


@dataclass(frozen=True, slots=True)
class Sense:
    category: str
    mode: str | None = None
    args: frozenset[str] = frozenset()
    preps: frozenset[str] = frozenset()
    subj: frozenset[str] = frozenset()
    strength: float = 0.7
    wraps: bool = False


def S(  # noqa: N802 - a short constructor keeps the lexicon tables readable
    category: str,
    mode: str | None = None,
    *,
    args: str = "",
    preps: str = "",
    subj: str = "",
    strength: float = 0.7,
    wraps: bool = False,
) -> Sense:
    return Sense(
        category,
        mode,
        frozenset(args.split()),
        frozenset(preps.split()),
        frozenset(subj.split()),
        strength,
        wraps,
    )


def lex(entries: dict[str, tuple[Sense, ...] | Sense]) -> dict[str, tuple[Sense, ...]]:
    """A lexicon table with every entry as a tuple of senses."""
    return {k: v if isinstance(v, tuple) else (v,) for k, v in entries.items()}


NOT_EVENT: Final[str] = "NONE"
# Journalists' questions and interviews are reporting, not political contact or demands.
NOT_EVENT_MEDIA = S(NOT_EVENT, args="media")
NOT_EVENT_PRESS = S(NOT_EVENT, subj="media")


# --- choosing a sense in a parsed sentence

_TIME_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL"})
_MONTH_ABBREVIATIONS = "jan feb mar apr jun jul aug sep sept oct nov dec"
_TIME_WORDS = (
    _words(
        "monday tuesday wednesday thursday friday saturday sunday morning evening night day "
        "week month year weekend afternoon occasion anniversary eve january february march "
        "april may june july august september october november december"
    )
    # month abbreviations as news writes them ("on Jan."; without the dot "Jan" is a name)
    | frozenset(w + "." for w in _MONTH_ABBREVIATIONS.split())
)
# Objects of "at" that are not targets: "fired at a lofted angle", "at a target buoy".
_NOT_TARGETS = _words(
    "target buoy angle altitude speed range distance trajectory time point rate level "
    "height apogee interval location site around dawn noon midnight"
)
_AIM_PREPS = frozenset({"against", "at", "upon"})


def word_matches(words: set[str], wanted: frozenset[str]) -> bool:
    return any(w in wanted or classes_of(w) & wanted for w in words)


def _prep_matches(view: ParseView, i: int, wanted: frozenset[str]) -> bool:
    for word in view.particles(i):
        if word in wanted:
            return True
    if "here" in wanted and "here" in view.child_words(i, ("advmod",)):
        return True  # "arrived here": the place of the report
    preps = view.preps(i)
    for h in view.children(i, ("advmod",)):
        if view.tok(h).text.lower() == "here":
            preps = preps + view.preps(h)  # "left here for Moscow"
    for o in view.children(i, ("dobj", "obj")):
        # "used water cannons against the boats": the target hangs on the object
        preps = preps + [(w, t) for w, t in view.preps(o) if w in _AIM_PREPS]
    for word, o in preps:
        target = view.tok(o)
        if (
            word in wanted
            and "water" not in classes_of(target.lemma.lower())
            and target.ent_type not in _TIME_ENTITIES
            and target.lemma.lower() not in _TIME_WORDS | _NOT_TARGETS
            and not any(ch.isdigit() for t in view.subtree(o) for ch in view.tok(t).text)
            and not any(view.tok(t).text.lower() in {"a.m.", "p.m."} for t in view.subtree(o))
        ):
            return True
    return False


def choose_sense(
    senses: tuple[Sense, ...], args: set[str], view: ParseView, i: int, subj: set[str]
) -> Sense | None:
    """The first sense whose constraints hold: an argument word (objects, prepositional
    objects and their modifiers) in `args`, a preposition or particle in `preps`, a
    subject word in `subj`."""
    for sense in senses:
        if sense.args and not word_matches(args, sense.args):
            continue
        if sense.preps and not _prep_matches(view, i, sense.preps):
            continue
        if sense.subj and not word_matches(subj, sense.subj):
            continue
        return sense
    return None
