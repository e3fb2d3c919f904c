from __future__ import annotations

from flashpoint.models import (
    UNRESOLVED_DATE,
    Article,
    Entity,
    Event,
    TextSpan,
    article_id_for,
    canonical_url,
    content_hash,
    event_id_for,
)


def test_article_id_prefers_given_id_then_url_then_text() -> None:
    assert article_id_for("kcna-1", "https://x.org/a", "text") == "kcna-1"
    by_url = article_id_for(None, "https://www.x.org/a/?utm_source=feed#top", "text")
    assert by_url == article_id_for(None, "https://x.org/a", "other text")
    assert article_id_for(None, None, "same  text") == article_id_for(None, None, "same text")


def test_canonical_url_drops_tracking_and_sorts_query() -> None:
    assert canonical_url("HTTPS://WWW.Example.com:443/p/?b=2&a=1&utm_medium=x#frag") == (
        "https://example.com/p?a=1&b=2"
    )


def test_content_hash_ignores_whitespace_differences() -> None:
    assert content_hash("North  Korea\nfired") == content_hash("North Korea fired")


def test_event_ids_are_stable_for_the_same_evidence() -> None:
    assert event_id_for("a", 0, 12, "MOBILIZE") == event_id_for("a", 0, 12, "MOBILIZE")
    assert event_id_for("a", 0, 12, "MOBILIZE") != event_id_for("a", 0, 12, "ASSAULT")


def test_event_round_trips_through_its_json_form() -> None:
    event = Event(
        event_id="e1",
        article_id="a1",
        category="MOBILIZE",
        mode="weapons",
        status="asserted",
        context=("military",),
        actors=(Entity("PRK", "GOV", "North Korea", 0, 11),),
        recipients=(),
        date=UNRESOLVED_DATE,
        location=None,
        sentence=TextSpan(0, 30, "North Korea fired a missile."),
        trigger=TextSpan(12, 17, "fired"),
        confidence=0.9,
        score=-5.0,
        quad_class=4,
        cameo_root="15",
    )
    assert Event.from_dict(event.to_dict()) == event


def test_article_round_trips_and_is_timezone_aware() -> None:
    article = Article.build("Some text.", url="https://x.org/a")
    again = Article.from_dict(article.to_dict())
    assert again == article
    assert article.ingested_at is not None
    assert article.ingested_at.tzinfo is not None
