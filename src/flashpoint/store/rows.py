"""Turning records into table rows and rows back into records. Rows never leave store/."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

from flashpoint.models import (
    Article,
    Entity,
    Event,
    EventDate,
    Location,
    Rejection,
    TextSpan,
    canonical_url,
)

ARTICLE_COLUMNS = (
    "id, url, canonical_url, title, outlet, published_at, language, text, "
    "content_hash, ingested_at, source"
)

EVENT_COLUMNS = (
    "event_id, article_id, category, mode, status, context, date_value, date_granularity, "
    "date_type, date_text, date_start, date_end, date_note, period_start, period_end, "
    "location_name, location_country, location_lat, location_lon, location_start, "
    "location_end, location_feature, sentence_start, sentence_end, sentence_text, "
    "trigger_start, trigger_end, trigger_text, confidence, score, quad_class, cameo_root, "
    "reciprocal, attribution"
)
EVENT_PLACEHOLDERS = ", ".join("?" for _ in EVENT_COLUMNS.split(","))

ENTITY_COLUMNS = "event_id, role, position, code, sector, name, start_offset, end_offset"


def article_row(article: Article) -> list[Any]:
    return [
        article.id,
        article.url,
        canonical_url(article.url) if article.url else None,
        article.title,
        article.outlet,
        article.published_at,
        article.language,
        article.text,
        article.content_hash,
        article.ingested_at,
        article.source,
    ]


def article_from_row(row: tuple[Any, ...]) -> Article:
    """Row in ARTICLE_COLUMNS order back to an Article."""
    return Article(
        id=row[0],
        url=row[1],
        title=row[3],
        outlet=row[4],
        published_at=row[5],
        language=row[6],
        text=row[7],
        content_hash=row[8],
        ingested_at=row[9],
        source=row[10],
    )


def date_period(value: str | None) -> tuple[date | None, date | None]:
    """First and last day covered by an event date value (2024-04-02, 2024-W14, 2024-04, 2024).

    A range "A/B" covers A's first day to B's last. Values that cannot be read give no period,
    so date filters leave such events out rather than guess.
    """
    if not value:
        return None, None
    if "/" in value:
        first, _, last = value.partition("/")
        return date_period(first)[0], date_period(last)[1]
    try:
        if "-W" in value:
            year, week = value.split("-W")
            start = date.fromisocalendar(int(year), int(week[:2]), 1)
            return start, start + timedelta(days=6)
        parts = value.split("-")
        if len(parts) == 3:
            day = date(int(parts[0]), int(parts[1]), int(parts[2][:2]))
            return day, day
        if len(parts) == 2:
            year_n, month_n = int(parts[0]), int(parts[1])
            start = date(year_n, month_n, 1)
            following = date(year_n + month_n // 12, month_n % 12 + 1, 1)
            return start, following - timedelta(days=1)
        if len(parts) == 1 and len(value) == 4:
            return date(int(value), 1, 1), date(int(value), 12, 31)
    except ValueError:
        return None, None
    return None, None


def event_row(event: Event) -> list[Any]:
    loc = event.location
    period_start, period_end = date_period(event.date.value)
    return [
        event.event_id,
        event.article_id,
        event.category,
        event.mode,
        event.status,
        list(event.context),
        event.date.value,
        event.date.granularity,
        event.date.type,
        event.date.text,
        event.date.start,
        event.date.end,
        event.date.note,
        period_start,
        period_end,
        loc.name if loc else None,
        loc.country if loc else None,
        loc.lat if loc else None,
        loc.lon if loc else None,
        loc.start if loc else None,
        loc.end if loc else None,
        loc.feature if loc else None,
        event.sentence.start,
        event.sentence.end,
        event.sentence.text,
        event.trigger.start,
        event.trigger.end,
        event.trigger.text,
        event.confidence,
        event.score,
        event.quad_class,
        event.cameo_root,
        event.reciprocal,
        json.dumps(event.attribution.to_dict()) if event.attribution else None,
    ]


def entity_rows(event: Event) -> list[list[Any]]:
    rows: list[list[Any]] = []
    for role, entities in (("actor", event.actors), ("recipient", event.recipients)):
        rows.extend(
            [event.event_id, role, position, e.code, e.sector, e.name, e.start, e.end]
            for position, e in enumerate(entities)
        )
    return rows


def entity_from_row(row: tuple[Any, ...]) -> Entity:
    """Row of (code, sector, name, start_offset, end_offset)."""
    return Entity(code=row[0], sector=row[1], name=row[2], start=row[3], end=row[4])


def event_from_row(
    row: tuple[Any, ...], actors: tuple[Entity, ...], recipients: tuple[Entity, ...]
) -> Event:
    """Row in EVENT_COLUMNS order, with its entities, back to an Event."""
    location = (
        Location(
            name=row[15],
            country=row[16],
            lat=row[17],
            lon=row[18],
            start=row[19],
            end=row[20],
            feature=row[21],
        )
        if row[15] is not None
        else None
    )
    return Event(
        event_id=row[0],
        article_id=row[1],
        category=row[2],
        mode=row[3],
        status=row[4],
        context=tuple(row[5]),
        actors=actors,
        recipients=recipients,
        date=EventDate(
            value=row[6],
            granularity=row[7],
            type=row[8],
            text=row[9],
            start=row[10],
            end=row[11],
            note=row[12],
        ),
        location=location,
        sentence=TextSpan(start=row[22], end=row[23], text=row[24]),
        trigger=TextSpan(start=row[25], end=row[26], text=row[27]),
        confidence=row[28],
        score=row[29],
        quad_class=row[30],
        cameo_root=row[31],
        reciprocal=row[32],
        attribution=Entity.from_dict(json.loads(row[33])) if row[33] else None,
    )


def rejection_row(rejection: Rejection) -> list[Any]:
    return [rejection.source, rejection.code, rejection.reason, rejection.detail, rejection.at]


def rejection_from_row(row: tuple[Any, ...]) -> Rejection:
    """Row of (source, code, reason, detail, at)."""
    return Rejection(source=row[0], code=row[1], reason=row[2], detail=row[3], at=row[4])
