"""CSV and Parquet downloads of events, through flashpoint.exports (the CLI's formats)."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from fastapi import Response

from flashpoint.exports import EVENT_COLUMNS, event_rows, write_csv, write_parquet
from flashpoint.models import Event
from flashpoint.store import Store


def events_download(store: Store, events: list[Event], fmt: str, name: str) -> Response:
    """A file response holding `events` as CSV or Parquet, with their source URLs."""
    urls = store.article_urls(sorted({e.article_id for e in events}))
    rows = event_rows(events, urls)
    if fmt == "csv":
        buffer = io.StringIO()
        write_csv(rows, EVENT_COLUMNS, buffer)
        return Response(
            buffer.getvalue().encode("utf-8"),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
        )
    with tempfile.TemporaryDirectory(prefix="flashpoint-dl-") as tmp:
        path = Path(tmp) / f"{name}.parquet"
        write_parquet(rows, EVENT_COLUMNS, path)
        body = path.read_bytes()
    return Response(
        body,
        media_type="application/vnd.apache.parquet",
        headers={"Content-Disposition": f'attachment; filename="{name}.parquet"'},
    )
