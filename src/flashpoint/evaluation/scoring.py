"""Pieces every evaluation shares: the coder interface, the main event, code normalising.

The scorers take any object with `code_articles`, so tests can hand them a fake coder
that returns hand-built events with known answers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from flashpoint.models import Article, Event

NONE_LABEL = "NONE"  # the predicted "category" of a text in which no event was coded
# Placeholders for "no code": "***" and "" in the gold records, "---" from the coder for
# an actor it found but could not resolve. They are dropped on both sides before comparing.
IGNORED_CODES = frozenset({"", "***", "---"})


class EventCoder(Protocol):
    """What the scorers need from the coder (flashpoint.coding.coder.Coder has it)."""

    def code_articles(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        """Code each article; yield it with its events in text order."""
        ...


def main_event(events: Sequence[Event]) -> Event | None:
    """The highest-confidence event; ties go to the first in text order; None if no event."""
    best: Event | None = None
    for event in sorted(events, key=lambda e: (e.sentence.start, e.trigger.start)):
        if best is None or event.confidence > best.confidence:
            best = event
    return best


def normalise_code(code: str) -> str:
    """The country or organisation part of a code, with every IGO collapsed to "IGO".

    Gold records write an international organisation as plain "IGO"; the coder writes
    "IGO:UNO", "IGO:NATO", ... Sectors are never part of a code and are compared apart.
    """
    cleaned = code.strip().upper()
    if cleaned.startswith("IGO"):
        return "IGO"
    return cleaned


def base_sector(sector: str | None) -> str:
    """The three-letter sector ("CVLalb" -> "CVL", "REBHUT" -> "REB"); "" when none."""
    if sector is None or sector.strip() in IGNORED_CODES:
        return ""
    return sector.strip()[:3].upper()


def rate(numerator: int, denominator: int) -> float:
    """A share in 0..1; 0.0 when there is nothing to count (shown with its support)."""
    return numerator / denominator if denominator else 0.0


@dataclass(frozen=True, slots=True)
class Share:
    """A counted rate: how many of how many, so reports never show a bare percentage."""

    hits: int
    total: int

    @property
    def value(self) -> float:
        return rate(self.hits, self.total)

    def to_dict(self) -> dict[str, float | int]:
        return {"hits": self.hits, "total": self.total, "rate": round(self.value, 4)}
