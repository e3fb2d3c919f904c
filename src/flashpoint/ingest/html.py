"""Main text, title and publication date from an HTML page.

trafilatura finds the main text and the metadata. When it finds no text (hostile,
broken or very deep markup; lxml stops building a tree at depth 256), or the page has
more elements than `MAX_EXTRACTOR_ELEMENTS` (trafilatura's time grows faster than the
element count: 80,000 paragraphs take over 15 s), a small tokenizer of our own takes
over: it reads libxml2's parse events, so it is linear in the page size, has no depth
limit and never holds a tree. (The stdlib HTMLParser is not used: unclosed constructs
such as "<a <a <a ..." make it quadratic or worse; 1 MB of "</" took 100 s.)
Script, style and similar elements never reach the text on either path.
"""

from __future__ import annotations

import contextlib
import json
import re
from dataclasses import dataclass
from datetime import datetime

import lxml.etree  # type: ignore[import-untyped]
import lxml.html  # type: ignore[import-untyped]

from flashpoint.errors import InputError
from flashpoint.ingest.dates import parse_published
from flashpoint.ingest.streams import decode_text


@dataclass(frozen=True, slots=True)
class HtmlDocument:
    """What a page holds for us. `text` is "" when no main text was found."""

    title: str | None
    text: str
    published: datetime | None
    language: str | None  # from <html lang> or Content-Language, e.g. "en", "ko"


# Meta names and properties that carry the publication date, most specific first.
_DATE_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dc.date",
    "date",
)
_JSON_LD_DATE = re.compile(r'"datePublished"\s*:\s*("(?:[^"\\]|\\.){1,64}")')
_SKIPPED = frozenset(
    (
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "math",
        "iframe",
        "object",
        "canvas",
        "select",
    )
)
_BOILERPLATE = frozenset(("nav", "footer", "aside", "form", "button"))
_BLOCKS = frozenset(
    (
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "table",
        "article",
        "section",
        "blockquote",
        "pre",
        "dd",
        "dt",
        "figcaption",
        "header",
        "main",
        "body",
        "title",
    )
)


# Pages with more elements than this skip trafilatura (its time is superlinear in them);
# long real articles have a few thousand.
MAX_EXTRACTOR_ELEMENTS = 15_000


class _TextTokenizer:
    """Visible text by blocks from lxml's parser-target events: no tree, no depth limit."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.title_parts: list[str] = []
        self._current: list[str] = []
        self._skip = 0
        self._boilerplate = 0
        self._in_title = False

    def _flush(self) -> None:
        line = " ".join("".join(self._current).split())
        if line:
            self.lines.append(line)
        self._current = []

    def start(self, tag: str, attrib: dict[str, str]) -> None:  # noqa: ARG002 - the lxml target signature
        if tag in _SKIPPED:
            self._skip += 1
        elif tag in _BOILERPLATE:
            self._boilerplate += 1
        elif tag == "title":
            self._in_title = True
        if tag in _BLOCKS:
            self._flush()

    def end(self, tag: str) -> None:
        if tag in _SKIPPED and self._skip:
            self._skip -= 1
        elif tag in _BOILERPLATE and self._boilerplate:
            self._boilerplate -= 1
        elif tag == "title":
            self._in_title = False
        if tag in _BLOCKS:
            self._flush()

    def data(self, data: str) -> None:
        if self._skip:
            return
        if self._in_title:
            self.title_parts.append(data)
        elif not self._boilerplate:
            self._current.append(data)

    def close(self) -> None:
        self._flush()

    def result(self) -> tuple[str, str | None]:
        title = " ".join("".join(self.title_parts).split()) or None
        return "\n".join(self.lines), title


def _tokenized(html: str) -> tuple[str, str | None]:
    tokenizer = _TextTokenizer()
    # Bytes, so that an XML encoding declaration in the text cannot make lxml refuse it.
    parser = lxml.etree.HTMLParser(target=tokenizer, huge_tree=True, encoding="utf-8")
    try:
        parser.feed(html.encode("utf-8", errors="replace"))
        parser.close()
    except (ValueError, lxml.etree.LxmlError):
        return "", None
    return tokenizer.result()


def _element_count(tree: lxml.html.HtmlElement, limit: int) -> int:
    """Elements in the tree, counting no further than limit + 1."""
    count = 0
    for _ in tree.iter():
        count += 1
        if count > limit:
            break
    return count


def _parse_tree(html: str) -> lxml.html.HtmlElement | None:
    try:
        return lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.LxmlError):
        return None


def _meta(tree: lxml.html.HtmlElement) -> dict[str, str]:
    found: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop")
        key = key or element.get("http-equiv")
        content = element.get("content")
        if key and content:
            found.setdefault(key.strip().lower(), content.strip())
    return found


def _date_from(tree: lxml.html.HtmlElement, meta: dict[str, str], html: str) -> datetime | None:
    candidates = [meta[name] for name in _DATE_META if name in meta]
    match = _JSON_LD_DATE.search(html)
    if match:
        with contextlib.suppress(ValueError):
            candidates.append(str(json.loads(match.group(1))))
    candidates += [t.get("datetime") or "" for t in tree.iter("time") if t.get("datetime")]
    for candidate in candidates:
        try:
            parsed = parse_published(candidate)
        except InputError:
            continue
        if parsed is not None:
            return parsed
    return None


def _drop_hidden(tree: lxml.html.HtmlElement) -> None:
    """Remove script-like elements; trafilatura keeps the text of <template>, <noscript>,
    <iframe>, <math>, <object>, <canvas> and <select>, which a reader never sees."""
    for element in list(tree.iter(*_SKIPPED)):
        # clear() rather than drop_tree(): merging the tail into a neighbour re-validates
        # it, and lxml refuses control characters that the parser let through.
        element.clear(keep_tail=True)


def _trafilatura(
    tree: lxml.html.HtmlElement, url: str | None
) -> tuple[str, str | None, str | None]:
    import trafilatura  # noqa: PLC0415 - 0.1 s to import; only HTML input needs it

    _drop_hidden(tree)
    try:
        document = trafilatura.bare_extraction(
            tree, url=url, with_metadata=True, include_comments=False
        )
    except Exception:  # noqa: BLE001 - a third-party extractor on hostile markup; we fall back
        return "", None, None
    if document is None or isinstance(document, dict):
        return "", None, None
    return document.text or "", document.title or None, document.date or None


def _language(tree: lxml.html.HtmlElement | None, meta: dict[str, str]) -> str | None:
    value = tree.get("lang") if tree is not None else None
    value = value or meta.get("content-language") or meta.get("og:locale")
    if not value:
        return None
    return value.strip().replace("_", "-").split("-")[0].lower() or None


def extract_html(html: str | bytes, url: str | None = None) -> HtmlDocument:
    """The main text, title, publication date and language hint of a page.

    Never raises for bad markup: a page without usable text gives `text == ""`.
    """
    if isinstance(html, bytes):
        decoded = decode_text(html)
        if decoded is None:
            return HtmlDocument(title=None, text="", published=None, language=None)
        html = decoded
    tree = _parse_tree(html)
    meta = _meta(tree) if tree is not None else {}
    published = _date_from(tree, meta, html) if tree is not None else None
    language = _language(tree, meta)
    head_title = None
    if tree is not None:
        titles = tree.findtext(".//title")
        head_title = " ".join(titles.split()) if titles else None
    text, title, date_text = "", None, None
    if tree is not None and _element_count(tree, MAX_EXTRACTOR_ELEMENTS) <= MAX_EXTRACTOR_ELEMENTS:
        text, title, date_text = _trafilatura(tree, url)
    if not text.strip():
        text, tokenized_title = _tokenized(html)
        head_title = head_title or tokenized_title
    if published is None and date_text:
        try:
            published = parse_published(date_text)
        except InputError:
            published = None
    title = title or meta.get("og:title") or head_title
    return HtmlDocument(title=title, text=text.strip(), published=published, language=language)
