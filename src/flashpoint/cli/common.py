"""What every command shares: --db, the input field flags, date flags, the coder hook.

Commands find the coder factory in the click context object under "coder_factory"; the
entry point leaves it unset (the real coder), tests put a fake there.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from flashpoint.config import Settings, load_settings
from flashpoint.errors import FlashpointError

if TYPE_CHECKING:
    from flashpoint.engines.partitions import CoderFactory
    from flashpoint.ingest.options import ReadOptions

F = TypeVar("F", bound=Callable[..., Any])

INPUT_FORMATS = ("txt", "md", "html", "jsonl", "csv")


def db_option(func: F) -> F:
    """--db PATH: the database file."""
    return click.option(
        "--db",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="Database file (default: $FLASHPOINT_DB, else flashpoint.duckdb in the user data directory).",
    )(func)


def settings_for(db: Path | None = None, **overrides: Any) -> Settings:
    """The settings with this command's flags applied."""
    return load_settings(db_path=db, **overrides)


def read_option_flags(func: F) -> F:
    """The flags that say how to read inputs (shared by extract and ingest)."""
    flags = (
        click.option(
            "--text-field",
            default="text",
            show_default=True,
            help="JSON Lines/CSV field holding the article text.",
        ),
        click.option(
            "--id-field", default=None, help="Field holding the article id (default: id)."
        ),
        click.option(
            "--date-field",
            default=None,
            help="Field holding the publication date (default: published, published_at, date, ...).",
        ),
        click.option(
            "--title-field",
            default=None,
            help="Field holding the title (default: title, headline).",
        ),
        click.option(
            "--url-field", default=None, help="Field holding the URL (default: url, link)."
        ),
        click.option(
            "--published",
            default=None,
            metavar="DATE",
            help="Publication date for inputs that have none, e.g. 2024-04-03. Relative dates "
            '("on Tuesday") are resolved against it.',
        ),
        click.option("--outlet", default=None, help="Outlet name to record on every article."),
        click.option(
            "--format",
            "input_format",
            type=click.Choice(INPUT_FORMATS),
            default=None,
            help="Read every input as this format (default: by extension, then by content).",
        ),
    )
    for flag in reversed(flags):
        func = flag(func)
    return func


READ_FLAGS = (
    "text_field",
    "id_field",
    "date_field",
    "title_field",
    "url_field",
    "published",
    "outlet",
    "input_format",
)


def read_options_from(settings: Settings, flags: Mapping[str, Any]) -> ReadOptions:
    """ReadOptions from the values of `read_option_flags` (keys as in READ_FLAGS)."""
    from flashpoint.ingest import ReadOptions, parse_published  # noqa: PLC0415 - keep --help fast

    published = flags.get("published")
    return ReadOptions(
        text_field=flags.get("text_field") or "text",
        id_field=flags.get("id_field"),
        date_field=flags.get("date_field"),
        title_field=flags.get("title_field"),
        url_field=flags.get("url_field"),
        outlet=flags.get("outlet"),
        published=parse_published(published, source="--published") if published else None,
        format=flags.get("input_format"),
        max_article_bytes=settings.max_article_bytes,
        min_article_chars=settings.min_article_chars,
    )


def parse_day(value: str | None, flag: str) -> date | None:
    """A --since/--until value: an ISO day (2024-04-02), month (2024-04) or year (2024)."""
    if value is None:
        return None
    text = value.strip()
    for pattern in ("%Y-%m-%d", "%Y-%m", "%Y"):
        try:
            return datetime.strptime(text, pattern).date()  # noqa: DTZ007 - a calendar day, no time
        except ValueError:
            continue
    raise FlashpointError("FP104", f"{flag} {value!r} is not a date like 2024-04-02", source=flag)


def parse_dyad(value: str | None) -> tuple[str, str] | None:
    """--dyad "PRK,USA" as (actor, recipient)."""
    if value is None:
        return None
    parts = [p.strip() for p in value.split(",")]
    if len(parts) != 2 or not all(parts):
        raise FlashpointError(
            "FP104", f"--dyad {value!r} must be two codes separated by a comma, e.g. PRK,USA"
        )
    return parts[0], parts[1]


def coder_factory(ctx: click.Context) -> CoderFactory | None:
    """The coder factory set by the caller (tests), or None for the real coder."""
    obj = ctx.find_root().obj
    factory: CoderFactory | None = obj.get("coder_factory") if isinstance(obj, dict) else None
    return factory


def build_coder(ctx: click.Context, settings: Settings) -> Any:
    factory = coder_factory(ctx)
    if factory is None:
        from flashpoint.engines.partitions import build_coder as real  # noqa: PLC0415

        return real(settings)
    return factory(settings)


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"


# Seconds a writing command (ingest, code) waits for another process, such as the API
# server between requests, to let go of the database file before giving up with FP401.
WRITER_LOCK_WAIT = 15.0
