"""Reads for browsing (the HTTP API and the dashboard): sorted pages, counts and aggregates.

Pages use keyset pagination: a page ends at a sort key and the next page starts strictly
after it, so paging never skips or repeats a row however deep it goes. Only fixed SQL
fragments chosen from the tables below are joined into statements; values are bound.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from flashpoint.models import Article, Event
from flashpoint.store.queries import (
    ArticleFilter,
    EventFilter,
    _entities_for,
    article_where,
    event_where,
)
from flashpoint.store.rows import ARTICLE_COLUMNS, EVENT_COLUMNS, article_from_row, event_from_row

if TYPE_CHECKING:
    from flashpoint.store.database import Store


@dataclass(frozen=True, slots=True)
class SortKey:
    """How one sort orders rows: a key expression, its SQL type and a direction."""

    expression: str  # NULLs are replaced by a sentinel so they come last either way
    sql_type: str
    descending: bool


_FAR_FUTURE_DAY = "DATE '9999-12-31'"
_FAR_PAST_DAY = "DATE '0001-01-01'"
_FAR_FUTURE_TIME = "TIMESTAMPTZ '9999-12-31 00:00:00+00'"
_FAR_PAST_TIME = "TIMESTAMPTZ '0001-01-01 00:00:00+00'"

EVENT_SORTS: dict[str, SortKey] = {
    "date": SortKey(f"COALESCE(e.period_start, {_FAR_FUTURE_DAY})", "DATE", descending=False),
    "-date": SortKey(f"COALESCE(e.period_start, {_FAR_PAST_DAY})", "DATE", descending=True),
    "published": SortKey(
        f"COALESCE(a.published_at, {_FAR_FUTURE_TIME})", "TIMESTAMPTZ", descending=False
    ),
    "-published": SortKey(
        f"COALESCE(a.published_at, {_FAR_PAST_TIME})", "TIMESTAMPTZ", descending=True
    ),
    "score": SortKey("COALESCE(e.score, 1e9)", "DOUBLE", descending=False),
    "-score": SortKey("COALESCE(e.score, -1e9)", "DOUBLE", descending=True),
    "confidence": SortKey("e.confidence", "DOUBLE", descending=False),
    "-confidence": SortKey("e.confidence", "DOUBLE", descending=True),
}

ARTICLE_SORTS: dict[str, SortKey] = {
    "published": SortKey(
        f"COALESCE(published_at, {_FAR_FUTURE_TIME})", "TIMESTAMPTZ", descending=False
    ),
    "-published": SortKey(
        f"COALESCE(published_at, {_FAR_PAST_TIME})", "TIMESTAMPTZ", descending=True
    ),
    "ingested": SortKey("ingested_at", "TIMESTAMPTZ", descending=False),
    "-ingested": SortKey("ingested_at", "TIMESTAMPTZ", descending=True),
}

# (key as text, row id): where a page ended; the next page starts strictly after it.
PagePosition = tuple[str, str]


@dataclass(frozen=True, slots=True)
class EventPage:
    events: list[Event]
    next_after: PagePosition | None  # None on the last page


@dataclass(frozen=True, slots=True)
class ArticlePage:
    articles: list[Article]
    next_after: PagePosition | None


@dataclass(frozen=True, slots=True)
class DyadEdge:
    """Events in which `actor` acts on `recipient`, split by conflict and cooperation."""

    actor: str
    recipient: str
    events: int
    conflict: int  # quad classes 3 and 4
    cooperation: int  # quad classes 1 and 2
    mean_score: float | None


@dataclass(frozen=True, slots=True)
class PlaceCount:
    """Located events at one place."""

    name: str
    country: str | None
    lat: float
    lon: float
    events: int
    conflict: int
    cooperation: int


@dataclass(frozen=True, slots=True)
class MonthCount:
    month: str  # 2024-04
    events: int
    conflict: int
    cooperation: int


def _keyset(sort: SortKey, id_column: str, after: PagePosition | None) -> tuple[str, list[Any]]:
    """Rows strictly after `after` in (sort key, id) order.

    Written as a plain range on the key plus the tie-break, so DuckDB can filter on the
    range before it evaluates the OR (three times faster than the OR alone).
    """
    if after is None:
        return "TRUE", []
    op = "<" if sort.descending else ">"
    key = f"CAST(? AS {sort.sql_type})"
    sql = f"{sort.expression} {op}= {key} AND ({sort.expression} {op} {key} OR {id_column} > ?)"
    return sql, [after[0], after[0], after[1]]


def event_page(
    store: Store,
    flt: EventFilter,
    *,
    sort: str = "date",
    after: PagePosition | None = None,
    limit: int = 50,
) -> EventPage:
    """One page of events matching `flt` in `sort` order, starting after `after`.

    `flt.limit` is ignored: `limit` sets the page size. Raises KeyError for an unknown sort.
    """
    key = EVENT_SORTS[sort]
    where, params = event_where(flt)
    keyset, keyset_params = _keyset(key, "e.event_id", after)
    direction = "DESC" if key.descending else "ASC"
    # the articles join is only needed to sort on publication time
    join = "LEFT JOIN articles a ON a.id = e.article_id" if "a." in key.expression else ""
    # Two steps: pick the page's ids on narrow columns, then read those rows whole. Sorting
    # wide rows (the evidence text) costs more than reading 50 rows again by id.
    sql = (
        f"SELECT e.event_id, CAST({key.expression} AS VARCHAR) "  # noqa: S608 - fixed fragments, values bound
        f"FROM events e {join} WHERE {where} AND {keyset} "
        f"ORDER BY {key.expression} {direction}, e.event_id LIMIT ?"
    )
    picked = store._conn.execute(sql, [*params, *keyset_params, limit + 1]).fetchall()
    more = len(picked) > limit
    picked = picked[:limit]
    if not picked:
        return EventPage([], None)
    events = events_by_ids(store, [row[0] for row in picked])
    last = picked[-1]
    return EventPage(events, (str(last[1]), str(last[0])) if more else None)


def events_by_ids(store: Store, event_ids: list[str]) -> list[Event]:
    """The events with these ids, in the order given (ids not found are left out)."""
    columns = ", ".join("e." + c.strip() for c in EVENT_COLUMNS.split(","))
    rows = store._conn.execute(
        f"SELECT {columns} FROM events e WHERE list_contains(?, e.event_id)",  # noqa: S608 - fixed column list
        [event_ids],
    ).fetchall()
    entities = _entities_for(store._conn, event_ids)
    by_id = {
        row[0]: event_from_row(
            row, tuple(entities[(row[0], "actor")]), tuple(entities[(row[0], "recipient")])
        )
        for row in rows
    }
    return [by_id[i] for i in event_ids if i in by_id]


def count_events(store: Store, flt: EventFilter) -> int:
    where, params = event_where(flt)
    row = store._conn.execute(
        f"SELECT count(*) FROM events e WHERE {where}",  # noqa: S608 - fixed fragments, values bound
        params,
    ).fetchone()
    return int(row[0]) if row else 0


def event_by_id(store: Store, event_id: str) -> Event | None:
    found = events_by_ids(store, [event_id])
    return found[0] if found else None


def article_page(
    store: Store,
    flt: ArticleFilter,
    *,
    sort: str = "-published",
    after: PagePosition | None = None,
    limit: int = 50,
) -> ArticlePage:
    """One page of articles in `sort` order, starting after `after` (see `event_page`)."""
    key = ARTICLE_SORTS[sort]
    where, params = article_where(flt)
    keyset, keyset_params = _keyset(key, "id", after)
    direction = "DESC" if key.descending else "ASC"
    sql = (
        f"SELECT {ARTICLE_COLUMNS}, CAST({key.expression} AS VARCHAR) AS sort_key "  # noqa: S608 - fixed fragments, values bound
        f"FROM articles WHERE {where} AND {keyset} "
        f"ORDER BY {key.expression} {direction}, id LIMIT ?"
    )
    rows = store._conn.execute(sql, [*params, *keyset_params, limit + 1]).fetchall()
    more = len(rows) > limit
    rows = rows[:limit]
    articles = [article_from_row(row[:-1]) for row in rows]
    if not more:
        return ArticlePage(articles, None)
    return ArticlePage(articles, (str(rows[-1][-1]), str(rows[-1][0])))


def count_articles(store: Store, flt: ArticleFilter) -> int:
    where, params = article_where(flt)
    row = store._conn.execute(
        f"SELECT count(*) FROM articles WHERE {where}",  # noqa: S608 - fixed fragments, values bound
        params,
    ).fetchone()
    return int(row[0]) if row else 0


def event_counts_by_article(store: Store, ids: list[str]) -> dict[str, int]:
    rows = store._conn.execute(
        "SELECT article_id, count(*) FROM events WHERE list_contains(?, article_id) GROUP BY ALL",
        [ids],
    ).fetchall()
    return {str(a): int(n) for a, n in rows}


def dyad_edges(store: Store, flt: EventFilter, limit: int = 60) -> list[DyadEdge]:
    """The most frequent directed (actor, recipient) pairs among the events matching `flt`."""
    where, params = event_where(flt)
    sql = (
        "SELECT x.code, r.code, count(DISTINCT e.event_id) AS n, "  # noqa: S608 - fixed fragments, values bound
        "count(DISTINCT CASE WHEN e.quad_class >= 3 THEN e.event_id END), "
        "count(DISTINCT CASE WHEN e.quad_class IN (1, 2) THEN e.event_id END), "
        "avg(e.score) "
        "FROM events e "
        "JOIN event_entities x ON x.event_id = e.event_id AND x.role = 'actor' "
        "JOIN event_entities r ON r.event_id = e.event_id AND r.role = 'recipient' "
        f"WHERE x.code <> r.code AND {where} "
        "GROUP BY x.code, r.code ORDER BY n DESC, x.code, r.code LIMIT ?"
    )
    rows = store._conn.execute(sql, [*params, limit]).fetchall()
    return [
        DyadEdge(str(a), str(r), int(n), int(c), int(k), None if s is None else float(s))
        for a, r, n, c, k, s in rows
    ]


def place_counts(store: Store, flt: EventFilter, limit: int = 500) -> list[PlaceCount]:
    """Located events grouped by place name and country, most events first."""
    where, params = event_where(flt)
    sql = (
        "SELECT e.location_name, e.location_country, avg(e.location_lat), avg(e.location_lon), "  # noqa: S608 - fixed fragments, values bound
        "count(*) AS n, count(*) FILTER (WHERE e.quad_class >= 3), "
        "count(*) FILTER (WHERE e.quad_class IN (1, 2)) "
        "FROM events e WHERE e.location_lat IS NOT NULL AND e.location_lon IS NOT NULL "
        f"AND {where} GROUP BY e.location_name, e.location_country "
        "ORDER BY n DESC, e.location_name LIMIT ?"
    )
    rows = store._conn.execute(sql, [*params, limit]).fetchall()
    return [
        PlaceCount(str(name), country, float(lat), float(lon), int(n), int(c), int(k))
        for name, country, lat, lon, n, c, k in rows
    ]


def month_counts(store: Store, flt: EventFilter) -> list[MonthCount]:
    """Events per month of their date (events with an unresolved date are left out)."""
    where, params = event_where(flt)
    sql = (
        "SELECT strftime(e.period_start, '%Y-%m') AS m, count(*), "  # noqa: S608 - fixed fragments, values bound
        "count(*) FILTER (WHERE e.quad_class >= 3), count(*) FILTER (WHERE e.quad_class IN (1, 2)) "
        f"FROM events e WHERE e.period_start IS NOT NULL AND {where} GROUP BY m ORDER BY m"
    )
    rows = store._conn.execute(sql, params).fetchall()
    return [MonthCount(str(m), int(n), int(c), int(k)) for m, n, c, k in rows]


def category_counts(store: Store, flt: EventFilter) -> dict[str, int]:
    where, params = event_where(flt)
    rows = store._conn.execute(
        f"SELECT e.category, count(*) AS n FROM events e WHERE {where} "  # noqa: S608 - fixed fragments, values bound
        "GROUP BY e.category ORDER BY n DESC, e.category",
        params,
    ).fetchall()
    return {str(c): int(n) for c, n in rows}


_PRONOUNS = (
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "him",
    "them",
    "us",
    "me",
    "its",
    "their",
    "his",
    "her",
)


def entity_names(store: Store, code: str, limit: int = 5) -> list[str]:
    """How the texts name an actor code, most frequent first (pronouns left out)."""
    rows = store._conn.execute(
        "SELECT name, count(*) AS n FROM event_entities WHERE upper(code) = upper(?) "
        "AND NOT list_contains(?, lower(name)) "
        "GROUP BY name ORDER BY n DESC, name LIMIT ?",
        [code, list(_PRONOUNS), limit],
    ).fetchall()
    return [str(r[0]) for r in rows]
