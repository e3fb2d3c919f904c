"""Server hardening across every route, derived from the app itself so new routes are covered.

tests/api/test_api_security.py holds the hand-picked cases (token variants, body and
query limits, host check, injection through /api/events and /api/articles filters);
tests/web/test_web_browser.py checks in headless Chromium that a script in an article
never runs. These add: every GET route and every query parameter of the OpenAPI schema
and of the pages, hostile stored content on every page, the CLI filters, and the code
paths (constant-time token comparison, no CORS middleware).
"""

from __future__ import annotations

import html
import inspect
import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
from click.testing import CliRunner

from conftest import make_article, make_event
from flashpoint.api import security
from flashpoint.api.app import create_app
from flashpoint.cli.main import cli
from flashpoint.config import Settings
from flashpoint.store import CodedArticle, Store
from flashpoint.story_workflow import update_stories

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette: "use httpx2" (not installed)
    from fastapi.testclient import TestClient

SCRIPT = "<script>alert('xss')</script>"
IMG = '"><img src=x onerror=alert(1)>'
HOSTILE_TEXT = (
    f"North Korea accused Washington of provocation {SCRIPT} on Tuesday. "
    f"Officials {IMG} said the talks were over."
)
INJECTIONS = [
    "' OR '1'='1",
    "PRK' OR 1=1 --",
    "x'; DROP TABLE events; --",
    '") UNION SELECT text FROM articles --',
    "%",
    "_",
    "*",
    "\x00",
    "PRK%' --",
    "1 OR 1=1",
    "${7*7}{{7*7}}",
]
# Signs of a database error reaching the client ("select " only in JSON: pages have <select>).
LEAKS = ("duckdb", "traceback", "binder error", "catalog error", "parser error")
JSON_LEAKS = (*LEAKS, "select ")
PAGES_WITH_FILTERS = ("/events", "/network", "/map", "/stories")


def _make_db(path: Path) -> Path:
    article = make_article(
        HOSTILE_TEXT, id="a1", title=f"Tensions {SCRIPT}", url="https://x.example/a"
    )
    other = make_article("Japan accused China of an incursion near the islands on Monday.", id="a2")
    with Store(path) as store:
        store.writer.add_articles([article, other])
        store.writer.store_coded(
            [
                CodedArticle("a1", (make_event(article, "accused"),)),
                CodedArticle(
                    "a2",
                    (
                        make_event(
                            other,
                            "accused",
                            actors=(("JPN", "GOV", "Japan"),),
                            recipients=(("CHN", "GOV", "China"),),
                        ),
                    ),
                ),
            ],
            "test coder",
        )
        update_stories(store)
    return path


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _make_db(tmp_path_factory.mktemp("hardening") / "hard.duckdb")


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(Settings(db_path=db)), base_url="http://127.0.0.1")


def _schema_get_params(client: TestClient) -> Iterator[tuple[str, str]]:
    schema = client.get("/openapi.json").json()
    for path, operations in schema["paths"].items():
        get = operations.get("get")
        if get is None or "{" in path:
            continue
        for parameter in get.get("parameters", []):
            if parameter["in"] == "query":
                yield path, parameter["name"]


def _table_counts(db: Path) -> dict[str, int]:
    conn = duckdb.connect(str(db), read_only=True)
    try:
        tables = [
            r[0]
            for r in conn.execute("SELECT table_name FROM information_schema.tables").fetchall()
        ]
        counts = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone() for t in tables}
        return {t: int(row[0]) if row else 0 for t, row in counts.items()}
    finally:
        conn.close()


def _assert_clean_refusal_or_nothing(response: Any, where: str) -> None:
    assert response.status_code in {200, 400, 404, 422}, f"{where}: {response.status_code}"
    text = response.text.lower()
    html_page = response.headers["content-type"].startswith("text/html")
    for leak in LEAKS if html_page else JSON_LEAKS:
        assert leak not in text, f"{where} leaks {leak!r}"
    if response.status_code == 200 and response.headers["content-type"].startswith(
        "application/json"
    ):
        body = response.json()
        if isinstance(body, dict) and "items" in body:
            assert body["items"] == [], f"{where} matched rows"


def test_every_query_parameter_of_every_api_route_resists_injection(
    client: TestClient, db: Path
) -> None:
    before = _table_counts(db)
    params = list(_schema_get_params(client))
    assert len(params) >= 30  # the schema really was read
    for path, name in params:
        for payload in INJECTIONS:
            extra = (
                {"actor": "PRK"}
                if path in ("/api/series", "/api/briefs") and name != "actor"
                else {}
            )
            response = client.get(path, params={**extra, name: payload})
            _assert_clean_refusal_or_nothing(response, f"{path}?{name}={payload!r}")
    assert _table_counts(db) == before
    assert len(client.get("/api/events").json()["items"]) == 2


@pytest.mark.parametrize("page", PAGES_WITH_FILTERS)
def test_every_filter_of_the_pages_resists_injection(client: TestClient, page: str) -> None:
    for name in ("actor", "recipient", "dyad", "category", "status", "since", "until", "article"):
        for payload in INJECTIONS:
            response = client.get(page, params={name: payload}, headers={"accept": "text/html"})
            assert response.status_code in {200, 400, 422}, (page, name, payload)
            lowered = response.text.lower()
            assert not any(leak in lowered for leak in LEAKS), (page, name, payload)
            assert "<script>alert" not in response.text


@pytest.mark.parametrize(
    "template",
    [
        "/api/events/{}",
        "/api/articles/{}",
        "/api/stories/{}",
        "/events/{}",
        "/articles/{}",
        "/stories/{}",
        "/actors/{}",
    ],
)
def test_injection_through_path_ids_is_a_plain_not_found(client: TestClient, template: str) -> None:
    for payload in INJECTIONS:
        if payload in ("\x00",):
            continue
        response = client.get(template.format(payload), headers={"accept": "text/html"})
        assert response.status_code in {200, 404, 422}, (template, payload)
        assert not any(leak in response.text.lower() for leak in LEAKS)
        assert "<script>alert" not in response.text


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (["events", "--actor"], "events"),
        (["events", "--recipient"], "events"),
        (["events", "--dyad"], "events"),
        (["events", "--article"], "events"),
        (["events", "--since"], "events"),
        (["articles", "list", "--outlet"], "articles"),
        (["articles", "list", "--since"], "articles"),
        (["articles", "show"], "articles"),
        (["stories", "--actor"], "stories"),
        (["stories", "--recipient"], "stories"),
        (["series"], "series"),
        (["alerts", "--dyad"], "alerts"),
    ],
)
def test_cli_filters_resist_injection(db: Path, args: list[str], shown: str) -> None:
    before = _table_counts(db)
    for payload in INJECTIONS:
        if payload == "\x00":
            continue
        command = [*args[:-1], args[-1], payload] if args[-1].startswith("--") else [*args, payload]
        result = CliRunner().invoke(cli, [*command, "--db", str(db)])
        assert result.exit_code in {0, 1, 2}, (command, result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            command,
            repr(result.exception),
        )
        lowered = result.output.lower()
        assert "traceback" not in lowered
        assert "north korea accused" not in lowered, f"{shown}: {command} leaked a row"
    assert _table_counts(db) == before


def _html_pages(client: TestClient) -> list[str]:
    event_id = client.get("/api/events?article=a1").json()["items"][0]["event_id"]
    story_id = client.get("/api/stories").json()["items"][0]["story_id"]
    return [
        "/",
        "/events",
        f"/events/{event_id}",
        "/articles/a1",
        "/stories",
        f"/stories/{story_id}",
        "/actors",
        "/actors/PRK",
        "/network",
        "/map",
        "/api/docs",
        "/no-such-page",
    ]


def test_stored_script_and_attribute_breakouts_are_escaped_on_every_page(
    client: TestClient,
) -> None:
    for url in _html_pages(client):
        response = client.get(url, headers={"accept": "text/html"})
        assert response.status_code in {200, 404}, url
        page = response.text
        assert SCRIPT not in page, f"{url} shows a raw script tag"
        assert "<img src=x" not in page, f"{url} lets an attribute break out"
        assert "onerror=alert" not in page.replace("onerror=alert(1)&gt;", "") or (
            html.escape(IMG) in page or "&#34;&gt;&lt;img" in page or "&quot;&gt;&lt;img" in page
        ), url


def test_no_page_has_inline_script_or_event_handler_attributes(client: TestClient) -> None:
    inline_script = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
    handler = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.IGNORECASE)
    for url in _html_pages(client):
        page = client.get(url, headers={"accept": "text/html"}).text
        assert not inline_script.search(page), f"{url} has an inline script"
        assert not handler.search(page), f"{url} has an event handler attribute"


def test_every_route_answers_with_the_security_headers_including_errors(
    client: TestClient,
) -> None:
    urls = [*_html_pages(client), "/openapi.json", "/api/events?limit=0", "/api/events?sort=x"]
    urls += [path for path, _ in _schema_get_params(client)]
    for url in dict.fromkeys(urls):
        for accept in ("application/json", "text/html"):
            response = client.get(url, headers={"accept": accept})
            headers = response.headers
            assert headers["content-security-policy"] == security.CONTENT_SECURITY_POLICY, url
            assert headers["x-content-type-options"] == "nosniff", url
            assert "frame-ancestors 'none'" in headers["content-security-policy"]
            assert "access-control-allow-origin" not in headers, url
    csp = security.CONTENT_SECURITY_POLICY
    script_src = re.search(r"script-src ([^;]*)", csp)
    assert script_src is not None
    assert script_src.group(1).split() == ["'self'"]
    assert "unsafe-inline" not in csp
    assert "unsafe-eval" not in csp


def test_a_post_from_another_origin_gets_no_cors_permission(db: Path) -> None:
    client = TestClient(
        create_app(Settings(db_path=db, api_token="t0ken")), base_url="http://127.0.0.1"
    )
    response = client.options(
        "/api/articles",
        headers={
            "Origin": "https://evil.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, content-type",
        },
    )
    assert "access-control-allow-origin" not in response.headers
    assert "access-control-allow-headers" not in response.headers


def test_the_app_installs_no_cors_middleware(client: TestClient) -> None:
    names = {m.cls.__name__ for m in client.app.user_middleware}  # type: ignore[attr-defined]
    assert "CORSMiddleware" not in names
    assert "HardeningMiddleware" in names


def test_the_write_token_is_compared_with_hmac_compare_digest_only() -> None:
    source = inspect.getsource(security.token_matches)
    assert "hmac.compare_digest" in source
    guard = inspect.getsource(security.require_write_token)
    assert "token_matches(" in guard
    # No plain comparison of the presented token with the configured one anywhere.
    assert not re.search(r"(given|token)\s*[!=]=\s*expected|expected\s*[!=]=", guard)


def test_stories_filtered_by_article_list_only_that_articles_stories(client: TestClient) -> None:
    stories = client.get("/api/stories", params={"article": "a2"}).json()["items"]
    assert len(stories) == 1
    assert stories[0]["actors"] == ["JPN"]
