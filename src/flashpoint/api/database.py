"""How the server reaches the store: read-only connections that let go of the file.

DuckDB lets one process hold a database file for writing; while it does, no other
process can open the file at all, not even read-only, and while any process has it
open read-only, no other can open it for writing. `flashpoint code` keeps the file for
its whole run, so the server must not keep it: each request opens its own read-only
connection and closes it after. While requests keep coming, one extra connection (the
anchor) keeps the database instance and its cache open so that a request's own
connection costs microseconds instead of tens of milliseconds; the anchor is closed
`linger` seconds (default 0.3) after the last request, which frees the file for
`flashpoint code` or `ingest`. When a writer holds the file, a request retries for
about 1.5 s and then answers 503 "database busy" with Retry-After. A POST (write)
waits for running reads, closes the anchor and opens the file for writing briefly.
See docs/API.md ("Concurrency").
"""

from __future__ import annotations

import threading
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


DEFAULT_LINGER_SECONDS = 0.3


class StoreAccess:
    """Read-only stores for requests, one short write session at a time, and the anchor."""

    def __init__(self, path: Path, linger: float = DEFAULT_LINGER_SECONDS) -> None:
        self.path = path
        self.linger = linger
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False
        self._anchor: Store | None = None
        self._timer: threading.Timer | None = None
        self._last_release = 0.0

    @property
    def holds_file(self) -> bool:
        """Whether the anchor currently keeps the file open (for tests and diagnostics)."""
        with self._cond:
            return self._anchor is not None

    @contextmanager
    def read(self) -> Iterator[Store]:
        """A read-only store for the length of one request."""
        with self._cond:
            while self._writing:
                self._cond.wait()
            self._readers += 1
            try:
                if self._anchor is None and self.linger > 0:
                    self._anchor = open_with_retry(self.path, read_only=True)
            except BaseException:
                self._readers -= 1
                raise
        try:
            store = open_with_retry(self.path, read_only=True)
            try:
                yield store
            finally:
                store.close()
        finally:
            self._release()

    def _release(self) -> None:
        with self._cond:
            self._readers -= 1
            self._last_release = time.monotonic()
            self._cond.notify_all()
            if self._readers == 0 and self._anchor is not None and self._timer is None:
                self._timer = threading.Timer(self.linger, self._close_when_idle)
                self._timer.daemon = True
                self._timer.start()

    def _close_when_idle(self) -> None:
        with self._cond:
            self._timer = None
            if self._anchor is None or self._readers:
                return
            idle = time.monotonic() - self._last_release
            if idle + 0.01 < self.linger:  # a request came and went meanwhile: wait again
                self._timer = threading.Timer(self.linger - idle, self._close_when_idle)
                self._timer.daemon = True
                self._timer.start()
                return
            self._anchor.close()
            self._anchor = None

    def close(self) -> None:
        """Let go of the file now (the app's shutdown)."""
        with self._cond:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            if self._anchor is not None:
                self._anchor.close()
                self._anchor = None

    @contextmanager
    def write(self) -> Iterator[Store]:
        """A read-write store for one write request: waits for running reads to finish."""
        with self._cond:
            while self._writing:
                self._cond.wait()
            self._writing = True
            while self._readers:
                self._cond.wait()
            if self._anchor is not None:
                self._anchor.close()
                self._anchor = None
        try:
            store = open_with_retry(self.path, read_only=False)
            try:
                yield store
            finally:
                store.close()
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()


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
