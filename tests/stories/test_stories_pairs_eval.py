"""The judged-pairs measure: candidate pairs, the seeded draw, the file, scoring, the floor."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from conftest import make_article, make_event
from flashpoint.evaluation.stories_pairs import (
    PAIRS_FILE,
    JudgedPair,
    Side,
    build_store,
    candidate_pairs,
    draw_pairs,
    read_pairs,
    regroup_and_score,
    score_pairs,
    write_pairs,
)
from flashpoint.models import Event
from flashpoint.store import Store

# Pinned from docs/STORIES.md (test half); lower them only on purpose.
TEST_PRECISION_FLOOR = 0.50
TEST_RECALL_FLOOR = 0.65
REPO = Path(__file__).resolve().parents[2]


def judged(name: str, first: Event, second: Event, *, same: bool) -> JudgedPair:
    return JudgedPair(name, "dev", 3, 1.0, Side.of(first), Side.of(second), same=same)


def launches() -> list[Event]:
    first = make_article(
        "North Korea fired a missile. North Korea held drills.", id="a", published="2024-04-02"
    )
    second = make_article("North Korea fired a missile.", id="b", published="2024-04-03")
    far = make_article("North Korea fired a missile.", id="c", published="2024-04-20")
    russia = make_article("Russia fired a missile.", id="d", published="2024-04-02")
    return [
        make_event(first, "fired", category="MOBILIZE", recipients=()),
        make_event(first, "held", category="MOBILIZE", recipients=()),
        make_event(second, "fired", category="ASSAULT", recipients=(), date="2024-04-03"),
        make_event(far, "fired", category="MOBILIZE", recipients=(), date="2024-04-20"),
        make_event(
            russia,
            "fired",
            category="MOBILIZE",
            actors=(("RUS", "GOV", "Russia"),),
            recipients=(),
        ),
        make_event(first, "fired", category="ACCUSE", recipients=()),  # another family
    ]


def test_candidates_share_a_family_overlapping_actors_and_the_window() -> None:
    events = launches()
    found = {frozenset({a.event_id, b.event_id}) for a, b, _ in candidate_pairs(events)}
    assert found == {
        frozenset({events[0].event_id, events[1].event_id}),
        frozenset({events[0].event_id, events[2].event_id}),
        frozenset({events[1].event_id, events[2].event_id}),
    }


def test_the_draw_is_the_same_for_the_same_seed_and_splits_each_stratum_in_half() -> None:
    candidates = candidate_pairs(launches())
    first, again = draw_pairs(candidates, per_stratum=2), draw_pairs(candidates, per_stratum=2)
    assert first == again
    assert {p.split for p in first} <= {"dev", "test"}
    assert all(p.same is None for p in first)


def test_pairs_survive_the_file_without_any_text(tmp_path: Path) -> None:
    events = launches()
    pair = replace(judged("p000", events[0], events[2], same=True), note="same act")
    path = tmp_path / "pairs.csv"
    write_pairs([pair], path)
    assert read_pairs(path) == [pair]
    assert "North Korea" not in path.read_text(encoding="utf-8")


def test_scores_count_judged_pairs_by_whether_both_sides_share_a_story() -> None:
    events = launches()
    same = judged("p1", events[0], events[2], same=True)
    different = judged("p2", events[0], events[1], same=False)
    missed = judged("p3", events[1], events[3], same=True)
    gone = replace(same, pair="p4", first=replace(Side.of(events[0]), start=999))
    story_of = {events[0].event_id: "s1", events[1].event_id: "s1", events[2].event_id: "s1"}
    result = score_pairs([same, different, missed, gone], events, story_of)
    score = result.score
    assert (score.true_positives, score.false_positives, score.false_negatives) == (1, 1, 1)
    assert result.lost == 1
    assert result.wrong == ("p2", "p3")


def test_a_side_recoded_with_another_category_is_the_one_event_left_in_its_sentence() -> None:
    events = launches()
    pair = judged("p1", events[2], events[3], same=True)
    recoded = replace(pair, first=replace(pair.first, category="ACCUSE"))
    story_of = {events[2].event_id: "s1", events[3].event_id: "s1"}
    result = score_pairs([recoded], events, story_of)
    assert (result.score.true_positives, result.lost, result.relocated) == (1, 0, 1)


def test_a_recoded_side_is_lost_when_its_sentence_now_has_several_events() -> None:
    events = launches()
    twin = replace(events[2], event_id="twin", category="ACCUSE")
    pair = judged("p1", events[2], events[3], same=True)
    recoded = replace(pair, first=replace(pair.first, category="REJECT"))
    result = score_pairs([recoded], [*events, twin], {})
    assert (result.lost, result.relocated) == (1, 0)


def test_the_committed_pairs_are_all_judged_with_halves_for_dev_and_test() -> None:
    pairs = read_pairs(REPO / PAIRS_FILE)
    assert len(pairs) == 200
    assert all(p.same is not None for p in pairs)
    assert sum(p.split == "test" for p in pairs) == 100


@pytest.mark.slow
def test_grouping_of_the_judged_test_pairs_stays_above_its_floors(
    shared_dir: Path, parser_model: str, tmp_path: Path
) -> None:
    db = tmp_path / "pairs.duckdb"
    build_store(shared_dir, db)
    pairs = [p for p in read_pairs(REPO / PAIRS_FILE) if p.split == "test"]
    with Store(db) as store:
        result = regroup_and_score(store, pairs)
    # 25 of the 100 test pairs lost their sentence's event to the second session's
    # coder changes (docs/STORIES.md); more than 30 means the pairs need re-judging
    assert result.lost <= 30, "many judged sentences are no longer coded: re-check the coder"
    assert result.score.precision >= TEST_PRECISION_FLOOR, result.score
    assert result.score.recall >= TEST_RECALL_FLOOR, result.score
