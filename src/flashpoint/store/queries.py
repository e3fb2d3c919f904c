"""Read queries: filters become SQL with bound parameters, rows become records.

Only fixed SQL fragments are ever joined into a statement; every value a person typed
travels as a parameter.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from flashpoint.models import Article, Entity, Event, Rejection
from flashpoint.store.rows import (
    ARTICLE_COLUMNS,
    EVENT_COLUMNS,
    article_from_row,
    entity_from_row,
    event_from_row,
    rejection_from_row,
)


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to read. Codes match exactly (case-insensitive) or as a prefix before ':'.

    `actor="IGO"` matches IGO:UNO and IGO:NATO; `actor="PRK"` matches PRK only. Dates
    select events whose period (a day, week, month or year) overlaps [since, until].
    """

    actor: str | None = None
    recipient: str | None = None
    dyad: tuple[str, str] | None = None  # actor, recipient
    category: str | None = None
    status: str | None = None
    since: date | None = None
    until: date | None = None
    article_id: str | None = None
    limit: int | None = None


@dataclass(frozen=True, slots=True)
class ArticleFilter:
    outlet: str | None = None
    since: date | None = None  # on the publication date
    until: date | None = None
    coded: bool | None = None  # True: coded only, False: not yet coded, None: both
    limit: int | None = None


def _entity_condition(role: str, code: str) -> tuple[str, list[Any]]:
    sql = (
        "EXISTS (SELECT 1 FROM event_entities x WHERE x.event_id = e.event_id AND x.role = ? "
        "AND (upper(x.code) = upper(?) OR starts_with(upper(x.code), upper(?) || ':')))"
    )
    return sql, [role, code, code]


def event_where(flt: EventFilter) -> tuple[str, list[Any]]:
    """The WHERE clause (with its parameters) for an event filter."""
    conditions: list[str] = []
    params: list[Any] = []

    def add(sql: str, values: list[Any]) -> None:
        conditions.append(sql)
        params.extend(values)

    if flt.actor:
        add(*_entity_condition("actor", flt.actor))
    if flt.recipient:
        add(*_entity_condition("recipient", flt.recipient))
    if flt.dyad:
        add(*_entity_condition("actor", flt.dyad[0]))
        add(*_entity_condition("recipient", flt.dyad[1]))
    if flt.category:
        add("upper(e.category) = upper(?)", [flt.category])
    if flt.status:
        add("lower(e.status) = lower(?)", [flt.status])
    if flt.since:
        add("e.period_end >= ?", [flt.since])
    if flt.until:
        add("e.period_start <= ?", [flt.until])
    if flt.article_id:
        add("e.article_id = ?", [flt.article_id])
    where = " AND ".join(conditions) if conditions else "TRUE"
    return where, params


def read_events(conn: Any, flt: EventFilter) -> list[Event]:
    where, params = event_where(flt)
    sql = (
        f"SELECT {', '.join('e.' + c.strip() for c in EVENT_COLUMNS.split(','))} "  # noqa: S608 - fixed fragments, values bound
        f"FROM events e LEFT JOIN articles a ON a.id = e.article_id WHERE {where} "
        "ORDER BY e.period_start NULLS LAST, a.published_at NULLS LAST, e.article_id, "
        "e.sentence_start, e.trigger_start, e.event_id"
    )
    if flt.limit is not None:
        sql += " LIMIT ?"
        params.append(flt.limit)
    rows = conn.execute(sql, params).fetchall()
    if not rows:
        return []
    entities = _entities_for(conn, [row[0] for row in rows])
    return [
        event_from_row(
            row,
            tuple(entities[(row[0], "actor")]),
            tuple(entities[(row[0], "recipient")]),
        )
        for row in rows
    ]


def _entities_for(conn: Any, event_ids: list[str]) -> dict[tuple[str, str], list[Entity]]:
    found: dict[tuple[str, str], list[Entity]] = defaultdict(list)
    rows = conn.execute(
        "SELECT event_id, role, code, sector, name, start_offset, end_offset "
        "FROM event_entities WHERE list_contains(?, event_id) ORDER BY event_id, role, position",
        [event_ids],
    ).fetchall()
    for row in rows:
        found[(row[0], row[1])].append(entity_from_row(row[2:]))
    return found


def article_where(flt: ArticleFilter) -> tuple[str, list[Any]]:
    """The WHERE clause (fixed fragments) and bound values for an article filter."""
    conditions: list[str] = []
    params: list[Any] = []
    if flt.outlet:
        conditions.append("lower(outlet) = lower(?)")
        params.append(flt.outlet)
    if flt.since:
        conditions.append("CAST(published_at AS DATE) >= ?")
        params.append(flt.since)
    if flt.until:
        conditions.append("CAST(published_at AS DATE) <= ?")
        params.append(flt.until)
    if flt.coded is True:
        conditions.append("coded_at IS NOT NULL")
    elif flt.coded is False:
        conditions.append("coded_at IS NULL")
    return (" AND ".join(conditions) if conditions else "TRUE"), params


def read_articles(conn: Any, flt: ArticleFilter) -> list[Article]:
    where, params = article_where(flt)
    sql = (
        f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE {where} "  # noqa: S608 - fixed fragments, values bound
        "ORDER BY published_at NULLS LAST, id"
    )
    if flt.limit is not None:
        sql += " LIMIT ?"
        params.append(flt.limit)
    return [article_from_row(row) for row in conn.execute(sql, params).fetchall()]


def read_articles_by_id(conn: Any, ids: list[str]) -> list[Article]:
    """The articles with these ids, in the order asked (missing ids are left out)."""
    rows = conn.execute(
        f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE list_contains(?, id)",  # noqa: S608 - fixed column list
        [ids],
    ).fetchall()
    by_id = {row[0]: article_from_row(row) for row in rows}
    return [by_id[i] for i in ids if i in by_id]


def read_rejections(conn: Any, limit: int | None = None) -> list[Rejection]:
    sql = "SELECT source, code, reason, detail, rejected_at FROM rejections ORDER BY id"
    params: list[Any] = []
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [rejection_from_row(row) for row in conn.execute(sql, params).fetchall()]
