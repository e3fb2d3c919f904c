"""The database schema as numbered migrations, applied in order and recorded.

A database remembers which steps it has had in `schema_version`. Opening it applies the
missing steps, each in its own transaction; a database that has steps this flashpoint
does not know (written by a newer version) is refused rather than guessed at.
The tables are described for people in docs/STORE.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flashpoint.errors import StoreError


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "articles, events with their actors and recipients, rejections",
        (
            """
            CREATE TABLE articles (
                id VARCHAR PRIMARY KEY,
                url VARCHAR,
                canonical_url VARCHAR,
                title VARCHAR,
                outlet VARCHAR,
                published_at TIMESTAMPTZ,
                language VARCHAR,
                text VARCHAR NOT NULL,
                content_hash VARCHAR NOT NULL,
                ingested_at TIMESTAMPTZ NOT NULL,
                source VARCHAR,
                coded_at TIMESTAMPTZ,
                coder_version VARCHAR,
                coding_error VARCHAR
            )
            """,
            "CREATE INDEX articles_content_hash ON articles (content_hash)",
            """
            CREATE TABLE events (
                event_id VARCHAR PRIMARY KEY,
                article_id VARCHAR NOT NULL,
                category VARCHAR NOT NULL,
                mode VARCHAR,
                status VARCHAR NOT NULL,
                context VARCHAR[] NOT NULL,
                date_value VARCHAR,
                date_granularity VARCHAR NOT NULL,
                date_type VARCHAR NOT NULL,
                date_text VARCHAR,
                date_start INTEGER,
                date_end INTEGER,
                date_note VARCHAR,
                period_start DATE,
                period_end DATE,
                location_name VARCHAR,
                location_country VARCHAR,
                location_lat DOUBLE,
                location_lon DOUBLE,
                location_start INTEGER,
                location_end INTEGER,
                location_feature VARCHAR,
                sentence_start INTEGER NOT NULL,
                sentence_end INTEGER NOT NULL,
                sentence_text VARCHAR NOT NULL,
                trigger_start INTEGER NOT NULL,
                trigger_end INTEGER NOT NULL,
                trigger_text VARCHAR NOT NULL,
                confidence DOUBLE NOT NULL,
                score DOUBLE,
                quad_class INTEGER NOT NULL,
                cameo_root VARCHAR NOT NULL,
                reciprocal BOOLEAN NOT NULL,
                attribution VARCHAR
            )
            """,
            "CREATE INDEX events_article ON events (article_id)",
            """
            CREATE TABLE event_entities (
                event_id VARCHAR NOT NULL,
                role VARCHAR NOT NULL,
                position INTEGER NOT NULL,
                code VARCHAR NOT NULL,
                sector VARCHAR,
                name VARCHAR NOT NULL,
                start_offset INTEGER NOT NULL,
                end_offset INTEGER NOT NULL,
                PRIMARY KEY (event_id, role, position)
            )
            """,
            "CREATE SEQUENCE rejection_ids START 1",
            """
            CREATE TABLE rejections (
                id BIGINT PRIMARY KEY DEFAULT nextval('rejection_ids'),
                source VARCHAR NOT NULL,
                code VARCHAR NOT NULL,
                reason VARCHAR NOT NULL,
                detail VARCHAR,
                rejected_at TIMESTAMPTZ NOT NULL
            )
            """,
        ),
    ),
    Migration(
        2,
        "stories and their member events (docs/STORIES.md)",
        (
            """
            CREATE TABLE stories (
                story_id VARCHAR PRIMARY KEY,
                category VARCHAR NOT NULL,
                actors VARCHAR[] NOT NULL,
                recipients VARCHAR[] NOT NULL,
                event_date VARCHAR,
                period_start DATE,
                period_end DATE,
                first_report TIMESTAMPTZ,
                latest_report TIMESTAMPTZ,
                n_events INTEGER NOT NULL,
                n_articles INTEGER NOT NULL,
                n_outlets INTEGER NOT NULL,
                headline VARCHAR NOT NULL,
                grouped_at TIMESTAMPTZ NOT NULL
            )
            """,
            """
            CREATE TABLE story_members (
                event_id VARCHAR PRIMARY KEY,
                story_id VARCHAR NOT NULL,
                article_id VARCHAR NOT NULL,
                position INTEGER NOT NULL,
                reason VARCHAR NOT NULL
            )
            """,
            "CREATE INDEX story_members_story ON story_members (story_id)",
        ),
    ),
    Migration(
        3,
        "alerts raised by the analytics stage (docs/ANALYTICS.md)",
        (
            """
            CREATE TABLE alerts (
                alert_id VARCHAR PRIMARY KEY,
                actor VARCHAR NOT NULL,
                recipient VARCHAR,
                period VARCHAR NOT NULL,
                period_start DATE,
                freq VARCHAR NOT NULL,
                kind VARCHAR NOT NULL,
                value DOUBLE NOT NULL,
                baseline DOUBLE NOT NULL,
                message VARCHAR NOT NULL,
                story_ids VARCHAR[] NOT NULL,
                created_at TIMESTAMPTZ NOT NULL
            )
            """,
            "CREATE INDEX alerts_dyad ON alerts (actor, recipient, period_start)",
        ),
    ),
    Migration(
        4,
        "watch: polled sources, the queue of article links, delivered alerts (docs/WATCH.md)",
        (
            """
            CREATE TABLE watch_sources (
                url VARCHAR PRIMARY KEY,
                kind VARCHAR NOT NULL,
                etag VARCHAR,
                last_modified VARCHAR,
                polled_at TIMESTAMPTZ,
                next_poll_at TIMESTAMPTZ,
                last_status VARCHAR,
                failures INTEGER NOT NULL DEFAULT 0
            )
            """,
            """
            CREATE TABLE watch_links (
                canonical_url VARCHAR PRIMARY KEY,
                url VARCHAR NOT NULL,
                source_url VARCHAR NOT NULL,
                outlet VARCHAR,
                language VARCHAR,
                title VARCHAR,
                published_at TIMESTAMPTZ,
                state VARCHAR NOT NULL,
                article_id VARCHAR,
                attempts INTEGER NOT NULL DEFAULT 0,
                not_before TIMESTAMPTZ,
                last_error VARCHAR,
                first_seen_at TIMESTAMPTZ NOT NULL,
                updated_at TIMESTAMPTZ NOT NULL
            )
            """,
            """
            CREATE TABLE watch_alerts (
                alert_id VARCHAR PRIMARY KEY,
                sent_at TIMESTAMPTZ NOT NULL,
                sinks VARCHAR NOT NULL
            )
            """,
        ),
    ),
)

LATEST_VERSION = MIGRATIONS[-1].version


def current_version(conn: Any) -> int:
    """The highest migration applied to this database (0 for a new file)."""
    exists = conn.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchone()
    if not exists or exists[0] == 0:
        return 0
    row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def check_version(conn: Any, source: str, migrations: tuple[Migration, ...] = MIGRATIONS) -> int:
    """The database's schema version, refusing one newer than this flashpoint (no changes made)."""
    version = current_version(conn)
    known = migrations[-1].version if migrations else 0
    if version > known:
        raise StoreError(
            "FP402",
            f"the database has schema version {version}; this flashpoint knows up to {known}",
            source=source,
        )
    return version


def migrate(conn: Any, source: str, migrations: tuple[Migration, ...] = MIGRATIONS) -> int:
    """Bring the database up to the newest schema; returns the version it ends at."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_version ("
        "version INTEGER PRIMARY KEY, description VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL)"
    )
    version = current_version(conn)
    known = migrations[-1].version if migrations else 0
    if version > known:
        raise StoreError(
            "FP402",
            f"the database has schema version {version}; this flashpoint knows up to {known}",
            source=source,
        )
    for step in migrations:
        if step.version <= version:
            continue
        conn.execute("BEGIN TRANSACTION")
        try:
            for statement in step.statements:
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_version VALUES (?, ?, now())", [step.version, step.description]
            )
            conn.execute("COMMIT")
        except Exception:
            conn.execute("ROLLBACK")
            raise
        version = step.version
    return version
