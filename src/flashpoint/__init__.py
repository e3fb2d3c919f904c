"""flashpoint: code political events from the news, with evidence, stories and escalation.

The notebook API::

    import flashpoint
    events = flashpoint.extract(["North Korea fired a ballistic missile on Tuesday."],
                                published="2024-04-03")
    frame = flashpoint.events_frame(events)          # pandas; backend="polars" for Polars
    with flashpoint.open_store("news.duckdb") as store:   # a database made by the CLI
        frame = flashpoint.events_frame(store.events(flashpoint.EventFilter(actor="PRK")))
"""

from __future__ import annotations

__version__ = "0.1.0"  # before the imports below: workflows reads it

from flashpoint.models import Article, Entity, Event, Rejection
from flashpoint.store import EventFilter, open_store
from flashpoint.workflows import events_frame, extract

__all__ = [
    "Article",
    "Entity",
    "Event",
    "EventFilter",
    "Rejection",
    "__version__",
    "events_frame",
    "extract",
    "open_store",
]
