"""/api/articles: list, read one (with its events), and POST to ingest and code (token)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request, Response
from pydantic import BaseModel, Field

from flashpoint.api.deps import ReadStore
from flashpoint.api.downloads import events_download
from flashpoint.api.ingest import ingest_and_code
from flashpoint.api.params import (
    DEFAULT_PAGE,
    ArticleSort,
    Cursor,
    CursorQuery,
    LimitQuery,
    article_filter,
    decode_cursor,
    encode_cursor,
    filter_scope,
)
from flashpoint.api.security import require_write_token
from flashpoint.store import ArticleFilter, EventFilter
from flashpoint.store.browse import (
    article_page,
    count_articles,
    event_counts_by_article,
    event_page,
)

router = APIRouter(prefix="/api", tags=["articles"])

MAX_POST_ARTICLES = 100


@router.get("/articles", summary="List articles", response_model=None)
def list_articles(
    *,
    store: ReadStore,
    flt: Annotated[ArticleFilter, Depends(article_filter)],
    sort: ArticleSort = "-published",
    cursor: CursorQuery = None,
    limit: LimitQuery = DEFAULT_PAGE,
    include_text: bool = False,
) -> dict[str, Any]:
    """Articles, newest first by default, with the number of events coded from each.

    The text is left out unless `include_text=true` (articles can be long).
    """
    scope = filter_scope(flt)
    after = decode_cursor(cursor, sort, scope)
    page = article_page(store, flt, sort=sort, after=after, limit=limit)
    counts = event_counts_by_article(store, [a.id for a in page.articles])
    items = []
    for article in page.articles:
        item = article.to_dict()
        if not include_text:
            item.pop("text")
        item["events"] = counts.get(article.id, 0)
        items.append(item)
    return {
        "items": items,
        "count": count_articles(store, flt) if after is None else None,
        "next_cursor": encode_cursor(Cursor(page.next_after, sort, scope))
        if page.next_after
        else None,
    }


@router.get("/articles/{article_id}", summary="One article with its events", response_model=None)
def get_article(
    store: ReadStore,
    article_id: str,
    format: str = "json",
) -> dict[str, Any] | Response:
    """The article, its full text and its events; `format=csv|parquet` downloads the events."""
    article = store.article(article_id)
    if article is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    events = event_page(store, EventFilter(article_id=article_id), limit=10_000).events
    if format in {"csv", "parquet"}:
        return events_download(store, events, format, "article-events")
    if format != "json":
        raise HTTPException(422, "format must be json, csv or parquet")
    return {**article.to_dict(), "events": [e.to_dict() for e in events]}


class ArticleIn(BaseModel):
    """An article to ingest: the text and what is known about it."""

    text: str = Field(min_length=1, max_length=2_000_000)
    id: str | None = Field(default=None, max_length=200)
    url: str | None = Field(default=None, max_length=2000)
    title: str | None = Field(default=None, max_length=1000)
    outlet: str | None = Field(default=None, max_length=200)
    published_at: datetime | None = None


class ArticlesIn(BaseModel):
    articles: list[ArticleIn] = Field(min_length=1, max_length=MAX_POST_ARTICLES)


@router.post(
    "/articles",
    summary="Ingest and code articles (needs the API token)",
    dependencies=[Depends(require_write_token)],
    status_code=201,
)
def post_articles(request: Request, body: ArticlesIn) -> dict[str, Any]:
    """Store the articles and code them at once; answers what was stored and the events found.

    Needs `Authorization: Bearer <api_token>`; answers 403 when no token is configured.
    """
    return ingest_and_code(
        request.app.state.settings,
        [a.model_dump() for a in body.articles],
        request.app.state.coder_provider,
        request.app.state.store_access,
    )
