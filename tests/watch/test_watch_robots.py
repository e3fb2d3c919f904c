"""robots.txt: disallowed URLs are not fetched and are rejected with the reason,
Crawl-delay slows the host down, missing files allow everything, failing servers
block the site for a while, the file is cached for a day, and it can be switched off."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from flashpoint.config import Settings
from flashpoint.errors import ConfigError
from flashpoint.ingest.fetch import Fetcher, FetchError, FetchPolicy
from flashpoint.ingest.fetch_guards import HostRateLimiter
from flashpoint.ingest.options import ReadOptions
from flashpoint.store import Store
from flashpoint.store.watch_state import WatchState
from flashpoint.watch import Watcher, ingest_urls, parse_watch_config
from flashpoint.watch import robots as robots_module
from flashpoint.watch.robots import ROBOTS_TTL, RobotsDisallowedError, RobotsRules, robots_url
from watch.watch_server import FixtureServer, Route, running_server

TEXT = "text/plain; charset=utf-8"
FAST = FetchPolicy(
    read_timeout=0.5,
    total_timeout=2.0,
    retries=1,
    backoff=0.01,
    max_backoff=0.05,
    host_interval=0.0,
    allow_private=True,
)
ROBOTS = b"""# a site that keeps its archive and search to itself
User-agent: *
Disallow: /archive/
Disallow: /search
"""


class Clock:
    """Monotonic seconds that move only when a test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def server() -> Iterator[FixtureServer]:
    with running_server() as running:
        yield running


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(FAST) as opened:
        yield opened


@pytest.fixture
def clock() -> Clock:
    return Clock()


def serve_robots(server: FixtureServer, body: bytes, **options: object) -> None:
    server.route("/robots.txt", Route(body, content_type=TEXT, **options))  # type: ignore[arg-type]


def refusal(rules: RobotsRules, url: str) -> FetchError | None:
    try:
        rules.check(url)
    except FetchError as exc:
        return exc
    return None


# -- the rules ------------------------------------------------------------------------


def test_robots_url_is_the_root_of_the_same_scheme_host_and_port() -> None:
    assert robots_url("https://News.Example.org:8443/a/b?q=1#x") == (
        "https://news.example.org:8443/robots.txt"
    )
    assert robots_url("http://news.example.org/a") == "http://news.example.org/robots.txt"
    assert robots_url("http://user:pw@news.example.org/a") == "http://news.example.org/robots.txt"
    assert robots_url("http://[2001:db8::1]:8080/a") == "http://[2001:db8::1]:8080/robots.txt"


def test_allowed_paths_pass_and_disallowed_ones_are_refused(
    server: FixtureServer, fetcher: Fetcher, clock: Clock
) -> None:
    serve_robots(server, ROBOTS)
    rules = RobotsRules(fetcher, clock=clock)
    assert refusal(rules, server.url("/news/2024/launch.html")) is None
    assert refusal(rules, server.url("/")) is None
    for path in ("/archive/2019/old.html", "/search?q=missile"):
        refused = refusal(rules, server.url(path))
        assert isinstance(refused, RobotsDisallowedError), path
        assert refused.code == "FP510"
        assert not refused.transient
        assert refused.message == f"{server.url('/robots.txt')} disallows this URL for flashpoint"
    assert server.hits("/robots.txt") == 1  # read once for all five checks


def test_our_own_user_agent_group_wins_over_the_catch_all(
    server: FixtureServer, fetcher: Fetcher, clock: Clock
) -> None:
    serve_robots(
        server,
        b"User-agent: otherbot\nDisallow: /\n\n"
        b"User-agent: flashpoint\nDisallow: /members/\n\n"
        b"User-agent: *\nDisallow: /\n",
    )
    rules = RobotsRules(fetcher, clock=clock)
    assert rules.agent == "flashpoint"  # the product token of the User-Agent we send
    assert refusal(rules, server.url("/news/story.html")) is None
    assert isinstance(refusal(rules, server.url("/members/page")), RobotsDisallowedError)


def test_a_disallowed_page_is_not_requested_even_behind_a_redirect(
    server: FixtureServer, fetcher: Fetcher, clock: Clock
) -> None:
    serve_robots(server, ROBOTS)
    server.route("/short/1", Route(b"", 301, headers={"Location": "/archive/2019/old.html"}))
    server.route("/archive/2019/old.html", Route(b"<p>old</p>"))
    rules = RobotsRules(fetcher, clock=clock)
    with pytest.raises(RobotsDisallowedError):
        fetcher.get(server.url("/short/1"), permit=rules.check)
    assert server.hits("/short/1") == 1
    assert server.hits("/archive/2019/old.html") == 0


@pytest.mark.parametrize(
    ("lines", "path", "allowed"),
    [
        ("Disallow: /private", "/private-notes/1", False),  # a rule is a path prefix
        ("Disallow: /*?", "/news/a.html", True),
        ("Disallow: /*?", "/search?q=missile", False),
        ("Disallow: /*.pdf$", "/files/report.pdf", False),
        ("Disallow: /*.pdf$", "/files/report.pdf?download=1", True),
        ("Disallow: /\nAllow: /news/", "/news/a.html", True),  # the longest rule wins,
        ("Disallow: /\nAllow: /news/", "/about", False),  # whatever their order
        ("Allow: /page\nDisallow: /*.html", "/page.html", False),
        ("Allow: /$\nDisallow: /", "/", True),
        ("Allow: /$\nDisallow: /", "/page", False),
        ("Allow: /x\nDisallow: /x", "/x", True),  # a tie goes to Allow
        ("Disallow: /caf%C3%A9", "/café/menu", False),  # percent-encoding is normalised
        ("Disallow:", "/anything", True),
        ("Disallow: /*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b", "/" + "a" * 5000, True),
    ],
)
def test_rules_match_as_rfc_9309_says(
    server: FixtureServer, fetcher: Fetcher, lines: str, path: str, allowed: bool
) -> None:
    serve_robots(server, f"User-agent: *\n{lines}\n".encode())
    refused = refusal(RobotsRules(fetcher, clock=Clock()), server.url(path))
    assert (refused is None) == allowed


def test_robotparser_decides_alone_if_its_groups_cannot_be_read(
    server: FixtureServer, fetcher: Fetcher, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(robots_module, "_group", lambda parser, agent: None)
    serve_robots(server, ROBOTS)
    rules = RobotsRules(fetcher, clock=clock)
    assert refusal(rules, server.url("/news/a.html")) is None
    assert isinstance(refusal(rules, server.url("/archive/a")), RobotsDisallowedError)


@pytest.mark.parametrize(("delay", "expected"), [(5, 5.0), (600, 60.0), (0, 1.0)])
def test_crawl_delay_raises_the_host_interval_up_to_the_cap(
    server: FixtureServer, clock: Clock, delay: int, expected: float
) -> None:
    serve_robots(server, f"User-agent: *\nCrawl-delay: {delay}\nDisallow: /private/\n".encode())
    with Fetcher(FetchPolicy(host_interval=1.0, allow_private=True)) as slow:
        rules = RobotsRules(slow, clock=clock, max_delay=60.0)
        rules.check(server.url("/news/a.html"))
        assert slow.limiter.interval_for("127.0.0.1") == expected


def test_a_crawl_delay_shorter_than_host_interval_changes_nothing(
    server: FixtureServer, clock: Clock
) -> None:
    serve_robots(server, b"User-agent: *\nCrawl-delay: 2\n")
    with Fetcher(FetchPolicy(host_interval=10.0, allow_private=True)) as slow:
        RobotsRules(slow, clock=clock).check(server.url("/a"))
        assert slow.limiter.interval_for("127.0.0.1") == 10.0


def test_request_rate_counts_as_a_crawl_delay(
    server: FixtureServer, fetcher: Fetcher, clock: Clock
) -> None:
    serve_robots(server, b"User-agent: *\nRequest-rate: 1/20\n")
    RobotsRules(fetcher, clock=clock).check(server.url("/a"))
    assert fetcher.limiter.interval_for("127.0.0.1") == 20.0


def test_a_long_crawl_delay_is_clamped_and_said(
    server: FixtureServer, fetcher: Fetcher, clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    serve_robots(server, b"User-agent: *\nCrawl-delay: 3600\n")
    with caplog.at_level(logging.WARNING, logger="flashpoint.watch"):
        RobotsRules(fetcher, clock=clock, max_delay=30.0).check(server.url("/a"))
    assert fetcher.limiter.interval_for("127.0.0.1") == 30.0
    assert "asks for 3600 s between requests; flashpoint waits at most 30 s" in caplog.text


# -- when robots.txt cannot be had ------------------------------------------------------


@pytest.mark.parametrize("status", [404, 410, 401, 403])
def test_a_robots_txt_answering_4xx_allows_everything(
    server: FixtureServer, fetcher: Fetcher, clock: Clock, status: int
) -> None:
    serve_robots(server, b"User-agent: *\nDisallow: /\n", status=status)
    rules = RobotsRules(fetcher, clock=clock)
    assert refusal(rules, server.url("/anything")) is None
    assert refusal(rules, server.url("/archive/x")) is None
    assert server.hits("/robots.txt") == 1


def test_a_failing_robots_txt_blocks_the_site_for_a_while_then_is_asked_again(
    server: FixtureServer, fetcher: Fetcher, clock: Clock
) -> None:
    serve_robots(server, b"failing", status=503)
    rules = RobotsRules(fetcher, clock=clock)
    refused = refusal(rules, server.url("/news/a.html"))
    assert refused is not None
    assert (refused.code, refused.transient) == ("FP506", True)
    assert "cannot be read (the server answered HTTP 503)" in refused.message
    asked = server.hits("/robots.txt")
    assert asked == 1 + FAST.retries  # the fetcher's own retries, once
    clock.now += 30  # within the first backoff (60 s): still blocked, not asked again
    assert refusal(rules, server.url("/news/b.html")) is not None
    assert server.hits("/robots.txt") == asked
    clock.now += 31  # the site answers again after the backoff
    serve_robots(server, ROBOTS)
    assert refusal(rules, server.url("/news/b.html")) is None
    assert isinstance(refusal(rules, server.url("/archive/1")), RobotsDisallowedError)


def test_the_backoff_doubles_while_robots_txt_keeps_failing(
    server: FixtureServer, fetcher: Fetcher, clock: Clock
) -> None:
    serve_robots(server, b"failing", status=500)
    rules = RobotsRules(fetcher, clock=clock)
    per_try = 1 + FAST.retries
    for waited, tries in ((0, 1), (61, 2), (61 + 119, 2), (61 + 121, 3)):
        clock.now = 1000.0 + waited
        assert refusal(rules, server.url("/a")) is not None
        assert server.hits("/robots.txt") == tries * per_try, waited


def test_an_unreachable_site_is_a_transient_refusal(fetcher: Fetcher, clock: Clock) -> None:
    # Port 9 (discard) on loopback: nothing listens, the connection is refused.
    refused = refusal(RobotsRules(fetcher, clock=clock), "http://127.0.0.1:9/news/a.html")
    assert refused is not None
    assert refused.transient


@pytest.mark.parametrize(
    ("route", "said"),
    [
        (Route(b"User-agent: *\nDisallow: /\n" + b"#" * 3000, content_type=TEXT), "over the limit"),
        (
            Route(b"User-agent: *\nDisallow: /\n" + b"#" * 3000, content_type=TEXT, length=False),
            "larger than 2,000 bytes",
        ),
        (Route(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", content_type="image/png"), "image/png"),
        (Route(b"\x00\x01\x02\x00binary\x00" * 50, content_type=None), "not text"),
    ],
    ids=["announced-oversized", "streamed-oversized", "an-image", "binary-without-type"],
)
def test_an_oversized_or_non_text_robots_txt_allows_everything_with_a_warning(
    server: FixtureServer,
    fetcher: Fetcher,
    caplog: pytest.LogCaptureFixture,
    route: Route,
    said: str,
) -> None:
    server.route("/robots.txt", route)
    with caplog.at_level(logging.WARNING, logger="flashpoint.watch"):
        rules = RobotsRules(fetcher, clock=Clock(), max_bytes=2000)
        assert refusal(rules, server.url("/anything")) is None
    assert said in caplog.text
    assert "treated as allowing everything" in caplog.text


# -- the cache ----------------------------------------------------------------------------


def test_robots_txt_is_cached_per_site_for_a_day_then_read_again(
    server: FixtureServer, fetcher: Fetcher, clock: Clock
) -> None:
    serve_robots(server, ROBOTS)
    rules = RobotsRules(fetcher, clock=clock)
    assert refusal(rules, server.url("/archive/a")) is not None
    server.routes["/robots.txt"].body = b"User-agent: *\nDisallow:\n"  # the site relents
    clock.now += ROBOTS_TTL - 1
    assert refusal(rules, server.url("/archive/a")) is not None  # still the cached rules
    assert server.hits("/robots.txt") == 1
    clock.now += 2
    assert refusal(rules, server.url("/archive/a")) is None
    assert server.hits("/robots.txt") == 2


def test_a_dropped_crawl_delay_is_dropped_when_the_file_is_read_again(
    server: FixtureServer, fetcher: Fetcher, clock: Clock
) -> None:
    waits: list[float] = []
    fetcher.limiter = HostRateLimiter(0.0, waits.append)  # records waits instead of sleeping
    serve_robots(server, b"User-agent: *\nCrawl-delay: 10\n")
    rules = RobotsRules(fetcher, clock=clock)
    rules.check(server.url("/a"))
    assert fetcher.limiter.interval_for("127.0.0.1") == 10.0
    server.routes["/robots.txt"].body = b"User-agent: *\nDisallow:\n"
    clock.now += ROBOTS_TTL + 1
    rules.check(server.url("/a"))
    assert len(waits) == 1  # reading the file again kept the old delay
    assert 9.0 < waits[0] <= 10.0
    assert fetcher.limiter.interval_for("127.0.0.1") == 0.0


# -- the watcher --------------------------------------------------------------------------

FEED = b"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Wire</title><link>{base}/</link>
<item><title>Launch</title><link>{base}/news/launch.html</link></item>
<item><title>Old launch</title><link>{base}/archive/launch-2019.html</link></item>
</channel></rss>
"""
PAGE = (
    b"<html><head><title>Missile launch</title></head><body><article><p>"
    + b"North Korea fired a ballistic missile into the sea on Tuesday, officials said. " * 4
    + b"</p></article></body></html>"
)


def watcher(tmp_path: Path, server: FixtureServer, *, robots: str = "") -> Watcher:
    text = (
        f"allow_private = true\n{robots}\n"
        "[defaults]\nhost_interval = 0\nretries = 0\ntimeout = 0.5\n"
        f'[[feed]]\nurl = "{server.url("/rss.xml")}"\noutlet = "Wire"\n'
    )
    config = parse_watch_config(text, "robots-feeds.toml")
    return Watcher(config, Settings(db_path=tmp_path / "w.duckdb"), code=False, sinks=[])


def serve_site(server: FixtureServer) -> None:
    server.route("/rss.xml", Route(FEED, content_type="application/rss+xml"))
    server.route("/news/launch.html", Route(PAGE))
    server.route("/archive/launch-2019.html", Route(PAGE.replace(b"Tuesday", b"Monday")))
    serve_robots(server, ROBOTS)


def test_a_watch_round_rejects_disallowed_links_with_the_reason_and_logs_once(
    server: FixtureServer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    serve_site(server)
    watch = watcher(tmp_path, server)
    with caplog.at_level(logging.WARNING, logger="flashpoint.watch"):
        report, _ = watch.round()
        watch.round(poll_all=True)
    assert (report.stored, report.rejected) == (1, 1)
    assert server.hits("/archive/launch-2019.html") == 0
    assert server.hits("/robots.txt") == 1  # cached across rounds
    with Store(tmp_path / "w.duckdb") as store:
        (rejected,) = WatchState(store).links("rejected")
        assert rejected.url == server.url("/archive/launch-2019.html")
        (row,) = store.rejections()
    assert row.code == "FP510"
    assert "robots.txt disallows this URL for flashpoint" in row.reason
    assert caplog.text.count("disallows") == 1


def test_a_disallowed_feed_is_not_polled_and_fails_with_the_reason(
    server: FixtureServer, tmp_path: Path
) -> None:
    serve_site(server)
    serve_robots(server, b"User-agent: *\nDisallow: /rss.xml\n")
    report, _ = watcher(tmp_path, server).round()
    assert (report.polled, report.poll_failures, report.queued) == (1, 1, 0)
    assert server.hits("/rss.xml") == 0
    with Store(tmp_path / "w.duckdb") as store:
        (state,) = WatchState(store).sources().values()
    assert state.last_status is not None
    assert "disallows this URL" in state.last_status


def test_a_site_whose_robots_txt_fails_is_not_polled(server: FixtureServer, tmp_path: Path) -> None:
    serve_site(server)
    serve_robots(server, b"down", status=503)
    report, _ = watcher(tmp_path, server).round()
    assert (report.poll_failures, report.stored) == (1, 0)
    assert server.hits("/rss.xml") == 0


def test_links_to_a_site_whose_robots_txt_fails_wait_and_are_not_fetched(
    server: FixtureServer, tmp_path: Path
) -> None:
    with running_server() as other:  # another port: another site with its own robots.txt
        server.route(
            "/rss.xml",
            Route(FEED.replace(b"{base}", other.base.encode()), content_type="application/rss+xml"),
        )
        other.route("/news/launch.html", Route(PAGE))
        serve_robots(other, b"down", status=500)
        report, _ = watcher(tmp_path, server).round()
        assert (report.queued, report.stored, report.retry_later) == (2, 0, 2)
        assert other.hits("/news/launch.html") == 0
        assert other.hits("/robots.txt") == 1  # asked once, not once per link
        with Store(tmp_path / "w.duckdb") as store:
            waiting = WatchState(store).links("pending")
        assert len(waiting) == 2


def test_a_disallowed_child_sitemap_is_skipped_and_the_rest_of_the_index_read(
    server: FixtureServer, tmp_path: Path
) -> None:
    index = (
        b'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<sitemap><loc>{base}/private/sitemap.xml</loc></sitemap>"
        b"<sitemap><loc>{base}/news/sitemap.xml</loc></sitemap></sitemapindex>"
    )
    child = (
        b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<url><loc>{base}/news/launch.html</loc></url></urlset>"
    )
    server.route("/sitemap.xml", Route(index, content_type="application/xml"))
    server.route("/private/sitemap.xml", Route(child, content_type="application/xml"))
    server.route("/news/sitemap.xml", Route(child, content_type="application/xml"))
    server.route("/news/launch.html", Route(PAGE))
    serve_robots(server, b"User-agent: *\nDisallow: /private/\n")
    text = (
        "allow_private = true\n[defaults]\nhost_interval = 0\nretries = 0\n"
        f'[[sitemap]]\nurl = "{server.url("/sitemap.xml")}"\n'
    )
    config = parse_watch_config(text, "robots-feeds.toml")
    watch = Watcher(config, Settings(db_path=tmp_path / "w.duckdb"), code=False, sinks=[])
    report, _ = watch.round()
    assert (report.queued, report.stored) == (1, 1)
    assert server.hits("/private/sitemap.xml") == 0


def test_respect_robots_false_reads_no_robots_txt_and_fetches_everything(
    server: FixtureServer, tmp_path: Path
) -> None:
    serve_site(server)
    watch = watcher(tmp_path, server, robots="respect_robots = false")
    assert watch.robots is None
    report, _ = watch.round()
    assert (report.stored, report.rejected) == (2, 0)
    assert server.hits("/robots.txt") == 0
    assert server.hits("/archive/launch-2019.html") == 1


def test_the_switch_and_the_cap_are_read_from_the_feeds_file() -> None:
    feed = '[[feed]]\nurl = "https://a.example/rss"\n'
    default = parse_watch_config(feed)
    assert (default.respect_robots, default.max_crawl_delay) == (True, 60.0)
    off = parse_watch_config('respect_robots = false\n[defaults]\nmax_crawl_delay = "2m"\n' + feed)
    assert (off.respect_robots, off.max_crawl_delay) == (False, 120.0)
    with pytest.raises(ConfigError) as caught:
        parse_watch_config('respect_robots = "no"\n' + feed, "feeds.toml")
    assert "respect_robots must be true or false" in str(caught.value)


def test_a_one_off_ingest_of_a_url_does_not_read_robots_txt(
    server: FixtureServer, tmp_path: Path
) -> None:
    serve_site(server)
    with Store(tmp_path / "w.duckdb") as store:
        report = ingest_urls(
            store, [server.url("/archive/launch-2019.html")], ReadOptions(), allow_private=True
        )
    assert (report.stored, report.rejections) == (1, [])
    assert server.hits("/robots.txt") == 0
