"""The Parquet form of articles, events and rejections written by the batch engines.

Events are stored flat: one column per scalar field of `Event` (nested records such
as `date`, `sentence` and `location` become `date_value`, `sentence_start`, ...), while
the lists `actors` and `recipients` are lists of structs and `attribution` is a struct,
so DuckDB and pandas read them without any JSON decoding. docs/DISTRIBUTED.md lists the
columns. Converting back with `row_to_event` gives an `Event` equal to the one written.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from flashpoint.models import (
    Article,
    Entity,
    Event,
    EventDate,
    Location,
    Rejection,
    TextSpan,
)

ENTITY_TYPE = pa.struct(
    [
        ("code", pa.string()),
        ("sector", pa.string()),
        ("name", pa.string()),
        ("start", pa.int64()),
        ("end", pa.int64()),
    ]
)

TIMESTAMP = pa.timestamp("us", tz="UTC")

ARTICLE_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("url", pa.string()),
        ("title", pa.string()),
        ("outlet", pa.string()),
        ("published_at", TIMESTAMP),
        ("language", pa.string()),
        ("text", pa.string()),
        ("content_hash", pa.string()),
        ("ingested_at", TIMESTAMP),
        ("source", pa.string()),
    ]
)

EVENT_SCHEMA = pa.schema(
    [
        ("event_id", pa.string()),
        ("article_id", pa.string()),
        ("category", pa.string()),
        ("mode", pa.string()),
        ("status", pa.string()),
        ("context", pa.list_(pa.string())),
        ("actors", pa.list_(ENTITY_TYPE)),
        ("recipients", pa.list_(ENTITY_TYPE)),
        ("date_value", pa.string()),
        ("date_granularity", pa.string()),
        ("date_type", pa.string()),
        ("date_text", pa.string()),
        ("date_start", pa.int64()),
        ("date_end", pa.int64()),
        ("date_note", pa.string()),
        ("location_name", pa.string()),
        ("location_country", pa.string()),
        ("location_lat", pa.float64()),
        ("location_lon", pa.float64()),
        ("location_start", pa.int64()),
        ("location_end", pa.int64()),
        ("location_feature", pa.string()),
        ("sentence_start", pa.int64()),
        ("sentence_end", pa.int64()),
        ("sentence_text", pa.string()),
        ("trigger_start", pa.int64()),
        ("trigger_end", pa.int64()),
        ("trigger_text", pa.string()),
        ("confidence", pa.float64()),
        ("score", pa.float64()),
        ("quad_class", pa.int64()),
        ("cameo_root", pa.string()),
        ("attribution", ENTITY_TYPE),
        ("reciprocal", pa.bool_()),
    ]
)

REJECTION_SCHEMA = pa.schema(
    [
        ("source", pa.string()),
        ("code", pa.string()),
        ("reason", pa.string()),
        ("detail", pa.string()),
        ("at", TIMESTAMP),
    ]
)


def article_to_row(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "url": article.url,
        "title": article.title,
        "outlet": article.outlet,
        "published_at": article.published_at,
        "language": article.language,
        "text": article.text,
        "content_hash": article.content_hash,
        "ingested_at": article.ingested_at,
        "source": article.source,
    }


def row_to_article(row: dict[str, Any]) -> Article:
    return Article(
        id=str(row["id"]),
        text=str(row["text"]),
        url=row.get("url"),
        title=row.get("title"),
        outlet=row.get("outlet"),
        published_at=_aware(row.get("published_at")),
        language=row.get("language"),
        content_hash=row.get("content_hash") or "",
        ingested_at=_aware(row.get("ingested_at")),
        source=row.get("source"),
    )


def _aware(value: Any) -> datetime | None:
    # pyarrow gives timezone-aware datetimes for tz columns; pandas may give Timestamps.
    if value is None:
        return None
    if hasattr(value, "to_pydatetime"):
        value = value.to_pydatetime()
    return value if isinstance(value, datetime) else None


def event_to_row(event: Event) -> dict[str, Any]:
    date, location = event.date, event.location
    return {
        "event_id": event.event_id,
        "article_id": event.article_id,
        "category": event.category,
        "mode": event.mode,
        "status": event.status,
        "context": list(event.context),
        "actors": [a.to_dict() for a in event.actors],
        "recipients": [r.to_dict() for r in event.recipients],
        "date_value": date.value,
        "date_granularity": date.granularity,
        "date_type": date.type,
        "date_text": date.text,
        "date_start": date.start,
        "date_end": date.end,
        "date_note": date.note,
        "location_name": location.name if location else None,
        "location_country": location.country if location else None,
        "location_lat": location.lat if location else None,
        "location_lon": location.lon if location else None,
        "location_start": location.start if location else None,
        "location_end": location.end if location else None,
        "location_feature": location.feature if location else None,
        "sentence_start": event.sentence.start,
        "sentence_end": event.sentence.end,
        "sentence_text": event.sentence.text,
        "trigger_start": event.trigger.start,
        "trigger_end": event.trigger.end,
        "trigger_text": event.trigger.text,
        "confidence": event.confidence,
        "score": event.score,
        "quad_class": event.quad_class,
        "cameo_root": event.cameo_root,
        "attribution": event.attribution.to_dict() if event.attribution else None,
        "reciprocal": event.reciprocal,
    }


def row_to_event(row: dict[str, Any]) -> Event:
    location = None
    if row.get("location_name") is not None:
        location = Location(
            name=str(row["location_name"]),
            country=row.get("location_country"),
            lat=row.get("location_lat"),
            lon=row.get("location_lon"),
            start=int(row["location_start"]),
            end=int(row["location_end"]),
            feature=row.get("location_feature") or "city",
        )
    attribution = row.get("attribution")
    return Event(
        event_id=str(row["event_id"]),
        article_id=str(row["article_id"]),
        category=str(row["category"]),
        mode=row.get("mode"),
        status=str(row["status"]),
        context=tuple(row.get("context") or ()),
        actors=tuple(Entity.from_dict(a) for a in row.get("actors") or ()),
        recipients=tuple(Entity.from_dict(r) for r in row.get("recipients") or ()),
        date=EventDate(
            value=row.get("date_value"),
            granularity=row.get("date_granularity") or "unknown",
            type=row.get("date_type") or "unresolved",
            text=row.get("date_text"),
            start=row.get("date_start"),
            end=row.get("date_end"),
            note=row.get("date_note"),
        ),
        location=location,
        sentence=TextSpan(
            int(row["sentence_start"]), int(row["sentence_end"]), str(row["sentence_text"])
        ),
        trigger=TextSpan(
            int(row["trigger_start"]), int(row["trigger_end"]), str(row["trigger_text"])
        ),
        confidence=float(row["confidence"]),
        score=row.get("score"),
        quad_class=int(row["quad_class"]),
        cameo_root=str(row["cameo_root"]),
        attribution=Entity.from_dict(attribution) if attribution else None,
        reciprocal=bool(row.get("reciprocal")),
    )


def rejection_to_row(rejection: Rejection) -> dict[str, Any]:
    return {
        "source": rejection.source,
        "code": rejection.code,
        "reason": rejection.reason,
        "detail": rejection.detail,
        "at": rejection.at,
    }


def row_to_rejection(row: dict[str, Any]) -> Rejection:
    at = _aware(row.get("at"))
    rejection = Rejection(
        source=str(row["source"]),
        code=str(row["code"]),
        reason=str(row["reason"]),
        detail=row.get("detail"),
    )
    if at is None:
        return rejection
    return Rejection(rejection.source, rejection.code, rejection.reason, rejection.detail, at)


def write_table(rows: list[dict[str, Any]], schema: pa.Schema, path: Path) -> None:
    """Write rows as one Parquet file, atomically: readers never see a half-written part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    table = pa.Table.from_pylist(rows, schema=schema)
    partial = path.with_name(path.name + ".partial")
    pq.write_table(table, partial, compression="zstd")
    partial.replace(path)
