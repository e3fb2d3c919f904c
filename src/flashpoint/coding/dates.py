"""Event dates: which date expression of a sentence dates the event, resolved.

`find_date_mentions` (date_patterns) finds the expressions, `resolve_date`
(date_resolve) places one in time against the publication date, and `event_date`
chooses the expression that belongs to the event's trigger. A sentence without a date
falls back to the publication day, and the record says so in its note.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from flashpoint.coding.date_patterns import DateMention, find_date_mentions
from flashpoint.coding.date_resolve import as_date, resolve_date
from flashpoint.models import EventDate

__all__ = [
    "DateMention",
    "anchor_day",
    "clause_tense",
    "event_date",
    "find_date_mentions",
    "resolve_date",
]

PUBLICATION_FALLBACK_NOTE = "publication date: the sentence states no date"
NO_DATE_NOTE = "no date stated in the sentence and no publication date"

# A preposition right before a date ties it to the clause's verb: "launched ... on Tuesday".
_LOCATIVE_CUE = re.compile(r"(?i:\b(?:on|in|at|during|early|late|this|last)\s+(?:the\s+)?)$")
# "since 2006" starts a state or a count ("the first test since 2009"): never the date.
_SINCE_CUE = re.compile(r"(?i:\bsince\s+(?:the\s+)?)$")
# Dates that bound a state rather than date an event: "in force until 2030".
_BOUNDING_CUE = re.compile(r"(?i:\b(?:until|till|by|before|through|ahead\s+of)\s+(?:the\s+)?)$")
# Between the trigger and a date these start another clause.
_CLAUSE_BREAK = re.compile(
    r";|:|,\s*(?:which|who|whom|whose|where|while|when|although|though|but)\b|"
    r"\b(?:which|who|whose|after|before|following|since|because|while|when)\b|[(\[—]"
)
_POSSESSIVE = re.compile(r"['’]s\b")
# Future reference in the clause of a date: modals, "plans to", "is set to", "due to".
_FUTURE_CUE = re.compile(
    r"(?i)\b(?:will|won't|shall|going\s+to|plans?\s+to|planned\s+(?:to|for)|expected\s+to|"
    r"scheduled|due\s+to|set\s+to|is\s+to|are\s+to|to\s+be|may|might|should|upcoming)\b|['’]ll\b"
)
# A deadline or an end point ahead: "by early June", "closed until Friday".
_DEADLINE_BEFORE = re.compile(r"(?i:\b(?:by|until|till)\s+)$")
_CLAUSE_EDGE = re.compile(
    r"[,;:()\[\]—]|--|\b(?:that|which|who|when|after|before|because|while|although|but)\b"
)
_ANCHOR_WINDOW = 2000


def clause_tense(text: str, start: int, end: int) -> str:
    """future when the clause around text[start:end] refers ahead, else past.

    A cheap stand-in for the parse's tense, used when the caller gives none: news
    clauses are past unless a modal, "plans to"-like phrase or deadline shows otherwise.
    """
    if _DEADLINE_BEFORE.search(text, max(0, start - 8), start):
        return "future"
    left = max(0, start - 200)
    edges = [m.end() for m in _CLAUSE_EDGE.finditer(text, left, start)]
    clause_start = edges[-1] if edges else left
    after = _CLAUSE_EDGE.search(text, end, min(len(text), end + 200))
    clause_end = after.start() if after else min(len(text), end + 200)
    return "future" if _FUTURE_CUE.search(text, clause_start, clause_end) else "past"


def anchor_day(
    text: str, position: int, published: datetime | date | None, tense: str | None = None
) -> date | None:
    """The last day named before `position` (within ~2,000 characters), for "the same day"."""
    window_start = max(0, position - _ANCHOR_WINDOW)
    for mention in reversed(find_date_mentions(text, window_start, position)):
        if mention.kind == "anaphoric":
            continue
        resolved = resolve_date(
            mention, published, tense or clause_tense(text, mention.start, mention.end)
        )
        if resolved.granularity == "day" and resolved.type == "exact" and resolved.value:
            return date.fromisoformat(resolved.value[:10])
    return None


def _score(text: str, mention: DateMention, trigger_start: int) -> float | None:
    """Lower is better; None when the date plainly modifies something else."""
    if mention.end <= trigger_start:
        between = text[mention.end : trigger_start]
        distance = trigger_start - mention.end
    else:
        between = text[trigger_start : mention.start]
        distance = max(0, mention.start - trigger_start)
    # A date as a noun modifier ("the 2018 summit", "Tuesday's test") dates that noun:
    # it counts only when the noun is the trigger.
    modifies_noun = mention.attributive or bool(_POSSESSIVE.match(text, mention.end))
    if modifies_noun:
        if mention.end <= trigger_start and distance <= 4 + (2 if not mention.attributive else 0):
            return 0.0
        if mention.end <= trigger_start and trigger_start - mention.end <= 25:
            return float(distance)
        return None
    before = text[max(0, mention.start - 30) : mention.start]
    if _SINCE_CUE.search(before):
        return None
    score = float(distance)
    score += 60.0 * len(_CLAUSE_BREAK.findall(between))
    if _LOCATIVE_CUE.search(before):
        score -= 15.0
    if _BOUNDING_CUE.search(before):
        score += 80.0
    return score


def event_date(  # noqa: PLR0917 - the coder calls it positionally, as the contract says
    text: str,
    sentence_start: int,
    sentence_end: int,
    trigger_start: int,
    published: datetime | date | None,
    tense: str | None = None,
) -> EventDate:
    """The date of the event whose trigger starts at `trigger_start`, never a silent guess.

    Takes the date expression nearest the trigger, preferring one in the trigger's
    clause or introduced by "on"/"in", and ignoring dates that modify another noun.
    Without one, returns the publication day marked approximate with a note; without a
    publication date either, an unresolved date with a note. When `tense` is None the
    tense is read from cues in the date's clause (`clause_tense`).
    """
    ranked: list[tuple[float, int, DateMention]] = []
    for mention in find_date_mentions(text, sentence_start, sentence_end):
        score = _score(text, mention, trigger_start)
        if score is not None:
            ranked.append((score, mention.start, mention))
    ranked.sort(key=lambda item: (item[0], item[1]))
    first_unresolved: EventDate | None = None
    for _, _, mention in ranked:
        mention_tense = tense or clause_tense(text, mention.start, mention.end)
        anchor = (
            anchor_day(text, mention.start, published, tense)
            if mention.kind == "anaphoric"
            else None
        )
        resolved = resolve_date(mention, published, mention_tense, anchor=anchor)
        if resolved.type != "unresolved":
            return resolved
        first_unresolved = first_unresolved or resolved
    if first_unresolved is not None:
        return first_unresolved
    return publication_fallback(published)


def publication_fallback(published: datetime | date | None) -> EventDate:
    """The publication day, marked approximate and explained; unresolved without one."""
    pub = as_date(published)
    if pub is None:
        return EventDate(value=None, granularity="unknown", type="unresolved", note=NO_DATE_NOTE)
    return EventDate(
        value=pub.isoformat(),
        granularity="day",
        type="approximate",
        note=PUBLICATION_FALLBACK_NOTE,
    )
