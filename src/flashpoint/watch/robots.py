"""robots.txt for the watcher: which URLs a site lets us fetch, and how slowly.

Each site's `/robots.txt` (per scheme, host and port) is fetched once through the safe
fetcher, parsed with `urllib.robotparser` for our product token (the User-Agent up to
its first `/`, "flashpoint") and kept in memory for `ttl` seconds (24 h, the longest
RFC 9309 allows). robotparser picks the group of rules that applies to us; the rules
are then matched as RFC 9309 says, which robotparser does not: `*` matches any run of
characters, a final `$` anchors the end, and the longest matching rule wins (`Allow`
on a tie). What an answer means:

- 2xx: the rules in the file; `Crawl-delay` (or `Request-rate`) raises the fetcher's
  interval for that host when it is longer than `host_interval`, up to `max_delay`;
- 4xx (404, 410, 401, 403, ...): no rules, everything is allowed (RFC 9309 2.3.1.3);
- 5xx, 429, a timeout or a connection error: the site is treated as disallowing
  everything for now (RFC 9309 2.3.1.4); the robots file is asked again after a backoff
  (1 min, doubling, at most 1 h) and the URLs wait as after any transient failure;
- a file over `max_bytes`, not text, or behind too many redirects: allowed, with a
  warning in the log.

`flashpoint ingest URL` (one user-chosen page) does not use this.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, unquote, urlsplit
from urllib.robotparser import RobotFileParser

from flashpoint.ingest.fetch import Fetcher, FetchError
from flashpoint.ingest.fetch_guards import check_url
from flashpoint.ingest.streams import binary_reason

__all__ = ["ROBOTS_TTL", "RobotsDisallowedError", "RobotsRules", "robots_url"]

log = logging.getLogger("flashpoint.watch")

ROBOTS_TTL = 24 * 3600.0  # seconds a robots.txt is trusted (RFC 9309: at most 24 h)
ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309 asks parsers to read at least 500 KiB
MAX_CRAWL_DELAY = 60.0  # a longer Crawl-delay is clamped to this (and logged)
_FIRST_RETRY = 60.0  # after an unreachable robots.txt, then doubling
_MAX_RETRY = 3600.0
_ROBOTS_TYPES = frozenset(("text/plain",))
_MAX_SITES = 1000  # sites remembered before the expired ones are dropped


class RobotsDisallowedError(FetchError):
    """robots.txt disallows the URL for our user agent (permanent until the file changes)."""

    def __init__(self, url: str, robots: str) -> None:
        super().__init__("FP510", f"{robots} disallows this URL for flashpoint", source=url)


def robots_url(url: str) -> str:
    """The robots.txt that governs a URL: same scheme, host and port, path /robots.txt."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    host = f"[{host}]" if ":" in host else host  # an IPv6 address
    port = f":{parts.port}" if parts.port else ""  # never user:password@ from the URL
    return f"{parts.scheme.lower()}://{host}{port}/robots.txt"


# Characters left as they are when paths are compared; the rest is percent-encoded the
# same way on both sides, so "/caf%C3%A9" and "/café" are one path (RFC 9309 2.2.2).
_SAFE = "/?&=;:@!,+~-._'()"


def _normal(text: str) -> str:
    return quote(unquote(text), safe=_SAFE)


# robotparser drops a bare final "?" from a rule (urlparse sees an empty query), which
# would turn "Disallow: /*?" (any URL with a query) into "Disallow: /*" (everything).
# "/x?" and "/x?*" mean the same, so the star is added before robotparser reads the line.
_BARE_QUERY = re.compile(r"^(\s*(?:dis)?allow\s*:\s*[^#\s]*\?)(\s*(?:#.*)?)$", re.IGNORECASE)


def _robots_lines(text: str) -> list[str]:
    return [_BARE_QUERY.sub(r"\1*\2", line) for line in text.splitlines()]


@dataclass(frozen=True, slots=True)
class _Rule:
    """One Allow or Disallow path: literal parts between `*`, and whether `$` ends it."""

    allow: bool
    length: int  # octets of the rule's path: the longest match wins
    parts: tuple[str, ...]
    anchored: bool

    def matches(self, target: str) -> bool:
        # Each part is found leftmost after the previous one: linear, with no
        # backtracking a hostile "/*a*a*a*...b" could make explode.
        first, *rest = self.parts
        if not target.startswith(first):
            return False
        at = len(first)
        if not rest:
            return not self.anchored or at == len(target)
        *middle, last = rest
        for part in middle:
            found = target.find(part, at)
            if found < 0:
                return False
            at = found + len(part)
        if self.anchored:
            return target.endswith(last) and len(target) - len(last) >= at
        return target.find(last, at) >= 0


def _rule(path: str, allow: bool) -> _Rule:
    anchored = path.endswith("$")
    body = path[:-1] if anchored else path
    parts = tuple(_normal(part) for part in body.split("*"))
    return _Rule(allow, len(path), parts, anchored)


def _group(parser: RobotFileParser, agent: str) -> list[_Rule] | None:
    """The rules of the group robotparser applies to `agent`; None when robotparser's
    internals are not what this expects (then its own `can_fetch` decides)."""
    entries: Any = getattr(parser, "entries", None)
    if not isinstance(entries, list):
        return None
    try:
        entry = next((e for e in entries if e.applies_to(agent)), parser.default_entry)  # type: ignore[attr-defined]
        if entry is None:
            return []
        # robotparser stores each path percent-encoded; an empty Disallow it keeps as an
        # empty Allow, which matches everything with no weight: the same meaning.
        return [_rule(unquote(line.path), bool(line.allowance)) for line in entry.rulelines]
    except (AttributeError, TypeError):
        return None


def _allows(rules: list[_Rule], url: str) -> bool:
    parts = urlsplit(url)
    target = _normal(parts.path or "/") + (f"?{_normal(parts.query)}" if parts.query else "")
    best: tuple[int, bool] | None = None
    for rule in rules:
        if rule.matches(target) and (best is None or (rule.length, rule.allow) > best):
            best = (rule.length, rule.allow)
    return best is None or best[1]


@dataclass(slots=True)
class _SiteRules:
    parser: RobotFileParser | None  # None: everything allowed
    expires: float  # clock time after which the file is fetched again
    rules: list[_Rule] | None = None  # our group's rules, when they could be read
    unavailable: str | None = None  # why the site is disallowed for now (5xx, network)
    failures: int = 0  # unreachable robots.txt in a row
    told: bool = False  # a refusal under these rules was logged


class RobotsRules:
    """The robots.txt rules of every site the watcher fetches from, cached per site.

    `check(url)` is the fetcher's `permit` hook: it returns when the URL may be fetched
    and raises `RobotsDisallowedError` (FP510, permanent) or a transient FP506 otherwise.
    `clock` gives monotonic seconds (tests inject one).
    """

    def __init__(
        self,
        fetcher: Fetcher,
        *,
        ttl: float = ROBOTS_TTL,
        max_delay: float = MAX_CRAWL_DELAY,
        max_bytes: int = ROBOTS_MAX_BYTES,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.fetcher = fetcher
        self.ttl = ttl
        self.max_delay = max_delay
        self.max_bytes = max_bytes
        self.clock = clock
        self.agent = fetcher.policy.user_agent.split("/", 1)[0].strip() or "*"
        self._sites: dict[str, _SiteRules] = {}

    def check(self, url: str) -> None:
        """Return if robots.txt lets us fetch `url`; raise FetchError if it does not."""
        _, host, _ = check_url(url)
        robots = robots_url(url)
        rules = self._rules(robots, host)
        if rules.unavailable is not None:
            raise FetchError(
                "FP506",
                f"{robots} cannot be read ({rules.unavailable}); "
                "the site is not fetched until it can",
                source=url,
                transient=True,
            )
        if rules.parser is None:
            return
        if rules.rules is not None:
            if _allows(rules.rules, url):
                return
        elif rules.parser.can_fetch(self.agent, url):
            return
        if not rules.told:
            rules.told = True
            log.warning(
                "%s disallows %s for %s; it and the site's other disallowed URLs are not "
                "fetched (each is recorded as a rejection)",
                robots,
                url,
                self.agent,
            )
        raise RobotsDisallowedError(url, robots)

    def _rules(self, robots: str, host: str) -> _SiteRules:
        now = self.clock()
        known = self._sites.get(robots)
        if known is not None and now < known.expires:
            return known
        rules = self._fetch(robots, host, now, known.failures if known else 0)
        if len(self._sites) >= _MAX_SITES:  # a feed linking to many sites: forget stale ones
            self._sites = {key: site for key, site in self._sites.items() if now < site.expires}
        self._sites[robots] = rules
        return rules

    def _fetch(self, robots: str, host: str, now: float, failures: int) -> _SiteRules:
        try:
            response = self.fetcher.get(robots, accept=_ROBOTS_TYPES, max_bytes=self.max_bytes)
        except FetchError as exc:
            return self._failed(robots, host, now, failures, exc)
        why = binary_reason(response.body[:8192])
        if why is not None:
            log.warning("%s is not text (%s); treated as allowing everything", robots, why)
            return self._allow_all(host, now)
        parser = RobotFileParser(robots)
        parser.parse(_robots_lines(response.body.decode("utf-8", errors="replace")))
        self._apply_delay(robots, host, parser)
        return _SiteRules(parser, now + self.ttl, rules=_group(parser, self.agent))

    def _failed(
        self, robots: str, host: str, now: float, failures: int, exc: FetchError
    ) -> _SiteRules:
        if exc.transient:
            wait = min(_MAX_RETRY, _FIRST_RETRY * 2**failures)
            log.warning(
                "%s cannot be read: [%s] %s; %s is not fetched for %.0f s",
                robots,
                exc.code,
                exc.message,
                host,
                wait,
            )
            return _SiteRules(None, now + wait, unavailable=exc.message, failures=failures + 1)
        if exc.code in ("FP503", "FP504", "FP505"):  # too many redirects, too big, not text
            log.warning("%s: %s; treated as allowing everything", robots, exc.message)
        # 4xx: no robots.txt, everything allowed. FP501/FP502 (bad or private address):
        # the page itself fails the same way and is rejected with that reason.
        return self._allow_all(host, now)

    def _allow_all(self, host: str, now: float) -> _SiteRules:
        self.fetcher.limiter.set_interval(host, None)
        return _SiteRules(None, now + self.ttl)

    def _apply_delay(self, robots: str, host: str, parser: RobotFileParser) -> None:
        delay = float(parser.crawl_delay(self.agent) or 0)
        rate = parser.request_rate(self.agent)
        if rate is not None and rate.requests > 0:
            delay = max(delay, rate.seconds / rate.requests)
        if delay > self.max_delay:
            log.warning(
                "%s asks for %g s between requests; flashpoint waits at most %g s "
                "(max_crawl_delay)",
                robots,
                delay,
                self.max_delay,
            )
            delay = self.max_delay
        self.fetcher.limiter.set_interval(host, delay or None)
