"""Score the coder on held-out unseen news: 160 hand-labelled sentences from VOA and KCNA.

The labels (data/heldout_labels.jsonl, guide in docs/ANNOTATION.md) were written before
the coder was ever run on these articles and must never be tuned against: the report
gives aggregate figures and confusions only, no per-sentence error list.

Each labelled sentence is scored in its article: the whole article is coded once (so
pronouns and "the country" resolve as in real use) and the prediction for the sentence
is the main event (`scoring.main_event`) among the events whose evidence sentence
overlaps it, or NONE. Definitions are in docs/ACCURACY.md ("Held-out unseen news").
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flashpoint.errors import InputError
from flashpoint.evaluation.gsr import CategoryScore, f1_score
from flashpoint.evaluation.heldout_corpus import (
    CORPORA,
    SentenceRef,
    read_corpus,
    sentence_hash,
)
from flashpoint.evaluation.scoring import (
    IGNORED_CODES,
    NONE_LABEL,
    EventCoder,
    Share,
    main_event,
    normalise_code,
    rate,
)
from flashpoint.models import PLOVER_CATEGORIES, Article, Event

LABELS_PATH = Path(__file__).resolve().parent / "data" / "heldout_labels.jsonl"
SLICES: tuple[str, ...] = ("overall", *CORPORA)


@dataclass(frozen=True, slots=True)
class LabelledEvent:
    """The annotator's event for a sentence: category, mode, codes and status."""

    category: str
    mode: str
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    status: str


@dataclass(frozen=True, slots=True)
class HeldoutLabel:
    ref: SentenceRef
    event: LabelledEvent | None  # None: the sentence reports no event (NONE)
    second: LabelledEvent | None = None  # a second event the sentence clearly states

    @property
    def category(self) -> str:
        return self.event.category if self.event is not None else NONE_LABEL


def _event(raw: dict[str, Any]) -> LabelledEvent:
    return LabelledEvent(
        category=str(raw["category"]).upper(),
        mode=str(raw.get("mode") or ""),
        actors=tuple(raw.get("actors") or ()),
        recipients=tuple(raw.get("recipients") or ()),
        status=str(raw.get("status") or ""),
    )


def load_labels(path: Path = LABELS_PATH) -> list[HeldoutLabel]:
    """Read the held-out labels; a malformed line is an error naming the line."""
    if not path.is_file():
        raise InputError("FP208", "the held-out labels file is not there", source=str(path))
    labels: list[HeldoutLabel] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            ref = SentenceRef(
                str(raw["corpus"]),
                str(raw["article"]),
                int(raw["start"]),
                int(raw["end"]),
                str(raw["sha256"]),
            )
            event = None if str(raw["category"]).upper() == NONE_LABEL else _event(raw)
            second = _event(raw["second"]) if raw.get("second") else None
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise InputError(
                "FP204", f"held-out label cannot be read: {exc}", source=f"{path}:{number}"
            ) from exc
        labels.append(HeldoutLabel(ref, event, second))
    return labels


def sentence_prediction(events: Iterable[Event], start: int, end: int) -> Event | None:
    """The main event among those whose evidence sentence overlaps text[start:end]."""
    return main_event([e for e in events if e.sentence.start < end and e.sentence.end > start])


def _codes(codes: Iterable[str]) -> set[str]:
    return {normalise_code(c) for c in codes if c.strip() not in IGNORED_CODES}


@dataclass(frozen=True, slots=True)
class HeldoutScores:
    """The figures for one slice (overall, VOA or KCNA)."""

    sentences: int
    gold_events: int  # sentences labelled with an event (the rest are NONE)
    detection_precision: Share  # event predicted and an event labelled / event predicted
    detection_recall: Share  # event predicted and an event labelled / event labelled
    detection_accuracy: Share  # event-vs-NONE agrees / sentences
    categories: dict[str, CategoryScore]  # categories labelled or predicted in the slice
    macro_f1: float  # mean F1 over the categories labelled at least once
    micro_precision: float
    micro_recall: float
    micro_f1: float
    mode: Share  # category and mode right, over labelled events that give a mode
    status: Share  # status right, over sentences whose category is right
    actor_exact: Share
    actor_overlap: Share
    recipient_exact: Share
    recipient_overlap: Share
    # The same exact-set shares over labelled events the coder coded as the labelled
    # category: the roles' own accuracy, apart from the events it missed.
    actor_exact_right: Share = field(default_factory=lambda: Share(0, 0))
    recipient_exact_right: Share = field(default_factory=lambda: Share(0, 0))
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)  # nonzero cells

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentences": self.sentences,
            "gold_events": self.gold_events,
            "none_share": round(rate(self.sentences - self.gold_events, self.sentences), 4),
            "detection": {
                "precision": self.detection_precision.to_dict(),
                "recall": self.detection_recall.to_dict(),
                "accuracy": self.detection_accuracy.to_dict(),
            },
            "macro_f1": round(self.macro_f1, 4),
            "micro": {
                "precision": round(self.micro_precision, 4),
                "recall": round(self.micro_recall, 4),
                "f1": round(self.micro_f1, 4),
            },
            "categories": {name: s.to_dict() for name, s in self.categories.items()},
            "mode": self.mode.to_dict(),
            "status": self.status.to_dict(),
            "actor": {
                "exact": self.actor_exact.to_dict(),
                "overlap": self.actor_overlap.to_dict(),
                "exact_category_right": self.actor_exact_right.to_dict(),
            },
            "recipient": {
                "exact": self.recipient_exact.to_dict(),
                "overlap": self.recipient_overlap.to_dict(),
                "exact_category_right": self.recipient_exact_right.to_dict(),
            },
            "confusion": self.confusion,
        }


def _target(label: HeldoutLabel, predicted: str) -> LabelledEvent | None:
    """The labelled event the prediction is judged against: the second event when the
    prediction names its category (and not the first's), else the first."""
    if (
        label.second is not None
        and predicted == label.second.category
        and predicted != label.category
    ):
        return label.second
    return label.event


class _Counts:
    def __init__(self) -> None:
        self.hits: dict[str, int] = {}
        self.total: dict[str, int] = {}

    def add(self, name: str, hit: bool) -> None:
        self.total[name] = self.total.get(name, 0) + 1
        self.hits[name] = self.hits.get(name, 0) + hit

    def share(self, name: str) -> Share:
        return Share(self.hits.get(name, 0), self.total.get(name, 0))


def score_heldout(pairs: Sequence[tuple[HeldoutLabel, Event | None]]) -> HeldoutScores:
    """Score labelled sentences against the coder's main event for each (None: nothing)."""
    confusion: dict[str, dict[str, int]] = {}
    counts = _Counts()
    for label, event in pairs:
        predicted = event.category if event is not None else NONE_LABEL
        target = _target(label, predicted)
        gold = target.category if target is not None else NONE_LABEL
        row = confusion.setdefault(gold, {})
        row[predicted] = row.get(predicted, 0) + 1
        counts.add("detection_accuracy", (event is None) == (target is None))
        if event is not None:
            counts.add("detection_precision", target is not None)
        if target is None:
            continue
        counts.add("detection_recall", event is not None)
        right = predicted == gold
        if target.mode:
            counts.add("mode", right and event is not None and (event.mode or "") == target.mode)
        if right and event is not None and target.status:
            counts.add("status", event.status == target.status)
        for side, gold_codes, coded in (
            ("actor", target.actors, event.actors if event else ()),
            ("recipient", target.recipients, event.recipients if event else ()),
        ):
            wanted = _codes(gold_codes)
            if wanted:
                got = _codes(entity.code for entity in coded)
                counts.add(f"{side}_exact", wanted == got)
                counts.add(f"{side}_overlap", bool(wanted & got))
                if right and event is not None:
                    counts.add(f"{side}_exact_right", wanted == got)
    return _summarise(len(pairs), confusion, counts)


def _summarise(
    sentences: int, confusion: dict[str, dict[str, int]], counts: _Counts
) -> HeldoutScores:
    labels = sorted(
        {gold for gold in confusion if gold != NONE_LABEL}
        | {p for row in confusion.values() for p in row if p != NONE_LABEL},
        key=PLOVER_CATEGORIES.index,
    )
    categories: dict[str, CategoryScore] = {}
    for name in labels:
        hits = confusion.get(name, {}).get(name, 0)
        support = sum(confusion.get(name, {}).values())
        predicted = sum(row.get(name, 0) for row in confusion.values())
        precision, recall = rate(hits, predicted), rate(hits, support)
        categories[name] = CategoryScore(
            precision, recall, f1_score(precision, recall), support, predicted
        )
    labelled = [s for s in categories.values() if s.support]
    correct = sum(confusion.get(name, {}).get(name, 0) for name in labels)
    predicted_events = sum(s.predicted for s in categories.values())
    gold_events = sum(s.support for s in categories.values())
    micro_p, micro_r = rate(correct, predicted_events), rate(correct, gold_events)
    return HeldoutScores(
        sentences=sentences,
        gold_events=gold_events,
        detection_precision=counts.share("detection_precision"),
        detection_recall=counts.share("detection_recall"),
        detection_accuracy=counts.share("detection_accuracy"),
        categories=categories,
        macro_f1=sum(s.f1 for s in labelled) / len(labelled) if labelled else 0.0,
        micro_precision=micro_p,
        micro_recall=micro_r,
        micro_f1=f1_score(micro_p, micro_r),
        mode=counts.share("mode"),
        status=counts.share("status"),
        actor_exact=counts.share("actor_exact"),
        actor_overlap=counts.share("actor_overlap"),
        recipient_exact=counts.share("recipient_exact"),
        recipient_overlap=counts.share("recipient_overlap"),
        actor_exact_right=counts.share("actor_exact_right"),
        recipient_exact_right=counts.share("recipient_exact_right"),
        confusion=confusion,
    )


@dataclass(frozen=True, slots=True)
class HeldoutReport:
    labels: int
    slices: dict[str, HeldoutScores]  # "overall", then one per corpus
    skipped: tuple[str, ...] = ()  # why labelled sentences were not scored

    def to_dict(self) -> dict[str, Any]:
        return {
            "labels": self.labels,
            "slices": {name: s.to_dict() for name, s in self.slices.items()},
            "skipped": list(self.skipped),
        }


def evaluate_heldout(
    shared: Path, coder: EventCoder, labels_path: Path = LABELS_PATH
) -> HeldoutReport:
    """Code each labelled sentence's article once and score the sentences by corpus.

    Sentences whose corpus is missing from `shared`, or whose text no longer matches
    the recorded SHA-256 (the corpus changed), are skipped with the reason.
    """
    labels = load_labels(labels_path)
    skipped: list[str] = []
    articles: dict[str, Article] = {}  # article id -> article
    usable: list[HeldoutLabel] = []
    for corpus in sorted({label.ref.corpus for label in labels}):
        mine = [label for label in labels if label.ref.corpus == corpus]
        try:
            texts = read_corpus(shared, corpus)
        except InputError as err:
            skipped.append(f"{len(mine)} {corpus} sentences: {err}")
            continue
        for label in mine:
            article = texts.get(label.ref.article)
            if article is None:
                skipped.append(f"{corpus} article {label.ref.article} is not in the corpus")
            elif sentence_hash(article.text[label.ref.start : label.ref.end]) != label.ref.sha256:
                skipped.append(
                    f"{corpus} article {label.ref.article} [{label.ref.start}:{label.ref.end}]: "
                    "the text differs from the labelled sentence (SHA-256 mismatch)"
                )
            else:
                articles[article.id] = article
                usable.append(label)
    coded: dict[str, list[Event]] = {
        article.id: events for article, events in coder.code_articles(articles.values())
    }
    pairs = [
        (
            label,
            sentence_prediction(
                coded.get(f"{label.ref.corpus}:{label.ref.article}", []),
                label.ref.start,
                label.ref.end,
            ),
        )
        for label in usable
    ]
    slices = {"overall": score_heldout(pairs)}
    for corpus in CORPORA:
        slices[corpus] = score_heldout([p for p in pairs if p[0].ref.corpus == corpus])
    return HeldoutReport(labels=len(labels), slices=slices, skipped=tuple(skipped))
