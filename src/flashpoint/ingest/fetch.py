"""The safe fetcher: the only code in flashpoint that talks to the network over HTTP.

Everything a hostile server or a hostile feed could do is bounded here:
- only http and https; the host is resolved and EVERY address it resolves to must be
  public (not private, loopback, link-local, multicast or reserved) unless the caller
  allows private addresses; the connection then goes to the address that was checked,
  so a second DNS answer cannot swap in an internal one (DNS rebinding);
- redirects are followed by hand, each hop checked again, with a hop limit and loop
  detection;
- a response is streamed and stopped at `max_bytes` (after decompression, so a gzip
  bomb costs nothing) and at a total deadline, with connect and read timeouts below it;
- the content type is checked before the body is read;
- 5xx answers, 429 and timeouts are retried with exponential backoff; one host gets at
  most one request per `host_interval` seconds; the User-Agent says who we are.
"""

from __future__ import annotations

import smtplib
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Any
from urllib.parse import urljoin

import httpx

from flashpoint import __version__
from flashpoint.ingest.fetch_guards import (
    BoundedDecoder,
    FetchCancelled,
    FetchError,
    HostRateLimiter,
    address_problem,
    check_url,
    media_type,
    retry_after_seconds,
)
from flashpoint.models import canonical_url

__all__ = [
    "FEED_TYPES",
    "PAGE_TYPES",
    "FetchCancelled",
    "FetchError",
    "FetchPolicy",
    "Fetcher",
    "Response",
    "resolve_checked",
    "send_mail",
]

USER_AGENT = f"flashpoint/{__version__} (+https://github.com/flashpoint; news monitoring)"

PAGE_TYPES = frozenset(("text/html", "application/xhtml+xml", "text/plain"))
FEED_TYPES = frozenset(
    (
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        "application/x-gzip",
        "application/gzip",
        "text/plain",  # many servers label feeds and sitemaps as plain text
    )
)
_REDIRECTS = frozenset((301, 302, 303, 307, 308))
_RETRIED = frozenset((429, 500, 502, 503, 504))


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """The limits every request obeys. The feeds file sets them (docs/WATCH.md)."""

    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0  # a response must be complete within this
    max_bytes: int = 10_000_000  # after decompression
    max_redirects: int = 5
    retries: int = 3
    backoff: float = 1.0  # first retry after this many seconds, then doubling
    max_backoff: float = 60.0
    host_interval: float = 1.0  # seconds between two requests to one host
    allow_private: bool = False
    user_agent: str = USER_AGENT


@dataclass(frozen=True, slots=True)
class Response:
    """A complete, checked answer. `not_modified` answers (304) have an empty body."""

    url: str  # the URL asked for
    final_url: str  # after redirects
    status: int
    content_type: str | None
    charset: str | None
    etag: str | None
    last_modified: str | None
    body: bytes = b""
    not_modified: bool = False
    location: str | None = None  # the target of a redirect (only inside the fetcher)


class _Refused(Exception):  # noqa: N818 - carries a refusal past the retry loop
    """A `permit` hook refused a URL; the fetcher does not retry that."""

    def __init__(self, error: FetchError) -> None:
        super().__init__(error.message)
        self.error = error


# ---------------------------------------------------------------------------
# Addresses


def resolve_checked(host: str, port: int, *, allow_private: bool, source: str) -> str:
    """Resolve a host and check every address; gives the address to connect to."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(
            "FP501", f"the host {host!r} cannot be resolved: {exc}", source=source, transient=True
        ) from exc
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if not addresses:
        raise FetchError("FP501", f"the host {host!r} has no address", source=source)
    for address in addresses:
        problem = address_problem(address, allow_private=allow_private)
        if problem is not None:
            raise FetchError(
                "FP502",
                f"{host} resolves to {address}, {problem}; it was not contacted",
                source=source,
            )
    return addresses[0]


# ---------------------------------------------------------------------------
# The fetcher


@dataclass
class Fetcher:
    """Fetches URLs under a `FetchPolicy`. Close it (or use `with`) to free connections.

    `stop` ends waits and reads early with `FetchCancelled` (graceful shutdown).
    """

    policy: FetchPolicy = field(default_factory=FetchPolicy)
    stop: threading.Event = field(default_factory=threading.Event)
    # Certificates to trust: True for the system's, or a context (a private CA; tests).
    verify: ssl.SSLContext | bool = True

    def __post_init__(self) -> None:
        self._client = httpx.Client(
            verify=self.verify,
            # No connection reuse: the pool is keyed by the pinned IP address, so a kept
            # connection verified for one site name could otherwise serve another name.
            limits=httpx.Limits(max_keepalive_connections=0),
            follow_redirects=False,
            trust_env=False,  # no proxy from the environment: we connect to checked addresses
            timeout=httpx.Timeout(self.policy.read_timeout, connect=self.policy.connect_timeout),
            headers={"User-Agent": self.policy.user_agent, "Accept-Encoding": "gzip, deflate"},
        )
        self.limiter = HostRateLimiter(self.policy.host_interval, self._pause)

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _pause(self, seconds: float) -> None:
        if self.stop.wait(seconds):
            raise FetchCancelled

    def get(
        self,
        url: str,
        *,
        accept: Iterable[str] = PAGE_TYPES,
        etag: str | None = None,
        last_modified: str | None = None,
        permit: Callable[[str], None] | None = None,
        max_bytes: int | None = None,
    ) -> Response:
        """GET a URL with retries, following checked redirects; raises FetchError.

        `permit` is called with the URL and with every redirect target before it is
        requested, and refuses it by raising FetchError (the watcher's robots.txt check).
        `max_bytes` lowers the policy's size limit for this request.
        """
        headers = {"Accept": ", ".join(sorted(accept)) + ", */*;q=0.1"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        limit = min(self.policy.max_bytes, max_bytes or self.policy.max_bytes)
        try:
            return self._with_retries(
                lambda: self._follow(url, headers, frozenset(accept), permit, limit)
            )
        except _Refused as refused:
            raise refused.error from None

    def post_json(self, url: str, payload: bytes) -> int:
        """POST a JSON document (a webhook); redirects are not followed. Gives the status."""

        def attempt() -> Response:
            response = self._send_once("POST", url, {"Content-Type": "application/json"}, payload)
            if response.status in _REDIRECTS or response.status >= 400:
                self._raise_for(response.status, url, None)
            return response

        return self._with_retries(attempt).status

    def _with_retries(self, attempt: Callable[[], Response]) -> Response:
        delay = self.policy.backoff
        for tries_left in range(self.policy.retries, -1, -1):
            try:
                return attempt()
            except FetchError as exc:
                if not exc.transient or tries_left == 0:
                    raise
                self._pause(exc.retry_after if exc.retry_after is not None else delay)
                delay = min(self.policy.max_backoff, delay * 2)
        raise AssertionError("unreachable")  # pragma: no cover

    def _follow(
        self,
        url: str,
        headers: dict[str, str],
        accept: frozenset[str],
        permit: Callable[[str], None] | None,
        limit: int,
    ) -> Response:
        seen = {canonical_url(url)}
        current = url
        for _ in range(self.policy.max_redirects + 1):
            if permit is not None:
                try:
                    permit(current)
                except FetchError as exc:  # the caller's answer: not retried here
                    raise _Refused(exc) from exc
            response = self._send_once("GET", current, headers, None, accept=accept, limit=limit)
            if response.status not in _REDIRECTS:
                return Response(
                    url=url,
                    final_url=current,
                    status=response.status,
                    content_type=response.content_type,
                    charset=response.charset,
                    etag=response.etag,
                    last_modified=response.last_modified,
                    body=response.body,
                    not_modified=response.not_modified,
                )
            location = response.location
            if not location:
                raise FetchError(
                    "FP503", f"a redirect ({response.status}) without a Location", source=current
                )
            target = urljoin(current, location)
            key = canonical_url(target)
            if key in seen:
                raise FetchError("FP503", f"the redirects loop back to {target}", source=url)
            seen.add(key)
            current = target
        raise FetchError("FP503", f"more than {self.policy.max_redirects} redirects", source=url)

    def _raise_for(self, status: int, url: str, retry_after: str | None) -> None:
        if status in _RETRIED:
            raise FetchError(
                "FP506",
                f"the server answered HTTP {status}",
                source=url,
                transient=True,
                retry_after=retry_after_seconds(retry_after, self.policy.max_backoff),
            )
        if status >= 500:
            raise FetchError("FP506", f"the server answered HTTP {status}", source=url)
        raise FetchError("FP507", f"the server answered HTTP {status}", source=url)

    def _send_once(
        self,
        method: str,
        url: str,
        headers: dict[str, str],
        content: bytes | None,
        *,
        accept: frozenset[str] | None = None,
        limit: int | None = None,
    ) -> Response:
        """One request to a checked address; a redirect is returned unread with its `location`."""
        if self.stop.is_set():
            raise FetchCancelled
        scheme, host, port = check_url(url)
        address = resolve_checked(host, port, allow_private=self.policy.allow_private, source=url)
        self.limiter.wait(host.lower())
        pinned = httpx.URL(url).copy_with(host=address)
        request = self._client.build_request(
            method,
            pinned,
            headers={**headers, "Host": httpx.URL(url).netloc.decode("ascii")},
            content=content,
            extensions={"sni_hostname": host} if scheme == "https" else {},
        )
        deadline = time.monotonic() + self.policy.total_timeout
        try:
            response = self._client.send(request, stream=True)
            try:
                return self._read(response, url, accept, deadline, limit or self.policy.max_bytes)
            finally:
                response.close()
        except httpx.TimeoutException as exc:
            raise FetchError(
                "FP506",
                f"the server did not answer in time ({exc.__class__.__name__})",
                source=url,
                transient=True,
            ) from exc
        except httpx.HTTPError as exc:
            raise FetchError(
                "FP501", f"the request failed: {exc}", source=url, transient=True
            ) from exc

    def _read(
        self,
        response: httpx.Response,
        url: str,
        accept: frozenset[str] | None,
        deadline: float,
        limit: int,
    ) -> Response:
        status = response.status_code
        media, charset = media_type(response.headers.get("content-type"))
        base: dict[str, Any] = {
            "url": url,
            "final_url": url,
            "status": status,
            "content_type": media,
            "charset": charset,
            "etag": response.headers.get("etag"),
            "last_modified": response.headers.get("last-modified"),
        }
        if status in _REDIRECTS:
            return Response(**base, location=response.headers.get("location"))
        if status == 304:
            return Response(**base, not_modified=True)
        if status >= 400:
            self._raise_for(status, url, response.headers.get("retry-after"))
        if accept is not None and media is not None and media not in accept:
            raise FetchError(
                "FP505", f"the response is {media}, not one of the accepted types", source=url
            )
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(
                "FP504",
                f"the server announces {int(declared):,} bytes, over the limit of {limit:,}",
                source=url,
            )
        decoder = BoundedDecoder(response.headers.get("content-encoding", ""), limit, url)
        parts: list[bytes] = []
        for chunk in response.iter_raw():
            parts.append(decoder.feed(chunk))
            if self.stop.is_set():
                raise FetchCancelled
            if time.monotonic() > deadline:
                raise FetchError(
                    "FP506",
                    f"the response took longer than {self.policy.total_timeout:g} s",
                    source=url,
                    transient=True,
                )
        return Response(**base, body=b"".join(parts))


def send_mail(
    message: EmailMessage,
    *,
    host: str,
    port: int,
    starttls: bool = True,
    username: str | None = None,
    password: str | None = None,
    timeout: float = 20.0,
) -> None:
    """Hand an email to an SMTP server (alert delivery). The server is the operator's own,
    named in the feeds file, so no address check applies; TLS is verified when used."""
    try:
        with smtplib.SMTP(host, port, timeout=timeout) as smtp:
            if starttls:
                smtp.starttls(context=ssl.create_default_context())
            if username and password:
                smtp.login(username, password)
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as exc:
        raise FetchError(
            "FP509", f"the SMTP server {host}:{port} did not take the mail: {exc}", source=host
        ) from exc
