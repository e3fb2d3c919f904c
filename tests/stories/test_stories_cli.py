"""`flashpoint stories` and `stories show` on a hand-built database."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

from click.testing import CliRunner, Result

from conftest import make_article, make_event
from flashpoint.cli.main import cli
from flashpoint.store import CodedArticle, Store

PRK = (("PRK", "GOV", "North Korea"),)


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def build(db: Path) -> str:
    """Two reports of one launch and one later launch; returns the first event's id."""
    texts = {
        "yna": ("North Korea fired a ballistic missile into the sea.", "2024-04-02", "Yonhap"),
        "kcna": (
            "North Korea test-fired a new ballistic missile into the sea.",
            "2024-04-03",
            "KCNA",
        ),
        "ap": ("North Korea fired a cruise missile off its coast.", "2024-05-20", "AP"),
    }
    articles = [
        replace(
            make_article(text, id=key, published=day, url=f"https://news.example/{key}"),
            outlet=outlet,
        )
        for key, (text, day, outlet) in texts.items()
    ]
    triggers = {"yna": "fired", "kcna": "test-fired", "ap": "fired"}
    days = {"yna": "2024-04-02", "kcna": "2024-04-02", "ap": "2024-05-20"}
    events = {
        a.id: make_event(
            a, triggers[a.id], category="MOBILIZE", actors=PRK, recipients=(), date=days[a.id]
        )
        for a in articles
    }
    with Store(db) as store:
        store.writer.add_articles(articles)
        store.writer.store_coded([CodedArticle(k, (e,)) for k, e in events.items()], "test")
    return events["yna"].event_id


def test_stories_update_groups_then_lists_as_json_and_csv(tmp_path: Path) -> None:
    db = str(tmp_path / "fp.duckdb")
    build(Path(db))
    listed = run("stories", "--db", db, "--update", "--format", "json")
    assert listed.exit_code == 0, listed.output
    stories = json.loads(listed.stdout)
    assert [(s["event_date"], s["n_articles"], s["n_outlets"]) for s in stories] == [
        ("2024-04-02", 2, 2),
        ("2024-05-20", 1, 1),
    ]
    rows = list(csv.DictReader(io.StringIO(run("stories", "--db", db, "--format", "csv").stdout)))
    assert [r["n_articles"] for r in rows] == ["2", "1"]
    filtered = run("stories", "--db", db, "--min-articles", "2", "--format", "json")
    assert [s["n_articles"] for s in json.loads(filtered.stdout)] == [2]
    table = run("stories", "--db", db, "--actor", "PRK", "--since", "2024-05-01")
    assert table.exit_code == 0
    assert "2024-05-20" in table.stdout


def test_show_prints_every_source_with_its_link_quote_and_reason(tmp_path: Path) -> None:
    db = str(tmp_path / "fp.duckdb")
    first_event = build(Path(db))
    run("stories", "--db", db, "--update")
    story_id = "s" + first_event[1:]
    shown = run("stories", "show", story_id[:10], "--db", db)
    assert shown.exit_code == 0, shown.output
    assert "https://news.example/yna" in shown.stdout
    assert "https://news.example/kcna" in shown.stdout
    assert "test-fired a new ballistic missile" in shown.stdout
    assert "first report" in shown.stdout
    assert "wording" in shown.stdout
    as_json = json.loads(run("stories", "show", story_id, "--db", db, "--format", "json").stdout)
    assert [m["article_id"] for m in as_json["members"]] == ["yna", "kcna"]


def test_show_of_an_unknown_story_says_so(tmp_path: Path) -> None:
    db = str(tmp_path / "fp.duckdb")
    build(Path(db))
    result = run("stories", "show", "snothing", "--db", db)
    assert result.exit_code == 1
    assert "no story has the id 'snothing'" in result.output
