"""The embedded database: schema migrations, the one writer, filtered reads. All SQL is here."""

from flashpoint.store.database import CodingState, Store, StoreStats, open_store
from flashpoint.store.queries import ArticleFilter, EventFilter
from flashpoint.store.schema import LATEST_VERSION, MIGRATIONS, Migration
from flashpoint.store.stories import StoryFilter
from flashpoint.store.writer import ArticleWrite, CodedArticle, Duplicate, StoreWriter

__all__ = [
    "LATEST_VERSION",
    "MIGRATIONS",
    "ArticleFilter",
    "ArticleWrite",
    "CodedArticle",
    "CodingState",
    "Duplicate",
    "EventFilter",
    "Migration",
    "Store",
    "StoreStats",
    "StoreWriter",
    "StoryFilter",
    "open_store",
]
