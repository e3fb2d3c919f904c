"""How the server reaches the store: a short-lived read-only connection per request.

DuckDB lets one process hold a database file for writing; while it does, no other
process can open the file at all, not even read-only. `flashpoint code` keeps the file
for its whole run, so the server never holds a connection between requests: each
request opens the file read-only, reads, and closes it (about a millisecond), which
leaves `code` and `ingest` free to start at any moment. When a writer holds the file,
the request retries for a short while and then answers 503 "database busy" with
Retry-After. See docs/API.md ("Concurrency").
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from flashpoint.errors import StoreError
from flashpoint.store import Store

# Wait up to about 1.5 s for a writer to let go before answering 503.
BUSY_RETRY_DELAYS: tuple[float, ...] = (0.02, 0.05, 0.1, 0.2, 0.4, 0.7)
BUSY_RETRY_AFTER_SECONDS = 5


class DatabaseBusyError(Exception):
    """Another process holds the database file for writing; the client should retry."""

    def __init__(self, path: Path, detail: str) -> None:
        self.path = path
        self.detail = detail
        super().__init__(
            f"database busy: another flashpoint process is writing to {path.name}; retry shortly"
        )


class DatabaseMissingError(Exception):
    """The database file does not exist."""


def _is_lock_error(exc: StoreError) -> bool:
    text = str(exc).lower()
    return "lock" in text or "different configuration" in text


def open_with_retry(path: Path, *, read_only: bool) -> Store:
    """Open the store, waiting briefly while another process or connection holds it."""
    if read_only and not path.exists():
        raise DatabaseMissingError(str(path))
    last: StoreError | None = None
    for delay in (*BUSY_RETRY_DELAYS, None):
        try:
            return Store(path, read_only=read_only)
        except StoreError as exc:
            if not _is_lock_error(exc):
                raise
            last = exc
        if delay is not None:
            time.sleep(delay)
    raise DatabaseBusyError(path, str(last))


@contextmanager
def read_store(path: Path) -> Iterator[Store]:
    """A read-only store for the length of one request."""
    store = open_with_retry(path, read_only=True)
    try:
        yield store
    finally:
        store.close()


@contextmanager
def write_store(path: Path) -> Iterator[Store]:
    """A read-write store for one write request (POST), closed right after."""
    store = open_with_retry(path, read_only=False)
    try:
        yield store
    finally:
        store.close()


def prepare_database(path: Path) -> int:
    """Create the file and apply migrations once at start-up; returns the schema version.

    Read-only connections cannot migrate, so this is the one moment the server writes.
    If another process holds the file, the server starts anyway and reads later.
    """
    try:
        with open_with_retry(path, read_only=False) as store:
            return store.schema_version
    except DatabaseBusyError:
        return -1
