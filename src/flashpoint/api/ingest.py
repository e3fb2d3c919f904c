"""Writes through the API: store posted articles and code them, in one short write session."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from flashpoint.api.database import StoreAccess
from flashpoint.config import Settings
from flashpoint.ingest import ReadOptions
from flashpoint.ingest.checks import checked_article
from flashpoint.models import Article, Rejection
from flashpoint.story_workflow import update_stories
from flashpoint.workflows import coder_version

if TYPE_CHECKING:
    from flashpoint.engines.partitions import ArticleCoder, CoderFactory


class CoderProvider:
    """Builds the coder on first use (loading spaCy takes seconds) and keeps it."""

    def __init__(self, settings: Settings, factory: CoderFactory | None = None) -> None:
        self._settings = settings
        self._factory = factory
        self._coder: ArticleCoder | None = None
        self._lock = threading.Lock()

    def coder(self) -> ArticleCoder:
        with self._lock:
            if self._coder is None:
                factory = self._factory
                if factory is None:
                    from flashpoint.engines.partitions import build_coder  # noqa: PLC0415

                    factory = build_coder
                self._coder = factory(self._settings)
            return self._coder


def ingest_and_code(
    settings: Settings,
    items: list[dict[str, Any]],
    provider: CoderProvider,
    access: StoreAccess,
) -> dict[str, Any]:
    """Store these articles, code the new ones and store their events.

    Articles already held (same id or same text) are reported as duplicates and not
    coded again; unusable ones are rejected with their reason. New events are grouped
    into stories as `flashpoint code` does.
    """
    from flashpoint.engines.partitions import code_isolated  # noqa: PLC0415
    from flashpoint.store import CodedArticle  # noqa: PLC0415

    options = ReadOptions(
        max_article_bytes=settings.max_article_bytes,
        min_article_chars=settings.min_article_chars,
    )
    articles: list[Article] = []
    rejected: list[Rejection] = []
    for index, item in enumerate(items):
        checked = checked_article(
            item["text"],
            source=f"POST /api/articles #{index}",
            options=options,
            id=item.get("id"),
            url=item.get("url"),
            title=item.get("title"),
            outlet=item.get("outlet"),
            published=item.get("published_at"),
        )
        if isinstance(checked, Rejection):
            rejected.append(checked)
        else:
            articles.append(checked)
    by_source = {a.source: a.id for a in articles}
    coded, failed = code_isolated(provider.coder(), articles) if articles else ([], [])
    with access.write() as store:
        written = store.writer.add_articles(articles)
        new = set(written.stored)
        outcome = [CodedArticle(a.id, tuple(events)) for a, events in coded if a.id in new]
        for failure in failed:
            failed_id = by_source.get(failure.source, failure.source)
            if failed_id in new:
                outcome.append(CodedArticle(failed_id, failure=failure))
        stored_events = store.writer.store_coded(outcome, coder_version(settings))
        store.writer.add_rejections(rejected)
        grouped = update_stories(store) if stored_events else None
    events = {a.id: len(ev) for a, ev in coded if a.id in new}
    return {
        "stored": [{"id": i, "events": events.get(i, 0)} for i in written.stored],
        "duplicates": [
            {"id": d.article_id, "kept_id": d.kept_id, "reason": d.reason}
            for d in written.duplicates
        ],
        "rejected": [
            {"code": r.code, "reason": r.reason, "source": r.source} for r in [*rejected, *failed]
        ],
        "events": stored_events,
        "stories": {"founded": grouped.founded, "joined": grouped.joined} if grouped else None,
    }
