"""Surface forms of lexicon lemmas: for the prefilter, and to repair parser lemmas.

The small spaCy model sometimes lemmatises a trigger wrongly ("staged" -> "stag");
mapping the lower-cased word back through the forms generated here repairs that.
"""

from __future__ import annotations

import re
from typing import Final

from flashpoint.coding.triggers import (
    ASPECT_VERBS,
    CLAIM_VERBS,
    FUTURE_VERBS,
    HAPPEN_VERBS,
    HYPOTHETICAL_VERBS,
    LIGHT_VERBS,
    NEGATING_VERBS,
    NOUN_SENSES,
    SPEECH_VERBS,
    VERB_SENSES,
    Sense,
)
from flashpoint.coding.wordclasses import WORD_CLASSES

_IRREGULAR: Final[dict[str, tuple[str, ...]]] = {
    "fight": ("fought",),
    "shoot": ("shot",),
    "hold": ("held",),
    "meet": ("met",),
    "seek": ("sought",),
    "give": ("gave", "given"),
    "send": ("sent",),
    "strike": ("struck",),  # "stricken" is an adjective: "flood-stricken", "grief-stricken"
    "withdraw": ("withdrew", "withdrawn"),
    "beat": ("beaten",),
    "freeze": ("froze", "frozen"),
    "break": ("broke", "broken"),
    "undertake": ("undertook", "undertaken"),
    "lend": ("lent",),
    "pay": ("paid",),
    "blow": ("blew", "blown"),
    "forgive": ("forgave", "forgiven"),
    "swear": ("swore", "sworn"),
    "overrun": ("overran",),
    "retake": ("retook", "retaken"),
    "take": ("took", "taken"),
    "make": ("made",),
    "say": ("said",),
    "tell": ("told",),
    "begin": ("began", "begun"),
    "lead": ("led",),
    "go": ("went", "gone"),
    "oversee": ("oversaw", "overseen"),
    "seek ": ("sought",),
    "write": ("wrote", "written"),
    "mean": ("meant",),
    "leave": ("left",),
    "throw": ("threw", "thrown"),
    "quit": ("quitting",),
    "shun": ("shunned", "shunning"),
    "get": ("got", "gotten"),
    "put": ("putting",),
    "set": ("setting",),
    "cut": ("cutting",),
    "shut": ("shutting",),
    "hit": ("hitting",),
    "stand": ("stood",),
    "speak": ("spoke", "spoken"),
    "bring": ("brought",),
    "buy": ("bought",),
    "sell": ("sold",),
    "win": ("won",),
    "lose": ("lost",),
    "fly": ("flew", "flown"),
    "steal": ("stole", "stolen"),
    "ride": ("rode", "ridden"),
    "tear": ("tore", "torn"),
    "wage": ("waging",),
}
_VOWELS = "aeiou"


def verb_forms(lemma: str) -> set[str]:
    """Inflected forms of a regular English verb, plus listed irregular ones."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("e"):
        forms.add(lemma[:-1] + "ing")
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in _VOWELS:
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) >= 3 and lemma[-1] not in _VOWELS + "wxy" and lemma[-2] in _VOWELS:
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # "ban", "banned"
    forms.update(_IRREGULAR.get(lemma, ()))
    return forms


def noun_forms(lemma: str) -> set[str]:
    forms = {lemma, lemma + "s", lemma + "es"}
    if lemma.endswith("y") and lemma[-2:-1] not in tuple(_VOWELS):
        forms.add(lemma[:-1] + "ies")
    return forms


def _build() -> tuple[frozenset[str], dict[str, str]]:
    triggers: set[str] = set()
    to_lemma: dict[str, str] = {}
    helpers = (
        LIGHT_VERBS
        | SPEECH_VERBS
        | CLAIM_VERBS
        | FUTURE_VERBS
        | HYPOTHETICAL_VERBS
        | NEGATING_VERBS
        | ASPECT_VERBS
        | HAPPEN_VERBS
    )
    for lemma in VERB_SENSES:
        triggers |= verb_forms(lemma.split("-")[-1])
    for lemma in NOUN_SENSES:
        triggers |= noun_forms(lemma.split("-")[-1])
    for lemma in sorted(set(VERB_SENSES) | helpers):
        for form in sorted(verb_forms(lemma)):
            to_lemma.setdefault(form, lemma)
    for lemma in sorted(NOUN_SENSES):
        for form in sorted(noun_forms(lemma)):
            to_lemma.setdefault(form, lemma)
    triggers |= {"ready", "willing", "eager", "prepared", "must", "should"}
    triggers |= {"responsible", "accountable", "liable", "answerable"}  # "held responsible"
    return frozenset(f for f in triggers if len(f) > 2), to_lemma


TRIGGER_FORMS, FORM_TO_LEMMA = _build()
KNOWN_LEMMAS: Final[frozenset[str]] = frozenset(FORM_TO_LEMMA.values())


# Last words of leader names that state-media copy glues to the next word
# ("Kim Jong Unreceived", "Kim Il Sungvisited"): the verb is the rest of the token.
_GLUED_NAME_ENDS: Final[tuple[str, ...]] = ("Un", "Il", "Sung", "Suk")
_GLUED_WORD: Final[re.Pattern[str]] = re.compile(r"[a-z] (?:Un|Il|Sung|Suk)([a-z]{3,})\b")


def glued_words(text: str) -> set[str]:
    """Words glued behind a leader's name in the text ("Kim Jong Unreceived": "received")."""
    return {m.group(1) for m in _GLUED_WORD.finditer(text)}


def repair_lemma(lemma: str, text: str) -> str:
    """The parser's lemma, unless it is unknown and the word is a known lexicon form
    (alone, or glued behind a leader's name)."""
    if lemma in KNOWN_LEMMAS:
        return lemma
    found = FORM_TO_LEMMA.get(text.lower())
    if found is not None:
        return found
    for end in _GLUED_NAME_ENDS:
        rest = text[len(end) :]
        if text.startswith(end) and rest[:1].islower() and rest in FORM_TO_LEMMA:
            return FORM_TO_LEMMA[rest]
    return lemma


def _needs(senses: tuple[Sense, ...]) -> frozenset[str] | None:
    """Words one of which must occur for any sense to apply; None when a sense needs none."""
    words: set[str] = set()
    for sense in senses:
        if not sense.args and not sense.preps:
            return None
        for name in sense.args:
            for word in WORD_CLASSES.get(name, frozenset({name})):
                words |= noun_forms(word.split("-")[-1])
        words |= sense.preps
    return frozenset(words)


def _build_needs() -> dict[str, list[frozenset[str] | None]]:
    by_form: dict[str, list[frozenset[str] | None]] = {}
    for lemma, senses in VERB_SENSES.items():
        for form in verb_forms(lemma.split("-")[-1]):
            by_form.setdefault(form, []).append(_needs(senses))
    for lemma, senses in NOUN_SENSES.items():
        for form in noun_forms(lemma.split("-")[-1]):
            by_form.setdefault(form, []).append(_needs(senses))
    return by_form


# form -> for each lemma it may come from, the words its senses need (None: nothing)
FORM_NEEDS: Final[dict[str, list[frozenset[str] | None]]] = _build_needs()
# Triggers found by a pattern rather than a sense (trigger_guards.made_to_pay,
# trigger_guards.judged_wrong): the words that must occur with them.
for _form in verb_forms("pay"):
    FORM_NEEDS.setdefault(_form, []).append(frozenset({"dearly", "price", "penalty"}))
for _verb in ("face", "suffer"):
    for _form in verb_forms(_verb):
        FORM_NEEDS.setdefault(_form, []).append(
            frozenset(f for w in WORD_CLASSES["penalty"] for f in noun_forms(w))
        )
_SPEECH_FORMS = frozenset(f for v in SPEECH_VERBS for f in verb_forms(v))
for _word in WORD_CLASSES["wrongdoing"]:
    for _form in noun_forms(_word):
        FORM_NEEDS.setdefault(_form, []).append(_SPEECH_FORMS)
TRIGGER_FORMS = (
    TRIGGER_FORMS
    | {f for v in ("face", "suffer") for f in verb_forms(v)}
    | {f for w in WORD_CLASSES["wrongdoing"] for f in noun_forms(w)}
)


def trigger_possible(words: set[str]) -> bool:
    """True when some word is a trigger form whose argument constraints can hold here."""
    for word in words & TRIGGER_FORMS:
        needs = FORM_NEEDS.get(word)
        if needs is None:
            return True  # "ready", "must": wrappers with no table entry
        for need in needs:
            if need is None or need & words:
                return True
    return False
