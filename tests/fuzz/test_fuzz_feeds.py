"""Feeds, sitemaps, publication dates and language detection on hostile input.

Each parser answers with a result or its coded InputError, never another exception.
"""

from __future__ import annotations

import gzip
import math
from collections.abc import Callable
from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flashpoint.errors import CATALOGUE, InputError
from flashpoint.ingest import detect_language, parse_published
from flashpoint.ingest.feeds import FeedLinks, parse_feed, parse_sitemap

# feedparser warns on every entry without a published date (its issue 310 mapping).
pytestmark = pytest.mark.filterwarnings("ignore:To avoid breaking existing software")
BASE = "https://news.example/feed.xml"
RSS = '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'
ITEM = "<item><title>{title}</title><link>{link}</link><pubDate>{date}</pubDate></item>"
SITEMAP = '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'


def _assert_links(result: FeedLinks) -> None:
    for link in result.links:
        assert link.url.startswith(("http://", "https://"))
        assert link.published is None or link.published.tzinfo is not None
    for child in result.sitemaps:
        assert child.startswith(("http://", "https://"))


def _parse_or_refuse(parse: Callable[[bytes, str], FeedLinks], body: bytes) -> None:
    refusal: InputError | None = None
    try:
        result = parse(body, BASE)
    except InputError as exc:
        refusal = exc
    if refusal is not None:
        assert refusal.code in CATALOGUE
        assert str(refusal)
    else:
        _assert_links(result)


_XMLISH = st.lists(
    st.sampled_from(
        [
            "<rss>",
            "</rss>",
            "<channel>",
            "<item>",
            "</item>",
            "<link>",
            "</link>",
            "http://a.example/x",
            "javascript:alert(1)",
            "file:///etc/passwd",
            "<urlset>",
            "<url><loc>",
            "</loc></url>",
            "<sitemapindex>",
            "<![CDATA[",
            "]]>",
            "&amp;",
            "&bogus;",
            "<!DOCTYPE x [",
            "<!ENTITY e 'x'>",
            "\x00",
            "\ufeff",
            "<?xml version='1.0' encoding='utf-16'?>",
        ]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=80, deadline=None)
@given(body=st.one_of(st.binary(max_size=2000), _XMLISH.map(str.encode)))
def test_feed_parser_gives_web_links_or_a_coded_refusal(body: bytes) -> None:
    _parse_or_refuse(parse_feed, body)


@settings(max_examples=80, deadline=None)
@given(body=st.one_of(st.binary(max_size=2000), _XMLISH.map(str.encode)))
def test_sitemap_parser_gives_web_links_or_a_coded_refusal(body: bytes) -> None:
    _parse_or_refuse(parse_sitemap, body)


_FIELD = st.text(max_size=60)


@settings(max_examples=60, deadline=None)
@given(
    items=st.lists(st.tuples(_FIELD, _FIELD, _FIELD), min_size=1, max_size=6),
)
def test_feed_items_with_hostile_fields_keep_the_good_items(
    items: list[tuple[str, str, str]],
) -> None:
    def esc(value: str) -> str:
        cleaned = "".join(c for c in value if c.isprintable())
        return cleaned.replace("&", "&amp;").replace("<", "&lt;")

    good = ITEM.format(
        title="Good", link="https://news.example/good", date="Tue, 02 Apr 2024 10:00:00 GMT"
    )
    hostile = "".join(
        ITEM.format(title=esc(t), link=esc(link), date=esc(d)) for t, link, d in items
    )
    result = parse_feed((RSS.format(items=hostile + good)).encode("utf-8"), BASE)
    _assert_links(result)
    assert "https://news.example/good" in {link.url for link in result.links}


@pytest.mark.parametrize(
    "body",
    [
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><rss>&b;</rss>',
        b'<!DOCTYPE r SYSTEM "file:///etc/passwd"><rss>&xxe;</rss>',
        '<?xml version="1.0" encoding="utf-16"?><!DOCTYPE r [<!ENTITY a "x">]><rss/>'.encode(
            "utf-16"
        ),
    ],
)
def test_entity_declarations_are_refused_before_parsing(body: bytes) -> None:
    for parse in (parse_feed, parse_sitemap):
        with pytest.raises(InputError) as caught:
            parse(body, BASE)
        assert caught.value.code in {"FP508", "FP201"}


def test_a_gzip_bomb_sitemap_is_refused_at_the_limit() -> None:
    body = gzip.compress(b"<urlset>" + b" " * 50_000_000 + b"</urlset>", compresslevel=9)
    assert len(body) < 100_000
    with pytest.raises(InputError) as caught:
        parse_sitemap(body, BASE, limit=1_000_000)
    assert caught.value.code == "FP504"


def test_a_sitemap_keeps_its_good_urls_beside_non_web_ones() -> None:
    urls = "".join(
        f"<url><loc>{loc}</loc></url>"
        for loc in ("javascript:alert(1)", "file:///etc/passwd", "https://news.example/a", "")
    )
    result = parse_sitemap(SITEMAP.format(urls=urls).encode(), BASE)
    assert [link.url for link in result.links] == ["https://news.example/a"]


_DATES = st.one_of(
    st.text(max_size=60),
    st.from_regex(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)?)?", fullmatch=True),
    st.from_regex(r"[A-Za-z]{3,9} \d{1,2},? \d{4}", fullmatch=True),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
)


@settings(max_examples=300, deadline=None)
@given(value=_DATES)
def test_publication_dates_parse_to_aware_times_in_range_or_fp207(
    value: str | int | float,
) -> None:
    refusal: InputError | None = None
    try:
        parsed = parse_published(value, source="fuzz")
    except InputError as exc:
        refusal = exc
    if refusal is not None:
        assert refusal.code == "FP207"
        return
    if parsed is None:
        assert isinstance(value, str)
        assert not value.strip()
        return
    assert isinstance(parsed, datetime)
    assert parsed.tzinfo is not None
    assert 1800 <= parsed.year <= 2200
    if isinstance(value, float):
        assert math.isfinite(value)


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=3000))
def test_language_detection_gives_a_code_and_a_confidence_in_range(text: str) -> None:
    language, confidence = detect_language(text)
    assert 0.0 <= confidence <= 1.0
    if language is None:
        assert confidence == 0.0
    else:
        assert language.isalpha()
        assert language.islower()
        assert 2 <= len(language) <= 3


def test_language_detection_on_ten_megabytes_of_one_character_reads_a_sample() -> None:
    language, confidence = detect_language("한" * 10_000_000)
    assert (language, confidence) == ("ko", 1.0)
