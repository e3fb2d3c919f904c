"""The event coder: articles in, PLOVER events with evidence out.

Per batch of articles: split sentences, keep those the prefilter passes, parse them in
one spaCy stream across articles, find frames (events.py), attach roles (roles.py),
status (status.py), date, place and context, and build `Event` records.

Confidence is a documented sum, clipped to [0.05, 0.99]:
  trigger strength (0.45-0.9, from the lexicon)
  + 0.10 when an actor is resolved, - 0.15 when none is
  + 0.05 when a recipient is resolved
  - 0.04 per dependency step from the sentence root (at most 4 steps)
  - 0.10 for a noun trigger that no verb carries
  - 0.05 when the actor came only from a pronoun or reference
  - 0.10 for a hypothetical event (a condition, "may", "could")
Historical: an asserted or alleged event whose stated date ends more than 365 days
before publication gets status "historical".
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from typing import Any

from flashpoint.coding import context as contexts
from flashpoint.coding.clauses import ParseView
from flashpoint.coding.events import find_frames, is_event_verb
from flashpoint.coding.frame import Frame
from flashpoint.coding.frame_passes import threat_mode_for
from flashpoint.coding.modes import refine_mode
from flashpoint.coding.participants import (
    default_recipients,
    entity_of,
    is_political,
    placed_actors,
    placed_recipients,
)
from flashpoint.coding.prefilter import select_sentences
from flashpoint.coding.resources import CodingResources, default_resources
from flashpoint.coding.roles import Roles, assign_roles
from flashpoint.coding.status import StatusCues, has_condition, status_cues
from flashpoint.coding.triggers import NOUN_SENSES
from flashpoint.coding.wordclasses import classes_of
from flashpoint.config import Settings
from flashpoint.models import (
    Article,
    Event,
    EventDate,
    ParsedSentence,
    TextSpan,
    event_id_for,
)
from flashpoint.nlp import Parser, SentenceSpan, split_sentences
from flashpoint.ontology.plover import cameo_root, plover_score, quad_class

_CIVIL_SECTORS = frozenset({"CVL", "OPP", "EDU", "LAB", "REL", "MED", "BUS", "REF", "PTY", "NGO"})
_STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})
_COOPERATIVE = frozenset({"AID", "COOPERATE", "RETREAT", "CONSULT", "SUPPORT", "CONCEDE", "AGREE"})
_REJECT_MODE = {
    "AID": "assist",
    "COOPERATE": "assist",
    "CONSULT": "meet",
    "RETREAT": "yield",
    "CONCEDE": "yield",
}
_CONDITIONAL_THREATS = frozenset({"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "PROTEST"})
_FUTURE_THREATS = frozenset({"SANCTION", "COERCE", "ASSAULT", "PROTEST"})
_DRILL_CATEGORIES = frozenset({"MOBILIZE"})
_UNKNOWN_CODE = "---"
_TASK_WRAPPERS = frozenset({"REQUEST", "THREATEN"})
_PHRASAL = frozenset({"up", "down", "out", "off", "back", "over"})


class Coder:
    """Codes articles into PLOVER events (see the module docstring for the pipeline)."""

    def __init__(
        self,
        settings: Settings | None = None,
        parser: Parser | None = None,
        *,
        resources: CodingResources | None = None,
    ) -> None:
        self.settings = settings or Settings()
        self.parser = parser or Parser(self.settings.model, batch_size=256, entities=False)
        self._resources = resources
        self.stats = {"articles": 0, "sentences": 0, "parsed": 0}

    @property
    def resources(self) -> CodingResources:
        if self._resources is None:
            self._resources = default_resources()
        return self._resources

    def code_article(self, article: Article) -> list[Event]:
        """All events of one article."""
        return next(iter(self.code_articles([article])))[1]

    def code_articles(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        """Stream (article, events) pairs in input order, parsing batches across articles."""
        batch: list[Article] = []
        size = max(1, self.settings.batch_size)
        for article in articles:
            batch.append(article)
            if len(batch) >= size:
                yield from self._code_batch(batch)
                batch = []
        if batch:
            yield from self._code_batch(batch)

    # -- internals -------------------------------------------------------------

    def _code_batch(self, batch: list[Article]) -> Iterator[tuple[Article, list[Event]]]:
        res = self.resources
        prepared: list[tuple[Any, list[tuple[int, SentenceSpan, bool]]]] = []
        for article in batch:
            ctx = res.build_actor_context(article.text, article.title)
            spans = split_sentences(article.text)
            text = article.text

            def has_actor(start: int, end: int, _t: str = text, _c: Any = ctx) -> bool:
                return res.has_actor_mention(_t, start, end, _c)

            chosen = select_sentences(spans, has_actor, self.settings.prefilter)
            prepared.append((ctx, chosen))
            self.stats["articles"] += 1
            self.stats["sentences"] += len(spans)
            self.stats["parsed"] += len(chosen)
        items = (
            (article.id, k, span)
            for article, (_, chosen) in zip(batch, prepared, strict=True)
            for k, span, _ in chosen
        )
        parsed = iter(self.parser.parse_many(items))
        for article, (ctx, chosen) in zip(batch, prepared, strict=True):
            events: list[Event] = []
            for _, _, via_reference in chosen:
                sentence = next(parsed)
                events.extend(self._code_sentence(article, sentence, ctx, via_reference))
            yield article, events

    def _code_sentence(
        self, article: Article, sentence: ParsedSentence, ctx: Any, via_reference: bool
    ) -> list[Event]:
        res = self.resources
        text = article.text
        view = ParseView(sentence)
        frames = find_frames(view)
        if not frames:
            return []
        mentions = [
            m
            for m in res.find_actor_mentions(text, sentence.start, sentence.end, ctx)
            if m.code != _UNKNOWN_CODE
        ]

        def resolve(start: int, word: str) -> Any:
            found = res.resolve_reference(start, word, ctx)
            return found if found is not None and found.code != _UNKNOWN_CODE else None

        p_start, p_end = contexts.paragraph_bounds(text, sentence.start)
        cues = contexts.paragraph_labels(text[p_start:p_end])
        events = []
        for frame in frames:
            roles = assign_roles(view, frame, mentions, resolve)
            event = self._build_event(
                article, view=view, frame=frame, roles=roles, cues=cues, via_reference=via_reference
            )
            if event is not None:
                events.append(event)
        return events

    def _build_event(
        self,
        article: Article,
        *,
        view: ParseView,
        frame: Frame,
        roles: Roles,
        cues: frozenset[str],
        via_reference: bool,
    ) -> Event | None:
        res = self.resources
        text = article.text
        sentence = view.sentence
        category, mode, status = _refine(view, frame, roles, status_cues(view, frame))
        if not is_political(category, roles) or _work_instruction(view, frame, roles):
            return None
        if category == "CONSULT" and not roles.recipients and len(roles.actors) < 2:
            if any(m.code.startswith("IGO") for m in roles.actors):
                mode = "multilateral"  # "G7 leaders met": a meeting of members
            elif mode != "visit":
                return None  # a meeting with nobody named is usually an internal one
        trig = view.tok(frame.trigger)
        t_start, t_end = trig.start, trig.end
        for prt in view.children(frame.trigger, ("prt",)):
            if view.tok(prt).text.lower() in _PHRASAL and view.tok(prt).start - t_end == 1:
                t_end = view.tok(prt).end
        tense = "future" if status == "future" else None
        when = res.event_date(
            text, sentence.start, sentence.end, t_start, article.published_at, tense
        )
        if status in {"asserted", "alleged"} and _long_before(when, article):
            status = "historical"
        place = res.event_location(text, sentence.start, sentence.end, t_start)
        actors = placed_actors(category, roles, place, text)
        recipients = placed_recipients(roles.recipients, actors, place.country if place else None)
        mode = refine_mode(
            view, frame, category, mode, actors=actors, recipients=recipients, where=place
        )
        if not recipients:
            recipients = default_recipients(category, mode, actors, roles, place, text=text)
        confidence = _confidence(view, frame, roles, via_reference)
        if status == "hypothetical":
            confidence = round(max(0.05, confidence - 0.1), 3)  # what may happen is not the news
        return Event(
            event_id=event_id_for(article.id, sentence.start, t_start, category),
            article_id=article.id,
            category=category,
            mode=mode,
            status=status,
            context=contexts.event_context(cues, category),
            actors=actors,
            recipients=recipients,
            date=when,
            location=place,
            sentence=TextSpan(sentence.start, sentence.end, text[sentence.start : sentence.end]),
            trigger=TextSpan(t_start, t_end, text[t_start:t_end]),
            confidence=confidence,
            score=plover_score(category, mode),
            quad_class=quad_class(category),
            cameo_root=cameo_root(category, mode),
            attribution=entity_of(roles.attribution) if roles.attribution is not None else None,
            reciprocal=roles.reciprocal,
        )


def _refine(
    view: ParseView, frame: Frame, roles: Roles, cues: StatusCues
) -> tuple[str, str | None, str]:
    """Category adjustments that need the roles or the status.

    PLOVER codes stances, not only deeds: future cooperation is AGREE ("will provide
    aid"), a refusal stated as a negated future is REJECT ("will not accept"), and a
    stated future coercive act is THREATEN ("will impose sanctions", "would boycott
    unless ..."). Missile launches and other military moves keep their category.
    """
    category, mode, status = frame.category, frame.mode, cues.status
    lemma = view.lemma(frame.trigger)
    sectors = {m.sector for m in roles.actors}
    civil = bool(sectors & _CIVIL_SECTORS) and not sectors & _STATE_SECTORS
    crowd = any(classes_of(w) & {"crowd"} for w in roles.subject_words)
    head = view.head(frame.anchor)
    rally = (
        head is not None
        and view.tok(frame.anchor).dep in {"relcl", "acl"}
        and "protest" in classes_of(view.lemma(head))
    )  # "converged for a rally to protest X"
    trig = view.tok(frame.trigger)
    if category == "AGREE" and lemma == "offer" and trig.dep == "acl" and trig.tag == "VBN":
        category = "AID"  # "weapons offered by the U.S.": goods supplied, not an offer
    if category == "ACCUSE" and lemma == "protest" and (civil or rally):
        category, mode = "PROTEST", "demo"
    elif category == "PROTEST" and lemma == "protest" and roles.actors and not (civil or crowd):
        category, mode = "ACCUSE", "disapprove"  # "Japan lodged a protest": a state objects
    elif category == "ASSAULT" and lemma == "strike" and not frame.nominal and civil:
        category, mode = "PROTEST", "strike"
    if category in _DRILL_CATEGORIES and _joint(view, frame, roles):
        category, mode = "COOPERATE", None
    if cues.negated and cues.modal and category in _COOPERATIVE:
        return "REJECT", _REJECT_MODE.get(category), "asserted"
    if status == "negated":
        return category, mode, status
    # "will boycott unless ...", "may halt mediation if ...": a coercive warning.
    if (
        category in _CONDITIONAL_THREATS
        and status in {"future", "hypothetical"}
        and has_condition(view, frame.anchor)
    ):
        return "THREATEN", threat_mode_for(category, mode, lemma), "asserted"
    # "will withdraw its force unless ...": cooperation withheld on a condition.
    if (
        category in _COOPERATIVE
        and status in {"future", "hypothetical"}
        and has_condition(view, frame.anchor, frozenset({"unless"}))
    ):
        return "THREATEN", None, "asserted"
    if status == "future" and category in _COOPERATIVE:
        return "AGREE", None, "asserted"
    if status == "future" and category == "THREATEN":
        return category, mode, "asserted"  # "X will be held responsible": warned now
    if status == "future" and category in _FUTURE_THREATS:
        return "THREATEN", threat_mode_for(category, mode, lemma), "asserted"
    return category, mode, status


def _work_instruction(view: ParseView, frame: Frame, roles: Roles) -> bool:
    """A call or vow with nobody addressed for a task that is no event ("he called for
    making preparations for operation", "saying that tourism should be developed",
    "youths vowed to work at the coal mine"): a work instruction, not a political act. A call for a stance ("called for calm") or for
    an event ("called for talks", "sanctions should be lifted") stays a REQUEST."""
    if frame.category not in _TASK_WRAPPERS or roles.recipients or frame.embedded is None:
        return False
    if frame.category == "THREATEN" and frame.mode is not None:
        return False  # "vowed to impose restrictions": the threat names its act
    task = frame.embedded
    if view.tok(task).pos not in {"VERB", "AUX"} or is_event_verb(view, task):
        return False
    objects = view.children(task, ("dobj", "obj", "nsubjpass"))
    return not any(view.lemma(o) in NOUN_SENSES or is_event_verb(view, o) for o in objects)


def _joint(view: ParseView, frame: Frame, roles: Roles) -> bool:
    """A drill by two or more parties ("joint exercises", "X and Y began drills")."""
    if frame.mode != "troops":
        return False
    trig = frame.trigger
    mods = {view.lemma(m) for m in view.children(trig, ("amod", "compound"))}
    if mods & {"joint", "combined", "trilateral", "bilateral", "multinational"}:
        return True
    if not (classes_of(view.lemma(trig)) & {"drill"}) and not any(
        classes_of(view.lemma(o)) & {"drill"} for o in view.children(trig, ("dobj",))
    ):
        return False
    return len({m.code for m in roles.actors}) >= 2


def _long_before(when: EventDate, article: Article) -> bool:
    if when.value is None or article.published_at is None or when.note:
        return False
    value = when.value
    try:
        if len(value) == 4:
            end = date(int(value), 12, 31)
        elif len(value) == 7:
            y, m = int(value[:4]), int(value[5:7])
            end = date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1)
        elif "W" in value:
            y, w = int(value[:4]), int(value.split("W")[1][:2])
            end = date.fromisocalendar(y, w, 7)
        else:
            end = date.fromisoformat(value[:10])
    except ValueError:
        return False
    return (article.published_at.date() - end).days > 365


def _confidence(view: ParseView, frame: Frame, roles: Roles, via_reference: bool) -> float:
    score = frame.strength
    score += 0.10 if roles.actors else -0.15
    if roles.recipients:
        score += 0.05
    score -= 0.04 * min(4, view.depth(frame.anchor))
    if frame.nominal and frame.anchor == frame.trigger:
        score -= 0.10
    if view.tok(frame.anchor).dep in {"advcl", "relcl", "acl"}:
        score -= 0.10  # a subordinate clause: the purpose or background of the main event
    if via_reference or roles.via_reference:
        score -= 0.05
    return round(min(0.99, max(0.05, score)), 3)
