"""The real coder on generated text: every event it returns has true evidence.

Inputs mix news sentences that code to events with random Unicode, control characters,
odd spacing and very long tokens. Whatever the input, every offset must point at the
text it claims, and every field must hold a value of its vocabulary.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import make_article
from flashpoint.coding.coder import Coder
from flashpoint.config import Settings
from flashpoint.models import PLOVER_CATEGORIES, STATUSES, Event

pytestmark = pytest.mark.needs_model

NEWS = [
    "North Korea fired two ballistic missiles into the sea on Tuesday.",
    "Russian troops shelled the city of Kharkiv overnight, Ukrainian officials said.",
    "China accused the United States of provocation near Taiwan.",
    "Protesters clashed with police in Nairobi on Friday.",
    "Japan and South Korea agreed to resume talks in Seoul next month.",
    "The UN Security Council imposed new sanctions on Iran.",
    "Israel's army said it struck targets in Gaza on 3 April 2024.",
    "Pakistan threatened to expel Afghan diplomats.",
]
_NOISE = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["\x00", "\x0b", "\u200b", "\u202e", "\ufeff", "\r\n", "\t", "…", "—"]),
    st.text(alphabet="abc", min_size=200, max_size=400),  # one very long token
    st.just("Korea " * 30),
    st.just("said that " * 20),
)
_PIECES = st.lists(st.one_of(st.sampled_from(NEWS), _NOISE), min_size=1, max_size=6)


@pytest.fixture(scope="module")
def coder(parser_model: str) -> Coder:
    return Coder(Settings(model=parser_model))


def _span_ok(text: str, start: int | None, end: int | None, expected: str | None) -> None:
    if start is None or end is None:
        return
    assert 0 <= start <= end <= len(text)
    if expected is not None:
        assert text[start:end] == expected


def _assert_true_evidence(text: str, event: Event) -> None:
    assert event.category in PLOVER_CATEGORIES
    assert event.status in STATUSES
    assert 1 <= event.quad_class <= 4
    assert event.score is None or -10.0 <= event.score <= 10.0
    assert 0.0 <= event.confidence <= 1.0
    sentence, trigger = event.sentence, event.trigger
    _span_ok(text, sentence.start, sentence.end, sentence.text)
    _span_ok(text, trigger.start, trigger.end, trigger.text)
    assert sentence.start <= trigger.start <= trigger.end <= sentence.end
    for entity in (*event.actors, *event.recipients):
        _span_ok(text, entity.start, entity.end, entity.name)
    if event.attribution is not None:
        _span_ok(text, event.attribution.start, event.attribution.end, event.attribution.name)
    _span_ok(text, event.date.start, event.date.end, event.date.text)
    if event.location is not None:
        # The name is the gazetteer's ("Gaza Strip" for "Gaza"); the offsets are the mention's.
        _span_ok(text, event.location.start, event.location.end, None)
        assert text[event.location.start : event.location.end].strip()


@settings(max_examples=40, deadline=None)
@given(pieces=_PIECES, joiner=st.sampled_from([" ", "\n", "\n\n", "  ", "\u00a0"]))
def test_coded_events_point_at_their_evidence_whatever_surrounds_it(
    coder: Coder, pieces: list[str], joiner: str
) -> None:
    text = joiner.join(pieces)
    if not text.strip():
        return
    article = make_article(text, id="fuzz")
    events = coder.code_article(article)
    assert len({e.event_id for e in events}) == len(events)
    for event in events:
        assert event.article_id == "fuzz"
        _assert_true_evidence(article.text, event)


def test_the_clean_news_sentences_still_code_among_noise(coder: Coder) -> None:
    noise = "\x0b\u200b" + "abc" * 100 + " \ufeff"
    text = f"{noise} {NEWS[0]} {noise}\n\n{NEWS[1]}"
    article = make_article(text, id="noisy")
    events = coder.code_article(article)
    assert {"ASSAULT"} & {e.category for e in events}
    for event in events:
        _assert_true_evidence(article.text, event)


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(pieces=_PIECES)
def test_many_generated_articles_code_with_true_evidence(coder: Coder, pieces: list[str]) -> None:
    text = " ".join(pieces)
    if not text.strip():
        return
    article = make_article(text, id="fuzz")
    for event in coder.code_article(article):
        _assert_true_evidence(article.text, event)
