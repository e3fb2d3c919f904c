"""The series, alerts and brief commands over a hand-built store."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from analytics_builders import build_crisis_store, run_cli
from flashpoint.cli.main import cli

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return build_crisis_store(tmp_path / "fp.duckdb")


run = run_cli


def test_series_csv_has_the_documented_columns_and_counts_stories(db: Path) -> None:
    out = run("series", "PRK", "USA", "--db", str(db), "--since", "2023-11", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == [
        "period",
        "events",
        "stories",
        "conflict",
        "cooperation",
        "score_sum",
        "escalation_index",
    ]
    assert [(r["period"], r["events"], r["stories"]) for r in rows] == [
        ("2023-11", "1", "1"),
        ("2023-12", "1", "1"),
        ("2024-01", "7", "5"),
    ]
    assert float(rows[-1]["escalation_index"]) > 2.0


def test_series_table_shows_a_sparkline_and_plot_writes_a_png(db: Path, tmp_path: Path) -> None:
    chart = tmp_path / "chart.png"
    out = run("series", "PRK", "USA", "--db", str(db), "--plot", str(chart))
    header = next(line for line in out.splitlines() if "period" in line)
    assert header.split() == [
        "period",
        "events",
        "stories",
        "conflict",
        "cooperation",
        "score_sum",
        "escalation_index",
    ]
    sparkline = next(line for line in out.splitlines() if line.startswith("index"))
    assert set(sparkline.split(maxsplit=1)[1]) <= set("▁▂▃▄▅▆▇█ ")
    assert chart.read_bytes().startswith(PNG_MAGIC)


def test_series_json_is_a_list_of_points(db: Path) -> None:
    points = json.loads(
        run("series", "PRK", "--db", str(db), "--since", "2024-01", "--format", "json")
    )
    assert [(p["period"], p["stories"], p["by_category"]) for p in points] == [
        ("2024-01", 5, {"ASSAULT": 1, "THREATEN": 4})
    ]


def test_alerts_command_twice_lists_the_same_alerts(db: Path) -> None:
    first = json.loads(run("alerts", "--db", str(db), "--dyad", "PRK,USA", "--format", "json"))
    second = json.loads(run("alerts", "--db", str(db), "--dyad", "PRK,USA", "--format", "json"))
    assert [a["alert_id"] for a in first] == [a["alert_id"] for a in second]
    assert [(a["period"], a["kind"]) for a in first] == [
        ("2024-01", "escalation"),
        ("2024-01", "spike"),
    ]
    assert first[0]["story_ids"][0] == "s-shelling"


def test_brief_html_file_is_self_contained(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "brief.html"
    args = ["brief", "PRK", "--db", str(db), "--dyad", "PRK,USA", "--since", "2024-01-01"]
    run(*args, "--until", "2024-01-31", "--format", "html", "-o", str(target))
    html = target.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "data:image/png;base64," in html
    assert "s-shelling" in html


def test_brief_markdown_writes_the_chart_beside_it(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "brief.md"
    args = ["brief", "PRK", "--db", str(db), "--dyad", "PRK,USA", "--since", "2024-01-01"]
    run(*args, "--until", "2024-01-31", "-o", str(target))
    assert "](brief.png)" in target.read_text(encoding="utf-8")
    assert (tmp_path / "brief.png").read_bytes().startswith(PNG_MAGIC)


def test_series_without_events_is_an_error_with_a_hint(db: Path) -> None:
    result = CliRunner().invoke(cli, ["series", "PRK", "JPN", "--db", str(db)])
    assert result.exit_code == 1
    assert "FP601" in result.output
