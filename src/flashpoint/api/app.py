"""The application factory: the JSON API and the dashboard in one ASGI app.

`create_app(settings)` wires the routers, the hardening middleware and the error
handlers. Nothing is read from the network: the dashboard's styles, scripts and charts
are packaged in flashpoint.web, and the API documentation page is rendered here from
the OpenAPI schema (FastAPI's /docs would load Swagger UI from a CDN, so it is off).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.middleware.trustedhost import TrustedHostMiddleware

from flashpoint import __version__
from flashpoint.api.database import (
    DEFAULT_LINGER_SECONDS,
    DatabaseBusyError,
    DatabaseMissingError,
    StoreAccess,
    prepare_database,
)
from flashpoint.api.ingest import CoderProvider
from flashpoint.api.security import HardeningMiddleware
from flashpoint.config import Settings
from flashpoint.errors import FlashpointError

if TYPE_CHECKING:
    from flashpoint.engines.partitions import CoderFactory

DEFAULT_MAX_BODY_BYTES = 8_000_000
LOCAL_HOSTS: tuple[str, ...] = ("127.0.0.1", "localhost", "::1", "[::1]")


def create_app(
    settings: Settings,
    *,
    coder_factory: CoderFactory | None = None,
    allowed_hosts: tuple[str, ...] | None = LOCAL_HOSTS,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    linger_seconds: float = DEFAULT_LINGER_SECONDS,
    prepare: bool = True,
) -> FastAPI:
    """The flashpoint web app over the database at `settings.db_path`.

    `allowed_hosts` guards against DNS rebinding (None accepts any Host header, for a
    server bound to a public address behind a proxy). `coder_factory` replaces the spaCy
    coder used by POST /api/articles (tests pass a fake). `prepare` creates and migrates
    the database once at start-up. `linger_seconds`: how long the server keeps the
    database open after the last request (0: never between requests; docs/API.md).
    """
    from flashpoint.api import (  # noqa: PLC0415 - routers import the store lazily
        routes_analytics,
        routes_articles,
        routes_docs,
        routes_events,
        routes_stories,
    )
    from flashpoint.web import pages  # noqa: PLC0415

    if prepare:
        prepare_database(settings.db_path)
    app = FastAPI(
        title="flashpoint",
        version=__version__,
        description="Political events coded from the news, with evidence: a read-only JSON "
        "API (writes need the configured token) and the dashboard.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.settings = settings
    app.state.store_access = StoreAccess(settings.db_path, linger_seconds)
    app.router.on_shutdown.append(app.state.store_access.close)
    app.state.coder_provider = CoderProvider(settings, coder_factory)
    for module in (routes_events, routes_articles, routes_stories, routes_analytics, routes_docs):
        app.include_router(module.router)
    pages.install(app)
    _install_error_handlers(app)
    if allowed_hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    # Added last, so outermost: its headers and limits apply to every response,
    # the host check's refusals included.
    app.add_middleware(HardeningMiddleware, max_body_bytes=max_body_bytes)
    return app


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith(("/api", "/openapi")) and "text/html" in (
        request.headers.get("accept", "")
    )


def _install_error_handlers(app: FastAPI) -> None:
    from flashpoint.web.pages import error_page  # noqa: PLC0415

    def respond(
        request: Request, status: int, message: str, headers: dict[str, str] | None = None
    ) -> Response:
        if _wants_html(request):
            return error_page(request, status, message, headers)
        return JSONResponse({"detail": message}, status_code=status, headers=headers)

    @app.exception_handler(DatabaseBusyError)
    async def busy(request: Request, exc: DatabaseBusyError) -> Response:
        return respond(request, 503, str(exc), {"Retry-After": "5"})

    @app.exception_handler(DatabaseMissingError)
    async def missing(request: Request, exc: DatabaseMissingError) -> Response:
        message = f"no database at {exc}: run `flashpoint ingest` and `flashpoint code` first"
        return respond(request, 503, message)

    @app.exception_handler(FlashpointError)
    async def flashpoint_error(request: Request, exc: FlashpointError) -> Response:
        return respond(request, 500, exc.render())

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        if _wants_html(request):
            problems = "; ".join(
                f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}"
                for e in exc.errors()
            )
            return error_page(request, 422, problems)
        errors = [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg"), "type": e.get("type")}
            for e in exc.errors()
        ]
        return JSONResponse({"detail": errors}, status_code=422)
