"""The sense model of the trigger lexicon: what one lexicon entry says, and how to write it.

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
from typing import Final


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
