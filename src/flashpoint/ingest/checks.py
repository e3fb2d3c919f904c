"""The gate every candidate article passes: size, length and language, then `Article.build`."""

from __future__ import annotations

import re
from datetime import datetime

from flashpoint.ingest.language import detect_language, language_name
from flashpoint.ingest.options import ReadOptions
from flashpoint.models import Article, Rejection


def reject(source: str, code: str, reason: str, detail: str | None = None) -> Rejection:
    return Rejection(source=source, code=code, reason=reason, detail=detail)


_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(value: str) -> str:
    """Lone surrogates (JSON can escape them) cannot be stored or hashed; they become U+FFFD."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", value)
    return value


def _clean(value: str | None) -> str | None:
    return clean_text(value) if value is not None else None


def checked_article(
    text: str,
    *,
    source: str,
    options: ReadOptions,
    id: str | None = None,
    url: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    published: datetime | None = None,
    language_hint: str | None = None,
) -> Article | Rejection:
    """An Article when the text is usable, else the Rejection that says why not."""
    text = clean_text(text)
    if not text.strip():
        return reject(source, "FP201", f"{source} holds no article text")
    size = len(text.encode("utf-8"))
    if size > options.max_article_bytes:
        return reject(
            source,
            "FP206",
            f"the article text is {size:,} bytes, over the limit of {options.max_article_bytes:,}",
        )
    stripped = text.strip()
    if len(stripped) < options.min_article_chars:
        return reject(
            source,
            "FP211",
            f"the text has {len(stripped)} characters, fewer than the {options.min_article_chars} needed",
            detail=stripped,
        )
    language, confidence = detect_language(text)
    if options.check_language and language is not None and language != "en":
        hint = f"; the page declares {language_hint!r}" if language_hint else ""
        return reject(
            source,
            "FP203",
            f"looks like {language_name(language)} ({language}), confidence {confidence:.2f}{hint}",
            detail=stripped[:120],
        )
    return Article.build(
        text,
        id=_clean(id),
        url=_clean(url),
        title=_clean(title),
        outlet=options.outlet or _clean(outlet),
        published_at=published or options.published,
        language=language,
        source=source,
    )
