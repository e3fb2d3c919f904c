"""Exports: JSON Lines round trip, CSV columns, Parquet read by DuckDB, CAMEO dyad rows."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import duckdb
import pytest

from conftest import make_article, make_event
from flashpoint.errors import FlashpointError
from flashpoint.exports import CAMEO_COLUMNS, EVENT_COLUMNS, cameo_rows, export_events
from flashpoint.models import Event

TEXT = "Japan and South Korea condemned Pyongyang and Moscow. The UN Security Council met."
URLS = {"a": "https://news.example/a"}


def sample_events() -> list[Event]:
    article = make_article(TEXT, id="a")
    return [
        make_event(
            article,
            "condemned",
            actors=(("JPN", "GOV", "Japan"), ("KOR", "GOV", "South Korea")),
            recipients=(("PRK", "GOV", "Pyongyang"), ("RUS", None, "Moscow")),
        ),
        make_event(
            article,
            "met",
            category="CONSULT",
            actors=(("IGO:UNO", None, "UN Security Council"),),
            recipients=(),
            score=1.0,
            quad_class=1,
            cameo_root="04",
        ),
    ]


def test_jsonl_is_the_documented_event_json_and_round_trips() -> None:
    out = io.StringIO()
    assert export_events(sample_events(), "jsonl", stream=out) == 2
    lines = out.getvalue().splitlines()
    assert [Event.from_dict(json.loads(line)) for line in lines] == sample_events()
    assert set(json.loads(lines[0])) >= {"event_id", "actors", "sentence", "trigger", "date"}


def test_csv_has_every_column_and_joins_lists() -> None:
    out = io.StringIO()
    export_events(sample_events(), "csv", stream=out, urls=URLS)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == EVENT_COLUMNS
    assert rows[0]["actor_codes"] == "JPN;KOR"
    assert rows[0]["recipient_sectors"] == "GOV;"
    assert rows[0]["source_url"] == "https://news.example/a"
    assert rows[1]["recipient_codes"] == ""


def test_parquet_is_readable_by_duckdb_with_list_columns(tmp_path: Path) -> None:
    path = tmp_path / "out" / "events.parquet"
    assert export_events(sample_events(), "parquet", path=path, urls=URLS) == 2
    conn = duckdb.connect()
    rows = conn.execute(
        "SELECT event_id, actor_codes, score, quad_class, source_url FROM read_parquet(?) "
        "ORDER BY category",
        [str(path)],
    ).fetchall()
    events = sample_events()
    assert rows == [
        (events[0].event_id, ["JPN", "KOR"], -2.0, 3, "https://news.example/a"),
        (events[1].event_id, ["IGO:UNO"], 1.0, 1, "https://news.example/a"),
    ]
    columns = [
        r[0] for r in conn.execute("DESCRIBE SELECT * FROM read_parquet(?)", [str(path)]).fetchall()
    ]
    assert tuple(columns) == EVENT_COLUMNS


def test_parquet_without_a_path_is_refused() -> None:
    with pytest.raises(FlashpointError, match="-o"):
        export_events(sample_events(), "parquet", stream=io.StringIO())


def test_cameo_table_has_one_row_per_actor_recipient_pair() -> None:
    rows = cameo_rows(sample_events(), URLS)
    pairs = [(r["actor_code"], r["recipient_code"]) for r in rows]
    assert pairs == [
        ("JPN", "PRK"),
        ("JPN", "RUS"),
        ("KOR", "PRK"),
        ("KOR", "RUS"),
        ("IGO:UNO", None),
    ]
    assert tuple(rows[0]) == CAMEO_COLUMNS
    assert rows[0]["cameo_root"] == "11"
    assert rows[0]["quad_class"] == 3
    assert rows[0]["plover_score"] == -2.0
    assert rows[0]["date"] == "2024-04-02"
    assert rows[3]["recipient_sector"] is None


def test_cameo_export_writes_csv_with_the_dyad_columns(tmp_path: Path) -> None:
    path = tmp_path / "dyads.csv"
    assert export_events(sample_events(), "cameo", path=path, urls=URLS) == 5
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert tuple(rows[0]) == CAMEO_COLUMNS
    assert rows[4]["actor_code"] == "IGO:UNO"
    assert rows[4]["recipient_code"] == ""


def test_unknown_format_is_refused() -> None:
    with pytest.raises(FlashpointError, match="xml"):
        export_events([], "xml", stream=io.StringIO())
