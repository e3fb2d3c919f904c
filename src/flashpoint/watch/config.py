"""The feeds file: which feeds, sitemaps and pages to watch, how politely, and where alerts go.

The file is TOML; docs/WATCH.md documents every key with an example
(tests/fixtures/watch/feeds.toml is the same example, and is tested).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from flashpoint.config import secret_from_env
from flashpoint.errors import ConfigError
from flashpoint.ingest.fetch import FetchPolicy

SOURCE_KINDS = ("feed", "sitemap", "page")
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)?\s*$")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, None: 1}
DEFAULT_KEYS = frozenset(
    (
        "interval",
        "connect_timeout",
        "timeout",
        "total_timeout",
        "max_bytes",
        "max_redirects",
        "retries",
        "backoff",
        "max_backoff",
        "host_interval",
        "max_links",
        "max_sitemaps",
        "max_attempts",
        "max_crawl_delay",
    )
)


@dataclass(frozen=True, slots=True)
class Source:
    """One thing to poll."""

    kind: str  # feed, sitemap or page
    url: str
    outlet: str | None
    language: str
    interval: float  # seconds between polls


@dataclass(frozen=True, slots=True)
class EmailSettings:
    host: str
    port: int
    sender: str
    recipients: tuple[str, ...]
    starttls: bool = True
    username: str | None = None
    password: str | None = field(default=None, repr=False)  # from the `password_env` variable
    timeout: float = 20.0


@dataclass(frozen=True, slots=True)
class AlertSettings:
    log: bool = True
    webhooks: tuple[str, ...] = ()
    email: EmailSettings | None = None
    freq: str = "week"  # period of the series alerts are detected on: day, week or month
    recent_periods: int = 2  # deliver alerts of the current and previous periods only; 0: all
    top_dyads: int = 10  # dyads examined: the most frequent ones


@dataclass(frozen=True, slots=True)
class WatchConfig:
    sources: tuple[Source, ...]
    policy: FetchPolicy = field(default_factory=FetchPolicy)
    alerts: AlertSettings = field(default_factory=AlertSettings)
    max_links: int = 100  # links queued per source and poll, newest first
    max_sitemaps: int = 5  # child sitemaps read per sitemap index and poll
    max_attempts: int = 5  # tries of a link before it is given up (FP506)
    respect_robots: bool = True  # read each site's robots.txt and obey it (watch/robots.py)
    max_crawl_delay: float = 60.0  # a longer robots.txt Crawl-delay is clamped to this
    path: str = "<feeds>"

    def with_private_allowed(self) -> WatchConfig:
        return replace(self, policy=replace(self.policy, allow_private=True))


def _fail(message: str, path: str) -> ConfigError:
    return ConfigError("FP106", message, source=path)


def parse_duration(value: Any, key: str, path: str) -> float:
    """Seconds from 600, 600.5, "90s", "15m", "2h" or "1d"."""
    if isinstance(value, bool):
        raise _fail(f'{key} must be a duration like 600 or "15m", not {value!r}', path)
    if isinstance(value, int | float):
        seconds = float(value)
    else:
        match = _DURATION.match(str(value))
        if match is None:
            raise _fail(f'{key} must be a duration like 600 or "15m", not {value!r}', path)
        seconds = float(match.group(1)) * _UNITS[match.group(2)]
    if seconds < 0:
        raise _fail(f"{key} must not be negative", path)
    return seconds


def _number(table: dict[str, Any], key: str, default: float, path: str) -> float:
    if key not in table:
        return default
    return parse_duration(table[key], key, path)


def _count(table: dict[str, Any], key: str, default: int, path: str) -> int:
    value = table.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _fail(f"{key} must be a whole number, not {value!r}", path)
    return value


def _text(table: dict[str, Any], key: str, path: str, *, required: bool = False) -> str | None:
    value = table.get(key)
    if value is None:
        if required:
            raise _fail(f"'{key}' is required", path)
        return None
    if not isinstance(value, str) or not value.strip():
        raise _fail(f"'{key}' must be a non-empty string", path)
    return value.strip()


def _url(value: str, where: str, path: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise _fail(f"{where}: {value!r} is not an http or https URL", path)
    return value


def _policy(table: dict[str, Any], allow_private: bool, path: str) -> FetchPolicy:
    base = FetchPolicy()
    return FetchPolicy(
        connect_timeout=_number(table, "connect_timeout", base.connect_timeout, path),
        read_timeout=_number(table, "timeout", base.read_timeout, path),
        total_timeout=_number(table, "total_timeout", base.total_timeout, path),
        max_bytes=_count(table, "max_bytes", base.max_bytes, path),
        max_redirects=_count(table, "max_redirects", base.max_redirects, path),
        retries=_count(table, "retries", base.retries, path),
        backoff=_number(table, "backoff", base.backoff, path),
        max_backoff=_number(table, "max_backoff", base.max_backoff, path),
        host_interval=_number(table, "host_interval", base.host_interval, path),
        allow_private=allow_private,
    )


def _sources(raw: dict[str, Any], default_interval: float, path: str) -> tuple[Source, ...]:
    sources: list[Source] = []
    seen: set[str] = set()
    for kind in SOURCE_KINDS:
        entries = raw.get(kind, [])
        if not isinstance(entries, list):
            raise _fail(f"[[{kind}]] must be an array of tables", path)
        for number, entry in enumerate(entries, start=1):
            where = f"[[{kind}]] number {number}"
            if not isinstance(entry, dict):
                raise _fail(f"{where} must be a table", path)
            unknown = set(entry) - {"url", "outlet", "language", "interval"}
            if unknown:
                raise _fail(f"{where}: unknown key(s) {', '.join(sorted(unknown))}", path)
            url = _url(_text(entry, "url", path, required=True) or "", where, path)
            if url in seen:
                raise _fail(f"{where}: {url} is listed twice", path)
            seen.add(url)
            language = (_text(entry, "language", path) or "en").lower()
            interval = _number(entry, "interval", default_interval, path)
            sources.append(Source(kind, url, _text(entry, "outlet", path), language, interval))
    if not sources:
        raise _fail("the file lists no [[feed]], [[sitemap]] or [[page]]", path)
    return tuple(sources)


def _email(table: Any, path: str) -> EmailSettings | None:
    if table is None:
        return None
    if not isinstance(table, dict):
        raise _fail("[alerts.email] must be a table", path)
    to = table.get("to")
    recipients = (to,) if isinstance(to, str) else tuple(to or ())
    if not recipients or not all(isinstance(r, str) and "@" in r for r in recipients):
        raise _fail("[alerts.email] needs 'to': an address or a list of addresses", path)
    password_env = _text(table, "password_env", path)
    return EmailSettings(
        host=_text(table, "host", path, required=True) or "",
        port=_count(table, "port", 587, path),
        sender=_text(table, "from", path, required=True) or "",
        recipients=recipients,
        starttls=bool(table.get("starttls", True)),
        username=_text(table, "username", path),
        password=secret_from_env(password_env) if password_env else None,
    )


def _alerts(raw: Any, path: str) -> AlertSettings:
    if raw is None:
        return AlertSettings()
    if not isinstance(raw, dict):
        raise _fail("[alerts] must be a table", path)
    hooks = raw.get("webhook", [])
    webhooks = (hooks,) if isinstance(hooks, str) else tuple(hooks)
    for hook in webhooks:
        if not isinstance(hook, str):
            raise _fail("[alerts] webhook must be a URL or a list of URLs", path)
        _url(hook, "[alerts] webhook", path)
    unknown = set(raw) - {"log", "webhook", "email", "freq", "recent_periods", "top_dyads"}
    if unknown:
        raise _fail(f"[alerts]: unknown key(s) {', '.join(sorted(unknown))}", path)
    freq = raw.get("freq", "week")
    if freq not in ("day", "week", "month"):
        raise _fail(f"[alerts] freq must be day, week or month, not {freq!r}", path)
    return AlertSettings(
        log=bool(raw.get("log", True)),
        webhooks=webhooks,
        email=_email(raw.get("email"), path),
        freq=freq,
        recent_periods=_count(raw, "recent_periods", 2, path),
        top_dyads=_count(raw, "top_dyads", 10, path),
    )


def parse_watch_config(text: str, path: str = "<feeds>") -> WatchConfig:
    """A WatchConfig from the text of a feeds file; ConfigError (FP106) says what is wrong."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _fail(f"the file is not valid TOML: {exc}", path) from exc
    unknown = set(raw) - {"allow_private", "respect_robots", "defaults", "alerts", *SOURCE_KINDS}
    if unknown:
        raise _fail(f"unknown key(s) {', '.join(sorted(unknown))}", path)
    defaults = raw.get("defaults", {})
    if not isinstance(defaults, dict):
        raise _fail("[defaults] must be a table", path)
    unknown = set(defaults) - DEFAULT_KEYS
    if unknown:
        raise _fail(f"[defaults]: unknown key(s) {', '.join(sorted(unknown))}", path)
    allow_private = raw.get("allow_private", False)
    if not isinstance(allow_private, bool):
        raise _fail("allow_private must be true or false", path)
    respect_robots = raw.get("respect_robots", True)
    if not isinstance(respect_robots, bool):
        raise _fail("respect_robots must be true or false", path)
    return WatchConfig(
        sources=_sources(raw, _number(defaults, "interval", 900.0, path), path),
        policy=_policy(defaults, allow_private, path),
        alerts=_alerts(raw.get("alerts"), path),
        max_links=_count(defaults, "max_links", 100, path),
        max_sitemaps=_count(defaults, "max_sitemaps", 5, path),
        max_attempts=max(1, _count(defaults, "max_attempts", 5, path)),
        respect_robots=respect_robots,
        max_crawl_delay=_number(defaults, "max_crawl_delay", 60.0, path),
        path=path,
    )


def load_watch_config(path: Path) -> WatchConfig:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(f"cannot read the feeds file: {exc}", str(path)) from exc
    return parse_watch_config(text, str(path))
