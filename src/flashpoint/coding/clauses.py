"""A read-only view of one parsed sentence: children, subtrees and argument lookups.

The coder works on `ParsedSentence` records (never spaCy objects), so tests can build
parses by hand. Indices are token positions within the sentence.
"""

from __future__ import annotations

from collections.abc import Iterable

from flashpoint.coding.lemmas import repair_lemma
from flashpoint.coding.triggers import CLAIM_VERBS, LIGHT_VERBS, SPEECH_VERBS
from flashpoint.models import ParsedSentence, Token

# Dependents that start another clause or a loose attachment; subtrees stop there.
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "punct"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "dative", "oprd", "obj"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "nummod", "poss", "npadvmod"})


class ParseView:
    """Navigation helpers over a ParsedSentence's dependency tree."""

    __slots__ = ("_children", "_lemmas", "sentence", "tokens")

    def __init__(self, sentence: ParsedSentence) -> None:
        self.sentence = sentence
        self.tokens: tuple[Token, ...] = sentence.tokens
        children: list[list[int]] = [[] for _ in self.tokens]
        for tok in self.tokens:
            if tok.head != tok.i and 0 <= tok.head < len(self.tokens):
                children[tok.head].append(tok.i)
        self._children = children
        self._lemmas = [repair_lemma(t.lemma.lower(), t.text) for t in self.tokens]

    def __len__(self) -> int:
        return len(self.tokens)

    def tok(self, i: int) -> Token:
        return self.tokens[i]

    def lemma(self, i: int) -> str:
        return self._lemmas[i]

    def head(self, i: int) -> int | None:
        """The head's index, or None for the root."""
        h = self.tokens[i].head
        return None if h == i else h

    def children(self, i: int, deps: Iterable[str] | None = None) -> list[int]:
        if deps is None:
            return list(self._children[i])
        wanted = frozenset(deps)
        return [c for c in self._children[i] if self.tokens[c].dep in wanted]

    def child_words(self, i: int, deps: Iterable[str]) -> list[str]:
        return [self.tokens[c].text.lower() for c in self.children(i, deps)]

    def subtree(self, i: int, stop: frozenset[str] = CLAUSE_DEPS) -> list[int]:
        """Indices under i (i included), not descending into dependents in `stop`."""
        out = [i]
        stack = [i]
        while stack:
            cur = stack.pop()
            for c in self._children[cur]:
                if self.tokens[c].dep in stop:
                    continue
                out.append(c)
                stack.append(c)
        return sorted(out)

    def conjuncts(self, i: int) -> list[int]:
        """i and the tokens coordinated with it ("Japan and Korea")."""
        out = [i]
        stack = [i]
        while stack:
            cur = stack.pop()
            for c in self.children(cur, ("conj",)):
                out.append(c)
                stack.append(c)
        return out

    def preps(self, i: int) -> list[tuple[str, int]]:
        """(preposition, object) pairs attached to i, agent "by" included."""
        pairs: list[tuple[str, int]] = []
        for p in self.children(i, ("prep", "agent", "dative")):
            word = self.tokens[p].text.lower()
            objects = self.children(p, ("pobj", "pcomp"))
            if not objects and self.tokens[p].dep == "dative" and self.tokens[p].pos != "ADP":
                pairs.append(("to", p))  # "gave Japan aid": a bare dative noun
            if not objects:
                # "out of the country": the outer word takes the inner object
                for inner in self.children(p, ("prep",)):
                    word2 = self.tokens[inner].text.lower()
                    for o2 in self.children(inner, ("pobj",)):
                        pairs.append((word, o2))
                        pairs.append((word2, o2))
            for o in objects:
                pairs.append((word, o))
                # "out of", "away from": a preposition under a preposition
                for inner in self.children(o, ("prep",)):
                    word2 = self.tokens[inner].text.lower()
                    pairs.extend((word2, o2) for o2 in self.children(inner, ("pobj",)))
        return pairs

    def stranded_object(self, p: int) -> int | None:
        """The object of a preposition the parser left empty because it read the noun
        phrase as the subject of the next clause ("gave shelter to [three sailors]
        hiding out in ...": "sailors" heads "hiding"): that subject, when its phrase
        starts right after the preposition."""
        if self.children(p, ("pobj", "pcomp")) or p + 1 >= len(self.tokens):
            return None
        for tok in self.tokens[p + 1 :]:
            if tok.dep in {"nsubj", "nsubjpass"} and self.subtree(tok.i)[0] == p + 1:
                return tok.i
        return None

    def particles(self, i: int) -> list[str]:
        return self.child_words(i, ("prt",))

    def depth(self, i: int) -> int:
        """Steps from i to the root (0 for the root)."""
        steps = 0
        cur: int | None = i
        seen = set()
        while cur is not None and cur not in seen:
            seen.add(cur)
            cur = self.head(cur)
            if cur is not None:
                steps += 1
        return steps

    def is_passive(self, i: int) -> bool:
        return bool(self.children(i, ("auxpass", "nsubjpass"))) or (
            self.tokens[i].tag == "VBN" and self.tokens[i].dep == "acl"
        )


# Verbs whose object is the subject of their complement: "urged Pyongyang to return".
OBJECT_CONTROL = frozenset(
    [
        "urge",
        "ask",
        "order",
        "force",
        "call",
        "press",
        "persuade",
        "invite",
        "allow",
        "let",
        "permit",
        "tell",
        "encourage",
        "request",
        "help",
        "enable",
        "compel",
        "pressure",
    ]
)


def clause_subject(
    view: ParseView, v: int, seen: frozenset[int] = frozenset()
) -> tuple[list[int], bool]:
    """Subject heads of verb v (climbing through control and coordination), and passivity."""
    if v in seen:
        return [], False
    subjects = view.children(v, ("nsubj", "csubj", "expl"))
    if subjects:
        return view.conjuncts(subjects[0]), False
    passive = view.children(v, ("nsubjpass", "csubjpass"))
    if passive:
        return view.conjuncts(passive[0]), True
    dep = view.tok(v).dep
    head = view.head(v)
    if head is None:
        return [], False
    if dep == "xcomp" and view.lemma(head) in OBJECT_CONTROL:
        objects = view.children(head, ("dobj", "obj"))
        if objects:
            return view.conjuncts(objects[0]), False
        for word, o in view.preps(head):
            if word in {"on", "upon"}:
                return view.conjuncts(o), False
    if dep == "xcomp" and view.children(head, ("nsubjpass",)):
        # "Rubio is expected to meet Iwaya", "X was forced to withdraw": the passive
        # subject of the governing verb is the one who meets or withdraws.
        subjects, _ = clause_subject(view, head, seen | {v})
        return subjects, False
    if dep == "pcomp" and view.tok(head).text.lower() == "for":
        # "condemned Iran for executing protesters", "thanked Japan for helping": the one
        # praised or blamed did the act
        verb = view.head(head)
        if verb is not None and view.lemma(verb) in _JUDGING:
            reasons = [o for w, o in view.preps(verb) if w == "for"]
            blamed = view.children(verb, ("dobj", "obj")) if len(reasons) == 1 else []
            if blamed and view.tok(blamed[0]).pos in {"NOUN", "PROPN", "PRON"}:
                return view.conjuncts(blamed[0]), False
    if dep in {"pcomp", "prep", "pobj"}:
        # "X was accused of launching", "farmers turned to blocking roads": the one
        # the governing verb speaks of does the embedded act, whatever its voice.
        return clause_subject(view, head, seen | {v})[0], False
    if dep in {"xcomp", "conj", "advcl", "ccomp", "acomp"}:
        return clause_subject(view, head, seen | {v})
    if dep in {"dobj", "attr"} and view.lemma(head) in LIGHT_VERBS:
        return clause_subject(view, head, seen | {v})  # "made an attempt at launching"
    if dep == "acl" and view.tok(v).tag == "VBG" and _issued_message(view, head):
        # "X issued a communique urging ...": who issued the message urges
        issuer, _ = clause_subject(view, view.head(head) or head, seen | {v})
        if issuer:
            return issuer, False
    if dep == "acl" and view.tok(v).tag in {"VBN", "VBD"}:
        root = _verbless_root(view, v)
        if root is not None:
            # "Doctors from two aid groups donated ...": with no verb at the root, the
            # parser made the main verb a participle of the nearest noun; the root acts
            return view.conjuncts(root), False
    if dep in {"relcl", "acl"}:
        return [head], view.tok(v).tag == "VBN"
    return [], False


NOUN_PHRASE_LINKS = frozenset({"pobj", "prep", "compound", "amod"})


def participle_root(
    view: ParseView, v: int, links: frozenset[str] = NOUN_PHRASE_LINKS
) -> int | None:
    """The root noun when the parser hung participle `v` as a modifier (acl) on it or on
    a noun inside its phrases, reached through `links` only, and the root comes first."""
    if view.tok(v).dep != "acl":
        return None
    cur = view.head(v)
    while cur is not None and view.tok(cur).dep != "ROOT":
        if view.tok(cur).dep not in links:
            return None
        cur = view.head(cur)
    if cur is None or cur >= v or view.tok(cur).pos not in {"NOUN", "PROPN"}:
        return None
    return cur


def _verbless_root(view: ParseView, v: int) -> int | None:
    """The root noun of a sentence with no finite verb, when the participle v hangs
    under its modifiers (inside its prepositional phrases) and no verb comes before v."""
    if any(view.tok(i).pos in {"VERB", "AUX"} for i in range(v)):
        return None
    return participle_root(view, v)


# Verbs that praise, blame or punish someone "for" an act that person did.
_JUDGING = frozenset(
    [
        "condemn",
        "denounce",
        "criticize",
        "criticise",
        "blame",
        "accuse",
        "praise",
        "thank",
        "commend",
        "punish",
        "sanction",
        "fine",
        "censure",
        "slam",
        "rebuke",
        "congratulate",
        "fault",
        "reproach",
        "chastise",
        "arrest",
        "detain",
        "jail",
        "sentence",
        "indict",
        "reward",
        "hail",
        "laud",
        "applaud",
        "castigate",
        "lambaste",
    ]
)
# Nouns naming a message whose content a participle states ("a statement demanding").
MESSAGE_NOUNS = frozenset(
    [
        "declaration",
        "statement",
        "communique",
        "communiqué",
        "resolution",
        "letter",
        "appeal",
        "petition",
        "message",
        "note",
        "memorandum",
        "manifesto",
        "proclamation",
        "announcement",
        # enactments: "passed a law recognizing ...", "signed a decree granting ..."
        "law",
        "bill",
        "decree",
        "act",
        "ordinance",
        "edict",
    ]
)
# Verbs that put such a message out or enact it; their subject is its author.
_ISSUING = frozenset(
    [
        "issue",
        "release",
        "publish",
        "adopt",
        "send",
        "sign",
        "pass",
        "deliver",
        "circulate",
        "approve",
        "enact",
        "promulgate",
    ]
)


def _issued_message(view: ParseView, noun: int) -> bool:
    """noun is a message that the verb governing it puts out ("issued a statement")."""
    verb = view.head(noun)
    return (
        view.lemma(noun) in MESSAGE_NOUNS
        and view.tok(noun).dep in {"dobj", "obj"}
        and verb is not None
        and view.lemma(verb) in _ISSUING
    )


def passive_agents(view: ParseView, v: int) -> list[int]:
    out: list[int] = []
    for word, o in view.preps(v):
        if word == "by" and view.tok(o).pos in {"PROPN", "NOUN", "PRON"}:
            out.extend(view.conjuncts(o))
    return out


def direct_objects(view: ParseView, v: int) -> list[int]:
    """Objects of v; with none, an object shifted behind an "as" phrase ("denounced as
    an outrage Chad's treatment of ...", which the parser reads as an apposition)."""
    objects = view.children(v, ("dobj", "obj", "dative"))
    if objects:
        return objects
    return [a for word, o in view.preps(v) if word == "as" for a in view.children(o, ("appos",))]


def condition_subjects(view: ParseView, v: int, embedded: int | None) -> list[list[int]]:
    """ "vowed to quit the coalition if Portugal presses on": who the condition is on."""
    groups = []
    for verb in (v, embedded):
        if verb is None:
            continue
        for c in view.children(verb, ("advcl",)):
            marks = {view.tok(m).text.lower() for m in view.children(c, ("mark",))}
            if marks & {"if", "unless"}:
                groups.append(view.conjuncts(s) for s in view.children(c, ("nsubj",)))
    return [g for group in groups for g in group]


def speaker_of(view: ParseView, anchor: int) -> tuple[int | None, bool]:
    """The token heading the speaker of a reported frame, and whether it is a claim."""
    cur: int | None = anchor
    steps = 0
    while cur is not None and steps < 6:
        head = view.head(cur)
        if head is None:
            break
        lemma = view.lemma(head)
        if view.tok(cur).dep in {"ccomp", "parataxis", "xcomp"} and (
            lemma in SPEECH_VERBS or lemma in CLAIM_VERBS
        ):
            subjects = view.children(head, ("nsubj",))
            if subjects:
                return subjects[0], lemma in CLAIM_VERBS
        cur = head
        steps += 1
    # "..., according to South Korea's military"
    for tok in view.tokens:
        if tok.text.lower() == "according" and tok.i + 1 < len(view):
            for p in view.children(tok.i, ("prep",)) or [tok.i + 1]:
                objects = view.children(p, ("pobj",))
                if objects:
                    return objects[0], True
    return None, False
