"""Schemathesis against the OpenAPI schema: generated requests to every operation never
get a server error, and every response carries the security headers (make test-all).

Skipped with the reason when schemathesis is not installed (requirements/dev.in has it).
"""

from __future__ import annotations

import shutil
import tempfile
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from conftest import make_article, make_event
from flashpoint.api.app import LOCAL_HOSTS, create_app
from flashpoint.api.security import CONTENT_SECURITY_POLICY
from flashpoint.config import Settings
from flashpoint.store import CodedArticle, Store
from flashpoint.story_workflow import update_stories

schemathesis: Any = pytest.importorskip(
    "schemathesis",
    reason="schemathesis is not installed: `.venv/bin/pip install -r requirements/dev.txt`",
)
pytestmark = pytest.mark.slow

TEXT = "North Korea accused Washington of provocation on Tuesday. <script>alert(1)</script>"


# The schema is read at collection, before any fixture runs; the database behind the app
# is filled by the module fixture before the first request (the path is fixed here).
DB = Path(tempfile.mkdtemp(prefix="flashpoint-schemathesis-")) / "api.duckdb"
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    # The in-process client sends Host: testserver.
    APP = create_app(
        Settings(db_path=DB, api_token="schemathesis-token"),
        allowed_hosts=(*LOCAL_HOSTS, "testserver"),
        prepare=False,
    )
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@pytest.fixture(scope="module", autouse=True)
def filled_database() -> Iterator[None]:
    article = make_article(TEXT, id="a1", title="t")
    with Store(DB) as store:
        store.writer.add_articles([article])
        store.writer.store_coded([CodedArticle("a1", (make_event(article, "accused"),))], "t")
        update_stories(store)
    yield
    shutil.rmtree(DB.parent, ignore_errors=True)


@schema.parametrize()  # type: ignore[untyped-decorator, unused-ignore]
@settings(max_examples=60, deadline=None)
def test_generated_requests_never_get_a_server_error(case: Any) -> None:
    from schemathesis.checks import not_a_server_error

    response = case.call()
    case.validate_response(response, checks=[not_a_server_error])
    headers = {k.lower(): v[0] if isinstance(v, list) else v for k, v in response.headers.items()}
    assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert headers["x-content-type-options"] == "nosniff"
    assert "access-control-allow-origin" not in headers


def test_the_schema_lists_the_operations_the_fuzzer_covers() -> None:
    paths = set(schema.raw_schema["paths"])
    assert {"/api/events", "/api/articles", "/api/stories", "/api/series", "/api/alerts"} <= paths
