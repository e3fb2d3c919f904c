"""The GSR scorer on hand-built records and events with known answers."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from flashpoint.errors import InputError
from flashpoint.evaluation.gsr import GsrRecord, evaluate_gsr, load_gsr, score_gsr
from flashpoint.evaluation.scoring import main_event, normalise_code
from flashpoint.models import UNRESOLVED_DATE, Article, Entity, Event, TextSpan


def _entity(code: str, sector: str | None = None) -> Entity:
    return Entity(code=code, sector=sector, name=code, start=0, end=1)


def _event(
    category: str,
    *,
    mode: str | None = None,
    actors: Iterable[Entity] = (),
    recipients: Iterable[Entity] = (),
    confidence: float = 0.9,
    at: int = 0,
) -> Event:
    return Event(
        event_id=f"e{at}{category}",
        article_id="a",
        category=category,
        mode=mode,
        status="asserted",
        context=(),
        actors=tuple(actors),
        recipients=tuple(recipients),
        date=UNRESOLVED_DATE,
        location=None,
        sentence=TextSpan(0, 10, "x" * 10),
        trigger=TextSpan(at, at + 1, "x"),
        confidence=confidence,
        score=None,
        quad_class=1,
        cameo_root="01",
    )


def _record(
    rid: str,
    category: str,
    actors: tuple[str, ...] = ("USA",),
    recipients: tuple[str, ...] = (),
    *,
    mode: str = "",
    actor_sectors: tuple[str, ...] = (),
) -> GsrRecord:
    return GsrRecord(
        id=rid,
        text=f"sentence {rid}",
        category=category,
        mode=mode,
        actors=actors,
        actor_sectors=actor_sectors,
        recipients=recipients,
        recipient_sectors=(),
    )


class FakeCoder:
    """Returns hand-built events per article id, as the real coder would."""

    def __init__(self, events: dict[str, list[Event]]) -> None:
        self.events = events
        self.seen: list[Article] = []

    def code_articles(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        for article in articles:
            self.seen.append(article)
            yield article, self.events.get(article.id, [])


def test_gsr_three_records_give_exact_precision_recall_f1() -> None:
    # r1 AGREE right, r2 ACCUSE predicted as AGREE, r3 ASSAULT with nothing coded.
    pairs = [
        (_record("r1", "AGREE"), _event("AGREE", actors=[_entity("USA")])),
        (_record("r2", "ACCUSE"), _event("AGREE", actors=[_entity("USA")])),
        (_record("r3", "ASSAULT"), None),
    ]
    report = score_gsr(pairs)
    agree = report.categories["AGREE"]
    assert (agree.precision, agree.recall, agree.support, agree.predicted) == (0.5, 1.0, 1, 2)
    assert agree.f1 == pytest.approx(2 / 3)
    assert report.categories["ACCUSE"].f1 == 0.0
    assert report.categories["ASSAULT"].recall == 0.0
    assert report.macro_f1 == pytest.approx((2 / 3) / 16)
    assert report.micro_precision == pytest.approx(1 / 2)  # NONE is not a prediction
    assert report.micro_recall == pytest.approx(1 / 3)
    assert report.micro_f1 == pytest.approx(0.4)
    assert report.confusion["ACCUSE"]["AGREE"] == 1
    assert report.confusion["ASSAULT"]["NONE"] == 1
    assert len(report.confusion) == 17
    assert all(len(row) == 17 for row in report.confusion.values())


def test_gsr_actor_accuracy_needs_the_same_set_of_codes() -> None:
    pairs = [
        # exact: both countries, sector ignored for the code check
        (
            _record("r1", "AGREE", ("HUN", "ROU")),
            _event("AGREE", actors=[_entity("ROU", "GOV"), _entity("HUN")]),
        ),
        # overlap only: one of two
        (_record("r2", "AGREE", ("HUN", "ROU")), _event("AGREE", actors=[_entity("HUN")])),
        # gold IGO matches any IGO:* code
        (_record("r3", "AGREE", ("IGO",)), _event("AGREE", actors=[_entity("IGO:UNO")])),
        # placeholders are ignored: the record is not scored for actors
        (_record("r4", "AGREE", ("***", "")), _event("AGREE", actors=[_entity("FRA")])),
        # nothing coded: wrong
        (_record("r5", "AGREE", ("USA",)), None),
    ]
    report = score_gsr(pairs)
    assert (report.actor.exact.hits, report.actor.exact.total) == (2, 4)
    assert (report.actor.overlap.hits, report.actor.overlap.total) == (3, 4)
    assert report.recipient.exact.total == 0


def test_gsr_sector_accuracy_compares_code_and_base_sector_pairs() -> None:
    pairs = [
        (
            _record("r1", "PROTEST", ("SRB",), actor_sectors=("CVLalb",)),
            _event("PROTEST", actors=[_entity("SRB", "CVL")]),
        ),
        (
            _record("r2", "PROTEST", ("SRB",), actor_sectors=("GOV",)),
            _event("PROTEST", actors=[_entity("SRB", "MIL")]),
        ),
        (
            _record("r3", "PROTEST", ("SRB",), actor_sectors=("",)),
            _event("PROTEST", actors=[_entity("SRB", "MIL")]),
        ),
    ]
    report = score_gsr(pairs)
    assert (report.actor.sector.hits, report.actor.sector.total) == (1, 2)


def test_gsr_mode_counts_only_records_with_a_gold_mode() -> None:
    pairs = [
        (_record("r1", "ASSAULT", mode="firearms"), _event("ASSAULT", mode="firearms")),
        (_record("r2", "ASSAULT", mode="explosives"), _event("ASSAULT", mode="aerial")),
        (_record("r3", "MOBILIZE", mode="troops"), _event("THREATEN")),
        (_record("r4", "AGREE"), _event("AGREE")),
    ]
    report = score_gsr(pairs)
    assert (report.mode.hits, report.mode.total) == (1, 3)
    assert (report.mode_given_category.hits, report.mode_given_category.total) == (1, 2)


def test_gsr_mode_scores_older_gold_modes_as_their_ontology_counterpart() -> None:
    pairs = [
        (_record("r1", "PROTEST", mode="strike-hun"), _event("PROTEST", mode="hunger")),
        (_record("r2", "CONSULT", mode="host"), _event("CONSULT", mode="visit")),
        (_record("r3", "ASSAULT", mode="assassinate"), _event("ASSAULT", mode="firearms")),
    ]
    report = score_gsr(pairs)
    assert (report.mode.hits, report.mode.total) == (2, 3)


def test_gsr_mode_leaves_out_gold_modes_the_ontology_lacks() -> None:
    pairs = [
        (_record("r1", "COERCE", mode="destroy"), _event("COERCE", mode="seize")),
        (_record("r2", "ASSAULT", mode="other"), _event("ASSAULT")),
    ]
    report = score_gsr(pairs)
    assert report.mode.total == 0


def test_main_event_is_highest_confidence_then_first_in_text() -> None:
    late_strong = _event("ASSAULT", confidence=0.9, at=30)
    early_strong = _event("ACCUSE", confidence=0.9, at=5)
    weak = _event("AGREE", confidence=0.5, at=0)
    chosen = main_event([late_strong, weak, early_strong])
    assert chosen is not None
    assert chosen.category == "ACCUSE"
    assert main_event([]) is None


@pytest.mark.parametrize(
    ("code", "expected"), [("IGO:UNO", "IGO"), ("igo", "IGO"), (" prk ", "PRK"), ("USA", "USA")]
)
def test_normalise_code_collapses_organisations(code: str, expected: str) -> None:
    assert normalise_code(code) == expected


def test_evaluate_gsr_codes_each_sentence_without_a_date_and_lists_errors(tmp_path: Path) -> None:
    rows = [
        {
            "id": "g1",
            "text": "Israel attacked Gaza.",
            "event": "ASSAULT",
            "mode": "",
            "actor": ["ISR"],
            "actor_sector": [""],
            "recipient": ["PSE"],
            "recipient_sector": [""],
        },
        {
            "id": "g2",
            "text": "Serbs protested.",
            "event": "PROTEST",
            "mode": "",
            "actor": ["SRB"],
            "actor_sector": ["CVL"],
            "recipient": [],
            "recipient_sector": [],
        },
    ]
    gold = tmp_path / "gsr.jsonl"
    gold.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    coder = FakeCoder(
        {"g1": [_event("ASSAULT", actors=[_entity("ISR")], recipients=[_entity("PSE")])]}
    )
    report = evaluate_gsr(gold, coder)
    assert [a.id for a in coder.seen] == ["g1", "g2"]
    assert all(a.published_at is None for a in coder.seen)
    assert report.categories["ASSAULT"].f1 == 1.0
    assert report.recipient.exact.value == 1.0
    assert [e.record_id for e in report.errors] == ["g2"]
    assert report.errors[0].reasons == ("no event coded", "actor codes differ")
    assert report.errors[0].predicted.startswith("NONE")


def test_load_gsr_names_the_bad_line(tmp_path: Path) -> None:
    gold = tmp_path / "gsr.jsonl"
    gold.write_text('{"id": "g1"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"gsr.jsonl:1"):
        load_gsr(gold)
