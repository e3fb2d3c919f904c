"""Volume normalisation: the index per article published, and periods without coverage."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from analytics_builders import EventBook
from flashpoint.analytics import IndexParams, build_series, detect_alerts, escalation_index, series
from flashpoint.analytics.index import normalised_index
from flashpoint.analytics.volume import per_article_rate, reference_volumes, split_by_outlet
from flashpoint.models import Article
from flashpoint.store import Store
from flashpoint.store.analytics import StoryPeriodFact, article_outlets, article_volume

PARAMS = IndexParams(span=1, window=4, min_history=3)
MONTHS = [date(2024, m, 1) for m in range(1, 9)]


def accusations(month: date, n: int, outlet: str = "KCNA") -> list[StoryPeriodFact]:
    """n ACCUSE stories (score -3, hostility 3 each) reported once in `month`."""
    return [
        StoryPeriodFact(
            month, f"{outlet}-{month}-{i}", "ACCUSE", 3, 1, (f"{outlet}{month}{i}",), -3.0, 1
        )
        for i in range(n)
    ]


def outlets_of(facts: list[StoryPeriodFact]) -> dict[str, str]:
    return {a: f.story_id.split("-")[0] for f in facts for a in f.article_ids}


def test_constant_output_gives_the_plain_index() -> None:
    hostility = [3.0, 6.0, 3.0, 6.0, 15.0, 3.0]
    plain = escalation_index(hostility, PARAMS)
    per_article = normalised_index([h / 50 for h in hostility], [50.0] * 6, PARAMS)
    assert [v.index for v in per_article] == pytest.approx([v.index for v in plain])
    assert [v.hostility for v in per_article] == pytest.approx(hostility)


def test_doubled_output_with_doubled_hostility_is_not_an_escalation() -> None:
    counts = [1, 2, 1, 2, 4]  # month 4: twice the articles and twice the accusations
    facts = [f for m, n in zip(MONTHS, counts, strict=False) for f in accusations(m, n)]
    volume = {m: {"KCNA": 200 if m == MONTHS[4] else 100} for m in MONTHS[:5]}
    plain = build_series("PRK", "USA", facts, "month", params=PARAMS)
    scaled = build_series(
        "PRK", "USA", facts, "month", params=PARAMS, volume=volume, article_outlet=outlets_of(facts)
    )
    assert plain.index[4].index == pytest.approx(5.0)  # (12 - 4.5) / 1.5
    # Per article: 0.06 against a baseline of 0.03 and 0.06, floor 1 point at 100 articles.
    assert scaled.index[4].index == pytest.approx(1.0)
    assert scaled.index[4].hostility == pytest.approx(6.0)  # at the usual 100 articles
    assert [a.kind for a in detect_alerts(plain, index_params=PARAMS)] == ["escalation"]
    assert detect_alerts(scaled, index_params=PARAMS) == []


def test_a_quiet_month_for_the_outlet_does_not_read_as_de_escalation() -> None:
    counts = [2, 3, 2, 3, 1]  # month 4: the outlet published 40 articles instead of 100
    facts = [f for m, n in zip(MONTHS, counts, strict=False) for f in accusations(m, n)]
    volume = {m: {"KCNA": 40 if m == MONTHS[4] else 100} for m in MONTHS[:5]}
    plain = build_series("PRK", "USA", facts, "month", params=PARAMS)
    scaled = build_series(
        "PRK", "USA", facts, "month", params=PARAMS, volume=volume, article_outlet=outlets_of(facts)
    )
    assert plain.index[4].index == pytest.approx(-3.0)
    assert [a.kind for a in detect_alerts(plain, index_params=PARAMS)] == ["de-escalation"]
    assert scaled.index[4].index == pytest.approx(0.0)
    assert scaled.volume[4].articles == 40
    assert scaled.volume[4].reference == pytest.approx(100.0)


def test_a_period_without_articles_has_no_coverage_instead_of_reading_calm() -> None:
    counts = [2, 3, 2, 3, 0, 3]
    facts = [f for m, n in zip(MONTHS, counts, strict=False) for f in accusations(m, n)]
    volume = {m: {"KCNA": 100} for m in MONTHS[:6] if m != MONTHS[4]}
    scaled = build_series(
        "PRK", "USA", facts, "month", params=PARAMS, volume=volume, article_outlet=outlets_of(facts)
    )
    gap = scaled.index[4]
    assert (gap.covered, gap.index) == (False, None)
    assert not scaled.volume[4].covered
    assert scaled.points[4].escalation_index is None
    # The month after is read against the covered months of its window only (rates .09,
    # .06, .09 per article, shown at 100 articles): mean 8, deviation 1.41.
    assert scaled.index[5].baseline_mean == pytest.approx(8.0)
    assert scaled.index[5].index == pytest.approx((9.0 - 8.0) / 2**0.5)


def test_no_coverage_keeps_the_crossing_state_so_an_alert_is_not_raised_twice() -> None:
    counts = [1, 1, 1, 1, 5, 0, 6]
    facts = [f for m, n in zip(MONTHS, counts, strict=False) for f in accusations(m, n)]
    volume = {m: {"KCNA": 100} for m in MONTHS[:7] if m != MONTHS[5]}
    params = IndexParams(span=1, window=6, min_history=3)
    scaled = build_series(
        "PRK", "USA", facts, "month", params=params, volume=volume, article_outlet=outlets_of(facts)
    )
    assert scaled.index[6].index is not None
    assert scaled.index[6].index >= 2  # still above after the gap: no new crossing
    alerts = detect_alerts(scaled, index_params=params)
    assert [(a.period, a.kind) for a in alerts if a.kind != "spike"] == [("2024-05", "escalation")]
    assert "normalised by volume: 100 articles published" in alerts[0].message


def test_one_outlet_publishing_more_does_not_move_another_outlets_reading() -> None:
    facts = [f for m in MONTHS[:5] for f in accusations(m, 2, "KCNA")]
    volume = {m: {"KCNA": 100, "VOA": 400 if m == MONTHS[4] else 100} for m in MONTHS[:5]}
    scaled = build_series(
        "PRK", "USA", facts, "month", params=PARAMS, volume=volume, article_outlet=outlets_of(facts)
    )
    assert scaled.volume[4].articles == 500
    assert scaled.volume[4].by_outlet == {"KCNA": 100, "VOA": 400}
    assert scaled.index[4].index == pytest.approx(0.0)


def test_conflict_spike_is_judged_per_article_when_normalised() -> None:
    counts = [1, 1, 1, 1, 6]  # six times the stories in a month with six times the articles
    facts = [f for m, n in zip(MONTHS, counts, strict=False) for f in accusations(m, n)]
    volume = {m: {"KCNA": 600 if m == MONTHS[4] else 100} for m in MONTHS[:5]}
    plain = build_series("PRK", "USA", facts, "month", params=PARAMS)
    scaled = build_series(
        "PRK", "USA", facts, "month", params=PARAMS, volume=volume, article_outlet=outlets_of(facts)
    )
    assert "spike" in {a.kind for a in detect_alerts(plain, index_params=PARAMS)}
    assert "spike" not in {a.kind for a in detect_alerts(scaled, index_params=PARAMS)}


@pytest.mark.parametrize(
    ("parts", "volume", "expected"),
    [
        ({"A": 6.0}, {"A": 100}, 0.06),
        ({}, {"A": 100}, 0.0),  # published, nothing about the dyad: calm, truly
        ({"A": 6.0}, {}, None),  # nothing published: unknown
        ({"A": 6.0}, {"A": 0}, None),
        ({"A": 6.0, "B": 2.0}, {"A": 100, "B": 0}, 0.06),  # B silent: read from A alone
    ],
)
def test_per_article_rate(
    parts: dict[str, float], volume: dict[str, int], expected: float | None
) -> None:
    rate = per_article_rate(parts, volume, {"A": 0.5, "B": 0.5})
    assert rate == (pytest.approx(expected) if expected is not None else None)


def test_reference_volume_is_the_mean_of_covered_periods_before() -> None:
    assert reference_volumes([100, 0, 300, 50], window=4) == [100.0, 100.0, 100.0, 200.0]
    assert reference_volumes([0, 80], window=4) == [None, 80.0]


def test_a_story_weight_is_split_over_its_reports_outlets() -> None:
    shares = split_by_outlet(6.0, ["a1", "a2", "a3"], {"a1": "KCNA", "a2": "KCNA", "a3": "VOA"})
    assert shares == {"KCNA": pytest.approx(4.0), "VOA": pytest.approx(2.0)}


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "fp.duckdb") as opened:
        yield opened


def add_filler(store: Store, day: str, n: int, outlet: str | None = "KCNA") -> None:
    """Articles with no events: the outlet's other output that day."""
    published = datetime.fromisoformat(day).replace(tzinfo=UTC)
    store.writer.add_articles(
        [
            Article.build(
                f"Filler report {i} from {outlet} on {day} about the harvest.",
                id=f"fill-{outlet}-{day}-{i}",
                outlet=outlet,
                published_at=published,
            )
            for i in range(n)
        ]
    )


def test_store_counts_articles_per_period_and_outlet_on_their_publication_day(
    store: Store,
) -> None:
    add_filler(store, "2024-01-10", 3)
    add_filler(store, "2024-01-31", 1, "VOA")
    add_filler(store, "2024-02-01", 2)
    store.writer.add_articles([Article.build("An undated report about the harvest.", id="nodate")])
    rows = article_volume(store, "month")
    assert [(r.period, r.outlet, r.articles) for r in rows] == [
        (date(2024, 1, 1), "KCNA", 3),
        (date(2024, 1, 1), "VOA", 1),
        (date(2024, 2, 1), "KCNA", 2),
    ]
    assert [r.articles for r in article_volume(store, "month", since=date(2024, 1, 31))] == [1, 2]
    assert article_outlets(store, ["fill-VOA-2024-01-31-0", "missing"]) == {
        "fill-VOA-2024-01-31-0": "VOA"
    }


def test_series_from_the_store_normalised_by_volume(store: Store) -> None:
    book = EventBook(store)
    for month in range(1, 7):
        book.add(f"2024-{month:02d}-10")
        if month != 4:  # April: the outlet published only the one report
            add_filler(store, f"2024-{month:02d}-11", 9, outlet=None)
    found = series(store, "PRK", "USA", "month", normalise="volume")
    assert found.normalise == "volume"
    assert [v.articles for v in found.volume] == [10, 10, 10, 1, 10, 10]
    # One accusation out of one article is a far larger share than one out of ten.
    april = found.index[3]
    assert april.hostility == pytest.approx(30.0)  # 3 per article at the usual 10 articles
    plain = series(store, "PRK", "USA", "month")
    assert plain.volume == ()
    assert plain.normalise == "none"


def test_unknown_normalisation_is_refused(store: Store) -> None:
    EventBook(store).add("2024-01-10")
    with pytest.raises(ValueError, match="normalise"):
        series(store, "PRK", "USA", "month", normalise="share")  # type: ignore[arg-type]
