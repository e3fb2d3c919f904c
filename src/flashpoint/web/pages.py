"""The dashboard: server-rendered pages over the same store reads as the API.

Pages are plain HTML with SVG drawn on the server; one small script (static/app.js)
adds conveniences and nothing depends on it. Templates autoescape everything, and the
Content-Security-Policy forbids inline script, so article text can never run.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from flashpoint.api import features
from flashpoint.api.deps import ReadStore
from flashpoint.api.params import (
    Cursor,
    CursorQuery,
    EventSort,
    decode_cursor,
    encode_cursor,
    event_filter,
    filter_scope,
)
from flashpoint.models import PLOVER_CATEGORIES, QUAD_CLASSES, STATUSES
from flashpoint.store import ArticleFilter, EventFilter
from flashpoint.store.browse import (
    count_articles,
    count_events,
    dyad_edges,
    event_by_id,
    event_page,
)
from flashpoint.web import views
from flashpoint.web.highlight import article_pieces, evidence_pieces

HERE = Path(__file__).resolve().parent
PAGE_SIZE = 25

_env = Environment(
    loader=FileSystemLoader(str(HERE / "templates")),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.globals.update(
    categories=PLOVER_CATEGORIES,
    statuses=STATUSES,
    quad_classes=QUAD_CLASSES,
    evidence=evidence_pieces,
    safe_url=views.safe_url,
    quad_kind=views.quad_kind,
    fmt_score=views.fmt_score,
)
templates = Jinja2Templates(env=_env)
router = APIRouter(include_in_schema=False)


def render(
    request: Request, name: str, context: dict[str, Any], status_code: int = 200
) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def error_page(
    request: Request, status: int, message: str, headers: dict[str, str] | None = None
) -> Response:
    response = render(
        request, "error.html", {"status": status, "message": message, "page": ""}, status
    )
    if headers:
        response.headers.update(headers)
    return response


def install(app: FastAPI) -> None:
    """Mount the static files and the page routes on the app."""
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(router)
    from flashpoint.web import pages_more  # noqa: PLC0415 - registers its routes on `router`

    app.include_router(pages_more.router)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        headers = getattr(exc, "headers", None)
        if not request.url.path.startswith(("/api", "/openapi", "/static")):
            return error_page(request, exc.status_code, str(exc.detail), headers)
        from fastapi.responses import JSONResponse  # noqa: PLC0415

        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=headers)


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, store: ReadStore) -> HTMLResponse:
    settings = request.app.state.settings
    dyads = [views.watched_dyad(store, text) for text in settings.watch_dyads]
    alerts, alerts_note = views.try_feature(lambda: features.alerts(store, 8))
    latest = event_page(store, EventFilter(), sort="-published", limit=6).events
    return render(
        request,
        "overview.html",
        {
            "page": "overview",
            "dyads": [d for d in dyads if d is not None],
            "alerts": alerts or [],
            "alerts_note": alerts_note,
            "latest": latest,
            "n_events": count_events(store, EventFilter()),
            "n_articles": count_articles(store, ArticleFilter()),
            "top_dyads": dyad_edges(store, EventFilter(), limit=8),
        },
    )


@router.get("/events", response_class=HTMLResponse)
def event_explorer(
    request: Request,
    store: ReadStore,
    flt: Annotated[EventFilter, Depends(event_filter)],
    sort: EventSort = "-published",
    cursor: CursorQuery = None,
) -> HTMLResponse:
    scope = filter_scope(flt)
    after = decode_cursor(cursor, sort, scope)
    page = event_page(store, flt, sort=sort, after=after, limit=PAGE_SIZE)
    query = {k: v for k, v in request.query_params.items() if k != "cursor" and v}
    next_query = None
    if page.next_after:
        next_query = {**query, "cursor": encode_cursor(Cursor(page.next_after, sort, scope))}
    return render(
        request,
        "events.html",
        {
            "page": "events",
            "events": page.events,
            "titles": views.article_titles(store, page.events),
            "stories": views.story_ids(store, page.events),
            "total": count_events(store, flt),
            "form": dict(request.query_params),
            "sort": sort,
            "query": query,
            "next_query": next_query,
            "first_page": after is None,
        },
    )


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_detail(request: Request, store: ReadStore, event_id: str) -> HTMLResponse:
    event = event_by_id(store, event_id)
    if event is None:
        raise HTTPException(404, f"no event with id {event_id!r}")
    article = store.article(event.article_id)
    return render(
        request,
        "event.html",
        {
            "page": "events",
            "event": event,
            "article": article,
            "story_id": features.story_for_event(store, event.event_id),
        },
    )


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_detail(request: Request, store: ReadStore, article_id: str) -> HTMLResponse:
    article = store.article(article_id)
    if article is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    events = event_page(store, EventFilter(article_id=article_id), limit=2000).events
    return render(
        request,
        "article.html",
        {
            "page": "events",
            "article": article,
            "events": events,
            "pieces": article_pieces(article.text, events),
        },
    )
