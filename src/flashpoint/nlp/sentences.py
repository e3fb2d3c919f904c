"""A fast, rule-based sentence splitter with exact article offsets.

spaCy's parser also splits sentences, but running it over every sentence is the
largest cost in the pipeline. Splitting first lets the coder parse only sentences
that can yield an event (see flashpoint.coding.prefilter).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "adm",
        "gov",
        "sen",
        "rep",
        "pres",
        "amb",
        "st",
        "jr",
        "sr",
        "no",
        "nos",
        "vol",
        "fig",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "inc",
        "corp",
        "ltd",
        "co",
        "u.s",
        "u.n",
        "u.k",
        "e.u",
        "d.c",
        "p.m",
        "a.m",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "approx",
        "est",
        "dept",
        "univ",
    ]
)

# Ends: terminal punctuation before white space; a blank line; a line ending in a colon
# (a statement introduced on its own line); a line break before a bulleted line. A lone
# line break elsewhere may be a hard wrap inside a sentence, so it does not split.
_BOUNDARY = re.compile(
    r"[.!?]+[\"'”’)\]]*(?=\s+)|\n\s*\n|:[ \t]*\n(?=\s*\S)|\n(?=[ \t]*[-•*][ \t])"
)
# A place (and date) with a news agency in brackets, then a dash, at the start of a text.
_DATELINE = re.compile(
    r"\s*(?!(?:The|A|An|In|On|At)\b)[A-Z][A-Za-z .'-]{1,40}(?:,[A-Za-z0-9 .,]{1,30})?\s*\([A-Za-z .-]{2,30}\)\s*(?:--|—|–|-)[ \t]*"
)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


@dataclass(frozen=True, slots=True)
class SentenceSpan:
    start: int
    end: int
    text: str


def _is_false_boundary(text: str, dot_pos: int, next_pos: int) -> bool:
    """True when the punctuation at dot_pos is an abbreviation or initial, not an end."""
    if text[dot_pos] != ".":
        return False
    match = _WORD_BEFORE.search(text, 0, dot_pos)
    word = match.group(1).lower().rstrip(".") if match else ""
    if word in _ABBREVIATIONS:
        # "U.S." ends a sentence when a capitalised word does not follow? Too ambiguous:
        # keep the sentence together unless a new paragraph starts.
        return True
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "Kim J. Un"
    nxt = text[next_pos : next_pos + 1]
    # A lower-case continuation is not a new sentence ("approx. five").
    return bool(nxt) and nxt.islower()


def split_sentences(text: str, max_chars: int = 2000) -> list[SentenceSpan]:
    """Split text into sentences; each span's text is exactly text[start:end].

    A leading dateline ("Pyongyang, May 3 (KCNA) --", "SEOUL (Reuters) -") is a span of
    its own, so its place name is never read as the subject of the first sentence.
    Very long runs without punctuation are cut at `max_chars` on white space so that
    no single "sentence" can stall the parser.
    """
    spans: list[SentenceSpan] = []
    pos = 0
    length = len(text)
    dateline = _DATELINE.match(text)
    if dateline:
        _append(spans, text, 0, dateline.end(), max_chars)
        pos = dateline.end()
    for match in _BOUNDARY.finditer(text, pos):
        end = match.end()
        if match.group(0).strip() and _is_false_boundary(
            text, match.start(), _skip_space(text, end)
        ):
            continue
        _append(spans, text, pos, end, max_chars)
        pos = end
    if pos < length:
        _append(spans, text, pos, length, max_chars)
    return spans


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _append(spans: list[SentenceSpan], text: str, start: int, end: int, max_chars: int) -> None:
    # Trim white space so offsets point at the first and last visible character.
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > max_chars:
        cut = text.rfind(" ", start, start + max_chars)
        if cut <= start:
            cut = start + max_chars
        spans.append(SentenceSpan(start, cut, text[start:cut]))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        spans.append(SentenceSpan(start, end, text[start:end]))
