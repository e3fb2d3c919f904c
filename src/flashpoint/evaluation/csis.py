"""Score the coder on the CSIS North Korean provocations (../shared/data/eval/csis_nk_provocations.csv).

Each row is a dated provocation with an analyst's description. The description is coded
as an article published on the row's date, and the row counts as found when the main
event of its kind was coded with North Korea (PRK) as an actor:

- missile and nuclear rows: MOBILIZE with mode "weapons";
- attack rows (an "Other Provocation" whose `event` names an attack, see `is_attack`):
  ASSAULT, any mode.

The date is exact when such an event carries the row's date at day granularity.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from flashpoint.errors import InputError
from flashpoint.evaluation.scoring import EventCoder, Share
from flashpoint.models import Article, Event

MISSILE = "Missile Provocation"
NUCLEAR = "Nuclear Provocation"
ATTACK = "Attack"  # our label for the attack subset of "Other Provocation" rows
SCORED_KINDS: tuple[str, ...] = (MISSILE, NUCLEAR, ATTACK)

# `event` values of "Other Provocation" rows that name an attack by the North: fire
# exchanged or opened, shelling, ambushes, bombings, hijackings, sinkings of southern
# ships. Sinkings of North Korean boats by the South are excluded by `_NOT_ATTACK`.
_ATTACK = re.compile(
    r"exchange of fire|shelling|\battacks?\b(?! drone)|ambush|assault|assassinat|bombing"
    r"|shot down|\bfires at\b|killing|murder|naval campaign|hijack|land mine"
    r"|sinking of (?:the roks|south korean|sk\b)",
    re.IGNORECASE,
)
_NOT_ATTACK = re.compile(r"sinking of (?:nk|north korean)", re.IGNORECASE)

ACTOR = "PRK"


def is_attack(event_name: str) -> bool:
    """Whether a CSIS `event` label names an attack (see the patterns above)."""
    return bool(_ATTACK.search(event_name)) and not _NOT_ATTACK.search(event_name)


@dataclass(frozen=True, slots=True)
class CsisRow:
    index: int  # 0-based position in the file
    day: date
    type: str
    event: str
    description: str

    @property
    def kind(self) -> str | None:
        """MISSILE, NUCLEAR or ATTACK for scored rows, None for the rest."""
        if self.type in (MISSILE, NUCLEAR):
            return self.type
        return ATTACK if is_attack(self.event) else None

    def article(self) -> Article:
        return Article(
            id=f"csis-{self.index:03d}-{self.day.isoformat()}",
            text=self.description,
            published_at=datetime(self.day.year, self.day.month, self.day.day, tzinfo=UTC),
            source=f"csis_nk_provocations.csv:{self.index + 2}",
        )


def load_csis(path: Path) -> list[CsisRow]:
    if not path.is_file():
        raise InputError("FP208", "the CSIS provocations file is not there", source=str(path))
    rows: list[CsisRow] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for index, raw in enumerate(csv.DictReader(handle)):
            try:
                day = date.fromisoformat(raw["date"].strip())
            except (KeyError, ValueError, AttributeError) as exc:
                raise InputError(
                    "FP207", f"row date cannot be read: {exc}", source=f"{path}:{index + 2}"
                ) from exc
            rows.append(
                CsisRow(
                    index=index,
                    day=day,
                    type=(raw.get("type") or "").strip(),
                    event=(raw.get("event") or "").strip(),
                    description=(raw.get("description") or "").strip(),
                )
            )
    return rows


def _matches(row_kind: str, event: Event) -> bool:
    if ACTOR not in {a.code for a in event.actors}:
        return False
    if row_kind == ATTACK:
        return event.category == "ASSAULT"
    return event.category == "MOBILIZE" and event.mode == "weapons"


@dataclass(frozen=True, slots=True)
class CsisOutcome:
    """What the coder made of one scored row."""

    row: CsisRow
    kind: str
    found: bool
    date_exact: bool
    coded: tuple[str, ...]  # "CATEGORY:mode actors=... date=..." of every event coded

    def to_dict(self) -> dict[str, Any]:
        return {
            "set": "csis",
            "row": self.row.index + 2,
            "date": self.row.day.isoformat(),
            "kind": self.kind,
            "event": self.row.event,
            "found": self.found,
            "date_exact": self.date_exact,
            "description": self.row.description,
            "coded": list(self.coded),
        }


def judge_row(row: CsisRow, kind: str, events: Sequence[Event]) -> CsisOutcome:
    matching = [e for e in events if _matches(kind, e)]
    exact = any(
        e.date.granularity == "day" and e.date.value == row.day.isoformat() for e in matching
    )
    coded = tuple(
        f"{e.category}:{e.mode or '-'} actors={','.join(a.code for a in e.actors) or '-'} "
        f"date={e.date.value or '-'}/{e.date.granularity}"
        for e in events
    )
    return CsisOutcome(row, kind, bool(matching), exact, coded)


@dataclass(frozen=True, slots=True)
class KindScore:
    found: Share
    date_exact: Share  # over all rows of the kind, not only found ones

    def to_dict(self) -> dict[str, Any]:
        return {"found": self.found.to_dict(), "date_exact": self.date_exact.to_dict()}


@dataclass(frozen=True, slots=True)
class CsisReport:
    rows: int  # all rows in the file
    by_kind: dict[str, KindScore]  # MISSILE, NUCLEAR, ATTACK
    missile_nuclear: KindScore  # the targets are set on these together
    outcomes: tuple[CsisOutcome, ...] = field(default=())

    @property
    def misses(self) -> tuple[CsisOutcome, ...]:
        return tuple(o for o in self.outcomes if not (o.found and o.date_exact))

    def to_dict(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "scored": len(self.outcomes),
            "missile_nuclear": self.missile_nuclear.to_dict(),
            "by_kind": {kind: s.to_dict() for kind, s in self.by_kind.items()},
            "misses": [o.to_dict() for o in self.misses],
        }


def _kind_score(outcomes: Sequence[CsisOutcome]) -> KindScore:
    return KindScore(
        found=Share(sum(o.found for o in outcomes), len(outcomes)),
        date_exact=Share(sum(o.date_exact for o in outcomes), len(outcomes)),
    )


def score_csis(rows: Sequence[CsisRow], coded: dict[str, list[Event]]) -> CsisReport:
    """Judge every scored row against the events coded for its article id."""
    outcomes = [
        judge_row(row, kind, coded.get(row.article().id, []))
        for row in rows
        if (kind := row.kind) is not None
    ]
    return CsisReport(
        rows=len(rows),
        by_kind={k: _kind_score([o for o in outcomes if o.kind == k]) for k in SCORED_KINDS},
        missile_nuclear=_kind_score([o for o in outcomes if o.kind in (MISSILE, NUCLEAR)]),
        outcomes=tuple(outcomes),
    )


def evaluate_csis(path: Path, coder: EventCoder) -> CsisReport:
    """Code the description of every scored row, dated by its row, and score it."""
    rows = load_csis(path)
    scored = [row for row in rows if row.kind is not None and row.description]
    coded = {
        article.id: events for article, events in coder.code_articles(r.article() for r in scored)
    }
    return score_csis(rows, coded)
