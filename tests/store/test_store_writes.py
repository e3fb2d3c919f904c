"""The writer: idempotent ingest, transactional batches, re-coding, rejections."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import make_article, make_event
from flashpoint.models import Article, Rejection
from flashpoint.store import CodedArticle, Store

TEXT = "North Korea condemned the United States on Tuesday. Washington said nothing."


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "fp.duckdb") as opened:
        yield opened


def test_ingesting_the_same_article_twice_keeps_one_row(store: Store) -> None:
    article = make_article(TEXT, id="a1")
    first = store.writer.add_articles([article])
    second = store.writer.add_articles([article])
    assert first.stored == ["a1"]
    assert second.stored == []
    assert [(d.article_id, d.reason) for d in second.duplicates] == [("a1", "same id")]
    assert [a.id for a in store.articles()] == ["a1"]


def test_same_text_under_another_id_is_a_duplicate_of_the_first(store: Store) -> None:
    store.writer.add_articles([make_article(TEXT, id="a1")])
    # Extra white space does not change the content hash.
    result = store.writer.add_articles([make_article(TEXT.replace(" ", "  "), id="b7")])
    assert result.stored == []
    assert [(d.article_id, d.kept_id, d.reason) for d in result.duplicates] == [
        ("b7", "a1", "same text")
    ]


def test_duplicates_within_one_batch_are_kept_once(store: Store) -> None:
    batch = [make_article(TEXT, id="a1"), make_article(TEXT, id="a2"), make_article(TEXT, id="a1")]
    result = store.writer.add_articles(batch)
    assert result.stored == ["a1"]
    assert len(result.duplicates) == 2


def test_stored_article_reads_back_equal(store: Store) -> None:
    article = make_article(TEXT, id="x", url="https://www.example.org/a?utm_source=z", title="T")
    article = replace(article, outlet="Example", language="en", source="in.jsonl:3")
    store.writer.add_articles([article])
    back = store.article("x")
    assert back == article
    assert back is not None
    assert back.published_at is not None
    assert back.published_at.utcoffset() is not None


def test_a_failing_batch_stores_no_article(store: Store) -> None:
    good = make_article(TEXT, id="good")
    bad = Article(id="bad", text="Some other text.", content_hash="h")
    bad.text = None  # type: ignore[assignment] # NOT NULL text breaks the insert
    with pytest.raises(Exception, match="NOT NULL"):
        store.writer.add_articles([good, bad])
    assert store.articles() == []
    # the writer is still usable afterwards
    assert store.writer.add_articles([good]).stored == ["good"]


def test_recoding_replaces_an_articles_events(store: Store) -> None:
    article = make_article(TEXT, id="a1")
    store.writer.add_articles([article])
    first = make_event(article, "condemned")
    store.writer.store_coded([CodedArticle("a1", (first,))], "v1")
    second = make_event(article, "said", category="CONSULT")
    stored = store.writer.store_coded([CodedArticle("a1", (second, second))], "v2")
    assert stored == 1
    assert store.events() == [second]
    state = store.coding_state(["a1"])["a1"]
    assert (state.coder_version, state.events, state.error) == ("v2", 1, None)
    assert store.pending_article_ids() == []
    assert store.pending_article_ids(recode=True) == ["a1"]


def test_a_failing_event_write_keeps_the_old_events(store: Store) -> None:
    article = make_article(TEXT, id="a1")
    store.writer.add_articles([article])
    old = make_event(article, "condemned")
    store.writer.store_coded([CodedArticle("a1", (old,))], "v1")
    broken = replace(make_event(article, "said"), category=None)  # type: ignore[arg-type]
    with pytest.raises(Exception, match="NOT NULL"):
        store.writer.store_coded([CodedArticle("a1", (broken,))], "v2")
    assert store.events() == [old]
    assert store.coding_state(["a1"])["a1"].coder_version == "v1"


def test_a_coding_failure_is_marked_and_rejected(store: Store) -> None:
    store.writer.add_articles([make_article(TEXT, id="a1")])
    failure = Rejection(source="a1", code="FP301", reason="coding crashed", detail="KeyError")
    store.writer.store_coded([CodedArticle("a1", failure=failure)], "v1")
    assert store.pending_article_ids() == []
    assert store.coding_state(["a1"])["a1"].error == "coding crashed"
    assert [(r.code, r.source, r.detail) for r in store.rejections()] == [
        ("FP301", "a1", "KeyError")
    ]


def test_rejections_keep_reason_and_source(store: Store) -> None:
    rejected = [
        Rejection(source="in.jsonl:4", code="FP204", reason="bad JSON", detail="Expecting value"),
        Rejection(source="fr.txt", code="FP203", reason="French"),
    ]
    assert store.writer.add_rejections(rejected) == 2
    back = store.rejections()
    assert [(r.source, r.code, r.reason) for r in back] == [
        ("in.jsonl:4", "FP204", "bad JSON"),
        ("fr.txt", "FP203", "French"),
    ]
    assert store.stats().rejections_by_code == {"FP203": 1, "FP204": 1}


def test_stats_count_articles_events_and_size(store: Store) -> None:
    article = make_article(TEXT, id="a1")
    store.writer.add_articles([article, make_article("Another text, long enough.", id="a2")])
    store.writer.store_coded([CodedArticle("a1", (make_event(article, "condemned"),))], "v1")
    stats = store.stats()
    assert (stats.articles, stats.coded, stats.pending, stats.events) == (2, 1, 1, 1)
    assert stats.events_by_category == {"ACCUSE": 1}
    assert stats.events_by_status == {"asserted": 1}
    assert stats.size_bytes > 0


def test_an_event_with_every_optional_field_empty_reads_back_equal(store: Store) -> None:
    article = make_article("North Korea condemned Washington today.", id="z", published=None)
    bare = replace(make_event(article, "condemned", date=None, score=None), context=(), mode=None)
    store.writer.add_articles([article])
    store.writer.store_coded([CodedArticle("z", (bare,))], "v1")
    assert store.events() == [bare]
    assert store.article("z") == article
