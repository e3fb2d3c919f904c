"""Score the coder on the PLOVER gold-standard sentences (../shared/data/eval/plover_gsr.jsonl).

Each gold record is one sentence with one event. The coder's answer for a sentence is
its main event (`scoring.main_event`): the highest-confidence event, or NONE when it
coded nothing. Definitions of every figure are in docs/ACCURACY.md.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flashpoint.errors import InputError
from flashpoint.evaluation.scoring import (
    IGNORED_CODES,
    NONE_LABEL,
    EventCoder,
    Share,
    base_sector,
    main_event,
    normalise_code,
    rate,
)
from flashpoint.models import PLOVER_CATEGORIES, Article, Entity, Event
from flashpoint.ontology.plover import MODES

LABELS: tuple[str, ...] = (*PLOVER_CATEGORIES, NONE_LABEL)

# The gold file uses an older, finer PLOVER mode list. Where one of its modes has a
# single counterpart among the ontology's modes of the same category it is scored as
# that mode; gold modes with no counterpart ("COERCE destroy", "ASSAULT other") are
# left out of the mode measure. See docs/ACCURACY.md.
GOLD_MODE_CROSSWALK: dict[tuple[str, str], str] = {
    ("ASSAULT", "assassinate"): "targeted",
    ("COERCE", "ban"): "restrict",
    ("COERCE", "confiscate"): "seize",
    ("COERCE", "detain"): "arrest",
    ("CONSULT", "host"): "visit",
    ("PROTEST", "demo-org"): "demo",
    ("PROTEST", "demo-spon"): "demo",
    ("PROTEST", "riot-org"): "riot",
    ("PROTEST", "riot-spon"): "riot",
    ("PROTEST", "strike-gen"): "strike",
    ("PROTEST", "strike-hun"): "hunger",
}


def scorable_gold_mode(category: str, mode: str) -> str:
    """The ontology mode a gold mode is scored as, or "" when it has none."""
    mode = GOLD_MODE_CROSSWALK.get((category, mode), mode)
    return mode if mode in MODES.get(category, ()) else ""


@dataclass(frozen=True, slots=True)
class GsrRecord:
    """One gold sentence: its event, mode and the codes of its actors and recipients."""

    id: str
    text: str
    category: str
    mode: str  # "" when the gold record gives none
    actors: tuple[str, ...]
    actor_sectors: tuple[str, ...]
    recipients: tuple[str, ...]
    recipient_sectors: tuple[str, ...]

    def article(self) -> Article:
        """The sentence as an article: the record id as its id, no publication date."""
        return Article(id=self.id, text=self.text, source=f"plover_gsr:{self.id}")


def load_gsr(path: Path) -> list[GsrRecord]:
    """Read the gold records; a malformed line is an error naming the line."""
    if not path.is_file():
        raise InputError("FP208", "the PLOVER gold file is not there", source=str(path))
    records: list[GsrRecord] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            records.append(
                GsrRecord(
                    id=str(raw["id"]),
                    text=str(raw["text"]),
                    category=str(raw["event"]).upper(),
                    mode=str(raw.get("mode") or ""),
                    actors=tuple(raw.get("actor") or ()),
                    actor_sectors=tuple(raw.get("actor_sector") or ()),
                    recipients=tuple(raw.get("recipient") or ()),
                    recipient_sectors=tuple(raw.get("recipient_sector") or ()),
                )
            )
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise InputError(
                "FP204", f"gold record cannot be read: {exc}", source=f"{path}:{number}"
            ) from exc
    return records


@dataclass(frozen=True, slots=True)
class CategoryScore:
    precision: float
    recall: float
    f1: float
    support: int  # gold records of the category
    predicted: int  # sentences whose main event has the category

    def to_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "support": self.support,
            "predicted": self.predicted,
        }


@dataclass(frozen=True, slots=True)
class CodeScores:
    """Actor (or recipient) code accuracy; see docs/ACCURACY.md for the exact rules."""

    exact: Share  # set of predicted codes equals the gold set
    overlap: Share  # at least one gold code predicted (lenient)
    sector: Share  # every gold (code, sector) pair predicted

    def to_dict(self) -> dict[str, Any]:
        return {
            "exact": self.exact.to_dict(),
            "overlap": self.overlap.to_dict(),
            "sector": self.sector.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class GsrError:
    """One sentence the coder got wrong, with what was expected and why it counts as wrong."""

    record_id: str
    text: str
    gold: str
    predicted: str
    reasons: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "set": "gsr",
            "record_id": self.record_id,
            "text": self.text,
            "gold": self.gold,
            "predicted": self.predicted,
            "reasons": list(self.reasons),
        }


@dataclass(frozen=True, slots=True)
class GsrReport:
    records: int
    categories: dict[str, CategoryScore]
    macro_f1: float
    micro_precision: float
    micro_recall: float
    micro_f1: float
    confusion: dict[str, dict[str, int]]  # gold label -> predicted label -> count
    mode: Share  # category and mode right, over gold records with a scorable mode
    mode_given_category: Share  # mode right, over those whose category was right
    actor: CodeScores
    recipient: CodeScores
    errors: tuple[GsrError, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "macro_f1": round(self.macro_f1, 4),
            "micro": {
                "precision": round(self.micro_precision, 4),
                "recall": round(self.micro_recall, 4),
                "f1": round(self.micro_f1, 4),
            },
            "categories": {name: s.to_dict() for name, s in self.categories.items()},
            "confusion": self.confusion,
            "mode": self.mode.to_dict(),
            "mode_given_category": self.mode_given_category.to_dict(),
            "actor": self.actor.to_dict(),
            "recipient": self.recipient.to_dict(),
            "errors": len(self.errors),
        }


def f1_score(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _gold_pairs(codes: Sequence[str], sectors: Sequence[str]) -> list[tuple[str, str]]:
    """Gold (code, sector) pairs without the placeholders; sector "" when not given."""
    padded = list(sectors) + [""] * (len(codes) - len(sectors))
    return [
        (normalise_code(code), base_sector(sector))
        for code, sector in zip(codes, padded, strict=False)
        if code.strip() not in IGNORED_CODES
    ]


def _predicted_pairs(entities: Sequence[Entity]) -> set[tuple[str, str]]:
    return {
        (normalise_code(e.code), base_sector(e.sector))
        for e in entities
        if e.code.strip() not in IGNORED_CODES
    }


class _CodeTally:
    """Counts one side (actors or recipients) record by record."""

    def __init__(self) -> None:
        self.total = self.exact = self.overlap = 0
        self.sector_total = self.sector = 0

    def add(self, gold: list[tuple[str, str]], predicted: set[tuple[str, str]]) -> bool | None:
        """Count one record; True/False for an exact code match, None when not scored."""
        if not gold:
            return None
        gold_codes = {code for code, _ in gold}
        predicted_codes = {code for code, _ in predicted}
        self.total += 1
        exact = gold_codes == predicted_codes
        self.exact += exact
        self.overlap += bool(gold_codes & predicted_codes)
        with_sector = {pair for pair in gold if pair[1]}
        if with_sector:
            self.sector_total += 1
            self.sector += with_sector <= predicted
        return exact

    def scores(self) -> CodeScores:
        return CodeScores(
            exact=Share(self.exact, self.total),
            overlap=Share(self.overlap, self.total),
            sector=Share(self.sector, self.sector_total),
        )


def _describe(category: str, mode: str, actors: Sequence[str], recipients: Sequence[str]) -> str:
    mode_part = f":{mode}" if mode else ""
    return (
        f"{category}{mode_part} actors={','.join(actors) or '-'} "
        f"recipients={','.join(recipients) or '-'}"
    )


def score_gsr(pairs: Sequence[tuple[GsrRecord, Event | None]]) -> GsrReport:
    """Score gold records against the coder's main event for each (None: nothing coded)."""
    confusion = {gold: dict.fromkeys(LABELS, 0) for gold in LABELS}
    actor_tally, recipient_tally = _CodeTally(), _CodeTally()
    mode_total = mode_hits = mode_category_total = 0
    errors: list[GsrError] = []
    for record, event in pairs:
        predicted = event.category if event is not None else NONE_LABEL
        confusion[record.category if record.category in confusion else NONE_LABEL][
            predicted if predicted in confusion else NONE_LABEL
        ] += 1
        predicted_mode = (event.mode or "") if event is not None else ""
        gold_mode = scorable_gold_mode(record.category, record.mode)
        if gold_mode:
            mode_total += 1
            if predicted == record.category:
                mode_category_total += 1
                mode_hits += predicted_mode == gold_mode
        actors = _predicted_pairs(event.actors) if event is not None else set()
        recipients = _predicted_pairs(event.recipients) if event is not None else set()
        gold_actors = _gold_pairs(record.actors, record.actor_sectors)
        gold_recipients = _gold_pairs(record.recipients, record.recipient_sectors)
        actor_ok = actor_tally.add(gold_actors, actors)
        recipient_ok = recipient_tally.add(gold_recipients, recipients)
        reasons: list[str] = []
        if predicted != record.category:
            reasons.append(
                "no event coded"
                if event is None
                else f"category {predicted} instead of {record.category}"
            )
        if actor_ok is False:
            reasons.append("actor codes differ")
        if recipient_ok is False:
            reasons.append("recipient codes differ")
        if reasons:
            errors.append(
                GsrError(
                    record_id=record.id,
                    text=record.text,
                    gold=_describe(
                        record.category,
                        record.mode,
                        [c for c, _ in gold_actors],
                        [c for c, _ in gold_recipients],
                    ),
                    predicted=_describe(
                        predicted,
                        predicted_mode,
                        sorted(c for c, _ in actors),
                        sorted(c for c, _ in recipients),
                    ),
                    reasons=tuple(reasons),
                )
            )
    categories: dict[str, CategoryScore] = {}
    for name in PLOVER_CATEGORIES:
        hits = confusion[name][name]
        support = sum(confusion[name].values())
        predicted_count = sum(confusion[gold][name] for gold in LABELS)
        precision, recall = rate(hits, predicted_count), rate(hits, support)
        categories[name] = CategoryScore(
            precision, recall, f1_score(precision, recall), support, predicted_count
        )
    correct = sum(confusion[name][name] for name in PLOVER_CATEGORIES)
    predicted_events = sum(
        count for gold in LABELS for label, count in confusion[gold].items() if label != NONE_LABEL
    )
    micro_precision, micro_recall = rate(correct, predicted_events), rate(correct, len(pairs))
    return GsrReport(
        records=len(pairs),
        categories=categories,
        macro_f1=sum(s.f1 for s in categories.values()) / len(categories),
        micro_precision=micro_precision,
        micro_recall=micro_recall,
        micro_f1=f1_score(micro_precision, micro_recall),
        confusion=confusion,
        mode=Share(mode_hits, mode_total),
        mode_given_category=Share(mode_hits, mode_category_total),
        actor=actor_tally.scores(),
        recipient=recipient_tally.scores(),
        errors=tuple(errors),
    )


def evaluate_gsr(path: Path, coder: EventCoder) -> GsrReport:
    """Code every gold sentence with `coder` and score the main event of each."""
    records = load_gsr(path)
    coded: dict[str, Event | None] = {}
    for article, events in coder.code_articles(r.article() for r in records):
        coded[article.id] = main_event(events)
    return score_gsr([(r, coded.get(r.id)) for r in records])
