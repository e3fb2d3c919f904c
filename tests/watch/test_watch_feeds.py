"""Feeds and sitemaps into links: RSS, Atom, Google News sitemaps, indexes; hostile XML refused."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime
from pathlib import Path

import pytest

from flashpoint.errors import InputError
from flashpoint.ingest.feeds import parse_feed, parse_sitemap, unsafe_xml_reason

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "watch"
BASE = "https://news.example.org"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes().replace(b"{base}", BASE.encode())


def test_rss_links_are_absolute_newest_first_with_titles_and_dates() -> None:
    found = parse_feed(fixture("rss.xml"), f"{BASE}/korea/rss.xml")
    assert [link.url for link in found.links] == [
        f"{BASE}/articles/sanctions.html",
        f"{BASE}/articles/talks.html",
        f"{BASE}/articles/launch.html?utm_source=rss",
    ]
    assert found.links[0].title == "Japan announces new sanctions on North Korean shipping"
    assert found.links[2].published == datetime(2024, 4, 2, tzinfo=UTC)
    assert found.warning is None


def test_feed_links_other_than_http_are_dropped() -> None:
    found = parse_feed(fixture("rss.xml"), f"{BASE}/korea/rss.xml")
    assert all(link.url.startswith("https://") for link in found.links)
    assert not any("passwd" in link.url for link in found.links)


def test_atom_entries_give_their_alternate_links() -> None:
    found = parse_feed(fixture("atom.xml"), f"{BASE}/asia.atom")
    assert [link.url for link in found.links] == [
        f"{BASE}/articles/envoy.html",
        f"{BASE}/articles/drills.html",
    ]
    assert found.links[0].published == datetime(2024, 4, 6, 1, 0, tzinfo=UTC)


def test_an_entity_bomb_is_refused_before_parsing() -> None:
    with pytest.raises(InputError) as caught:
        parse_feed(fixture("entity_bomb.xml"), f"{BASE}/bomb.xml")
    assert caught.value.code == "FP508"
    assert "entities" in caught.value.message
    with pytest.raises(InputError):
        parse_sitemap(fixture("entity_bomb.xml"), f"{BASE}/bomb.xml")


@pytest.mark.parametrize(
    "document",
    [
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
        b'<!DOCTYPE rss [ <!ELEMENT rss ANY> ]><rss version="2.0"/>',
        '<?xml version="1.0" encoding="utf-16"?><!DOCTYPE a [<!ENTITY a "x">]><a/>'.encode(
            "utf-16"
        ),
    ],
    ids=["external-entity", "internal-subset", "utf-16-entity"],
)
def test_xml_declaring_entities_or_an_internal_dtd_is_unsafe(document: bytes) -> None:
    assert unsafe_xml_reason(document) is not None


def test_a_plain_doctype_without_declarations_is_accepted() -> None:
    assert unsafe_xml_reason(b'<!DOCTYPE rss SYSTEM "rss-0.91.dtd"><rss version="0.91"/>') is None


def test_malformed_xml_without_entries_is_rejected_with_the_parser_message() -> None:
    with pytest.raises(InputError) as caught:
        parse_feed(fixture("malformed.xml"), f"{BASE}/broken.xml")
    assert caught.value.code == "FP508"
    assert "well-formed" in caught.value.message


def test_an_html_page_is_not_a_feed() -> None:
    with pytest.raises(InputError) as caught:
        parse_feed(fixture("article_launch.html"), f"{BASE}/page.html")
    assert caught.value.code == "FP508"


def test_a_body_that_names_a_local_file_is_never_opened() -> None:
    # feedparser treats a bare string or bytes as a path; we always hand it a stream.
    with pytest.raises(InputError) as caught:
        parse_feed(b"/etc/hostname", f"{BASE}/feed")
    assert caught.value.code == "FP508"


def test_news_sitemap_gives_links_with_publication_dates_and_titles() -> None:
    found = parse_sitemap(fixture("sitemap.xml"), f"{BASE}/sitemap.xml")
    assert [link.url for link in found.links] == [
        f"{BASE}/articles/drills.html",
        f"{BASE}/articles/launch.html",
    ]
    drills = found.links[0]
    assert drills.title == "South Korean marines stage live-fire drills near the border islands"
    assert drills.published is not None
    assert drills.published.isoformat() == "2024-04-05T15:00:00+09:00"


def test_sitemap_index_lists_child_sitemaps_newest_first() -> None:
    found = parse_sitemap(fixture("sitemap_index.xml"), f"{BASE}/sitemap_index.xml")
    assert found.links == ()
    assert found.sitemaps == (f"{BASE}/sitemap.xml", f"{BASE}/sitemap-old.xml")


def test_gzipped_sitemaps_are_read_within_the_size_limit() -> None:
    packed = gzip.compress(fixture("sitemap.xml"))
    assert len(parse_sitemap(packed, f"{BASE}/sitemap.xml.gz").links) == 2
    bomb = gzip.compress(b"<urlset>" + b" " * 2_000_000 + b"</urlset>")
    with pytest.raises(InputError) as caught:
        parse_sitemap(bomb, f"{BASE}/sitemap.xml.gz", limit=100_000)
    assert caught.value.code == "FP504"


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (b"<html><body>hello</body></html>", "not a sitemap"),
        (b"<urlset><url><loc>x</loc>", "well-formed"),
        (b"   ", "empty"),
    ],
)
def test_documents_that_are_not_sitemaps_are_rejected(document: bytes, message: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_sitemap(document, f"{BASE}/sitemap.xml")
    assert message in caught.value.message
