"""`flashpoint watch` and `flashpoint ingest URL` as a user runs them, including `kill -9`
in the middle of a poll and a restart, and a graceful SIGTERM."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from flashpoint.cli.main import cli
from flashpoint.config import Settings
from flashpoint.models import Article, Event, canonical_url
from flashpoint.store import Store
from flashpoint.store.watch_state import WatchState
from watch.watch_server import FixtureServer, Route, running_server

FLASHPOINT = Path(sys.executable).parent / "flashpoint"
NAMES = ("drills", "envoy", "launch", "sanctions", "talks")  # the order links are fetched in
FEEDS = """
[defaults]
interval = 600
timeout = 2
connect_timeout = 2
total_timeout = 10
retries = 1
backoff = 0.01
host_interval = 0

[[feed]]
url = "{feed}"
outlet = "Example Wire"
"""


class NoEvents:
    def code_article(self, article: Article) -> list[Event]:
        return []

    def code_articles(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        for article in articles:
            yield article, []


def no_events(settings: Settings) -> NoEvents:
    return NoEvents()


@pytest.fixture
def server() -> Iterator[FixtureServer]:
    with running_server() as running:
        items = "".join(
            f"<item><title>{n}</title><link>{{base}}/articles/{n}.html</link></item>" for n in NAMES
        )
        feed = f'<rss version="2.0"><channel><title>t</title>{items}</channel></rss>'
        running.route("/rss.xml", Route(feed.encode(), content_type="application/rss+xml"))
        for name in NAMES:
            running.fixture(f"/articles/{name}.html", f"article_{name}.html", "text/html")
        yield running


@pytest.fixture
def feeds_file(tmp_path: Path, server: FixtureServer) -> Path:
    path = tmp_path / "feeds.toml"
    path.write_text(FEEDS.format(feed=server.url("/rss.xml")), encoding="utf-8")
    return path


@pytest.fixture
def keep_signal_handlers() -> Iterator[None]:
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    yield
    for sig, handler in saved.items():
        signal.signal(sig, handler)


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), obj={"coder_factory": no_events})


def watch_process(feeds_file: Path, db: Path, *extra: str) -> subprocess.Popen[str]:
    env = {**os.environ, "FLASHPOINT_CONFIG": str(db.parent / "no-config.toml")}
    return subprocess.Popen(
        [
            str(FLASHPOINT),
            "watch",
            "--feeds",
            str(feeds_file),
            "--db",
            str(db),
            "--allow-private",
            *extra,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def stored_urls(db: Path) -> list[str]:
    with Store(db) as store:
        return sorted(canonical_url(a.url or "") for a in store.articles())


@pytest.mark.usefixtures("keep_signal_handlers")
def test_watch_once_stores_and_codes_every_article(
    feeds_file: Path, tmp_path: Path, server: FixtureServer
) -> None:
    db = tmp_path / "news.duckdb"
    result = run("watch", "--feeds", str(feeds_file), "--once", "--allow-private", "--db", str(db))
    assert result.exit_code == 0, result.output
    assert "5 articles stored" in result.output
    assert "5 coded" in result.output
    assert stored_urls(db) == [server.url(f"/articles/{n}.html") for n in NAMES]
    again = run("watch", "--feeds", str(feeds_file), "--once", "--allow-private", "--db", str(db))
    assert "0 links queued, 0 articles stored" in again.output


@pytest.mark.usefixtures("keep_signal_handlers")
def test_watch_refuses_the_local_server_without_allow_private(
    feeds_file: Path, tmp_path: Path, server: FixtureServer
) -> None:
    db = tmp_path / "news.duckdb"
    result = run("watch", "--feeds", str(feeds_file), "--once", "--db", str(db))
    assert result.exit_code == 0, result.output
    assert "1 failed" in result.output
    with Store(db) as store:
        (rejection,) = store.rejections()
    assert rejection.code == "FP502"
    assert server.requests == []


def test_a_bad_feeds_file_is_an_error_with_its_code(tmp_path: Path) -> None:
    path = tmp_path / "feeds.toml"
    path.write_text('[[feed]]\nurl = "file:///etc/passwd"\n', encoding="utf-8")
    result = run("watch", "--feeds", str(path), "--once", "--db", str(tmp_path / "x.duckdb"))
    assert result.exit_code == 1
    assert "FP106" in result.output
    assert "not an http or https URL" in result.output


@pytest.mark.parametrize(
    ("held", "stored_before_kill"),
    [
        ("/articles/launch.html", 2),  # in the middle of the articles
        pytest.param("/rss.xml", 0, marks=pytest.mark.slow),  # while reading the feed
        pytest.param("/articles/talks.html", 4, marks=pytest.mark.slow),  # at the last one
    ],
)
def test_kill_9_in_the_middle_of_a_poll_loses_and_duplicates_nothing(
    feeds_file: Path, tmp_path: Path, server: FixtureServer, held: str, stored_before_kill: int
) -> None:
    db = tmp_path / "news.duckdb"
    server.routes[held].hold = threading.Event()
    process = watch_process(feeds_file, db, "--once", "--no-code")
    try:
        assert server.arrival(held).wait(60), "the watcher never asked for the held page"
    finally:
        process.kill()  # SIGKILL: no handler runs, nothing is flushed
        process.wait(30)
    assert process.returncode == -signal.SIGKILL
    assert len(stored_urls(db)) == stored_before_kill
    server.routes[held].hold = None
    restarted = watch_process(feeds_file, db, "--once", "--no-code")
    out, err = restarted.communicate(timeout=120)
    assert restarted.returncode == 0, err
    assert f"{5 - stored_before_kill} articles stored, 0 duplicates" in out
    assert stored_urls(db) == [server.url(f"/articles/{n}.html") for n in NAMES]
    with Store(db) as store:
        assert WatchState(store).link_counts() == {"stored": 5}
        assert store.stats().articles == 5
    for name in NAMES:  # pages stored before the kill were not fetched again
        expected = 2 if f"/articles/{name}.html" == held else 1
        assert server.hits(f"/articles/{name}.html") == expected, name


def test_sigterm_stops_cleanly_and_the_next_run_finishes_the_queue(
    feeds_file: Path, tmp_path: Path, server: FixtureServer
) -> None:
    db = tmp_path / "news.duckdb"
    server.routes["/articles/launch.html"].hold = threading.Event()
    process = watch_process(feeds_file, db, "--no-code")  # long-lived: no --once
    assert server.arrival("/articles/launch.html").wait(60)
    process.send_signal(signal.SIGTERM)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    assert "stopping after the current item" in err
    assert "1 round(s)" in out
    with Store(db) as store:
        # drills and envoy were stored; the held page and those after it wait.
        assert [link.url for link in WatchState(store).links("pending")] == [
            server.url(f"/articles/{n}.html") for n in ("launch", "sanctions", "talks")
        ]
        assert store.stats().articles == 2
    server.routes["/articles/launch.html"].hold = None
    finished = watch_process(feeds_file, db, "--once", "--no-code")
    finished.communicate(timeout=120)
    assert stored_urls(db) == [server.url(f"/articles/{n}.html") for n in NAMES]


def test_ingest_fetches_a_single_page(tmp_path: Path, server: FixtureServer) -> None:
    db = str(tmp_path / "news.duckdb")
    url = server.url("/articles/envoy.html")
    result = run("ingest", url, "--allow-private", "--outlet", "Example Wire", "--db", db)
    assert result.exit_code == 0, result.output
    assert "1 new" in result.output
    with Store(db) as store:
        (article,) = store.articles()
    assert article.url == url
    assert article.outlet == "Example Wire"
    assert "Chinese envoy arrived in Pyongyang" in article.text
    assert run("ingest", url, "--allow-private", "--db", db).output.count("1 duplicates") == 1


def test_ingest_refuses_a_private_url_without_the_flag(
    tmp_path: Path, server: FixtureServer
) -> None:
    db = str(tmp_path / "news.duckdb")
    result = run("ingest", server.url("/articles/envoy.html"), "--db", db)
    assert result.exit_code == 1
    assert "FP502" in result.output
    assert server.requests == []
