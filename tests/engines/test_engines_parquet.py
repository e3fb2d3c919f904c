"""The engines' Parquet form, partitioning, streaming and import, with a fake coder (no model)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import make_article, make_event
from flashpoint.config import Settings
from flashpoint.engines.dask_engine import check_output_dir, iter_partitions
from flashpoint.engines.inputs import read_batch_inputs
from flashpoint.engines.local import code_stream
from flashpoint.engines.parquet_import import import_parquet
from flashpoint.engines.parquet_records import event_to_row, row_to_event
from flashpoint.engines.partitions import code_partition
from flashpoint.errors import ConfigError, InputError
from flashpoint.ingest import ReadOptions
from flashpoint.models import Article, Entity, Event, EventDate, Location, Rejection
from flashpoint.store import Store


class FakeCoder:
    """One ACCUSE event per "condemned"; "EXPLODE" in a text makes the coder raise."""

    def code_article(self, article: Article) -> list[Event]:
        if "EXPLODE" in article.text:
            raise RuntimeError("the fake coder cannot read this")
        if "condemned" not in article.text:
            return []
        return [make_event(article, "condemned", recipients=())]

    def code_articles(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        batch = list(articles)
        if any("EXPLODE" in a.text for a in batch):
            raise RuntimeError("batch failed")
        for article in batch:
            yield article, self.code_article(article)


def fake_factory(settings: Settings) -> FakeCoder:
    return FakeCoder()


def _articles(n: int) -> list[Article]:
    return [
        make_article(
            f"Officials in Seoul condemned North Korea over launch number {i}. Washington agreed."
            if i % 2 == 0
            else f"The markets were calm on day {i} and nothing else happened at all.",
            id=f"a{i}",
        )
        for i in range(n)
    ]


def test_parquet_row_round_trips_every_event_field() -> None:
    article = make_article("North Korea condemned Washington on Tuesday. Pyongyang said so.")
    base = make_event(article, "condemned")
    event = Event(
        **{
            **{f: getattr(base, f) for f in base.__slots__},
            "location": Location("Pyongyang", "PRK", 39.03, 125.75, 46, 55),
            "attribution": Entity("PRK", "GOV", "Pyongyang", 46, 55),
            "date": EventDate("2024-04-02", "day", "exact", "Tuesday", 35, 42, "weekday"),
            "reciprocal": True,
        }
    )
    assert row_to_event(event_to_row(event)) == event
    assert row_to_event(event_to_row(base)) == base


def test_partitions_group_articles_and_keep_rejections_with_them() -> None:
    rejection = Rejection("in.jsonl:2", "FP201", "empty")
    stream: list[Article | Rejection] = [*_articles(5), rejection]
    parts = list(iter_partitions(stream, 2))
    assert [(i, [a.id for a in arts], len(rej)) for i, arts, rej in parts] == [
        (0, ["a0", "a1"], 0),
        (1, ["a2", "a3"], 0),
        (2, ["a4"], 1),
    ]


def test_output_directory_with_earlier_parts_is_refused_unless_overwritten(
    tmp_path: Path,
) -> None:
    code_partition(
        0, _articles(2), [], output_dir=str(tmp_path), settings=Settings(), factory=fake_factory
    )
    with pytest.raises(ConfigError) as caught:
        check_output_dir(tmp_path, overwrite=False)
    assert caught.value.code == "FP351"
    check_output_dir(tmp_path, overwrite=True)
    assert not list(tmp_path.rglob("part-*.parquet"))


def test_partition_isolates_a_failing_article_as_a_rejection(tmp_path: Path) -> None:
    articles = [*_articles(3), make_article("This text will EXPLODE the coder, sadly.", id="bad")]
    summary = code_partition(
        7, articles, [], output_dir=str(tmp_path), settings=Settings(), factory=fake_factory
    )
    assert (summary.articles, summary.events, summary.rejections) == (3, 2, 1)
    rejected = pq.read_table(tmp_path / "rejections" / "part-000007.parquet").to_pylist()
    assert rejected[0]["code"] == "FP301"
    assert "bad" in rejected[0]["reason"]
    events = pq.read_table(tmp_path / "events" / "part-000007.parquet").to_pylist()
    assert sorted(e["article_id"] for e in events) == ["a0", "a2"]


def test_import_loads_parquet_output_once_when_run_twice(tmp_path: Path) -> None:
    out = tmp_path / "out"
    articles = _articles(6)
    code_partition(
        0, articles[:3], [], output_dir=str(out), settings=Settings(), factory=fake_factory
    )
    code_partition(
        1,
        articles[3:],
        [Rejection("in.jsonl:9", "FP203", "looks like French (fr)")],
        output_dir=str(out),
        settings=Settings(),
        factory=fake_factory,
    )
    with Store(tmp_path / "db.duckdb") as store:
        first = import_parquet(out, store)
        second = import_parquet(out, store)
        stats = store.stats()
        stored = {e.event_id: e for e in store.events()}
    assert (first.articles_added, first.events, first.rejections_added) == (6, 3, 1)
    assert (second.articles_added, second.articles_held, second.rejections_added) == (0, 6, 0)
    assert (stats.articles, stats.coded, stats.events) == (6, 6, 3)
    assert sum(stats.rejections_by_code.values()) == 1
    expected = [
        make_event(a, "condemned", recipients=()) for a in articles if "condemned" in a.text
    ]
    assert stored == {e.event_id: e for e in expected}


def test_import_of_a_directory_without_events_says_what_to_give(tmp_path: Path) -> None:
    with Store(tmp_path / "db.duckdb") as store, pytest.raises(InputError) as caught:
        import_parquet(tmp_path, store)
    assert caught.value.code == "FP354"


def test_parquet_input_maps_columns_to_articles_and_rejects_bad_rows(tmp_path: Path) -> None:
    path = tmp_path / "in.parquet"
    rows = [
        {
            "doc": "d1",
            "body": "North Korea condemned the drills held by Seoul and Washington.",
            "when": "2024-04-02",
        },
        {"doc": "d2", "body": "", "when": "2024-04-03"},
    ]
    pq.write_table(pa.Table.from_pylist(rows), path)
    options = ReadOptions(text_field="body", id_field="doc", date_field="when")
    results = list(read_batch_inputs([path], options))
    assert isinstance(results[0], Article)
    assert (results[0].id, results[0].published_at is not None) == ("d1", True)
    assert isinstance(results[1], Rejection)
    assert (results[1].code, results[1].source) == ("FP201", f"{path}:row 2")


def test_parquet_input_without_the_text_column_is_one_rejection(tmp_path: Path) -> None:
    path = tmp_path / "in.parquet"
    pq.write_table(pa.Table.from_pylist([{"body": "text"}]), path)
    [result] = list(read_batch_inputs([path], ReadOptions()))
    assert isinstance(result, Rejection)
    assert result.code == "FP205"
    assert "--text-field" in result.reason


@pytest.mark.parametrize("workers", [1, 2])
def test_code_stream_keeps_input_order_and_reports_failures(workers: int) -> None:
    articles = _articles(9)
    articles.insert(4, make_article("A text to EXPLODE the coder in a chunk.", id="bad"))
    failures: list[Rejection] = []
    coded = list(
        code_stream(
            iter(articles),
            Settings(),
            workers,
            chunk_size=2,
            coder_factory=fake_factory,
            failures=failures,
        )
    )
    assert [a.id for a, _ in coded] == [a.id for a in articles if a.id != "bad"]
    assert [len(events) for _, events in coded] == [1, 0, 1, 0, 1, 0, 1, 0, 1]
    assert [f.code for f in failures] == ["FP301"]
