"""`flashpoint watch`: follow feeds, sitemaps and pages; code what arrives; send alerts."""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path

import click

from flashpoint.cli.common import coder_factory, db_option, settings_for


@click.command("watch")
@click.option(
    "--feeds",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The feeds file (TOML): feeds, sitemaps and pages to watch, limits, alert sinks.",
)
@click.option(
    "--once", is_flag=True, help="Poll every source once, fetch, code and exit (for cron)."
)
@click.option(
    "--allow-private",
    is_flag=True,
    help="Allow private, loopback and link-local addresses (as allow_private = true does).",
)
@click.option(
    "--no-code", is_flag=True, help="Only fetch and store; code later with `flashpoint code`."
)
@click.option("--quiet", is_flag=True, help="Log only warnings and alerts, not every round.")
@db_option
@click.pass_context
def watch_command(
    ctx: click.Context,
    *,
    feeds: Path,
    once: bool,
    allow_private: bool,
    no_code: bool,
    quiet: bool,
    db: Path | None,
) -> None:
    """Watch RSS/Atom feeds, sitemaps and pages; store, code and alert as news arrives.

    Runs until SIGINT or SIGTERM (it finishes or abandons the item in hand; all finished
    work is already saved). State lives in the database, so a restart, even after
    kill -9, carries on without losing or duplicating an article. The feeds file format
    is in docs/WATCH.md.

    \b
    Examples:
      flashpoint watch --feeds feeds.toml --db news.duckdb
      flashpoint watch --feeds feeds.toml --once      # from cron
    """
    from flashpoint.watch import (  # noqa: PLC0415 - keep --help fast
        Watcher,
        install_stop_handlers,
        load_watch_config,
        stories_and_alerts,
    )

    logging.basicConfig(
        level=logging.WARNING if quiet else logging.INFO,
        format="%(asctime)s %(levelname)s %(message)s",
        stream=sys.stderr,
    )
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per request is too much
    settings = settings_for(db)
    config = load_watch_config(feeds)
    if allow_private:
        config = config.with_private_allowed()
    stop = threading.Event()
    install_stop_handlers(stop)
    watcher = Watcher(
        config,
        settings,
        stop=stop,
        code=not no_code,
        coder_factory=coder_factory(ctx),
        after_coding=stories_and_alerts(config.alerts),
    )
    report = watcher.run(once=once)
    t = report.totals
    click.echo(
        f"{report.rounds} round(s): {t.polled} polls ({t.not_modified} not modified, "
        f"{t.poll_failures} failed), {t.queued} links queued, {t.stored} articles stored, "
        f"{t.duplicates} duplicates, {t.rejected} rejected, {t.retry_later} to retry, "
        f"{t.failed} given up, {t.coded} coded, {t.events} events, {t.alerts} alerts "
        f"-> {settings.db_path}"
    )
