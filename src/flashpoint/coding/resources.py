"""The coder's collaborators (actor resolution, event dates, places) as one swappable bundle.

The Coder uses the real modules by default; tests pass small fakes so that coding can be
checked without gazetteers. Only `default_resources` imports the real modules.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from flashpoint.models import EventDate, Location


class Mention(Protocol):
    """What the coder needs of an actor mention (flashpoint.coding.actors.ActorMention)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def code(self) -> str: ...
    @property
    def sector(self) -> str | None: ...
    @property
    def kind(self) -> str: ...


BuildContext = Callable[[str, str | None], Any]
FindMentions = Callable[[str, int, int, Any], list[Any]]
HasMention = Callable[[str, int, int, Any], bool]
ResolveReference = Callable[[int, str, Any], Any]
EventDateFn = Callable[[str, int, int, int, datetime | None, str | None], EventDate]
EventPlaceFn = Callable[[str, int, int, int], Location | None]


@dataclass(frozen=True, slots=True)
class CodingResources:
    build_actor_context: BuildContext
    find_actor_mentions: FindMentions
    has_actor_mention: HasMention
    resolve_reference: ResolveReference
    event_date: EventDateFn
    event_location: EventPlaceFn


def default_resources() -> CodingResources:
    """The real actor, date and place modules."""
    from flashpoint.coding import actors, dates, places  # noqa: PLC0415 - heavy gazetteers load on first use

    def find(text: str, start: int, end: int, context: Any) -> list[Any]:
        return list(actors.find_actor_mentions(text, start, end, context=context))

    def build(text: str, title: str | None) -> Any:
        return actors.build_actor_context(text, title=title)

    return CodingResources(
        build_actor_context=build,
        find_actor_mentions=find,
        has_actor_mention=actors.has_actor_mention,
        resolve_reference=actors.resolve_reference,
        event_date=dates.event_date,
        event_location=places.event_location,
    )
