"""Render evaluation results as Markdown tables or JSON, and refresh docs/ACCURACY.md."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from flashpoint.errors import InputError
from flashpoint.evaluation.csis import ATTACK, MISSILE, NUCLEAR, CsisReport
from flashpoint.evaluation.gsr import LABELS, GsrReport
from flashpoint.evaluation.heldout_render import render_heldout
from flashpoint.evaluation.meantime import MeantimeReport, render_meantime
from flashpoint.evaluation.runner import EvalResults
from flashpoint.evaluation.scoring import NONE_LABEL, Share

DOC_BEGIN = "<!-- BEGIN GENERATED: flashpoint eval --write-doc -->"
DOC_END = "<!-- END GENERATED -->"

# Four-letter column heads keep the 17-column confusion matrix readable.
_SHORT = {label: label[:4] for label in LABELS}


def _table(head: Sequence[str], rows: Sequence[Sequence[str]], align: str = "") -> str:
    aligns = align or "l" + "r" * (len(head) - 1)
    rule = ["---:" if a == "r" else "---" for a in aligns]
    lines = ["| " + " | ".join(head) + " |", "| " + " | ".join(rule) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _share(share: Share) -> str:
    return f"{share.value:.3f} ({share.hits}/{share.total})"


def render_gsr(report: GsrReport) -> str:
    """Per-category scores, the averages, code accuracy and confusion highlights."""
    rows = [
        [
            name,
            f"{s.precision:.3f}",
            f"{s.recall:.3f}",
            f"{s.f1:.3f}",
            str(s.support),
            str(s.predicted),
        ]
        for name, s in report.categories.items()
    ]
    parts = [
        f"### PLOVER gold records ({report.records} sentences)",
        "",
        _table(["category", "precision", "recall", "F1", "support", "predicted"], rows),
        "",
        _table(
            ["measure", "value"],
            [
                ["macro F1 (mean over the 16 categories)", f"{report.macro_f1:.3f}"],
                ["micro precision", f"{report.micro_precision:.3f}"],
                ["micro recall", f"{report.micro_recall:.3f}"],
                ["micro F1", f"{report.micro_f1:.3f}"],
                ["mode: category and mode right", _share(report.mode)],
                ["mode, given the category is right", _share(report.mode_given_category)],
                ["actor codes: exact set", _share(report.actor.exact)],
                ["actor codes: any overlap", _share(report.actor.overlap)],
                ["actor sectors", _share(report.actor.sector)],
                ["recipient codes: exact set", _share(report.recipient.exact)],
                ["recipient codes: any overlap", _share(report.recipient.overlap)],
                ["recipient sectors", _share(report.recipient.sector)],
            ],
        ),
        "",
        render_confusion_highlights(report),
    ]
    return "\n".join(parts)


def confusion_highlights(report: GsrReport, top: int = 12) -> list[tuple[str, str, int]]:
    """The largest off-diagonal cells: (gold, predicted, count), biggest first."""
    cells = [
        (gold, predicted, count)
        for gold, row in report.confusion.items()
        for predicted, count in row.items()
        if gold != predicted and count
    ]
    cells.sort(key=lambda cell: (-cell[2], LABELS.index(cell[0]), LABELS.index(cell[1])))
    return cells[:top]


def render_confusion_highlights(report: GsrReport) -> str:
    cells = confusion_highlights(report)
    if not cells:
        return "No confusions."
    missed = sum(row[NONE_LABEL] for row in report.confusion.values())
    rows = [[gold, predicted, str(count)] for gold, predicted, count in cells]
    return "\n".join(
        [
            f"Largest confusions (gold -> predicted); {missed} sentences had no event coded:",
            "",
            _table(["gold", "predicted", "sentences"], rows, align="llr"),
        ]
    )


def render_confusion(report: GsrReport) -> str:
    """The full 17 x 17 matrix: gold rows, predicted columns, NONE = nothing coded."""
    head = ["gold \\ predicted", *(_SHORT[label] for label in LABELS)]
    rows = [
        [gold, *(str(report.confusion[gold][p] or ".") for p in LABELS)]
        for gold in LABELS
        if gold != NONE_LABEL or any(report.confusion[gold].values())
    ]
    return _table(head, rows)


def render_actor_mentions(mentions: dict[str, Any]) -> str:
    """One line from the actor finder's own metric (flashpoint.coding.actor_eval)."""
    return (
        f"Actor mention recall (any mention with a gold actor or recipient code anywhere "
        f"in the sentence, before event roles): {mentions['mention_recall']:.3f} "
        f"({mentions['gold_codes_found']}/{mentions['gold_codes']}); "
        f"{mentions['false_positive_mentions']} of {mentions['mentions']} mentions have a "
        "code in neither gold list."
    )


def render_csis(report: CsisReport, misses: int | None = None) -> str:
    """Found and date rates by kind, then the misses (the first `misses`, or all)."""
    labels = {
        MISSILE: "missile launches",
        NUCLEAR: "nuclear tests",
        ATTACK: "attacks (Other Provocation, by `event`)",
    }
    rows = [
        [
            "missile + nuclear",
            _share(report.missile_nuclear.found),
            _share(report.missile_nuclear.date_exact),
        ]
    ]
    rows += [
        [labels[kind], _share(score.found), _share(score.date_exact)]
        for kind, score in report.by_kind.items()
    ]
    miss_rows = [
        [
            o.row.day.isoformat(),
            o.row.event,
            "date wrong" if o.found else "not found",
            "; ".join(o.coded[:3]) or "no event",
        ]
        for o in report.misses[:misses]
    ]
    shown = "" if len(miss_rows) == len(report.misses) else f" (first {len(miss_rows)} shown)"
    parts = [
        f"### CSIS North Korean provocations ({report.rows} rows, {len(report.outcomes)} scored)",
        "",
        _table(["rows", "found with actor PRK", "date exact"], rows),
        "",
        f"Misses: {len(report.misses)}{shown}",
        "",
        _table(["date", "CSIS event", "why", "coded (first 3)"], miss_rows, align="llll"),
    ]
    return "\n".join(parts)


def render_meantime_section(report: MeantimeReport, errors: bool = True) -> str:
    """The MEANTIME scorer's own tables under a heading; `errors=False` drops the error list."""
    text = render_meantime(report)
    if not errors:
        text = text.split("\n\n| expression |", 1)[0]
    return f"### MEANTIME dates ({report.expressions} DATE expressions)\n\n{text.strip()}"


def target_rows(results: EvalResults) -> list[tuple[str, float, float]]:
    """(what, target, measured) for every project target that was measured."""
    rows: list[tuple[str, float, float]] = []
    if results.gsr is not None:
        gsr = results.gsr
        rows += [
            ("PLOVER gold: macro F1", 0.80, gsr.macro_f1),
            ("PLOVER gold: micro F1", 0.85, gsr.micro_f1),
            ("PLOVER gold: actor code accuracy (exact set)", 0.85, gsr.actor.exact.value),
            ("PLOVER gold: recipient code accuracy (exact set)", 0.80, gsr.recipient.exact.value),
        ]
    if results.csis is not None:
        both = results.csis.missile_nuclear
        rows += [
            ("CSIS missile + nuclear: found with actor PRK", 0.95, both.found.value),
            ("CSIS missile + nuclear: date exact", 0.90, both.date_exact.value),
        ]
    if results.meantime is not None:
        rows.append(("MEANTIME: full-day DATE values exact", 0.90, results.meantime.full_day_rate))
    return rows


def render_targets(results: EvalResults) -> str:
    rows = [
        [what, f">= {target:.2f}", f"{measured:.3f}", "yes" if measured >= target else "no"]
        for what, target, measured in target_rows(results)
    ]
    return "### Targets\n\n" + _table(["measure", "target", "measured", "met"], rows, "lrrl")


def render_markdown(results: EvalResults, *, brief: bool = False) -> str:
    """The whole report; `brief` (for docs) caps the CSIS misses and drops MEANTIME errors."""
    sections: list[str] = [render_targets(results)] if target_rows(results) else []
    if results.gsr is not None:
        sections.append(render_gsr(results.gsr))
        if results.actor_mentions is not None:
            sections.append(render_actor_mentions(results.actor_mentions))
        sections.append("Confusion matrix (gold rows, predicted columns, `.` = 0):")
        sections.append(render_confusion(results.gsr))
    if results.csis is not None:
        sections.append(render_csis(results.csis, misses=25 if brief else None))
    if results.meantime is not None:
        sections.append(render_meantime_section(results.meantime, errors=not brief))
    if results.heldout is not None and not brief:
        # Kept out of the generated doc block: docs/ACCURACY.md has its own held-out section.
        sections.append(render_heldout(results.heldout))
    return "\n\n".join(sections) + "\n"


def results_to_dict(results: EvalResults) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if results.gsr is not None:
        out["gsr"] = results.gsr.to_dict()
    if results.actor_mentions is not None:
        out["actor_mentions"] = results.actor_mentions
    if results.csis is not None:
        out["csis"] = results.csis.to_dict()
    if results.meantime is not None:
        out["meantime"] = meantime_to_dict(results.meantime)
    if results.heldout is not None:
        out["heldout"] = results.heldout.to_dict()
    return out


def meantime_to_dict(report: MeantimeReport) -> dict[str, Any]:
    """The MEANTIME counts and rates; the error list is in the Markdown report."""
    return {
        "expressions": report.expressions,
        "detected": report.detected,
        "detection_recall": round(report.detection_recall, 4),
        "full_day": report.full_day,
        "full_day_correct": report.full_day_correct,
        "full_day_rate": round(report.full_day_rate, 4),
        "normalisable": report.normalisable,
        "normalisable_correct": report.normalisable_correct,
        "normalisable_rate": round(report.normalisable_rate, 4),
        "not_scored": report.not_scored,
        "errors": len(report.errors),
    }


def render_json(results: EvalResults) -> str:
    return json.dumps(results_to_dict(results), indent=2, ensure_ascii=False) + "\n"


def write_doc(path: Path, generated: str) -> None:
    """Replace the generated block of a document (between the markers) with fresh tables."""
    if not path.is_file():
        raise InputError("FP208", "the document to refresh does not exist", source=str(path))
    text = path.read_text(encoding="utf-8")
    start, end = text.find(DOC_BEGIN), text.find(DOC_END)
    if start < 0 or end < start:
        raise InputError(
            "FP204",
            f"the document has no generated block; add the lines {DOC_BEGIN} and {DOC_END}",
            source=str(path),
        )
    fresh = f"{text[: start + len(DOC_BEGIN)]}\n\n{generated.strip()}\n\n{text[end:]}"
    path.write_text(fresh, encoding="utf-8")


def write_errors(results: EvalResults, path: Path) -> int:
    """Write the GSR error list and the CSIS misses as JSON lines; return how many."""
    items: list[dict[str, Any]] = []
    if results.gsr is not None:
        items += [error.to_dict() for error in results.gsr.errors]
    if results.csis is not None:
        items += [miss.to_dict() for miss in results.csis.misses]
    with path.open("w", encoding="utf-8") as out:
        for item in items:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    return len(items)
