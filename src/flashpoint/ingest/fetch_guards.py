"""The limits of the safe fetcher that need no network: which addresses, how much, how often.

`flashpoint.ingest.fetch` is the only code that connects anywhere; it uses these.
"""

from __future__ import annotations

import ipaddress
import threading
import time
import zlib
from collections.abc import Callable
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from flashpoint.errors import FlashpointError


class FetchError(FlashpointError):
    """A URL that could not be fetched. `transient` errors are worth trying again later."""

    def __init__(
        self,
        code: str,
        message: str,
        *,
        source: str,
        transient: bool = False,
        retry_after: float | None = None,
    ) -> None:
        self.transient = transient
        self.retry_after = retry_after  # seconds the server asked us to wait, if it did
        super().__init__(code, message, source=source)


class FetchCancelled(Exception):  # noqa: N818 - a signal to stop, not an error
    """The stop event was set while waiting or reading; nothing was half-done."""


# ---------------------------------------------------------------------------
# Addresses


def address_problem(address: str, *, allow_private: bool) -> str | None:
    """Why we must not connect to this IP address, or None when it is fine."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is not None:
            return address_problem(str(embedded), allow_private=allow_private)
    if ip.is_multicast:
        return "a multicast address"
    if ip.is_unspecified:
        return "a reserved address"
    if ip.is_loopback:
        kind = "a loopback address"
    elif ip.is_link_local:
        kind = "a link-local address"
    elif ip.is_reserved:
        return "a reserved address"
    elif not ip.is_global:
        kind = "a private address"
    else:
        return None
    return None if allow_private else kind


def check_url(url: str) -> tuple[str, str, int]:
    """(scheme, host, port) of an http(s) URL; FP501 for anything else."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError(
            "FP501",
            f"only http and https URLs are fetched, not {scheme or 'no scheme'!r}",
            source=url,
        )
    try:
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError as exc:
        raise FetchError("FP501", f"the port is not valid: {exc}", source=url) from exc
    if not parts.hostname:
        raise FetchError("FP501", "the URL has no host", source=url)
    return scheme, parts.hostname, port


# ---------------------------------------------------------------------------
# Politeness


class HostRateLimiter:
    """At most one request per `interval` seconds to each host; a host may ask for a
    longer interval of its own (robots.txt `Crawl-delay`, set by the watcher)."""

    def __init__(self, interval: float, sleep: Callable[[float], object]) -> None:
        self.interval = interval
        self._sleep = sleep
        self._next: dict[str, float] = {}
        self._intervals: dict[str, float] = {}  # hosts slower than `interval`
        self._lock = threading.Lock()

    def interval_for(self, host: str) -> float:
        return self._intervals.get(host.lower(), self.interval)

    def set_interval(self, host: str, seconds: float | None) -> None:
        """Give a host its own interval; one not longer than `interval` (or None) resets it.
        The next request to the host is moved so it also keeps the new interval."""
        host = host.lower()
        with self._lock:
            old = self._intervals.get(host, self.interval)
            new = self.interval if seconds is None else max(self.interval, seconds)
            if new > self.interval:
                self._intervals[host] = new
            else:
                self._intervals.pop(host, None)
            if host in self._next:
                self._next[host] += new - old

    def wait(self, host: str) -> None:
        host = host.lower()
        with self._lock:
            now = time.monotonic()
            slot = max(now, self._next.get(host, now))
            self._next[host] = slot + self._intervals.get(host, self.interval)
        if slot > now:
            self._sleep(slot - now)


class BoundedDecoder:
    """gzip/deflate decoding that never produces more than the byte limit."""

    def __init__(self, encoding: str, limit: int, source: str) -> None:
        self.limit = limit
        self.source = source
        self.size = 0
        encoding = encoding.strip().lower()
        if encoding in ("", "identity"):
            self._zlib = None
        elif encoding in ("gzip", "x-gzip"):
            self._zlib = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self._zlib = zlib.decompressobj()
        else:
            raise FetchError(
                "FP505", f"the response uses the content encoding {encoding!r}", source=source
            )

    def _count(self, data: bytes) -> bytes:
        self.size += len(data)
        if self.size > self.limit:
            raise FetchError(
                "FP504", f"the response is larger than {self.limit:,} bytes", source=self.source
            )
        return data

    def feed(self, chunk: bytes) -> bytes:
        if self._zlib is None:
            return self._count(chunk)
        try:
            out = self._zlib.decompress(chunk, self.limit - self.size + 1)
            parts = [self._count(out)]
            while self._zlib.unconsumed_tail:
                out = self._zlib.decompress(self._zlib.unconsumed_tail, self.limit - self.size + 1)
                parts.append(self._count(out))
        except zlib.error as exc:
            raise FetchError(
                "FP505", f"the compressed response is damaged: {exc}", source=self.source
            ) from exc
        return b"".join(parts)


def media_type(header: str | None) -> tuple[str | None, str | None]:
    if not header:
        return None, None
    media, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'").lower() or None
    return media.strip().lower() or None, charset


def retry_after_seconds(value: str | None, cap: float) -> float | None:
    if not value:
        return None
    try:
        return min(cap, max(0.0, float(value)))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return min(cap, max(0.0, when.timestamp() - time.time()))
