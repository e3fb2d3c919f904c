"""Wording weighted by rarity: the terms of an evidence sentence and what each one tells.

`wording.content_words` treats every content word alike, so boilerplate that runs
through a whole outlet ("general secretary", "Democratic People's Republic",
"officials visited") counts as much as the words that name an event ("Hwasongpho-19",
"airstrikes", "Beledweyne"). Here each term weighs by its inverse document frequency
among the evidence sentences of the store (`TermWeights.from_sentences`): a term in
every other sentence weighs almost nothing, a term seen once weighs 1.

Terms are content words (same exclusions as `content_words`) stemmed and then cut to
`_PREFIX` letters, so "congratulations", "congratulatory" and "congratulated" are one
term. Numbers of two or more digits that are not days or years are terms.

With fewer than `MIN_DOCUMENTS` sentences (a new store, hand-built tests) the counts
say too little and every term weighs 1: the measure is then the plain overlap.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from flashpoint.models import Entity, Event
from flashpoint.stories.wording import is_stopword, stem

MIN_DOCUMENTS = 200
_PREFIX = 7
_WORD = re.compile(r"[A-Za-z][A-Za-z]+|\d{2,}")
_MIN_WORDS = 4.0  # flat weights: a short sentence counts as four words
_MIN_MASS = 2.0  # store weights: a short sentence counts as this much weight


def term(word: str) -> str | None:
    """The term of one word, or None for function, reporting and calendar words."""
    lowered = word.lower()
    if lowered.isdigit():
        return None if int(lowered) <= 31 or len(lowered) == 4 else lowered
    if is_stopword(lowered):
        return None
    stemmed = stem(lowered)
    return None if is_stopword(stemmed) else stemmed[:_PREFIX]


def terms_of_text(text: str, skip: Iterable[tuple[int, int]] = ()) -> frozenset[str]:
    """The terms of a text, leaving out words inside the `skip` spans (text offsets)."""
    spans = list(skip)
    found: set[str] = set()
    for match in _WORD.finditer(text):
        if any(s <= match.start() and match.end() <= e for s, e in spans):
            continue
        value = term(match.group(0))
        if value is not None:
            found.add(value)
    return frozenset(found)


def event_terms(event: Event) -> frozenset[str]:
    """The terms of the evidence sentence without the words naming its actors and recipients."""
    entities: list[Entity] = [*event.actors, *event.recipients]
    if event.attribution is not None:
        entities.append(event.attribution)
    base = event.sentence.start
    return terms_of_text(event.sentence.text, [(e.start - base, e.end - base) for e in entities])


@dataclass(frozen=True, slots=True)
class TermWeights:
    """Inverse document frequencies of terms over a set of sentences (module docstring)."""

    documents: int = 0
    frequencies: Mapping[str, int] = field(default_factory=dict)
    _known: dict[str, float] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_sentences(cls, sentences: Iterable[str]) -> TermWeights:
        counts: Counter[str] = Counter()
        documents = 0
        for sentence in sentences:
            documents += 1
            counts.update(terms_of_text(sentence))
        return cls(documents, dict(counts))

    @property
    def flat(self) -> bool:
        return self.documents < MIN_DOCUMENTS

    def weight(self, value: str) -> float:
        """1 for a term seen at most once, falling towards 0 as it appears everywhere."""
        if self.flat:
            return 1.0
        known = self._known.get(value)
        if known is None:
            seen = max(1, self.frequencies.get(value, 0))
            known = min(1.0, math.log(self.documents / seen) / math.log(self.documents))
            self._known[value] = known
        return known

    def mass(self, values: Iterable[str]) -> float:
        return sum(self.weight(v) for v in values)


FLAT = TermWeights()


def weighted_similarity(
    first: frozenset[str], second: frozenset[str], weights: TermWeights = FLAT
) -> float:
    """Weighted overlap: the weight of the shared terms over the lighter side's weight.

    The lighter side counts as at least `_MIN_WORDS` words (flat weights) or
    `_MIN_MASS` (store weights), so two short fragments sharing one word do not look alike.
    """
    if not first or not second:
        return 0.0
    shared = weights.mass(first & second)
    lighter = min(weights.mass(first), weights.mass(second))
    return shared / max(lighter, _MIN_WORDS if weights.flat else _MIN_MASS)
