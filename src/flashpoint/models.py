"""Plain typed records shared by every stage of flashpoint.

Stages exchange only these records: readers yield `Article` or `Rejection`, the NLP
stage yields `ParsedSentence`, the coder yields `Event`, the store returns them again.
Every record has a JSON form (`to_dict` / `from_dict`) documented in docs/RECORDS.md.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

PLOVER_CATEGORIES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

Status = Literal["asserted", "alleged", "future", "hypothetical", "negated", "historical"]
STATUSES: tuple[str, ...] = (
    "asserted",
    "alleged",
    "future",
    "hypothetical",
    "negated",
    "historical",
)

Granularity = Literal["day", "week", "month", "year", "unknown"]
DateType = Literal["exact", "approximate", "range", "unresolved"]

# Quad classes as GDELT and ICEWS number them.
QUAD_CLASSES: dict[int, str] = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


def utc_now() -> datetime:
    """The current time, timezone-aware (records never hold naive datetimes)."""
    return datetime.now(UTC)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _parse_iso(value: str | None) -> datetime | None:
    if value is None:
        return None
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


# ---------------------------------------------------------------------------
# Identity helpers: ids must be the same for the same input on every run.

_TRACKING_PARAMS = re.compile(r"^(utm_|fbclid$|gclid$|mc_cid$|mc_eid$|ref$|cmpid$)")


def canonical_url(url: str) -> str:
    """Normalise a URL so that trivially different links to one page compare equal.

    Lower-cases scheme and host, drops the fragment, default ports, tracking
    parameters and a trailing slash, and sorts the remaining query parameters.
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    port = parts.port
    if port is not None and not (
        (scheme == "http" and port == 80) or (scheme == "https" and port == 443)
    ):
        host = f"{host}:{port}"
    query = urlencode(
        sorted(
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not _TRACKING_PARAMS.match(k.lower())
        )
    )
    path = parts.path or "/"
    if len(path) > 1 and path.endswith("/"):
        path = path.rstrip("/")
    return urlunsplit((scheme, host, path, query, ""))


def normalise_text(text: str) -> str:
    """Unicode NFC with runs of white space folded: the basis of the content hash."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def content_hash(text: str) -> str:
    """SHA-256 of the normalised text, hex encoded."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


def article_id_for(given_id: str | None, url: str | None, text: str) -> str:
    """Stable article id: the given id, else a hash of the canonical URL, else of the text."""
    if given_id is not None and given_id.strip():
        return given_id.strip()
    if url:
        return "u" + hashlib.sha256(canonical_url(url).encode("utf-8")).hexdigest()[:24]
    return "t" + content_hash(text)[:24]


# ---------------------------------------------------------------------------
# Articles and rejections (ingest stage)


@dataclass(slots=True)
class Article:
    """One news report as ingested. `text` is the exact text every offset refers to."""

    id: str
    text: str
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published_at: datetime | None = None
    language: str | None = None
    content_hash: str = ""
    ingested_at: datetime | None = None
    source: str | None = None  # where it came from: a path, path:line, or URL

    def __post_init__(self) -> None:
        if not self.content_hash:
            self.content_hash = content_hash(self.text)
        if self.published_at is not None and self.published_at.tzinfo is None:
            self.published_at = self.published_at.replace(tzinfo=UTC)

    @classmethod
    def build(
        cls,
        text: str,
        *,
        id: str | None = None,
        url: str | None = None,
        title: str | None = None,
        outlet: str | None = None,
        published_at: datetime | None = None,
        language: str | None = None,
        source: str | None = None,
    ) -> Article:
        """Make an article, deriving its stable id and content hash."""
        return cls(
            id=article_id_for(id, url, text),
            text=text,
            url=url,
            title=title,
            outlet=outlet,
            published_at=published_at,
            language=language,
            source=source,
            ingested_at=utc_now(),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "outlet": self.outlet,
            "published_at": _iso(self.published_at),
            "language": self.language,
            "text": self.text,
            "content_hash": self.content_hash,
            "ingested_at": _iso(self.ingested_at),
            "source": self.source,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return cls(
            id=str(data["id"]),
            text=str(data["text"]),
            url=data.get("url"),
            title=data.get("title"),
            outlet=data.get("outlet"),
            published_at=_parse_iso(data.get("published_at")),
            language=data.get("language"),
            content_hash=data.get("content_hash") or "",
            ingested_at=_parse_iso(data.get("ingested_at")),
            source=data.get("source"),
        )


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not be used, with the reason, kept instead of crashing a batch."""

    source: str  # file path, path:line, URL or "<stdin>:line"
    code: str  # an error code from flashpoint.errors, e.g. FP201
    reason: str  # a sentence a person can act on
    detail: str | None = None
    at: datetime = field(default_factory=utc_now)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "code": self.code,
            "reason": self.reason,
            "detail": self.detail,
            "at": _iso(self.at),
        }


# ---------------------------------------------------------------------------
# NLP records: spaCy objects never leave flashpoint.nlp; these do.


@dataclass(frozen=True, slots=True)
class Token:
    """One token of a parsed sentence. Offsets are in the article text."""

    i: int  # index within the sentence
    text: str
    lemma: str
    pos: str  # universal POS tag
    tag: str  # fine-grained tag (VBD, NNP, ...)
    dep: str
    head: int  # index within the sentence; the root points to itself
    start: int
    end: int
    ent_type: str = ""  # GPE, ORG, PERSON, NORP, DATE, ... or ""
    ent_iob: str = "O"  # B, I or O
    morph: str = ""  # e.g. "Tense=Past|VerbForm=Fin"


@dataclass(frozen=True, slots=True)
class ParsedSentence:
    """A sentence of an article with its tokens; `start`/`end` are article offsets."""

    article_id: str
    index: int  # position of the sentence in the article
    start: int
    end: int
    text: str
    tokens: tuple[Token, ...]


# ---------------------------------------------------------------------------
# Events (coding stage)


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A piece of evidence: exact text with its character offsets in the article."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TextSpan:
        return cls(start=int(data["start"]), end=int(data["end"]), text=str(data["text"]))


@dataclass(frozen=True, slots=True)
class Entity:
    """An actor or recipient: a code (ISO3 or IGO:XXX) with a sector, as written in the text."""

    code: str  # "PRK", "USA", "IGO:UNO"
    sector: str | None  # "GOV", "MIL", "LEG", "JUD", "CVL", "REB", ... or None
    name: str  # the words in the text
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "sector": self.sector,
            "name": self.name,
            "start": self.start,
            "end": self.end,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        return cls(
            code=str(data["code"]),
            sector=data.get("sector"),
            name=str(data["name"]),
            start=int(data["start"]),
            end=int(data["end"]),
        )


@dataclass(frozen=True, slots=True)
class EventDate:
    """When the event happened (not when it was reported).

    `value` is an ISO form: 2024-04-02 (day), 2024-W14 (week), 2024-04 (month),
    2024 (year), or None when unresolved. `note` says how it was obtained when that is
    not obvious, e.g. "publication date: no date stated in the sentence".
    """

    value: str | None
    granularity: Granularity
    type: DateType
    text: str | None = None  # the expression it came from, None when not stated
    start: int | None = None
    end: int | None = None
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "granularity": self.granularity,
            "type": self.type,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "note": self.note,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EventDate:
        return cls(
            value=data.get("value"),
            granularity=data.get("granularity", "unknown"),
            type=data.get("type", "unresolved"),
            text=data.get("text"),
            start=data.get("start"),
            end=data.get("end"),
            note=data.get("note"),
        )


UNRESOLVED_DATE = EventDate(value=None, granularity="unknown", type="unresolved")


@dataclass(frozen=True, slots=True)
class Location:
    """Where the event happened, when the text says so."""

    name: str
    country: str | None  # ISO3
    lat: float | None
    lon: float | None
    start: int
    end: int
    feature: str = "city"  # city, country, region, sea

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "start": self.start,
            "end": self.end,
            "feature": self.feature,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Location:
        return cls(
            name=str(data["name"]),
            country=data.get("country"),
            lat=data.get("lat"),
            lon=data.get("lon"),
            start=int(data["start"]),
            end=int(data["end"]),
            feature=data.get("feature", "city"),
        )


def event_id_for(article_id: str, sentence_start: int, trigger_start: int, category: str) -> str:
    """A stable event id: the same article, evidence and category give the same id."""
    key = f"{article_id}\x1f{sentence_start}\x1f{trigger_start}\x1f{category}"
    return "e" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


@dataclass(frozen=True, slots=True)
class Event:
    """One coded political event with the evidence for every field."""

    event_id: str
    article_id: str
    category: str  # one of PLOVER_CATEGORIES
    mode: str | None
    status: str  # one of STATUSES
    context: tuple[str, ...]
    actors: tuple[Entity, ...]
    recipients: tuple[Entity, ...]
    date: EventDate
    location: Location | None
    sentence: TextSpan
    trigger: TextSpan
    confidence: float
    score: float | None  # PLOVER conflict-cooperation score, -10..+10
    quad_class: int  # 1..4, see QUAD_CLASSES
    cameo_root: str  # "01".."20"
    attribution: Entity | None = None  # who claims or reports it ("X said")
    reciprocal: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "article_id": self.article_id,
            "category": self.category,
            "mode": self.mode,
            "status": self.status,
            "context": list(self.context),
            "actors": [a.to_dict() for a in self.actors],
            "recipients": [r.to_dict() for r in self.recipients],
            "date": self.date.to_dict(),
            "location": self.location.to_dict() if self.location else None,
            "sentence": self.sentence.to_dict(),
            "trigger": self.trigger.to_dict(),
            "confidence": self.confidence,
            "score": self.score,
            "quad_class": self.quad_class,
            "cameo_root": self.cameo_root,
            "attribution": self.attribution.to_dict() if self.attribution else None,
            "reciprocal": self.reciprocal,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        location = data.get("location")
        attribution = data.get("attribution")
        return cls(
            event_id=str(data["event_id"]),
            article_id=str(data["article_id"]),
            category=str(data["category"]),
            mode=data.get("mode"),
            status=str(data.get("status", "asserted")),
            context=tuple(data.get("context", ())),
            actors=tuple(Entity.from_dict(a) for a in data.get("actors", ())),
            recipients=tuple(Entity.from_dict(r) for r in data.get("recipients", ())),
            date=EventDate.from_dict(data.get("date") or {}),
            location=Location.from_dict(location) if location else None,
            sentence=TextSpan.from_dict(data["sentence"]),
            trigger=TextSpan.from_dict(data["trigger"]),
            confidence=float(data.get("confidence", 0.0)),
            score=data.get("score"),
            quad_class=int(data.get("quad_class", 0)),
            cameo_root=str(data.get("cameo_root", "")),
            attribution=Entity.from_dict(attribution) if attribution else None,
            reciprocal=bool(data.get("reciprocal", False)),
        )


# ---------------------------------------------------------------------------
# Stories, series and alerts (stories and analytics stages)


@dataclass(frozen=True, slots=True)
class StoryMember:
    """One event in a story, with the reason it was grouped there."""

    event_id: str
    article_id: str
    reason: str  # e.g. "first report" or "same family MOBILIZE; actors PRK; dates 1 day apart; wording 0.62"

    def to_dict(self) -> dict[str, Any]:
        return {"event_id": self.event_id, "article_id": self.article_id, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class Story:
    """All reports of one real event: many articles and outlets, one story."""

    story_id: str
    category: str  # the category most members carry
    actors: tuple[str, ...]  # actor codes across members
    recipients: tuple[str, ...]
    event_date: str | None  # the earliest member event date value
    first_report: datetime | None  # earliest publication among member articles
    latest_report: datetime | None
    n_events: int
    n_articles: int
    n_outlets: int
    headline: str  # the evidence sentence of the first report
    members: tuple[StoryMember, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "story_id": self.story_id,
            "category": self.category,
            "actors": list(self.actors),
            "recipients": list(self.recipients),
            "event_date": self.event_date,
            "first_report": _iso(self.first_report),
            "latest_report": _iso(self.latest_report),
            "n_events": self.n_events,
            "n_articles": self.n_articles,
            "n_outlets": self.n_outlets,
            "headline": self.headline,
            "members": [m.to_dict() for m in self.members],
        }


@dataclass(frozen=True, slots=True)
class SeriesPoint:
    """One period of an actor's or a directed dyad's event series (counts stories, not articles)."""

    period: str  # 2024-04-02, 2024-W14 or 2024-04
    events: int
    stories: int
    conflict: int  # stories in quad classes 3 and 4
    cooperation: int  # stories in quad classes 1 and 2
    score_sum: float
    score_mean: float | None
    escalation_index: float | None
    by_category: dict[str, int] = field(default_factory=dict)
    by_quad: dict[int, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "period": self.period,
            "events": self.events,
            "stories": self.stories,
            "conflict": self.conflict,
            "cooperation": self.cooperation,
            "score_sum": self.score_sum,
            "score_mean": self.score_mean,
            "escalation_index": self.escalation_index,
            "by_category": dict(self.by_category),
            "by_quad": {str(k): v for k, v in self.by_quad.items()},
        }


@dataclass(frozen=True, slots=True)
class Alert:
    """A change in a dyad's escalation that an analyst should look at, with the stories behind it."""

    alert_id: str
    actor: str
    recipient: str | None
    period: str
    kind: str  # "escalation", "de-escalation" or "spike"
    value: float  # the index (or count) in the period
    baseline: float  # what the dyad's own history led us to expect
    message: str  # what changed, in a sentence
    story_ids: tuple[str, ...] = ()
    created_at: datetime = field(default_factory=utc_now)

    def to_dict(self) -> dict[str, Any]:
        return {
            "alert_id": self.alert_id,
            "actor": self.actor,
            "recipient": self.recipient,
            "period": self.period,
            "kind": self.kind,
            "value": self.value,
            "baseline": self.baseline,
            "message": self.message,
            "story_ids": list(self.story_ids),
            "created_at": _iso(self.created_at),
        }
