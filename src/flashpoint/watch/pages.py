"""A fetched page into an Article, or the Rejection that says why not.

Shared by `flashpoint watch` (linked articles and watched pages) and `flashpoint ingest
URL`. The page passes the same gate as files (size, length, language) after its main
text, title and date are extracted.
"""

from __future__ import annotations

import codecs
import contextlib
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from flashpoint.ingest.checks import checked_article, reject
from flashpoint.ingest.fetch import PAGE_TYPES, Fetcher, FetchError, FetchPolicy, Response
from flashpoint.ingest.html import extract_html
from flashpoint.ingest.options import ReadOptions
from flashpoint.ingest.streams import binary_reason, decode_text
from flashpoint.models import Article, Rejection

if TYPE_CHECKING:
    from flashpoint.store import Store
    from flashpoint.workflows import IngestReport


def decoded_body(response: Response) -> str | None:
    """The body as text: the declared charset when it decodes cleanly, else detection."""
    if response.charset:
        with contextlib.suppress(LookupError, UnicodeDecodeError):
            codecs.lookup(response.charset)
            return response.body.decode(response.charset)
    return decode_text(response.body)


def article_from_response(
    response: Response,
    options: ReadOptions,
    *,
    outlet: str | None = None,
    language: str | None = None,
    title: str | None = None,
    published: datetime | None = None,
) -> Article | Rejection:
    """The article a page holds; the feed's title and date fill in what the page lacks."""
    source = response.final_url
    why = binary_reason(response.body[:8192])
    if why is not None:
        return reject(source, "FP202", f"the page is not text: {why}")
    text = decoded_body(response)
    if text is None:
        return reject(
            source,
            "FP202",
            f"the page is not text in its declared encoding ({response.charset or 'none'}) "
            "or any known one",
        )
    page_title, page_date, page_language = None, None, None
    if response.content_type != "text/plain":
        page = extract_html(text, url=response.final_url)
        if not page.text:
            return reject(source, "FP209", "no main text was found in the page")
        text, page_title, page_date, page_language = (
            page.text,
            page.title,
            page.published,
            page.language,
        )
    return checked_article(
        text,
        source=source,
        options=options,
        url=response.final_url,
        title=page_title or title,
        outlet=outlet,
        published=page_date or published,
        language_hint=page_language or language,
    )


def fetch_article(
    fetcher: Fetcher,
    url: str,
    options: ReadOptions,
    *,
    outlet: str | None = None,
    language: str | None = None,
    title: str | None = None,
    published: datetime | None = None,
    permit: Callable[[str], None] | None = None,
) -> Article | Rejection:
    """Fetch one page and read its article. Raises FetchError only for transient
    failures (worth trying later); every other problem is a Rejection.

    `permit` may refuse the URL and each redirect target (the watcher's robots.txt
    check); a refusal is a Rejection too, or a transient FetchError when it says so.
    """
    try:
        response = fetcher.get(url, accept=PAGE_TYPES, permit=permit)
    except FetchError as exc:
        if exc.transient:
            raise
        return Rejection(source=url, code=exc.code, reason=exc.message)
    return article_from_response(
        response, options, outlet=outlet, language=language, title=title, published=published
    )


def ingest_urls(
    store: Store,
    urls: Sequence[str],
    options: ReadOptions,
    *,
    allow_private: bool = False,
    report: IngestReport | None = None,
) -> IngestReport:
    """`flashpoint ingest URL`: fetch pages with the safe fetcher and store their articles.

    robots.txt is not read: the user names each page, as a browser would open it.
    Adds to `report` when given (so files and URLs share one summary); rejections are
    stored with their reason like those of files.
    """
    from flashpoint.workflows import IngestReport  # noqa: PLC0415 - workflows imports the store

    report = report if report is not None else IngestReport()
    started = time.perf_counter()
    with Fetcher(FetchPolicy(allow_private=allow_private)) as fetcher:
        for url in urls:
            try:
                result = fetch_article(fetcher, url, options, outlet=options.outlet)
            except FetchError as exc:
                result = Rejection(source=url, code=exc.code, reason=exc.message)
            if isinstance(result, Rejection):
                store.writer.add_rejections([result])
                report.rejections.append(result)
                continue
            written = store.writer.add_articles([result])
            report.read += 1
            report.stored += len(written.stored)
            report.duplicates.extend(written.duplicates)
    report.seconds += time.perf_counter() - started
    return report
