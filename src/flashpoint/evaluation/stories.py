"""Measure story grouping against launches: pairwise precision and recall on real reports.

The labelled set is derived, not hand-picked, so anyone can rebuild it:

1. Launch days: the 2024 rows of ../shared/data/eval/csis_nk_provocations.csv that are
   launches: type "Missile Provocation", or an "Other Provocation" whose `event` names a
   rocket, multiple rocket launcher, MIRV or satellite (`is_launch`). Rows on one day
   are one launch.
2. Reports: ../shared/data/corpora/kcna_2024.jsonl (outlet KCNA) is ingested and coded
   by the real coder, and the events grouped into stories (`update_stories`, rebuild).
   With `--with-csis` the launch rows' descriptions are added as a second outlet (CSIS),
   published on the row's day.
3. Labels: an event is a report of a launch when it is in the force family (MOBILIZE or
   ASSAULT), has North Korea (PRK) as an actor, or no actor but a sentence naming North
   Korea (`NORTH_KOREA`; the coder misses the actor of some KCNA launch sentences), is
   factual, has a day date, and its
   evidence sentence names a launched weapon (`WEAPON_WORDS`). It is labelled with the
   launch day within one day of its event date (the nearer one; a tie is left out).
   Events that pass the test but match no launch day are listed as unmatched.

Pairwise scores: over every pair of labelled events, a pair is a true positive when
both carry the same label and the same story, a false positive when they share a story
but not a label, a false negative when they share a label but not a story.

Run: `python -m flashpoint.evaluation.stories --db /tmp/stories-eval.duckdb`.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from itertools import combinations
from pathlib import Path

from flashpoint.evaluation.csis import MISSILE, load_csis
from flashpoint.models import Article, Event
from flashpoint.stories import GroupingOptions, event_period, family_of, is_factual

CSIS_FILE = Path("data/eval/csis_nk_provocations.csv")
KCNA_FILE = Path("data/corpora/kcna_2024.jsonl")
YEAR = 2024
_LAUNCH_EVENT = re.compile(r"missile|rocket experiment|\bMLRS\b|MIRV|satellite", re.IGNORECASE)
WEAPON_WORDS = re.compile(
    r"missile|rocket|launcher|\bMLRS\b|\bMRLS\b|\bICBM|satellite|Hwasong|projectile|warhead",
    re.IGNORECASE,
)


NORTH_KOREA = re.compile(
    r"\bDPRK\b|North Korea|Democratic People.s Republic of Korea|Kim Jong Un", re.IGNORECASE
)


def is_launch(row_type: str, event_name: str) -> bool:
    return row_type == MISSILE or bool(_LAUNCH_EVENT.search(event_name))


def launch_days(csis_path: Path, year: int = YEAR) -> dict[date, list[str]]:
    """Launch day -> CSIS `event` names of that day's launch rows."""
    days: dict[date, list[str]] = {}
    for row in load_csis(csis_path):
        if row.day.year == year and is_launch(row.type, row.event):
            days.setdefault(row.day, []).append(row.event)
    return dict(sorted(days.items()))


@dataclass(frozen=True, slots=True)
class Label:
    event_id: str
    article_id: str
    outlet: str
    published: str
    event_date: str
    category: str
    trigger: str
    launch: str | None  # the launch day, None when unmatched


def is_launch_report(event: Event) -> bool:
    return (
        family_of(event.category) == "force"
        and (
            "PRK" in {a.code for a in event.actors}
            or (not event.actors and bool(NORTH_KOREA.search(event.sentence.text)))
        )
        and is_factual(event.status)
        and event.date.granularity == "day"
        and bool(WEAPON_WORDS.search(event.sentence.text))
    )


def label_events(
    events: Iterable[Event], articles: Mapping[str, Article], launches: Mapping[date, object]
) -> list[Label]:
    """Label every launch report with its launch day (see the module docstring)."""
    labels: list[Label] = []
    for event in sorted(events, key=lambda e: e.event_id):
        period = event_period(event.date)
        if not is_launch_report(event) or period is None:
            continue
        near = sorted((abs((day - period.start).days), day) for day in launches)
        near = [(gap, day) for gap, day in near if gap <= 1]
        launch = None
        if near and (len(near) == 1 or near[0][0] < near[1][0]):
            launch = near[0][1].isoformat()
        article = articles.get(event.article_id)
        labels.append(
            Label(
                event_id=event.event_id,
                article_id=event.article_id,
                outlet=(article.outlet if article else None) or "",
                published=article.published_at.date().isoformat()
                if article and article.published_at
                else "",
                event_date=event.date.value or "",
                category=event.category,
                trigger=event.trigger.text,
                launch=launch,
            )
        )
    return labels


@dataclass(frozen=True, slots=True)
class PairScore:
    pairs: int
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        predicted = self.true_positives + self.false_positives
        return self.true_positives / predicted if predicted else 1.0

    @property
    def recall(self) -> float:
        gold = self.true_positives + self.false_negatives
        return self.true_positives / gold if gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def pairwise(gold: Mapping[str, str], predicted: Mapping[str, str]) -> PairScore:
    """Pairwise agreement of two clusterings over the items of `gold` (id -> cluster)."""
    tp = fp = fn = 0
    items = sorted(gold)
    for first, second in combinations(items, 2):
        same_gold = gold[first] == gold[second]
        same_predicted = first in predicted and predicted.get(first) == predicted.get(second)
        tp += same_gold and same_predicted
        fp += same_predicted and not same_gold
        fn += same_gold and not same_predicted
    return PairScore(len(items) * (len(items) - 1) // 2, tp, fp, fn)


@dataclass(slots=True)
class StoryEval:
    labels: list[Label] = field(default_factory=list)
    story_of: dict[str, str] = field(default_factory=dict)
    score: PairScore = field(default_factory=lambda: PairScore(0, 0, 0, 0))
    launches: int = 0
    articles: int = 0
    events: int = 0
    stories: int = 0

    @property
    def labelled(self) -> list[Label]:
        return [label for label in self.labels if label.launch is not None]


def csis_articles(csis_path: Path, year: int = YEAR) -> list[Article]:
    """The launch rows' descriptions as articles of the outlet CSIS, published on the row's day."""
    return [
        Article(
            id=f"csis-{row.index:03d}",
            text=row.description,
            outlet="CSIS",
            published_at=datetime(row.day.year, row.day.month, row.day.day, tzinfo=UTC),
            source=f"{csis_path.name}:{row.index + 2}",
        )
        for row in load_csis(csis_path)
        if row.day.year == year and is_launch(row.type, row.event)
    ]


def evaluate_grouping(
    shared_dir: Path,
    db_path: Path,
    *,
    options: GroupingOptions | None = None,
    with_csis: bool = False,
    workers: int = 2,
) -> StoryEval:
    """Ingest, code and group the KCNA 2024 reports (and CSIS rows), then score the grouping."""
    from flashpoint.config import load_settings  # noqa: PLC0415 - heavy imports on demand
    from flashpoint.ingest import ReadOptions  # noqa: PLC0415
    from flashpoint.store import Store  # noqa: PLC0415
    from flashpoint.story_workflow import update_stories  # noqa: PLC0415
    from flashpoint.workflows import code_pending, ingest_inputs  # noqa: PLC0415

    settings = load_settings(db_path=db_path)
    launches = launch_days(shared_dir / CSIS_FILE)
    with Store(db_path) as store:
        ingest_inputs(store, [shared_dir / KCNA_FILE], ReadOptions(outlet="KCNA"))
        if with_csis:
            store.writer.add_articles(csis_articles(shared_dir / CSIS_FILE))
        code_pending(store, None, settings, workers)
        update_stories(store, options, rebuild=True)
        events = store.events()
        articles = {a.id: a for a in store.articles_by_id(sorted({e.article_id for e in events}))}
        labels = label_events(events, articles, launches)
        story_of = store.story_ids_for([label.event_id for label in labels])
        result = StoryEval(
            labels=labels,
            story_of=story_of,
            launches=len(launches),
            articles=len(articles),
            events=len(events),
            stories=len(store.stories()),
        )
    gold = {label.event_id: label.launch for label in result.labelled if label.launch}
    result.score = pairwise(gold, story_of)
    return result


LABEL_COLUMNS = (
    "launch",
    "event_id",
    "story_id",
    "article_id",
    "outlet",
    "published",
    "event_date",
    "category",
    "trigger",
)


def write_labels(result: StoryEval, path: Path) -> None:
    """The labelled events (no article text) as CSV, by launch day then publication."""
    rows = sorted(result.labels, key=lambda lb: (lb.launch or "9999", lb.published, lb.event_id))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(LABEL_COLUMNS)
        for label in rows:
            writer.writerow(
                [
                    label.launch or "unmatched",
                    label.event_id,
                    result.story_of.get(label.event_id, ""),
                    label.article_id,
                    label.outlet,
                    label.published,
                    label.event_date,
                    label.category,
                    label.trigger,
                ]
            )


def summary_lines(result: StoryEval) -> Sequence[str]:
    s = result.score
    labelled = result.labelled
    return (
        f"articles {result.articles}, events {result.events}, stories {result.stories}",
        f"launch days {result.launches}; launch reports {len(result.labels)}, labelled "
        f"{len(labelled)} covering {len({lb.launch for lb in labelled})} launches, "
        f"unmatched {len(result.labels) - len(labelled)}",
        f"pairs {s.pairs}: tp {s.true_positives}, fp {s.false_positives}, fn {s.false_negatives}",
        f"pairwise precision {s.precision:.3f}, recall {s.recall:.3f}, F1 {s.f1:.3f}",
    )


def main(argv: Sequence[str] | None = None) -> int:
    from flashpoint.evaluation.runner import find_shared_dir  # noqa: PLC0415

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--db", type=Path, required=True, help="a new database file to build")
    parser.add_argument("--shared", type=Path, default=None, help="the shared directory")
    parser.add_argument("--labels-out", type=Path, default=None, help="write the labels CSV here")
    parser.add_argument("--with-csis", action="store_true", help="add CSIS rows as an outlet")
    parser.add_argument("--window", type=int, default=3)
    parser.add_argument("--min-wording", type=float, default=GroupingOptions().min_wording)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    options = GroupingOptions(window_days=args.window, min_wording=args.min_wording)
    result = evaluate_grouping(
        find_shared_dir(args.shared),
        args.db,
        options=options,
        with_csis=args.with_csis,
        workers=args.workers,
    )
    for line in summary_lines(result):
        sys.stdout.write(line + "\n")
    if args.labels_out:
        write_labels(result, args.labels_out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
