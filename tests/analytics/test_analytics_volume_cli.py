"""`--normalise volume` on the series, alerts and brief commands over a hand-built store."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from analytics_builders import build_crisis_store, run_cli


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return build_crisis_store(tmp_path / "fp.duckdb")


run = run_cli


def test_series_csv_adds_the_articles_published_and_coverage(db: Path) -> None:
    args = ["series", "PRK", "USA", "--db", str(db), "--since", "2023-11", "--until", "2024-02"]
    rows = list(csv.DictReader(io.StringIO(run(*args, "--normalise", "volume", "--format", "csv"))))
    assert list(rows[0])[-3:] == ["articles", "reference_articles", "coverage"]
    assert [(r["period"], r["articles"], r["coverage"]) for r in rows] == [
        ("2023-11", "1", "true"),
        ("2023-12", "1", "true"),
        ("2024-01", "7", "true"),
        ("2024-02", "0", "false"),
    ]
    # Every report is about the dyad: as a share of output January is as usual ...
    assert abs(float(rows[2]["escalation_index"])) < 1.0
    # ... and February, with nothing published, has no reading rather than a calm one.
    assert rows[3]["escalation_index"] == ""
    plain = list(csv.DictReader(io.StringIO(run(*args, "--format", "csv"))))
    assert "articles" not in plain[0]
    assert float(plain[2]["escalation_index"]) > 2.0
    assert plain[3]["escalation_index"] != ""


def test_series_table_says_no_coverage(db: Path) -> None:
    out = run(
        "series",
        "PRK",
        "USA",
        "--db",
        str(db),
        "--since",
        "2023-12",
        "--until",
        "2024-02",
        "--normalise",
        "volume",
    )
    assert "normalised by volume" in out
    assert "articles" in next(line for line in out.splitlines() if "period" in line).split()
    february = next(line for line in out.splitlines() if line.startswith("2024-02"))
    assert february.endswith("no coverage")


def test_alerts_normalised_by_volume_see_no_escalation_in_a_busier_month(db: Path) -> None:
    plain = json.loads(run("alerts", "--db", str(db), "--dyad", "PRK,USA", "--format", "json"))
    assert {a["kind"] for a in plain} == {"escalation", "spike"}
    scaled = json.loads(
        run(
            "alerts",
            "--db",
            str(db),
            "--dyad",
            "PRK,USA",
            "--format",
            "json",
            "--normalise",
            "volume",
        )
    )
    assert scaled == []


def test_brief_says_its_index_is_normalised(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "brief.md"
    args = ["brief", "PRK", "--db", str(db), "--dyad", "PRK,USA", "--since", "2024-01-01"]
    run(*args, "--until", "2024-01-31", "-o", str(target), "--normalise", "volume")
    assert "normalised by volume" in target.read_text(encoding="utf-8")
