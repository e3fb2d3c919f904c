"""The safe fetcher against a local server: addresses, redirects, limits, retries, validators."""

from __future__ import annotations

import gzip
import threading
from collections.abc import Iterator

import pytest

from flashpoint.ingest import fetch as fetch_module
from flashpoint.ingest.fetch import FEED_TYPES, USER_AGENT, Fetcher, FetchError, FetchPolicy
from flashpoint.ingest.fetch_guards import HostRateLimiter, address_problem
from watch.watch_server import FixtureServer, Route, running_server

FAST = FetchPolicy(
    connect_timeout=1.0,
    read_timeout=0.5,
    total_timeout=2.0,
    max_bytes=100_000,
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


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("127.0.0.1", "a loopback address"),
        ("::1", "a loopback address"),
        ("10.1.2.3", "a private address"),
        ("172.16.0.9", "a private address"),
        ("192.168.1.1", "a private address"),
        ("100.64.0.1", "a private address"),
        ("169.254.169.254", "a link-local address"),
        ("fe80::1", "a link-local address"),
        ("fd00::1", "a private address"),
        ("::ffff:127.0.0.1", "a loopback address"),
        ("2002:7f00:1::", "a loopback address"),  # 6to4 wrapping 127.0.0.1
        ("224.0.0.1", "a multicast address"),
        ("0.0.0.0", "a reserved address"),
        ("240.0.0.1", "a reserved address"),
        ("93.184.215.14", None),
        ("2606:4700:4700::1111", None),
    ],
)
def test_addresses_outside_the_public_internet_are_refused(
    address: str, problem: str | None
) -> None:
    assert address_problem(address, allow_private=False) == problem


def test_allow_private_admits_loopback_but_never_multicast() -> None:
    assert address_problem("127.0.0.1", allow_private=True) is None
    assert address_problem("10.0.0.1", allow_private=True) is None
    assert address_problem("224.0.0.1", allow_private=True) == "a multicast address"


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://x/", "x"])
def test_only_http_and_https_are_fetched(fetcher: Fetcher, url: str) -> None:
    with pytest.raises(FetchError) as caught:
        fetcher.get(url)
    assert caught.value.code == "FP501"


def test_loopback_is_refused_unless_allowed_and_never_contacted(server: FixtureServer) -> None:
    url = server.route("/page", Route(b"<p>hello</p>"))
    with Fetcher(FetchPolicy(host_interval=0.0)) as strict, pytest.raises(FetchError) as caught:
        strict.get(url)
    assert caught.value.code == "FP502"
    assert "loopback" in caught.value.message
    assert server.hits("/page") == 0


def test_requests_carry_an_honest_user_agent(server: FixtureServer, fetcher: Fetcher) -> None:
    response = fetcher.get(server.route("/page", Route(b"<p>hello</p>")))
    assert response.status == 200
    assert response.body == b"<p>hello</p>"
    assert server.requests[0].headers["User-Agent"] == USER_AGENT
    assert USER_AGENT.startswith("flashpoint/")


def test_redirects_are_followed_to_the_final_page(server: FixtureServer, fetcher: Fetcher) -> None:
    server.route("/old", Route(status=301, headers={"Location": "/new"}))
    server.route("/new", Route(b"<p>moved here</p>"))
    response = fetcher.get(server.url("/old"))
    assert response.final_url == server.url("/new")
    assert response.body == b"<p>moved here</p>"


def test_a_redirect_loop_is_detected(server: FixtureServer, fetcher: Fetcher) -> None:
    server.route("/a", Route(status=302, headers={"Location": "/b"}))
    server.route("/b", Route(status=302, headers={"Location": "/a?utm_source=loop"}))
    with pytest.raises(FetchError) as caught:
        fetcher.get(server.url("/a"))
    assert caught.value.code == "FP503"
    assert "loop" in caught.value.message
    assert server.hits("/a") == 1


def test_a_redirect_chain_stops_at_the_hop_limit(server: FixtureServer, fetcher: Fetcher) -> None:
    for hop in range(10):
        server.route(f"/hop{hop}", Route(status=307, headers={"Location": f"/hop{hop + 1}"}))
    with pytest.raises(FetchError) as caught:
        fetcher.get(server.url("/hop0"))
    assert caught.value.code == "FP503"
    assert server.hits("/hop6") == 0


def test_a_redirect_to_a_private_address_is_refused_at_that_hop(
    server: FixtureServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Let the test server count as public; everything else is judged as usual.
    def loopback_is_public(address: str, *, allow_private: bool) -> str | None:
        return None if address == "127.0.0.1" else address_problem(address, allow_private=False)

    monkeypatch.setattr(fetch_module, "address_problem", loopback_is_public)
    server.route("/go", Route(status=302, headers={"Location": "http://169.254.169.254/latest/"}))
    with Fetcher(FetchPolicy(host_interval=0.0)) as strict, pytest.raises(FetchError) as caught:
        strict.get(server.url("/go"))
    assert caught.value.code == "FP502"
    assert "169.254.169.254" in caught.value.message


def test_server_errors_are_retried_with_backoff_then_reported(
    server: FixtureServer, fetcher: Fetcher
) -> None:
    url = server.route("/down", Route(b"oops", status=500))
    with pytest.raises(FetchError) as caught:
        fetcher.get(url)
    assert caught.value.code == "FP506"
    assert caught.value.transient
    assert server.hits("/down") == 1 + FAST.retries


def test_a_server_that_recovers_is_read_after_a_retry(
    server: FixtureServer, fetcher: Fetcher
) -> None:
    url = server.route("/flaky", Route(b"<p>back</p>", fail_times=1))
    assert fetcher.get(url).body == b"<p>back</p>"
    assert server.hits("/flaky") == 2


def test_a_missing_page_is_not_retried(server: FixtureServer, fetcher: Fetcher) -> None:
    with pytest.raises(FetchError) as caught:
        fetcher.get(server.url("/nowhere"))
    assert caught.value.code == "FP507"
    assert not caught.value.transient
    assert server.hits("/nowhere") == 1


def test_a_slow_server_times_out(server: FixtureServer) -> None:
    url = server.route("/slow", Route(b"<p>late</p>", delay=3.0))
    policy = FetchPolicy(read_timeout=0.3, retries=0, host_interval=0.0, allow_private=True)
    with Fetcher(policy) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.get(url)
    assert caught.value.code == "FP506"
    assert caught.value.transient


def test_a_dripping_server_is_cut_at_the_total_deadline(server: FixtureServer) -> None:
    url = server.route("/drip", Route(b"x" * 200, drip=0.05, content_type="text/plain"))
    policy = FetchPolicy(
        read_timeout=1.0, total_timeout=0.5, retries=0, host_interval=0.0, allow_private=True
    )
    with Fetcher(policy) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.get(url)
    assert caught.value.code == "FP506"
    assert "longer than" in caught.value.message


def test_a_huge_body_is_refused_by_its_announced_length(
    server: FixtureServer, fetcher: Fetcher
) -> None:
    url = server.route("/huge", Route(b"a" * 200_000))
    with pytest.raises(FetchError) as caught:
        fetcher.get(url)
    assert caught.value.code == "FP504"


def test_a_huge_body_without_a_length_is_cut_while_streaming(
    server: FixtureServer, fetcher: Fetcher
) -> None:
    url = server.route("/stream", Route(b"a" * 300_000, length=False))
    with pytest.raises(FetchError) as caught:
        fetcher.get(url)
    assert caught.value.code == "FP504"


def test_a_gzip_bomb_is_cut_after_decompression(server: FixtureServer, fetcher: Fetcher) -> None:
    bomb = gzip.compress(b"\0" * 50_000_000)
    assert len(bomb) < 100_000  # small on the wire, 50 MB unpacked
    url = server.route("/bomb", Route(bomb, headers={"Content-Encoding": "gzip"}))
    with pytest.raises(FetchError) as caught:
        fetcher.get(url)
    assert caught.value.code == "FP504"


def test_gzip_bodies_are_decoded(server: FixtureServer, fetcher: Fetcher) -> None:
    url = server.route(
        "/zipped", Route(gzip.compress(b"<p>packed</p>"), headers={"Content-Encoding": "gzip"})
    )
    assert fetcher.get(url).body == b"<p>packed</p>"


def test_a_body_of_the_wrong_type_is_refused_before_reading(
    server: FixtureServer, fetcher: Fetcher
) -> None:
    url = server.route("/photo", Route(b"\x89PNG....", content_type="image/png"))
    with pytest.raises(FetchError) as caught:
        fetcher.get(url)
    assert caught.value.code == "FP505"
    assert "image/png" in caught.value.message


def test_an_unchanged_feed_answers_not_modified_to_its_etag(
    server: FixtureServer, fetcher: Fetcher
) -> None:
    url = server.route("/feed", Route(b"<rss/>", content_type="application/rss+xml", etag='"v1"'))
    first = fetcher.get(url, accept=FEED_TYPES)
    second = fetcher.get(url, accept=FEED_TYPES, etag=first.etag)
    assert (first.status, first.etag, first.not_modified) == (200, '"v1"', False)
    assert (second.status, second.not_modified, second.body) == (304, True, b"")
    assert server.requests[1].headers["If-None-Match"] == '"v1"'


def test_a_stop_request_cancels_a_wait_for_the_host() -> None:
    from flashpoint.ingest.fetch import FetchCancelled

    stop = threading.Event()
    stop.set()
    with Fetcher(FAST, stop=stop) as fetcher, pytest.raises(FetchCancelled):
        fetcher.get("http://127.0.0.1:9/never")


def test_one_host_gets_one_request_per_interval() -> None:
    waits: list[float] = []
    limiter = HostRateLimiter(1.0, waits.append)
    for _ in range(3):
        limiter.wait("news.example.org")
    limiter.wait("other.example.org")
    assert len(waits) == 2  # the first request to each host does not wait
    assert waits[0] == pytest.approx(1.0, abs=0.05)
    assert waits[1] == pytest.approx(2.0, abs=0.05)


def test_webhook_posts_are_json_and_not_redirected(server: FixtureServer, fetcher: Fetcher) -> None:
    url = server.route("/hook", Route(b"ok", content_type="text/plain"))
    assert fetcher.post_json(url, b'{"a": 1}') == 200
    seen = server.requests[0]
    assert (seen.method, seen.body) == ("POST", b'{"a": 1}')
    assert seen.headers["Content-Type"] == "application/json"
    server.route("/moved", Route(status=302, headers={"Location": "/hook"}))
    with pytest.raises(FetchError):
        fetcher.post_json(server.url("/moved"), b"{}")
    assert server.hits("/hook") == 1


def test_https_is_verified_against_the_site_name_while_connecting_to_the_checked_address() -> None:
    import ssl

    from watch.watch_server import FIXTURES

    trusted = ssl.create_default_context(cafile=str(FIXTURES / "localhost-cert.pem"))
    with running_server(tls=True) as server, Fetcher(FAST, verify=trusted) as fetcher:
        url = server.route("/secure", Route(b"<p>over TLS</p>"))
        assert url.startswith("https://localhost:")
        assert fetcher.get(url).body == b"<p>over TLS</p>"
        assert server.requests[0].headers["Host"] == url.split("/")[2]
        # The certificate names localhost, not 127.0.0.1: verification is on.
        with pytest.raises(FetchError) as caught:
            fetcher.get(url.replace("localhost", "127.0.0.1"))
        assert "CERTIFICATE_VERIFY_FAILED" in caught.value.message
