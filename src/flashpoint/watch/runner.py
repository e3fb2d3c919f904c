"""The watch loop: poll what is due, fetch queued links, code, update stories, alert, sleep.

The database is opened for each round and closed while sleeping, so `flashpoint code`,
`serve` or a backup can use it between rounds. A stop request (SIGINT/SIGTERM) ends
waits and downloads at once; the item in hand is abandoned (its link stays queued) and
everything finished is already committed, so there is nothing else to flush.
"""

from __future__ import annotations

import logging
import signal
import threading
from dataclasses import dataclass, field, fields
from datetime import datetime, timedelta
from types import FrameType
from typing import TYPE_CHECKING

from flashpoint.config import Settings
from flashpoint.ingest.fetch import FetchCancelled, Fetcher
from flashpoint.ingest.options import ReadOptions
from flashpoint.models import utc_now
from flashpoint.watch.config import WatchConfig
from flashpoint.watch.hooks import AfterCoding
from flashpoint.watch.poller import Poller, RoundReport
from flashpoint.watch.robots import RobotsRules
from flashpoint.watch.sinks import AlertSink, build_sinks, deliver_alerts

if TYPE_CHECKING:
    from flashpoint.engines.partitions import CoderFactory
    from flashpoint.store import Store

log = logging.getLogger("flashpoint.watch")

_LINK_BATCH = 50  # links read from the queue at a time
_CODE_BATCH = 32  # articles coded per write, so a stop waits for at most this many
_MAX_SLEEP = 300.0  # wake at least this often (seconds)
_ERROR_PAUSE = 60.0  # after an unexpected error in a round


@dataclass(slots=True)
class WatchReport:
    rounds: int = 0
    totals: RoundReport = field(default_factory=RoundReport)

    def add(self, report: RoundReport) -> None:
        self.rounds += 1
        for f in fields(RoundReport):
            setattr(self.totals, f.name, getattr(self.totals, f.name) + getattr(report, f.name))


def install_stop_handlers(stop: threading.Event) -> None:
    """SIGINT and SIGTERM ask the watcher to stop; a second SIGINT interrupts at once."""

    def request_stop(signum: int, frame: FrameType | None) -> None:  # noqa: ARG001 - signal API
        if stop.is_set() and signum == signal.SIGINT:
            raise KeyboardInterrupt
        log.warning("stopping after the current item (signal %d)", signum)
        stop.set()

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)


@dataclass
class Watcher:
    """Runs rounds over a feeds file's sources against the database in `settings`."""

    config: WatchConfig
    settings: Settings
    stop: threading.Event = field(default_factory=threading.Event)
    code: bool = True
    coder_factory: CoderFactory | None = None
    after_coding: AfterCoding | None = None
    sinks: list[AlertSink] | None = None

    def __post_init__(self) -> None:
        self.fetcher = Fetcher(self.config.policy, self.stop)
        # Kept across rounds: each site's robots.txt is read once a day, not once a round.
        self.robots = (
            RobotsRules(self.fetcher, max_delay=self.config.max_crawl_delay)
            if self.config.respect_robots
            else None
        )
        if self.sinks is None:
            self.sinks = build_sinks(self.config.alerts, self.fetcher)
        self.options = ReadOptions(
            max_article_bytes=self.settings.max_article_bytes,
            min_article_chars=self.settings.min_article_chars,
        )

    def run(self, *, once: bool = False) -> WatchReport:
        """Round after round until stopped; with `once`, one round polling every source."""
        report = WatchReport()
        try:
            while not self.stop.is_set():
                try:
                    this, wake = self.round(poll_all=once and report.rounds == 0)
                except Exception:
                    if once:
                        raise
                    log.exception("the round failed; trying again in %.0f s", _ERROR_PAUSE)
                    self.stop.wait(_ERROR_PAUSE)
                    continue
                report.add(this)
                if once:
                    break
                pause = (wake - utc_now()).total_seconds() if wake else _MAX_SLEEP
                self.stop.wait(min(max(pause, 1.0), _MAX_SLEEP))
        finally:
            self.fetcher.close()
        return report

    def round(self, *, poll_all: bool = False) -> tuple[RoundReport, datetime | None]:
        """One round; gives its report and when the next poll or retry is due."""
        from flashpoint.store import Store  # noqa: PLC0415 - DuckDB loads on first use

        report = RoundReport()
        with Store(self.settings.db_path) as store:
            poller = Poller(self.config, self.fetcher, store, self.options, self.robots)
            try:
                self._poll_due(poller, report, poll_all=poll_all)
                self._fetch_links(poller, report)
                if self.code:
                    self._code(store, report)
                    if report.coded:
                        self._alert(store, poller, report)
            except FetchCancelled:
                log.info("stopped in the middle of a download; its link stays queued")
            wake = self._next_wake(poller)
        log.info(
            "round: %d polled (%d not modified, %d failed), %d links queued, %d stored, "
            "%d duplicates, %d rejected, %d to retry, %d given up, %d coded, %d events, %d alerts",
            report.polled,
            report.not_modified,
            report.poll_failures,
            report.queued,
            report.stored,
            report.duplicates,
            report.rejected,
            report.retry_later,
            report.failed,
            report.coded,
            report.events,
            report.alerts,
        )
        return report, wake

    def _poll_due(self, poller: Poller, report: RoundReport, *, poll_all: bool) -> None:
        known = poller.state.sources()
        now = utc_now()
        for source in self.config.sources:
            if self.stop.is_set():
                return
            prior = known.get(source.url)
            due = prior is None or prior.next_poll_at is None or prior.next_poll_at <= now
            if poll_all or due:
                poller.poll(source, prior, report)

    def _fetch_links(self, poller: Poller, report: RoundReport) -> None:
        while not self.stop.is_set():
            batch = poller.state.pending_links(limit=_LINK_BATCH)
            if not batch:
                return
            for link in batch:
                if self.stop.is_set():
                    return
                poller.fetch_link(link, report)

    def _code(self, store: Store, report: RoundReport) -> None:
        from flashpoint.workflows import code_pending  # noqa: PLC0415 - the coder loads lazily

        while not self.stop.is_set():
            done = code_pending(store, self.coder_factory, self.settings, 1, limit=_CODE_BATCH)
            report.coded += done.articles
            report.events += done.events
            if done.articles + len(done.failures) < _CODE_BATCH:
                return

    def _alert(self, store: Store, poller: Poller, report: RoundReport) -> None:
        if self.after_coding is None or self.stop.is_set():
            return
        alerts = self.after_coding(store)
        delivery = deliver_alerts(alerts, self.sinks or [], poller.state)
        report.alerts += len(delivery.sent)

    def _next_wake(self, poller: Poller) -> datetime | None:
        watched = {source.url for source in self.config.sources}
        times = [
            s.next_poll_at
            for url, s in poller.state.sources().items()
            if url in watched and s.next_poll_at
        ]
        retry = poller.state.next_retry()
        if retry is not None:
            times.append(retry)
        if not times:
            return None
        return max(min(times), utc_now() + timedelta(seconds=1))
