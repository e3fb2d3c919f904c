"""flashpoint.watch: follow feeds, sitemaps and pages, code what arrives, send alerts.

Start with `load_watch_config` and `Watcher`; docs/WATCH.md describes the feeds file,
the safety rules, the state kept in the store and the alert sinks.
"""

from flashpoint.watch.config import Source, WatchConfig, load_watch_config, parse_watch_config
from flashpoint.watch.hooks import stories_and_alerts
from flashpoint.watch.pages import article_from_response, fetch_article, ingest_urls
from flashpoint.watch.runner import Watcher, WatchReport, install_stop_handlers
from flashpoint.watch.sinks import LogSink, WebhookSink, deliver_alerts

__all__ = [
    "LogSink",
    "Source",
    "WatchConfig",
    "WatchReport",
    "Watcher",
    "WebhookSink",
    "article_from_response",
    "deliver_alerts",
    "fetch_article",
    "ingest_urls",
    "install_stop_handlers",
    "load_watch_config",
    "parse_watch_config",
    "stories_and_alerts",
]
