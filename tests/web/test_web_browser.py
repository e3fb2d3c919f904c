"""The dashboard in headless Chromium (Selenium + Debian's chromedriver) against a live server.

Opens every page, applies a filter through the form, follows an event to its story, and
checks that an article carrying <script> shows it as text without running it. Screenshots
go to a temporary directory, or to $FLASHPOINT_SCREENSHOTS when set. Skipped with the
reason when chromium or chromedriver is missing (scripts/install-browser.sh installs them).
"""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from conftest import make_article, make_event
from flashpoint.api.app import create_app
from flashpoint.config import Settings
from flashpoint.models import Event, Location, Story, StoryMember
from flashpoint.store import CodedArticle, Store

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"

pytestmark = [
    pytest.mark.skipif(
        not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()),
        reason="headless Chromium and chromedriver are not installed: run scripts/install-browser.sh",
    ),
]

HOSTILE = (
    "North Korea accused Washington of aggression <script>document.title='pwned';"
    "document.body.setAttribute('data-pwned','1');alert('x')</script> on Monday."
)


def _build(path: Path) -> dict[str, Event]:
    hostile = make_article(HOSTILE, id="hostile", title="<script>alert(2)</script>Hostile")
    calm = make_article(
        "South Korea agreed to hold talks with Japan in Seoul. Japan praised South Korea.",
        id="calm",
        title="Talks agreed",
        published="2024-04-04",
    )
    calm = replace(calm, outlet="Yonhap")
    accuse = make_event(hostile, "accused")
    agree = make_event(
        calm,
        "agreed",
        category="AGREE",
        actors=(("KOR", "GOV", "South Korea"),),
        recipients=(("JPN", "GOV", "Japan"),),
        date="2024-04-04",
        score=4.0,
        quad_class=1,
        cameo_root="03",
    )
    agree = replace(agree, location=Location("Seoul", "KOR", 37.57, 126.98, 0, 0))
    story = Story(
        story_id="s-talks",
        category="AGREE",
        actors=("KOR",),
        recipients=("JPN",),
        event_date="2024-04-04",
        first_report=datetime(2024, 4, 4, tzinfo=UTC),
        latest_report=datetime(2024, 4, 4, tzinfo=UTC),
        n_events=1,
        n_articles=1,
        n_outlets=1,
        headline=agree.sentence.text,
        members=(StoryMember(agree.event_id, calm.id, "first report"),),
    )
    with Store(path) as store:
        store.writer.add_articles([hostile, calm])
        store.writer.store_coded(
            [CodedArticle("hostile", (accuse,)), CodedArticle("calm", (agree,))], "test"
        )
        store.writer.save_stories([story])
    return {"accuse": accuse, "agree": agree}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    path = tmp_path_factory.mktemp("browser") / "browser.duckdb"
    _build(path)
    port = _free_port()
    app = create_app(Settings(db_path=path, watch_dyads=("PRK,USA", "KOR,JPN")))
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    live = uvicorn.Server(config)
    thread = threading.Thread(target=live.run, daemon=True)
    thread.start()
    for _ in range(200):
        if live.started:
            break
        time.sleep(0.05)
    assert live.started, "the test server did not start"
    yield f"http://127.0.0.1:{port}"
    live.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="flashpoint-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
        "--window-size=1280,900",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def shots() -> Path:
    target = os.environ.get("FLASHPOINT_SCREENSHOTS")
    path = Path(target) if target else Path(tempfile.mkdtemp(prefix="flashpoint-shots-"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def _screenshot(driver: Any, shots: Path, name: str) -> Path:
    target = shots / f"{name}.png"
    assert driver.save_screenshot(str(target))
    assert target.stat().st_size > 5000  # a rendered page, not a blank one
    return target


@pytest.mark.parametrize(
    ("path", "heading", "name"),
    [
        ("/", "Overview", "overview"),
        ("/events", "Event explorer", "events"),
        ("/stories", "Stories", "stories"),
        ("/actors/PRK", "North Korea", "actor"),
        ("/network", "Dyad network", "network"),
        ("/map", "Map", "map"),
        ("/api/docs", "HTTP API", "api-docs"),
    ],
)
def test_each_page_opens_with_its_heading_and_styles(
    server: str, browser: Any, shots: Path, *, path: str, heading: str, name: str
) -> None:
    from selenium.webdriver.common.by import By

    browser.get(server + path)
    h1 = browser.find_element(By.TAG_NAME, "h1")
    assert heading in h1.text
    # the packaged stylesheet applied: the top bar is the product's dark blue
    bar = browser.find_element(By.CSS_SELECTOR, "header.topbar")
    assert bar.value_of_css_property("background-color") == "rgba(15, 47, 79, 1)"
    _screenshot(browser, shots, name)


def test_choosing_a_category_filters_the_explorer(server: str, browser: Any, shots: Path) -> None:
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    browser.get(server + "/events")
    assert browser.find_element(By.ID, "result-count").text == "2"
    Select(browser.find_element(By.NAME, "category")).select_by_visible_text("AGREE")

    def filtered(driver: Any) -> bool:
        # the form submits itself on change; wait for the new page's count
        try:
            return bool(driver.find_element(By.ID, "result-count").text == "1")
        except (NoSuchElementException, StaleElementReferenceException):
            return False

    WebDriverWait(browser, 10).until(filtered)
    assert "category=AGREE" in browser.current_url
    cards = browser.find_elements(By.CSS_SELECTOR, ".event-card")
    assert len(cards) == 1
    assert "South Korea agreed to hold talks with Japan" in cards[0].text
    assert "actor=" not in browser.current_url  # empty fields are left out of the URL
    _screenshot(browser, shots, "events-filtered")


def test_an_event_leads_to_its_story_with_every_source(
    server: str, browser: Any, shots: Path
) -> None:
    from selenium.webdriver.common.by import By

    browser.get(server + "/events?category=AGREE")
    browser.find_element(By.CSS_SELECTOR, ".event-card a.story-link").click()
    assert browser.current_url.endswith("/stories/s-talks")
    headline = browser.find_element(By.ID, "story-headline").text
    assert headline.startswith("South Korea agreed to hold talks with Japan")
    sources = browser.find_elements(By.CSS_SELECTOR, "#story-sources tbody tr")
    assert len(sources) == 1
    assert "Yonhap" in sources[0].text
    _screenshot(browser, shots, "story")


def test_an_article_with_script_tags_shows_them_as_text_and_never_runs_them(
    server: str, browser: Any, shots: Path
) -> None:
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    for path in ("/articles/hostile", "/events", "/"):
        browser.get(server + path)
        with pytest.raises(NoAlertPresentException):
            _ = browser.switch_to.alert.text
        assert browser.title != "pwned"
        assert browser.find_element(By.TAG_NAME, "body").get_attribute("data-pwned") is None
    browser.get(server + "/articles/hostile")
    text = browser.find_element(By.ID, "article-text").text
    assert "<script>document.title='pwned';" in text
    assert browser.find_element(By.ID, "article-title").text == "<script>alert(2)</script>Hostile"
    _screenshot(browser, shots, "article-escaped")
