"""Running the real coder on one hand-written sentence, for the behavioural coding tests."""

from __future__ import annotations

from conftest import make_article
from flashpoint.coding.coder import Coder
from flashpoint.models import Event


def events_of(coder: Coder, text: str, published: str = "2024-04-03") -> list[Event]:
    """Every event the coder codes in `text`, published on that day."""
    return coder.code_article(make_article(text, published=published))


def top(coder: Coder, text: str, published: str = "2024-04-03") -> Event:
    """The surest event of `text`; fails the test when nothing is coded."""
    events = events_of(coder, text, published)
    assert events, f"no event coded for {text!r}"
    return max(events, key=lambda e: e.confidence)
