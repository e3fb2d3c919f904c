"""The prefilter: parse only sentences that can yield an event.

A sentence is parsed when it holds an event-trigger candidate (any surface form of a
lexicon lemma, found by one compiled word regex and a set lookup) and an actor: a
mention, or a pronoun or reference ("it", "the country") once the article has named
an actor earlier. `Settings.prefilter=False` parses every sentence instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Final

from flashpoint.coding.triggers import NOUN_SENSES, VERB_SENSES
from flashpoint.nlp.sentences import SentenceSpan

_IRREGULAR: Final[dict[str, tuple[str, ...]]] = {
    "fight": ("fought",),
    "shoot": ("shot",),
    "hold": ("held",),
    "meet": ("met",),
    "seek": ("sought",),
    "give": ("gave", "given"),
    "send": ("sent",),
    "strike": ("struck", "stricken"),
    "withdraw": ("withdrew", "withdrawn"),
    "beat": ("beaten",),
    "freeze": ("froze", "frozen"),
    "break": ("broke", "broken"),
    "undertake": ("undertook", "undertaken"),
    "lend": ("lent",),
    "pay": ("paid",),
    "cut": ("cut",),
    "put": ("put",),
    "blow": ("blew", "blown"),
    "lay": ("laid",),
    "forgive": ("forgave", "forgiven"),
    "sell": ("sold",),
    "rule": ("ruled",),
    "turn": ("turned",),
    "mean": ("meant",),
    "set": ("set",),
    "buy": ("bought",),
    "bring": ("brought",),
    "slay": ("slew", "slain"),
}
_VOWELS = "aeiou"
_WORD = re.compile(r"[a-z]+")
_PRONOUN = re.compile(
    r"\b(?:it|they|he|she|its|their|his|her|them)\b|\bthe (?:country|regime|north|south|government|nation|state)\b",
    re.IGNORECASE,
)


def _verb_forms(lemma: str) -> set[str]:
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("e"):
        forms |= {lemma[:-1] + "ing", lemma + "d"}
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in _VOWELS:
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) >= 3 and lemma[-1] not in _VOWELS + "wxy" and lemma[-2] in _VOWELS:
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # "ban", "banned"
    forms.update(_IRREGULAR.get(lemma, ()))
    return forms


def _noun_forms(lemma: str) -> set[str]:
    forms = {lemma, lemma + "s", lemma + "es"}
    if lemma.endswith("y") and lemma[-2:-1] not in tuple(_VOWELS):
        forms.add(lemma[:-1] + "ies")
    return forms


def _all_forms() -> frozenset[str]:
    forms: set[str] = set()
    for lemma in VERB_SENSES:
        for part in lemma.split("-"):
            forms |= _verb_forms(part)
    for lemma in NOUN_SENSES:
        for part in lemma.split("-"):
            forms |= _noun_forms(part)
    forms |= {"ready", "willing", "eager", "prepared"}  # "is ready to ...": AGREE
    return frozenset(f for f in forms if len(f) > 2)


TRIGGER_FORMS: Final[frozenset[str]] = _all_forms()


def has_trigger_candidate(text: str) -> bool:
    """True when any word of the text is a surface form of a trigger lemma."""
    return any(w in TRIGGER_FORMS for w in _WORD.findall(text.lower()))


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
