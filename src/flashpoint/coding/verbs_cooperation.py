"""Verb triggers of cooperation: meetings and visits, concessions and retreats, agreement,
support, cooperation and aid (flashpoint.coding.senses says how an entry reads).
"""

from __future__ import annotations

from typing import Final

from flashpoint.coding.senses import NOT_EVENT, NOT_EVENT_MEDIA, NOT_EVENT_PRESS, S, Sense, lex

_SUPPORT = S("SUPPORT", strength=0.75)
_AGREE = S("AGREE", strength=0.75, wraps=True)

COOPERATION_VERBS: Final[dict[str, tuple[Sense, ...]]] = lex(
    {
        # --- CONSULT
        "meet": (
            S(NOT_EVENT, args="target"),  # "to meet warming limits", "met the deadline"
            S(NOT_EVENT, args="outcome"),  # "met their deaths", "met with opposition"
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
            S("CONSULT", "visit", args="diplomat people dignitary credential", strength=0.6),
        ),
        # "presented his credentials to the president": an envoy's first official call
        "present": S("CONSULT", "visit", args="credential", strength=0.7),
        # "arrived here": a state-media dateline's visit to the capital
        "arrive": S("CONSULT", "visit", preps="in at here", strength=0.55),
        "leave": S("CONSULT", "visit", preps="for", subj="dignitary", strength=0.55),
        "travel": S("CONSULT", "visit", preps="to", strength=0.55),
        "tour": S("CONSULT", "visit", strength=0.55),
        "telephone": S("CONSULT", "phone", strength=0.85),
        "speak": (
            NOT_EVENT_MEDIA,
            NOT_EVENT_PRESS,
            S("CONSULT", "phone", args="phone telephone", strength=0.8),
            S("CONSULT", preps="with", strength=0.6),
        ),
        "explode": S("ASSAULT", "explosives", strength=0.6),
        "phone": S("CONSULT", "phone", strength=0.85),
        "negotiate": S("CONSULT", strength=0.75),
        "confer": S("CONSULT", preps="with", strength=0.7),  # not "conferred the title on"
        "consult": S("CONSULT", strength=0.7),
        "discuss": S("CONSULT", strength=0.6),
        "talk": (NOT_EVENT_MEDIA, NOT_EVENT_PRESS, S("CONSULT", preps="with", strength=0.6)),
        "mediate": S("CONSULT", "third-party", strength=0.8),
        "exchange": S("CONSULT", args="view opinion", strength=0.7),  # "exchanged views"
        "welcome": (
            S("CONSULT", "visit", args="diplomat people dignitary", strength=0.6),
            S("SUPPORT", strength=0.7),
        ),
        "return": (
            S("CONSULT", args="talks", strength=0.6),
            S("RETREAT", "release", args="detainee property", strength=0.7),
        ),
        # --- RETREAT and CONCEDE
        "release": (
            S(NOT_EVENT, args="document water"),  # "released a statement", "into the sea"
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
        "offer": (S(NOT_EVENT, args="insight"), _AGREE),  # "offers a glimpse of"
        "promise": _AGREE,
        "pledge": (S("SUPPORT", args="loyalty", strength=0.7), _AGREE),  # "pledged allegiance to"
        # "committed to peace" pledges; "commit crimes/provocations" perpetrates.
        "commit": S("AGREE", preps="to", strength=0.75, wraps=True),
        "accept": (
            S("CONSULT", "visit", args="credential", strength=0.7),  # an envoy received
            S("CONCEDE", args="demand request condition", strength=0.7),
            S("AGREE", strength=0.6, wraps=True),
        ),
        "sign": S("SUPPORT", args="agreement", strength=0.85),
        "ratify": S("SUPPORT", strength=0.85),
        "praise": _SUPPORT,
        "endorse": _SUPPORT,
        "back": _SUPPORT,
        "support": S("SUPPORT", strength=0.6),
        # "is recognized as the best": an appraisal, not recognition of a party
        "recognize": (S(NOT_EVENT, preps="as"), S("SUPPORT", strength=0.6)),
        "recognise": (S(NOT_EVENT, preps="as"), S("SUPPORT", strength=0.6)),
        "commend": _SUPPORT,
        "hail": _SUPPORT,
        "applaud": _SUPPORT,
        "laud": _SUPPORT,
        "extol": _SUPPORT,
        "acclaim": _SUPPORT,
        "salute": _SUPPORT,
        "congratulate": _SUPPORT,
        "thank": S("SUPPORT", strength=0.6),
        "convey": S("SUPPORT", args="goodwill", strength=0.7),  # "conveyed the greetings of"
        "wish": S("SUPPORT", args="wellbeing", strength=0.6),  # "wished the president success"
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
            S(NOT_EVENT, args="feeling"),  # "shared joy with them", "share concern"
            S("COOPERATE", args="information", strength=0.6),
            S("COOPERATE", preps="with", strength=0.55),
        ),
        "aid": S("AID", strength=0.7),
        "donate": S("AID", strength=0.8),
        "provide": S("AID", args="aid troops weapon arm asylum", strength=0.7),
        "give": S("AID", args="aid", strength=0.6),
        "deliver": S("AID", args="aid weapon arm troops", strength=0.7),
        "distribute": S("AID", args="aid", strength=0.6),
        "supply": S("AID", strength=0.6),
        "hand": (
            S("SUPPORT", args="goodwill", preps="over", strength=0.7),  # "handed over a basket"
            S("AID", args="aid", preps="over", strength=0.7),
            S("RETREAT", "release", args="detainee people", preps="over", strength=0.6),
        ),
        "fund": S("AID", strength=0.6),
        "finance": S("AID", strength=0.55),
        "lend": S("AID", strength=0.6),
        "loan": S("AID", strength=0.6),
        "pay": S("RETREAT", args="aid", strength=0.5),
    }
)
