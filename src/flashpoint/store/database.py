"""The embedded DuckDB database: opening, migrating, reading. Writes go through `writer`."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from flashpoint.errors import StoreError
from flashpoint.models import Article, Event, Rejection, Story
from flashpoint.store.integrity import IntegrityReport, check_integrity
from flashpoint.store.queries import (
    ArticleFilter,
    EventFilter,
    read_articles,
    read_articles_by_id,
    read_events,
    read_rejections,
)
from flashpoint.store.schema import check_version, migrate
from flashpoint.store.stories import (
    StoryFilter,
    read_events_by_id,
    read_evidence_sentences,
    read_stories,
    read_stories_near,
    read_story,
    read_story_ids_for,
    read_ungrouped_events,
)
from flashpoint.store.writer import StoreWriter


@dataclass(frozen=True, slots=True)
class CodingState:
    """Where an article stands in coding."""

    article_id: str
    coded_at: datetime | None
    coder_version: str | None
    error: str | None
    events: int


@dataclass(frozen=True, slots=True)
class StoreStats:
    path: str
    size_bytes: int
    schema_version: int
    articles: int
    coded: int
    pending: int
    events: int
    events_by_category: dict[str, int] = field(default_factory=dict)
    events_by_status: dict[str, int] = field(default_factory=dict)
    rejections_by_code: dict[str, int] = field(default_factory=dict)


class Store:
    """An open flashpoint database. Use as a context manager, or call `close()`.

    Opening creates the file and its parent directories when missing and applies any
    schema migrations it lacks.
    """

    def __init__(
        self, path: Path | str, *, read_only: bool = False, lock_wait: float = 0.0
    ) -> None:
        import duckdb  # noqa: PLC0415 - keep `flashpoint --help` fast

        self.path = Path(path).expanduser()
        self.read_only = read_only
        deadline = time.monotonic() + lock_wait
        delay = 0.05
        while True:
            try:
                if not read_only:
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                self._conn = duckdb.connect(str(self.path), read_only=read_only)
                break
            except (OSError, duckdb.Error) as exc:
                # Another process (the API server between requests, say) holds the file:
                # wait for it up to `lock_wait` seconds instead of failing at once.
                if "lock" in str(exc).lower() and time.monotonic() + delay < deadline:
                    time.sleep(delay)
                    delay = min(delay * 2, 1.0)
                    continue
                raise StoreError(
                    "FP401", f"cannot open the database: {exc}", source=str(self.path)
                ) from exc
        try:
            self._conn.execute("SET TimeZone = 'UTC'")
            # Read-only (the HTTP server): no migration, but never read a newer schema.
            self.schema_version = (
                check_version(self._conn, str(self.path))
                if read_only
                else migrate(self._conn, str(self.path))
            )
        except BaseException:
            self._conn.close()
            raise
        self._writer = StoreWriter(self._conn)

    @property
    def writer(self) -> StoreWriter:
        """The one object through which this store is changed."""
        return self._writer

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- reads ---------------------------------------------------------------

    def events(self, flt: EventFilter | None = None) -> list[Event]:
        return read_events(self._conn, flt or EventFilter())

    def articles(self, flt: ArticleFilter | None = None) -> list[Article]:
        return read_articles(self._conn, flt or ArticleFilter())

    def article(self, article_id: str) -> Article | None:
        found = read_articles_by_id(self._conn, [article_id])
        return found[0] if found else None

    def articles_by_id(self, ids: list[str]) -> list[Article]:
        return read_articles_by_id(self._conn, ids)

    def rejections(self, limit: int | None = None) -> list[Rejection]:
        return read_rejections(self._conn, limit)

    def pending_article_ids(self, *, limit: int | None = None, recode: bool = False) -> list[str]:
        """Ids of articles to code: those not yet coded, or all of them with `recode`."""
        sql = "SELECT id FROM articles"
        if not recode:
            sql += " WHERE coded_at IS NULL"
        sql += " ORDER BY published_at NULLS LAST, id"
        params: list[Any] = []
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [row[0] for row in self._conn.execute(sql, params).fetchall()]

    def coding_state(self, ids: list[str]) -> dict[str, CodingState]:
        rows = self._conn.execute(
            "SELECT a.id, a.coded_at, a.coder_version, a.coding_error, count(e.event_id) "
            "FROM articles a LEFT JOIN events e ON e.article_id = a.id "
            "WHERE list_contains(?, a.id) GROUP BY ALL",
            [ids],
        ).fetchall()
        return {row[0]: CodingState(*row) for row in rows}

    def article_urls(self, ids: list[str]) -> dict[str, str | None]:
        rows = self._conn.execute(
            "SELECT id, url FROM articles WHERE list_contains(?, id)", [ids]
        ).fetchall()
        return {row[0]: row[1] for row in rows}

    def stats(self) -> StoreStats:
        def one(sql: str) -> int:
            row = self._conn.execute(sql).fetchone()
            return int(row[0]) if row and row[0] is not None else 0

        def counts(sql: str) -> dict[str, int]:
            return {str(k): int(v) for k, v in self._conn.execute(sql).fetchall()}

        self._conn.execute("CHECKPOINT")
        articles = one("SELECT count(*) FROM articles")
        coded = one("SELECT count(*) FROM articles WHERE coded_at IS NOT NULL")
        return StoreStats(
            path=str(self.path),
            size_bytes=self.path.stat().st_size if self.path.exists() else 0,
            schema_version=self.schema_version,
            articles=articles,
            coded=coded,
            pending=articles - coded,
            events=one("SELECT count(*) FROM events"),
            events_by_category=counts(
                "SELECT category, count(*) AS n FROM events GROUP BY category ORDER BY n DESC, category"
            ),
            events_by_status=counts(
                "SELECT status, count(*) AS n FROM events GROUP BY status ORDER BY n DESC, status"
            ),
            rejections_by_code=counts(
                "SELECT code, count(*) AS n FROM rejections GROUP BY code ORDER BY n DESC, code"
            ),
        )

    def top_dyads(self, limit: int = 10) -> list[tuple[str, str, int]]:
        """The most frequent (actor code, recipient code) pairs with their event counts."""
        rows = self._conn.execute(
            "SELECT a.code, r.code, count(DISTINCT a.event_id) AS n FROM event_entities a "
            "JOIN event_entities r ON r.event_id = a.event_id AND r.role = 'recipient' "
            "WHERE a.role = 'actor' AND a.code <> r.code "
            "GROUP BY a.code, r.code ORDER BY n DESC, a.code, r.code LIMIT ?",
            [limit],
        ).fetchall()
        return [(str(a), str(r), int(n)) for a, r, n in rows]

    # -- stories (docs/STORIES.md) -------------------------------------------

    def stories(self, flt: StoryFilter | None = None, *, members: bool = False) -> list[Story]:
        """Stories matching the filter, by date; their members only when asked."""
        return read_stories(self._conn, flt or StoryFilter(), members=members)

    def story(self, story_id: str) -> Story | None:
        """One story with its members, by id or an unambiguous prefix of it."""
        return read_story(self._conn, story_id)

    def story_ids_for(self, event_ids: list[str]) -> dict[str, str]:
        """event id -> story id for the given events (events in no story are left out)."""
        return read_story_ids_for(self._conn, event_ids)

    def stories_near(self, since: date, until: date) -> list[Story]:
        """Stories with members whose events' dates overlap [since, until]."""
        return read_stories_near(self._conn, since, until)

    def ungrouped_events(self) -> list[Event]:
        """Events in no story yet."""
        return read_ungrouped_events(self._conn)

    def events_by_id(self, event_ids: list[str]) -> list[Event]:
        return read_events_by_id(self._conn, event_ids)

    def evidence_sentences(self) -> list[str]:
        """The distinct evidence sentences of all events (wording weights for grouping)."""
        return read_evidence_sentences(self._conn)

    # -- integrity (flashpoint check) -------------------------------------------

    def check_integrity(self, *, hash_sample: int | None = 1000) -> IntegrityReport:
        """A read-only report of the rules the data must keep (`flashpoint check`).

        `hash_sample`: how many articles have their content hash recomputed (None: all).
        """
        return check_integrity(self._conn, str(self.path), hash_sample=hash_sample)


def open_store(path: Path | str | None = None) -> Store:
    """Open the database at `path`, or at the configured default (Settings.db_path)."""
    if path is None:
        from flashpoint.config import load_settings  # noqa: PLC0415 - only when no path given

        path = load_settings().db_path
    return Store(path)
