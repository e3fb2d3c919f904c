"""The trigger lexicon: verb and noun lemmas with the PLOVER category and mode they signal.

Each lemma has an ordered tuple of senses; the first whose constraints hold wins. A
constraint names word classes (flashpoint.coding.wordclasses) one argument must belong
to (`args`), prepositions or particles one of which must attach (`preps`), or classes
the grammatical subject must belong to (`subj`). Written from general English news
usage, not from any evaluation text.

`wraps` marks senses that take a complement ("urged X to withdraw", "threatened to
impose sanctions", "agreed to talks"): the complement sets the mode and is part of the
same event, not a second one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from flashpoint.coding.wordclasses import words_of as _words


@dataclass(frozen=True, slots=True)
class Sense:
    category: str
    mode: str | None = None
    args: frozenset[str] = frozenset()
    preps: frozenset[str] = frozenset()
    subj: frozenset[str] = frozenset()
    strength: float = 0.7
    wraps: bool = False


def S(  # noqa: N802 - a short constructor keeps the lexicon tables readable
    category: str,
    mode: str | None = None,
    *,
    args: str = "",
    preps: str = "",
    subj: str = "",
    strength: float = 0.7,
    wraps: bool = False,
) -> Sense:
    return Sense(
        category,
        mode,
        frozenset(args.split()),
        frozenset(preps.split()),
        frozenset(subj.split()),
        strength,
        wraps,
    )


def _lex(entries: dict[str, tuple[Sense, ...] | Sense]) -> dict[str, tuple[Sense, ...]]:
    return {k: v if isinstance(v, tuple) else (v,) for k, v in entries.items()}


# A sense with this category means "not an event": it stops the senses after it.
NOT_EVENT: Final[str] = "NONE"
# Journalists' questions and interviews are reporting, not political contact or demands.
_NOT_EVENT_MEDIA = S(NOT_EVENT, args="media")
_NOT_EVENT_PRESS = S(NOT_EVENT, subj="media")
_ASSAULT = S("ASSAULT", strength=0.75)
_REQUEST = S("REQUEST", strength=0.8, wraps=True)
_REJECT = S("REJECT", strength=0.8, wraps=True)
_DISAPPROVE = S("ACCUSE", "disapprove", strength=0.85)
_ALLEGE = S("ACCUSE", "allege", strength=0.8, wraps=True)
_SUPPORT = S("SUPPORT", strength=0.75)
_AGREE = S("AGREE", strength=0.75, wraps=True)
_ARREST = S("COERCE", "arrest", strength=0.85)
_DEMO = S("PROTEST", "demo", subj="crowd", strength=0.8)

VERB_SENSES: Final[dict[str, tuple[Sense, ...]]] = _lex(
    {
        # --- MOBILIZE and ASSAULT with weapons
        "fire": (
            S("ASSAULT", "heavy-weapons", args="weapon", preps="at on upon", strength=0.85),
            S("MOBILIZE", "weapons", args="weapon", strength=0.9),
            S("ASSAULT", "firearms", preps="at on upon", strength=0.8),
        ),
        "test-fire": S("MOBILIZE", "weapons", strength=0.9),
        "launch": (
            S("MOBILIZE", "weapons", args="weapon", strength=0.9),
            S("MOBILIZE", "troops", args="drill", strength=0.8),
            S("ASSAULT", args="attack", strength=0.85),
            S("ACCUSE", "investigate", args="investigation", strength=0.8),
            S("CONSULT", args="talks", strength=0.7),
            S("PROTEST", "demo", args="protest", strength=0.75),
        ),
        "test": S("MOBILIZE", "weapons", args="weapon nuclear", strength=0.85),
        "detonate": (
            S("MOBILIZE", "weapons", args="nuclear", strength=0.85),
            S("ASSAULT", "explosives", strength=0.8),
        ),
        "deploy": (
            S("MOBILIZE", "police", args="police", strength=0.85),
            S("MOBILIZE", "weapons", args="weapon", strength=0.85),
            S("MOBILIZE", "troops", strength=0.85),
        ),
        "mobilize": (
            S("MOBILIZE", "police", args="police", strength=0.8),
            S("MOBILIZE", "troops", args="troops", strength=0.8),
        ),
        "mobilise": S("MOBILIZE", "troops", args="troops", strength=0.8),
        "station": S("MOBILIZE", "troops", args="troops weapon", strength=0.7),
        "mass": S("MOBILIZE", "troops", args="troops", strength=0.75),
        "reinforce": S("MOBILIZE", "troops", args="troops", strength=0.6),
        "send": (
            S("SUPPORT", args="goodwill", strength=0.7),  # "sent a congratulatory message"
            S("ACCUSE", "investigate", args="inspector", strength=0.65),  # monitors sent
            S("MOBILIZE", "troops", args="troops", strength=0.75),
            S("AID", args="aid arm", strength=0.75),
        ),
        "strengthen": S("MOBILIZE", "troops", args="troops", strength=0.7),
        "bolster": S("MOBILIZE", "troops", args="troops", strength=0.7),
        "boost": S("MOBILIZE", "troops", args="troops", strength=0.6),
        "increase": S("MOBILIZE", "troops", args="troops", strength=0.55),
        "open": S("ASSAULT", "firearms", args="fire", strength=0.85),
        "set": S("COERCE", "seize", args="fire", strength=0.7),
        "retake": S("ASSAULT", strength=0.75),
        "recapture": S("ASSAULT", strength=0.75),
        "overrun": S("ASSAULT", strength=0.75),
        "abuse": S("ASSAULT", "beat", args="people crowd detainee", strength=0.6),
        "deface": S("COERCE", "cyber", strength=0.7),
        "swear": S("AGREE", strength=0.6, wraps=True),
        "pressure": S("REQUEST", strength=0.7, wraps=True),
        "pressurize": S("REQUEST", strength=0.7, wraps=True),
        "push": S("REQUEST", preps="for", strength=0.65, wraps=True),
        "lobby": S("REQUEST", strength=0.6, wraps=True),
        "seek": (_NOT_EVENT_MEDIA, S("REQUEST", args="aid", strength=0.65)),
        "defend": (
            S("SUPPORT", args="people right policy decision", strength=0.5),
            S("SUPPORT", preps="against", strength=0.55),  # "defended Iraq against criticism"
        ),
        "reduce": S("SANCTION", "discontinue", args="aid ties", strength=0.65),
        "reimpose": (
            S("COERCE", "restrict", args="blockade", strength=0.8),
            S("SANCTION", args="sanction", strength=0.8),
        ),
        "evacuate": S("RETREAT", "withdraw", args="troops territory settlement", strength=0.6),
        "dispatch": (
            S("ACCUSE", "investigate", args="inspector", strength=0.65),
            S("MOBILIZE", "troops", args="troops", strength=0.75),
            S("AID", args="aid", strength=0.75),
        ),
        "remain": S("MOBILIZE", "troops", args="alert", strength=0.75),
        "raise": S("MOBILIZE", "troops", args="alert", strength=0.75),
        "heighten": S("MOBILIZE", "troops", args="alert", strength=0.75),
        "maintain": S("MOBILIZE", "troops", args="alert", strength=0.65),
        "put": S("MOBILIZE", "troops", args="alert", strength=0.75),
        "place": S("MOBILIZE", "troops", args="alert", strength=0.75),
        # --- ASSAULT
        "attack": _ASSAULT,
        "bomb": S("ASSAULT", "aerial", strength=0.8),
        "shell": S("ASSAULT", "heavy-weapons", strength=0.85),
        "bombard": S("ASSAULT", "heavy-weapons", strength=0.85),
        "pound": S("ASSAULT", "heavy-weapons", args="weapon", strength=0.6),
        "strafe": S("ASSAULT", "aerial", strength=0.8),
        "strike": (
            S("AGREE", args="agreement", strength=0.75),  # "struck a deal"
            S(NOT_EVENT, args="abstract"),  # "struck a balance", "struck on the idea"
            S("PROTEST", "strike", subj="crowd", strength=0.75),
            S("ASSAULT", "aerial", strength=0.65),
        ),
        "shoot": (
            S("ASSAULT", "heavy-weapons", preps="down", strength=0.8),
            S("ASSAULT", "firearms", strength=0.8),
        ),
        "gun": S("ASSAULT", "firearms", preps="down", strength=0.8),
        "kill": S("ASSAULT", strength=0.7),
        "murder": S("ASSAULT", strength=0.75),
        "massacre": S("ASSAULT", strength=0.8),
        "slaughter": S("ASSAULT", strength=0.7),
        "wound": S("ASSAULT", strength=0.6),
        "injure": S("ASSAULT", strength=0.55),
        "behead": S("ASSAULT", strength=0.8),
        "execute": S("ASSAULT", args="people detainee crowd", strength=0.6),
        "ambush": S("ASSAULT", "firearms", strength=0.85),
        "raid": S("ASSAULT", strength=0.7),
        "storm": S("ASSAULT", strength=0.65),
        "invade": S("ASSAULT", "heavy-weapons", strength=0.8),
        "assassinate": S("ASSAULT", "targeted", strength=0.9),
        "abduct": S("ASSAULT", "abduct", strength=0.9),
        "kidnap": S("ASSAULT", "abduct", strength=0.9),
        "hijack": S("ASSAULT", "abduct", strength=0.85),
        "torture": S("ASSAULT", "torture", strength=0.85),
        "beat": S("ASSAULT", "beat", args="people crowd detainee", strength=0.7),
        "rape": S("ASSAULT", "sexual", strength=0.85),
        "stab": S("ASSAULT", "primitive", strength=0.8),
        "stone": S("ASSAULT", "primitive", strength=0.6),
        "gas": S("ASSAULT", "unconventional", strength=0.6),
        "blow": S("ASSAULT", "explosives", preps="up", strength=0.8),
        # "peace is destroyed", "houses destroyed by the flood": no attack
        "destroy": (S(NOT_EVENT, args="intangible scourge"), S("ASSAULT", "destroy", strength=0.6)),
        "clash": S("ASSAULT", strength=0.7),
        # "fight corruption", "battled blazes": an adversary that is not a party
        "fight": (S(NOT_EVENT, args="scourge"), S("ASSAULT", strength=0.6)),
        "battle": (S(NOT_EVENT, args="scourge"), S("ASSAULT", strength=0.6)),
        "torch": S("COERCE", "seize", strength=0.65),
        "demolish": S("COERCE", "seize", strength=0.7),
        "raze": S("COERCE", "seize", strength=0.7),
        "bulldoze": S("COERCE", "seize", strength=0.7),
        # --- ACCUSE
        "condemn": _DISAPPROVE,
        "denounce": _DISAPPROVE,
        "criticize": _DISAPPROVE,
        "criticise": _DISAPPROVE,
        "slam": _DISAPPROVE,
        "deplore": _DISAPPROVE,
        "decry": _DISAPPROVE,
        "censure": _DISAPPROVE,
        "rebuke": _DISAPPROVE,
        "castigate": _DISAPPROVE,
        "lambast": _DISAPPROVE,
        "lambaste": _DISAPPROVE,
        "chastise": _DISAPPROVE,
        "blast": S("ACCUSE", "disapprove", args="people diplomat", strength=0.5),
        "protest": (
            S("PROTEST", "demo", subj="crowd", strength=0.8),
            S("ACCUSE", "disapprove", strength=0.7),
        ),
        "accuse": _ALLEGE,
        "allege": S("ACCUSE", "allege", strength=0.7),
        "blame": S("ACCUSE", "allege", strength=0.8),
        "charge": (S("ACCUSE", "allege", preps="with", strength=0.7),),
        "sue": S("ACCUSE", "allege", strength=0.8),
        "complain": S("ACCUSE", "allege", strength=0.6),
        "investigate": S("ACCUSE", "investigate", strength=0.8),
        "probe": S("ACCUSE", "investigate", strength=0.75),
        "indict": S("ACCUSE", "allege", strength=0.75),
        # --- CONSULT
        "meet": (
            S(NOT_EVENT, args="target"),  # "to meet warming limits", "met the deadline"
            S("CONCEDE", args="demand request condition", strength=0.7),
            S("CONSULT", strength=0.8),
        ),
        "visit": S("CONSULT", "visit", strength=0.85),
        "host": (
            S(NOT_EVENT, args="hosted"),  # "hosting refugees", "hosted the Olympics"
            S("CONSULT", "visit", strength=0.8),
        ),
        "receive": (  # (the giver, "from X", is the actor: see roles)
            S("SUPPORT", args="goodwill", strength=0.7),  # "received a message of greeting"
            S("AID", args="aid", strength=0.6),
            S("RETREAT", "access", args="observer inspector monitor peacekeeper", strength=0.65),
            S("CONSULT", "visit", args="diplomat people", strength=0.6),
        ),
        "arrive": S("CONSULT", "visit", preps="in at", strength=0.55),
        "leave": S("CONSULT", "visit", preps="for", subj="dignitary", strength=0.55),
        "travel": S("CONSULT", "visit", preps="to", strength=0.55),
        "tour": S("CONSULT", "visit", strength=0.55),
        "telephone": S("CONSULT", "phone", strength=0.85),
        "speak": (
            _NOT_EVENT_MEDIA,
            _NOT_EVENT_PRESS,
            S("CONSULT", "phone", args="phone telephone", strength=0.8),
            S("CONSULT", preps="with", strength=0.6),
        ),
        "explode": S("ASSAULT", "explosives", strength=0.6),
        "phone": S("CONSULT", "phone", strength=0.85),
        "negotiate": S("CONSULT", strength=0.75),
        "confer": S("CONSULT", strength=0.7),
        "consult": S("CONSULT", strength=0.7),
        "discuss": S("CONSULT", strength=0.6),
        "talk": (_NOT_EVENT_MEDIA, _NOT_EVENT_PRESS, S("CONSULT", preps="with", strength=0.6)),
        "mediate": S("CONSULT", "third-party", strength=0.8),
        "welcome": (
            S("CONSULT", "visit", args="diplomat people", strength=0.6),
            S("SUPPORT", strength=0.7),
        ),
        "return": (
            S("CONSULT", args="talks", strength=0.6),
            S("RETREAT", "release", args="detainee property", strength=0.7),
        ),
        # --- REQUEST
        "urge": _REQUEST,
        "demand": _REQUEST,
        "ask": (_NOT_EVENT_MEDIA, _REQUEST),
        "request": (_NOT_EVENT_MEDIA, _REQUEST),
        "appeal": (S(NOT_EVENT, args="ruling"), _REQUEST),  # a court appeal is litigation
        "press": S("REQUEST", preps="for", strength=0.7, wraps=True),
        "plead": (S(NOT_EVENT, args="plea"), _REQUEST),  # "pleaded guilty": a court plea
        "implore": _REQUEST,
        "exhort": _REQUEST,
        "petition": _REQUEST,
        "invite": S("REQUEST", "meet", strength=0.6, wraps=True),
        "call": (
            S("CONCEDE", args="protest", preps="off", strength=0.75),
            S("REQUEST", preps="for on upon", strength=0.8, wraps=True),
            S("CONSULT", "phone", args="people diplomat", strength=0.5),
        ),
        # --- REJECT
        "reject": _REJECT,
        "refuse": _REJECT,
        "decline": S("REJECT", strength=0.7, wraps=True),
        "rule": S("REJECT", preps="out", strength=0.8, wraps=True),
        "turn": S("REJECT", preps="down", strength=0.75, wraps=True),
        "rebuff": _REJECT,
        "spurn": _REJECT,
        "veto": _REJECT,
        "dismiss": S(
            "REJECT", args="agreement talks sanction demand", strength=0.6, wraps=True
        ),  # ("dismissed an appeal to lay down arms")
        "oppose": S("REJECT", strength=0.6, wraps=True),
        "renege": S("REJECT", strength=0.75),
        "deny": S("REJECT", args="people diplomat aid talks", strength=0.5),
        "resist": S("REJECT", strength=0.5),
        # --- THREATEN
        "threaten": S("THREATEN", strength=0.85, wraps=True),
        "warn": S("THREATEN", strength=0.6, wraps=True),
        "vow": S("THREATEN", strength=0.6, wraps=True),
        # --- SANCTION
        "sanction": S("SANCTION", strength=0.8),
        "impose": (
            S("COERCE", "restrict", args="blockade", strength=0.8),
            S("COERCE", "curfew", args="curfew", strength=0.85),
            S("COERCE", "martial-law", args="emergency", strength=0.85),
            S("SANCTION", args="sanction", strength=0.85),
        ),
        "slap": S("SANCTION", args="sanction", strength=0.8),
        "tighten": (
            S("COERCE", "restrict", args="blockade", strength=0.75),
            S("SANCTION", args="sanction", strength=0.75),
        ),
        "expel": (
            S("SANCTION", "expel", args="diplomat", strength=0.85),
            S("COERCE", "deport", strength=0.75),
        ),
        "recall": S("SANCTION", "withdraw", args="diplomat", strength=0.75),
        "sever": S("SANCTION", "withdraw", strength=0.85),
        "cut": (
            S("SANCTION", "withdraw", args="ties", strength=0.8),
            S("SANCTION", "discontinue", args="aid", strength=0.75),
        ),
        "break": S("SANCTION", "withdraw", args="ties talks", strength=0.7),
        "downgrade": S("SANCTION", "withdraw", args="ties", strength=0.75),
        "suspend": (
            S("COERCE", "censor", args="publication newspaper broadcast media", strength=0.75),
            S("SANCTION", "discontinue", args="aid ties talks", strength=0.75),
            S("SANCTION", strength=0.55),
        ),
        "halt": (
            S("SANCTION", "discontinue", args="aid ties talks", strength=0.75),
            S("RETREAT", "ceasefire", args="attack", strength=0.7),
        ),
        "freeze": S("SANCTION", args="aid ties talks property", strength=0.7),
        "cancel": (
            S("CONCEDE", args="restriction", strength=0.7),
            S("SANCTION", "discontinue", strength=0.6),
        ),
        "end": (
            S("SANCTION", "discontinue", args="aid ties talks", strength=0.65),
            S("RETREAT", "ceasefire", args="attack", strength=0.6),
            S("CONCEDE", args="protest", strength=0.6),
        ),
        "shun": S("PROTEST", "strike", args="work", strength=0.7),
        "quit": S("PROTEST", "strike", args="work", strength=0.65),
        # Stone-throwing in the news is a crowd's: a riot, whoever is named.
        "throw": S("PROTEST", "riot", args="stone", strength=0.7),
        "stop": (
            S("PROTEST", "strike", args="work", strength=0.7),  # "workers stopped work"
            S("SANCTION", "discontinue", args="aid ties talks", strength=0.65),
            S("RETREAT", "ceasefire", args="attack", strength=0.6),
        ),
        "boycott": (
            S("PROTEST", "boycott", subj="crowd", strength=0.8),
            S("SANCTION", "withdraw", strength=0.65),
        ),
        "convict": S("SANCTION", "convict", strength=0.8),
        "sentence": S("SANCTION", "convict", strength=0.75),
        "prohibit": (S(NOT_EVENT, args="norm"), S("SANCTION", strength=0.6)),
        "withdraw": (
            S("RETREAT", "withdraw", args="troops", strength=0.85),
            S("RETREAT", "withdraw", subj="troops", strength=0.8),  # "troops withdrew from X"
            S("SANCTION", "withdraw", preps="from", strength=0.7),
            S("RETREAT", "withdraw", strength=0.6),
        ),
        "pull": S("RETREAT", "withdraw", preps="out back", strength=0.8),
        "ship": S("SANCTION", "expel", preps="out", strength=0.6),
        "force": S("SANCTION", "expel", preps="out", strength=0.65),
        # --- COERCE
        "arrest": _ARREST,
        "detain": _ARREST,
        "jail": _ARREST,
        "imprison": _ARREST,
        "apprehend": _ARREST,
        "round": S("COERCE", "arrest", preps="up", strength=0.75),
        "capture": (
            S("ASSAULT", args="territory", strength=0.75),
            S("COERCE", "arrest", strength=0.7),
        ),
        "deport": S("COERCE", "deport", strength=0.85),
        "extradite": S("COOPERATE", strength=0.7),
        "seize": (
            S(NOT_EVENT, args="abstract"),  # "seize the initiative", "seize hegemony"
            S(NOT_EVENT, preps="on upon"),  # "seized on by critics"
            S("COERCE", "seize", strength=0.8),
        ),
        "confiscate": S("COERCE", "seize", strength=0.85),
        "impound": S("COERCE", "seize", strength=0.8),
        "occupy": S("COERCE", "seize", strength=0.7),
        "annex": S("COERCE", "seize", strength=0.8),
        "censor": S("COERCE", "censor", strength=0.85),
        # "bombs banned by international law": a norm, not a measure someone took
        "ban": (S(NOT_EVENT, args="norm"), S("COERCE", "restrict", strength=0.7)),
        "outlaw": S("COERCE", "restrict", strength=0.75),
        "crack": S("COERCE", "restrict", preps="down", strength=0.75),
        "restrict": S("COERCE", "restrict", strength=0.6),
        "disperse": S("ASSAULT", "crowd-control", args="crowd protest", strength=0.7),
        "hack": S("COERCE", "cyber", strength=0.7),
        "declare": (
            S("COERCE", "curfew", args="curfew", strength=0.85),
            S("COERCE", "martial-law", args="emergency", strength=0.85),
            S("RETREAT", "ceasefire", args="ceasefire", strength=0.8),
        ),
        # --- RETREAT and CONCEDE
        "release": (
            S(NOT_EVENT, args="document"),  # "released a statement": publishing, not freeing
            S("RETREAT", "release", strength=0.8),
        ),
        "free": S("RETREAT", "release", args="detainee people crowd", strength=0.8),
        "repatriate": S("RETREAT", "release", strength=0.7),
        "demobilize": S("RETREAT", "disarm", strength=0.8),
        "disarm": S("RETREAT", "disarm", strength=0.8),
        "dismantle": S("RETREAT", "disarm", args="weapon nuclear", strength=0.75),
        "surrender": S("RETREAT", "disarm", strength=0.75),
        "resign": S("RETREAT", "resign", strength=0.8),
        "step": S("RETREAT", "resign", preps="down", strength=0.75),
        "lift": (
            S("RETREAT", "withdraw", args="blockade", strength=0.8),
            S("CONCEDE", args="restriction sanction", strength=0.8),
        ),
        "ease": (
            S("RETREAT", "withdraw", args="blockade", strength=0.75),
            S("CONCEDE", args="restriction sanction", strength=0.75),
        ),
        "relax": S("CONCEDE", args="restriction sanction", strength=0.75),
        "shorten": S("CONCEDE", args="restriction", strength=0.7),
        "concede": S("CONCEDE", strength=0.75),
        "yield": S("CONCEDE", strength=0.6),
        "accede": S("CONCEDE", strength=0.75),
        "allow": (
            S("RETREAT", "access", args="observer inspector monitor peacekeeper", strength=0.6),
            S("CONCEDE", strength=0.45),
        ),
        "grant": (
            S("AID", args="aid asylum refuge", strength=0.75),
            S("CONCEDE", strength=0.5),
        ),
        # --- AGREE and SUPPORT
        "agree": _AGREE,
        "offer": _AGREE,
        "promise": _AGREE,
        "pledge": _AGREE,
        # "committed to peace" pledges; "commit crimes/provocations" perpetrates.
        "commit": S("AGREE", preps="to", strength=0.75, wraps=True),
        "accept": (
            S("CONCEDE", args="demand request condition", strength=0.7),
            S("AGREE", strength=0.6, wraps=True),
        ),
        "sign": S("SUPPORT", args="agreement", strength=0.85),
        "ratify": S("SUPPORT", strength=0.85),
        "praise": _SUPPORT,
        "endorse": _SUPPORT,
        "back": _SUPPORT,
        "support": S("SUPPORT", strength=0.6),
        "recognize": S("SUPPORT", strength=0.6),
        "recognise": S("SUPPORT", strength=0.6),
        "commend": _SUPPORT,
        "hail": _SUPPORT,
        "applaud": _SUPPORT,
        "laud": _SUPPORT,
        "extol": _SUPPORT,
        "acclaim": _SUPPORT,
        "salute": _SUPPORT,
        "congratulate": _SUPPORT,
        "thank": S("SUPPORT", strength=0.6),
        "apologize": S("SUPPORT", strength=0.7),
        "apologise": S("SUPPORT", strength=0.7),
        "forgive": S("SUPPORT", strength=0.7),
        "upgrade": S("SUPPORT", args="ties", strength=0.75),
        "restore": S("SUPPORT", args="ties", strength=0.75),
        "establish": S("SUPPORT", args="ties", strength=0.7),
        "normalize": S("SUPPORT", args="ties", strength=0.75),
        # --- COOPERATE and AID
        "cooperate": S("COOPERATE", strength=0.6),
        "collaborate": S("COOPERATE", strength=0.6),
        "share": (
            S("COOPERATE", args="information", strength=0.6),
            S("COOPERATE", preps="with", strength=0.55),
        ),
        "aid": S("AID", strength=0.7),
        "donate": S("AID", strength=0.8),
        "provide": S("AID", args="aid troops weapon arm asylum", strength=0.7),
        "give": S("AID", args="aid", strength=0.6),
        "deliver": S("AID", args="aid", strength=0.7),
        "supply": S("AID", strength=0.6),
        "hand": (
            S("AID", args="aid", preps="over", strength=0.7),
            S("RETREAT", "release", args="detainee people", preps="over", strength=0.6),
        ),
        "fund": S("AID", strength=0.6),
        "finance": S("AID", strength=0.55),
        "lend": S("AID", strength=0.6),
        "loan": S("AID", strength=0.6),
        "pay": S("RETREAT", args="aid", strength=0.5),
        # --- PROTEST
        "demonstrate": (
            S(NOT_EVENT, args="quality"),  # "demonstrated their ability": showing, not protest
            S("PROTEST", "demo", preps="against in outside for", strength=0.7),
            S("PROTEST", "demo", subj="crowd", strength=0.75),
        ),
        "rally": _DEMO,
        "march": _DEMO,
        "picket": _DEMO,
        "riot": S("PROTEST", "riot", strength=0.85),
        "block": (
            S("COERCE", "censor", args="online", strength=0.65),
            S("PROTEST", "obstruct", args="road", subj="crowd armed", strength=0.7),
            S("COERCE", "restrict", args="road", strength=0.6),  # "police blocked roads"
            S("PROTEST", "obstruct", subj="crowd", strength=0.7),
        ),
        "blockade": (
            S("PROTEST", "obstruct", subj="crowd", strength=0.75),
            S("COERCE", "restrict", strength=0.7),
        ),
        "barricade": S("PROTEST", "obstruct", strength=0.7),
    }
)

_ATTACK = S("ASSAULT", strength=0.75)
_TALKS = S("CONSULT", strength=0.75)

NOUN_SENSES: Final[dict[str, tuple[Sense, ...]]] = _lex(
    {
        "launch": S("MOBILIZE", "weapons", args="weapon", strength=0.85),
        "consensus": S("AGREE", strength=0.6),
        "understanding": S("AGREE", args="reach", strength=0.5),
        "cleansing": S("ASSAULT", strength=0.7),
        "patrol": (
            S("MOBILIZE", "police", args="police", strength=0.6),
            S("MOBILIZE", "troops", strength=0.55),
        ),
        "torture": S("ASSAULT", "torture", strength=0.6),
        "test": S("MOBILIZE", "weapons", args="weapon nuclear", strength=0.85),
        "test-firing": S("MOBILIZE", "weapons", strength=0.85),
        "test-fire": S("MOBILIZE", "weapons", strength=0.85),
        "firing": S("MOBILIZE", "weapons", args="weapon", strength=0.8),
        "fire": (
            S("ASSAULT", "heavy-weapons", preps="on at upon", strength=0.7),
            S("MOBILIZE", "weapons", args="weapon", strength=0.7),
        ),
        "detonation": S("MOBILIZE", "weapons", args="nuclear", strength=0.8),
        "exercise": (
            S("COOPERATE", args="joint", strength=0.8),
            S("MOBILIZE", "troops", strength=0.7),
        ),
        "drill": (
            S("COOPERATE", args="joint", strength=0.8),
            S("MOBILIZE", "troops", strength=0.7),
        ),
        "maneuver": S("MOBILIZE", "troops", strength=0.6),
        "war-game": S("MOBILIZE", "troops", strength=0.7),
        "game": S("MOBILIZE", "troops", args="war", strength=0.6),
        "deployment": S("MOBILIZE", "troops", strength=0.65),
        "alert": S("MOBILIZE", "troops", strength=0.6),
        "attack": _ATTACK,
        "assault": _ATTACK,
        "offensive": _ATTACK,
        "raid": _ATTACK,
        "strike": (
            S("PROTEST", "strike", args="general hunger", strength=0.75),
            S("ASSAULT", "aerial", args="air missile drone", strength=0.8),
            S("ASSAULT", "aerial", strength=0.55),
        ),
        "airstrike": S("ASSAULT", "aerial", strength=0.85),
        "air-strike": S("ASSAULT", "aerial", strength=0.85),
        "bombing": (
            S("ASSAULT", "suicide-attack", args="suicide", strength=0.85),
            S("ASSAULT", "explosives", args="car roadside truck", strength=0.85),
            S("ASSAULT", "aerial", strength=0.75),
        ),
        "bombardment": S("ASSAULT", "heavy-weapons", strength=0.8),
        "shelling": S("ASSAULT", "heavy-weapons", strength=0.8),
        "explosion": S("ASSAULT", "explosives", strength=0.55),
        "blast": S("ASSAULT", "explosives", strength=0.55),
        "ambush": S("ASSAULT", "firearms", strength=0.8),
        "assassination": S("ASSAULT", "targeted", strength=0.85),
        "invasion": S("ASSAULT", "heavy-weapons", strength=0.75),
        "clash": S("ASSAULT", strength=0.65),
        "fighting": S("ASSAULT", strength=0.6),
        "battle": S("ASSAULT", strength=0.55),
        "massacre": S("ASSAULT", strength=0.75),
        "kidnapping": S("ASSAULT", "abduct", strength=0.8),
        "abduction": S("ASSAULT", "abduct", strength=0.8),
        "talk": _TALKS,
        "negotiation": _TALKS,
        "dialogue": S("CONSULT", strength=0.6),
        "meeting": S("CONSULT", strength=0.6),
        "summit": S("CONSULT", "multilateral", strength=0.75),
        "consultation": _TALKS,
        "visit": S("CONSULT", "visit", strength=0.75),
        "trip": S("CONSULT", "visit", strength=0.6),
        "mediation": S("CONSULT", "third-party", strength=0.75),
        "call": S("CONSULT", "phone", args="phone telephone", strength=0.75),
        "conversation": S("CONSULT", "phone", args="phone telephone", strength=0.75),
        "condemnation": S("ACCUSE", "disapprove", strength=0.8),
        "criticism": S("ACCUSE", "disapprove", strength=0.7),
        "protest": (
            S("PROTEST", "demo", args="crowd mass street", strength=0.75),
            S("ACCUSE", "disapprove", args="formal official strong", strength=0.75),
            S("PROTEST", "demo", strength=0.65),
        ),
        "demonstration": S("PROTEST", "demo", strength=0.75),
        "rally": S("PROTEST", "demo", strength=0.6),
        "march": S("PROTEST", "demo", strength=0.55),
        "sit-in": S("PROTEST", "obstruct", strength=0.75),
        "riot": S("PROTEST", "riot", strength=0.8),
        "hunger": S("PROTEST", "hunger", strength=0.8),
        "walkout": S("PROTEST", "strike", strength=0.75),
        "boycott": S("PROTEST", "boycott", strength=0.7),
        "accusation": S("ACCUSE", "allege", strength=0.7),
        "allegation": S("ACCUSE", "allege", strength=0.6),
        "investigation": S("ACCUSE", "investigate", strength=0.7),
        "hearing": S("ACCUSE", "investigate", preps="into on", strength=0.6),
        "probe": S("ACCUSE", "investigate", strength=0.7),
        "inquiry": S("ACCUSE", "investigate", strength=0.65),
        "lawsuit": S("ACCUSE", "allege", strength=0.7),
        "demand": S("REQUEST", strength=0.7, wraps=True),
        "appeal": S("REQUEST", strength=0.65, wraps=True),
        "request": S("REQUEST", strength=0.65, wraps=True),
        "threat": S("THREATEN", strength=0.55, wraps=True),
        "ultimatum": S("THREATEN", "relations", strength=0.8),
        "warning": S("THREATEN", strength=0.5, wraps=True),
        "sanction": S("SANCTION", strength=0.75),
        "embargo": S("SANCTION", strength=0.75),
        "curfew": S("COERCE", "curfew", strength=0.75),
        "law": S("COERCE", "martial-law", args="martial", strength=0.85),
        "emergency": S("COERCE", "martial-law", args="state", strength=0.6),
        "siege": S("COERCE", "martial-law", args="state", strength=0.7),
        "crackdown": S("COERCE", "restrict", strength=0.7),
        "arrest": S("COERCE", "arrest", strength=0.7),
        "expulsion": S("SANCTION", "expel", strength=0.7),
        "suspension": S("SANCTION", "discontinue", strength=0.65),
        "ceasefire": S("RETREAT", "ceasefire", strength=0.8),
        "cease-fire": S("RETREAT", "ceasefire", strength=0.8),
        "truce": S("RETREAT", "ceasefire", strength=0.8),
        "withdrawal": S("RETREAT", "withdraw", strength=0.75),
        "pullback": S("RETREAT", "withdraw", strength=0.75),
        "pullout": S("RETREAT", "withdraw", strength=0.75),
        "release": (S(NOT_EVENT, args="document"), S("RETREAT", "release", strength=0.7)),
        "resignation": S("RETREAT", "resign", strength=0.7),
        "aid": S("AID", strength=0.7),
        "assistance": S("AID", strength=0.65),
        "donation": S("AID", strength=0.7),
        "agreement": S("AGREE", strength=0.65),
        "deal": S("AGREE", strength=0.55),
        "accord": S("AGREE", strength=0.6),
        "pledge": S("AGREE", strength=0.6, wraps=True),
        "promise": S("AGREE", strength=0.55, wraps=True),
        "offer": S("AGREE", strength=0.55, wraps=True),
        "praise": S("SUPPORT", strength=0.7),
        "support": S("SUPPORT", strength=0.6),
        "solidarity": S("SUPPORT", strength=0.65),
        "condolence": S("SUPPORT", strength=0.6),
        "tribute": S("SUPPORT", strength=0.6),
        "gratitude": S("SUPPORT", strength=0.6),
        "thanks": S("SUPPORT", strength=0.55),
        "thank": S("SUPPORT", strength=0.55),
        "congratulation": S("SUPPORT", strength=0.6),
        "greeting": S("SUPPORT", strength=0.55),
        "appreciation": S("SUPPORT", strength=0.55),
        "welcome": S("CONSULT", "visit", strength=0.6),
        "cooperation": S("COOPERATE", strength=0.5),
    }
)

# Verbs that carry a noun trigger: "held talks", "imposed sanctions", "staged protests".
LIGHT_VERBS: Final[frozenset[str]] = (
    _words("""reimpose hold stage conduct carry launch mount make issue lodge file impose slap declare announce
    reach give express extend take begin start resume continue open wage deliver engage
    organize organise go oversee guide observe watch supervise perform undertake renew
    complete speed step intensify escalate order have join attend lead convene sign seal
    conclude unleash commit perpetrate execute accept receive pay""")
)

# Verbs after which the complement's event keeps its category and only its status changes.
SPEECH_VERBS: Final[frozenset[str]] = (
    _words("""say tell announce state add note report confirm insist stress emphasize emphasise
    reiterate write post tweet explain indicate reveal acknowledge admit declare remark
    disclose inform assert argue predict""")
)
CLAIM_VERBS: Final[frozenset[str]] = _words("claim allege contend suspect")
FUTURE_VERBS: Final[frozenset[str]] = _words(
    "plan intend prepare aim expect schedule set decide mean"
)
HYPOTHETICAL_VERBS: Final[frozenset[str]] = _words(
    "consider want seek hope wish try attempt mull weigh propose need suppose able capable "
    "incite instigate urge call ask demand request appeal press encourage ban prohibit forbid"
)
NEGATING_VERBS: Final[frozenset[str]] = _words("fail deny refrain avoid")
ASPECT_VERBS: Final[frozenset[str]] = (
    _words("""begin start continue resume complete finish manage keep step speed intensify
    escalate order carry undertake oversee guide observe watch supervise""")
)

# Nouns that, as subject of these verbs, report an event happening: "talks began".
HAPPEN_VERBS: Final[frozenset[str]] = (
    _words("""take break erupt begin start continue resume end kill wound injure hit destroy
    damage leave claim rock target occur happen spread intensify escalate follow come
    open close conclude collapse fail produce""")
)
