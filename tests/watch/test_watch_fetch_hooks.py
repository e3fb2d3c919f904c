"""The fetcher's hooks for callers: a `permit` check before every hop, a per-call size
limit, and per-host intervals in the rate limiter (robots.txt uses all three)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from flashpoint.ingest.fetch import Fetcher, FetchError, FetchPolicy
from flashpoint.ingest.fetch_guards import HostRateLimiter
from watch.watch_server import FixtureServer, Route, running_server

FAST = FetchPolicy(
    read_timeout=0.5,
    total_timeout=2.0,
    retries=2,
    backoff=0.01,
    max_backoff=0.05,
    host_interval=0.0,
    allow_private=True,
)


@pytest.fixture
def server() -> Iterator[FixtureServer]:
    with running_server() as running:
        yield running


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(FAST) as opened:
        yield opened


def test_permit_sees_the_url_and_every_redirect_target(
    server: FixtureServer, fetcher: Fetcher
) -> None:
    server.route("/old", Route(b"", 301, headers={"Location": "/new"}))
    server.route("/new", Route(b"<p>here</p>"))
    asked: list[str] = []
    response = fetcher.get(server.url("/old"), permit=asked.append)
    assert response.final_url == server.url("/new")
    assert asked == [server.url("/old"), server.url("/new")]


def test_a_refused_redirect_target_is_not_requested(
    server: FixtureServer, fetcher: Fetcher
) -> None:
    server.route("/old", Route(b"", 302, headers={"Location": "/secret"}))
    server.route("/secret", Route(b"<p>secret</p>"))

    def refuse_secret(url: str) -> None:
        if url.endswith("/secret"):
            raise FetchError("FP507", "not for us", source=url)

    with pytest.raises(FetchError) as caught:
        fetcher.get(server.url("/old"), permit=refuse_secret)
    assert caught.value.message == "not for us"
    assert (server.hits("/old"), server.hits("/secret")) == (1, 0)


def test_a_transient_refusal_is_raised_at_once_not_retried(fetcher: Fetcher) -> None:
    calls: list[str] = []

    def busy(url: str) -> None:
        calls.append(url)
        raise FetchError("FP506", "come back later", source=url, transient=True)

    with pytest.raises(FetchError) as caught:
        fetcher.get("http://127.0.0.1:9/page", permit=busy)
    assert caught.value.transient
    assert len(calls) == 1  # the fetcher's own retries are for the server's failures


def test_a_per_call_byte_limit_is_lower_than_the_policy(
    server: FixtureServer, fetcher: Fetcher
) -> None:
    server.route("/big", Route(b"x" * 5000, content_type="text/plain"))
    assert len(fetcher.get(server.url("/big")).body) == 5000
    with pytest.raises(FetchError) as caught:
        fetcher.get(server.url("/big"), max_bytes=1000)
    assert caught.value.code == "FP504"


def test_a_host_may_get_a_longer_interval_of_its_own() -> None:
    waits: list[float] = []
    limiter = HostRateLimiter(0.0, waits.append)
    limiter.set_interval("Slow.Example", 30.0)
    assert limiter.interval_for("slow.example") == 30.0
    assert limiter.interval_for("fast.example") == 0.0
    limiter.wait("slow.example")
    limiter.wait("fast.example")
    limiter.wait("slow.example")
    assert len(waits) == 1
    assert 29.0 < waits[0] <= 30.0


def test_a_longer_interval_also_delays_the_request_already_booked() -> None:
    waits: list[float] = []
    limiter = HostRateLimiter(1.0, waits.append)
    limiter.wait("site.example")  # e.g. the robots.txt request
    limiter.set_interval("site.example", 10.0)  # its Crawl-delay
    limiter.wait("site.example")
    assert len(waits) == 1
    assert 9.0 < waits[0] <= 10.0


@pytest.mark.parametrize("seconds", [None, 0.5, 1.0])
def test_an_interval_not_longer_than_the_default_resets_the_host(seconds: float | None) -> None:
    limiter = HostRateLimiter(1.0, lambda _: None)
    limiter.set_interval("site.example", 20.0)
    limiter.set_interval("site.example", seconds)
    assert limiter.interval_for("site.example") == 1.0
