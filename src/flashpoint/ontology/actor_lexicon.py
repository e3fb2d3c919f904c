"""The actor lexicon as data: sector words, named actors, leaders and small word lists.

Everything here is general knowledge (offices, organisations, office holders); the
tables live in `data/actor_*.tsv`, this module only reads them into typed records.
The matcher that uses them is `flashpoint.coding.actor_patterns`.

Coding decisions (documented here because the data encodes them):
- The UN Security Council is its own code, IGO:UNSC; every other UN body is IGO:UNO
  (with a sector where it says what the body is: General Assembly LEG).
- The Red Cross and Red Crescent, Amnesty International and similar are code NGO.
- Non-state armed groups are their home country + REB (Hamas PSE REB, Houthis YEM REB,
  PKK TUR REB, Taliban AFG REB); transnational ones (al-Qaeda, Islamic State) are IMG
  REB; ruling parties of one-party states are GOV (Workers' Party of Korea PRK GOV),
  other parties PTY.
- Ministers, including defence ministers, are GOV; generals and forces are MIL.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from flashpoint.ontology.countries import read_data_rows


@dataclass(frozen=True, slots=True)
class SectorWord:
    surface: str  # lower case unless the word has its own capitals ("MPs")
    sector: str
    bare: bool  # an actor on its own ("police arrested"); else it needs a country
    title: bool  # a personal title that a name may follow ("President Yoon")
    role: bool  # a role within a group: takes the sector of the group before it


@dataclass(frozen=True, slots=True)
class NamedActor:
    surface: str
    code: str  # "-" for blocked names
    sector: str | None
    kind: str  # institution | igo | group | outlet | region | block


@dataclass(frozen=True, slots=True)
class Leader:
    code: str
    sector: str
    full_names: tuple[str, ...]
    short_names: tuple[str, ...]  # match anywhere
    intro_names: tuple[str, ...]  # match only after a full name in the same article


# Role words take the sector of the group they belong to: "rebel leaders" is REB.
_ROLE_WORDS = frozenset(
    {
        "leader",
        "leaders",
        "official",
        "officials",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "spokesmen",
        "chairman",
        "chairwoman",
        "commander",
        "commanders",
        "delegation",
        "delegations",
        "negotiator",
        "negotiators",
        "envoy",
        "envoys",
        "leadership",
        "director",
        "chief",
        "rapporteur",
    }
)


def _word_tuple(words: str) -> tuple[str, ...]:
    """Whitespace-separated words (the lists below are long; one string keeps them short)."""
    return tuple(dict.fromkeys(words.split()))


def _values(field: str) -> tuple[str, ...]:
    return tuple(value.strip() for value in field.split("|") if value.strip())


@cache
def sector_words() -> tuple[SectorWord, ...]:
    words = []
    for row in read_data_rows("actor_sectors.tsv"):
        surface, sector, flags = [*row, ""][:3]
        surface = surface.strip()
        words.append(
            SectorWord(
                surface=surface,
                sector=sector.strip(),
                bare="b" in flags,
                title="t" in flags,
                role=surface.lower() in _ROLE_WORDS,
            )
        )
    # Words only KCNA-style reporting uses for the other side's officials and forces.
    for surface, sector in (
        ("puppets", "GOV"),
        ("puppet authorities", "GOV"),
        ("clique", "GOV"),
        ("imperialists", "GOV"),
        ("warmongers", "MIL"),
        ("war maniacs", "MIL"),
        ("hawks", "GOV"),
        ("reactionaries", "GOV"),
        ("militarists", "MIL"),
        ("aggressors", "MIL"),
        ("gangsters", "MIL"),
        ("traitors", "GOV"),
        ("stooges", "GOV"),
        ("lackeys", "GOV"),
    ):
        words.append(SectorWord(surface, sector, bare=False, title=False, role=False))
    return tuple(words)


@cache
def named_actors() -> tuple[NamedActor, ...]:
    actors = []
    for row in read_data_rows("actor_names.tsv"):
        surface, code, sector, kind = (field.strip() for field in [*row, "", "", ""][:4])
        actors.append(NamedActor(surface, code, None if sector in {"", "-"} else sector, kind))
    # Fixed epithets for one country.
    for surface, code in (
        ("Jewish state", "ISR"),
        ("Islamic Republic", "IRN"),
        ("Hermit Kingdom", "PRK"),
        ("hermit kingdom", "PRK"),
        ("Middle Kingdom", "CHN"),
        ("Uncle Sam", "USA"),
    ):
        actors.append(NamedActor(surface, code, None, "country"))
    return tuple(actors)


@cache
def leaders() -> tuple[Leader, ...]:
    table = []
    for row in read_data_rows("actor_leaders.tsv"):
        code, sector, full, short, intro = (field.strip() for field in [*row, "", "", ""][:5])
        table.append(Leader(code, sector, _values(full), _values(short), _values(intro)))
    return tuple(table)


# Words that may stand between a country and its sector word ("Russian Foreign
# Ministry", "Iraqi Kurdish rebels", "the south Korean puppet army"), lower case.
MODIFIER_WORDS: tuple[str, ...] = _word_tuple(
    """foreign defence defense interior home finance trade economy economic unification
    justice deputy vice first junior senior acting former ex top chief federal state
    national central regional local provincial government military armed security riot
    border special elite main new interim transitional caretaker ruling kurdish shiite
    shia sunni muslim moslem islamic islamist christian ethnic maoist tamil hutu tutsi
    communist leftist rightist right-wing left-wing nationalist radical hardline hard-line
    pro-government anti-government allied coalition joint presidential parliamentary naval
    air ground land nuclear missile strategic agriculture energy health education labor
    labour industry information culture planning investment environment transport commerce
    oil public people's puppet conservative bellicose reactionary war hostile ultra-right
    militarist imperialist aggressive religious spiritual supreme aid peacekeeping peace
    civil civilian senior-level high-ranking high-level two several many some other
    visiting outgoing incoming exiled ousted jailed detained besieged retired hardline
    moderate reformist militant extremist fundamentalist separatist rebel opposition
    police army intelligence traditional district municipal city county human rights
    policy humanitarian relief"""
)

# Nouns that make a sector word before them attributive, not an actor: "military drills",
# "police station", "government building" (lower case).
ATTRIBUTIVE_NOUNS: tuple[str, ...] = _word_tuple(
    """exercise exercises drill drills action actions operation operations parade parades
    pressure buildup build-up threat threats provocation provocations hardware equipment
    training maneuvers manoeuvres games moves base bases cooperation alliance ties
    spending budget power strength capability capabilities purposes service demarcation
    tension tensions confrontation option options solution means posture supremacy might
    intervention installations facilities hostilities affairs academy band station
    stations building buildings headquarters compound policy policies decision decree plan
    plans program programme records sources spokesman's offensive campaign strikes coup
    rule regime junta vehicle vehicles convoy camp camps post posts checkpoint checkpoints
    custody raid raids crackdown bill election elections session sessions report reports
    statement statements agreement media newspaper officials'"""
)

# Adjectives allowed between "the" and a reference noun ("the isolated state").
REFERENCE_ADJECTIVES: tuple[str, ...] = _word_tuple(
    """communist isolated reclusive secretive hermit stalinist impoverished nuclear-armed
    rogue totalitarian pariah island insular oil-rich war-torn landlocked tiny small whole
    entire neighbouring neighboring african asian arab gulf european central balkan baltic
    caribbean pacific himalayan nuclear military authoritarian current"""
)

# Nouns that refer back to a country after "the" ("the country", "the regime").
REFERENCE_NOUNS: dict[str, str | None] = {
    "country": None,
    "nation": None,
    "kingdom": None,
    "republic": None,
    "state": None,  # only with an adjective: "the communist state"
    "regime": "GOV",
    "government": "GOV",
    "administration": "GOV",
}


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Capitalised words that never continue a person's name after a title.
NAME_STOP_WORDS: frozenset[str] = _word_set(
    """The This That These Those On In At By For From With And But Or Of To He She It They
    We You His Her Its Their Our Who Which When While After Before During Since As If Mr
    Mrs Ms Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February
    March April May June July August September October November December Said Says"""
)

# Words after a leader's name that make it the name of a thing ("Kim Il Sung Square").
NAME_INSTITUTION_WORDS: frozenset[str] = _word_set(
    """University Square Prize Order Medal Stadium Street Avenue Youth Socialist Foundation
    Library Museum Memorial Airport Bridge Hall Palace Mausoleum Statue Monument Birthplace
    Centre Center School College Institute Award Park Plaza Boulevard Highway
    Kimilsungia Kimjongilia Administration Doctrine"""
)

# Words that make capitalised words after a title the name of a body, not of a person
# ("General Staff", "General Association of Korean Residents", "General Foodstuff Factory").
NAME_ORG_WORDS: frozenset[str] = _word_set(
    """Association Federation Staff Factory Bureau Department Committee Council Union
    Complex Command Headquarters Company Corporation Works Mine Farm Office Ministry Agency
    Army Navy Force Forces Guard Guards Party Front League Alliance Assembly Commission
    Political Directorate Administration Service Services Corps Federation Group Club"""
)

# Surnames written first (East Asian order): the first word of a new name is its short form.
SURNAME_FIRST: frozenset[str] = _word_set(
    """Kim Lee Ri Pak Park Choe Choi Jang Chang Jong Jung Chung Yoon Yun Moon Mun Han Kang
    Cho Jo O Oh Shin Sin Song Hwang Hong Kwon Ahn An Yu Ryu Jeon Jon Ko Ju Hyon Paek Yang
    Wang Li Zhang Liu Chen Zhao Huang Zhou Wu Xu Sun Hu Zhu Gao Lin Ma Xi Wen Qin Dong Wei
    Cao Tang Qian Mao Hua Liang Deng Jiang Yang Nguyen Tran Le Pham Hun"""
)
