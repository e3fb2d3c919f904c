"""One poll of a source, and the fetching of the article links it queued.

A feed or sitemap poll stores its links and its new validators in one transaction;
a watched page is itself an article. Every linked article is fetched once: it ends
`stored`, `duplicate`, `rejected` (with its reason in the rejections table) or, after
`max_attempts` transient failures, `failed`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from flashpoint.errors import FlashpointError
from flashpoint.ingest.feeds import FeedLinks, parse_feed, parse_sitemap
from flashpoint.ingest.fetch import FEED_TYPES, PAGE_TYPES, Fetcher, FetchError
from flashpoint.ingest.options import ReadOptions
from flashpoint.models import Article, Rejection, utc_now
from flashpoint.store.watch_state import PollOutcome, QueuedLink, SourceState, WatchState
from flashpoint.watch.config import Source, WatchConfig
from flashpoint.watch.pages import article_from_response, fetch_article
from flashpoint.watch.robots import RobotsDisallowedError, RobotsRules

if TYPE_CHECKING:
    from flashpoint.store import Store

log = logging.getLogger("flashpoint.watch")

_MAX_POLL_BACKOFF = timedelta(hours=6)
_LINK_RETRY = timedelta(minutes=2)  # first wait after a transient failure, then doubling


@dataclass(slots=True)
class RoundReport:
    """What one round of the watcher did."""

    polled: int = 0
    not_modified: int = 0
    poll_failures: int = 0
    queued: int = 0
    stored: int = 0
    duplicates: int = 0
    rejected: int = 0
    retry_later: int = 0
    failed: int = 0
    coded: int = 0
    events: int = 0
    alerts: int = 0


def next_poll(source: Source, failures: int) -> datetime:
    """When to poll again: the interval, doubled per failure in a row (at most 6 hours
    longer than the interval), so a broken feed is not hammered."""
    wait = timedelta(seconds=source.interval)
    if failures:
        wait = max(wait, min(wait * 2 ** min(failures, 10), _MAX_POLL_BACKOFF))
    return utc_now() + wait


def _failed_poll(source: Source, prior: SourceState | None, error: FlashpointError) -> PollOutcome:
    failures = (prior.failures if prior else 0) + 1
    # One rejection per run of failures, not one per poll for weeks.
    first = prior is None or prior.failures == 0
    if first or not isinstance(error, RobotsDisallowedError):  # robots: said once
        log.warning("poll of %s failed: [%s] %s", source.url, error.code, error.message)
    return PollOutcome(
        source_url=source.url,
        kind=source.kind,
        status=f"[{error.code}] {error.message}",
        next_poll_at=next_poll(source, failures),
        failed=True,
        rejection=Rejection(source.url, error.code, error.message) if first else None,
    )


class Poller:
    """Polls sources and fetches queued links for one open store."""

    def __init__(
        self,
        config: WatchConfig,
        fetcher: Fetcher,
        store: Store,
        options: ReadOptions,
        robots: RobotsRules | None = None,
    ) -> None:
        self.config = config
        self.fetcher = fetcher
        self.store = store
        self.state = WatchState(store)
        self.options = options
        # Every URL and redirect hop passes robots.txt first, unless it is switched off.
        self.permit = robots.check if robots is not None else None

    # -- sources -------------------------------------------------------------------

    def _links(
        self, source: Source, body: bytes, final_url: str, content_type: str | None
    ) -> FeedLinks:
        limit = self.config.policy.max_bytes
        if source.kind == "feed":
            return parse_feed(body, final_url, content_type=content_type, limit=limit)
        found = parse_sitemap(body, final_url, limit=limit)
        links = list(found.links)
        for child in found.sitemaps[: self.config.max_sitemaps]:
            try:
                response = self.fetcher.get(child, accept=FEED_TYPES, permit=self.permit)
                links += parse_sitemap(response.body, response.final_url, limit=limit).links
            except FlashpointError as exc:  # one bad child sitemap does not spoil the index
                # robots.txt refusals were logged once already; not again on every poll
                level = logging.INFO if isinstance(exc, RobotsDisallowedError) else logging.WARNING
                log.log(level, "child sitemap %s skipped: [%s] %s", child, exc.code, exc.message)
        return FeedLinks(tuple(links), warning=found.warning)

    def poll(self, source: Source, prior: SourceState | None, report: RoundReport) -> None:
        """Poll one source and store what it gives."""
        report.polled += 1
        accept = PAGE_TYPES if source.kind == "page" else FEED_TYPES
        try:
            response = self.fetcher.get(
                source.url,
                accept=accept,
                etag=prior.etag if prior else None,
                last_modified=prior.last_modified if prior else None,
                permit=self.permit,
            )
        except FetchError as exc:
            report.poll_failures += 1
            self.state.record_poll(_failed_poll(source, prior, exc))
            return
        outcome = PollOutcome(
            source_url=source.url,
            kind=source.kind,
            status="not modified",
            next_poll_at=next_poll(source, 0),
            etag=response.etag,
            last_modified=response.last_modified,
        )
        if response.not_modified:
            report.not_modified += 1
            self.state.record_poll(outcome)
            return
        if source.kind == "page":
            # The article is stored before the validators: killed in between, the page
            # is fetched again rather than believed unchanged.
            result = article_from_response(
                response, self.options, outlet=source.outlet, language=source.language
            )
            self._store_page(result, source, report)
            self.state.record_poll(replace(outcome, status="fetched"))
            return
        try:
            found = self._links(source, response.body, response.final_url, response.content_type)
        except FlashpointError as exc:
            report.poll_failures += 1
            self.state.record_poll(_failed_poll(source, prior, exc))
            return
        if found.warning:
            log.warning("%s: %s", source.url, found.warning)
        links = tuple(
            QueuedLink(
                url=link.url,
                source_url=source.url,
                outlet=source.outlet,
                language=source.language,
                title=link.title,
                published_at=link.published,
            )
            for link in found.links[: self.config.max_links]
        )
        queued = self.state.record_poll(replace(outcome, status=f"{len(links)} links", links=links))
        report.queued += queued
        log.info("%s: %d links, %d new", source.url, len(links), queued)

    def _store_page(self, result: Article | Rejection, source: Source, report: RoundReport) -> None:
        if isinstance(result, Rejection):
            report.rejected += 1
            self.store.writer.add_rejections([result])
            return
        written = self._store_article(result)
        if written is None:
            report.duplicates += 1
        else:
            report.stored += 1
            log.info("stored page %s as %s", source.url, written)

    # -- links ---------------------------------------------------------------------

    def _store_article(self, article: Article) -> str | None:
        """Store an article; a watched page whose text changed gets a versioned id.

        Gives the stored id, or None when the store already holds this text.
        """
        written = self.store.writer.add_articles([article])
        if written.stored:
            return written.stored[0]
        if written.duplicates[0].reason == "same id":
            versioned = replace(article, id=f"{article.id}-v{article.content_hash[:12]}")
            again = self.store.writer.add_articles([versioned])
            if again.stored:
                return again.stored[0]
        return None

    def fetch_link(self, link: QueuedLink, report: RoundReport) -> None:
        """Fetch one queued link and close it, or leave it queued after a transient failure."""
        try:
            result = fetch_article(
                self.fetcher,
                link.url,
                self.options,
                outlet=link.outlet,
                language=link.language,
                title=link.title,
                published=link.published_at,
                permit=self.permit,
            )
        except FetchError as exc:
            attempts = link.attempts + 1
            if attempts >= self.config.max_attempts:
                report.failed += 1
                reason = f"given up after {attempts} attempts: {exc.message}"
                self.state.finish_link(
                    link, "failed", rejection=Rejection(link.url, exc.code, reason)
                )
            else:
                report.retry_later += 1
                wait = _LINK_RETRY * 2 ** (attempts - 1)
                self.state.retry_link_later(link, f"[{exc.code}] {exc.message}", utc_now() + wait)
            return
        if isinstance(result, Rejection):
            report.rejected += 1
            self.state.finish_link(link, "rejected", rejection=result)
            return
        written = self.store.writer.add_articles([result])
        if written.stored:
            report.stored += 1
            self.state.finish_link(link, "stored", article_id=written.stored[0])
        else:
            report.duplicates += 1
            self.state.finish_link(link, "duplicate", article_id=written.duplicates[0].kept_id)
