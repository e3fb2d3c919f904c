"""The held-out scorer on hand-built labels and events, then the real coder on unseen news.

The real-coder test is informative only: it checks the evaluation runs end to end and
prints the figures, but pins no floor (the held-out set must never be tuned against).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from flashpoint.errors import InputError
from flashpoint.evaluation.heldout import (
    LABELS_PATH,
    HeldoutLabel,
    HeldoutReport,
    LabelledEvent,
    evaluate_heldout,
    load_labels,
    score_heldout,
    sentence_prediction,
)
from flashpoint.evaluation.heldout_corpus import SentenceRef, sentence_hash
from flashpoint.evaluation.heldout_render import render_heldout
from flashpoint.evaluation.report import render_markdown, results_to_dict
from flashpoint.evaluation.runner import EvalPaths, EvalResults
from flashpoint.models import PLOVER_CATEGORIES, STATUSES, UNRESOLVED_DATE, Article, Entity, Event
from flashpoint.models import TextSpan as Span


def _entity(code: str) -> Entity:
    return Entity(code=code, sector=None, name=code, start=0, end=1)


def _event(
    category: str,
    actors: Iterable[str] = (),
    recipients: Iterable[str] = (),
    *,
    mode: str | None = None,
    status: str = "asserted",
    sentence: tuple[int, int] = (0, 10),
    confidence: float = 0.9,
) -> Event:
    start, end = sentence
    return Event(
        event_id=f"e{start}{category}{confidence}",
        article_id="a",
        category=category,
        mode=mode,
        status=status,
        context=(),
        actors=tuple(_entity(c) for c in actors),
        recipients=tuple(_entity(c) for c in recipients),
        date=UNRESOLVED_DATE,
        location=None,
        sentence=Span(start, end, "x" * (end - start)),
        trigger=Span(start, start + 1, "x"),
        confidence=confidence,
        score=None,
        quad_class=1,
        cameo_root="01",
    )


def _label(
    category: str,
    actors: tuple[str, ...] = (),
    recipients: tuple[str, ...] = (),
    *,
    mode: str = "",
    status: str = "asserted",
    second: LabelledEvent | None = None,
    corpus: str = "voa",
) -> HeldoutLabel:
    ref = SentenceRef(corpus, "1", 0, 10, "0" * 64)
    if category == "NONE":
        return HeldoutLabel(ref, None)
    return HeldoutLabel(ref, LabelledEvent(category, mode, actors, recipients, status), second)


def _pairs() -> list[tuple[HeldoutLabel, Event | None]]:
    reject = LabelledEvent("REJECT", "", ("PRK",), ("USA",), "asserted")
    return [
        (
            _label("ACCUSE", ("USA",), ("CHN",), mode="disapprove"),
            _event("ACCUSE", ["USA"], ["CHN"], mode="disapprove"),
        ),
        (_label("ASSAULT", ("PAK",), ("PAK",), mode="firearms"), _event("MOBILIZE", ["PAK"])),
        (_label("NONE"), _event("SUPPORT", ["RUS"], ["PRK"])),
        (_label("NONE"), None),
        (_label("CONSULT", ("USA",), ("RUS",), status="hypothetical"), None),
        (_label("ACCUSE", ("PRK",), ("USA",), second=reject), _event("REJECT", ["PRK"], ["USA"])),
    ]


def test_heldout_scores_event_detection_as_event_versus_none() -> None:
    scores = score_heldout(_pairs())
    assert scores.sentences == 6
    assert scores.gold_events == 4
    assert (scores.detection_precision.hits, scores.detection_precision.total) == (3, 4)
    assert (scores.detection_recall.hits, scores.detection_recall.total) == (3, 4)
    assert (scores.detection_accuracy.hits, scores.detection_accuracy.total) == (4, 6)


def test_heldout_categories_macro_over_labelled_and_micro_over_events() -> None:
    scores = score_heldout(_pairs())
    assert list(scores.categories) == [
        "CONSULT",
        "SUPPORT",
        "ACCUSE",
        "REJECT",
        "MOBILIZE",
        "ASSAULT",
    ]
    assert scores.categories["ACCUSE"].f1 == 1.0
    assert scores.categories["REJECT"].f1 == 1.0  # the second labelled event counts
    assert (scores.categories["SUPPORT"].support, scores.categories["SUPPORT"].predicted) == (0, 1)
    # labelled categories: ACCUSE 1, REJECT 1, CONSULT 0, ASSAULT 0
    assert scores.macro_f1 == pytest.approx(0.5)
    assert (scores.micro_precision, scores.micro_recall, scores.micro_f1) == (0.5, 0.5, 0.5)
    assert scores.confusion["NONE"] == {"SUPPORT": 1, "NONE": 1}
    assert scores.confusion["CONSULT"] == {"NONE": 1}


def test_heldout_codes_status_and_mode_follow_the_gsr_definitions() -> None:
    scores = score_heldout(_pairs())
    # actors: USA right, PAK right (category wrong does not matter), USA missed, PRK right
    assert (scores.actor_exact.hits, scores.actor_exact.total) == (3, 4)
    assert (scores.recipient_exact.hits, scores.recipient_exact.total) == (2, 4)
    assert (scores.status.hits, scores.status.total) == (2, 2)
    assert (scores.mode.hits, scores.mode.total) == (1, 2)


def test_heldout_role_accuracy_is_also_given_over_events_whose_category_is_right() -> None:
    scores = score_heldout(_pairs())
    # category right: the ACCUSE (USA -> CHN, both right) and the second event REJECT
    # (PRK -> USA, both right); the MOBILIZE for an ASSAULT and the missed CONSULT do not count
    assert (scores.actor_exact_right.hits, scores.actor_exact_right.total) == (2, 2)
    assert (scores.recipient_exact_right.hits, scores.recipient_exact_right.total) == (2, 2)


def test_heldout_status_is_scored_only_where_the_category_is_right() -> None:
    pairs: list[tuple[HeldoutLabel, Event | None]] = [
        (_label("ASSAULT", ("ISR",), status="historical"), _event("ASSAULT", ["ISR"])),
        (_label("THREATEN", ("USA",), status="future"), _event("AGREE", ["USA"], status="future")),
    ]
    scores = score_heldout(pairs)
    assert (scores.status.hits, scores.status.total) == (0, 1)


def test_igo_codes_compare_as_organisations_like_the_gsr() -> None:
    pairs: list[tuple[HeldoutLabel, Event | None]] = [
        (_label("SANCTION", ("IGO:EU",), ("GTM",)), _event("SANCTION", ["IGO:EU"], ["GTM"])),
        (_label("SUPPORT", ("IGO:G7",), ("USA",)), _event("SUPPORT", ["CAN"], ["USA"])),
    ]
    scores = score_heldout(pairs)
    assert (scores.actor_exact.hits, scores.actor_overlap.hits) == (1, 1)


def test_sentence_prediction_takes_the_surest_event_overlapping_the_sentence() -> None:
    events = [
        _event("ACCUSE", sentence=(0, 40), confidence=0.95),
        _event("THREATEN", sentence=(41, 90), confidence=0.6),
        _event("REJECT", sentence=(41, 90), confidence=0.8),
    ]
    chosen = sentence_prediction(events, 41, 90)
    assert chosen is not None
    assert chosen.category == "REJECT"
    assert sentence_prediction(events, 91, 120) is None


def _write_labels(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_load_labels_reads_none_and_second_events(tmp_path: Path) -> None:
    rows: list[dict[str, object]] = [
        {"corpus": "voa", "article": "7", "start": 0, "end": 5, "sha256": "a", "category": "NONE"},
        {
            "corpus": "kcna",
            "article": "http://x",
            "start": 3,
            "end": 9,
            "sha256": "b",
            "category": "accuse",
            "mode": "disapprove",
            "actors": ["PRK"],
            "recipients": ["USA"],
            "status": "asserted",
            "second": {"category": "REJECT", "actors": ["PRK"], "recipients": ["USA"]},
        },
    ]
    none, accuse = load_labels(_write_labels(tmp_path / "labels.jsonl", rows))
    assert none.event is None
    assert none.category == "NONE"
    assert accuse.category == "ACCUSE"
    assert accuse.ref.article == "http://x"
    assert accuse.second is not None
    assert accuse.second.category == "REJECT"


def test_a_malformed_label_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "labels.jsonl"
    path.write_text('{"corpus": "voa"}\n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_labels(path)
    assert caught.value.code == "FP204"
    assert f"{path}:1" in str(caught.value)


class _FakeCoder:
    """Codes one ACCUSE event in the first sentence of every article it is given."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def code_articles(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        for article in articles:
            self.seen.append(article.id)
            yield article, [_event("ACCUSE", ["USA"], ["CHN"], sentence=(0, 30))]


def test_evaluate_heldout_codes_each_article_once_and_skips_drift_with_a_reason(
    tmp_path: Path,
) -> None:
    text = "The United States condemned China. Officials met in Geneva on Monday."
    corpus = tmp_path / "data" / "corpora"
    corpus.mkdir(parents=True)
    (corpus / "voa_2019_2025.jsonl").write_text(json.dumps({"id": "42", "text": text}) + "\n")

    def row(start: int, end: int, category: str, sha: str | None = None) -> dict[str, object]:
        return {
            "corpus": "voa",
            "article": "42",
            "start": start,
            "end": end,
            "sha256": sha or sentence_hash(text[start:end]),
            "category": category,
            "actors": ["USA"],
            "recipients": ["CHN"],
            "status": "asserted",
        }

    labels = _write_labels(
        tmp_path / "labels.jsonl",
        [
            row(0, 34, "ACCUSE"),
            row(35, 69, "CONSULT"),
            row(35, 69, "CONSULT", sha="f" * 64),
            {**row(0, 5, "NONE"), "corpus": "kcna", "article": "http://k"},
        ],
    )
    coder = _FakeCoder()
    report = evaluate_heldout(tmp_path, coder, labels)
    assert coder.seen == ["voa:42"]
    assert report.labels == 4
    overall = report.slices["overall"]
    assert overall.sentences == 2
    assert overall.categories["ACCUSE"].f1 == 1.0
    assert overall.confusion["CONSULT"] == {"NONE": 1}
    assert report.slices["kcna"].sentences == 0
    assert any("SHA-256 mismatch" in reason for reason in report.skipped)
    assert any(reason.startswith("1 kcna sentences") for reason in report.skipped)
    assert "Skipped (2)" in render_heldout(report)


def test_render_heldout_shows_the_slices_side_by_side() -> None:
    scores = score_heldout(_pairs())
    report = HeldoutReport(labels=6, slices={"overall": scores, "voa": scores, "kcna": scores})
    text = render_heldout(report)
    assert "| measure | overall | VOA | KCNA 2024 |" in text
    assert "| event vs NONE: precision | 0.750 (3/4) | 0.750 (3/4) | 0.750 (3/4) |" in text
    assert "| ASSAULT | MOBILIZE | 1 |" in text
    results = EvalResults(heldout=report)
    assert "Held-out unseen news" in render_markdown(results)
    assert "Held-out unseen news" not in render_markdown(results, brief=True)
    assert results_to_dict(results)["heldout"]["slices"]["voa"]["gold_events"] == 4


def test_only_heldout_resolves_the_shared_directory(tmp_path: Path) -> None:
    (tmp_path / "data" / "eval").mkdir(parents=True)
    paths = EvalPaths.resolve(tmp_path, only="heldout")
    assert (paths.gsr, paths.csis, paths.meantime, paths.heldout) == (None, None, None, tmp_path)


def test_packaged_labels_hold_160_sentences_locations_only() -> None:
    labels = load_labels(LABELS_PATH)
    assert len(labels) == 160
    assert sum(label.ref.corpus == "voa" for label in labels) == 80
    assert sum(label.ref.corpus == "kcna" for label in labels) == 80
    for label in labels:
        for event in (label.event, label.second):
            if event is not None:
                assert event.category in PLOVER_CATEGORIES
                assert event.status in STATUSES
    raw = [json.loads(line) for line in LABELS_PATH.read_text(encoding="utf-8").splitlines()]
    assert not any("text" in row for row in raw)


# --- the real coder on the unseen news (informative, never gated) ----------------------


def test_heldout_evaluation_runs_on_unseen_news(shared_dir: Path, parser_model: str) -> None:
    from flashpoint.evaluation.runner import make_coder

    report = evaluate_heldout(shared_dir, make_coder())
    assert report.skipped == ()
    assert report.slices["overall"].sentences == 160
    assert report.slices["voa"].sentences == report.slices["kcna"].sentences == 80
    for scores in report.slices.values():
        assert 0.0 <= scores.macro_f1 <= 1.0
        assert scores.detection_accuracy.total == scores.sentences
    print("\n" + render_heldout(report))  # noqa: T201 - the figures are the point of this test
