"""RSS/Atom feeds and XML sitemaps into the article links they list.

No network here: these parse bytes the fetcher already checked. XML that declares
entities or an internal DTD subset is refused before any parser sees it (entity
expansion bombs and external entities need one of the two), and feedparser is always
handed a byte stream: given bytes or a string it may treat them as a file name or URL.
"""

from __future__ import annotations

import io
import re
import time
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree as ET

from flashpoint.errors import InputError
from flashpoint.ingest.dates import parse_published

_GZIP_MAGIC = b"\x1f\x8b"
_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)
_INTERNAL_SUBSET = re.compile(rb"<!DOCTYPE[^>\[]*\[", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class FeedLink:
    """A link to an article, with what the feed says about it (hints for the page)."""

    url: str
    title: str | None = None
    published: datetime | None = None


@dataclass(frozen=True, slots=True)
class FeedLinks:
    """What a feed or sitemap lists: article links, and child sitemaps of a sitemap index."""

    links: tuple[FeedLink, ...]
    sitemaps: tuple[str, ...] = ()
    warning: str | None = None  # set when a damaged feed was read in part


def unsafe_xml_reason(body: bytes) -> str | None:
    """Why this XML must not be parsed (entity declarations, an internal DTD), else None."""
    probe = body.replace(b"\x00", b"")  # UTF-16/32 ASCII reads as ASCII without the NULs
    if _ENTITY.search(probe):
        return "it declares XML entities"
    if _INTERNAL_SUBSET.search(probe):
        return "it has an internal DTD subset"
    return None


def _gunzip(body: bytes, limit: int, source: str) -> bytes:
    """A gzipped sitemap (sitemap.xml.gz), decompressed to at most `limit` bytes."""
    if not body.startswith(_GZIP_MAGIC):
        return body
    decoder = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        data = decoder.decompress(body, limit + 1)
    except zlib.error as exc:
        raise InputError("FP508", f"the gzipped document is damaged: {exc}", source=source) from exc
    if len(data) > limit:
        raise InputError(
            "FP504", f"the document is larger than {limit:,} bytes uncompressed", source=source
        )
    return data


def _checked(body: bytes, source: str, limit: int) -> bytes:
    body = _gunzip(body, limit, source)
    if not body.strip():
        raise InputError("FP201", "the document is empty", source=source)
    reason = unsafe_xml_reason(body)
    if reason is not None:
        raise InputError("FP508", f"the XML was refused: {reason}", source=source)
    return body


def _web_url(value: Any, base: str) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    url = urljoin(base, value.strip())
    return url if urlsplit(url).scheme in ("http", "https") else None


def _entry_date(entry: Any) -> datetime | None:
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if isinstance(parsed, time.struct_time):
            return datetime(*parsed[:6], tzinfo=UTC)
    return None


def parse_feed(
    body: bytes,
    base_url: str,
    *,
    content_type: str | None = None,
    limit: int = 10_000_000,
) -> FeedLinks:
    """The article links of an RSS or Atom feed, newest first; InputError when unusable.

    `content_type` is the response's Content-Type header (its charset is honoured).
    """
    import feedparser  # type: ignore[import-untyped, unused-ignore]  # noqa: PLC0415 - only the watcher needs it

    body = _checked(body, base_url, limit)
    parsed = feedparser.parse(
        io.BytesIO(body),
        response_headers={
            "content-location": base_url,
            "content-type": content_type or "application/xml",
        },
        sanitize_html=False,
    )
    entries = parsed.get("entries") or []
    links: list[FeedLink] = []
    seen: set[str] = set()
    for entry in entries:
        url = _web_url(entry.get("link"), base_url) or _web_url(entry.get("id"), base_url)
        if url is None or url in seen:
            continue
        seen.add(url)
        title = entry.get("title")
        links.append(
            FeedLink(url, title.strip() if isinstance(title, str) else None, _entry_date(entry))
        )
    # A damaged feed whose entries still give links is read in part; one that gives
    # nothing is rejected, with the parser's reason.
    if parsed.get("bozo") and not links:
        problem = parsed.get("bozo_exception")
        raise InputError("FP508", f"the feed is not well-formed XML: {problem}", source=base_url)
    if not parsed.get("version") and not links:
        raise InputError("FP508", "the document is not an RSS or Atom feed", source=base_url)
    warning = None
    if parsed.get("bozo"):
        warning = f"the feed is damaged and was read in part: {parsed.get('bozo_exception')}"
    return FeedLinks(tuple(_newest_first(links)), warning=warning)


def _newest_first(links: list[FeedLink]) -> list[FeedLink]:
    oldest = datetime.min.replace(tzinfo=UTC)
    return sorted(links, key=lambda link: link.published or oldest, reverse=True)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def _child_text(element: ET.Element, *names: str) -> str | None:
    for child in element.iter():
        if _local(child.tag) in names and child.text and child.text.strip():
            return child.text.strip()
    return None


def _sitemap_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return parse_published(value)
    except InputError:
        return None


def parse_sitemap(body: bytes, base_url: str, *, limit: int = 10_000_000) -> FeedLinks:
    """Links of an XML sitemap (urlset, with Google News tags) or sitemap index."""
    body = _checked(body, base_url, limit)
    try:
        root = ET.fromstring(body)  # noqa: S314 - entities and DTD subsets were refused above
    except ET.ParseError as exc:
        raise InputError(
            "FP508", f"the sitemap is not well-formed XML: {exc}", source=base_url
        ) from exc
    kind = _local(root.tag)
    if kind not in ("urlset", "sitemapindex"):
        raise InputError(
            "FP508", f"the document is not a sitemap (its root is <{kind}>)", source=base_url
        )
    links: list[FeedLink] = []
    children: list[tuple[datetime | None, str]] = []
    for item in root:
        item_kind = _local(item.tag)
        url = _web_url(_child_text(item, "loc"), base_url)
        if url is None:
            continue
        when = _sitemap_date(_child_text(item, "publication_date", "lastmod"))
        if kind == "sitemapindex" and item_kind == "sitemap":
            children.append((when, url))
        elif kind == "urlset" and item_kind == "url":
            links.append(FeedLink(url, _child_text(item, "title"), when))
    oldest = datetime.min.replace(tzinfo=UTC)
    children.sort(key=lambda pair: pair[0] or oldest, reverse=True)
    return FeedLinks(
        tuple(_newest_first(links)), sitemaps=tuple(dict.fromkeys(url for _, url in children))
    )
