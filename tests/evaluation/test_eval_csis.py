"""The CSIS scorer on hand-built rows and events with known answers."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from flashpoint.evaluation.csis import ATTACK, MISSILE, NUCLEAR, evaluate_csis, is_attack
from flashpoint.models import Article, Entity, Event, EventDate, TextSpan


def _event(category: str, mode: str | None, actor: str, day: str | None) -> Event:
    when = (
        EventDate(value=day, granularity="day", type="exact")
        if day
        else EventDate(value=None, granularity="unknown", type="unresolved")
    )
    return Event(
        event_id=f"e{category}{actor}{day}",
        article_id="a",
        category=category,
        mode=mode,
        status="asserted",
        context=("military",),
        actors=(Entity(code=actor, sector="MIL", name=actor, start=0, end=3),),
        recipients=(),
        date=when,
        location=None,
        sentence=TextSpan(0, 10, "x" * 10),
        trigger=TextSpan(3, 8, "fired"),
        confidence=0.9,
        score=None,
        quad_class=4,
        cameo_root="15",
    )


class ByTextCoder:
    """Answers by the description text, so the test does not depend on article ids."""

    def __init__(self, answers: dict[str, list[Event]]) -> None:
        self.answers = answers
        self.seen: list[Article] = []

    def code_articles(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        for article in articles:
            self.seen.append(article)
            yield article, self.answers.get(article.text, [])


ROWS = [
    ("2024-01-14", MISSILE, "Ballistic Missile Launch", "m1 launch found, right date"),
    ("2024-01-24", MISSILE, "Strategic cruise missile", "m2 launch found, wrong date"),
    ("2024-02-02", MISSILE, "Strategic cruise missile", "m3 launch coded for Seoul only"),
    ("2017-09-03", NUCLEAR, "Nuclear Test", "n1 test found"),
    ("2010-11-23", "Other Provocation", "Shelling of Yeonpyeong Island", "o1 shelling"),
    ("2024-05-28", "Other Provocation", "Balloon-floating Trash", "o2 balloons"),
]

ANSWERS = {
    "m1 launch found, right date": [_event("MOBILIZE", "weapons", "PRK", "2024-01-14")],
    "m2 launch found, wrong date": [_event("MOBILIZE", "weapons", "PRK", "2024-01-23")],
    "m3 launch coded for Seoul only": [_event("MOBILIZE", "weapons", "KOR", "2024-02-02")],
    "n1 test found": [
        _event("ACCUSE", None, "JPN", None),
        _event("MOBILIZE", "weapons", "PRK", "2017-09-03"),
    ],
    "o1 shelling": [_event("ASSAULT", "heavy-weapons", "PRK", "2010-11-23")],
}


@pytest.fixture
def csis_file(tmp_path: Path) -> Path:
    path = tmp_path / "csis.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["date", "type", "event", "description", "resources"])
        for row in ROWS:
            writer.writerow([*row, "https://example.org"])
    return path


def test_csis_counts_found_and_exact_date_by_kind(csis_file: Path) -> None:
    coder = ByTextCoder(ANSWERS)
    report = evaluate_csis(csis_file, coder)
    missile = report.by_kind[MISSILE]
    assert (missile.found.hits, missile.found.total) == (2, 3)
    assert (missile.date_exact.hits, missile.date_exact.total) == (1, 3)
    assert (report.by_kind[NUCLEAR].found.hits, report.by_kind[NUCLEAR].date_exact.hits) == (1, 1)
    assert (report.missile_nuclear.found.hits, report.missile_nuclear.found.total) == (3, 4)
    assert (report.missile_nuclear.date_exact.hits, report.missile_nuclear.found.total) == (2, 4)
    assert (report.by_kind[ATTACK].found.hits, report.by_kind[ATTACK].found.total) == (1, 1)
    assert report.rows == 6
    assert len(report.outcomes) == 5  # the balloon row is not scored


def test_csis_dates_each_description_by_its_row(csis_file: Path) -> None:
    coder = ByTextCoder(ANSWERS)
    evaluate_csis(csis_file, coder)
    by_text = {a.text: a for a in coder.seen}
    published = by_text["m2 launch found, wrong date"].published_at
    assert published is not None
    assert published.date().isoformat() == "2024-01-24"
    assert "o2 balloons" not in by_text


def test_csis_misses_say_what_was_coded(csis_file: Path) -> None:
    report = evaluate_csis(csis_file, ByTextCoder(ANSWERS))
    misses = {m.row.description: m for m in report.misses}
    assert set(misses) == {"m2 launch found, wrong date", "m3 launch coded for Seoul only"}
    assert misses["m2 launch found, wrong date"].found
    assert misses["m3 launch coded for Seoul only"].coded == (
        "MOBILIZE:weapons actors=KOR date=2024-02-02/day",
    )


@pytest.mark.parametrize(
    ("event", "attack"),
    [
        ("Shelling of Yeonpyeong Island", True),
        ("Sinking of the ROKS Cheonan", True),
        ("Exchange of Fire (Ground)", True),
        ("NK Fighter Jets Attack U.S. Reconnaissance Plane", True),
        ("Ambush on U.S. Soldiers", True),
        ("Infiltration and Sinking of North Korean Vessel", False),
        ("Exchange of Fire and Sinking of NK Vessel", False),
        ("Underwater nuclear attack drone", False),
        ("Artillery Fire", False),
        ("Balloon-floating Trash", False),
    ],
)
def test_csis_attack_rows_are_recognised_by_their_event_label(event: str, attack: bool) -> None:
    assert is_attack(event) is attack
