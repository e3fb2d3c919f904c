"""Dashboard pages in-process: content, evidence highlighting, links, escaping, no inline script."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from conftest import make_article, make_event
from flashpoint.api.app import create_app
from flashpoint.config import Settings
from flashpoint.models import Event, Location, Story, StoryMember
from flashpoint.store import CodedArticle, Store
from flashpoint.web.highlight import evidence_pieces

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette: "use httpx2" (not installed)
    from fastapi.testclient import TestClient

HOSTILE = (
    'North Korea accused Washington of <script>document.title="pwned"</script> aggression. '
    "South Korea agreed to talks with Japan <img src=x onerror=alert(1)>."
)
PAGES = ["/", "/events", "/stories", "/actors", "/actors/PRK", "/network", "/map", "/api/docs"]


def _sample(path: Path) -> tuple[Event, Event]:
    article = make_article(HOSTILE, id="a<1>", title='<b onmouseover="x()">Bold</b> title')
    article = replace(article, url="javascript:alert(1)", outlet="KCNA")
    accuse = make_event(article, "accused")
    agree = make_event(
        article,
        "agreed",
        category="AGREE",
        actors=(("KOR", "GOV", "South Korea"),),
        recipients=(("JPN", "GOV", "Japan"),),
        score=4.0,
        quad_class=1,
        cameo_root="03",
    )
    agree = replace(agree, location=Location("Seoul", "KOR", 37.57, 126.98, 0, 0))
    story = Story(
        story_id="s-1",
        category="ACCUSE",
        actors=("PRK",),
        recipients=("USA",),
        event_date="2024-04-02",
        first_report=datetime(2024, 4, 3, tzinfo=UTC),
        latest_report=datetime(2024, 4, 3, tzinfo=UTC),
        n_events=1,
        n_articles=1,
        n_outlets=1,
        headline=accuse.sentence.text,
        members=(StoryMember(accuse.event_id, article.id, "first report"),),
    )
    with Store(path) as store:
        store.writer.add_articles([article])
        store.writer.store_coded([CodedArticle(article.id, (accuse, agree))], "test")
        store.writer.save_stories([story])
    return accuse, agree


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, Event, Event]]:
    path = tmp_path_factory.mktemp("web") / "web.duckdb"
    accuse, agree = _sample(path)
    with TestClient(create_app(Settings(db_path=path)), base_url="http://127.0.0.1") as client:
        yield client, accuse, agree


def _html(client: TestClient, url: str) -> str:
    response = client.get(url, headers={"accept": "text/html"})
    assert response.status_code == 200, response.text[:300]
    assert response.headers["content-type"].startswith("text/html")
    return str(response.text)


def test_evidence_pieces_mark_actor_trigger_and_recipient_by_offsets() -> None:
    article = make_article("Yesterday North Korea accused Washington of lying.")
    event = make_event(article, "accused")
    pieces = [(p.text, p.role) for p in evidence_pieces(event)]
    assert pieces == [
        ("Yesterday ", None),
        ("North Korea", "actor"),
        (" ", None),
        ("accused", "trigger"),
        (" ", None),
        ("Washington", "recipient"),
        (" of lying.", None),
    ]


def test_evidence_pieces_let_the_trigger_win_an_overlap() -> None:
    article = make_article("Pyongyang fired missiles at Seoul.")
    event = make_event(
        article,
        "fired",
        actors=(("PRK", "GOV", "Pyongyang fired"),),
        recipients=(("KOR", None, "Seoul"),),
    )
    roles = [(p.text, p.role) for p in evidence_pieces(event)]
    assert ("fired", "trigger") in roles
    assert ("Pyongyang ", "actor") in roles


@pytest.mark.parametrize("url", PAGES)
def test_every_page_renders_without_inline_script_or_handlers(
    site: tuple[TestClient, Event, Event], url: str
) -> None:
    html = _html(site[0], url)
    scripts = re.findall(r"<script\b[^>]*>", html, flags=re.IGNORECASE)
    assert scripts == ['<script src="/static/app.js" defer>']
    assert not re.search(r"<[a-z][^>]*\son[a-z]+\s*=", html, flags=re.IGNORECASE)
    assert not re.search(r"<[a-z][^>]*\sstyle\s*=", html, flags=re.IGNORECASE)
    assert "javascript:" not in html


def test_event_explorer_shows_highlighted_evidence_and_escapes_article_text(
    site: tuple[TestClient, Event, Event],
) -> None:
    html = _html(site[0], "/events")
    assert '<mark class="hl-actor" title="actor: PRK GOV">North Korea</mark>' in html
    assert '<mark class="hl-trigger" title="trigger: ACCUSE">accused</mark>' in html
    assert '<mark class="hl-recipient" title="recipient: USA GOV">Washington</mark>' in html
    assert "&lt;script&gt;document.title=&#34;pwned&#34;&lt;/script&gt;" in html
    assert "<script>document.title" not in html
    assert "&lt;b onmouseover=&#34;x()&#34;&gt;Bold&lt;/b&gt; title" in html


def test_event_filter_in_the_explorer_narrows_the_list(
    site: tuple[TestClient, Event, Event],
) -> None:
    client, accuse, agree = site
    html = _html(client, "/events?category=AGREE")
    assert f"/events/{agree.event_id}" in html
    assert f"/events/{accuse.event_id}" not in html
    assert '<span id="result-count">1</span>' in html


def test_an_event_links_to_its_story_and_the_story_lists_its_sources(
    site: tuple[TestClient, Event, Event],
) -> None:
    client, accuse, _ = site
    listing = _html(client, "/events")
    assert '<a class="story-link" href="/stories/s-1">story</a>' in listing
    detail = _html(client, f"/events/{accuse.event_id}")
    assert 'href="/stories/s-1"' in detail
    story = _html(client, "/stories/s-1")
    assert 'id="story-sources"' in story
    assert "/articles/a%3C1%3E" in story or "/articles/a&lt;1&gt;" in story
    assert "KCNA" in story


def test_article_page_escapes_its_text_and_drops_unsafe_links(
    site: tuple[TestClient, Event, Event],
) -> None:
    html = _html(site[0], "/articles/a<1>")
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<img" not in html
    assert "original ↗" not in html  # a javascript: URL is never a link


def test_network_and_map_draw_the_dyads_and_the_located_event(
    site: tuple[TestClient, Event, Event],
) -> None:
    client = site[0]
    network = _html(client, "/network")
    assert 'data-source="PRK" data-target="USA"' in network
    assert 'class="link cooperation" data-source="KOR" data-target="JPN"' in network
    world = _html(client, "/map")
    assert 'class="bubble cooperation"' in world
    assert "Seoul (KOR): 1 events" in world


def test_actor_page_counts_acts_and_partners(site: tuple[TestClient, Event, Event]) -> None:
    html = _html(site[0], "/actors/PRK")
    assert "1 events as actor" in html
    assert 'href="/events?dyad=PRK,USA"' in html


def test_unknown_pages_and_bad_filters_render_readable_errors(
    site: tuple[TestClient, Event, Event],
) -> None:
    client = site[0]
    missing = client.get("/stories/nope", headers={"accept": "text/html"})
    assert missing.status_code == 404
    assert "Not found" in missing.text
    bad = client.get("/events?category=BOMB", headers={"accept": "text/html"})
    assert bad.status_code == 422
    assert "category must be one of" in bad.text


def test_static_assets_are_packaged_and_served(site: tuple[TestClient, Event, Event]) -> None:
    client = site[0]
    css = client.get("/static/app.css")
    assert css.status_code == 200
    assert "--conflict" in css.text
    assert "http" not in re.sub(r"/\*.*?\*/", "", css.text, flags=re.DOTALL)
    js = client.get("/static/app.js")
    assert js.status_code == 200
    assert "fetch(" not in js.text
