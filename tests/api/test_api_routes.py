"""The JSON API in-process over a hand-built store: filters, sorting, cursors, downloads, 404s."""

from __future__ import annotations

import csv
import io
import warnings
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette: "use httpx2" (not installed)
    from fastapi.testclient import TestClient

from conftest import make_article, make_event
from flashpoint.api.app import create_app
from flashpoint.config import Settings
from flashpoint.exports import EVENT_COLUMNS
from flashpoint.models import Event, Location, Story, StoryMember
from flashpoint.store import CodedArticle, Store

N_ARTICLES = 24
START = date(2024, 3, 1)


def _events_for(i: int) -> tuple[Any, list[Event]]:
    text = (
        f"North Korea accused Washington of provocation number {i}. "
        f"South Korea agreed to hold talks with Japan in round {i}."
    )
    article = make_article(text, id=f"a{i:02d}", published=(START + timedelta(days=i)).isoformat())
    article = replace(article, title=f"Report {i}", outlet=("KCNA", "Yonhap", "NHK")[i % 3])
    day = START + timedelta(days=i)
    accuse = make_event(
        article,
        "accused",
        date=None if i % 8 == 7 else day.isoformat(),
        score=-2.0 - (i % 5),
        status="alleged" if i % 4 == 0 else "asserted",
    )
    agree = make_event(
        article,
        "agreed",
        category="AGREE",
        actors=(("KOR", "GOV", "South Korea"),),
        recipients=(("JPN", "GOV", "Japan"),),
        date=day.isoformat(),
        score=None if i % 6 == 5 else 4.0 + (i % 3),
        quad_class=1,
        cameo_root="03",
    )
    if i % 3 == 0:
        agree = replace(agree, location=Location("Seoul", "KOR", 37.57, 126.98, 0, 0))
    return article, [accuse, agree]


def build_store(path: Path) -> list[Event]:
    """24 articles, 48 events (ACCUSE PRK->USA, AGREE KOR->JPN), one story over 3 articles."""
    events: list[Event] = []
    with Store(path) as store:
        for i in range(N_ARTICLES):
            article, found = _events_for(i)
            store.writer.add_articles([article])
            store.writer.store_coded([CodedArticle(article.id, tuple(found))], "test")
            events.extend(found)
        members = [e for e in events if e.category == "AGREE"][:3]
        story = Story(
            story_id="s-talks",
            category="AGREE",
            actors=("KOR",),
            recipients=("JPN",),
            event_date=START.isoformat(),
            first_report=datetime(2024, 3, 1, tzinfo=UTC),
            latest_report=datetime(2024, 3, 3, tzinfo=UTC),
            n_events=3,
            n_articles=3,
            n_outlets=3,
            headline=members[0].sentence.text,
            members=tuple(
                StoryMember(e.event_id, e.article_id, "first report" if k == 0 else "same dyad")
                for k, e in enumerate(members)
            ),
        )
        store.writer.save_stories([story])
    return events


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Event]]:
    path = tmp_path_factory.mktemp("api") / "api.duckdb"
    return path, build_store(path)


@pytest.fixture(scope="module")
def client(sample: tuple[Path, list[Event]]) -> Iterator[TestClient]:
    app = create_app(Settings(db_path=sample[0]))
    with TestClient(app, base_url="http://127.0.0.1") as test_client:
        yield test_client


def _all_pages(client: TestClient, query: str, limit: int) -> list[str]:
    ids: list[str] = []
    url = f"/api/events?{query}&limit={limit}"
    for _ in range(100):
        body = client.get(url).json()
        ids.extend(item["event_id"] for item in body["items"])
        if body["next_cursor"] is None:
            return ids
        url = f"/api/events?{query}&limit={limit}&cursor={body['next_cursor']}"
    raise AssertionError("paging did not end")


def test_events_list_returns_every_event_with_a_count(client: TestClient) -> None:
    body = client.get("/api/events?limit=500").json()
    assert body["count"] == 2 * N_ARTICLES
    assert len(body["items"]) == 2 * N_ARTICLES
    assert body["next_cursor"] is None
    first = body["items"][0]
    assert {"event_id", "category", "actors", "recipients", "sentence", "trigger"} <= set(first)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("actor=PRK", lambda e: e.category == "ACCUSE"),
        ("actor=prk", lambda e: e.category == "ACCUSE"),
        ("recipient=JPN", lambda e: e.category == "AGREE"),
        ("dyad=KOR,JPN", lambda e: e.category == "AGREE"),
        ("dyad=JPN,KOR", lambda e: False),
        ("category=agree", lambda e: e.category == "AGREE"),
        ("status=alleged", lambda e: e.status == "alleged"),
        (
            "since=2024-03-10&until=2024-03-12",
            lambda e: e.date.value in {"2024-03-10", "2024-03-11", "2024-03-12"},
        ),
        ("article=a05", lambda e: e.article_id == "a05"),
    ],
)
def test_event_filters_select_exactly_the_matching_events(
    client: TestClient, sample: tuple[Path, list[Event]], query: str, expected: Any
) -> None:
    body = client.get(f"/api/events?{query}&limit=500").json()
    wanted = {e.event_id for e in sample[1] if expected(e)}
    assert {item["event_id"] for item in body["items"]} == wanted
    assert body["count"] == len(wanted)


def test_events_sort_by_score_descending_puts_unscored_last(client: TestClient) -> None:
    items = client.get("/api/events?sort=-score&limit=500").json()["items"]
    scores = [item["score"] for item in items]
    scored = [s for s in scores if s is not None]
    assert scored == sorted(scored, reverse=True)
    assert scores[len(scored) :] == [None] * (len(scores) - len(scored))


def test_events_sort_by_date_puts_unresolved_dates_last(client: TestClient) -> None:
    items = client.get("/api/events?sort=date&limit=500").json()["items"]
    values = [item["date"]["value"] for item in items]
    dated = [v for v in values if v is not None]
    assert dated == sorted(dated)
    assert values[len(dated) :] == [None] * (len(values) - len(dated))


@pytest.mark.parametrize("sort", ["date", "-date", "score", "-score", "published", "-confidence"])
@pytest.mark.parametrize("query", ["", "actor=PRK", "since=2024-03-05"])
def test_cursor_paging_visits_every_event_once_in_order(
    client: TestClient, sort: str, query: str
) -> None:
    whole = client.get(f"/api/events?sort={sort}&{query}&limit=500").json()["items"]
    paged = _all_pages(client, f"sort={sort}&{query}", limit=7)
    assert len(paged) == len(set(paged))
    assert paged == [item["event_id"] for item in whole]


def test_a_cursor_made_for_other_filters_is_refused(client: TestClient) -> None:
    cursor = client.get("/api/events?actor=PRK&limit=3").json()["next_cursor"]
    response = client.get(f"/api/events?actor=KOR&limit=3&cursor={cursor}")
    assert response.status_code == 400
    assert "another sort or other filters" in response.json()["detail"]


@pytest.mark.parametrize("cursor", ["garbage", "e30", "!!!!", "eyJrIjoxfQ"])
def test_a_malformed_cursor_is_a_400_with_advice(client: TestClient, cursor: str) -> None:
    response = client.get(f"/api/events?cursor={cursor}")
    assert response.status_code == 400
    assert "next_cursor" in response.json()["detail"] or "another sort" in response.json()["detail"]


@pytest.mark.parametrize("limit", [0, -1, 501, 100000])
def test_page_size_is_capped(client: TestClient, limit: int) -> None:
    assert client.get(f"/api/events?limit={limit}").status_code == 422


def test_csv_download_holds_every_matching_event_in_export_columns(client: TestClient) -> None:
    response = client.get("/api/events?actor=PRK&format=csv")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(response.text)))
    assert tuple(rows[0]) == EVENT_COLUMNS
    assert len(rows) - 1 == N_ARTICLES
    assert {row[EVENT_COLUMNS.index("category")] for row in rows[1:]} == {"ACCUSE"}


def test_parquet_download_reads_back_with_pyarrow(client: TestClient) -> None:
    response = client.get("/api/events?category=AGREE&format=parquet")
    assert response.status_code == 200
    table = pq.read_table(pa.BufferReader(response.content))
    assert table.num_rows == N_ARTICLES
    assert tuple(table.column_names) == EVENT_COLUMNS
    assert set(table.column("category").to_pylist()) == {"AGREE"}


def test_one_event_by_id(client: TestClient, sample: tuple[Path, list[Event]]) -> None:
    event = sample[1][3]
    body = client.get(f"/api/events/{event.event_id}").json()
    assert body == event.to_dict()


@pytest.mark.parametrize(
    "url", ["/api/events/e-missing", "/api/articles/missing", "/api/stories/missing"]
)
def test_unknown_ids_answer_404_with_the_id(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert "missing" in response.json()["detail"]


def test_articles_list_leaves_text_out_unless_asked(client: TestClient) -> None:
    body = client.get("/api/articles?limit=5").json()
    assert body["count"] == N_ARTICLES
    assert [item["id"] for item in body["items"]] == ["a23", "a22", "a21", "a20", "a19"]
    assert all("text" not in item and item["events"] == 2 for item in body["items"])
    with_text = client.get("/api/articles?limit=1&include_text=true").json()["items"][0]
    assert with_text["text"].startswith("North Korea accused")


def test_articles_filter_by_outlet_and_page_with_cursor(client: TestClient) -> None:
    first = client.get("/api/articles?outlet=nhk&limit=5").json()
    second = client.get(f"/api/articles?outlet=nhk&limit=5&cursor={first['next_cursor']}").json()
    ids = [i["id"] for i in first["items"] + second["items"]]
    assert first["count"] == 8
    assert len(ids) == len(set(ids)) == 8
    assert second["next_cursor"] is None


def test_article_detail_holds_its_text_and_events(client: TestClient) -> None:
    body = client.get("/api/articles/a04").json()
    assert body["title"] == "Report 4"
    assert {e["category"] for e in body["events"]} == {"ACCUSE", "AGREE"}


def test_stories_list_and_one_story_with_its_members(client: TestClient) -> None:
    listed = client.get("/api/stories?actor=KOR").json()
    assert [s["story_id"] for s in listed["items"]] == ["s-talks"]
    story = client.get("/api/stories/s-talks").json()
    assert story["n_articles"] == 3
    assert [m["article_id"] for m in story["members"]] == ["a00", "a01", "a02"]
    assert client.get("/api/stories?actor=USA").json()["items"] == []


def test_series_counts_the_dyads_stories_per_period(client: TestClient) -> None:
    body = client.get("/api/series?actor=KOR&recipient=JPN&freq=month").json()
    assert body["actor"] == "KOR"
    assert body["points"]
    assert sum(p["events"] for p in body["points"]) == N_ARTICLES


def test_series_normalised_by_volume_carries_each_periods_article_count(
    client: TestClient,
) -> None:
    body = client.get("/api/series?actor=KOR&recipient=JPN&freq=month&normalise=volume").json()
    assert body["normalise"] == "volume"
    assert sum(p["articles"] for p in body["points"]) >= N_ARTICLES
    assert all("coverage" in p for p in body["points"])


def test_series_refuses_an_unknown_normalisation(client: TestClient) -> None:
    assert client.get("/api/series?actor=KOR&normalise=sideways").status_code == 422


def test_alerts_list_is_empty_when_none_were_detected(client: TestClient) -> None:
    body = client.get("/api/alerts").json()
    assert body["items"] == []


def test_openapi_schema_lists_every_api_route(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for route in (
        "/api/events",
        "/api/events/{event_id}",
        "/api/articles",
        "/api/stories",
        "/api/series",
        "/api/alerts",
        "/api/briefs",
    ):
        assert route in paths
    assert "post" in paths["/api/articles"]


def test_api_docs_page_is_served_offline_from_the_schema(client: TestClient) -> None:
    response = client.get("/api/docs")
    assert response.status_code == 200
    assert "/api/events" in response.text
    assert "cdn" not in response.text.lower()
    assert '<script src="/static/app.js"' in response.text
    assert client.get("/docs").status_code == 404


def test_brief_as_markdown_names_the_dyad_and_its_period(client: TestClient) -> None:
    response = client.get("/api/briefs?actor=KOR&recipient=JPN&until=2024-03-24&days=30")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/markdown")
    assert "2024-02-24 to 2024-03-24" in response.text


def test_brief_as_html_has_its_own_policy_without_script(client: TestClient) -> None:
    response = client.get(
        "/api/briefs?actor=KOR&recipient=JPN&until=2024-03-24&days=30&format=html"
    )
    assert response.status_code == 200
    csp = response.headers["content-security-policy"]
    assert "script-src" not in csp
    assert csp.startswith("default-src 'none'")
    assert "<script" not in response.text.lower()


def test_brief_without_events_in_the_window_is_a_404(client: TestClient) -> None:
    response = client.get("/api/briefs?actor=KOR&until=2020-01-31&days=7")
    assert response.status_code == 404
    assert "no events" in response.json()["detail"]


def test_every_api_route_and_parameter_is_documented_in_api_md(client: TestClient) -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "API.md").read_text(encoding="utf-8")
    schema = client.get("/openapi.json").json()
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            assert f"{method.upper()} {path}" in doc, (
                f"{method.upper()} {path} is not in docs/API.md"
            )
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "query":
                    assert f"`{parameter['name']}" in doc, (
                        f"parameter {parameter['name']} of {path} is not in docs/API.md"
                    )
