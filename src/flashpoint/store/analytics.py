"""Reads and writes for analytics: story facts and article volume by period, story
summaries, the alerts table.

The analytics stage (flashpoint.analytics) does the arithmetic; this module only selects
and groups rows. Every value a person supplies is bound as a parameter; the only text
joined into a statement is fixed fragments chosen here.

A story is the unit counted. When the stories stage has grouped an event, its story id is
used; an event that no story holds yet counts as a story of its own, keyed by its event id.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Literal

from flashpoint.models import Alert, Story, StoryMember
from flashpoint.store.queries import EventFilter, event_where
from flashpoint.store.rows import date_period

if TYPE_CHECKING:
    from flashpoint.store.database import Store

Freq = Literal["day", "week", "month"]
FREQS: tuple[str, ...] = ("day", "week", "month")

# The day an event counts on: its own date (the first day of a week, month or range it
# covers), else the publication day of its article.
EVENT_DAY = "coalesce(e.period_start, CAST(a.published_at AS DATE))"
LEFT_OUT_STATUSES = ("negated", "hypothetical")


@dataclass(frozen=True, slots=True)
class SeriesQuery:
    """Which events make a series: an actor's (recipient None), a directed dyad's, or all
    events towards a recipient whoever the actor is, stated or not (actor None)."""

    actor: str | None
    recipient: str | None = None
    since: date | None = None  # on the event day
    until: date | None = None
    include_negated: bool = False  # also count negated and hypothetical events


@dataclass(frozen=True, slots=True)
class StoryPeriodFact:
    """The events of one story (and one category) that fall in one period."""

    period: date  # first day of the period (a Monday for ISO weeks)
    story_id: str
    category: str
    quad_class: int
    events: int
    article_ids: tuple[str, ...]
    score_sum: float  # over events that have a score
    scored: int  # how many events have a score


def _story_key(store: Store) -> tuple[str, str, str]:
    """The SQL for an event's story id, the join that provides it, and the grouping reason.

    Uses the stories stage's `story_members` table when it exists; until an event is
    grouped, its own event id stands for its story.
    """
    exists = store._conn.execute(
        "SELECT count(*) FROM information_schema.columns "
        "WHERE table_name = 'story_members' AND column_name IN ('story_id', 'event_id')"
    ).fetchone()
    if exists and exists[0] == 2:
        return (
            "coalesce(sm.story_id, e.event_id)",
            "LEFT JOIN story_members sm ON sm.event_id = e.event_id",
            "sm.reason",
        )
    return "e.event_id", "", "NULL"


def _series_where(query: SeriesQuery) -> tuple[str, list[Any]]:
    if query.actor and query.recipient:
        flt = EventFilter(dyad=(query.actor, query.recipient))
    else:
        flt = EventFilter(actor=query.actor, recipient=query.recipient)
    where, params = event_where(flt)
    conditions = [where, f"{EVENT_DAY} IS NOT NULL"]
    if not query.include_negated:
        conditions.append("NOT list_contains(?, lower(e.status))")
        params.append(list(LEFT_OUT_STATUSES))
    if query.since:
        conditions.append(f"{EVENT_DAY} >= ?")
        params.append(query.since)
    if query.until:
        conditions.append(f"{EVENT_DAY} <= ?")
        params.append(query.until)
    return " AND ".join(conditions), params


def story_period_facts(store: Store, query: SeriesQuery, freq: Freq) -> list[StoryPeriodFact]:
    """The matching events grouped by period, story and category, in a stable order."""
    if freq not in FREQS:
        raise ValueError(f"freq must be one of {FREQS}, not {freq!r}")
    story_key, story_join, _ = _story_key(store)
    where, params = _series_where(query)
    sql = (
        f"SELECT CAST(date_trunc(?, {EVENT_DAY}) AS DATE) AS period, {story_key} AS story_id, "  # noqa: S608 - fixed fragments, values bound
        "e.category, e.quad_class, count(*), list(DISTINCT e.article_id ORDER BY e.article_id), "
        "coalesce(sum(e.score), 0), count(e.score) "
        f"FROM events e LEFT JOIN articles a ON a.id = e.article_id {story_join} "
        f"WHERE {where} GROUP BY ALL ORDER BY period, story_id, e.category"
    )
    rows = store._conn.execute(sql, [freq, *params]).fetchall()
    return [
        StoryPeriodFact(
            period=row[0],
            story_id=str(row[1]),
            category=str(row[2]),
            quad_class=int(row[3]),
            events=int(row[4]),
            article_ids=tuple(row[5]),
            score_sum=float(row[6]),
            scored=int(row[7]),
        )
        for row in rows
    ]


@dataclass(frozen=True, slots=True)
class OutletVolume:
    """How many articles one outlet published in one period (stored articles, not events)."""

    period: date  # first day of the period (a Monday for ISO weeks)
    outlet: str  # "" when the article names no outlet
    articles: int


def article_volume(
    store: Store, freq: Freq, *, since: date | None = None, until: date | None = None
) -> list[OutletVolume]:
    """Stored articles per period and outlet, on their publication day.

    Articles without a publication date are not counted (they have no period). Periods in
    which nothing was published are absent: the caller decides what no coverage means.
    """
    if freq not in FREQS:
        raise ValueError(f"freq must be one of {FREQS}, not {freq!r}")
    conditions = ["a.published_at IS NOT NULL"]
    params: list[Any] = [freq]
    if since:
        conditions.append("CAST(a.published_at AS DATE) >= ?")
        params.append(since)
    if until:
        conditions.append("CAST(a.published_at AS DATE) <= ?")
        params.append(until)
    rows = store._conn.execute(
        "SELECT CAST(date_trunc(?, CAST(a.published_at AS DATE)) AS DATE) AS period, "  # noqa: S608 - fixed fragments, values bound
        "coalesce(a.outlet, '') AS outlet, count(*) FROM articles a "
        f"WHERE {' AND '.join(conditions)} GROUP BY ALL ORDER BY period, outlet",
        params,
    ).fetchall()
    return [OutletVolume(period=row[0], outlet=str(row[1]), articles=int(row[2])) for row in rows]


def article_outlets(store: Store, article_ids: list[str]) -> dict[str, str]:
    """article id -> outlet ("" when the article names none) for these articles."""
    if not article_ids:
        return {}
    rows = store._conn.execute(
        "SELECT id, coalesce(outlet, '') FROM articles "
        "WHERE id IN (SELECT unnest(CAST(? AS VARCHAR[])))",
        [sorted(set(article_ids))],
    ).fetchall()
    return {str(row[0]): str(row[1]) for row in rows}


def story_summaries(store: Store, query: SeriesQuery, story_ids: list[str]) -> list[Story]:
    """Stories (as records) for these ids, built from their events that match the query.

    Members are listed first report first; the headline is the evidence sentence of the
    earliest report. Stories are returned in the order of `story_ids`.
    """
    if not story_ids:
        return []
    story_key, story_join, reason = _story_key(store)
    where, params = _series_where(query)
    sql = (
        f"SELECT {story_key} AS story_id, e.event_id, e.article_id, e.category, e.date_value, "  # noqa: S608 - fixed fragments, values bound
        f"a.published_at, a.outlet, e.sentence_text, {reason}, "
        "list(DISTINCT x.code ORDER BY x.code) FILTER (WHERE x.role = 'actor'), "
        "list(DISTINCT x.code ORDER BY x.code) FILTER (WHERE x.role = 'recipient') "
        f"FROM events e LEFT JOIN articles a ON a.id = e.article_id {story_join} "
        "LEFT JOIN event_entities x ON x.event_id = e.event_id "
        f"WHERE {where} AND list_contains(?, {story_key}) GROUP BY ALL "
        "ORDER BY story_id, a.published_at NULLS LAST, e.article_id, e.event_id"
    )
    rows = store._conn.execute(sql, [*params, story_ids]).fetchall()
    grouped: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for row in rows:
        grouped[str(row[0])].append(row)
    return [_story_from_rows(sid, grouped[sid]) for sid in story_ids if sid in grouped]


def _story_from_rows(story_id: str, rows: list[tuple[Any, ...]]) -> Story:
    categories: dict[str, int] = defaultdict(int)
    for row in rows:
        categories[row[3]] += 1
    category = min(categories, key=lambda c: (-categories[c], c))
    published = [row[5] for row in rows if row[5] is not None]
    dates = sorted(row[4] for row in rows if row[4])
    lone = len(rows) == 1 and rows[0][1] == story_id
    return Story(
        story_id=story_id,
        category=category,
        actors=tuple(sorted({c for row in rows for c in row[9] or ()})),
        recipients=tuple(sorted({c for row in rows for c in row[10] or ()})),
        event_date=dates[0] if dates else None,
        first_report=min(published) if published else None,
        latest_report=max(published) if published else None,
        n_events=len(rows),
        n_articles=len({row[2] for row in rows}),
        n_outlets=len({row[6] for row in rows if row[6]}) or 1,
        headline=rows[0][7],
        members=tuple(
            StoryMember(
                event_id=row[1],
                article_id=row[2],
                reason=row[8] or ("not grouped: the event is its own story" if lone else "member"),
            )
            for row in rows
        ),
    )


# ---------------------------------------------------------------------------
# The alerts table (schema version 3)


@dataclass(frozen=True, slots=True)
class AlertFilter:
    actor: str | None = None
    recipient: str | None = None
    since: date | None = None  # on the first day of the alert's period
    until: date | None = None
    kinds: tuple[str, ...] = field(default_factory=tuple)
    freq: str | None = None  # day, week or month


ALERT_COLUMNS = (
    "alert_id, actor, recipient, period, period_start, freq, kind, value, baseline, "
    "message, story_ids, created_at"
)


def period_freq(period: str) -> str:
    """day, week or month from a period label (2024-04-02, 2024-W14, 2024-04)."""
    if "-W" in period:
        return "week"
    return "day" if period.count("-") == 2 else "month"


def write_alerts(
    conn: Any, actor: str, recipient: str | None, periods: list[str], alerts: list[Alert]
) -> int:
    """Replace the dyad's alerts for the periods examined with these; returns how many stored.

    Called inside the writer's transaction. Alert ids are deterministic, so a re-run
    replaces rather than duplicates, and an alert seen before keeps its first created_at.
    """
    kept: dict[str, datetime] = dict(
        conn.execute(
            "SELECT alert_id, created_at FROM alerts WHERE actor = ? "
            "AND recipient IS NOT DISTINCT FROM ? AND list_contains(?, period)",
            [actor, recipient, periods],
        ).fetchall()
    )
    conn.execute(
        "DELETE FROM alerts WHERE actor = ? AND recipient IS NOT DISTINCT FROM ? "
        "AND list_contains(?, period)",
        [actor, recipient, periods],
    )
    rows = []
    for alert in alerts:
        start, _ = date_period(alert.period)
        rows.append(
            [
                alert.alert_id,
                alert.actor,
                alert.recipient,
                alert.period,
                start,
                period_freq(alert.period),
                alert.kind,
                alert.value,
                alert.baseline,
                alert.message,
                list(alert.story_ids),
                kept.get(alert.alert_id, alert.created_at),
            ]
        )
    if rows:
        conn.executemany(
            f"INSERT INTO alerts ({ALERT_COLUMNS}) VALUES ({', '.join('?' * 12)})",  # noqa: S608 - fixed names
            rows,
        )
    return len(rows)


def read_alerts(store: Store, flt: AlertFilter) -> list[Alert]:
    """Stored alerts, oldest period first."""
    conditions: list[str] = []
    params: list[Any] = []
    if flt.actor:
        conditions.append("upper(actor) = upper(?)")
        params.append(flt.actor)
    if flt.recipient:
        conditions.append("upper(recipient) = upper(?)")
        params.append(flt.recipient)
    if flt.since:
        conditions.append("period_start >= ?")
        params.append(flt.since)
    if flt.until:
        conditions.append("period_start <= ?")
        params.append(flt.until)
    if flt.freq:
        conditions.append("freq = ?")
        params.append(flt.freq)
    if flt.kinds:
        conditions.append("list_contains(?, kind)")
        params.append(list(flt.kinds))
    where = " AND ".join(conditions) if conditions else "TRUE"
    rows = store._conn.execute(
        "SELECT alert_id, actor, recipient, period, kind, value, baseline, message, story_ids, "  # noqa: S608 - fixed fragments, values bound
        f"created_at FROM alerts WHERE {where} ORDER BY period_start, actor, recipient, kind",
        params,
    ).fetchall()
    return [
        Alert(
            alert_id=row[0],
            actor=row[1],
            recipient=row[2],
            period=row[3],
            kind=row[4],
            value=row[5],
            baseline=row[6],
            message=row[7],
            story_ids=tuple(row[8]),
            created_at=row[9],
        )
        for row in rows
    ]
