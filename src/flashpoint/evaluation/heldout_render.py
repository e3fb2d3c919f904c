"""Render the held-out evaluation (flashpoint.evaluation.heldout) as Markdown tables."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from flashpoint.evaluation.heldout import HeldoutReport
from flashpoint.evaluation.scoring import Share

_TITLES = {"overall": "overall", "voa": "VOA", "kcna": "KCNA 2024"}


def _share(share: Share) -> str:
    return f"{share.value:.3f} ({share.hits}/{share.total})"


def _rows(table: Sequence[Sequence[str]], text_columns: int = 1) -> str:
    head, *body = table
    rule = ["---" if i < text_columns else "---:" for i in range(len(head))]
    return "\n".join("| " + " | ".join(row) + " |" for row in (head, rule, *body))


def render_heldout(report: HeldoutReport) -> str:
    """The slices side by side, the overall per-category table and the largest confusions."""
    slices = list(report.slices.values())
    measures: list[tuple[str, Any]] = [
        ("sentences", lambda s: str(s.sentences)),
        ("labelled NONE", lambda s: _share(Share(s.sentences - s.gold_events, s.sentences))),
        ("event vs NONE: precision", lambda s: _share(s.detection_precision)),
        ("event vs NONE: recall", lambda s: _share(s.detection_recall)),
        ("event vs NONE: accuracy", lambda s: _share(s.detection_accuracy)),
        ("category macro F1 (labelled categories)", lambda s: f"{s.macro_f1:.3f}"),
        ("category micro precision", lambda s: f"{s.micro_precision:.3f}"),
        ("category micro recall", lambda s: f"{s.micro_recall:.3f}"),
        ("category micro F1", lambda s: f"{s.micro_f1:.3f}"),
        ("mode: category and mode right", lambda s: _share(s.mode)),
        ("status, given the category is right", lambda s: _share(s.status)),
        ("actor codes: exact set", lambda s: _share(s.actor_exact)),
        ("actor codes: any overlap", lambda s: _share(s.actor_overlap)),
        ("recipient codes: exact set", lambda s: _share(s.recipient_exact)),
        ("recipient codes: any overlap", lambda s: _share(s.recipient_overlap)),
        ("actor codes: exact set, category right", lambda s: _share(s.actor_exact_right)),
        ("recipient codes: exact set, category right", lambda s: _share(s.recipient_exact_right)),
    ]
    summary = [["measure", *(_TITLES.get(name, name) for name in report.slices)]]
    summary += [[what, *(value(s) for s in slices)] for what, value in measures]
    overall = report.slices["overall"]
    per_category = [["category", "precision", "recall", "F1", "support", "predicted"]]
    per_category += [
        [
            name,
            *(f"{v:.3f}" for v in (s.precision, s.recall, s.f1)),
            str(s.support),
            str(s.predicted),
        ]
        for name, s in overall.categories.items()
    ]
    cells = sorted(
        (
            (count, gold, predicted)
            for gold, row in overall.confusion.items()
            for predicted, count in row.items()
            if gold != predicted
        ),
        key=lambda cell: (-cell[0], cell[1], cell[2]),
    )[:10]
    confusions = [["labelled", "predicted", "sentences"]]
    confusions += [[gold, predicted, str(count)] for count, gold, predicted in cells]
    parts = [
        f"### Held-out unseen news ({report.labels} labelled sentences)",
        "",
        _rows(summary),
        "",
        "Per category, overall (labelled or predicted at least once):",
        "",
        _rows(per_category),
        "",
        "Largest confusions, overall (labelled -> predicted; NONE = no event):",
        "",
        _rows(confusions, text_columns=2),
    ]
    if report.skipped:
        parts += ["", f"Skipped ({len(report.skipped)}):", ""]
        parts += [f"- {reason}" for reason in report.skipped]
    return "\n".join(parts)
