"""From a feed to a webhook: fetched reports are coded, grouped into stories, an escalation
is detected and its alerts are POSTed as JSON to a receiver on loopback, once."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

import pytest

from conftest import make_event
from flashpoint.config import Settings
from flashpoint.models import Article, Event
from flashpoint.store import Store
from flashpoint.watch import Watcher, parse_watch_config, stories_and_alerts
from watch.watch_server import FixtureServer, Route, running_server

# (path, publication day, sentence, trigger, category, quad class, score): a quiet
# consultation in November, then five hostile acts in ISO week 2024-W14.
REPORTS = (
    (
        "/consult",
        "2023-11-13",
        "North Korea consulted South Korea about family reunions at the border village.",
        "consulted",
        "CONSULT",
        1,
        1.0,
    ),
    (
        "/fired",
        "2024-04-01",
        "North Korea fired artillery shells at South Korea near the western islands.",
        "fired",
        "ASSAULT",
        4,
        -9.0,
    ),
    (
        "/threat",
        "2024-04-02",
        "North Korea threatened South Korea with a nuclear retaliation over the drills.",
        "threatened",
        "THREATEN",
        3,
        -6.0,
    ),
    (
        "/accused",
        "2024-04-03",
        "North Korea accused South Korea of spying on its fishing boats in the sea.",
        "accused",
        "ACCUSE",
        3,
        -2.0,
    ),
    (
        "/expelled",
        "2024-04-04",
        "North Korea expelled South Korea officials from the joint industrial zone.",
        "expelled",
        "COERCE",
        4,
        -7.0,
    ),
    (
        "/troops",
        "2024-04-05",
        "North Korea mobilised troops against South Korea along the border on Friday.",
        "mobilised",
        "MOBILIZE",
        4,
        -6.5,
    ),
)
BY_SENTENCE = {r[2]: r for r in REPORTS}


class TriggerCoder:
    """Codes each report's one sentence as its listed event (North Korea against South Korea)."""

    def code_article(self, article: Article) -> list[Event]:
        found = [r for sentence, r in BY_SENTENCE.items() if sentence in article.text]
        return [
            make_event(
                article,
                trigger,
                category=category,
                actors=(("PRK", "GOV", "North Korea"),),
                recipients=(("KOR", "GOV", "South Korea"),),
                date=day,
                quad_class=quad,
                score=score,
            )
            for _, day, _, trigger, category, quad, score in found
        ]

    def code_articles(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        for article in articles:
            yield article, self.code_article(article)


def trigger_coder(settings: Settings) -> TriggerCoder:
    return TriggerCoder()


def page(day: str, sentence: str) -> bytes:
    return (
        f'<html lang="en"><head><title>Report</title>'
        f'<meta property="article:published_time" content="{day}T09:00:00+00:00"></head>'
        f"<body><article><p>{sentence}</p></article></body></html>"
    ).encode()


@pytest.fixture
def server() -> Iterator[FixtureServer]:
    with running_server() as running:
        items = "".join(f"<item><link>{{base}}{r[0]}</link></item>" for r in REPORTS)
        running.route(
            "/rss.xml",
            Route(
                f'<rss version="2.0"><channel>{items}</channel></rss>'.encode(),
                content_type="application/rss+xml",
            ),
        )
        for path, day, sentence, *_ in REPORTS:
            running.route(path, Route(page(day, sentence)))
        running.route("/hook", Route(b"", status=204, content_type=None))
        yield running


def test_an_escalation_in_fetched_news_reaches_the_webhook_once(
    server: FixtureServer, tmp_path: Path
) -> None:
    config = parse_watch_config(
        f"""
allow_private = true
[defaults]
host_interval = 0
[[feed]]
url = "{server.url("/rss.xml")}"
outlet = "Example Wire"
[alerts]
log = false
webhook = "{server.url("/hook")}"
freq = "week"
"""
    )
    watcher = Watcher(
        config,
        Settings(db_path=tmp_path / "news.duckdb"),
        coder_factory=trigger_coder,
        after_coding=stories_and_alerts(config.alerts, today=lambda: date(2024, 4, 5)),
    )
    report, _ = watcher.round()
    assert (report.stored, report.coded, report.events) == (6, 6, 6)
    posts = [json.loads(seen.body) for seen in server.requests if seen.path == "/hook"]
    assert sorted(p["alert"]["kind"] for p in posts) == ["escalation", "spike"]
    for post in posts:
        alert = post["alert"]
        assert (post["type"], alert["actor"], alert["recipient"], alert["period"]) == (
            "flashpoint.alert",
            "PRK",
            "KOR",
            "2024-W14",
        )
        assert len(alert["story_ids"]) == 5
    with Store(tmp_path / "news.duckdb") as store:
        assert len(store.stories()) == 6
    # New coding later re-detects the same alerts; they are not sent again.
    server.route(
        "/late", Route(page("2024-04-05", "Officials in Seoul said the talks would resume in May."))
    )
    server.routes["/rss.xml"].body = server.routes["/rss.xml"].body.replace(
        b"</channel>", b"<item><link>{base}/late</link></item></channel>"
    )
    again, _ = watcher.round(poll_all=True)
    assert (again.stored, again.coded, again.alerts) == (1, 1, 0)
    assert server.hits("/hook") == 2


def test_alerts_of_past_periods_are_history_and_not_delivered(
    server: FixtureServer, tmp_path: Path
) -> None:
    config = parse_watch_config(
        f'allow_private = true\n[defaults]\nhost_interval = 0\n[[feed]]\nurl = "{server.url("/rss.xml")}"\n'
        f'[alerts]\nlog = false\nwebhook = "{server.url("/hook")}"\n'
    )
    watcher = Watcher(
        config,
        Settings(db_path=tmp_path / "news.duckdb"),
        coder_factory=trigger_coder,
        after_coding=stories_and_alerts(config.alerts, today=lambda: date(2025, 1, 10)),
    )
    report, _ = watcher.round()
    assert (report.coded, report.alerts) == (6, 0)
    assert server.hits("/hook") == 0
