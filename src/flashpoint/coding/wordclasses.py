"""Word classes: the nouns (and a few adjectives) trigger rules test arguments against.

A trigger rule says, for example, that "fire" is MOBILIZE `weapons` when one of its
arguments is in the class `weapon`. Classes hold lemmas (lower case, singular).
"""

from __future__ import annotations

from typing import Final


def words_of(text: str) -> frozenset[str]:
    """The white-space separated words of a string, as a set."""
    return frozenset(text.split())


WORD_CLASSES: Final[dict[str, frozenset[str]]] = {
    "weapon": words_of(
        "missile missiles rocket projectile satellite warhead icbm irbm slbm srbm mrbm hwasong "
        "hwasongpho taepodong nodong musudan pukguksong scud kn frog unha chollima haeil "
        "kwangmyongsong "
        "launcher ballistic cruise hypersonic artillery shell howitzer mlrs torpedo weapon "
        "munition ammunition bomb drone uav interceptor salvo round engine vehicle cannon"
    ),
    "nuclear": words_of(
        "nuclear atomic thermonuclear hydrogen h-bomb device detonation underground plutonium "
        "uranium enrichment reactor"
    ),
    "attack": words_of(
        "attack strike airstrike air-strike offensive assault raid bombardment invasion "
        "incursion bombing shelling ambush counterattack counteroffensive onslaught "
        "blow barrage retaliation hostility fighting massacre"
    ),
    "troops": words_of(
        "troop force soldier army military unit battalion brigade division regiment reservist "
        "warship ship vessel fleet carrier submarine destroyer jet fighter bomber aircraft "
        "plane tank marine navy personnel contingent reinforcement peacekeeper guard militia"
    ),
    "police": words_of("police policeman officer riot-police gendarme"),
    "alert": words_of("alert readiness standby combat-readiness posture"),
    "drill": words_of("exercise drill maneuver manoeuvre wargame game training"),
    "talks": words_of(
        "talk negotiation dialogue meeting summit discussion consultation conference "
        "mediation parley session round table negotiating"
    ),
    "aid": words_of(
        "aid asylum refuge arm assistance help relief supply food medicine grain rice fertilizer loan credit "
        "grant fund funding donation money dollar euro yuan yen compensation shipment "
        "vaccine equipment support cooperation investment"
    ),
    "sanction": words_of("sanction embargo tariff restriction blacklist penalty measure"),
    "ties": words_of("tie relation link contact exchange cooperation"),
    "diplomat": words_of(
        "diplomat ambassador envoy attache consul embassy mission inspector observer monitor "
        "staff representative"
    ),
    "detainee": words_of(
        "prisoner hostage detainee captive abductee national citizen crew crewman fisherman "
        "sailor soldier pow remains body defector tourist journalist student activist worker "
        "missionary suspect"
    ),
    "people": words_of(
        "migrant refugee immigrant foreigner national citizen journalist worker asylum-seeker "
        "resident family people individual person activist official diplomat"
    ),
    "property": words_of(
        "property asset house home building office land farm vehicle ship vessel boat cargo "
        "goods shipment tanker plane aircraft equipment newspaper station weapon territory "
        "village town city area island border crossing"
    ),
    "territory": words_of(
        "stronghold base position outpost settlement territory land area island region town city village province border peninsula "
        "crossing town"
    ),
    "water": words_of("sea ocean water waters gulf bay strait east west coast air sky"),
    "restriction": words_of(
        "curfew emergency restriction ban measure sanction embargo control law blockade limit"
    ),
    "blockade": words_of("blockade siege closure"),
    "agreement": words_of(
        "agreement treaty accord deal pact memorandum protocol declaration charter convention "
        "contract plan proposal resolution settlement"
    ),
    "protest": words_of(
        "protest demonstration rally march strike sit-in walkout boycott riot unrest picket"
    ),
    "investigation": words_of("investigation probe inquiry inspection"),
    "ceasefire": words_of("ceasefire cease-fire truce armistice"),
    "crowd": words_of(
        "protester protestor demonstrator student worker resident citizen civilian activist "
        "supporter crowd youth villager farmer teacher union unionist opposition people "
        "thousand hundred dozen ten employee miner driver doctor nurse member follower "
        "trader merchant woman man pensioner voter group pilot trucker docker lawyer "
        "unionist"
    ),
    "fire_at": words_of("at on upon"),
    "document": words_of(
        "statement message video footage photo photograph picture image report book data "
        "figure statistic album song film movie documentary list detail information result "
        "record study paper document declaration transcript letter communique guideline "
        "program programme version recording audio tape poll survey memoir novel trailer "
        "single edition issue text plan budget report white manifesto"
    ),
    "abstract": words_of(
        "hegemony power opportunity chance initiative moment momentum advantage lead "
        "attention imagination headline spotlight limelight day mantle idea balance chord "
        "note tone pose nerve match"
    ),
    "information": words_of(
        "intelligence information data technology expertise experience know-how evidence "
        "knowledge secret findings finding assessment"
    ),
    "online": words_of(
        "website site web internet access account content platform app page channel "
        "broadcast network service post"
    ),
    "scourge": words_of(
        "fire blaze flame wildfire bushfire disease virus pandemic epidemic cancer "
        "poverty corruption crime inflation drought addiction hunger famine flood illness "
        "infection malaria covid-19 unemployment odds tear"
    ),
    "plea": words_of("guilty innocent"),
    "nature": words_of(
        "downpour rain rainfall rainstorm storm typhoon hurricane cyclone flood flooding "
        "earthquake quake tsunami landslide mudslide drought heatwave blizzard snowstorm "
        "tornado disaster wildfire bushfire avalanche eruption"
    ),
    # What makes a "strike" a labour one: its kind, or the people who strike
    "labour": words_of(
        "general hunger sit sit-in work labour labor worker union unionist employee "
        "teacher doctor nurse miner driver trucker pilot docker staff industrial "
        "nationwide warning token"
    ),
    # What makes a strike or bombing one from the air
    "aircraft": words_of(
        "air aerial aircraft airplane plane warplane jet bomber fighter-bomber helicopter "
        "gunship airforce air-force b-52"
    ),
    # What makes a strike one by heavy weapons
    "missile": words_of("missile rocket artillery cruise ballistic"),
    "protester": words_of(
        "protester protestor demonstrator crowd rioter marcher picketer striker mob"
    ),
    "target": words_of(
        "target limit goal requirement need deadline standard criterion criteria "
        "expectation obligation quota threshold benchmark commitment demand-side taste need"
    ),
    "quality": words_of(
        "ability capability honor honour strength power resolve will commitment might "
        "spirit skill superiority determination readiness talent potential prowess mettle "
        "value importance vitality validity"
    ),
    "inspector": words_of("inspector investigator monitor observer fact-finder"),
    "armed": words_of("rebel insurgent militant guerrilla guerilla fighter separatist militia"),
    "intangible": words_of(
        "peace stability order trust confidence hope economy system career reputation "
        "credibility dream future life lives livelihood environment balance"
    ),
    "norm": words_of("law convention treaty charter rule regulation protocol"),
    "bloc": words_of(
        "alliance bloc coalition partnership relationship cooperation tie ties pact axis"
    ),
    "goodwill": words_of(
        "greeting greetings congratulation congratulations congratulatory condolence "
        "condolences condolatory sympathy sympathies thanks gratitude wreath basket bouquet "
        "gift felicitation felicitations well-wishes card"
    ),
    # what a pledge of support swears: "vowed loyalty to", "pledged allegiance to"
    "loyalty": words_of("loyalty allegiance fealty fidelity"),
    "dignitary": words_of(
        "delegation delegate minister president premier leader envoy diplomat official "
        "secretary chairman ambassador chancellor king queen prince"
    ),
    "work": words_of("work job workplace class duty shift"),
    "stone": words_of("stone rock molotov firebomb petrol-bomb brick bottle"),
    "demand": words_of(
        "demand appeal call request proposal offer plan ultimatum invitation charge "
        "accusation allegation claim criticism report"
    ),
    "hosted": words_of(
        "refugee migrant immigrant asylum-seeker displaced game games olympics olympic "
        "tournament cup championship festival concert exhibition show fair expo party "
        "podcast program programme"
    ),
    "ruling": words_of(
        "ruling rule verdict sentence conviction decision order judgment judgement acquittal"
    ),
    "amount": words_of(
        "expenditure spending budget cost allotment price tax tariff rate output "
        "production number level percentage share expense outlay"
    ),
    "road": words_of(
        "road street highway motorway traffic transport bridge entrance railway rail track port "
        "route junction intersection crossing border-crossing artery"
    ),
    "media": words_of(
        "journalist reporter correspondent interviewer press media newspaper outlet "
        "broadcaster voa bbc cnn reuters afp yonhap interview comment podcast"
    ),
    "commentator": words_of(
        "analyst expert observer researcher scholar professor commentator economist "
        "academic author historian writer pundit columnist specialist"
    ),
    "weapon_mod": words_of("test-fire test-firing firing test"),
    # Places one tours or inspects rather than parties one calls on ("visited the factory")
    "site": words_of(
        "statue palace factory farm plant mill complex site house home museum exhibition "
        "tower cemetery birthplace school university college hospital construction shop "
        "room tent bier station mausoleum monument memorial park stadium hall venue "
        "centre center institute enterprise mine workshop shrine grave tomb resort "
        "orphanage nursery kindergarten camp apartment flat dwelling place spot bed "
        "ward clinic theatre theater library gallery zoo garden area county district province"
    ),
    # Groups a leader praises, thanks or honours at home: no party of an international act
    "citizenry": words_of(
        "worker player coach official scientist technician builder soldier serviceperson "
        "servicemen serviceman veteran martyr student teacher researcher employee innovator "
        "winner athlete sportsperson performer artiste artist youth farmer designer "
        "engineer doctor nurse family mourner participant member miner cadre laborer "
        "labourer pupil schoolchild child officer fighter hero heroine personnel staff "
        "owner resident villager relative citizen inhabitant neighbour neighbor "
        "colour color portrait flag photo photograph picture hardware"
    ),
    # What a state defends as its own: "defend the national sovereignty", "defend socialism"
    "own_cause": words_of(
        "sovereignty security interest dignity socialism revolution homeland motherland "
        "fatherland independence system cause gain achievement idea leadership party"
    ),
    # What one calls an adversary's act when denouncing it ("termed the drills a provocation")
    "wrongdoing": words_of(
        "provocation crime violation threat aggression terrorism terrorist criminal "
        "infringement encroachment lie sophism farce racket aggressor warmonger provocateur "
        "rogue outrage atrocity invasion interference intervention blackmail piracy "
        "illegal unlawful illegitimate unacceptable provocative reckless irresponsible "
        "outrageous deplorable despicable heinous hypocritical groundless unjustified "
        "unwarranted absurd"
    ),
    # What a warning says the other side will suffer: "will face grave consequences"
    "penalty": words_of(
        "consequence price penalty punishment retaliation retribution reprisal wrath countermeasure"
    ),
    # Good wishes one state sends another: "wished the president success"
    "wellbeing": words_of(
        "success health prosperity happiness wellbeing well-being welfare luck progress "
        "longevity peace"
    ),
    # Feelings one shares with others: "shared joy with the owners" (no cooperation)
    "feeling": words_of(
        "joy happiness sorrow grief pain emotion feeling pleasure delight excitement "
        "concern worry anger pride experience rage fury fear panic terror horror dread "
        "alarm anxiety despair indignation remorse"
    ),
    # What an "offer" of insight is: "offers a glimpse of", "offered proof"
    "insight": words_of(
        "glimpse insight view lesson example proof evidence clue hint picture opportunity "
        "chance explanation perspective reminder"
    ),
    # What one "meets" that is no party: "met their deaths", "met with opposition"
    "outcome": words_of(
        "death end fate demise opposition criticism resistance condemnation response "
        "reaction approval success failure resolve rejection skepticism scepticism "
        "disapproval derision ridicule silence applause acclaim rival opponent challenger "
        "competitor"
    ),
}

# Reverse map: lemma -> the classes it belongs to.
CLASSES_OF: Final[dict[str, frozenset[str]]] = {}


def _build_reverse() -> None:
    reverse: dict[str, set[str]] = {}
    for name, words in WORD_CLASSES.items():
        for word in words:
            reverse.setdefault(word, set()).add(name)
    CLASSES_OF.update({word: frozenset(names) for word, names in reverse.items()})


_build_reverse()


def classes_of(lemma: str) -> frozenset[str]:
    """The word classes of a lemma (lower-cased; a plural 's' is tolerated)."""
    word = lemma.lower()
    found = CLASSES_OF.get(word)
    if found is None and word.endswith("s"):
        found = CLASSES_OF.get(word[:-1])
    if found is None and "-" in word:
        # "Hwasong-17", "KN-23": a weapon family name with a number
        parts = [CLASSES_OF.get(p) for p in word.split("-")]
        found = frozenset().union(*(p for p in parts if p))
    return found or frozenset()
