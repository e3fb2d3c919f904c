"""Date normalisation measured on MEANTIME (English Wikinews, TimeML DATE values).

For each gold DATE expression the evaluator looks for a detected mention overlapping
the gold span in its sentence, resolves it against the document creation date (DCT)
with the tense read from simple cues in the sentence, and compares values.

Gold values are mapped onto flashpoint's forms before comparing, never the reverse:
a part of day ("2008-01-09TMO") counts as its day, a weekend ("2010-W04-WE") as its
week, a quarter ("2009-Q1") as the month interval "2009-01/2009-03", a season
("2009-SP") as its month interval, a decade ("197") as "1970/1979". A predicted range
matches a gold value equal to either end (TimeML tags each end separately).
"The same day" is resolved against the last day named before it in the document.
Values that are not points in time (PRESENT_REF, PAST_REF, FUTURE_REF, durations like
P6Y, undefined XXXX-XX-XX, fiscal years) are counted apart and not scored.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from flashpoint.coding.date_patterns import DateMention, find_date_mentions
from flashpoint.coding.dates import anchor_day, clause_tense, resolve_date

TIMEX_FILE = Path("data") / "eval" / "meantime_timex.jsonl"
DOCS_FILE = Path("data") / "eval" / "meantime_docs.jsonl"

_FULL_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PART_OF_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})T(?:MO|AF|EV|NI|DT)$")
_WEEKEND = re.compile(r"^(\d{4}-W\d{2})-WE$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_DECADE = re.compile(r"^(\d{3})$")
_POINT = re.compile(r"^\d{4}(?:-W\d{2}|-\d{2}(?:-\d{2})?)?$")
_SEASON_SPANS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}

_CATEGORY_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("deictic", re.compile(r"(?i)\b(?:today|tonight|yesterday|tomorrow|this\s+morning|now)\b")),
    ("weekday", re.compile(r"(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b")),
    (
        "absolute",
        re.compile(
            r"(?i)\b(?:january|february|march|april|may|june|july|august|september|october|"
            r"november|december)\b|\d{4}|\d+/\d+/\d+|['’]\d\d\b"
        ),
    ),
    (
        "relative",
        re.compile(r"(?i)\b(?:last|this|next|ago|earlier|later|previous|past|current)\b"),
    ),
    ("anaphoric", re.compile(r"(?i)\b(?:the|that|its)\b")),
)


def gold_category(expression: str) -> str:
    """A coarse class of a gold expression, from its own words (not the detector's)."""
    for name, pattern in _CATEGORY_RULES:
        if pattern.search(expression):
            return name
    return "other"


def comparable_gold(value: str) -> str | None:
    """The gold value in flashpoint's forms, or None when it is not a point in time."""
    if match := _PART_OF_DAY.match(value):
        return match.group(1)
    if match := _WEEKEND.match(value):
        return match.group(1)
    if match := _QUARTER.match(value):
        year, quarter = match.group(1), int(match.group(2))
        first = (quarter - 1) * 3 + 1
        return f"{year}-{first:02d}/{year}-{first + 2:02d}"
    if match := _SEASON.match(value):
        year = int(match.group(1))
        first, last = _SEASON_SPANS[match.group(2)]
        end_year = year + 1 if last < first else year
        return f"{year}-{first:02d}/{end_year}-{last:02d}"
    if match := _DECADE.match(value):
        return f"{match.group(1)}0/{match.group(1)}9"
    if _POINT.match(value):
        return value
    return None


@dataclass(slots=True)
class CategoryScore:
    total: int = 0
    detected: int = 0
    correct: int = 0


@dataclass(frozen=True, slots=True)
class MeantimeError:
    expression: str
    sentence: str
    dct: str
    gold: str
    predicted: str | None  # None: not detected


@dataclass(slots=True)
class MeantimeReport:
    """Counts and rates of date normalisation on MEANTIME DATE expressions."""

    expressions: int = 0  # gold DATE expressions
    detected: int = 0
    full_day: int = 0  # gold value a full day (YYYY-MM-DD)
    full_day_correct: int = 0
    normalisable: int = 0  # gold value a point or interval in time
    normalisable_correct: int = 0
    not_scored: int = 0  # PRESENT_REF, durations, undefined values
    by_category: dict[str, CategoryScore] = field(default_factory=dict)
    errors: list[MeantimeError] = field(default_factory=list)

    @property
    def detection_recall(self) -> float:
        return self.detected / self.expressions if self.expressions else 0.0

    @property
    def full_day_rate(self) -> float:
        return self.full_day_correct / self.full_day if self.full_day else 0.0

    @property
    def normalisable_rate(self) -> float:
        return self.normalisable_correct / self.normalisable if self.normalisable else 0.0


def _overlapping(mentions: list[DateMention], start: int, end: int) -> DateMention | None:
    for mention in mentions:
        if mention.start < end and start < mention.end:
            return mention
    return None


def _matches(predicted: str | None, gold: str) -> bool:
    if predicted is None:
        return False
    if predicted == gold:
        return True
    # A range matches a gold day it starts on.
    return (
        "/" in predicted and _FULL_DAY.match(gold) is not None and predicted.startswith(gold + "/")
    )


def evaluate_meantime(shared_dir: Path) -> MeantimeReport:
    """Score date detection and normalisation on ../shared MEANTIME DATE expressions."""
    report = MeantimeReport()
    docs = {str(doc["doc"]): str(doc["text"]) for doc in _read_jsonl(shared_dir / DOCS_FILE)}
    for row in _read_jsonl(shared_dir / TIMEX_FILE):
        if row["type"] == "DATE":
            _score_row(report, row, docs.get(row["doc_text_path"], ""))
    return report


def _read_jsonl(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _score_row(report: MeantimeReport, row: dict[str, str], doc_text: str) -> None:
    expression, sentence, gold_raw = row["text"], row["sentence"], row["value"]
    start = int(row["start"])
    report.expressions += 1
    mention = _overlapping(find_date_mentions(sentence), start, start + len(expression))
    if mention is not None:
        report.detected += 1
    gold = comparable_gold(gold_raw)
    if gold is None:
        report.not_scored += 1
        return
    category = report.by_category.setdefault(gold_category(expression), CategoryScore())
    category.total += 1
    report.normalisable += 1
    full_day = _FULL_DAY.match(gold_raw) is not None
    report.full_day += full_day
    predicted = None
    if mention is not None:
        category.detected += 1
        dct = date.fromisoformat(row["dct"])
        tense = clause_tense(sentence, mention.start, mention.end)
        anchor = None
        if mention.kind == "anaphoric":
            # Anaphora looks back through the document: locate the sentence in it.
            offset = max(doc_text.find(sentence), 0)
            context = doc_text if doc_text.find(sentence) >= 0 else sentence
            anchor = anchor_day(context, offset + mention.start, dct)
        predicted = resolve_date(mention, dct, tense, anchor=anchor).value
    if _matches(predicted, gold):
        category.correct += 1
        report.normalisable_correct += 1
        report.full_day_correct += full_day
    else:
        report.errors.append(MeantimeError(expression, sentence, row["dct"], gold_raw, predicted))


def render_meantime(report: MeantimeReport) -> str:
    """The report as Markdown: headline rates, a table by category, then the errors."""
    lines = [
        "| measure | correct | total | rate |",
        "|---|---:|---:|---:|",
        f"| detection recall (all DATE) | {report.detected} | {report.expressions} | {report.detection_recall:.3f} |",
        f"| exact value, full-day gold | {report.full_day_correct} | {report.full_day} | {report.full_day_rate:.3f} |",
        f"| exact value, all normalisable | {report.normalisable_correct} | {report.normalisable} | {report.normalisable_rate:.3f} |",
        f"| not scored (PRESENT_REF, durations, undefined) | | {report.not_scored} | |",
        "",
        "| category | total | detected | correct | accuracy |",
        "|---|---:|---:|---:|---:|",
    ]
    for name in sorted(report.by_category):
        score = report.by_category[name]
        rate = score.correct / score.total if score.total else 0.0
        lines.append(
            f"| {name} | {score.total} | {score.detected} | {score.correct} | {rate:.3f} |"
        )
    if report.errors:
        lines += ["", "| expression | gold | predicted | DCT | sentence |", "|---|---|---|---|---|"]
        for error in report.errors:
            sentence = error.sentence.replace("|", "\\|")
            shown = error.predicted if error.predicted is not None else "(not found)"
            lines.append(
                f"| {error.expression} | {error.gold} | {shown} | {error.dct} | {sentence} |"
            )
    return "\n".join(lines) + "\n"
