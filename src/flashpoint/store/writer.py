"""The one writer: every change to the database goes through `StoreWriter`.

Each public method is one transaction. A batch of articles, or the events of a set of
coded articles, is stored whole or not at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any

from flashpoint.models import Alert, Article, Event, Rejection, Story, utc_now
from flashpoint.store.analytics import write_alerts
from flashpoint.store.rows import (
    ARTICLE_COLUMNS,
    ENTITY_COLUMNS,
    EVENT_COLUMNS,
    article_row,
    entity_rows,
    event_row,
    rejection_row,
)
from flashpoint.store.stories import clear_stories, prune_members, write_stories


@dataclass(frozen=True, slots=True)
class Duplicate:
    """An article that was not stored because the store already holds it."""

    article_id: str
    kept_id: str  # the id of the row that holds it
    source: str | None
    reason: str  # "same id" or "same text"


@dataclass(slots=True)
class ArticleWrite:
    stored: list[str] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class CodedArticle:
    """The outcome of coding one article: its events, or the rejection saying why it failed."""

    article_id: str
    events: tuple[Event, ...] = ()
    failure: Rejection | None = None


def insert_rows(conn: Any, table: str, columns: str, rows: list[list[Any]]) -> None:
    """Insert many rows at once through an Arrow table (executemany runs row by row).

    `table` and `columns` are fixed names from this module, never user input.
    """
    import pyarrow as pa  # noqa: PLC0415 - only needed when writing

    names = [c.strip() for c in columns.split(",")]
    batch = pa.table({name: [row[i] for row in rows] for i, name in enumerate(names)})
    conn.register("_flashpoint_rows", batch)
    conn.execute(
        f"INSERT INTO {table} ({columns}) SELECT {columns} FROM _flashpoint_rows"  # noqa: S608 - fixed names
    )
    # Not in a `finally`: after a failed insert the transaction is aborted and unregistering
    # would raise, hiding the real error; the next register replaces the view anyway.
    conn.unregister("_flashpoint_rows")


class StoreWriter:
    """Writes articles, events and rejections. Obtain it from `Store.writer`."""

    def __init__(self, conn: Any) -> None:
        self._conn = conn

    @contextmanager
    def _transaction(self) -> Iterator[Any]:
        self._conn.execute("BEGIN TRANSACTION")
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def add_articles(self, articles: Iterable[Article]) -> ArticleWrite:
        """Store new articles; ones already held (same id or same text) are reported, not stored."""
        result = ArticleWrite()
        batch = list(articles)
        if not batch:
            return result
        with self._transaction() as conn:
            ids = [a.id for a in batch]
            hashes = [a.content_hash for a in batch]
            held_ids = {
                row[0]
                for row in conn.execute(
                    "SELECT id FROM articles WHERE list_contains(?, id)", [ids]
                ).fetchall()
            }
            held_hashes: dict[str, str] = dict(
                conn.execute(
                    "SELECT content_hash, min(id) FROM articles "
                    "WHERE list_contains(?, content_hash) GROUP BY content_hash",
                    [hashes],
                ).fetchall()
            )
            rows: list[list[Any]] = []
            for article in batch:
                if article.id in held_ids:
                    result.duplicates.append(
                        Duplicate(article.id, article.id, article.source, "same id")
                    )
                    continue
                kept = held_hashes.get(article.content_hash)
                if kept is not None:
                    result.duplicates.append(
                        Duplicate(article.id, kept, article.source, "same text")
                    )
                    continue
                if article.ingested_at is None:
                    article = replace(article, ingested_at=utc_now())  # noqa: PLW2901 - stamped copy
                rows.append(article_row(article))
                held_ids.add(article.id)
                held_hashes[article.content_hash] = article.id
                result.stored.append(article.id)
            if rows:
                insert_rows(conn, "articles", ARTICLE_COLUMNS, rows)
        return result

    def add_rejections(self, rejections: Sequence[Rejection]) -> int:
        if not rejections:
            return 0
        with self._transaction() as conn:
            conn.executemany(
                "INSERT INTO rejections (source, code, reason, detail, rejected_at) VALUES (?, ?, ?, ?, ?)",
                [rejection_row(r) for r in rejections],
            )
        return len(rejections)

    def store_coded(self, coded: Sequence[CodedArticle], coder_version: str) -> int:
        """Replace the events of each coded article and mark it coded; returns events stored.

        Re-coding is idempotent: an article's old events are deleted in the same
        transaction that inserts the new ones. A failed article keeps no events, is
        marked with its error (so `code` does not retry it forever) and gets a rejection.
        """
        if not coded:
            return 0
        ids = [c.article_id for c in coded]
        event_rows: list[list[Any]] = []
        entity_rows_all: list[list[Any]] = []
        seen: set[str] = set()
        for item in coded:
            for event in item.events:
                if event.event_id in seen:  # one evidence, one event: keep the first
                    continue
                seen.add(event.event_id)
                event_rows.append(event_row(event))
                entity_rows_all.extend(entity_rows(event))
        failures = [c for c in coded if c.failure is not None]
        now = utc_now()
        with self._transaction() as conn:
            # Only articles coded before have events to replace; skipping the delete for
            # first-time coding keeps each batch's cost independent of the store's size.
            recoded = [
                row[0]
                for row in conn.execute(
                    "SELECT a.id FROM articles a JOIN (SELECT unnest(?) AS id) b ON a.id = b.id "
                    "WHERE a.coded_at IS NOT NULL",
                    [ids],
                ).fetchall()
            ]
            if recoded:
                conn.execute(
                    "DELETE FROM event_entities WHERE event_id IN "
                    "(SELECT event_id FROM events WHERE list_contains(?, article_id))",
                    [recoded],
                )
                conn.execute("DELETE FROM events WHERE list_contains(?, article_id)", [recoded])
            if event_rows:
                insert_rows(conn, "events", EVENT_COLUMNS, event_rows)
            if entity_rows_all:
                insert_rows(conn, "event_entities", ENTITY_COLUMNS, entity_rows_all)
            conn.executemany(
                "UPDATE articles SET coded_at = ?, coder_version = ?, coding_error = ? WHERE id = ?",
                [
                    [now, coder_version, c.failure.reason if c.failure else None, c.article_id]
                    for c in coded
                ],
            )
            if failures:
                conn.executemany(
                    "INSERT INTO rejections (source, code, reason, detail, rejected_at) "
                    "VALUES (?, ?, ?, ?, ?)",
                    [rejection_row(c.failure) for c in failures if c.failure is not None],
                )
        return len(event_rows)

    # -- stories (docs/STORIES.md) ---------------------------------------------

    def save_stories(self, stories: Sequence[Story], removed: Sequence[str] = ()) -> int:
        """Replace these stories with their members and delete the `removed` story ids."""
        if not stories and not removed:
            return 0
        with self._transaction() as conn:
            return write_stories(conn, stories, removed)

    def clear_stories(self) -> int:
        """Delete every story (before regrouping from scratch); returns how many there were."""
        with self._transaction() as conn:
            return clear_stories(conn)

    def prune_story_members(self) -> list[str]:
        """Drop story members whose event no longer exists; returns the story ids touched."""
        with self._transaction() as conn:
            return prune_members(conn)

    # -- alerts (docs/ANALYTICS.md) ----------------------------------------------

    def replace_alerts(
        self, actor: str, recipient: str | None, periods: list[str], alerts: Sequence[Alert]
    ) -> int:
        """Replace a dyad's alerts for the periods examined with these; returns how many stored."""
        with self._transaction() as conn:
            return write_alerts(conn, actor, recipient, periods, list(alerts))
