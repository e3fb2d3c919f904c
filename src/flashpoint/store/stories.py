"""Story SQL: the `stories` and `story_members` tables (schema step 2), writes and reads.

Writes are called by `StoreWriter` inside its transactions; reads by `Store`. A story's
`period_start`/`period_end` are not taken from the record: they are computed here from
the periods of its member events, so date filters on stories match those on events.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from flashpoint.models import Event, Story, StoryMember, utc_now
from flashpoint.store.queries import _entities_for
from flashpoint.store.rows import EVENT_COLUMNS, event_from_row

STORY_COLUMNS = (
    "story_id, category, actors, recipients, event_date, first_report, latest_report, "
    "n_events, n_articles, n_outlets, headline"
)
_STORY_WRITE_COLUMNS = f"{STORY_COLUMNS}, grouped_at"
_MEMBER_COLUMNS = "event_id, story_id, article_id, position, reason"


@dataclass(frozen=True, slots=True)
class StoryFilter:
    """Which stories to read. Codes match like EventFilter's (IGO matches IGO:UNO).

    Dates select stories whose member events' period overlaps [since, until].
    """

    actor: str | None = None
    recipient: str | None = None
    category: str | None = None
    since: date | None = None
    until: date | None = None
    min_articles: int | None = None
    article_id: str | None = None  # stories holding an event of this article
    status: str | None = None  # stories holding an event with this status
    latest_first: bool = False  # order by latest report, newest first (else by event date)
    limit: int | None = None


# -- writes (inside a StoreWriter transaction) ---------------------------------


def write_stories(conn: Any, stories: Sequence[Story], removed: Sequence[str]) -> int:
    """Replace these stories (rows and members) and delete the `removed` ones."""
    from flashpoint.store.writer import insert_rows  # noqa: PLC0415 - the writer imports this module

    ids = [s.story_id for s in stories] + list(removed)
    if not ids:
        return 0
    conn.execute("DELETE FROM story_members WHERE list_contains(?, story_id)", [ids])
    conn.execute("DELETE FROM stories WHERE list_contains(?, story_id)", [ids])
    if not stories:
        return 0
    now = utc_now()
    insert_rows(
        conn,
        "stories",
        _STORY_WRITE_COLUMNS,
        [
            [
                s.story_id,
                s.category,
                list(s.actors),
                list(s.recipients),
                s.event_date,
                s.first_report,
                s.latest_report,
                s.n_events,
                s.n_articles,
                s.n_outlets,
                s.headline,
                now,
            ]
            for s in stories
        ],
    )
    members = [
        [m.event_id, s.story_id, m.article_id, position, m.reason]
        for s in stories
        for position, m in enumerate(s.members)
    ]
    if members:
        insert_rows(conn, "story_members", _MEMBER_COLUMNS, members)
    conn.execute(
        "UPDATE stories SET period_start = p.first_day, period_end = p.last_day FROM ("
        "SELECT m.story_id, min(e.period_start) AS first_day, max(e.period_end) AS last_day "
        "FROM story_members m JOIN events e ON e.event_id = m.event_id "
        "WHERE list_contains(?, m.story_id) GROUP BY m.story_id) p "
        "WHERE stories.story_id = p.story_id",
        [[s.story_id for s in stories]],
    )
    return len(stories)


def clear_stories(conn: Any) -> int:
    row = conn.execute("SELECT count(*) FROM stories").fetchone()
    conn.execute("DELETE FROM story_members")
    conn.execute("DELETE FROM stories")
    return int(row[0]) if row else 0


def prune_members(conn: Any) -> list[str]:
    """Drop members whose event is gone (re-coded articles); returns the stories touched."""
    rows = conn.execute(
        "DELETE FROM story_members WHERE event_id NOT IN (SELECT event_id FROM events) "
        "RETURNING story_id"
    ).fetchall()
    return sorted({row[0] for row in rows})


# -- reads ---------------------------------------------------------------------


def _story_from_row(row: tuple[Any, ...], members: Sequence[StoryMember] = ()) -> Story:
    return Story(
        story_id=row[0],
        category=row[1],
        actors=tuple(row[2]),
        recipients=tuple(row[3]),
        event_date=row[4],
        first_report=row[5],
        latest_report=row[6],
        n_events=row[7],
        n_articles=row[8],
        n_outlets=row[9],
        headline=row[10],
        members=tuple(members),
    )


def _code_condition(column: str, code: str) -> tuple[str, list[Any]]:
    # `column` is a fixed name from this module.
    sql = (
        f"len(list_filter({column}, lambda c: upper(c) = upper(?) "
        "OR starts_with(upper(c), upper(?) || ':'))) > 0"
    )
    return sql, [code, code]


def read_stories(conn: Any, flt: StoryFilter, *, members: bool = False) -> list[Story]:
    """Stories matching the filter, by event date then id; with members when asked."""
    conditions: list[str] = []
    params: list[Any] = []
    if flt.actor:
        sql, values = _code_condition("actors", flt.actor)
        conditions.append(sql)
        params.extend(values)
    if flt.recipient:
        sql, values = _code_condition("recipients", flt.recipient)
        conditions.append(sql)
        params.extend(values)
    if flt.category:
        conditions.append("upper(category) = upper(?)")
        params.append(flt.category)
    if flt.since:
        conditions.append("period_end >= ?")
        params.append(flt.since)
    if flt.until:
        conditions.append("period_start <= ?")
        params.append(flt.until)
    if flt.min_articles:
        conditions.append("n_articles >= ?")
        params.append(flt.min_articles)
    if flt.article_id:
        conditions.append("story_id IN (SELECT story_id FROM story_members WHERE article_id = ?)")
        params.append(flt.article_id)
    if flt.status:
        conditions.append(
            "story_id IN (SELECT m.story_id FROM story_members m "
            "JOIN events e ON e.event_id = m.event_id WHERE lower(e.status) = lower(?))"
        )
        params.append(flt.status)
    where = " AND ".join(conditions) if conditions else "TRUE"
    sql = (
        f"SELECT {STORY_COLUMNS} FROM stories WHERE {where} "  # noqa: S608 - fixed fragments, values bound
        + (
            "ORDER BY latest_report DESC NULLS LAST, story_id DESC"
            if flt.latest_first
            else "ORDER BY period_start NULLS LAST, first_report NULLS LAST, story_id"
        )
    )
    if flt.limit is not None:
        sql += " LIMIT ?"
        params.append(flt.limit)
    rows = conn.execute(sql, params).fetchall()
    found = read_members(conn, [row[0] for row in rows]) if members and rows else {}
    return [_story_from_row(row, found.get(row[0], ())) for row in rows]


def read_story(conn: Any, story_id: str) -> Story | None:
    """One story with its members, by id or by an unambiguous prefix of its id."""
    rows = conn.execute(
        f"SELECT {STORY_COLUMNS} FROM stories WHERE story_id = ? "  # noqa: S608 - fixed column list
        "OR starts_with(story_id, ?) ORDER BY story_id = ? DESC, story_id LIMIT 2",
        [story_id, story_id, story_id],
    ).fetchall()
    if not rows or (len(rows) > 1 and rows[0][0] != story_id):
        return None
    return _story_from_row(rows[0], read_members(conn, [rows[0][0]]).get(rows[0][0], ()))


def read_members(conn: Any, story_ids: list[str]) -> dict[str, list[StoryMember]]:
    found: dict[str, list[StoryMember]] = defaultdict(list)
    rows = conn.execute(
        "SELECT story_id, event_id, article_id, reason FROM story_members "
        "WHERE list_contains(?, story_id) ORDER BY story_id, position",
        [story_ids],
    ).fetchall()
    for row in rows:
        found[row[0]].append(StoryMember(event_id=row[1], article_id=row[2], reason=row[3]))
    return found


def read_stories_near(conn: Any, since: date, until: date) -> list[Story]:
    """Stories (with members) whose member events' period overlaps [since, until]."""
    return read_stories(conn, StoryFilter(since=since, until=until), members=True)


def read_story_ids_for(conn: Any, event_ids: list[str]) -> dict[str, str]:
    """event id -> story id, for the events that are in a story."""
    rows = conn.execute(
        "SELECT event_id, story_id FROM story_members WHERE list_contains(?, event_id)",
        [event_ids],
    ).fetchall()
    return {row[0]: row[1] for row in rows}


def _read_events_where(conn: Any, where: str, params: list[Any]) -> list[Event]:
    # `where` is a fixed fragment from this module.
    columns = ", ".join("e." + c.strip() for c in EVENT_COLUMNS.split(","))
    rows = conn.execute(
        f"SELECT {columns} FROM events e WHERE {where} ORDER BY e.event_id",  # noqa: S608 - fixed fragments, values bound
        params,
    ).fetchall()
    if not rows:
        return []
    entities = _entities_for(conn, [row[0] for row in rows])
    return [
        event_from_row(
            row, tuple(entities[(row[0], "actor")]), tuple(entities[(row[0], "recipient")])
        )
        for row in rows
    ]


def read_ungrouped_events(conn: Any) -> list[Event]:
    """Events that are in no story yet (newly coded, or everything after a rebuild)."""
    return _read_events_where(
        conn, "NOT EXISTS (SELECT 1 FROM story_members m WHERE m.event_id = e.event_id)", []
    )


def read_events_by_id(conn: Any, event_ids: list[str]) -> list[Event]:
    return _read_events_where(conn, "list_contains(?, e.event_id)", [event_ids])


def read_evidence_sentences(conn: Any) -> list[str]:
    """Each evidence sentence once (several events may share one), in a fixed order."""
    rows = conn.execute(
        "SELECT any_value(sentence_text) FROM events "
        "GROUP BY article_id, sentence_start ORDER BY article_id, sentence_start"
    ).fetchall()
    return [row[0] for row in rows]
