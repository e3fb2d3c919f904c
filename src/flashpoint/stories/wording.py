"""Wording similarity of two evidence sentences: shared content words.

Events carry their evidence sentence as text (no parse), so words are found with a
pattern, folded to lower case and cut to a crude stem ("fired", "fires", "firing" ->
"fir"). Function words, reporting words ("said", "reported"), calendar words and the
words naming the event's own actors and recipients are left out: the actor test
already compares actors, and "North Korea" would otherwise make every report about
North Korea look alike. Numbers are kept ("240", "600" tell one rocket calibre from
another) except those that are likely days or years (up to 31, four digits): dates
are compared by the date test, and datelines would otherwise match.

The similarity is the overlap coefficient |A & B| / min(|A|, |B|) with the denominator
at least `_MIN_WORDS`: one short report contained in a long one scores high, and two
three-word fragments sharing a word do not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from flashpoint.models import Entity, Event

_WORD = re.compile(r"[A-Za-z][A-Za-z]+|\d{2,}")
_MIN_WORDS = 4

_STOPWORD_TEXT = """
    a about above after again against all also am an and any are as at be been before being
    below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers him his how i if in into is it its itself
    just me more most my no nor not now of off on once only or other our ours out over own
    same she should so some such than that the their theirs them then there these they this
    those through to too under until up upon very was we were what when where which while who
    whom why will with would you your yours one two three four five six seven eight nine ten
    first second third new may might must shall another whose via per amid among around
    toward towards across along
    said says say saying told tell tells reported reports report according stated statement
    added noted announced claimed quoted cited official officials spokesman spokesperson
    news agency agencies kcna yonhap reuters press wire pyongyang seoul washington
    today yesterday tomorrow day days week weeks month months year years time times
    monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december jan feb mar apr jun jul aug sep sept
    oct nov dec morning afternoon evening night earlier later recently recent last next ago
    mr mrs ms dr st nd rd th
    """
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())


def is_stopword(word: str) -> bool:
    """A function, reporting or calendar word (lower case), left out of the wording."""
    return word in _STOPWORDS


def stem(word: str) -> str:
    """A crude English stem: enough to make "launches", "launched" and "launch" equal."""
    for suffix, replacement in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: len(word) - len(suffix)] + replacement
            break
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


def _inside(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def content_words(event: Event) -> frozenset[str]:
    """The stemmed content words of the event's evidence sentence (see the module docstring)."""
    entities: list[Entity] = [*event.actors, *event.recipients]
    if event.attribution is not None:
        entities.append(event.attribution)
    base = event.sentence.start
    spans = [(e.start - base, e.end - base) for e in entities]
    words: set[str] = set()
    for match in _WORD.finditer(event.sentence.text):
        word = match.group(0).lower()
        if word.isdigit() and (int(word) <= 31 or len(word) == 4):  # days and years: dates
            continue
        if word in _STOPWORDS or _inside(match.start(), match.end(), spans):
            continue
        stemmed = stem(word)
        if stemmed not in _STOPWORDS:
            words.add(stemmed)
    return frozenset(words)


def wording_similarity(first: frozenset[str], second: frozenset[str]) -> float:
    """Overlap coefficient of two word sets, the denominator at least `_MIN_WORDS`."""
    if not first or not second:
        return 0.0
    shared = len(first & second)
    return shared / max(min(len(first), len(second)), _MIN_WORDS)
