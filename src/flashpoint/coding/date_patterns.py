"""Finding date expressions in news text: the patterns and the parsed `DateMention`.

Only detection and parsing happen here; `date_resolve` turns a mention into an
`EventDate` against the publication date. All patterns are compiled once at import.
Matches of different patterns may overlap ("Tuesday" inside "Tuesday, April 2"): the
longest wins, then the earliest.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flashpoint.coding.date_words import (
    DEICTIC_OFFSETS,
    MONTHS,
    NUMBER_WORDS,
    QUARTER_ORDINALS,
    RELATION_OFFSETS,
    WEEKDAYS,
)


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date expression: exact article offsets plus what it says, not yet resolved.

    `kind` is one of: absolute (day and month, maybe year), range, month, year,
    year_range, decade, weekday, deictic (today, yesterday, ...), relative (last/this/next
    week, month, year, weekend), ago (N units ago), season, quarter, ordinal_day
    ("on the 2nd"), anaphoric ("the same day", "ended the day": a day named before). `offset` is the signed number of units from the publication date;
    `modifier` is early/mid/late/start/end/earlier/later; `attributive` marks a date that
    modifies a noun ("the 2018 summit") rather than dating the clause.
    """

    start: int
    end: int
    text: str
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    unit: str | None = None  # day, week, weekend, month, year
    offset: int | None = None
    year_offset: int | None = None  # "October of next year": +1
    modifier: str | None = None
    season: str | None = None
    quarter: int | None = None
    end_year: int | None = None
    end_month: int | None = None
    end_day: int | None = None
    attributive: bool = False


_MONTH_FULL = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_MONTH_ANY = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR})(?![A-Za-z])"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)(?!\d)"
_SEP = r"\s*(?P<sep>-|–|—|to|and|through|until|till)\s*"
_MOD = r"(?i:(?P<mod>early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|end\s+of|beginning\s+of|start\s+of))"
_REL = r"(?i:(?P<rel>last|this|next|past|coming|previous|current|following))"
# Words that, right before a bare month or season, show it is a date ("in March").
_CUE_BEFORE = re.compile(
    r"(?i:\b(?:in|since|until|till|by|during|from|through|before|after|of|on|between|and|to|"
    r"early|late|mid|last|this|next|past|coming|throughout|over)\s+(?:the\s+)?)$"
)
# A number right before a year reads as an amount, not a date ("$2020", "1,2010").
_NOT_BEFORE_YEAR = re.compile(r"[$€£¥\d.,:/-]$|(?i:\bpage\s|\bno\.\s|\bnumber\s|\bflight\s)$")
_NOT_AFTER_YEAR = re.compile(
    r"(?:[\d%,.]\d|\s*(?i:%|percent|per\s+cent|km|kilomet|mile|met(?:er|re)|kg|tons?\b|tonnes?\b|"
    r"people\b|troops\b|soldiers\b|men\b|units\b|dollars\b|won\b|yen\b|euros\b|hours\b|GMT\b|"
    r"p\.?m\.?|a\.?m\.?|hrs\b))"
)
# A year between a determiner and a noun modifies the noun: "the 2018 summit".
_ATTRIBUTIVE_BEFORE = re.compile(r"(?i:\b(?:the|a|an|its|his|her|their|our|this|that)\s+)$")
_ATTRIBUTIVE_AFTER = re.compile(r"[\s-]+(?!(?i:and|or|to|when|after|before)\b)[A-Za-z][a-z-]+")


# Named days are not the weekday they contain: "Black Monday", "Good Friday".
_NAMED_DAY_BEFORE = re.compile(
    r"\b(?:Black|Cyber|Super|Good|Bloody|Ash|Easter|Holy|Maundy|Palm|Shrove|Fat|Blue|Giving)"
    r"['’]?\s+$"
)


_DAY_COMPLEMENT = re.compile(r"\s+(?i:after|before|of|when|that|in|on|which|is|was)\b")


def _month(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _year(text: str | None) -> int | None:
    return int(text) if text else None


def _modifier(text: str | None) -> str | None:
    if not text:
        return None
    word = text.lower().split()
    if word[0] == "the":
        word = word[1:]
    key = word[0]
    return {"beginning": "start", "middle": "mid"}.get(key, key)


_Builder = Callable[[re.Match[str], str], dict[str, Any] | None]
_PATTERNS: list[tuple[re.Pattern[str], _Builder]] = []


def _pattern(regex: str, flags: int = 0) -> Callable[[_Builder], _Builder]:
    compiled = re.compile(regex, flags)

    def register(builder: _Builder) -> _Builder:
        _PATTERNS.append((compiled, builder))
        return builder

    return register


@_pattern(r"(?<![\d-])(?P<y>\d{4})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?!\d)")
def _iso(m: re.Match[str], _text: str) -> dict[str, Any] | None:
    return {"kind": "absolute", "year": int(m["y"]), "month": int(m["m"]), "day": int(m["d"])}


# US order (month/day/year), as American wire copy writes it.
@_pattern(r"(?<![\d/])(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>\d{4}|\d\d)(?![\d/])")
def _slashed(m: re.Match[str], _text: str) -> dict[str, Any] | None:
    year = int(m["y"])
    if year < 100:
        year += 2000 if year < 50 else 1900
    return {"kind": "absolute", "year": year, "month": int(m["m"]), "day": int(m["d"])}


@_pattern(
    rf"(?:(?i:from|between)\s+)?(?P<m1>{_MONTH_ANY})\s+(?P<d1>{_DAY}){_SEP}"
    rf"(?:(?P<m2>{_MONTH_ANY})\s+)?(?P<d2>{_DAY})(?:,?\s+(?P<y>{_YEAR}))?"
)
def _range_month_first(m: re.Match[str], _text: str) -> dict[str, Any] | None:
    return _range(m)


@_pattern(
    rf"(?:(?i:from|between)\s+)?(?:the\s+)?(?P<d1>{_DAY})(?:\s+(?P<m1>{_MONTH_ANY}))?{_SEP}"
    rf"(?:the\s+)?(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m2>{_MONTH_ANY})(?:,?\s+(?P<y>{_YEAR}))?"
)
def _range_day_first(m: re.Match[str], _text: str) -> dict[str, Any] | None:
    return _range(m)


def _listed(m: re.Match[str]) -> bool:
    """ "March 4 and 14" lists two days; only "between ... and ..." spans them."""
    return m["sep"] == "and" and not m.group(0).lower().startswith("between")


def _range(m: re.Match[str]) -> dict[str, Any] | None:
    if _listed(m):
        return None
    month1 = _month(m["m1"] or m["m2"])
    month2 = _month(m["m2"] or m["m1"])
    day1, day2 = _day(m["d1"]), _day(m["d2"])
    if (month2, day2) <= (month1, day1) and month2 >= month1:
        return None  # "March 4 and 2" is a list or an amount, not a span
    year = _year(m["y"])
    return {
        "kind": "range",
        "year": year,
        "month": month1,
        "day": day1,
        "end_year": year,
        "end_month": month2,
        "end_day": day2,
    }


@_pattern(
    rf"(?:{_WEEKDAY},?\s+)?(?P<m>{_MONTH_ANY})\s+(?P<d>{_DAY})(?!\s*(?:%|percent))(?:,?\s+(?P<y>{_YEAR}))?"
)
def _month_day(m: re.Match[str], _text: str) -> dict[str, Any] | None:
    return {"kind": "absolute", "year": _year(m["y"]), "month": _month(m["m"]), "day": _day(m["d"])}


@_pattern(
    rf"(?:{_WEEKDAY},?\s+)?(?:the\s+)?(?P<d>{_DAY})(?:\s+of)?\s+(?P<m>{_MONTH_ANY})(?:,?\s+(?P<y>{_YEAR}))?"
)
def _day_month(m: re.Match[str], _text: str) -> dict[str, Any] | None:
    return {"kind": "absolute", "year": _year(m["y"]), "month": _month(m["m"]), "day": _day(m["d"])}


@_pattern(
    rf"(?:{_MOD}[\s-]+)?(?:{_REL}\s+)?(?P<m>{_MONTH_FULL}|{_MONTH_ABBR}(?=,?\s+{_YEAR}))(?![A-Za-z])"
    rf"(?:,?\s+(?:of\s+)?(?P<y>{_YEAR})|\s+of\s+(?P<yrel>(?i:last|this|next))\s+year)?"
)
def _month_year(m: re.Match[str], text: str) -> dict[str, Any] | None:
    name = m["m"].rstrip(".")
    # "may" and "march" are also a verb and a noun: a cue must show the date.
    bare = not (m["y"] or m["mod"] or m["rel"] or m["yrel"])
    if bare and name in {"May", "March"} and not _CUE_BEFORE.search(text, 0, m.start()):
        return None
    return {
        "kind": "month",
        "year": _year(m["y"]),
        "month": _month(name),
        "modifier": _modifier(m["mod"]),
        "offset": RELATION_OFFSETS[m["rel"].lower()] if m["rel"] else None,
        "year_offset": RELATION_OFFSETS[m["yrel"].lower()] if m["yrel"] else None,
    }


# A two-digit year after an apostrophe needs a cue: "since '82".
@_pattern(r"(?i:\b(?:in|since|of|from|until|by)\s+)['’](?P<yy>\d\d)(?![\w'’])")
def _short_year(m: re.Match[str], _text: str) -> dict[str, Any] | None:
    short = int(m["yy"])
    return {
        "kind": "year",
        "year": 1900 + short if short >= 30 else 2000 + short,
        "_start": m.start("yy") - 1,
    }


@_pattern(rf"(?:{_MOD}[\s-]+)?(?P<y>(?:1[89]|20)\d\d)(?![\d])")
def _bare_year(m: re.Match[str], text: str) -> dict[str, Any] | None:
    if _NOT_BEFORE_YEAR.search(text, 0, m.start()) or _NOT_AFTER_YEAR.match(text, m.end()):
        return None
    attributive = bool(
        not m["mod"]
        and _ATTRIBUTIVE_BEFORE.search(text, 0, m.start())
        and _ATTRIBUTIVE_AFTER.match(text, m.end())
    )
    return {
        "kind": "year",
        "year": int(m["y"]),
        "modifier": _modifier(m["mod"]),
        "attributive": attributive,
    }


@_pattern(
    r"(?:(?i:from|between)\s+)?(?P<y1>(?:1[89]|20)\d\d)\s*(?P<sep>-|–|to|and|through)\s*(?P<y2>(?:1[89]|20)?\d\d)(?![\d])"
)
def _year_range(m: re.Match[str], text: str) -> dict[str, Any] | None:
    if _NOT_BEFORE_YEAR.search(text, 0, m.start()) or _listed(m):
        return None
    first = int(m["y1"])
    second = int(m["y2"]) if len(m["y2"]) == 4 else first // 100 * 100 + int(m["y2"])
    if second <= first or second - first > 50:
        return None
    return {"kind": "year_range", "year": first, "end_year": second}


@_pattern(
    r"(?:(?i:the)\s+)?(?:(?P<mod>(?i:early|mid|late))[\s-]+)?(?P<dec>(?:1[89]|20)\d0)['’]?s\b"
)
def _decade(m: re.Match[str], _text: str) -> dict[str, Any] | None:
    return {"kind": "decade", "year": int(m["dec"]), "modifier": _modifier(m["mod"])}


@_pattern(
    rf"(?:{_REL}\s+)?(?P<wd>{_WEEKDAY})(?!s\b)(?:['’]s)?"
    r"(?:\s+(?P<part>(?i:morning|afternoon|evening|night)))?(?![A-Za-z])"
)
def _weekday(m: re.Match[str], text: str) -> dict[str, Any] | None:
    rel = m["rel"].lower() if m["rel"] else None
    if not rel and _NAMED_DAY_BEFORE.search(text, max(0, m.start() - 12), m.start()):
        return None
    offset = None if rel in {None, "this", "current"} else RELATION_OFFSETS[rel]
    return {"kind": "weekday", "weekday": WEEKDAYS[m["wd"].lower()], "offset": offset}


@_pattern(
    r"(?i:(?:(?P<pre>earlier|later)\s+)?(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|"
    r"today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening)|last\s+night)"
    r"(?:\s+(?:morning|afternoon|evening|night))?)(?![A-Za-z])"
)
def _deictic(m: re.Match[str], _text: str) -> dict[str, Any] | None:
    key = " ".join(m["w"].lower().split())
    return {
        "kind": "deictic",
        "unit": "day",
        "offset": DEICTIC_OFFSETS[key],
        "modifier": m["pre"].lower() if m["pre"] else None,
    }


@_pattern(
    r"(?i:(?:(?P<pre>earlier|later)\s+)?(?:the\s+)?(?P<rel>last|this|next|past|previous|coming|current|following)"
    r"\s+(?P<unit>week|weekend|month|year))(?![A-Za-z])"
)
def _relative(m: re.Match[str], _text: str) -> dict[str, Any] | None:
    return {
        "kind": "relative",
        "unit": m["unit"].lower(),
        "offset": RELATION_OFFSETS[m["rel"].lower()],
        "modifier": m["pre"].lower() if m["pre"] else None,
    }


@_pattern(
    r"(?i:(?:the\s+)?(?P<mod>beginning|start|end|middle|rest)\s+of\s+the\s+(?P<unit>week|month|year))"
    r"(?![A-Za-z])"
)
def _part_of_current(m: re.Match[str], _text: str) -> dict[str, Any] | None:
    return {
        "kind": "relative",
        "unit": m["unit"].lower(),
        "offset": 0,
        "modifier": _modifier(m["mod"]),
    }


@_pattern(r"(?<![A-Za-z])(?P<the>the\s+)?(?P<unit>weekend)(?![A-Za-z])")
def _bare_weekend(_m: re.Match[str], _text: str) -> dict[str, Any] | None:
    return {"kind": "relative", "unit": "weekend", "offset": 0}


@_pattern(
    r"(?i:\b(?P<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"a\s+few|a\s+couple\s+of|several)\s+(?P<unit>day|week|month|year)s?\s+ago)(?![A-Za-z])"
)
def _ago(m: re.Match[str], _text: str) -> dict[str, Any] | None:
    raw = " ".join(m["n"].lower().split())
    amount = int(raw) if raw.isdigit() else NUMBER_WORDS[raw]
    approximate = raw in {"a few", "several"}
    return {
        "kind": "ago",
        "unit": m["unit"].lower(),
        "offset": -amount,
        "modifier": "about" if approximate else None,
    }


@_pattern(
    rf"(?:(?P<mod>(?i:early|mid|late))[\s-]+)?(?:{_REL}\s+)?"
    rf"(?P<s>(?i:spring|summer|autumn|fall|winter))(?![A-Za-z])(?:\s+(?:of\s+)?(?P<y>{_YEAR}))?"
)
def _season(m: re.Match[str], text: str) -> dict[str, Any] | None:
    name = m["s"].lower()
    if not (m["y"] or m["rel"] or m["mod"]) and not _CUE_BEFORE.search(text, 0, m.start()):
        return None  # "a spring", "the fall of Kabul"
    if name == "fall" and not (m["y"] or m["rel"]):
        return None
    if m["s"][0].isupper() and m.start() > 0 and re.search(r"[A-Z]\w*\s+$", text[: m.start()]):
        return None  # "Arab Spring", a name
    return {
        "kind": "season",
        "season": "autumn" if name == "fall" else name,
        "year": _year(m["y"]),
        "offset": RELATION_OFFSETS[m["rel"].lower()] if m["rel"] else None,
        "modifier": _modifier(m["mod"]),
    }


@_pattern(
    rf"(?i:(?:the\s+)?(?P<q>first|second|third|fourth|final|1st|2nd|3rd|4th|last)[\s-]+quarter)"
    rf"(?:\s+(?:of\s+)?(?:(?P<y>{_YEAR})|(?i:(?P<rel>this|last|next|the\s+previous|the\s+current)\s+year)))?"
)
def _quarter(m: re.Match[str], _text: str) -> dict[str, Any] | None:
    word = m["q"].lower()
    rel = m["rel"].lower().split()[-1] if m["rel"] else None
    if word == "last" and not (m["y"] or rel):
        # "the last quarter": the quarter before the current one
        return {"kind": "quarter", "quarter": None, "offset": -1}
    return {
        "kind": "quarter",
        "quarter": 4 if word == "last" else QUARTER_ORDINALS[word],
        "year": _year(m["y"]),
        "unit": "year" if rel else None,
        "offset": RELATION_OFFSETS[rel] if rel else None,
    }


# "the day" and "that day" refer back to a day named earlier; the bare noun needs a cue
# ("ended the day", "later in the day") so "the day of the attack" is not taken.
@_pattern(
    r"(?i:\b(?P<cue>on|for|during|by|at|until|(?:later|earlier|late|early)\s+in|"
    r"(?:at|by|towards?)\s+the\s+(?:end|start|beginning|close)\s+of|end(?:ed|ing|s)?|"
    r"finish(?:ed|ing|es)?|clos(?:e|ed|es|ing))\s+)?"
    r"(?P<expr>(?i:the|that)\s+(?:(?i:same)\s+)?(?i:(?P<noun>day|time|date)))(?![A-Za-z])"
)
def _anaphoric_day(m: re.Match[str], text: str) -> dict[str, Any] | None:
    words = m["expr"].lower().split()
    cue = " ".join((m["cue"] or "").lower().split())
    if words[-1] != "day" and not (words[0] == "that" and cue in {"by", "at", "until", "on"}):
        return None  # "by that time" refers back; "the time" and "the same time" do not
    if words[0] == "the" and "same" not in words and not cue:
        return None
    within = cue.endswith((" in", " of"))
    if not within and _DAY_COMPLEMENT.match(text, m.end()):
        return None  # "the day after the vote", "the day of the attack"
    start = m.start() if within else m.start("expr")
    return {"kind": "anaphoric", "unit": "day", "_start": start}


# "on the 2nd" alone, not "on the 11th anniversary" (an ordinal before a noun).
@_pattern(
    r"(?i:\bon\s+the\s+(?P<d>3[01]|[12]\d|[1-9])(?:st|nd|rd|th))(?![A-Za-z\d])"
    r"(?!\s+(?i:anniversary|times?|days?|floor|round|years?|century|place|straight|consecutive|"
    r"weeks?|months?|attempt|try|occasion|session|plenary|congress|meeting|party|division|"
    r"corps|army|fleet|largest|biggest|of\s+(?!this\s+month|the\s+month|last\s+month|next\s+month)))"
)
def _ordinal_day(m: re.Match[str], _text: str) -> dict[str, Any] | None:
    return {"kind": "ordinal_day", "day": int(m["d"]), "modifier": None}


def find_date_mentions(text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Every date expression in text[start:end], in order; offsets are into `text`.

    Overlapping matches are settled longest first, so "Tuesday, April 2, 2024" is one
    mention, and "April 2" never also yields "April".
    """
    stop = len(text) if end is None else end
    found: list[tuple[int, int, dict[str, Any]]] = []
    for pattern, builder in _PATTERNS:
        for match in pattern.finditer(text, start, stop):
            fields = builder(match, text)
            if fields is not None:
                found.append((match.start(), match.end(), fields))
    found.sort(key=lambda item: (-(item[1] - item[0]), item[0]))
    chosen: list[tuple[int, int, dict[str, Any]]] = []
    for item in found:
        if all(item[1] <= other[0] or item[0] >= other[1] for other in chosen):
            chosen.append(item)
    chosen.sort(key=lambda item: item[0])
    mentions = []
    for match_start, last, fields in chosen:
        trimmed = _trim(text, int(fields.pop("_start", match_start)), last)
        mentions.append(
            DateMention(
                start=trimmed[0], end=trimmed[1], text=text[trimmed[0] : trimmed[1]], **fields
            )
        )
    return mentions


def _trim(text: str, first: int, last: int) -> tuple[int, int]:
    """Drop a possessive ending so the mention is the date itself ("Tuesday's" -> "Tuesday")."""
    if text[first:last].endswith(("'s", "’s")):
        last -= 2
    return first, last
