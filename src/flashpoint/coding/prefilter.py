"""The prefilter: parse only sentences that can yield an event.

A sentence is parsed when it holds an event-trigger candidate (any surface form of a
lexicon lemma, found by one compiled word regex and a set lookup) and an actor: a
mention, or a pronoun or reference ("it", "the country") once the article has named
an actor earlier. `Settings.prefilter=False` parses every sentence instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from flashpoint.coding.lemmas import TRIGGER_FORMS, glued_words, trigger_possible
from flashpoint.nlp.sentences import SentenceSpan

_WORD = re.compile(r"[a-z]+")
_PRONOUN = re.compile(
    r"\b(?:it|they|he|she|its|their|his|her|them)\b|\bthe (?:country|regime|north|south|government|nation|state)\b",
    re.IGNORECASE,
)


def has_trigger_candidate(text: str) -> bool:
    """True when any word of the text is a surface form of a trigger lemma."""
    words = _WORD.findall(text.lower())
    if trigger_possible(set(words) | glued_words(text)):
        return True
    # A headline passive ("Arms Buildup Blasted"): the object the verb needs is its subject
    line = text.strip()
    return bool(words) and line[-1:] not in ".!?" and words[-1] in TRIGGER_FORMS


def has_pronoun_reference(text: str) -> bool:
    return _PRONOUN.search(text) is not None


def select_sentences(
    spans: Sequence[SentenceSpan],
    has_actor: Callable[[int, int], bool],
    prefilter: bool = True,
) -> list[tuple[int, SentenceSpan, bool]]:
    """(index, span, via_reference) for the sentences worth parsing.

    `via_reference` is True when the sentence passed only through a pronoun or a
    reference to an actor named earlier in the article.
    """
    if not prefilter:
        return [(k, s, False) for k, s in enumerate(spans)]
    chosen: list[tuple[int, SentenceSpan, bool]] = []
    seen_actor = False
    for k, span in enumerate(spans):
        trigger = has_trigger_candidate(span.text)
        if not trigger:
            if not seen_actor and has_actor(span.start, span.end):
                seen_actor = True
            continue
        if has_actor(span.start, span.end):
            seen_actor = True
            chosen.append((k, span, False))
        elif seen_actor and has_pronoun_reference(span.text):
            chosen.append((k, span, True))
    return chosen


def count_words(texts: Iterable[str]) -> int:
    return sum(len(t.split()) for t in texts)
