"""The real coder end to end: demo sample through ingest, code, events and extract."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import flashpoint
from flashpoint.cli.main import cli
from flashpoint.store import Store

SAMPLE = Path(__file__).resolve().parents[2] / "src/flashpoint/data/sample/korea_sample.jsonl"

pytestmark = [
    pytest.mark.needs_model,
    pytest.mark.skipif(
        importlib.util.find_spec("flashpoint.coding.coder") is None,
        reason="flashpoint.coding.coder (the real coder) is not in this checkout yet",
    ),
]


def test_sample_is_ingested_coded_and_every_offset_points_at_its_evidence(
    parser_model: str, tmp_path: Path
) -> None:
    db = str(tmp_path / "e2e.duckdb")
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(SAMPLE), "--db", db]).exit_code == 0
    coded = runner.invoke(cli, ["code", "--db", db])
    assert coded.exit_code == 0, coded.output
    assert "0 failed" in coded.stdout
    with Store(db) as store:
        articles = {a.id: a for a in store.articles()}
        events = store.events()
        assert store.pending_article_ids() == []
    assert len(articles) == len(SAMPLE.read_text().splitlines())
    assert len(events) >= len(articles)
    for event in events:
        text = articles[event.article_id].text
        assert text[event.sentence.start : event.sentence.end] == event.sentence.text
        assert text[event.trigger.start : event.trigger.end] == event.trigger.text
        for entity in (*event.actors, *event.recipients):
            assert text[entity.start : entity.end] == entity.name

    recoded = runner.invoke(cli, ["code", "--db", db, "--recode"])
    assert recoded.exit_code == 0
    with Store(db) as store:
        assert [e.event_id for e in store.events()] == [e.event_id for e in events]

    extracted = runner.invoke(cli, ["extract", str(SAMPLE)])
    assert extracted.exit_code == 0
    stateless = {json.loads(line)["event_id"] for line in extracted.stdout.splitlines()}
    assert stateless == {e.event_id for e in events}


def test_notebook_extract_codes_plain_strings(parser_model: str) -> None:
    events = flashpoint.extract(
        ["North Korea fired a ballistic missile into the sea on Tuesday."],
        published="2024-04-03",
    )
    assert events
    assert any(a.code == "PRK" for e in events for a in e.actors)
    frame = flashpoint.events_frame(events)
    assert len(frame) == len(events)
