"""Who did it to whom: actors, recipients and the speaker of a frame, from the parse.

The actor is the clause's subject (climbing through control verbs and coordination),
the recipient its object or prepositional object; the passive swaps them ("was
condemned by X"). Parse tokens map to actor mentions by character overlap.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from flashpoint.coding.clauses import (
    OBJECT_CONTROL,
    ParseView,
    clause_subject,
    condition_subjects,
    direct_objects,
    passive_agents,
    speaker_of,
)
from flashpoint.coding.frame import Frame
from flashpoint.coding.headlines import (
    headline_passive_subject,
    headline_source,
    misread_light_verb,
)
from flashpoint.coding.role_mentions import (
    Resolver,
    dedupe,
    first_recipients,
    mentions_for,
    overlapping,
    stranded_subject,
)
from flashpoint.coding.triggers import CLAIM_VERBS, SPEECH_VERBS
from flashpoint.coding.wordclasses import words_of

_RECIPIENT_PREPS = frozenset(
    [
        "against",
        "on",
        "upon",
        "to",
        "with",
        "toward",
        "towards",
        "into",
        "over",
        "from",
        "between",
    ]
)
_VISIT_PREPS = frozenset({"in", "to", "at", "for"})
# "fired at", "aimed at", "protest at": directional only for hostile acts; elsewhere
# "at" is where ("talks failed at the Hanoi summit").
_AT_AIMED = frozenset({"ASSAULT", "THREATEN", "PROTEST", "ACCUSE", "COERCE", "MOBILIZE"})
_RECIPROCAL_CATEGORIES = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "CONCEDE"})
_MUTUAL_TALK = words_of(
    "talk talks negotiation negotiate dialogue consultation confer phone telephone call "
    "conversation"
)
_LIGHT_VERBS = words_of("stage conduct")
_RECIPROCAL_WORDS = frozenset(["clash", "fight", "fighting", "battle", "exchange"])
_DOMESTIC = frozenset(
    {"COERCE", "CONCEDE", "RETREAT", "THREATEN", "ASSAULT", "PROTEST", "SANCTION"}
)
# Passive forms that state the subject's own stance: the subject is the actor.
# ("Croat militias were involved in mass expulsions" too)
_STATIVE_PARTICIPLES = words_of(
    "commit oppose prepare determine resolve dedicate devote poise engage involve"
)
SUBJECTS = ("nsubj", "nsubjpass")
_RECEIVING = frozenset({"receive", "get", "obtain"})
# Purpose clauses whose object is whom the act benefits: "sent arms to help defend X".
_BENEFITING = words_of("help assist defend protect aid support rebuild save")
# Verbs of contact whose purpose clause is addressed to their object ("summoned X to
# protest").
_CONTACTING = words_of("summon meet visit receive invite call telephone phone contact host write")
# "in defiance of X", "in retaliation for X": the stance noun's object is the target.
_STANCE_NOUNS = words_of("defiance protest retaliation response reprisal opposition revenge")
# A complaint's addressee ("complained to the UN") yields to its subject ("over X's raids").
_ADDRESSEE_PREPS = frozenset({"to", "with"})
_AIMED = frozenset({"PROTEST", "ASSAULT", "COERCE"})
_FOR_WHOM = frozenset({"AID", "SUPPORT", "SANCTION", "THREATEN", "COERCE"})
# A gift or a deployment named by the thing given or moved: its owner acts.
_OWN_THING = frozenset({"AID", "SUPPORT", "MOBILIZE"})
# Acts named by nouns whose "from X" is the one acting: "a message/offer/request from X"
# (a withdrawal or an attack "from" a place names where, not who).
_SENT = frozenset(
    {"SUPPORT", "AID", "AGREE", "REQUEST", "ACCUSE", "THREATEN", "REJECT", "CONSULT", "COOPERATE"}
)


@dataclass(slots=True)
class Roles:
    actors: list[Any] = field(default_factory=list)
    recipients: list[Any] = field(default_factory=list)
    attribution: Any = None
    reciprocal: bool = False
    via_reference: bool = False  # an actor came from a pronoun or "the country"
    subject_words: list[str] = field(default_factory=list)
    subject_named: bool = False  # a subject head is a proper noun (known to the lexicon or not)
    object_words: list[str] = field(default_factory=list)  # lemmas of the direct objects
    task_word: str | None = None  # lemma of the embedded act ("refused to resign": resign)
    # A state's act in the passive with nobody named as its doer ("was put under
    # investigation", "were demobilized"): the authorities of the place perform it.
    unnamed_authority: bool = False


def _senders(view: ParseView, things: list[int], category: str) -> list[int]:
    """Who sent or moved a thing named as a passive subject with no agent: "the message
    from Moscow", "a basket in the name of the embassy"; for a gift or a deployment also
    the thing's own owner ("DPRK books were donated", "assets of the U.S. were deployed")."""
    out: list[int] = []
    for h in things:
        for word, o in view.preps(h):
            if word == "from":
                out.append(o)
            elif word == "in" and view.lemma(o) == "name":
                out.extend(o2 for w2, o2 in view.preps(o) if w2 == "of")
        if not out and category in _OWN_THING:
            out.extend(view.children(h, ("poss", "compound", "amod", "nmod")))
            out.extend(o for word, o in view.preps(h) if word == "of")
    return out


def _aimed_prep(word: str, category: str) -> bool:
    """A preposition whose object is whom the act is aimed at."""
    return word in _RECIPIENT_PREPS or (word == "at" and category in _AT_AIMED)


def _object_groups(view: ParseView, v: int, frame: Frame, visit: bool) -> list[list[int]]:
    """Candidate recipient phrases of verb v, most direct first (each with its conjuncts)."""
    # "in defiance of X", "in retaliation for X": the stated target comes first
    groups = [
        view.conjuncts(o2)
        for word, o in view.preps(v)
        if word == "in" and view.lemma(o) in _STANCE_NOUNS
        for _, o2 in view.preps(o)
    ]
    if frame.category != "MOBILIZE":  # what is deployed or put on alert is one's own force
        for c in direct_objects(view, v):
            if c != frame.trigger:
                groups.append(view.conjuncts(c))
            # "aid to Mozambique", "contact with the US", "restrictions for new members"
            for word, o in view.preps(c):
                if _aimed_prep(word, frame.category) or word == "for":
                    groups.append(view.conjuncts(o))
        if view.lemma(v) in OBJECT_CONTROL:
            # "allow UN planes to land" parsed as a clause: its subject is the object
            for c in view.children(v, ("ccomp",)):
                groups.extend(view.conjuncts(s) for s in view.children(c, SUBJECTS))
    prep_groups: list[tuple[str, list[int]]] = []
    for p in view.children(v, ("prep", "dative")):
        stranded = view.stranded_object(p)
        if stranded is not None:  # "gave shelter to [three sailors hiding out in ...]"
            prep_groups.append((view.tok(p).text.lower(), view.conjuncts(stranded)))
    for word, o in view.preps(v):
        if (
            _aimed_prep(word, frame.category)
            or (visit and word in _VISIT_PREPS)
            or (word == "about" and frame.category == "ACCUSE")
        ):
            prep_groups.append((word, view.conjuncts(o)))
    if frame.category == "ACCUSE":
        prep_groups.sort(key=lambda pair: pair[0] in _ADDRESSEE_PREPS)
    groups.extend(g for _, g in prep_groups)
    if frame.nominal and frame.trigger != v:
        for word, o in view.preps(frame.trigger):
            if _aimed_prep(word, frame.category):
                groups.append(view.conjuncts(o))
    return groups


def _reported_subjects(view: ParseView, v: int) -> list[list[int]]:
    """ "Japan is violating the law, China charged": an accusation's reported clause
    names the accused, its subject; so does the main clause when the parser hung the
    accusing verb on a noun of it ("..., a rights group protested")."""
    clauses = view.children(v, ("ccomp",))
    if view.tok(v).dep in {"acl", "parataxis"} and not view.children(v, ("dobj", "obj")):
        root = next((t.i for t in view.tokens if t.dep == "ROOT"), None)
        if root is not None and root < v:
            clauses.append(root)
    return [clause_subject(view, c)[0] for c in clauses]


# Verbs that close a sentence as its reported source ("..., a rights group protested").
_REPORTING = (
    SPEECH_VERBS
    | CLAIM_VERBS
    | words_of("protest complain warn object counter retort reply respond charge")
)
_CLOSING_DEPS = frozenset({"advmod", "npadvmod", "prep", "pobj", "det", "compound", "amod"})


def _trailing_report(view: ParseView, v: int) -> bool:
    """ "Y is failing, a rights group protested Wednesday": the parser hangs a closing
    reporting verb on its subject as a past participle; it is active when it has no
    object and no agent, its subject is set off by a comma and only adverbials follow."""
    noun = view.head(v)
    if noun is None or view.lemma(v) not in _REPORTING:
        return False
    if view.children(v, ("dobj", "obj", "agent")) or any(w == "by" for w, _ in view.preps(v)):
        return False
    start = view.subtree(noun, frozenset({"acl", "relcl"}))[0]
    if start == 0 or view.tok(start - 1).text != ",":
        return False
    after = [i for i in range(v + 1, len(view)) if view.tok(i).pos != "PUNCT"]
    return all(
        view.tok(i).dep in _CLOSING_DEPS and (view.head(i) == v or view.head(i) in after)
        for i in after
    )


def _subject_and_voice(view: ParseView, v: int) -> tuple[list[int], bool]:
    """The clause subject and passivity, a closing reporting verb made active."""
    subj, passive = clause_subject(view, v)
    if passive and view.tok(v).dep == "acl" and _trailing_report(view, v):
        passive = False  # "Y is failing, a rights group protested": the group speaks
    return subj, passive


def _purpose_groups(view: ParseView, verbs: Sequence[int | None], frame: Frame) -> list[list[int]]:
    """ "sent jets to help defend Lithuania": whom a subjectless purpose clause of
    helping or defending benefits (its object, or that of its own complement)."""
    groups: list[list[int]] = []
    for verb in verbs:
        if verb is None:
            continue
        for c in view.children(verb, ("advcl", "xcomp")):
            if view.children(c, SUBJECTS) or view.lemma(c) not in _BENEFITING:
                continue
            groups.extend(_object_groups(view, c, frame, visit=False))
            for x in view.children(c, ("xcomp", "ccomp")):
                if not view.children(x, SUBJECTS):
                    groups.extend(_object_groups(view, x, frame, visit=False))
    return groups


def _governing_objects(view: ParseView, v: int) -> list[list[int]]:
    """ "summoned Niger's ambassador to complain": a subjectless purpose clause of a
    verb of contact is addressed to that verb's object."""
    head = view.head(v)
    if (
        head is None
        or view.tok(v).dep not in {"advcl", "xcomp"}
        or view.children(v, SUBJECTS)
        or view.lemma(head) not in _CONTACTING
    ):
        return []
    return [view.conjuncts(o) for o in view.children(head, ("dobj", "obj"))]


def _coordinated_objects(view: ParseView, v: int, frame: Frame) -> list[list[int]]:
    """ "restored relations with and set up a consulate in Lagos": a preposition left
    without its object shares that of the coordinated verb."""
    dangling = [
        p
        for node in [v, *view.children(v, ("dobj", "obj"))]
        for p in view.children(node, ("prep",))
        if not view.children(p) and _aimed_prep(view.tok(p).text.lower(), frame.category)
    ]
    if not dangling:
        return []
    groups: list[list[int]] = []
    for c in view.children(v, ("conj",)):
        if view.tok(c).pos == "VERB" and not view.children(c, SUBJECTS):
            groups.extend(view.conjuncts(o) for o in view.children(c, ("dobj", "obj")))
            groups.extend(_object_groups(view, c, frame, visit=True))
    return groups


def _object_words(view: ParseView, v: int, embedded: int | None) -> list[str]:
    """Lemmas of the direct objects of v, its complement and its subjectless adverbial
    clauses ("used water cannon to scatter marchers": whom the act was aimed at)."""
    verbs = [v, embedded] + [
        c for c in view.children(v, ("advcl",)) if not view.children(c, SUBJECTS)
    ]
    return [
        view.lemma(o)
        for verb in verbs
        if verb is not None
        for o in view.children(verb, ("dobj", "obj"))
    ]


def _place_groups(view: ParseView, v: int) -> list[list[int]]:
    """ "in Montenegro": where a domestic measure applies, the fallback recipient."""
    return [view.conjuncts(o) for word, o in view.preps(v) if word == "in"]


def _nominal_actor_heads(view: ParseView, noun: int, category: str) -> tuple[list[int], list[int]]:
    """Actors of a noun trigger: "Israeli airstrikes", "Japan's protest", "talks between
    X and Y", and the sender of a message or offer ("a message from Moscow")."""
    actors = [
        c
        for c in view.children(noun, ("poss", "compound", "amod", "nmod"))
        if view.tok(c).pos in {"PROPN", "ADJ", "PRON", "NOUN"}
    ]
    between: list[int] = []
    for word, o in view.preps(noun):
        if word == "by" or (word == "from" and category in _SENT):
            actors.extend(view.conjuncts(o))
        elif word == "between":
            between.extend(view.conjuncts(o))
    return actors, between


# "U.S. forces in South Korea": a place after a locative preposition is where, not who.
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|outside|inside|off)\s+(?:the\s+)?$", re.IGNORECASE)


def _misread_light_verb_subject(view: ParseView, noun: int, mentions: Sequence[Any]) -> list[Any]:
    """A headline light verb the parser read as a modifier of the act it carries
    ("U.S. Forces in S. Korea Stage Evacuation Drill"): the words before the verb are
    its subject, so the mentions there act, except places after "in"/"at" (the troops
    "in Y" are the troops of X). Empty when the headline is not of that shape."""
    if not misread_light_verb(view, noun):
        return []
    verb = next(
        (
            t
            for t in range(1, noun)
            if view.lemma(t) in _LIGHT_VERBS and view.tok(t).dep in {"compound", "nmod", "amod"}
        ),
        None,
    )
    if verb is None:
        return []
    start = view.tok(verb).start
    text = view.sentence.text
    offset = view.sentence.start
    return dedupe(
        [
            m
            for m in mentions
            if offset <= m.start
            and m.end <= start
            and not _PLACE_BEFORE.search(text[: m.start - offset])
        ]
    )


def _nominal_recipient_groups(view: ParseView, noun: int, category: str) -> list[list[int]]:
    """ "a message to Putin", "sanctions on Iran": whom a noun trigger is aimed at."""
    return [
        view.conjuncts(o)
        for word, o in view.preps(noun)
        if _aimed_prep(word, category) and not (word == "from" and category in _SENT)
    ]


def _passive_roles(
    view: ParseView,
    frame: Frame,
    subj: list[int],
    mentions: Sequence[Any],
    resolve: Resolver,
    *,
    roles: Roles,
) -> bool:
    """A passive clause: the "by" agent acts on the subject. A thing as subject with no
    agent ("the message from Moscow was conveyed to ...") names its sender, and its
    addressee is the recipient. True if an actor came via a reference."""
    v = frame.anchor
    via = False
    agents = passive_agents(view, v)
    if agents or not roles.actors:
        roles.actors, via = mentions_for(view, agents, mentions, resolve)
    thing = bool(subj) and not overlapping(view, subj, mentions)
    if thing and not roles.actors:
        senders = _senders(view, subj, frame.category)
        roles.actors, via = mentions_for(view, senders, mentions, resolve)
    rec: list[Any] = []
    if thing:  # "a floral basket was sent to X by Y": the addressee is the recipient
        groups = [view.conjuncts(o) for word, o in view.preps(v) if word == "to"]
        groups += [view.conjuncts(o) for h in subj for word, o in view.preps(h) if word == "to"]
        rec = first_recipients(view, groups, mentions, resolve, roles.actors)
    if not rec:
        rec, _ = mentions_for(view, subj, mentions, resolve)
    roles.recipients = rec
    return via


def _clause_roles(
    view: ParseView, frame: Frame, mentions: Sequence[Any], resolve: Resolver, roles: Roles
) -> bool:
    """Roles of a verb clause (subject, objects, passive agent); True if via a reference."""
    v = frame.anchor
    via = False
    visit = frame.category == "CONSULT" and frame.mode == "visit"
    subj, passive = _subject_and_voice(view, v)
    if not passive:
        headline = headline_passive_subject(view, v)
        if headline is not None:  # "Japan's Moves Condemned": Japan is the recipient
            subj, passive = headline, True
            source = headline_source(view, v)  # "...: KCNA Commentary" speaks
            if source and not passive_agents(view, v):
                roles.actors = overlapping(view, source, mentions)[:1]
    roles.subject_words = [view.lemma(s) for s in subj] + [
        view.lemma(m) for s in subj for m in view.children(s, ("compound", "appos"))
    ]  # "Security analyst Kabiru Adamu": the title says who speaks
    roles.subject_named = any(view.tok(s).pos == "PROPN" for s in subj)
    if passive and not passive_agents(view, v) and view.lemma(v) in _STATIVE_PARTICIPLES:
        passive = False  # "Chile is opposed to ...", "China is committed to ..."
    if passive:
        via = _passive_roles(view, frame, subj, mentions, resolve, roles=roles)
        roles.unnamed_authority = (
            not roles.actors
            and not passive_agents(view, v)
            and (frame.category == "RETREAT" or frame.mode == "investigate")
        )
    else:
        roles.actors, via = mentions_for(view, subj, mentions, resolve)
        if not subj and view.tok(v).dep == "ROOT":
            roles.actors = stranded_subject(view, v, mentions)
        groups = _object_groups(view, v, frame, visit)
        roles.object_words = _object_words(view, v, frame.embedded)
        if frame.embedded is not None:
            roles.task_word = view.lemma(frame.embedded)
        if frame.embedded is not None and frame.embedded != v:
            e = frame.embedded
            if view.tok(e).dep == "ccomp":
                groups.append(clause_subject(view, e)[0])
            groups.extend(_object_groups(view, e, frame, visit))
        if frame.category in _AIMED:
            # "staged a sit-in to protest against Finland's ruling", "used water
            # cannon to scatter marchers": a subjectless purpose clause names the target
            for c in view.children(v, ("advcl", "xcomp")):
                if not view.children(c, SUBJECTS):
                    groups.extend(_object_groups(view, c, frame, visit))
        if frame.category in _DOMESTIC:
            groups.extend(_place_groups(view, v))
        groups.extend(condition_subjects(view, v, frame.embedded))
        if frame.category == "ACCUSE":
            groups.extend(_reported_subjects(view, v))
        groups.extend(_purpose_groups(view, [v, frame.embedded], frame))
        groups.extend(_coordinated_objects(view, v, frame))
        groups.extend(_governing_objects(view, v))
        roles.recipients = first_recipients(view, groups, mentions, resolve, roles.actors)
        if not roles.recipients and frame.category in _FOR_WHOM:
            # "quotas on its fisheries for new ASEAN members", "aid for Syrian refugees":
            # "for" mostly names a reason or a time, so only a phrase naming someone counts
            beneficiaries = [
                view.conjuncts(o)
                for verb in (v, frame.embedded)
                if verb is not None
                for word, o in view.preps(verb)
                if word == "for" and view.tok(o).pos in {"NOUN", "PROPN"}  # not "for it"
            ]
            roles.recipients = first_recipients(
                view, beneficiaries, mentions, resolve, roles.actors, phrase_only=True
            )
        if view.lemma(v) in _RECEIVING and frame.category in {"SUPPORT", "AID"}:
            # "X received a message of greeting from Y": Y greets X
            roles.actors, roles.recipients = roles.recipients, roles.actors
    return via


def assign_roles(
    view: ParseView, frame: Frame, mentions: Sequence[Any], resolve: Resolver
) -> Roles:
    """Actors, recipients, speaker and reciprocity for one frame."""
    roles = Roles()
    v = frame.anchor
    via = False
    visit = frame.category == "CONSULT" and frame.mode == "visit"
    if (frame.nominal and frame.anchor == frame.trigger) or (
        frame.nominal
        and view.tok(frame.trigger).dep in {"nsubj", "nsubjpass"}
        and view.head(frame.trigger) == frame.anchor
    ):
        actor_heads, between = _nominal_actor_heads(view, frame.trigger, frame.category)
        actors, via = mentions_for(view, actor_heads, mentions, resolve)
        light = _misread_light_verb_subject(view, frame.trigger, mentions)
        if light and not {(m.start, m.end) for m in actors} <= {(m.start, m.end) for m in light}:
            # the misparse made a place the actor ("Forces in Korea Stage Drill")
            actors, via, between = light, False, []
        if between:
            pair, _ = mentions_for(view, between, mentions, resolve)
            if actors:
                roles.recipients = pair
            else:
                actors = pair
        roles.actors = actors
        if frame.anchor != frame.trigger and not roles.recipients:
            groups = _object_groups(view, frame.anchor, frame, visit)
            roles.recipients = first_recipients(view, groups, mentions, resolve, actors)
        elif not roles.recipients:
            groups = _nominal_recipient_groups(view, frame.trigger, frame.category)
            roles.recipients = first_recipients(
                view, groups, mentions, resolve, actors, phrase_only=True
            )
    else:
        via = _clause_roles(view, frame, mentions, resolve, roles)
    roles.via_reference = via
    actor_spans = {(m.start, m.end) for m in roles.actors}
    actor_keys = {(m.code, m.sector) for m in roles.actors}
    roles.recipients = [
        m
        for m in roles.recipients
        if (m.start, m.end) not in actor_spans and (m.code, m.sector) not in actor_keys
    ]
    speaker, _ = speaker_of(view, v)
    if speaker is not None:
        said, _ = mentions_for(view, [speaker], mentions, resolve)
        roles.attribution = said[0] if said else None
    if (
        frame.category == "CONSULT"
        and (frame.mode == "phone" or view.lemma(frame.trigger) in _MUTUAL_TALK)
        and roles.actors
        and roles.recipients
    ):
        # A call or negotiation is one exchange between both sides ("X held talks with
        # Y", "X telephoned Y"): both are actors, as for "X and Y met".
        roles.actors = dedupe([*roles.actors, *roles.recipients])
        roles.recipients = []
    distinct = {m.code for m in roles.actors}
    roles.reciprocal = (
        len(distinct) >= 2
        and not roles.recipients
        and (
            frame.category in _RECIPROCAL_CATEGORIES
            or view.lemma(frame.trigger) in _RECIPROCAL_WORDS
        )
    )
    return roles
