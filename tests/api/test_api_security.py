"""Server hardening: headers, size limits, host check, token-guarded writes, injection, locks."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import make_article, make_event
from flashpoint.api.app import create_app
from flashpoint.api.security import CONTENT_SECURITY_POLICY, token_matches
from flashpoint.config import Settings
from flashpoint.models import Article, Event
from flashpoint.store import CodedArticle, Store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette: "use httpx2" (not installed)
    from fastapi.testclient import TestClient

TOKEN = "s3cret-token-for-tests"
TEXT = "North Korea accused Washington of provocation. South Korea agreed to talks with Japan."


class FakeCoder:
    """Codes one ACCUSE event wherever 'accused' appears (no spaCy)."""

    def code_article(self, article: Article) -> list[Event]:
        if "accused" not in article.text:
            return []
        return [
            make_event(
                article,
                "accused",
                actors=(("JPN", "GOV", "Japan"),),
                recipients=(("CHN", "GOV", "China"),),
            )
        ]

    def code_articles(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        for article in articles:
            yield article, self.code_article(article)


def _fake_factory(settings: Settings) -> FakeCoder:
    return FakeCoder()


def _make_db(path: Path) -> Path:
    article = make_article(TEXT, id="a1", title="Tensions")
    with Store(path) as store:
        store.writer.add_articles([article])
        store.writer.store_coded([CodedArticle("a1", (make_event(article, "accused"),))], "t")
    return path


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A fresh store for tests that write or lock it."""
    return _make_db(tmp_path / "sec.duckdb")


@pytest.fixture(scope="module")
def reader(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    """One read-only client over one store for the many read-only checks."""
    return _client(_make_db(tmp_path_factory.mktemp("sec") / "sec.duckdb"))


def _client(db: Path, token: str | None = None, **kwargs: Any) -> TestClient:
    app = create_app(Settings(db_path=db, api_token=token), coder_factory=_fake_factory, **kwargs)
    return TestClient(app, base_url="http://127.0.0.1")


def _post(client: TestClient, headers: dict[str, str] | None = None) -> Any:
    body = {
        "articles": [
            {
                "id": "new1",
                "text": "Japan accused China of an incursion near the islands.",
                "published_at": "2024-05-01T00:00:00Z",
            }
        ]
    }
    return client.post("/api/articles", json=body, headers=headers or {})


@pytest.mark.parametrize(
    "url", ["/api/events", "/", "/events", "/static/app.css", "/nope", "/api/events/x"]
)
def test_every_response_carries_the_security_headers(reader: TestClient, url: str) -> None:
    response = reader.get(url, headers={"accept": "text/html"})
    csp = response.headers["content-security-policy"]
    assert csp == CONTENT_SECURITY_POLICY
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"


def test_no_cors_headers_are_sent_to_other_origins(db: Path) -> None:
    client = _client(db)
    response = client.get("/api/events", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in response.headers
    preflight = client.options(
        "/api/events",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"},
    )
    assert "access-control-allow-origin" not in preflight.headers


def test_a_foreign_host_header_is_refused(db: Path) -> None:
    response = _client(db).get("/api/events", headers={"Host": "attacker.example"})
    assert response.status_code == 400
    assert response.headers["x-content-type-options"] == "nosniff"


def test_writes_are_refused_with_403_when_no_token_is_configured(db: Path) -> None:
    response = _post(_client(db), {"Authorization": "Bearer anything"})
    assert response.status_code == 403
    assert "api_token" in response.json()["detail"]


@pytest.mark.parametrize(
    "header",
    [None, "Bearer wrong", f"Basic {TOKEN}", f"Bearer {TOKEN}x", "Bearer ", f"bearer{TOKEN}"],
)
def test_writes_need_the_exact_bearer_token(db: Path, header: str | None) -> None:
    headers = {"Authorization": header} if header is not None else {}
    response = _post(_client(db, TOKEN), headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    with Store(db, read_only=True) as store:
        assert store.article("new1") is None


def test_a_write_with_the_token_stores_and_codes_the_article(db: Path) -> None:
    client = _client(db, TOKEN)
    response = _post(client, {"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 201
    body = response.json()
    assert body["stored"] == [{"id": "new1", "events": 1}]
    assert body["events"] == 1
    # the new event and the fixture's ungrouped one each found a story (different dyads)
    assert body["stories"] == {"founded": 2, "joined": 0}
    events = client.get("/api/events?article=new1").json()["items"]
    assert [e["category"] for e in events] == ["ACCUSE"]
    again = _post(client, {"Authorization": f"Bearer {TOKEN}"}).json()
    assert again["stored"] == []
    assert again["duplicates"][0]["id"] == "new1"


def test_token_comparison_is_exact() -> None:
    assert token_matches("abc", "abc")
    assert not token_matches("abc", "abd")
    assert not token_matches("ab", "abc")
    assert not token_matches("", "abc")


def test_a_body_over_the_limit_is_refused_before_reading(db: Path) -> None:
    client = _client(db, TOKEN, max_body_bytes=1000)
    big = json.dumps({"articles": [{"text": "x" * 5000}]})
    response = client.post(
        "/api/articles",
        content=big,
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
    )
    assert response.status_code == 413
    assert "1000 bytes" in response.json()["detail"]


def test_a_streamed_body_over_the_limit_is_refused(db: Path) -> None:
    client = _client(db, TOKEN, max_body_bytes=1000)

    def chunks() -> Iterator[bytes]:
        yield b'{"articles": [{"text": "'
        for _ in range(20):
            yield b"y" * 200
        yield b'"}]}'

    response = client.post(
        "/api/articles",
        content=chunks(),
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
    )
    assert response.status_code == 413


def test_an_overlong_query_string_is_refused(db: Path) -> None:
    response = _client(db).get("/api/events?article=" + "a" * 5000)
    assert response.status_code == 414


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_the_api_has_no_other_write_methods(reader: TestClient, method: str) -> None:
    response = getattr(reader, method)("/api/events")
    assert response.status_code == 405


INJECTIONS = [
    "' OR '1'='1",
    "PRK' OR 1=1 --",
    "PRK; DROP TABLE events; --",
    "%",
    "_",
    "PRK%",
    "*",
    '") UNION SELECT * FROM articles --',
    "<script>alert(1)</script>",
    "\x00",
    "../../etc/passwd",
]
EVENT_PARAMS = [
    "actor",
    "recipient",
    "dyad",
    "category",
    "status",
    "since",
    "until",
    "article",
    "sort",
    "cursor",
    "format",
    "limit",
]


@pytest.mark.parametrize("param", EVENT_PARAMS)
@pytest.mark.parametrize("payload", INJECTIONS)
def test_injection_through_event_filters_matches_nothing_and_changes_nothing(
    reader: TestClient, param: str, payload: str
) -> None:
    client = reader
    response = client.get("/api/events", params={param: payload})
    assert response.status_code in {200, 400, 422}
    if response.status_code == 200:
        assert response.json()["items"] == []
    text = response.text.lower()
    for leak in ("duckdb", "traceback", "select "):
        assert leak not in text
    assert len(client.get("/api/events").json()["items"]) == 1


@pytest.mark.parametrize("param", ["outlet", "since", "until", "coded", "sort", "cursor"])
@pytest.mark.parametrize("payload", INJECTIONS[:5])
def test_injection_through_article_filters_matches_nothing(
    reader: TestClient, param: str, payload: str
) -> None:
    response = reader.get("/api/articles", params={param: payload})
    assert response.status_code in {200, 400, 422}
    if response.status_code == 200:
        assert response.json()["items"] == []


@pytest.mark.parametrize("payload", ["' OR 1=1 --", "x' UNION SELECT text FROM articles --"])
def test_injection_through_ids_is_a_plain_404(reader: TestClient, payload: str) -> None:
    for url in ("/api/events/", "/api/articles/", "/api/stories/"):
        response = reader.get(url + payload)
        assert response.status_code == 404


HOLD_WRITER = """
import sys, time, duckdb
conn = duckdb.connect(sys.argv[1])
print("held", flush=True)
sys.stdin.readline()
"""


def test_reads_answer_503_with_retry_after_while_another_process_writes(db: Path) -> None:
    client = _client(db)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_WRITER, str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "held"
        response = client.get("/api/events")
        assert response.status_code == 503
        assert response.headers["retry-after"] == "5"
        assert "database busy" in response.json()["detail"]
        page = client.get("/events", headers={"accept": "text/html"})
        assert page.status_code == 503
        assert "Database busy" in page.text
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(timeout=30)
    assert client.get("/api/events").status_code == 200


def _writer_can_open(db: Path) -> str:
    check = subprocess.run(
        [
            sys.executable,
            "-c",
            "import duckdb, sys; duckdb.connect(sys.argv[1]).close(); print('ok')",
            str(db),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    return check.stdout.strip() or check.stderr


def test_without_linger_the_file_is_free_for_a_writer_right_after_a_request(db: Path) -> None:
    client = TestClient(
        create_app(Settings(db_path=db), linger_seconds=0), base_url="http://127.0.0.1"
    )
    assert client.get("/api/events").status_code == 200
    assert _writer_can_open(db) == "ok"


def test_the_server_lets_go_of_the_file_once_requests_stop(db: Path) -> None:
    app = create_app(Settings(db_path=db), linger_seconds=0.2)
    client = TestClient(app, base_url="http://127.0.0.1")
    for _ in range(3):
        assert client.get("/api/events").status_code == 200
    access = app.state.store_access
    assert access.holds_file  # kept between close requests: cheap connections
    for _ in range(100):  # bounded wait for the idle timer, not a timing assertion
        if not access.holds_file:
            break
        time.sleep(0.05)
    assert not access.holds_file
    assert _writer_can_open(db) == "ok"
