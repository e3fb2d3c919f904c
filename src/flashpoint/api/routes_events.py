"""/api/events: filtered, sorted, cursor-paged events; one event; CSV and Parquet downloads."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Response

from flashpoint.api.deps import ReadStore
from flashpoint.api.downloads import events_download
from flashpoint.api.params import (
    DEFAULT_PAGE,
    MAX_DOWNLOAD_ROWS,
    Cursor,
    CursorQuery,
    EventSort,
    FormatQuery,
    LimitQuery,
    decode_cursor,
    encode_cursor,
    event_filter,
    filter_scope,
)
from flashpoint.store import EventFilter
from flashpoint.store.browse import count_events, event_by_id, event_page

router = APIRouter(prefix="/api", tags=["events"])


@router.get("/events", summary="List events", response_model=None)
def list_events(
    *,
    store: ReadStore,
    flt: Annotated[EventFilter, Depends(event_filter)],
    sort: EventSort = "date",
    cursor: CursorQuery = None,
    limit: LimitQuery = DEFAULT_PAGE,
    format: FormatQuery = "json",
) -> dict[str, Any] | Response:
    """Events matching the filters, `limit` at a time.

    Follow `next_cursor` (null on the last page) to read every match exactly once.
    `format=csv` or `format=parquet` downloads every match instead (cursor ignored).
    """
    if format != "json":
        page = event_page(store, flt, sort=sort, limit=MAX_DOWNLOAD_ROWS)
        return events_download(store, page.events, format, "events")
    scope = filter_scope(flt)
    after = decode_cursor(cursor, sort, scope)
    page = event_page(store, flt, sort=sort, after=after, limit=limit)
    next_cursor = encode_cursor(Cursor(page.next_after, sort, scope)) if page.next_after else None
    return {
        "items": [e.to_dict() for e in page.events],
        "count": count_events(store, flt) if after is None else None,
        "next_cursor": next_cursor,
    }


@router.get("/events/{event_id}", summary="One event")
def get_event(store: ReadStore, event_id: str) -> dict[str, Any]:
    """The event with its evidence; 404 when no event has this id."""
    event = event_by_id(store, event_id)
    if event is None:
        raise HTTPException(404, f"no event with id {event_id!r}")
    return event.to_dict()
