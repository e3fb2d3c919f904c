"""Measure story grouping on judged event pairs: pairwise precision and recall beyond launches.

The launch set (evaluation/stories.py) is small and only about launches. This set is a
seeded random sample of the pairs of events the matcher would consider, each judged
by reading both evidence sentences in their articles: same real event or not.

Procedure (docs/STORIES.md, "Judged pairs"), reproducible from the committed file:

1. Code ../shared/data/corpora/kcna_2024.jsonl (outlet KCNA) and voa_2019_2025.jsonl
   (outlet VOA) with the real coder into a new store (`build_store`).
2. Candidate pairs (`candidate_pairs`): two events in different sentences, both dated
   to a day (stated or inferred; coarser dates are left out), in the same category family (stories/families.py), their days at most `WINDOW_DAYS` apart, and actors that overlap or are missing on one
   side: what the matcher is asked about before wording decides.
3. Strata: the plain wording overlap (`wording_similarity` of `content_words`, kept
   unchanged for this purpose) in `STRATA` bins. Round one draws `PER_STRATUM` pairs
   from every stratum with `random.Random(SEED)`; round two (`SECOND_ROUND` more from
   `SECOND_ROUND_STRATA`, seed `SEED + 1`, excluding round one) adds pairs where the
   first round found the reports of one event. In each stratum half of the pairs
   (shuffled with the same generator) are `dev`, half `test`.
4. Judging (by hand, all 200 pairs before any change to the matcher): `same` is 1
   when both sentences report one real event (the same act by the same actors at the
   same time and place), 0 otherwise. A sentence reporting several acts is judged on
   the act its event was coded for (the trigger). docs/stories/PAIRS.md lists the
   borderline decisions.
5. The file keeps ids, offsets and SHA-256 of the sentences, never their text.

Scoring (`score_pairs`): group every event of the store (`update_stories`, rebuild)
with the options under test; a pair is predicted same when both events end in one
story. Sides are found again by article id, sentence offsets and category. When the
coder has since changed that sentence's category but still codes exactly one event in
it (same offsets, same SHA-256), that event stands for the side and the pair counts
as relocated; a pair whose side is no longer coded, or is ambiguous, is counted as
lost, not scored. The test split's misjudged pair ids are not printed.

Run: `python -m flashpoint.evaluation.stories_pairs score --db /tmp/pairs.duckdb --split test`.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import random
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from flashpoint.evaluation.stories import PairScore
from flashpoint.models import Event
from flashpoint.stories import GroupingOptions, content_words, event_period, family_of
from flashpoint.stories.wording import wording_similarity

if TYPE_CHECKING:
    from flashpoint.store import Store

CORPORA = (
    (Path("data/corpora/kcna_2024.jsonl"), "KCNA"),
    (Path("data/corpora/voa_2019_2025.jsonl"), "VOA"),
)
PAIRS_FILE = Path("docs/stories/judged_pairs.csv")
SEED = 20241125
WINDOW_DAYS = 3
STRATA = (0.0, 0.1, 0.25, 0.5)  # lower bounds of the wording bins
PER_STRATUM = 38
SECOND_ROUND = 24  # more pairs from the upper strata, drawn before any tuning
SECOND_ROUND_STRATA = (2, 3)
COLUMNS = (
    "pair",
    "split",
    "stratum",
    "wording",
    "a_article",
    "a_start",
    "a_end",
    "a_sha256",
    "a_category",
    "b_article",
    "b_start",
    "b_end",
    "b_sha256",
    "b_category",
    "same",
    "note",
)


def sentence_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Side:
    """One event of a pair, located by its article and evidence sentence."""

    article: str
    start: int
    end: int
    sha256: str
    category: str

    @classmethod
    def of(cls, event: Event) -> Side:
        return cls(
            event.article_id,
            event.sentence.start,
            event.sentence.end,
            sentence_hash(event.sentence.text),
            event.category,
        )

    def key(self) -> tuple[str, int, int, str]:
        return self.article, self.start, self.end, self.category


@dataclass(frozen=True, slots=True)
class JudgedPair:
    pair: str
    split: str
    stratum: int
    wording: float
    first: Side
    second: Side
    same: bool | None  # None until judged
    note: str = ""


def stratum_of(wording: float) -> int:
    return max(i for i, bound in enumerate(STRATA) if wording >= bound)


def _actors(event: Event) -> frozenset[str]:
    return frozenset(a.code for a in event.actors)


def candidate_pairs(events: Iterable[Event]) -> list[tuple[Event, Event, float]]:
    """Pairs the matcher would weigh (module docstring, step 2), with their wording score."""
    by_family: dict[str, list[tuple[int, Event]]] = {}
    for event in events:
        period = event_period(event.date)
        if period is not None and not period.coarse:
            by_family.setdefault(family_of(event.category), []).append(
                (period.start.toordinal(), event)
            )
    found: list[tuple[Event, Event, float]] = []
    for members in by_family.values():
        members.sort(key=lambda item: (item[0], item[1].event_id))
        for i, (day, first) in enumerate(members):
            for later, second in members[i + 1 :]:
                if later - day > WINDOW_DAYS:
                    break  # sorted by day: nothing further is in the window
                if (first.article_id, first.sentence.start) == (
                    second.article_id,
                    second.sentence.start,
                ):
                    continue
                a, b = _actors(first), _actors(second)
                if a and b and not a & b:
                    continue
                wording = wording_similarity(content_words(first), content_words(second))
                pair = (first, second) if first.event_id < second.event_id else (second, first)
                found.append((*pair, wording))
    found.sort(key=lambda item: (item[0].event_id, item[1].event_id))
    return found


def _pair_key(first: Side, second: Side) -> tuple[tuple[str, int, int, str], ...]:
    return tuple(sorted((first.key(), second.key())))


def draw_pairs(
    candidates: Sequence[tuple[Event, Event, float]],
    *,
    seed: int = SEED,
    per_stratum: int = PER_STRATUM,
    strata: Sequence[int] = tuple(range(len(STRATA))),
    prefix: str = "p",
    exclude: Sequence[JudgedPair] = (),
) -> list[JudgedPair]:
    """The seeded stratified sample, half of each stratum dev and half test, unjudged."""
    rng = random.Random(seed)  # noqa: S311 - a reproducible sample, not a secret
    taken = {_pair_key(p.first, p.second) for p in exclude}
    drawn: list[JudgedPair] = []
    for stratum in strata:
        pool = [
            c
            for c in candidates
            if stratum_of(c[2]) == stratum and _pair_key(Side.of(c[0]), Side.of(c[1])) not in taken
        ]
        chosen = rng.sample(pool, min(per_stratum, len(pool)))
        order = list(range(len(chosen)))
        rng.shuffle(order)
        dev = set(order[: len(chosen) // 2])
        for index, (first, second, wording) in enumerate(chosen):
            drawn.append(
                JudgedPair(
                    pair=f"{prefix}{stratum}{index:02d}",
                    split="dev" if index in dev else "test",
                    stratum=stratum,
                    wording=round(wording, 3),
                    first=Side.of(first),
                    second=Side.of(second),
                    same=None,
                )
            )
    return drawn


def draw_all(candidates: Sequence[tuple[Event, Event, float]]) -> list[JudgedPair]:
    """Both rounds: `PER_STRATUM` pairs from every stratum, then `SECOND_ROUND` more
    from the strata where the first round found the pairs that report one event."""
    first = draw_pairs(candidates)
    second = draw_pairs(
        candidates,
        seed=SEED + 1,
        per_stratum=SECOND_ROUND,
        strata=SECOND_ROUND_STRATA,
        prefix="q",
        exclude=first,
    )
    return [*first, *second]


def write_pairs(pairs: Sequence[JudgedPair], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        for p in pairs:
            writer.writerow(
                [
                    p.pair,
                    p.split,
                    p.stratum,
                    f"{p.wording:.3f}",
                    *(p.first.article, p.first.start, p.first.end, p.first.sha256),
                    p.first.category,
                    *(p.second.article, p.second.start, p.second.end, p.second.sha256),
                    p.second.category,
                    "" if p.same is None else int(p.same),
                    p.note,
                ]
            )


def read_pairs(path: Path) -> list[JudgedPair]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [
        JudgedPair(
            pair=row["pair"],
            split=row["split"],
            stratum=int(row["stratum"]),
            wording=float(row["wording"]),
            first=Side(
                row["a_article"],
                int(row["a_start"]),
                int(row["a_end"]),
                row["a_sha256"],
                row["a_category"],
            ),
            second=Side(
                row["b_article"],
                int(row["b_start"]),
                int(row["b_end"]),
                row["b_sha256"],
                row["b_category"],
            ),
            same=None if row["same"] == "" else row["same"] == "1",
            note=row.get("note", ""),
        )
        for row in rows
    ]


@dataclass(frozen=True, slots=True)
class PairsResult:
    score: PairScore
    lost: int
    wrong: tuple[str, ...]  # ids of misjudged pairs (fp and fn), for reading
    relocated: int = 0  # pairs with a side found as the one event its sentence now has


def score_pairs(
    pairs: Sequence[JudgedPair], events: Iterable[Event], story_of: Mapping[str, str]
) -> PairsResult:
    """Pairwise scores of a grouping (event id -> story id) on the judged pairs."""
    located: dict[tuple[str, int, int, str], str] = {}
    by_sentence: dict[tuple[str, int, int, str], set[str]] = {}
    for event in sorted(events, key=lambda e: e.event_id):
        side = Side.of(event)
        located.setdefault(side.key(), event.event_id)
        by_sentence.setdefault((side.article, side.start, side.end, side.sha256), set()).add(
            event.event_id
        )

    def find(side: Side) -> tuple[str | None, bool]:
        exact = located.get(side.key())
        if exact is not None:
            return exact, False
        only = by_sentence.get((side.article, side.start, side.end, side.sha256), set())
        return (next(iter(only)), True) if len(only) == 1 else (None, False)

    tp = fp = fn = lost = scored = relocated = 0
    wrong: list[str] = []
    for pair in pairs:
        (first, moved_a), (second, moved_b) = find(pair.first), find(pair.second)
        if pair.same is None or first is None or second is None:
            lost += 1
            continue
        scored += 1
        relocated += moved_a or moved_b
        together = first in story_of and story_of.get(first) == story_of.get(second)
        tp += pair.same and together
        fp += together and not pair.same
        fn += pair.same and not together
        if together != pair.same:
            wrong.append(pair.pair)
    return PairsResult(PairScore(scored, tp, fp, fn), lost, tuple(wrong), relocated)


def build_store(shared_dir: Path, db_path: Path, workers: int = 2) -> None:
    """Ingest and code the two corpora into a new store (step 1)."""
    from flashpoint.config import load_settings  # noqa: PLC0415 - heavy imports on demand
    from flashpoint.ingest import ReadOptions  # noqa: PLC0415
    from flashpoint.store import Store  # noqa: PLC0415
    from flashpoint.workflows import code_pending, ingest_inputs  # noqa: PLC0415

    settings = load_settings(db_path=db_path)
    with Store(db_path) as store:
        for relative, outlet in CORPORA:
            ingest_inputs(store, [shared_dir / relative], ReadOptions(outlet=outlet))
        code_pending(store, None, settings, workers)


def regroup_and_score(
    store: Store, pairs: Sequence[JudgedPair], options: GroupingOptions | None = None
) -> PairsResult:
    from flashpoint.story_workflow import update_stories  # noqa: PLC0415

    update_stories(store, options, rebuild=True)
    events = store.events()
    return score_pairs(pairs, events, store.story_ids_for([e.event_id for e in events]))


def main(argv: Sequence[str] | None = None) -> int:
    from flashpoint.evaluation.runner import find_shared_dir  # noqa: PLC0415
    from flashpoint.store import Store  # noqa: PLC0415

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("action", choices=("build", "draw", "score"))
    parser.add_argument("--db", type=Path, required=True, help="the store of coded corpora")
    parser.add_argument("--shared", type=Path, default=None, help="the shared directory")
    parser.add_argument("--pairs", type=Path, default=PAIRS_FILE, help="the judged pairs CSV")
    parser.add_argument("--split", choices=("dev", "test", "all"), default="test")
    args = parser.parse_args(argv)
    if args.action == "build":
        build_store(find_shared_dir(args.shared), args.db)
        return 0
    with Store(args.db) as store:
        if args.action == "draw":
            write_pairs(draw_all(candidate_pairs(store.events())), args.pairs)
            return 0
        pairs = [p for p in read_pairs(args.pairs) if args.split in ("all", p.split)]
        result = regroup_and_score(store, pairs)
    s = result.score
    sys.stdout.write(
        f"{args.split}: pairs {s.pairs} (lost {result.lost}, relocated {result.relocated}): "
        f"tp {s.true_positives}, "
        f"fp {s.false_positives}, fn {s.false_negatives}; precision {s.precision:.3f}, "
        f"recall {s.recall:.3f}, F1 {s.f1:.3f}\n"
    )
    if args.split == "dev":  # never list the test split's pairs: it is not for tuning
        sys.stdout.write("wrong: " + " ".join(result.wrong) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
