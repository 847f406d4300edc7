"""What the cloze builder knows about English words, independent of any course.

The bundled common-words list (``ankibuild/data/english-words.txt``) tells a capitalised ordinary
word ("Recognised", "Weaknesses") from a name ("Malenkov"). The list leaves out regular inflections
of listed words; ``is_common`` puts them back with the same suffix rules (``_stems``).
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files


def _load(name: str) -> frozenset[str]:
    text = files("ankibuild.data").joinpath(name).read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip())


COMMON = _load("english-words.txt") | frozenset(
    # everyday words newer than the word list, which notes write as headings and in passing
    """timeline checklist flashcard mindmap online offline email website webpage smartphone
    laptop podcast selfie""".split()
)
PROPER_ADJECTIVES = _load("proper-adjectives.txt")
"""Nationality, religion and period adjectives: capitalised, yet "Soviet troops" names no one."""
PLACES_AS_WORDS = frozenset({"china", "turkey", "chile", "guinea", "jersey"})
"""Countries whose names are ordinary words too: written with a capital, they name the country."""
PLACE_ABBREVIATIONS = frozenset("uk us usa eu un ussr gb uae drc prc nz hic hics lic lics nee nees medc ledc".split())
"""Countries, unions and kinds of country by their initials: what follows one happens there or
belongs to it ("UK food", "the UK energy mix"), it names no kind of the place."""
SUBJECT_PHRASES = _load("subject-phrases.txt")
"""Terms of the sciences and geography made of ordinary words ("active site", "longshore drift")."""
SYMPTOMS = _load("symptoms.txt")
"""Symptoms and signs named in plain words ("fever", "weight loss", "night sweats"): in clinical
notes, what a presentation or a side effect is made of, and learnt as such."""
BODY_WORDS = frozenset(
    """blood urine stool faeces sweat saliva tears heart lung liver kidney brain stomach bowel gut
    intestine bladder womb uterus breast skin bone muscle nerve vein artery eye ear nose mouth
    throat tongue tooth teeth lip chest belly abdomen neck head face scalp arm hand finger leg knee
    hip foot feet toe ankle wrist elbow shoulder groin spine skull joint""".split()
)
"""The body's parts, organs and fluids as a patient names them: in clinical notes they say where
a sign is or what is sampled ("dip the urine", "liver disease"), and are seldom the fact learnt."""
SUBJECT_TERMS = _load("subject-terms.txt")
"""Hormones, organs, diseases, drugs, processes, particles and landforms that a course names in
lower case ("insulin", "pancreas", "malaria", "headland"), many of them ordinary English words too."""
HISTORY_TERMS = _load("history-terms.txt")
"""Policies, ideologies, institutions and practices that history notes name in lower case
("apartheid", "appeasement", "show trials"), many of them ordinary English words too; for the
courses the subject lists are not for."""
PROPER_NAMES = _load("proper-names.txt")
"""Words that English writes only with a capital, in lower case: mostly people's and places' names
("kissinger", "togo"), but months, days, languages and peoples too ("monday", "latin")."""

_HISTORY_WORDS = frozenset(term for term in HISTORY_TERMS if " " not in term)


def is_subject_term(word: str) -> bool:
    """Whether a lower-case word is one of the subjects' terms, or the plural of one ("antibodies")."""
    return _listed(word, SUBJECT_TERMS)


def is_history_term(word: str) -> bool:
    """Whether a lower-case word is one of history's terms, or the plural of one ("purges")."""
    return _listed(word, _HISTORY_WORDS)


def is_body_word(word: str) -> bool:
    """Whether a lower-case word names a part of the body in plain words, or several ("kidneys")."""
    return _listed(word, BODY_WORDS)


def _listed(word: str, terms: frozenset[str]) -> bool:
    if word in terms:
        return True
    if word[-1:] != "s" or word.endswith("ss"):
        return False
    if word.endswith("ies") and word[:-3] + "y" in terms:
        return True
    return word[:-1] in terms or (word.endswith("es") and word[:-2] in terms)


def ends_in_plural_s(word: str) -> bool:
    """Whether a word ends in an "-s" that makes a plural or a verb ("enzymes", "releases"), not
    one of a singular ("glass", "osmosis", "stimulus"), nor the letter "s" alone."""
    return len(word) > 1 and word[-1] == "s" and not word.endswith(("ss", "is", "us"))


_VERB_OBJECTS = frozenset("the a an more less it them its their this these those".split())


def verb_before(word: str, following: str) -> bool:
    """Whether a word in "-s" is a verb, read from the word after it: a determiner or an
    abbreviation opens its object ("releases more ADH", "blocks its receptors", "releases ADH").
    A noun in "-sis" or "-us" is none ("anaphylaxis", "stimulus")."""
    if not ends_in_plural_s(word):
        return False
    return following in _VERB_OBJECTS or (len(following) > 1 and following.isupper())


STOPWORDS = frozenset(
    """a an the and or but nor so yet if then than that this these those there their theirs they
    them he him his she her hers it its we us our you your i me my who whom whose which what when
    where why how of in on at to from by for with without within into onto upon over under after
    before during until since between among against about above below across through throughout
    towards toward despite via per as is are was were be been being am has have had having do does
    did not no can could may might must shall should will would all any some many much more most
    few several each every both either neither other another such only also very just even still
    again once here now never always often however therefore thus hence although though while
    whereas because unless whether like unlike including following according later next own same
    too instead rather quite almost nearly around most least less yes eg ie etc
    vs aka otherwise else meanwhile one ones""".split()
)

TITLES = frozenset(
    """president minister secretary chancellor premier king queen prince princess emperor empress
    tsar czar tsarina kaiser pope general admiral marshal colonel captain commander lieutenant
    sergeant chairman chairwoman governor senator congressman mayor ambassador bishop archbishop
    cardinal lord lady sir dame duke duchess earl baron sultan shah caliph pharaoh dr mr mrs ms
    prof professor doctor reverend rev leader director commissar führer fuhrer archduke
    archduchess viceroy vizier gen adm gov justice attorney brigadier pastor rabbi imam vicar lt sgt capt col
    maj cpl judge commodore sharif khedive shogun consul tribune dictator father phd dphil mphil msc bsc mbbs
    count countess viscount marquis marquess baroness""".split()
)
SAINTS = frozenset({"St", "St.", "Saint", "San", "Santa"})
"""What opens a saint's name, and the church, hospital or college named for them ("St Mary's")."""

TITLE_MODIFIERS = frozenset("prime first vice deputy foreign home general chief supreme grand acting interior".split())

CONNECTORS = frozenset("of de da di du del della der den van von vom zu zur la le les al el bin ibn ul de' y".split())
"""Lower-case words that join the capitalised parts of one name ("Republic of Germany")."""

# Verbs that notes put after a subject and before what it acts on ("iodine make soft tissue show
# up", "need bright light"): after a term they start a clause, not a longer term. Not the verbs
# that are as often the last word of a term ("means test", "public works", "turns ratio").
CLAUSE_VERBS = frozenset(
    """need needs contain contains make makes have has cause causes help helps allow allows keep
    keeps produce produces carry carries become becomes let lets get gets fails happens occurs
    explains shows give gives show increase increases decrease decreases reduce reduces""".split()
)
# Colours, which after a substance say what a test shows ("lithium crimson", "potassium lilac").
COLOURS = frozenset(
    """red orange yellow green blue purple lilac crimson violet pink white black brown grey gray
    colourless colorless""".split()
)
DETERMINERS = frozenset("the a an his her its their our your".split())
"""Words that open a noun phrase: after a verb, its object ("plan the attack", "the dose makes the poison")."""

EPITHETS = frozenset(
    """great conqueror confessor confesor terrible wise bold magnificent elder younger pious fair
    unready wake good bald just lionheart navigator martyr liberator lawgiver peacemaker impaler
    short fat lame kingmaker venerable silent red""".split()
)
"""The epithets of rulers and leaders, which follow a one-word name after "the" ("William the Conqueror")."""
EVENT_HEADS = frozenset(
    """uprising uprisings revolution revolt rebellion crisis war wars treaty treaties pact scandal
    agreement accord accords alliance charter declaration doctrine conference congress summit
    talks plan speech putsch massacre affair incident blockade airlift offensive campaign
    movement constitution act convention programme program trial trials fire crash famine purge
    purges empire dynasty republic reformation crusade raid invasion landings agreement
    flood earthquake eruption disaster tsunami hurricane riot riots strike strikes
    cycle effect law laws theorem principle equation equations syndrome disease reaction
    hypothesis theory model test scale constant process pathway method paradox amendment reich
    cells sounds classification score criteria cycles inhibitor inhibitors blocker
    blockers agonist agonists antagonist antagonists analogue analogues culture boycott sit-in
    distribution reagent fragments bodies report compromise
    sit-ins stain dish dishes mask manoeuvre maneuver sign signs reflex
    burner burners filter factor tear index scheme tumour tumours formula thickness breathing gangrene lesion lesions
    spots protein calendar mutiny mutinies curve curves coefficient catheter wager phenomenon phenomena
    pump shunt nomogram""".split()
)
"""Nouns that make a named event, document, law or theory of the words before them, or a sign,
tumour or test named after someone ("Roth spots", "Pancoast tumour")."""

NAMED_THING_HEADS = frozenset(
    """diagram diagrams experiment experiments criterion radius wavelength limit series acid acids
    frequency machine units interpretation barrier letter telegram reforms""".split()
)
"""Nouns of the sciences that a person's name makes one term of ("Feynman diagrams", "Chandrasekhar
limit", "Lewis acids"), but not a body's, a people's nor an ordinal's ("FDR limit", "Bolsheviks
experiment", "second series"), and not as a verb ("Hitler limit on")."""

PLATE_HEADS = frozenset({"plate", "plates"})
"""A tectonic plate is named by a place or a proper adjective: "Eurasian plate", "Nazca plate"."""

ORG_HEADS = frozenset(
    """party parties police army navy council committee union league assembly parliament
    government front church bank university college company society institute""".split()
)
"""Nouns that name an institution only after an already capitalised phrase."""

PLACE_HEADS = frozenset(
    """treaty league republic battle siege bay gulf sea lake river mount cape isle island islands
    strait straits kingdom federation commonwealth union university college bank church house hall
    palace tower bridge duchy peace edict act council congress committee ministry department
    bureau court order society company institute museum declaration bill charter statute
    convention conference congress war wars day night government club protocol field""".split()
)
"""Nouns that begin a name of the form "X of Y" (Treaty of Versailles, League of Nations)."""

EPONYM_HEADS = frozenset(
    """law laws disease syndrome principle theorem constant equation equations eqn cycle razor
    paradox hypothesis conjecture postulate sign reflex palsy area triad rule capsule phenomenon
    test stain tear node nodes duct loop criteria score scale classification manoeuvre
    maneuver reagent solution index theory point fracture pentad paresis fingers oesophagus ulcer
    ulcers cyst cysts hernia procedure operation contracture tumour tumours triangle gangrene
    plexus diverticulum patches apparatus curve modulus glands rules anomaly postulates
    angle line lines iodine wort pouch pulse squirrel finch finches gazelle swan""".split()
)
"""Nouns that make one term of a possessive name ("Hooke's law", "Parkinson's disease",
"Corrigan's pulse"), with the animals a species is named by after a person ("Abert's squirrel",
"Darwin's finches")."""

EPONYM_DISEASE_ENDINGS = (
    *("itis", "oma", "omas", "osis", "opathy", "plasia", "algia", "aemia", "emia"),
    *("myotomy", "ectomy", "plasty"),
)
"""Endings of diseases and operations named after who described them: "Kaposi's sarcoma",
"Hashimoto's thyroiditis", "Ramstedt's pyloromyotomy", "Wertheim's hysterectomy" (not "otomy":
"Marx's dichotomy"). A patient's operation reads the same ("Eden's cholecystectomy")."""

POSSESSIVE_PLACES = frozenset(
    """hospital hospice college university cathedral church chapel abbey priory school academy park
    square street road bridge bank hall island bay wood cross inn gate court day end bureau""".split()
)
"""Nouns that keep a possessive inside a name ("St Mary's Hospital", "King's College",
"International Women's Day")."""

ADJECTIVE_ENDINGS = ("ative", "itive", "ic", "ical", "ious", "eous", "ular", "ory", "ible", "able", "tial", "ional")
"""Endings of technical adjectives ("Oxidative", "Anaerobic"): such a word opening a line is
no name, but with the noun after it may be a term ("Oxidative phosphorylation")."""

DRUG_STEMS = (
    "olol",
    "pril",
    "sartan",
    "statin",
    "mab",
    "cillin",
    "mycin",
    "floxacin",
    "azole",
    "tidine",
    "dipine",
    "parin",
    "vir",
    "tinib",
    "afil",
    "triptan",
    "setron",
    "lukast",
    "caine",
    "codone",
    "profen",
    "oxetine",
    "azepam",
    "azolam",
    "semide",
    "thiazide",
    "cycline",
    "dronate",
    "gliptin",
    "glitazone",
    "formin",
    "pramine",
    "triptyline",
)
"""Endings of international drug names: such a word is a name even in lower case."""

SCIENCE_ENDINGS = (
    "cose",
    "tose",
    "crose",
    "ulose",
    "ylose",
    "itis",
    "osis",
    "aemia",
    "emia",
    "opathy",
    "noma",
    "coma",
    "ctomy",
    "otomy",
    "oscopy",
    "algia",
    "phobia",
    "plegia",
    "penia",
    "plasia",
)
"""Endings of sugars ("glucose", "cellulose"), inflammations, conditions, tumours, operations and
diseases ("tuberculosis", "anaemia", "neuropathy", "melanoma", "salpingectomy", "photophobia"): a
name even when the word is also ordinary English."""
SCIENCE_EXCEPTIONS = ("gnosis", "dichotomy", "nostalgia", "xenophobia", "homophobia")
"""Endings of ordinary words that look scientific: "diagnosis", "dichotomy", "nostalgia"."""

# Routine observations, dose frequencies and routes in clinical notes: read on every ward round,
# they are how a fact is written, never the fact being learnt ("HR ≥ 110", "500 mg TDS").
UNIT_WORDS = frozenset(
    """m cm mm km dm nm um g kg mg ug s ms ml l dl h hz n j kj w kw v mv a t pt wk wks yr yrs min mins
    hr hrs sec mmol mol""".split()
)
"""Units written in small letters after a number ("5 mg", "2 wk"): never names, whatever else
the course writes them for ("MG" for myasthenia gravis)."""
ROUTINE_SHORTHAND = frozenset("bp hr rr sats spo2 temp od bd tds qds prn po sc im nbm stat pmh dh sh".split())
EXAM_COMMANDS = frozenset(
    """explain describe compare evaluate assess discuss analyse analyze justify outline summarise
    summarize define identify suggest calculate examine contrast annotate sketch predict""".split()
)
"""The command words of exam questions ("Assess Stalin as leader", "Evaluate SEZs: ...")."""
# What a clinician does to a patient, in the verbs notes write as instructions ("titrate weekly",
# "aspirate + IV benzylpenicillin", "can cardiovert"): what is done, not a term to learn.
CLINICAL_VERBS = frozenset(
    """titrate aspirate transfuse cardiovert intubate extubate ventilate cannulate catheterise catheterize
    resuscitate oxygenate pre-oxygenate defibrillate irrigate escalate""".split()
)
GIVEN_AS = frozenset({"bolus", "boluses"})
"""How a dose goes in ("500 mL bolus", "alteplase 10 mg bolus"): the dose is the fact, the manner
is how every such dose is given."""
INSTRUCTIONS = (
    EXAM_COMMANDS
    | CLINICAL_VERBS
    | frozenset(
        """add give start stop check use avoid consider offer treat take monitor measure reduce increase
        switch prescribe refer repeat draw list remember learn note see""".split()
    )
)
"""Verbs that open an instruction in notes ("add dapagliflozin (...)", "give pyridoxine") or an
exam's command: no term."""
SHORT_GENERA = ("Staph", "Strep", "Strept")
"""Genera written clipped before a species: "Staph aureus", "Strep pneumoniae"."""
DRUG_LABELS = frozenset("SE SEs OD BD TDS QDS PRN".split())
"""Shorthand after a drug's name that labels what follows or says how it is given ("SSRI SE: ...",
"TCA OD: broad QRS", "PPI OD"): never part of the name, and no term a line defines."""

PARTICLES = frozenset("up down off away back over along around".split())
CLAUSE_ADVERBS = frozenset("first then again also too now later alone only".split())
"""Adverbs that end a clause ("obey the soviet first", "(Britain first)"): no noun after a word."""
"""The particles of phrasal verbs ("hold up", "given off", "carbon away"): no noun, so no kind of
anything nor part of a term."""

GENERAL_NOUNS = frozenset(
    """molecule molecules head heads tail tails end ends cause causes movement direction pole leg side
    sides part parts region conditions changes""".split()
)
"""Nouns too general for an adjective to name a kind of them: "hydrophilic head", "intracellular
molecule", "pituitary cause" use the adjective as the fact."""

COMPASS_POINTS = frozenset("N S E W NE NW SE SW NNE ENE ESE SSE SSW WSW WNW NNW".split())
"""A bearing, never a name: "flows NW to the Solway Firth", "in the SW", "NW India"."""

NOTE_SHORTHAND = frozenset(
    """nb aka eg ex def defn vs paeds peds derm derms opthal ophthal ophth gynae o&g q&a asap psych neuro cardio
    resp gastro assoc ipsilat contralat eq eqs eqn eqns mp eval ao1 ao2 ao3 ao4 crits indep
    rheum onc ortho pharm ent haem heme govt govts esp approx incl hq osce osces peel lec wr ok micro
    immuno geri geris stats biochem physiol id tox hx dx mx rx tx ix sx
    urology nephrology rheumatology haematology hematology dermatology ophthalmology orthopaedics
    orthopedics gastroenterology endocrinology neurology cardiology oncology geriatrics""".split()
)
"""The abbreviations of notes' own remarks ("NB", "AKA", "WR" for a ward round, "Lec", "OK"), of the
specialties that head them ("Paeds", "Derm", "ENT", "ID", "Tox"), the specialties themselves
("urology: stones", "cardiology") and of the exam station or essay frame they
follow ("OSCE", "PEEL"), which name nothing to learn; "CF", "IE" and "SE" name things too."""

ELEMENTS = frozenset(
    """hydrogen helium lithium beryllium boron carbon nitrogen oxygen fluorine neon sodium
    magnesium aluminium aluminum silicon phosphorus sulfur sulphur chlorine argon potassium calcium
    scandium titanium vanadium chromium manganese cobalt nickel zinc gallium germanium arsenic
    selenium bromine krypton rubidium strontium zirconium molybdenum palladium cadmium indium
    antimony tellurium iodine xenon caesium cesium barium tungsten platinum mercury radium uranium
    plutonium radon thorium polonium yttrium niobium technetium ruthenium rhodium lanthanum cerium
    neodymium europium gadolinium thallium bismuth astatine francium actinium protactinium neptunium
    americium curium californium""".split()
)
"""Chemical elements a student meets, but not those that are everyday words in other senses
("iron", "lead", "tin", "gold", "silver", "copper"): in lower case, a term of the subject."""

EVERYDAY_ELEMENTS = frozenset("iron copper silver tin gold lead".split())
"""The elements whose names are everyday words too: names with a mass number ("iron-56", "lead-208")
or before a salt word ("silver nitrate")."""

SALT_WORDS = frozenset(
    """oxide oxides dioxide monoxide trioxide hydroxide chloride chlorides bromide iodide fluoride
    peroxide sulfate sulphate sulfates sulphates sulfide sulphide nitrate nitrates nitrite carbonate
    carbonates hydrogencarbonate bicarbonate phosphate phosphates silicate acetate ions ion""".split()
)
"""The second word of a compound's name after its element or ion ("carbon dioxide", "copper
sulfate", "hydroxide ions"): the two make one term."""

NUMBERED = frozenset(
    """article art section clause amendment chapter paragraph resolution protocol directive
    regulation proposition phase stage vitamin type""".split()
)
"""Words that name a thing together with the number after them ("Article 48")."""

IRREGULAR_PAST = frozenset(
    """met told made gave sent led took saw said became won lost left kept let put set beat
    brought bought fought thought taught caught sought held built began got went came ran wrote
    chose drove rose fell felt found heard knew meant paid read sold spent stood struck swore
    threw understood wore overthrew withdrew forbade repaid laid shed grew drew flew shook
    broke spoke stole froze hid bit rode""".split()
)

IRREGULAR_PARTICIPLES = frozenset(
    """given taken seen known shown grown drawn thrown written driven risen fallen broken spoken
    stolen frozen hidden chosen forgotten begun done gone""".split()
)
"""Past participles with no "-ed" ("oxygen given off"): kept apart from the past tenses, since a
participle also heads terms ("hidden hunger", "frozen shoulder")."""

MONTHS = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday mon tue tues thu thur thurs fri".split())


INFLECTED_ENDS = frozenset("sdgy")  # the last letters of "-s", "-es", "-ies", "-ed", "-ied", "-ing", "-ly"


def _stems(word: str) -> list[str]:
    """Candidate base forms of a lower-case word under regular English inflection."""
    out: list[str] = []
    if word[-1:] not in INFLECTED_ENDS:
        return out  # most words: no inflection ends in their last letter
    n = len(word)
    if n > 4 and word.endswith(("ies", "ied")):
        out.append(word[:-3] + "y")
    if n > 3 and word.endswith("es") and word[:-2].endswith(("s", "x", "z", "ch", "sh", "o")):
        out.append(word[:-2])  # "boxes", "churches", not "James"
    if n > 3 and word.endswith("s") and not word.endswith("ss"):
        out.append(word[:-1])
    if n > 4 and word.endswith("ed"):
        out += [word[:-2], word[:-1]]
        if word[-3] == word[-4]:
            out.append(word[:-3])
    if n > 5 and word.endswith("ing"):
        out += [word[:-3], word[:-3] + "e"]
        if word[-4] == word[-5]:
            out.append(word[:-4])
    if n > 5 and word.endswith("ly"):
        out.append(word[:-2])
        if word.endswith("ily"):
            out.append(word[:-3] + "y")
    return out


@lru_cache(maxsize=65536)
def is_common(word: str) -> bool:
    """Whether a lower-case word is an ordinary English word (in the list or inflected from one)."""
    if word in COMMON or word in STOPWORDS:
        return True
    return not COMMON.isdisjoint(_stems(word))


PROPER_ADJECTIVE_FORMS = PROPER_ADJECTIVES | frozenset(word + "s" for word in PROPER_ADJECTIVES)
"""The nationality and similar adjectives, and their plural nouns ("soviet", "soviets")."""


def is_proper_adjective(word: str) -> bool:
    """Whether a lower-case word is a nationality or similar adjective, or its plural noun."""
    return word in PROPER_ADJECTIVE_FORMS


_PARTICIPLES = ("ated", "ised", "ized", "ured", "lysed", "lyzed")


def is_participle(word: str) -> bool:
    """Whether a lower-case word reads as a technical participle ("phosphorylated", "denatured")."""
    return word.endswith(_PARTICIPLES)


_SHORT_NON_VERBS = frozenset("red bed holy ugly lily king ring wing".split())


def is_verb_like(word: str) -> bool:
    """Whether a lower-case common word reads as a verb or adverb at the start of a sentence.

    Terse notes start lines with verbs ("Denounced Stalin", "Invades Hungary"); such a word is
    not the first part of the name after it.
    """
    if word in STOPWORDS or word in IRREGULAR_PAST:
        return True
    if word.endswith(("ed", "ing", "ly")):
        return word not in _SHORT_NON_VERBS  # "Denounced", "Wed"; not "Red", "King", "Holy"
    # "Invades", "fails" (and plurals, which read the same); a short word only when its stem is a
    # word: "bus", "gas" are nouns; "crisis", "virus" never verbs.
    if not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return False
    return len(word) > 4 or is_common(word[:-1]) or (word.endswith("es") and is_common(word[:-2]))
