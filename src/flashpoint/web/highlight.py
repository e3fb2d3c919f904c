"""The evidence sentence cut into pieces so a template can mark actor, trigger and recipient.

Offsets in an event are article offsets; the sentence starts at `event.sentence.start`.
Pieces never overlap: where two marks cover the same characters, the trigger wins, then
actors, then recipients. Templates escape each piece, so article text is never markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from flashpoint.models import Event

_PRIORITY = {"trigger": 3, "actor": 2, "recipient": 1}


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    role: str | None  # "actor", "trigger", "recipient" or None for plain text
    label: str | None = None  # the code shown on hover, e.g. "PRK GOV"


def evidence_pieces(event: Event) -> list[Piece]:
    """The evidence sentence as plain and marked pieces, in order."""
    sentence = event.sentence
    size = len(sentence.text)
    roles: list[str | None] = [None] * size
    labels: list[str | None] = [None] * size

    def mark(start: int, end: int, role: str, label: str) -> None:
        for i in range(max(0, start - sentence.start), min(size, end - sentence.start)):
            current = roles[i]
            if current is None or _PRIORITY[role] > _PRIORITY[current]:
                roles[i] = role
                labels[i] = label

    for entity in event.recipients:
        mark(entity.start, entity.end, "recipient", _label(entity.code, entity.sector))
    for entity in event.actors:
        mark(entity.start, entity.end, "actor", _label(entity.code, entity.sector))
    mark(event.trigger.start, event.trigger.end, "trigger", event.category)

    pieces: list[Piece] = []
    start = 0
    for i in range(1, size + 1):
        if i == size or roles[i] != roles[start] or labels[i] != labels[start]:
            pieces.append(Piece(sentence.text[start:i], roles[start], labels[start]))
            start = i
    return pieces


def _label(code: str, sector: str | None) -> str:
    return f"{code} {sector}" if sector else code


def article_pieces(text: str, events: list[Event]) -> list[Piece]:
    """An article's text with every event's evidence sentence marked (for the article page)."""
    size = len(text)
    roles: list[str | None] = [None] * size
    for event in events:
        for i in range(max(0, event.sentence.start), min(size, event.sentence.end)):
            roles[i] = "evidence"
        for i in range(max(0, event.trigger.start), min(size, event.trigger.end)):
            roles[i] = "trigger"
    pieces: list[Piece] = []
    start = 0
    for i in range(1, size + 1):
        if i == size or roles[i] != roles[start]:
            pieces.append(Piece(text[start:i], roles[start]))
            start = i
    return pieces
