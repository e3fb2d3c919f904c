"""Events out in the formats people already load: CSV, JSON Lines, Parquet, CAMEO dyads.

- JSON Lines: the documented event JSON (docs/RECORDS.md), one event per line.
- CSV and Parquet: one row per event with flat columns (`EVENT_COLUMNS`); actors and
  recipients become parallel code/sector/name lists (joined with ";" in CSV).
- CAMEO dyads (`CAMEO_COLUMNS`): one row per actor-recipient pair, the shape GDELT and
  ICEWS users work with. A side with no entity is left empty so no event is lost.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, TextIO

from flashpoint.errors import FlashpointError
from flashpoint.models import Entity, Event

FORMATS: tuple[str, ...] = ("csv", "jsonl", "parquet", "cameo")

EVENT_COLUMNS: tuple[str, ...] = (
    "event_id",
    "article_id",
    "category",
    "mode",
    "status",
    "context",
    "actor_codes",
    "actor_sectors",
    "actor_names",
    "recipient_codes",
    "recipient_sectors",
    "recipient_names",
    "date_value",
    "date_granularity",
    "date_type",
    "date_text",
    "date_note",
    "location_name",
    "location_country",
    "location_lat",
    "location_lon",
    "sentence_start",
    "sentence_end",
    "sentence_text",
    "trigger_start",
    "trigger_end",
    "trigger_text",
    "confidence",
    "score",
    "quad_class",
    "cameo_root",
    "reciprocal",
    "attribution_code",
    "attribution_name",
    "source_url",
)
_LIST_COLUMNS = frozenset(
    (
        "context",
        "actor_codes",
        "actor_sectors",
        "actor_names",
        "recipient_codes",
        "recipient_sectors",
        "recipient_names",
    )
)

CAMEO_COLUMNS: tuple[str, ...] = (
    "date",
    "actor_code",
    "actor_sector",
    "recipient_code",
    "recipient_sector",
    "cameo_root",
    "quad_class",
    "plover_score",
    "category",
    "mode",
    "status",
    "source_url",
    "event_id",
)


def event_row(event: Event, url: str | None = None) -> dict[str, Any]:
    """One event as a flat row (lists stay lists; CSV joins them)."""
    loc = event.location
    attribution = event.attribution
    return {
        "event_id": event.event_id,
        "article_id": event.article_id,
        "category": event.category,
        "mode": event.mode,
        "status": event.status,
        "context": list(event.context),
        "actor_codes": [e.code for e in event.actors],
        "actor_sectors": [e.sector or "" for e in event.actors],
        "actor_names": [e.name for e in event.actors],
        "recipient_codes": [e.code for e in event.recipients],
        "recipient_sectors": [e.sector or "" for e in event.recipients],
        "recipient_names": [e.name for e in event.recipients],
        "date_value": event.date.value,
        "date_granularity": event.date.granularity,
        "date_type": event.date.type,
        "date_text": event.date.text,
        "date_note": event.date.note,
        "location_name": loc.name if loc else None,
        "location_country": loc.country if loc else None,
        "location_lat": loc.lat if loc else None,
        "location_lon": loc.lon if loc else None,
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
        "reciprocal": event.reciprocal,
        "attribution_code": attribution.code if attribution else None,
        "attribution_name": attribution.name if attribution else None,
        "source_url": url,
    }


def event_rows(
    events: Iterable[Event], urls: Mapping[str, str | None] | None = None
) -> list[dict[str, Any]]:
    urls = urls or {}
    return [event_row(e, urls.get(e.article_id)) for e in events]


def cameo_rows(
    events: Iterable[Event], urls: Mapping[str, str | None] | None = None
) -> list[dict[str, Any]]:
    """One row per (actor, recipient) pair of each event."""
    urls = urls or {}
    rows: list[dict[str, Any]] = []
    for event in events:
        actors: list[Entity | None] = list(event.actors) or [None]
        recipients: list[Entity | None] = list(event.recipients) or [None]
        rows.extend(
            {
                "date": event.date.value,
                "actor_code": actor.code if actor else None,
                "actor_sector": actor.sector if actor else None,
                "recipient_code": recipient.code if recipient else None,
                "recipient_sector": recipient.sector if recipient else None,
                "cameo_root": event.cameo_root,
                "quad_class": event.quad_class,
                "plover_score": event.score,
                "category": event.category,
                "mode": event.mode,
                "status": event.status,
                "source_url": urls.get(event.article_id),
                "event_id": event.event_id,
            }
            for actor in actors
            for recipient in recipients
        )
    return rows


def write_jsonl(events: Iterable[Event], stream: TextIO) -> int:
    count = 0
    for event in events:
        stream.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
        count += 1
    return count


def _csv_value(column: str, value: Any) -> Any:
    if column in _LIST_COLUMNS:
        return ";".join(value)
    return "" if value is None else value


def write_csv(rows: list[dict[str, Any]], columns: tuple[str, ...], stream: TextIO) -> int:
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_csv_value(c, row[c]) for c in columns])
    return len(rows)


def write_parquet(rows: list[dict[str, Any]], columns: tuple[str, ...], path: Path) -> int:
    import pyarrow as pa  # noqa: PLC0415 - heavy; only for Parquet output
    import pyarrow.parquet as pq  # noqa: PLC0415

    types = {
        "location_lat": pa.float64(),
        "location_lon": pa.float64(),
        "confidence": pa.float64(),
        "score": pa.float64(),
        "plover_score": pa.float64(),
        "quad_class": pa.int32(),
        "sentence_start": pa.int64(),
        "sentence_end": pa.int64(),
        "trigger_start": pa.int64(),
        "trigger_end": pa.int64(),
        "reciprocal": pa.bool_(),
    }
    schema = pa.schema(
        [
            (c, pa.list_(pa.string()) if c in _LIST_COLUMNS else types.get(c, pa.string()))
            for c in columns
        ]
    )
    table = pa.Table.from_pylist(rows, schema=schema)
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, str(path))
    return len(rows)


def export_events(
    events: list[Event],
    fmt: str,
    *,
    stream: TextIO | None = None,
    path: Path | None = None,
    urls: Mapping[str, str | None] | None = None,
) -> int:
    """Write events in one of FORMATS to a path or a text stream; returns rows written.

    Parquet is binary and needs a path. CAMEO dyads are written as CSV.
    """
    if fmt not in FORMATS:
        raise FlashpointError("FP104", f"unknown export format {fmt!r}; use one of {FORMATS}")
    if fmt == "parquet":
        if path is None:
            raise FlashpointError("FP104", "Parquet output needs a file: pass -o FILE.parquet")
        return write_parquet(event_rows(events, urls), EVENT_COLUMNS, path)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8", newline="") as handle:
            return export_events(events, fmt, stream=handle, urls=urls)
    if stream is None:
        raise ValueError("export_events needs a stream or a path")
    if fmt == "jsonl":
        return write_jsonl(events, stream)
    if fmt == "csv":
        return write_csv(event_rows(events, urls), EVENT_COLUMNS, stream)
    return write_csv(cameo_rows(events, urls), CAMEO_COLUMNS, stream)
