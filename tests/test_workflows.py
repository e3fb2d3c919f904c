"""Library workflows with a fake coder: ingest, resumable coding, workers, extraction."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from conftest import make_article, make_event
from flashpoint.config import Settings
from flashpoint.errors import ConfigError
from flashpoint.exports import EVENT_COLUMNS
from flashpoint.ingest import ReadOptions
from flashpoint.models import Article, Event, Rejection
from flashpoint.store import Store
from flashpoint.workflows import (
    code_pending,
    events_frame,
    extract_events,
    ingest_inputs,
    resolve_workers,
)


class FakeCoder:
    """One ACCUSE event per "condemned"; an article holding "EXPLODE" makes the coder crash."""

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


def write_jsonl(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def news(i: int, text: str | None = None) -> dict[str, str]:
    return {
        "id": f"n{i}",
        "text": text or f"North Korea condemned the drills in report number {i} of the week.",
        "date": "2024-04-03",
        "url": f"https://news.example/{i}",
    }


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "fp.duckdb") as opened:
        yield opened


def test_ingest_stores_articles_reports_duplicates_and_rejections(
    store: Store, tmp_path: Path
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps(news(1)) + "\n" + "{not json\n" + json.dumps(news(2)) + "\n", encoding="utf-8"
    )
    first = ingest_inputs(store, [source], ReadOptions())
    again = ingest_inputs(store, [source], ReadOptions())
    assert (first.read, first.stored, len(first.duplicates)) == (2, 2, 0)
    assert first.rejections_by_code() == {"FP204": 1}
    assert (again.stored, [d.reason for d in again.duplicates]) == (0, ["same id", "same id"])
    assert [a.id for a in store.articles()] == ["n1", "n2"]
    assert {r.code for r in store.rejections()} == {"FP204"}


def test_ingest_reads_standard_input(store: Store) -> None:
    stdin = io.BytesIO((json.dumps(news(7)) + "\n").encode())
    report = ingest_inputs(store, ["-"], ReadOptions(), stdin=stdin)
    assert report.stored == 1
    article = store.article("n7")
    assert article is not None
    assert article.url == "https://news.example/7"


def test_code_pending_codes_each_article_once_and_resumes(store: Store) -> None:
    store.writer.add_articles([make_article(news(i)["text"], id=f"n{i}") for i in range(5)])
    settings = Settings()
    seen: list[tuple[int, int | None]] = []
    first = code_pending(
        store, fake_factory, settings, 1, limit=3, progress=lambda d, t: seen.append((d, t))
    )
    assert (first.articles, first.events, first.failures) == (3, 3, [])
    assert seen[-1] == (3, 3)
    rest = code_pending(store, fake_factory, settings, 1)
    assert (rest.articles, rest.events) == (2, 2)
    assert code_pending(store, fake_factory, settings, 1).articles == 0
    assert len(store.events()) == 5
    again = code_pending(store, fake_factory, settings, 1, recode=True)
    assert (again.articles, len(store.events())) == (5, 5)


def test_a_crashing_article_becomes_a_rejection_and_the_run_goes_on(store: Store) -> None:
    texts = [news(1)["text"], "This report makes the coder EXPLODE badly.", news(3)["text"]]
    store.writer.add_articles([make_article(t, id=f"n{i}") for i, t in enumerate(texts, 1)])
    report = code_pending(store, fake_factory, Settings(), 1)
    assert (report.articles, report.events) == (2, 2)
    assert [f.code for f in report.failures] == ["FP301"]
    assert "n2" in report.failures[0].reason
    assert store.pending_article_ids() == []
    assert store.coding_state(["n2"])["n2"].error is not None
    assert [r.code for r in store.rejections()] == ["FP301"]
    assert {e.article_id for e in store.events()} == {"n1", "n3"}


def test_two_worker_processes_store_the_same_events_as_one(tmp_path: Path) -> None:
    texts = [news(i)["text"] for i in range(6)]
    texts[4] = "Another report that will EXPLODE the fake coder."
    results = []
    for workers in (1, 2):
        with Store(tmp_path / f"w{workers}.duckdb") as store:
            store.writer.add_articles([make_article(t, id=f"n{i}") for i, t in enumerate(texts)])
            report = code_pending(store, fake_factory, Settings(batch_size=2), workers)
            results.append(
                (report.articles, len(report.failures), [e.event_id for e in store.events()])
            )
    assert results[0] == results[1]
    assert results[0][:2] == (5, 1)


def test_zero_workers_means_one_per_core_and_negative_is_refused() -> None:
    assert resolve_workers(0) >= 1
    assert resolve_workers(3) == 3
    with pytest.raises(ConfigError):
        resolve_workers(-1)


def test_extract_events_keeps_input_ids_and_reports_rejections(tmp_path: Path) -> None:
    source = write_jsonl(
        tmp_path / "in.jsonl",
        [news(1), {"id": "x", "text": ""}, news(2, "Nothing happened here at all today."), news(3)],
    )
    rejected: list[Rejection] = []
    events = list(
        extract_events([source], ReadOptions(), FakeCoder(), on_rejection=rejected.append)
    )
    assert [e.article_id for e in events] == ["n1", "n3"]
    assert [r.code for r in rejected] == ["FP201"]


def test_extract_events_survives_a_crashing_article(tmp_path: Path) -> None:
    source = write_jsonl(
        tmp_path / "in.jsonl", [news(1), news(2, "Text that will EXPLODE the coder now."), news(3)]
    )
    rejected: list[Rejection] = []
    events = list(
        extract_events([source], ReadOptions(), FakeCoder(), on_rejection=rejected.append)
    )
    assert [e.article_id for e in events] == ["n1", "n3"]
    assert [r.code for r in rejected] == ["FP301"]


def test_events_frame_has_one_row_per_event_with_documented_columns() -> None:
    article = make_article("Japan condemned Pyongyang after the launch.", id="a")
    event = make_event(
        article,
        "condemned",
        actors=(("JPN", "GOV", "Japan"),),
        recipients=(("PRK", None, "Pyongyang"),),
    )
    frame = events_frame([event, event])
    assert list(frame.columns) == list(EVENT_COLUMNS)
    assert len(frame) == 2
    assert frame.loc[0, "actor_codes"] == ["JPN"]
    assert frame.loc[0, "recipient_names"] == ["Pyongyang"]


def test_events_frame_polars_needs_polars() -> None:
    try:
        import polars  # type: ignore[import-not-found, unused-ignore]  # noqa: F401
    except ImportError:
        with pytest.raises(ConfigError) as info:
            events_frame([], backend="polars")
        assert info.value.code == "FP105"
    else:
        assert events_frame([], backend="polars").columns == list(EVENT_COLUMNS)


def test_events_frame_rejects_an_unknown_backend() -> None:
    with pytest.raises(ConfigError, match="backend"):
        events_frame([], backend="spark")
