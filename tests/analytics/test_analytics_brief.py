"""Briefs: headline numbers, timeline with evidence and sources, alerts; HTML escapes article text."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from analytics_builders import EventBook, group
from flashpoint.analytics.brief import build_brief, markdown_escape, render_brief
from flashpoint.analytics.charts import sparkline
from flashpoint.errors import FlashpointError
from flashpoint.store import Store

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "fp.duckdb") as opened:
        yield opened


def fill(store: Store) -> EventBook:
    book = EventBook(store)
    for month in range(1, 13):
        book.add(f"2023-{month:02d}-10")
    reports = [
        book.add(
            "2024-01-05",
            "ASSAULT",
            extra=" <script>alert('x')</script> & more",
            url=f"https://news.example/shelling-{n}",
        )
        for n in range(3)
    ]
    group(store, "s-shelling", reports)
    book.add("2024-01-20", "THREATEN", url="javascript:alert(1)")
    return book


def test_html_brief_escapes_article_text_and_is_self_contained(store: Store) -> None:
    fill(store)
    brief = build_brief(
        store, "PRK", dyad=("PRK", "USA"), since=date(2024, 1, 1), until=date(2024, 1, 31)
    )
    html = render_brief(brief, "html")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more" in html
    assert 'src="data:image/png;base64,' in html
    assert 'src="http' not in html
    assert "<link" not in html
    assert "javascript:" not in html  # only http(s) source links are kept
    assert 'href="https://news.example/shelling-0"' in html


def test_brief_holds_numbers_timeline_with_sources_and_alerts(store: Store) -> None:
    fill(store)
    brief = build_brief(
        store, "PRK", dyad=("PRK", "USA"), since=date(2024, 1, 1), until=date(2024, 1, 31)
    )
    numbers = {n.label: (n.value, n.before) for n in brief.numbers}
    assert numbers["stories (real events)"] == ("2", "1")  # December 2023 had one accusation
    assert numbers["events (reports coded)"] == ("4", "1")
    lead = brief.timeline[0]
    assert lead.story.story_id == "s-shelling"
    assert lead.articles == 3
    assert lead.urls == tuple(f"https://news.example/shelling-{n}" for n in range(3))
    assert "shelled Washington" in lead.story.headline
    assert [a.kind for a in brief.alerts] == ["escalation"]
    assert brief.alerts[0].story_ids[0] == "s-shelling"
    assert brief.chart_png.startswith(PNG_MAGIC)


def test_markdown_brief_links_the_chart_and_neutralises_markup(store: Store) -> None:
    fill(store)
    brief = build_brief(
        store, "PRK", dyad=("PRK", "USA"), since=date(2024, 1, 1), until=date(2024, 1, 31)
    )
    text = render_brief(brief, "md", chart_name="brief.png")
    assert "![PRK -\\> USA by day](brief.png)" in text
    assert "| 2024-01-05 | 3 | 1 | 1 | 0 | -9.0 | +2.15 |" in text
    assert "\\<script\\>" in text
    assert "## Main stories" in text
    assert "## Alerts" in text
    assert "- <https://news.example/shelling-0>" in text


def test_brief_without_events_says_so(store: Store) -> None:
    fill(store)
    with pytest.raises(FlashpointError) as raised:
        build_brief(
            store, "PRK", dyad=("PRK", "JPN"), since=date(2024, 1, 1), until=date(2024, 1, 31)
        )
    assert raised.value.code == "FP601"


def test_markdown_escape_turns_markup_into_text() -> None:
    assert markdown_escape("*bold* [x](y) <b>") == "\\*bold\\* \\[x\\](y) \\<b\\>"


def test_sparkline_scales_between_the_lowest_and_highest_value() -> None:
    assert sparkline([0.0, 1.0, None, 2.0]) == "▁▅ █"
    assert sparkline([None, None]) == "  "
    assert sparkline([3.0, 3.0]) == "▅▅"
