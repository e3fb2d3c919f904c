"""Watcher rounds against a local server: links stored once, conditional polls, broken
content rejected with its reason, transient failures retried, a stop keeps the queue."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from flashpoint.config import Settings
from flashpoint.models import Alert, Article, Event, canonical_url, utc_now
from flashpoint.store import Store
from flashpoint.store.watch_state import WatchState
from flashpoint.watch import Watcher, deliver_alerts, parse_watch_config
from watch.watch_server import FIXTURES, FixtureServer, Route, running_server

RSS = "application/rss+xml"
ATOM = "application/atom+xml"
XML = "application/xml"
HTML = "text/html; charset=utf-8"
FAST_DEFAULTS = """
allow_private = true
[defaults]
interval = 600
timeout = 0.5
connect_timeout = 1
total_timeout = 3
retries = 1
backoff = 0.01
max_backoff = 0.05
host_interval = 0
max_attempts = 2
"""


class FakeCoder:
    """Codes nothing, quickly: what matters here is that coding happens, once."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def code_article(self, article: Article) -> list[Event]:
        self.seen.append(article.id)
        return []

    def code_articles(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        for article in articles:
            yield article, self.code_article(article)


class RecordingSink:
    name = "recording"

    def __init__(self) -> None:
        self.alerts: list[Alert] = []

    def send(self, alert: Alert) -> None:
        self.alerts.append(alert)


CODER = FakeCoder()


def fake_factory(settings: Settings) -> FakeCoder:
    return CODER


@pytest.fixture
def server() -> Iterator[FixtureServer]:
    with running_server() as running:
        yield running


def serve_articles(server: FixtureServer, *names: str) -> None:
    for name in names:
        server.fixture(f"/articles/{name}.html", f"article_{name}.html", HTML)


def watcher(tmp_path: Path, sources: str, *, defaults: str = "", **options: object) -> Watcher:
    config = parse_watch_config(FAST_DEFAULTS + defaults + sources, "test-feeds.toml")
    settings = Settings(db_path=tmp_path / "watch.duckdb")
    return Watcher(config, settings, code=False, sinks=[], **options)  # type: ignore[arg-type]


def feed(server: FixtureServer, path: str = "/rss.xml") -> str:
    return f'[[feed]]\nurl = "{server.url(path)}"\noutlet = "Example Wire"\n'


def stored_articles(tmp_path: Path) -> list[Article]:
    with Store(tmp_path / "watch.duckdb") as store:
        return store.articles()


def test_a_round_stores_every_linked_article_once(server: FixtureServer, tmp_path: Path) -> None:
    server.fixture("/rss.xml", "rss.xml", RSS)
    server.fixture("/atom.xml", "atom.xml", ATOM)
    server.fixture("/sitemap.xml", "sitemap.xml", XML)
    serve_articles(server, "launch", "talks", "sanctions", "drills", "envoy")
    sources = (
        feed(server)
        + feed(server, "/atom.xml")
        + f'[[sitemap]]\nurl = "{server.url("/sitemap.xml")}"\noutlet = "Example Daily"\n'
    )
    report, _ = watcher(tmp_path, sources).round()
    articles = {canonical_url(a.url or ""): a for a in stored_articles(tmp_path)}
    assert sorted(articles) == sorted(
        server.url(f"/articles/{n}.html")
        for n in ("drills", "envoy", "launch", "sanctions", "talks")
    )
    assert (report.polled, report.queued, report.stored, report.duplicates) == (3, 5, 5, 0)
    for name in ("launch", "drills"):  # listed twice (feed + sitemap), fetched once
        assert server.hits(f"/articles/{name}.html") == 1
    launch = articles[server.url("/articles/launch.html")]
    assert launch.outlet == "Example Wire"
    assert launch.published_at is not None
    assert launch.published_at == datetime(2024, 4, 2, 0, 0, tzinfo=UTC)  # 09:00 in Seoul
    assert "ballistic missile" in (launch.title or "")
    assert "North Korea fired a short-range ballistic missile" in launch.text
    assert "Copyright" not in launch.text


def test_a_second_round_asks_conditionally_and_fetches_nothing_again(
    server: FixtureServer, tmp_path: Path
) -> None:
    server.fixture("/rss.xml", "rss.xml", RSS, etag='"feed-v1"')
    serve_articles(server, "launch", "talks", "sanctions")
    watch = watcher(tmp_path, feed(server))
    watch.round()
    second, _ = watch.round(poll_all=True)
    assert (second.polled, second.not_modified, second.queued, second.stored) == (1, 1, 0, 0)
    assert server.requests[-1].headers.get("If-None-Match") == '"feed-v1"'
    assert server.hits("/articles/talks.html") == 1
    # A changed feed without validators: known links are not queued again.
    server.routes["/rss.xml"].etag = None
    third, _ = watch.round(poll_all=True)
    assert (third.not_modified, third.queued, third.stored) == (0, 0, 0)
    assert len(stored_articles(tmp_path)) == 3


def _listing(*paths: str) -> bytes:
    items = "".join(f"<item><title>{p}</title><link>{{base}}{p}</link></item>" for p in paths)
    return f'<rss version="2.0"><channel><title>t</title>{items}</channel></rss>'.encode()


def test_broken_articles_are_rejected_with_their_reason(
    server: FixtureServer, tmp_path: Path
) -> None:
    english = (FIXTURES / "article_talks.html").read_bytes()
    korean = (
        "<html lang='ko'><body><p>"
        + "북한이 동해상으로 탄도미사일을 발사했다고 합동참모본부가 밝혔다. " * 5
        + "</p></body></html>"
    )
    pages = {
        "/gone.html": Route(b"", status=404),
        "/photo.html": Route(b"\x89PNG\r\n", content_type="image/png"),
        "/huge.html": Route(b"<p>" + b"word " * 400_000 + b"</p>"),
        "/korean.html": Route(korean.encode()),
        "/binary.html": Route(bytes(range(256)) * 40),
        "/empty.html": Route(b"<html><body><script>var a = 1;</script></body></html>"),
        "/ok.html": Route(english),
    }
    for path, route in pages.items():
        server.route(path, route)
    server.route("/rss.xml", Route(_listing(*pages), content_type=RSS))
    watch = watcher(tmp_path, feed(server), defaults="max_bytes = 1_000_000\n")
    report, _ = watch.round()
    assert (report.stored, report.rejected) == (1, 6)
    with Store(tmp_path / "watch.duckdb") as store:
        codes = {r.source.rsplit("/", 1)[-1]: r.code for r in store.rejections()}
        counts = WatchState(store).link_counts()
    assert codes == {
        "gone.html": "FP507",
        "photo.html": "FP505",
        "huge.html": "FP504",
        "korean.html": "FP203",
        "binary.html": "FP202",
        "empty.html": "FP209",
    }
    assert counts == {"rejected": 6, "stored": 1}


def test_a_page_in_another_encoding_than_declared_is_still_read(
    server: FixtureServer, tmp_path: Path
) -> None:
    text = (
        "<html><body><p>The foreign minister said on Monday that the talks in the café near "
        "the ministry had been \u201cconstructive\u201d and that both governments agreed to "
        "meet again next month in Geneva.</p></body></html>"
    )
    server.route("/a.html", Route(text.encode("cp1252"), content_type=HTML))  # lies: not UTF-8
    other = text.replace("Geneva", "Geneva, where the last round was held")
    server.route("/b.html", Route(other.encode(), content_type="text/html; charset=klingon"))
    server.route("/rss.xml", Route(_listing("/a.html", "/b.html"), content_type=RSS))
    report, _ = watcher(tmp_path, feed(server)).round()
    assert report.stored == 2
    texts = sorted(a.text for a in stored_articles(tmp_path))
    assert all("the talks in the caf" in t and "Geneva" in t for t in texts)
    assert all("café" in t and "\u201cconstructive\u201d" in t for t in texts)


def test_a_failing_link_stays_queued_then_is_given_up(
    server: FixtureServer, tmp_path: Path
) -> None:
    server.route("/down.html", Route(b"", status=503))
    server.route("/rss.xml", Route(_listing("/down.html"), content_type=RSS))
    watch = watcher(tmp_path, feed(server))
    first, _ = watch.round()
    assert (first.retry_later, first.failed) == (1, 0)
    second, _ = watch.round()  # the link waits for its backoff: not fetched again yet
    assert server.hits("/down.html") == 2  # one try and one retry, in the first round
    assert second.retry_later == 0
    with Store(tmp_path / "watch.duckdb") as store:
        state = WatchState(store)
        assert state.pending_links() == []  # waiting for its backoff
        assert [link.attempts for link in state.links("pending")] == [1]
        assert state.retry_now() == 1
    third, _ = watch.round()
    assert third.failed == 1
    with Store(tmp_path / "watch.duckdb") as store:
        (rejection,) = store.rejections()
        assert WatchState(store).link_counts() == {"failed": 1}
    assert rejection.code == "FP506"
    assert "given up after 2 attempts" in rejection.reason


def test_a_broken_feed_is_rejected_once_and_polled_less_often(
    server: FixtureServer, tmp_path: Path
) -> None:
    server.fixture("/rss.xml", "malformed.xml", RSS)
    watch = watcher(tmp_path, feed(server))
    started = utc_now()
    first, _ = watch.round()
    second, _ = watch.round(poll_all=True)
    assert (first.poll_failures, second.poll_failures) == (1, 1)
    with Store(tmp_path / "watch.duckdb") as store:
        rejections = store.rejections()
        source = WatchState(store).sources()[server.url("/rss.xml")]
    assert [r.code for r in rejections] == ["FP508"]
    assert source.failures == 2
    assert source.next_poll_at is not None
    assert source.next_poll_at - started > timedelta(seconds=4 * 600 - 60)


def test_a_stop_during_a_download_keeps_that_link_for_the_next_run(
    server: FixtureServer, tmp_path: Path
) -> None:
    server.fixture("/rss.xml", "rss.xml", RSS)
    serve_articles(server, "launch", "sanctions", "talks")
    server.routes["/articles/talks.html"].hold = threading.Event()
    watch = watcher(tmp_path, feed(server))

    def stop_when_talks_is_asked() -> None:
        server.arrival("/articles/talks.html").wait(20)
        watch.stop.set()

    threading.Thread(target=stop_when_talks_is_asked, daemon=True).start()
    stopped, _ = watch.round()
    assert stopped.stored == 2  # launch and sanctions came before talks
    server.routes["/articles/talks.html"].hold = None
    resumed, _ = watcher(tmp_path, feed(server)).round()
    assert resumed.stored == 1
    assert sorted(canonical_url(a.url or "") for a in stored_articles(tmp_path)) == sorted(
        server.url(f"/articles/{n}.html") for n in ("launch", "sanctions", "talks")
    )


def test_coding_follows_fetching_and_alerts_reach_the_sinks_once(
    server: FixtureServer, tmp_path: Path
) -> None:
    server.fixture("/rss.xml", "rss.xml", RSS)
    serve_articles(server, "launch", "sanctions", "talks")
    alert = Alert(
        alert_id="al-test-1",
        actor="PRK",
        recipient="KOR",
        period="2024-W14",
        kind="escalation",
        value=2.5,
        baseline=0.4,
        message="PRK toward KOR escalated in 2024-W14",
        story_ids=("s1",),
    )
    sink = RecordingSink()
    CODER.seen.clear()
    watch = watcher(tmp_path, feed(server))
    watch.code = True
    watch.coder_factory = fake_factory
    watch.after_coding = lambda store: [alert]
    watch.sinks = [sink]
    report, _ = watch.round()
    assert (report.stored, report.coded, report.alerts) == (3, 3, 1)
    assert len(CODER.seen) == 3
    assert [a.alert_id for a in sink.alerts] == ["al-test-1"]
    with Store(tmp_path / "watch.duckdb") as store:
        assert store.stats().pending == 0
        again = deliver_alerts([alert], [sink], WatchState(store))
    assert again.sent == []
    assert len(sink.alerts) == 1


def test_a_watched_page_is_stored_again_only_when_its_text_changes(
    server: FixtureServer, tmp_path: Path
) -> None:
    server.fixture("/statement", "article_talks.html", HTML)
    watch = watcher(
        tmp_path, f'[[page]]\nurl = "{server.url("/statement")}"\noutlet = "Ministry"\n'
    )
    first, _ = watch.round()
    same, _ = watch.round(poll_all=True)
    server.fixture("/statement", "article_envoy.html", HTML)
    changed, _ = watch.round(poll_all=True)
    assert (first.stored, same.stored, same.duplicates, changed.stored) == (1, 0, 1, 1)
    ids = sorted(a.id for a in stored_articles(tmp_path))
    assert len(ids) == 2
    assert ids[1].startswith(ids[0] + "-v")


def test_run_once_polls_every_source_and_returns(server: FixtureServer, tmp_path: Path) -> None:
    server.fixture("/rss.xml", "rss.xml", RSS)
    serve_articles(server, "launch", "sanctions", "talks")
    report = watcher(tmp_path, feed(server)).run(once=True)
    assert report.rounds == 1
    assert report.totals.stored == 3


def test_html_bombs_are_read_or_rejected_without_taking_the_watcher_down(
    server: FixtureServer, tmp_path: Path
) -> None:
    sentence = b"Seoul said on Monday that the two Koreas would reopen the hotline next week."
    deep = b"<html><body>" + b"<div>" * 50_000 + b"<p>" + sentence + b"</p>" + b"</div>" * 50_000
    tags = b"<html><body>" + b"<b></b>" * 50_000 + b"</body></html>"
    unclosed = b"<html><body><p>" + sentence + b"<table><tr><td>" * 20_000
    server.route("/deep.html", Route(deep))
    server.route("/tags.html", Route(tags))
    server.route("/unclosed.html", Route(unclosed))
    server.route(
        "/rss.xml", Route(_listing("/deep.html", "/tags.html", "/unclosed.html"), content_type=RSS)
    )
    report, _ = watcher(tmp_path, feed(server)).round()
    assert (report.stored, report.rejected, report.duplicates) == (1, 1, 1)
    with Store(tmp_path / "watch.duckdb") as store:
        (article,) = store.articles()
        (rejection,) = store.rejections()
        states = WatchState(store).link_counts()
    assert sentence.decode() in article.text
    assert (rejection.code, rejection.source) == ("FP209", server.url("/tags.html"))
    assert states == {"duplicate": 1, "rejected": 1, "stored": 1}
