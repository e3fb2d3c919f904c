"""`flashpoint serve`: the JSON API and the dashboard on one local web server."""

from __future__ import annotations

from pathlib import Path

import click

from flashpoint.cli.common import db_option, settings_for


def allowed_hosts_for(host: str) -> tuple[str, ...] | None:
    """Host headers to accept: loopback names, plus the bound address; any for 0.0.0.0 / ::."""
    from flashpoint.api.app import LOCAL_HOSTS  # noqa: PLC0415

    if host in {"0.0.0.0", "::"}:  # noqa: S104 - a deliberate choice the user made
        return None
    return LOCAL_HOSTS if host in LOCAL_HOSTS else (*LOCAL_HOSTS, host)


@click.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
def serve_command(*, db: Path | None, host: str, port: int) -> None:
    """Serve the JSON API and the dashboard (read-only unless api_token is set).

    \b
    Open http://127.0.0.1:8000/ for the dashboard, /api/docs for the API.
    The server opens the database read-only per request and lets go of it
    0.3 s after the last one, so `flashpoint code` can start beside it; while
    a writer holds the file, requests answer 503 "database busy" (docs/API.md).
    """
    import uvicorn  # noqa: PLC0415 - keep --help fast

    from flashpoint.api.app import create_app  # noqa: PLC0415

    settings = settings_for(db)
    app = create_app(settings, allowed_hosts=allowed_hosts_for(host))
    writes = "on (token set)" if settings.api_token else "off (no api_token configured)"
    click.echo(f"flashpoint: serving {settings.db_path} on http://{host}:{port}/ - writes {writes}")
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
