"""What `flashpoint watch` remembers between polls and across restarts.

Three tables (created by the watch migration in schema.py, described in docs/WATCH.md):
`watch_sources` (conditional-GET validators and the schedule of each feed, sitemap or
page), `watch_links` (the queue of article links found, with their outcome) and
`watch_alerts` (alerts already delivered, so a restart does not send them again).

Crash safety comes from the order of the transactions, each one whole or absent:
1. a poll stores the source's new ETag together with the links it found, so links
   are never lost behind a validator that says "not modified";
2. a link leaves the `pending` state only after its article (or its rejection) is
   stored; killed in between, the link is fetched again and the store's dedup by id
   and content hash turns the second copy into a duplicate, never a second row.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from flashpoint.models import Rejection, canonical_url, utc_now
from flashpoint.store.rows import rejection_row

if TYPE_CHECKING:
    from flashpoint.store.database import Store

LINK_STATES = ("pending", "stored", "duplicate", "rejected", "failed")


@dataclass(frozen=True, slots=True)
class SourceState:
    url: str
    kind: str
    etag: str | None
    last_modified: str | None
    polled_at: datetime | None
    next_poll_at: datetime | None
    last_status: str | None
    failures: int


@dataclass(frozen=True, slots=True)
class QueuedLink:
    """An article link waiting to be fetched, with the hints its feed gave."""

    url: str
    source_url: str
    outlet: str | None = None
    language: str | None = None
    title: str | None = None
    published_at: datetime | None = None
    attempts: int = 0

    @property
    def canonical(self) -> str:
        return canonical_url(self.url)


@dataclass(frozen=True, slots=True)
class PollOutcome:
    """What a poll of one source found, stored in one transaction."""

    source_url: str
    kind: str
    status: str  # for people: "12 new links", "not modified", "[FP506] ..."
    next_poll_at: datetime
    etag: str | None = None
    last_modified: str | None = None
    failed: bool = False
    links: tuple[QueuedLink, ...] = ()
    rejection: Rejection | None = None


class WatchState:
    """Reads and writes the watch tables of an open Store (same connection, same lock)."""

    def __init__(self, store: Store) -> None:
        # A companion of Store inside the store package: same connection, same write lock.
        self._conn = store._conn

    @contextmanager
    def _transaction(self) -> Iterator[Any]:
        self._conn.execute("BEGIN TRANSACTION")
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    # -- sources ---------------------------------------------------------------

    def sources(self) -> dict[str, SourceState]:
        rows = self._conn.execute(
            "SELECT url, kind, etag, last_modified, polled_at, next_poll_at, last_status, failures "
            "FROM watch_sources"
        ).fetchall()
        return {row[0]: SourceState(*row) for row in rows}

    def record_poll(self, outcome: PollOutcome) -> int:
        """Store a poll: the source's validators and schedule with the new links; gives
        the number of links queued (links already queued or stored are skipped)."""
        now = utc_now()
        by_canonical = {link.canonical: link for link in outcome.links}
        keys = list(by_canonical)
        with self._transaction() as conn:
            known = {
                row[0]
                for row in conn.execute(
                    "SELECT canonical_url FROM watch_links WHERE list_contains(?, canonical_url) "
                    "UNION SELECT canonical_url FROM articles WHERE list_contains(?, canonical_url)",
                    [keys, keys],
                ).fetchall()
            }
            new = [link for key, link in by_canonical.items() if key not in known]
            if new:
                conn.executemany(
                    "INSERT INTO watch_links (canonical_url, url, source_url, outlet, language, "
                    "title, published_at, state, first_seen_at, updated_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)",
                    [
                        [
                            link.canonical,
                            link.url,
                            link.source_url,
                            link.outlet,
                            link.language,
                            link.title,
                            link.published_at,
                            now,
                            now,
                        ]
                        for link in new
                    ],
                )
            conn.execute(
                "INSERT INTO watch_sources (url, kind, etag, last_modified, polled_at, "
                "next_poll_at, last_status, failures) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (url) DO UPDATE SET kind = excluded.kind, "
                "etag = coalesce(excluded.etag, watch_sources.etag), "
                "last_modified = coalesce(excluded.last_modified, watch_sources.last_modified), "
                "polled_at = excluded.polled_at, next_poll_at = excluded.next_poll_at, "
                "last_status = excluded.last_status, "
                "failures = CASE WHEN excluded.failures > 0 "
                "THEN watch_sources.failures + 1 ELSE 0 END",
                [
                    outcome.source_url,
                    outcome.kind,
                    None if outcome.failed else outcome.etag,
                    None if outcome.failed else outcome.last_modified,
                    now,
                    outcome.next_poll_at,
                    outcome.status,
                    1 if outcome.failed else 0,
                ],
            )
            if outcome.rejection is not None:
                self._insert_rejection(conn, outcome.rejection)
        return len(new)

    # -- links -------------------------------------------------------------------

    def pending_links(self, limit: int | None = None) -> list[QueuedLink]:
        """Links to fetch now, oldest first (those told to wait are left for later)."""
        sql = (
            "SELECT url, source_url, outlet, language, title, published_at, attempts "
            "FROM watch_links WHERE state = 'pending' AND (not_before IS NULL OR not_before <= ?) "
            "ORDER BY first_seen_at, canonical_url"
        )
        params: list[Any] = [utc_now()]
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [QueuedLink(*row) for row in self._conn.execute(sql, params).fetchall()]

    def finish_link(
        self,
        link: QueuedLink,
        state: str,
        *,
        article_id: str | None = None,
        rejection: Rejection | None = None,
    ) -> None:
        """Close a link for good: stored, duplicate, rejected or failed (with its rejection)."""
        if state not in LINK_STATES or state == "pending":
            raise ValueError(f"a finished link cannot be {state!r}")
        with self._transaction() as conn:
            conn.execute(
                "UPDATE watch_links SET state = ?, article_id = ?, last_error = ?, "
                "attempts = attempts + 1, updated_at = ? WHERE canonical_url = ?",
                [
                    state,
                    article_id,
                    rejection.reason if rejection else None,
                    utc_now(),
                    link.canonical,
                ],
            )
            if rejection is not None:
                self._insert_rejection(conn, rejection)

    def retry_link_later(self, link: QueuedLink, error: str, not_before: datetime) -> None:
        """A transient failure: count the attempt and leave the link pending until `not_before`."""
        with self._transaction() as conn:
            conn.execute(
                "UPDATE watch_links SET attempts = attempts + 1, not_before = ?, last_error = ?, "
                "updated_at = ? WHERE canonical_url = ?",
                [not_before, error, utc_now(), link.canonical],
            )

    def links(self, state: str | None = None) -> list[QueuedLink]:
        """Every queued link (or those in one state), due or not, oldest first."""
        sql = (
            "SELECT url, source_url, outlet, language, title, published_at, attempts "
            "FROM watch_links"
        )
        params: list[Any] = []
        if state is not None:
            sql += " WHERE state = ?"
            params.append(state)
        sql += " ORDER BY first_seen_at, canonical_url"
        return [QueuedLink(*row) for row in self._conn.execute(sql, params).fetchall()]

    def retry_now(self) -> int:
        """Make the links waiting after a transient failure due at once; gives their number."""
        with self._transaction() as conn:
            row = conn.execute(
                "SELECT count(*) FROM watch_links WHERE state = 'pending' AND not_before > ?",
                [utc_now()],
            ).fetchone()
            conn.execute("UPDATE watch_links SET not_before = NULL WHERE state = 'pending'")
        return int(row[0]) if row else 0

    def next_retry(self) -> datetime | None:
        """The earliest time a link waiting after a transient failure may be tried again."""
        row = self._conn.execute(
            "SELECT min(not_before) FROM watch_links WHERE state = 'pending'"
        ).fetchone()
        return row[0] if row and row[0] is not None else None

    def link_counts(self) -> dict[str, int]:
        rows = self._conn.execute(
            "SELECT state, count(*) FROM watch_links GROUP BY state ORDER BY state"
        ).fetchall()
        return {str(state): int(n) for state, n in rows}

    # -- alerts ------------------------------------------------------------------

    def unsent_alerts(self, alert_ids: Sequence[str]) -> set[str]:
        """The ids among these that no sink has been given yet."""
        ids = list(alert_ids)
        sent = {
            row[0]
            for row in self._conn.execute(
                "SELECT alert_id FROM watch_alerts WHERE list_contains(?, alert_id)", [ids]
            ).fetchall()
        }
        return set(ids) - sent

    def record_alert(self, alert_id: str, sinks: Sequence[str]) -> None:
        with self._transaction() as conn:
            conn.execute(
                "INSERT INTO watch_alerts VALUES (?, ?, ?) ON CONFLICT (alert_id) DO NOTHING",
                [alert_id, utc_now(), ",".join(sinks)],
            )

    @staticmethod
    def _insert_rejection(conn: Any, rejection: Rejection) -> None:
        conn.execute(
            "INSERT INTO rejections (source, code, reason, detail, rejected_at) "
            "VALUES (?, ?, ?, ?, ?)",
            rejection_row(rejection),
        )
