"""The one options object every reader takes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

FORMATS: tuple[str, ...] = ("txt", "md", "html", "jsonl", "csv")

# Field names tried, in order, when the options do not name one.
DATE_FIELDS: tuple[str, ...] = ("published", "published_at", "date", "pubDate", "datetime")
TITLE_FIELDS: tuple[str, ...] = ("title", "headline")
URL_FIELDS: tuple[str, ...] = ("url", "link")
ID_FIELDS: tuple[str, ...] = ("id",)
OUTLET_FIELDS: tuple[str, ...] = ("outlet", "source")


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How to turn inputs into articles. Every field has a command-line flag of the same name."""

    text_field: str = "text"
    id_field: str | None = None  # None: use "id" when present
    date_field: str | None = None  # None: try DATE_FIELDS
    title_field: str | None = None  # None: try TITLE_FIELDS
    url_field: str | None = None  # None: try URL_FIELDS
    outlet: str | None = None  # outlet name to set on every article
    published: datetime | None = None  # default publication date when the input has none
    format: str | None = None  # force one of FORMATS; None: by extension, then sniffing
    max_article_bytes: int = 2_000_000
    min_article_chars: int = 20
    check_language: bool = True

    def __post_init__(self) -> None:
        # A wrong option is a programming or flag-parsing error, not bad content.
        if self.format is not None and self.format not in FORMATS:
            raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {self.format!r}")
        if self.max_article_bytes < 1:
            raise ValueError("max_article_bytes must be positive")
