"""Where the blank of a name begins and ends, once the detectors have found it.

Detectors find words; a few names reach past the word they were found by:

- an ion takes its charge ("Cu2+", "Na+"), or the card asks for half a symbol;
- a classifying adjective found alone takes the noun it classifies ("magnetic field"): the
  adjective alone is rarely the fact;
- two lower-case terms side by side are one term ("palisade mesophyll", "bronchodilator
  reversibility"): notes do not write two terms in a row without a mark between them; an
  abbreviation owns the term after it ("DNA polymerase"), and a one-word name a species or an
  enzyme ("Homo sapiens", "Taq polymerase");
- a term takes the part or tool it names ("ester bonds", "biuret reagent"), a name the cells,
  fibres or apparatus named by it ("QRS complex", "Purkyne fibres", "iPS cells");
- a structure takes the side it is on ("right atrium");
- a chemical name takes the rest of it: a salt's second word ("carbon dioxide", "copper
  sulfate"), an isotope's mass number ("carbon-14"), or the noun an element qualifies ("helium
  nucleus");
- a species name takes its genus when the genus is shortened ("C. difficile", "Staph aureus");
- a name takes a prefix joined to it ("sub-Saharan Africa", "anti-CCP");
- an anatomist's name takes the structure named after them ("loop of Henle");
- a ruler's name takes its epithet ("William the Conqueror"), and in notes written in small
  letters its regnal number too ("james ii"); a place takes the treaty, battle or congress
  named after it ("peace of westphalia"), a name in small letters the event or body ("meiji
  restoration");
- a term takes the code that sorts it ("70S ribosomes", "1,4 glycosidic bonds"), an
  abbreviation a technical adjective in "-ic" ("euglycaemic DKA");
- a possessive name alone before a mark, "vs", "or", "+", "&", an arrow or a bracket keeps its
  "'s": it stands for what it names ("Crohn's vs UC" for Crohn's disease);
- a person's name takes the initials before it ("J.J. Thomson", "W. E. B. Du Bois");
- a name numbered after it takes its number ("group 1", "Apollo 15"), not a range ("Likert
  1-5"), a scale its reading ("Mw 7.0");
- a quantity leaves out the letter that stands for it before a sum ("capacitance C = Q/V");
- and some capitals name nothing: a unit after a number ("50 Hz"), the symbols of a formula
  that does a sum ("V = IR", "ΔG = ΔH − TΔS") and the formulas of a symbol equation or a cell
  diagram ("Al3+ + 3e- → Al").

Some names are known by how they are written, and are found here too: a species with its genus
shortened ("E. coli"), antibodies ("anti-CCP"), abbreviations that start in lower case ("eGFR")
or with a digit ("4AT"), and genes named in small letters with a number ("p53").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .classes import is_roman
from .definitions import WIDE_GAP
from .technical import is_species_name
from .tokens import NEXT_WORD, starts_sentence
from .words import (
    ADJECTIVE_ENDINGS,
    CLAUSE_ADVERBS,
    CLAUSE_VERBS,
    COLOURS,
    ELEMENTS,
    EPITHETS,
    EVERYDAY_ELEMENTS,
    GENERAL_NOUNS,
    IRREGULAR_PARTICIPLES,
    IRREGULAR_PAST,
    NOTE_SHORTHAND,
    NUMBERED,
    PARTICLES,
    PLACE_ABBREVIATIONS,
    PROPER_NAMES,
    ROUTINE_SHORTHAND,
    SAINTS,
    SALT_WORDS,
    SCIENCE_ENDINGS,
    SHORT_GENERA,
    STOPWORDS,
    UNIT_WORDS,
    is_common,
    is_participle,
    is_proper_adjective,
    is_subject_term,
    is_verb_like,
    verb_before,
)

Span = tuple[int, int]

# A chemical formula written with the symbols of elements and digits: "Na", "Cu2", "SO4", not "HER2".
_ELEMENT_SYMBOLS = sorted(
    """H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge As Se Br
    Kr Rb Sr Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er
    Tm Yb Lu Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U Np Pu Am Cm Bk Cf Es Fm Md
    No Lr Rf Db Sg Bh Hs Mt Ds Rg Cn Nh Fl Mc Lv Ts Og""".split(),
    key=len,
    reverse=True,  # two letters before one: "Cl" before "C"
)
_FORMULA = re.compile(rf"(?:(?:{'|'.join(_ELEMENT_SYMBOLS)})\d*)+")
# A single bond between two atoms, or an atom and a halogen's letter: "C-H", "O–H", "C-X".
_SINGLE_BOND = re.compile(rf"(?:{'|'.join(_ELEMENT_SYMBOLS)})[-–](?:{'|'.join(_ELEMENT_SYMBOLS)}|X)")
# Words that say what form an element is in, not what kind of thing: "chlorine gas".
_STATES = frozenset("gas gases liquid solid vapour vapor atom atoms molecule molecules".split())
# Nouns for a part, tool, drug or operation made of a term: "ester bonds", "biuret reagent",
# "prostaglandin analogue", "thrombin inhibitor", "sodium channels", "electron microscope", "liver
# transplant".
_PARTS = frozenset(
    """bond bonds bridge bridges group groups reagent reagents analogue analogues analog analogs
    agonist agonists antagonist antagonists inhibitor inhibitors blocker blockers channel channels
    pump microscope microscopes transplant transplants layer layers tube tubes envelope carriers space
    genes nerve nerves toxin toxins dimer dimers""".split()
)
# The events, states and bodies a name in small letters may be part of ("meiji restoration",
# "frankfurt parliament", "geneva accords"); not after a subject's term ("an asthma plan").
_EVENT_PARTS = frozenset(
    """restoration parliament mission confederation empire republic revolution war wars treaty pact
    dynasty shogunate rebellion uprising crisis accords accord conference plan emergency fleet""".split()
)
_PART_STARTS = tuple(sorted({" " + part[:4] for part in _PARTS | _EVENT_PARTS}))
_AMOUNTS = frozenset("range level levels dose doses content intake ratio max min maximum minimum".split())
# Words of order after a drug's name: "calcium gluconate first", "lithium then".
_ORDER_WORDS = frozenset("first last next then".split())
_QUALITY_ENDINGS = ("ic", "al", "ous", "ive", "able", "ible", "ent", "ant")
# What is left of a contraction before its apostrophe: "hydrogen don't", "iodine isn't".
_CONTRACTED = frozenset("don doesn didn isn aren wasn weren won can couldn shouldn".split())
_MAX_NOUNS = 2
# A genus written short: a capital and a full stop, or a clipped name ("Staph", "Strep").
_GENUS_REACH = max(map(len, SHORT_GENERA)) + 1  # the longest short genus: no need to search the whole line
_SHORT_GENUS = re.compile(rf"(?<![\w.])(?:[A-Z]\.|{'|'.join(SHORT_GENERA)}) $")
_SPECIES = re.compile(r"(?<![\w.])[A-Z]\. ([a-z]{3,})\b")
# What completes a chemical name: " dioxide", "-14".
_CHEMICAL_REST = re.compile(r" ([a-z]+)\b|-\d{1,3}m?\b")  # "technetium-99m": the metastable state
# A number (or a number and its part, "19-9") after a name, then a mark or the end: "group 1)".
# A number that ends a name's words: before a mark, a bracket or a verb in the past with no word
# after it in small letters ("Apollo 11 (1969)", "Sputnik 1 launched Oct 1957"); with a noun after
# it, it counts ("Britain 2 million troops", "Britain 4 armoured divisions").
_ITS_NUMBER = re.compile(r" (\d{1,3}(?:-\d{1,2})?)(?=[)\],;:.!?]|$| \(| [a-z]{3,}ed\b(?! [a-z]))(?![.,:]\d)")
# A two-letter symbol of a scale ("Mw", "ML") and the reading after it ("Mw 7.0").
# The symbols of the scales of earthquakes and eruptions, which take their reading ("Mw 7.0",
# "VEI 5"); not an element: "Mg 0.6 mmol/L".
_SCALE_SYMBOL = re.compile(r"(?<![\w\-])(?:M[wL]|VEI)\Z")
_READING = re.compile(r" \d{1,2}(?:\.\d)?(?!\d|[.,]\d)")
# A charge typed after a space, and nothing of a word or number after it: "SO4 2-".
_SPACED_CHARGE = re.compile(r" [1-4][+\-−](?![\w+\-−])")
# The bracketed groups of a formula, and the symbols between them: "(OH)2", "(NH3)4(H2O)2".
_GROUPS = re.compile(rf"(?:\((?:{_FORMULA.pattern})\)\d*(?:{_FORMULA.pattern})?)+(?:\d?[+\-−](?![\w+\-−]))?")
_CHARGE_STARTS = frozenset("+-−123456789⁺⁻")
_SUFFIX_LETTERS = frozenset("BCDEFGHJKLMNOPQRSTUVWXYZ")  # not "A" nor "I", which are words
_SUM_GOES_ON = re.compile(r" ?[=∝<>≤≥≈×÷/+\-−]")
_SUPERSCRIPT_CHARGES = frozenset("⁺⁻")
_FORMULA_LENGTH = 12  # "C6H12O6", "CH3COOH": longer names are no formulas
# A complex ion in square brackets, ligands in small letters too: "[Cu(H2O)6]2+", "[Cu(en)3]2+".
_COMPLEX = r"\[(?:[A-Z][a-z]?\d*|\((?:[A-Z][a-z]?\d*|[a-z]{1,3})+\)\d*)+\]\d*"
# A charge in plain or raised figures: "2+", "-", "²⁺", "⁻"; a count in plain or lowered ones: "SO4", "SO₄".
_ION_CHARGE = r"(?:\d?[+\-−]|[²³⁴]?[⁺⁻])"
_SPECIES_SYMBOL = (
    rf"(?:(?:\d*|½)•?(?:[A-Z][a-z]?[\d₀-₉]*|\((?:[A-Z][a-z]?\d*)+\)\d*|{_COMPLEX})+•?"  # "CO2", "Fe(OH)2", "Cl•", "½O2"
    rf"(?:{_ION_CHARGE}(?=\())?(?:\([a-z]{{1,3}}\))?{_ION_CHARGE}?"  # a charge and a state: "Na+(g)", "Cl⁻(aq)"
    r"|\d*e[\-−⁻])"
)
_COMPLEX_ION = re.compile(_COMPLEX + r"(?:\d?[+\-−])?")
# A cell diagram: two half-cells joined by a salt bridge, "Zn(s) | Zn2+(aq) || Cu2+(aq) | Cu(s)".
_CELL_DIAGRAM = re.compile(
    rf"(?<![\w\-]){_SPECIES_SYMBOL}(?:\s*\|\s*{_SPECIES_SYMBOL})*\s*\|\|\s*{_SPECIES_SYMBOL}"
    rf"(?:\s*\|\s*{_SPECIES_SYMBOL})*(?![\w\-])"
)
_CELL_BARS = re.compile(r"\s*\|\|?\s*")
_SYMBOL_EQUATION = re.compile(
    rf"(?<![\w\-]){_SPECIES_SYMBOL}(?:\s*(?:\+|→|->|⇌|=)\s*{_SPECIES_SYMBOL})*\s*(?:→|->|⇌)\s*"
    rf"{_SPECIES_SYMBOL}(?:\s*(?:\+|→|->|⇌)\s*{_SPECIES_SYMBOL})*(?![\w\-])"
)
_EQUATION_SIGNS = re.compile(r"\s*(?:\+(?=\s)|→|->|⇌|=)\s*")
# Not a unit ("5 cmH2O"); the negative logarithm of a constant is one too ("pKa", "pKw").
_SMALL_ACRONYM = re.compile(r"(?<![\w\-])(?!cmH2O\b)(?:[a-z]{1,2}[A-Z][A-Z0-9]+s?|pK[abw])(?![\w\-])")
# Genes and proteins named in small letters and a number: "p53", "p21", "mdm2", "clv3", "brca1";
# not units with a power ("cm3", "km2"), functions ("ln2") nor "b4".
_SMALL_GENE = re.compile(r"(?<![\w\-./^])([a-z]{1,4})\d{1,3}(?![\w\-/.,]\d|[\w\-/])")
# Not units with a power, nor counted things: "cm3", "day1", "step2", "spo2"
_NOT_GENES = (
    UNIT_WORDS
    | ROUTINE_SHORTHAND
    | frozenset("x fig q b ln log lg day step stage grade type class lead part page week level phase round".split())
)
# Abbreviations that start with a digit: "4AT", "2WW", "3TC"; not a time ("9AM") nor a formula's
# count ("2NO2", "2HCl", "√(2GM/r)").
_NUMBERED_ACRONYM = re.compile(r"(?<![\w\-.,/])\d(?!AM|PM)[A-Z]{2,}(?![\w\-/])")
_ANTIBODY = re.compile(r"(?<![\w\-])[Aa]nti-(?:[a-z]{0,3}[A-Z]{2,}[A-Za-z0-9]*|[A-Z][a-z]?)(?![\w\-])")
# A Greek letter that sorts a molecule, cell or drug, with a hyphen before any word ("β-globin",
# "α-glucose", "β-blockers") or a space before the kinds it sorts ("β cells", "β2 agonist").
_GREEK_NAME = re.compile(
    r"(?<![\w\-])(?:[α-ωΑ-Ω]\d?(?:-[a-z]{3,}(?<!ed)|-[a-z]{0,2}[A-Z]{2,}[A-Za-z0-9]*|"  # "β-hCG", "β-HCG"
    r" (?:cells?|agonists?|antagonists?|blockers?|receptors?|particles?|radiation|decay|rays?|chains?|subunits?))"
    r"|[αβ][1-3][A-D]?)"  # adrenoceptors by their type alone: "α1", "β2"; "θ1" is an angle
    r"(?![\w\-])"
)
# Solutions named by their strength: "0.9% saline", "10% glucose", "5% dextrose".
_SOLUTIONS = frozenset({"saline", "glucose", "dextrose", "sodium chloride", "NaCl", "sodium bicarbonate"})
_STRENGTH = re.compile(r"(?<![\w.])\d{1,2}(?:\.\d{1,3})?% $")
# The Latin nouns of two-word names in anatomy: "corpus luteum", "substantia nigra", "pars compacta".
_LATIN_HEADS = frozenset("corpus substantia pars vas vena dura pia zona".split())
# The parts of an organ told apart by their position: "anterior pituitary", "inferior MI".
_POSITIONS = frozenset({"anterior", "posterior", "inferior", "superior"})
# The words that tell kinds of a molecule apart: "acetyl CoA", "cyclic AMP", "messenger RNA".
_LOADED_CARRIERS = ("NAD", "NADP", "FAD")
_OXIDISED_CARRIERS = frozenset({"NAD", "NADP"})  # written with their plus: "NAD+", "NADP+"
_LOADED = frozenset({"reduced", "Reduced"})
_KINDS_OF_MOLECULE = {
    "CoA": frozenset({"acetyl"}),
    "AMP": frozenset({"cyclic"}),
    "GMP": frozenset({"cyclic"}),
    "RNA": frozenset({"messenger", "transfer", "ribosomal", "guide"}),
    "T4": frozenset({"free"}),  # "free T4": the hormone not bound to proteins
    "T3": frozenset({"free"}),
    # the carriers of the respiration and photosynthesis steps, loaded or not
    **dict.fromkeys(_LOADED_CARRIERS, _LOADED),
}
# The energy carriers of respiration and photosynthesis, which steps make and use by the count.
_CARRIERS = frozenset(
    ["ATP", "ADP", "AMP", "NADH", "NADPH", "FADH2", "GTP", *_LOADED_CARRIERS]
    + [f"{state} {carrier}" for state in _LOADED for carrier in _LOADED_CARRIERS]
)
_NUMBERED_BY = frozenset("stage stages step steps fig figure table page phase ph grade type class group level".split())
_UNIT_AFTER = re.compile(r" ?(?:(?:m?mol|mM|mg|µg|ug)\b|g/|%|/)")  # not "2 ATP molecules"
_COUNT = re.compile(r"(?<![\w.,/:×*^\-])\d{1,2} $")
_NAMED_PARTS = (" cells", " cell", " complex", " fibres", " fibers", " box")
# Nouns that an abbreviation before them makes one term: a finding ("ST elevation", "RUQ pain"), a
# scan ("CT head"), a gene or virus ("APC gene", "RNA virus"), a process ("DNA replication").
_ABBREVIATION_NOUNS = frozenset(
    """pain head chest abdomen elevation depression prolongation interval gene genes virus viruses
    replication sequencing fingerprinting profiling feeds feeding wave waves ions spectrum
    antibodies channels block node induction""".split()
)
_SCANNED = frozenset({"head", "chest", "abdomen"})
_SCANS = frozenset({"CT", "MRI", "PET", "CXR", "AXR", "XR", "US"})
_ABBREVIATION_PARTS = tuple(sorted({" " + noun[:4] for noun in _ABBREVIATION_NOUNS}))
_SIDES = ("right ", "left ", "Right ", "Left ")
# Kinds and parts named by a capital letter: with a hyphen ("X-rays", "T-tubules", "D-dimer",
# "V-shaped valley", "D-Day") or before the noun they name ("T wave", "Z line", "R group", "X chromosome").
# "A" and "I" are words too: only "I band" is taken, as "A band" is as often a group of people. The ions of
# hydrogen and potassium are written with one capital: "H+", "K+ ions".
_LETTER_NAME = re.compile(
    r"(?<![\w\-.'’])(?:[B-HJ-Z]-(?:shaped [a-z]{3,}|(?!turns?\b|shirts?\b)[a-z]{3,}(?<!ed)|Day)"
    r"|[B-HJ-Z] (?:waves?|lines?|bands?|zones?|groups?|cells?|chromosomes?|lymphocytes?|antigens?|proteins?"
    r"|tubules?|phase|site)|I bands?|[HK]\+(?![\w+])(?: ions?)?)(?![\w\-])"
)
# Prefixes joined to a name: "sub-Saharan", "post-War", "anti-CCP"; not "non-NHS care". A number
# joined to an abbreviation names a place on a molecule: "5-HT3", "5-FU".
_WHEN_PREFIXES = ("post-", "pre-")
_NAME_PREFIX = re.compile(r"(?<![\w\-])(?:anti|sub|pre|post|trans|pan|pro|neo|mid|\d(?:,\d)*)-$", re.IGNORECASE)
_PREFIX_REACH = len("trans-")
# Events and documents named after a place, a thing or a person: "treaty of kanagawa", "battle of
# the boyne", "dissolution of the monasteries"; not "fall of the Berlin Wall" nor "invasion of
# Poland", which say what happened to it.
_EVENT_OF = re.compile(
    r"(?<![\w\-])(?:treaty|battle|siege|peace|congress|edict|declaration|charter|statute|convention"
    r"|conference|league|sack|partition|unification|massacre|defenestration|dissolution"
    r"|annexation|storming|bill|act|council|isthmus|gulf|strait|straits|bay|cape) of (?:the )?$"
    r"|(?<![\w\-])(?P<capital>(?-i:Plan|Army|Diet|Concordat)) of (?:the )?$",  # not "an army of sepoys"
    re.IGNORECASE,
)
_EVENT_OF_REACH = len("defenestration of the ")
_PLACE_BEFORE = re.compile(r"(?<![\w\-])(?:lake|mount|mt|river|cape) $")
# Places whose names start with "new", written in small letters: "new orleans"; not "a new russia".
_NEW_PLACES = frozenset(
    "york orleans delhi zealand england mexico jersey guinea hampshire caledonia brunswick haven".split()
)
_OF_BEFORE = frozenset({"the ", " of "})
# Structures of the body named after who described them: "loop of Henle", "islets of Langerhans";
# not words that name a group or a place ("inner circle of Bolsheviks", "canals of Venice").
_STRUCTURE = re.compile(
    r"(?<![\w\-])(?:loops?|nodes?|islets?|canal|bundle|organs?|ducts?|pouch|sphincter|ligament|ampulla|tubules?) of $"
)
_STRUCTURE_REACH = len("sphincter of ")
_EPITHET = re.compile(r" the ([A-Z][a-z]+)\b(?! [A-Z])")
# A regnal number or an epithet after a ruler written in small letters; "i", "v" and "iv" only
# before a mark, as they also stand for "I", "versus" and "intravenous" ("morphine iv 5 mg").
_SMALL_EPITHET = re.compile(rf" the (?:{'|'.join(sorted(EPITHETS))})\b")
_NEXT_SMALL_WORD = re.compile(r" ([ivxlc]+)\b")
_MARK_AFTER = re.compile(r"$|[,;:)]|\.(?!\w)| \(")
# What may follow a possessive that stands for what it names: a mark, or "vs", "or", "+", "&", an
# arrow or a bracket ("Crohn's vs UC", "Parkinson's or DLB"); not a plain year ("Wakefield's 1998
# paper").
_ELLIPSIS_AFTER = re.compile(
    r"$|[,;:.)?!]| (?:vs|or|and|in|over|until|for|with|at|on|is|was|are|were|has|had|from|after|before)\b| [+&→(=]"
)
# Initials before a name, each a capital and a full stop: "J.J. ", "W. E. B. ", "J. ".
_INITIALS = re.compile(r"(?:(?<=^)|(?<=[\s(\[]))((?:[A-Z]\. ?){1,3})$")
_INITIALS_REACH = len("W. E. B. ")
_OWNED_ENDS = ("us", "um", "ens", "is", "ii", "ae", "i", "a", "ase", "ases")  # "sapiens", "aureus", "polymerase"
# Nouns of what is done with or found by a name, which it does not own: "AAA screening".
_NOT_OWNED = frozenset(
    "screening prophylaxis trial trials bacillus vaccine vaccines infection catalyst catalysts".split()
)
_DESCRIBING_ENDS = ("al", "ic", "ous", "ar")  # adjectives that describe: "LP bacterial", "BF3 trigonal planar"
_VERB_ENDS = ("ises", "izes", "yses", "yzes", "ates", "ifies", "ed")  # "HbS polymerises", "ATPase hydrolyses"
_PARTICIPLE_ENDS = ("ised", "ized", "ated", "ified")  # "nebulised", not "seabed"
_DOTTED_ABBREVIATIONS = frozenset("US UK UN EU USA USSR UAE NB PS AD BC".split())
_BE_BEFORE = re.compile(r"(?<![\w\-])(?:is|are|was|were|be|been|being|gets|get|got) $")
_MIDDLE_INITIAL = re.compile(r" [A-Z]\. ")
_REGNAL_LETTERS = frozenset("IVX")  # the numbers of rulers that are one letter: "James I", "Henry V", "Charles X"
_INITIALLED = re.compile(r"(?<![\w.'’\-])([A-Z][a-z]{2,}) [A-Z]\. ([A-Z][a-z]{2,})(?![\w\-]|['’](?!s\b))")
_INITIALS_ONLY = re.compile(r"(?<![\w.'’\-])[A-Z]\. ?[A-Z]\. ?(?:[A-Z]\. ?)?([A-Z][a-z]{2,})(?![\w\-])")  # "G.H. Hardy"
_NAME_OF_TWO = re.compile(r"[A-Z][\w'’\-]* [A-Z]")  # "J. Robert Oppenheimer", "J. Edgar Hoover"
_CHANNEL = re.compile(r" channels?\b")
_GATES = ("voltage-gated ", "ligand-gated ", "Voltage-gated ", "Ligand-gated ")
_NEXT_TOKEN = re.compile(r" (\w+)")
_DECIMAL = re.compile(r"\.\d+")
# What opens a verb's object after a word in "-s": a determiner or an abbreviation ("ADH").
_FIRST_STEP = re.compile(r"(?<![\w.])1\. ")  # step 1, not the end of "Apollo 11." or "1921."
# What names a salt before its salt word: an element, a metal whose name is an everyday word too
# (so no list of elements holds it), or ammonium; a course may write it as no name of its own.
_SALT_NAMERS = ELEMENTS | EVERYDAY_ELEMENTS | {"ammonium"}
# The endings of the first word of a salt's name that is no element: "ammonium", "copper".
_SALT_FIRST_ENDINGS = ("ium", "er", "ic", "ous", "yl")
# An ion's charge right after its formula, and nothing of a word after it: "Cu2+", "O2-".
_CHARGE = re.compile(r"\d?[+\-−](?![\w+\-−])")
_NEXT_NOUN = re.compile(r" ([a-z][a-z\-]{2,})\b(?!['’]t\b)")  # not the "didn" of "didn't"
# Endings of classifying adjectives ("magnetic", "nuclear", "electrical"); -ive and -ous too.
_CLASSIFYING = (*ADJECTIVE_ENDINGS, "al", "ar", "ive", "ous", "ian", "rine")  # "fallopian tube", "uterine cavity"
_CLASSIFYING_LAST = frozenset(ending[-1] for ending in _CLASSIFYING)
_QUALIFIER_LENGTH = 5  # "euglycaemic", "pleuritic"
# A code that sorts a term before it: a sedimentation coefficient or the numbers of the carbons
# a bond joins ("70S ribosomes", "1,4 glycosidic bonds"); the term is lower-case.
_KIND_CODE = re.compile(r"(?<![\w,.])(?:\d{1,2}S|\d(?:,\d)+-?) $")
_KIND_CODE_REACH = len("1,4,6- ")


# A pump or carrier named by the ions it moves: "Na+/K+-ATPase", "Na+/Ca2+ exchanger", "H+/K+ pump".
_ION = rf"(?:{_FORMULA.pattern}(?:\d?[+−-]|[⁺⁻]))"  # a formula of element symbols and its charge
_CARRIER = re.compile(
    rf"(?<![\w+−/-]){_ION}(?:/{_ION})+[- ](?:ATPases?|pumps?|exchangers?|symporters?|antiporters?|co-?transporters?)\b"
)
_CARRIER_HINT = re.compile(r"ATPase|pump|exchanger|porter")
_ALLELE = re.compile(r"\*\d{2,4}(?::\d{2,3})*(?![\w:])")


def shape(
    text: str,
    spans: Sequence[Span],
    numbers: Sequence[int],
    dates: Sequence[tuple[int, int, bool]],
    clinical: bool = False,
) -> list[Span]:
    """The name spans of a line with their edges settled, and the symbols and units left out.
    ``clinical`` tells that the course is clinical notes, where "US" is an ultrasound.

    Each rule is tried only where a cheap test of the characters around a span allows it: this
    runs on every name of every line.
    """
    equation = "=" in text
    # a reaction in symbols needs an arrow and a plus or a reversible arrow; read only if a name
    # that may be a formula is found in such a line
    reacts = (("→" in text or "->" in text) and (" + " in text or "•" in text)) or "⇌" in text or "||" in text
    reactions: list[Span] | None = None
    formulas: list[Span] | None = None
    complexes = [match.span() for match in _COMPLEX_ION.finditer(text)] if "[" in text else ()
    leads = _lead_lists(text) if "V" in text and "," in text else ()
    indexed = not text.isascii() and not _INDICES.isdisjoint(text)  # "T²", "E₁": most lines write no index
    prized = " Nobel" in text
    out: list[Span] = []
    for start, end in spans:
        if complexes and any(s <= start and end <= e for s, e in complexes):
            continue  # "[Cu(H2O)6]2+": a complex ion is one formula, not its metal and ligands
        if leads:
            start, end = next(((s, e) for s, e in leads if s <= start and end <= e), (start, end))
        first = text[start]
        after = text[end : end + 1]
        if first == "Δ" and _is_change(text[start + 1 : end]):
            continue  # "ΔH", "ΔfH", "Δt", "Δt0": a change in a quantity is its symbol; "ΔF508" names a mutation
        short = end - start <= _FORMULA_LENGTH
        if reacts and short and (first.isupper() or first.isdigit()):
            if reactions is None:
                reactions = _symbol_equations(text)
            if any(s <= start and end <= e for s, e in reactions):
                continue  # "Al3+ + 3e- → Al", "H2 + I2 ⇌ 2HI": a formula in a symbol equation is the equation's
        if equation and short and " " not in text[start:end]:
            if formulas is None:
                formulas = formula_spans(text)
            if any(s <= start and end <= e for s, e in formulas):
                continue  # "ΔG = ΔH − TΔS", "pH = pKa + log([A-]/[HA])": a symbol of a formula is the formula's
        if first.isupper():
            if after == "$" and end - start <= _CURRENCY_PREFIX:
                continue  # "US$1.7 bn", "A$5": the dollar's country is part of the sum
            if start >= 5 and text.startswith("unit ", start - 5) and text[start:end] in _UNIT_SYMBOLS:
                continue  # "unit Pa", "unit Wb": the symbol of the unit a quantity is measured in
            if text[start + 1 : end] == "BP" and first in "SD" and _READING_AFTER.match(text, end) is not None:
                continue  # "SBP < 90", "DBP 110": a routine observation; "SBP: ascitic neutrophils" is a disease
            if text[end - 1].isdigit() and _BODY_AND_CODE.fullmatch(text, start, end) is not None:
                cut = text.index(" ", start)
                out.append((start, cut))  # "NICE NG136": the body, and the guidance it numbers
                out.append((cut + 1, end))
                continue
            if end - start == len("K-1") and text[end - 2] == "-" and _in_unit(text, start, end):
                continue  # "J K-1 mol-1": a unit to a negative power
            if (
                end - start <= _BOND_LENGTH
                and _SINGLE_BOND.fullmatch(text, start, end) is not None
                and _bond(text, start, end)
            ):
                continue  # "C-H", "O–H": a bond is read off the formula, not learnt as a name
            if prized:
                if text.endswith("Prize in ", 0, start) and text[start:end] in _PRIZE_FIELDS:
                    continue  # "Nobel Prize in Chemistry": the field the prize is given in
                cut = _prize_cut(text, start, end)
                if cut:
                    out.append((start, cut - 1))  # "Einstein Nobel Prize 1921", "Loewi Nobel 1936":
                    out.append((cut, end))  # the laureate and the prize
                    continue
            if text[end - 2 : end] == "ed" and "-" in text[start:end]:
                end = without_participle(text, start, end)
            if start > 2 and text[start - 2] == ".":
                start = with_initials(text, start)
            elif start > 1 and text[start - 1] == "-":
                start = with_prefix(text, start, end)  # "5-HT3" may open a line
            elif start > 4 and text.startswith(" of ", start - 4):
                start = with_structure(text, start)
            if (
                end - start <= _SYMBOL_LENGTH
                and (equation or text[max(start - 2, 0) : start].strip()[-1:].isdigit())
                and is_symbol(text, start, end)
            ):
                continue
            if indexed and end - start <= _SYMBOL_LENGTH and _is_indexed_symbol(text, start, end):
                continue  # "T² ∝ r³", "hf = E₁ − E₂", "v = H₀d": a quantity with its index, in a sum
            if after == " ":
                if text.startswith(" the ", end):
                    end = with_epithet(text, start, end)
                elif text.startswith(_NAMED_PARTS, end):
                    end = with_named_part(text, end)
                elif text.startswith(_ABBREVIATION_PARTS, end) and text[start:end].isupper():
                    end = with_abbreviation_part(text, start, end)
                elif text[end + 1 : end + 2] in _SUFFIX_LETTERS and _all_capitalised(text[start:end]):
                    end = with_suffix_letter(text, end)
                elif text[end + 2 : end + 3] in _TEST_LETTER_GAPS and text.startswith("test", end + 3):
                    end = with_test_statistic(text, end)
                elif text[end + 1 : end + 2].isdigit() and text[end - 1].isdigit():
                    end = with_spaced_charge(text, start, end)
            elif after == "(":
                end = with_groups(text, start, end)
            elif after and after in _CHARGE_STARTS:
                end = with_charge(text, start, end)
                after = text[end : end + 1]
                space = _genus_before_ion(text, start, end)
                if space:
                    out.append((start, space))  # "Nitrosomonas NH4+ → NO2-": a genus, then the ion it takes
                    out.append((space + 1, end))
                    continue
                if after == " " and text.startswith(" ion", end) and text[end - 1] in "+-−":
                    end = with_ions(text, end)
                if text.startswith(" channel", end) and text[end - 1] in "+-−s":
                    start, end = with_channel(text, start, end)  # "voltage-gated Na+ channels"
            elif after == "'" or after == "’":
                end = with_ellipsis(text, start, end)
            elif after == "*" and text[end + 1 : end + 2].isdigit():
                allele = _ALLELE.match(text, end)  # "HLA-B*1502", "HLA-B*57:01": the allele is the fact
                end = allele.end() if allele is not None else end
            elif after == "." and text[end - 1].isdigit() and text[end + 1 : end + 2].isdigit():
                decimal = _DECIMAL.match(text, end)  # "PM2.5": the size names the particles
                end = decimal.end() if decimal is not None else end
            if start > 1 and text[start - 1] == " ":
                name = text[start:end]
                if name == "QRS":
                    start = with_qualifier(text, start, _COMPLEX_WIDTHS)  # "broad QRS": the width is the finding
                elif name in _KINDS_OF_MOLECULE:
                    start = with_qualifier(text, start, _KINDS_OF_MOLECULE[name])
                elif name == "MI" and text[start - 2] == "r":
                    start = with_qualifier(text, start, _POSITIONS)  # "inferior MI": where the infarct is
        else:
            if end - start == 2 and text.startswith("et al", start - 3):
                continue  # "Bick et al.": the citation's "and others", not aluminium
            if text[end - 2 : end] == "ed" and _is_verb_use(text, start, end):
                continue  # "glucose is phosphorylated", "catalysed by lactate dehydrogenase"
            if start >= 3 and text[start - 3 : start].lower() in _LATIN_OPENERS and text[start:end] in _LATIN_PLACES:
                start -= 3  # "in vitro", "ex situ": the Latin phrase, not half of it
            if after == " " and not text[start:end].islower() and text.startswith(_NAMED_PARTS, end):
                end = with_named_part(text, end)  # "iPS cells"
                after = text[end : end + 1]
            if start > 2 and text[start - 1] == " ":
                before = text[start - 2]
                if text[start:end] in SALT_WORDS:
                    start = with_qualifier(text, start, _SALT_NAMERS)  # "silver nitrate", "copper sulfate"
                elif before in "as":
                    start = with_qualifier(text, start, _LATIN_HEADS)
                elif before == "r":
                    start = with_qualifier(text, start, _POSITIONS)  # "posterior pituitary"
                elif before in ".hpt":
                    start = with_genus(text, start, end)
                    if start > 5 and text[start - 1] == " " and text[start - 2] == "t":
                        start = with_side(text, start)
        if after == " " or after == "-":
            if first.islower():
                word = text[start:end]
                if word.endswith(_PARTICIPLE_ENDS) and " " not in word and any(s == end + 1 for s, _ in spans):
                    continue  # "nebulised salbutamol" says how; "deoxygenated blood" is the fact
                stop = end
                if word in ELEMENTS or word.endswith(_SALT_FIRST_ENDINGS):
                    end = with_chemical(text, start, end)
                if end == stop and word[-1] in _CLASSIFYING_LAST:
                    end = with_noun(text, start, end)
                if end == stop and " " not in word:
                    if text.startswith(_PART_STARTS, end):  # most terms: no such noun follows
                        end = with_part(text, end)
                elif end == stop and text.startswith(" channel", end):
                    channel = _CHANNEL.match(text, end)  # "voltage-gated sodium channels", "sodium ion
                    end = channel.end() if channel is not None else end  # channels": what the ions pass
                if end == stop and word[word.rfind(" ") + 1 :] in PROPER_NAMES:
                    end = with_small_regnal(text, start, end)
                if end == stop and text.startswith(_KIND_NUMBER_STARTS, end):
                    end = with_kind_number(text, end)
            if numbers and text[end + 1 : end + 2].isdigit() and not text[end - 1].isdigit():
                end = with_number(text, end, dates)  # not "CURB-65 0-1": a numbered name takes no second number
        if start >= 7 and text.startswith("On the ", start - 7) and " of " in text[start:end]:
            start -= 7  # a work's title: "On the Origin of Species", "On the Fabric of the Human Body"
        elif start > 9 and text.startswith(" on the ", start - 8) and first.isupper():
            start = with_genre(text, start)
        elif start > 4 and text[start - 4 : start] in _OF_BEFORE:
            if text[start - 4 : start] == " of " or text[max(start - 8, 0) : start].lower() == " of the ":
                start = with_event(text, start)  # "the" alone, before most names, names no event
        elif start > 3 and first.islower() and text[start - 1] == " " and text[start:end] in PROPER_NAMES:
            start = with_place_word(text, start)  # "lake victoria", "mount st helens" in small letters
        if equation and end - start > 2 and text[end - 2] == " " and text.startswith(" =", end):
            end = without_symbol(text, end)
        if start > 2 and text[start - 1] == " " and (text[start - 2] == "S" or text[start - 2].isdigit()):
            coded = with_kind_code(text, start)
            if coded == start and text[start - 2].isdigit():
                coded = with_count(text, start, end)  # "net 2 ATP", "3 Na+ out": how many is the fact
            start = coded
        elif start > 4 and text[start - 1] == " " and text[start - 2] == "c" and first.isupper():
            start = with_technical_qualifier(text, start, end)
        if start > 2 and text[start - 2] == "%" and text[start - 1] == " " and text[start:end] in _SOLUTIONS:
            start = with_strength(text, start)  # "0.9% saline", "0.9% sodium chloride"
        if first.isupper() and start > 3 and text[start - 1] == " " and text[start - 2].islower():
            start = with_proper_adjective(text, start)
        if text[end : end + 1] == " " and _describes(text, start, end, clinical):
            continue  # "Soviet tanks", "a german doctor": a nationality, said of what follows
        out.append((start, end))
    if "/" in text and _CARRIER_HINT.search(text) is not None:
        out.extend(match.span() for match in _CARRIER.finditer(text))  # the longer span wins the overlap
    return out


# The leads of an ECG, and a list of them that says where a change shows: "II, III, aVF", "I, V5, V6".
_LEAD = r"(?:aV[FLR]|V[1-6](?: ?[-–] ?V?[1-6])?|III|II|I)"
_LEAD_LIST = re.compile(rf"(?<![\w-]){_LEAD}(?:, ?{_LEAD})+(?![\w-])")
_COMPLEX_WIDTHS = frozenset({"broad", "narrow"})


# The indices a quantity's symbol is written with ("E₁", "T²", "T½"), not a charge ("Fe³⁺").
_INDEX_MARKS = "₀₁₂₃₄₅₆₇₈₉⁰¹²³⁴⁵⁶⁷⁸⁹½"
_INDICES = frozenset(_INDEX_MARKS)
_SUBSCRIPT_DIGITS = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")
_CHARGES = frozenset("+-−") | _SUPERSCRIPT_CHARGES
_SUM_SIGN_MARKS = "=∝≈+−×÷/"
_SUM_SIGNS = frozenset(_SUM_SIGN_MARKS)
# A sign after a symbol and the token after the sign: "T² ∝ r³", "R₁ + R₂", "T₁/T₂", "E₂ - E₁";
# "PGE₂ = fever mediator" names what the symbol is.
_SIGN_AFTER = re.compile(rf" ?(?:[{_SUM_SIGN_MARKS}]|-(?= ?\S*[{_INDEX_MARKS}])) ?([^\s;,:()]+)")


def _is_indexed_symbol(text: str, start: int, end: int) -> bool:
    """Whether a short span is a symbol with an index, a subscript or a power, that a sign of a
    sum stands next to ("T² ∝ r³", "= E₁", "1/H₀"); not a formula of elements ("CO₂", "H₂O"), an
    ion with its charge ("Ca²+", "Fe³⁺") nor a name beside words ("G₁ → S", "PGE₂ = fever mediator")."""
    span = text[start:end]
    if not any(ch in _INDICES for ch in span) or any(ch in _CHARGES for ch in text[start : end + 1]):
        return False
    plain = span.translate(_SUBSCRIPT_DIGITS)
    if plain != span and _FORMULA.fullmatch(plain) is not None and "0" not in plain:
        return False  # "CO₂", "N₂": a formula; "H₀" is no hydrogen
    left = text[:start].rstrip(" ")
    if left and left[-1] in _SUM_SIGNS:
        return True
    if left.endswith("-") and left[:-1].rstrip(" ")[-1:] in _INDICES:
        return True  # "E₁ - E₂": a hyphen between two indexed symbols is a minus
    after = _SIGN_AFTER.match(text, end)  # a value ("T½ = 8.0 days", "H₀ ≈ 70") or a symbol ("T² ∝ r³")
    return after is not None and (after.group(1)[:1].isdigit() or not _has_word(after.group(1)))


def _lead_lists(text: str) -> list[Span]:
    """Where a line lists two ECG leads or more, one of them by a letter and a number or by "aV":
    the list is one blank ("inferior MI (II, III, aVF)"); Roman numerals alone are not leads."""
    return [
        match.span()
        for match in _LEAD_LIST.finditer(text)
        if "aV" in match.group() or any(ch.isdigit() for ch in match.group())
    ]


_CURRENCY_PREFIX = len("NZ")  # "US$", "A$", "NZ$", "HK$"
# The symbols of SI units a quantity is said to be measured in: "unit Pa"; not "unit SAS", "care unit CCU".
_UNIT_SYMBOLS = frozenset("Pa N J W V A Wb T Hz C F H K S Gy Sv Bq Ω".split())
# A reading after an observation's abbreviation: "SBP < 90", "DBP 110", "SBP ≥ 180".
_READING_AFTER = re.compile(r" ?(?:[<>≤≥=~]|\d)")
# A body's abbreviation and the code of one of its documents: "NICE NG136", "NICE CG95".
_BODY_AND_CODE = re.compile(r"[A-Z]{3,5} (?:NG|CG|QS|TA|DG|PH|IPG|MTG)\d{1,4}")  # not "HLA B27", "ECG V1"
_NOBEL = re.compile(r" Nobel\b")
_PRIZE_AFTER = re.compile(r"(?: Peace)? Prize\b| \d")
_PRIZE_FIELDS = frozenset("Physics Chemistry Medicine Physiology Literature Economics".split())


def _prize_cut(text: str, start: int, end: int) -> int:
    """Where the prize starts in a run of a laureate's name and "Nobel" ("Einstein Nobel Prize",
    "Loewi Nobel 1936"), or 0 where "Nobel" ends a person's name ("Alfred Nobel (1833-96)")."""
    match = _NOBEL.search(text, start, end)
    if match is None:
        return 0
    cut = match.start() + 1
    if text.endswith("Alfred ", 0, cut):
        return 0  # the man the prizes are named after
    return cut if _PRIZE_AFTER.match(text, cut + len("Nobel")) is not None else 0


_UNIT_POWER = re.compile(r" [a-zA-Z]{1,3}-[1-3]\b")
_UNITS_BEFORE_POWERS = frozenset("J kJ g kg mol m s W V N Pa".split())


_NOUN_AFTER = re.compile(r" ([a-z]+)")
# What two elements or letters joined by a dash name besides a bond: "K-Ar dating", "S-P interval".
_NAMED_BY_PAIRS = frozenset("dating diagram diagrams interval ratio method model decay series system scale".split())


def _bond(text: str, start: int, end: int) -> bool:
    """Whether two atoms' symbols joined by a dash are a bond of carbon, hydrogen, oxygen or
    nitrogen ("C-H bonds", "O–H in alcohols"), not a method, a time or a pump named by two elements
    ("K-Ar dating", "S-P time", "Na-K pumps", "C-N dating")."""
    if _ORGANIC_ATOMS.isdisjoint(_DASHES.split(text[start:end])):
        return False
    noun = _NOUN_AFTER.match(text, end)
    return noun is None or noun.group(1) not in _NAMED_BY_PAIRS


_ORGANIC_ATOMS = frozenset("CHON")
_DASHES = re.compile("[-–]")


def _in_unit(text: str, start: int, end: int) -> bool:
    """Whether a letter raised to a negative power ("K-1") is one of several units written
    together ("J K-1 mol-1", "J g-1 K-1") rather than a name ("K-2" of a mountain)."""
    if text[end - 1] not in "123":
        return False
    before = text[:start].rstrip(" ").rsplit(" ", 1)[-1]
    return before in _UNITS_BEFORE_POWERS or before[-2:-1] == "-" or _UNIT_POWER.match(text, end) is not None


def _is_change(quantity: str) -> bool:
    """Whether what follows a delta is a quantity's symbol: letters, or a small letter and its
    index ("t0"); a capital and a number name a mutation ("F508"), and so does a gene ("p53")."""
    return quantity.isalpha() or (len(quantity) == 2 and quantity[0].islower() and quantity[1].isdigit())


def _describes(text: str, start: int, end: int, clinical: bool = False) -> bool:
    """Whether a word of nationality stands before a noun it describes ("Soviet tanks", "scottish
    shore", "US embassy") rather than as the name of a body or people ("crush the soviet and the
    peasants", "US declares war", an ultrasound in clinical notes: "US abdomen")."""
    word = text[start:end]
    american = word == "US"
    if american and clinical:
        return False
    if not american and (not is_proper_adjective(word.lower()) or word.isupper() or word.endswith("s")):
        return False  # in capitals a trial ("the DANISH trial"); a plural is a people ("the soviets")
    after = NEXT_WORD.match(text, end)
    if after is None:
        return False
    noun = after.group(1)  # not a place ("latin america") nor an adverb ("obey the soviet first")
    if american and is_verb_like(noun):
        return False  # "US enters the war": the country does something
    return (
        noun not in STOPWORDS
        and noun not in PROPER_NAMES
        and noun not in CLAUSE_ADVERBS
        and noun not in IRREGULAR_PAST
        and not noun.endswith(("ly", "ed"))  # "the soviet decided", "the soviet demanded land"
    )


def _is_verb_use(text: str, start: int, end: int) -> bool:
    """Whether a word in "-ed" is used as a verb: after a form of "be" or before "by"."""
    return text.startswith(" by ", end) or _BE_BEFORE.search(text, max(start - len(" being "), 0), start) is not None


def formula_spans(text: str) -> list[Span]:
    """Where a line's formulas stand: runs of symbols, numbers and signs around an equals sign
    that do sums ("ΔG = ΔH − TΔS", "pH = pKa + log([A-]/[HA])", "v = u + at"); not a threshold
    ("INR > 8", "ABPI < 0.9 = PAD") nor words ("CO = cardiac output")."""
    out: list[Span] = []
    for clause in _CLAUSE.finditer(text):
        part = clause.group()
        if _RELATION_MARKS.isdisjoint(part) or (_ARITHMETIC_MARKS.isdisjoint(part) and _FUNCTION.search(part) is None):
            continue  # a formula relates and computes: most clauses of a line with "=" hold no sum
        run: list[tuple[int, int, str]] = []
        for token in _TOKEN.finditer(text, clause.start(), clause.end()):
            piece = token.group()
            if _is_wordy(piece, run[-1][2] if run else ""):
                _add_formula(run, out)
                run = []
            else:
                run.append((token.start(), token.end(), piece))
        _add_formula(run, out)
    return out


def _is_wordy(token: str, before: str) -> bool:
    """Whether a token of a line is a word rather than part of a formula: four letters or more
    outside brackets ("energy", not "V(out)"), or a small word not joined to the sum ("at" in
    "ωA at x = 0"; not in "v = u + at")."""
    bare = _ANNOTATION.sub("", token) if "(" in token or "[" in token else token
    if _LETTERS.search(bare) is not None:
        return True
    word = bare.strip(".,;:!?")
    return word in STOPWORDS and not (before and before[-1] in _SIGNS)


def _add_formula(run: list[tuple[int, int, str]], out: list[Span]) -> None:
    """Keep a run of tokens that relates two sums or terms and does a sum: a sign between tokens
    counts only with a token on each side ("v = u + at"; not "+ HIV =", "= RA +")."""
    if len(run) < 3:
        return
    pieces = [piece for _, _, piece in run]
    signs = [not any(ch.isalnum() for ch in piece) for piece in pieces]
    # "total resistance = R1 + R2": words are the left side, the run starts at the sign, and the
    # terms are symbols (not "Big Three = UK + US + USSR", "ATP hydrolysis = ADP + Pi")
    related = (
        pieces[0] in _RELATION_MARKS
        and len(run) > _SIDE_AFTER_WORDS
        and (
            any(mark in piece for piece in pieces for mark in _NOT_ADDING)  # "TN / (TN + FP)"
            or all(signs[i] or _SYMBOL_TERM.fullmatch(piece.strip(",;()")) for i, piece in enumerate(pieces))
        )
    )
    computed = False
    for i, piece in enumerate(pieces):
        between = signs[i] and 0 < i < len(pieces) - 1 and not signs[i - 1] and not signs[i + 1]
        inner = _INNER_SUM.search(piece) is not None or _FUNCTION.match(piece) is not None
        if any(sign in piece for sign in _RELATIONS) and (between or _INNER_RELATION.search(piece)):
            related = True
        if (between and any(sign in piece for sign in _ARITHMETIC)) or inner:
            computed = True
    if related and computed:
        out.append((run[0][0], run[-1][1]))


def without_symbol(text: str, end: int) -> int:
    """The end of a quantity's blank before the letter that stands for it in a formula:
    "capacitance C = Q/V", "escape velocity v = √(2GM/r)"; not "hepatitis B = a virus" nor
    "hepatitis B = HBV", where no sum follows."""
    right = _FORMULA_SIDE.match(text, end)
    if right is None:
        return end
    side = WIDE_GAP.split(right.group(1), 1)[0]
    # The sum is what comes before the side's first word: "mv²/r isn't an extra force", "γt₀, where"
    lead: list[str] = []
    for token in side.split():
        if _WORD.search(token) is not None or token.lower().strip(".") in STOPWORDS:
            break
        lead.append(token)
    formula = "".join(lead)
    if any(c.isalpha() for c in formula) and any(c in _ARITHMETIC or c in _FORMULA_MARKS for c in formula):
        return end - 2
    return end


def with_kind_code(text: str, start: int) -> int:
    """The start of a term's blank: before the code that sorts it ("70S ribosomes", "1,4
    glycosidic bonds")."""
    match = _KIND_CODE.search(text, max(start - _KIND_CODE_REACH, 0), start)
    return match.start() if match is not None else start


def with_technical_qualifier(text: str, start: int, end: int) -> int:
    """The start of an abbreviation's blank: before an adjective in "-ic" that no dictionary holds,
    which sorts what it names ("euglycaemic DKA", "pleuritic CP"); an ordinary one only describes
    ("chronic AF")."""
    if not text[start:end].isupper():
        return start
    begin = start - 1
    while begin and text[begin - 1].isalpha():
        begin -= 1
    word = text[begin : start - 1]
    if begin and text[begin - 1].isalnum():
        return start
    if word.islower() and word.endswith("ic") and not is_common(word) and len(word) > _QUALIFIER_LENGTH:
        return begin
    return start


def with_count(text: str, start: int, end: int) -> int:
    """The start of a molecule's or an ion's blank: before the count of it a step makes or moves
    ("2 ATP", "3 reduced NAD", "2 CO2", "3 Na+"), not a measure ("1.5 O2") nor a page."""
    name = text[start:end]
    symbols = name.rstrip("+-−")
    # a formula shows a number or a charge ("CO2", "K+"); "BB" is a genotype
    if (
        name.removesuffix("+") not in _CARRIERS  # "2 NAD+": a carrier in its oxidised form
        and not (
            (symbols != name or any(ch.isdigit() for ch in symbols))
            and len(name) <= _FORMULA_LENGTH
            and _FORMULA.fullmatch(symbols)
        )
    ):
        return start
    count = _COUNT.search(text, max(start - 4, 0), start)
    if count is None:
        return start
    before = text[: count.start()].rstrip().rsplit(" ", 1)[-1]
    if before in ("x", "×") or (before.isalpha() and before[0].isupper()) or before.lower().rstrip(".") in _NUMBERED_BY:
        return start  # "2 x 3 CO2" multiplies; "Table 2", "stage 2", "pH 2" refer to something else
    if _UNIT_AFTER.match(text, end):
        return start  # "4 K+ mmol/L": a measurement
    return count.start()


def _all_capitalised(name: str) -> bool:
    """Whether a name is two words or more, each with a capital: "Hinkley Point", not "Faraday
    constant", whose letter after it is the quantity's symbol ("Faraday constant F")."""
    words = name.split(" ")
    return len(words) > 1 and all(word[:1].isupper() for word in words)


def with_suffix_letter(text: str, end: int) -> int:
    """The end of a name of two words or more that a capital letter on its own goes on: "Hinkley
    Point C", "Malcolm X"; not a word ("Hinkley Point Company"), an article or pronoun, nor a
    symbol that a sum goes on with ("Charles's law V ∝ T")."""
    if text[end + 2 : end + 3].isalnum() or _SUM_GOES_ON.match(text, end + 2):
        return end
    return end + 2


_LATIN_OPENERS = frozenset({"in ", "ex "})
_LATIN_PLACES = frozenset({"vitro", "vivo", "situ", "utero", "silico"})


def _genus_before_ion(text: str, start: int, end: int) -> int:
    """Where the space stands in a blank of one capitalised word and an ion ("Nitrosomonas NH4+"),
    or 0."""
    space = text.find(" ", start, end)
    if space < 0 or text.find(" ", space + 1, end) >= 0 or text[end - 1] not in "+-−":
        return 0
    word = text[start:space]
    if not (word.isalpha() and word.istitle()):
        return 0
    ion = _FORMULA.fullmatch(text, space + 1, end - 1) or _FORMULA.fullmatch(text, space + 1, end - 2)
    return space if ion else 0


def without_participle(text: str, start: int, end: int) -> int:
    """The end of a name's blank before a participle it is hyphened to: "CIA-trained exiles",
    "US-backed"; a letter keeps it ("X-linked"), and so do names of more words ("Sino-Soviet")."""
    hyphen = text.rfind("-", start, end)
    participle = text[hyphen + 1 : end]
    if hyphen - start < 2 or not participle.isalpha() or not participle.islower() or participle in _KIND_PARTICIPLES:
        return end
    return hyphen


# Participles that make a kind of what follows: "CT-guided biopsy", "IgE-mediated allergy".
_KIND_PARTICIPLES = frozenset("guided mediated induced linked associated related coupled gated dependent".split())


def with_test_statistic(text: str, end: int) -> int:
    """The end of a statistical test's blank after the letter of its statistic: "Mann-Whitney U
    test", "Kruskal-Wallis H test"."""
    match = _TEST_STATISTIC.match(text, end)
    return match.end() if match is not None else end


_TEST_LETTER_GAPS = frozenset(" -")
_TEST_STATISTIC = re.compile(r" [A-Za-z][ -]tests?\b")


def with_charge(text: str, start: int, end: int) -> int:
    """The end of an ion's blank: after its charge, if the name is a formula with one ("Cu2+",
    "Na+", "OH-"); a longer abbreviation before a hyphen is none ("NATO- and Warsaw Pact"). A
    charge in superscript is always one ("Cr2O7²⁻", "EDTA⁴⁻", "Fe³⁺")."""
    if text[end : end + 1] in _SUPERSCRIPT_CHARGES:
        return end + 1
    start = text.rfind(" ", start, end) + 1 or start  # "L-type Ca2+ channels": the last word is the ion
    if text[start:end] in _OXIDISED_CARRIERS and text[end : end + 1] == "+" and not text[end + 1 : end + 2].isalnum():
        return end + 1  # "NAD+", "NADP+ reductase": the carrier in its oxidised form
    if _FORMULA.fullmatch(text, start, end) and (end - start <= 2 or any(c.isdigit() for c in text[start:end])):
        charge = _CHARGE.match(text, end)
        if charge is not None:
            return charge.end()
    return end


def with_spaced_charge(text: str, start: int, end: int) -> int:
    """The end of an ion's blank whose charge is typed apart from its formula: "SO4 2-", "C2O4 2-"."""
    if _FORMULA.fullmatch(text, start, end):
        charge = _SPACED_CHARGE.match(text, end)
        if charge is not None:
            return charge.end()
    return end


def with_groups(text: str, start: int, end: int) -> int:
    """The end of a formula's blank after the groups it writes in brackets: "Cu(OH)2", "Ca(NO3)2"."""
    if _FORMULA.fullmatch(text, start, end):
        groups = _GROUPS.match(text, end)
        if groups is not None:
            return groups.end()
    return end


def with_side(text: str, start: int) -> int:
    """The start of a structure's blank: before the side it is on ("right atrium", "left ventricle")."""
    for side in _SIDES:
        at = start - len(side)
        if text.startswith(side, at) and (at == 0 or not text[at - 1].isalnum()):
            return at
    return start


def with_prefix(text: str, start: int, end: int) -> int:
    """The start of a name's blank: before a prefix joined to it ("sub-Saharan Africa", "anti-CCP")."""
    match = _NAME_PREFIX.search(text, max(start - _PREFIX_REACH, 0), start)
    if match is None:
        return start
    name = text[start:end]
    first = name.split(" ", 1)[0]
    if match.group()[0].isdigit():
        return match.start() if first.isupper() and len(first) <= 4 else start  # "5-HT3", not "1-Germany"
    if match.group().lower() == "anti-" and (
        (" " in name and not first.isupper()) or sum(ch.isupper() for ch in name) < 2 < len(name)
    ):
        return start  # "anti-Vietnam War protests" is against a war; "anti-CCP", "anti-GBM disease" name antibodies
    if match.group().lower() in _WHEN_PREFIXES and name.isupper():
        return start  # "post-MI", "pre-NHS" say when; the event is the name
    return match.start()


def with_strength(text: str, start: int) -> int:
    """The start of a solution's blank: before its strength ("0.9% saline"), which names it."""
    match = _STRENGTH.search(text, max(start - len("12.125% "), 0), start)
    return match.start() if match is not None else start


def with_qualifier(text: str, start: int, qualifiers: frozenset[str]) -> int:
    """The start of a name's blank: before the word before it, if that is one of ``qualifiers``
    ("corpus luteum", "acetyl CoA", "messenger RNA")."""
    begin = start - 1
    while begin and text[begin - 1].isalpha():
        begin -= 1
    return begin if text[begin : start - 1] in qualifiers and not text[begin - 1 : begin].isalnum() else start


# A salt named with its metal's oxidation state: "vanadium(V) oxide", "iron(III) chloride".
_STATED_SALT = re.compile(r"(?<![\w\-])([a-z]+)\((?:I{1,3}|IV|VI{0,2}|V)\) ([a-z]+)\b")


_ISOTOPE = re.compile(r"(?<![\w\-])([a-z]+)-\d{2,3}(?![\w\-])")  # not "lead-2" of an ECG


def everyday_isotopes(text: str) -> list[Span]:
    """Isotopes of the elements whose names are everyday words ("iron-56", "lead-208"): the mass
    number makes the word the element."""
    return [match.span() for match in _ISOTOPE.finditer(text) if match.group(1) in EVERYDAY_ELEMENTS]


# An anion named with the oxidation state of its central atom, after its metal: "potassium
# manganate(VII)", "sodium chlorate(I)".
_STATED_ANION = re.compile(r"(?<![\w\-])(?:([a-z]+) )?[a-z]+(?:ate|ite)\((?:I{1,3}|IV|VI{0,2}|V)\)")


def stated_salts(text: str) -> list[Span]:
    """Salts named with an oxidation state ("iron(III) oxide", "potassium manganate(VII)"): the
    state tells the compound apart, so the name is a term even where the metal is an everyday word."""
    out = [match.span() for match in _STATED_SALT.finditer(text) if match.group(2) in SALT_WORDS]
    for match in _STATED_ANION.finditer(text):
        metal = match.group(1)
        if metal is None or metal in _SALT_NAMERS:
            out.append(match.span())
        else:
            out.append((match.start(1) + len(metal) + 1, match.end()))  # "dichromate(VI)" alone
    return out


_CAPITALISED_WORD_BEFORE = re.compile(r"(?<![\w'’\-])[A-Z][a-z]+ $")
_PROPER_ADJECTIVE_REACH = len("Czechoslovakian ")


def with_proper_adjective(text: str, start: int) -> int:
    """The start of a name with the proper adjective written before it: one name of a state or an
    empire ("Nazi Germany", "Belgian Congo", "British Empire"), or a given name that is an
    adjective too ("Norman Borlaug"). Not a people ("the Soviets Nagy ...") nor before an
    abbreviation ("the American CIA")."""
    if text[start + 1 : start + 2].isupper():
        return start
    match = _CAPITALISED_WORD_BEFORE.search(text, max(start - _PROPER_ADJECTIVE_REACH, 0), start)
    if match is None or match.group()[-2] == "s" or not is_proper_adjective(match.group()[:-1].lower()):
        return start
    return match.start()


def with_place_word(text: str, start: int) -> int:
    """The start of a place's blank in small letters: before the lake, mountain or river it names."""
    if text.endswith("new ", 0, start) and (start == 4 or not text[start - 5].isalnum()):
        word = NEXT_WORD.match(text, start - 1)
        return start - 4 if word is not None and word.group(1) in _NEW_PLACES else start
    match = _PLACE_BEFORE.search(text, max(start - len("mount "), 0), start)
    return match.start() if match is not None else start


# The kinds of written work whose titles run "<kind> on the <subject>": "Essay on the Principle of
# Population", "Reflections on the Revolution in France", "Treatise on the Astrolabe".
# Not the words of a student's own notes ("Notes on the Treaty of Versailles", "Thoughts on ...").
_WORK_KINDS = frozenset(
    "Essay Reflections Treatise Discourse Dialogue Dialogues Enquiry Inquiry Commentaries Considerations".split()
)


def with_genre(text: str, start: int) -> int:
    """The start of a name's blank before the kind of work it is the subject of, where the name
    follows "on the": the title is the work's ("Reflections on the Motive Power of Fire")."""
    cut = text.rfind(" ", 0, start - 8) + 1
    return cut if text[cut : start - 8] in _WORK_KINDS else start


def with_event(text: str, start: int) -> int:
    """The start of a place's or a name's blank: before the treaty, battle or congress named after
    it, written as the name is ("Siege of Drogheda", "peace of westphalia"); a name with a capital
    after a word in small letters is the place alone ("the siege of Leningrad")."""
    match = _EVENT_OF.search(text, max(start - _EVENT_OF_REACH, 0), start)
    if match is None or (text[match.start()].islower() and text[start].isupper()):
        return start
    if match.group("capital") and not match.start():
        return start  # "Army of Napoleon invaded": a line's first capital names nothing by itself
    return match.start()


# Numerals that are words too, in small letters: "i", "v" (versus), "x" (times), "iv" (intravenous).
_AMBIGUOUS_NUMERALS = frozenset({"I", "V", "X", "IV"})


# The number of one kind of a term: "aquaporin-2", "interleukin-6", "angiotensin II", "complex IV".
_KIND_NUMBER = re.compile(r"(?:-\d{1,2}(?:,\d{1,2})?| ([IVX]+))(?![\w\-+])")  # "nylon-6,6"
_KIND_NUMBER_STARTS = ("-", " I", " V", " X")


def with_kind_number(text: str, end: int) -> int:
    """The end of a term's blank after the number that picks one kind of it ("aquaporin-2",
    "angiotensin II"); a lone "I", "V" or "X" only before a mark, where it is no word."""
    match = _KIND_NUMBER.match(text, end)
    if match is None:
        return end
    numeral = match.group(1)
    if numeral is None or (is_roman(numeral) and numeral not in _AMBIGUOUS_NUMERALS):
        return match.end()
    if numeral in _AMBIGUOUS_NUMERALS and _MARK_AFTER.match(text, match.end()) is not None:
        return match.end()
    return end


def with_small_regnal(text: str, start: int, end: int) -> int:
    """The end of a ruler's blank in notes written in small letters: after a regnal number or an
    epithet ("james ii", "louis xiv", "alexander i,", "frederick the great"); a ruler's name is
    one English writes with a capital, not a term ("aspirin i.e.", "adipocytes the fat cells")."""
    if text[start:end].split(" ")[-1] not in PROPER_NAMES:
        return end
    epithet = _SMALL_EPITHET.match(text, end)
    if epithet is not None:
        return epithet.end()
    word = _NEXT_SMALL_WORD.match(text, end)
    if word is None:
        return end
    numeral = word.group(1).upper()
    if numeral in _AMBIGUOUS_NUMERALS:  # "I", "versus", "intravenous": only before a mark
        return word.end() if _MARK_AFTER.match(text, word.end()) else end
    return word.end() if is_roman(numeral) else end


def with_structure(text: str, start: int) -> int:
    """The start of an anatomist's blank: before the structure named after them ("loop of Henle",
    "nodes of Ranvier", "islets of Langerhans")."""
    match = _STRUCTURE.search(text, max(start - _STRUCTURE_REACH, 0), start)
    return match.start() if match is not None else start


def with_named_part(text: str, end: int) -> int:
    """The end of a name's blank: after the cells, fibres or apparatus named by it ("QRS complex",
    "Purkyne fibres", "Skinner box", "NK cells")."""
    match = NEXT_WORD.match(text, end)
    return match.end() if match is not None and " " + match.group(1) in _NAMED_PARTS else end


def with_abbreviation_part(text: str, start: int, end: int) -> int:
    """The end of an abbreviation's blank: after the finding, gene, scan or process it names
    ("ST elevation", "RUQ pain", "CT head", "APC gene", "DNA replication")."""
    match = NEXT_WORD.match(text, end)
    if match is None or match.group(1) not in _ABBREVIATION_NOUNS or text.startswith(" of ", match.end()):
        return end  # "UK head of state": the noun heads a phrase of its own
    if match.group(1) in _SCANNED and text[start:end] not in _SCANS:
        return end  # "KGB head": only a scan is of a part of the body
    if match.group(1) in _ENDING_NOUNS:
        noun = _NOUN_AFTER.match(text, match.end())
        if noun is not None and noun.group(1) not in STOPWORDS:
            return end  # "TUC block vote", "GP induction week": the noun starts a phrase of its own
    return match.end()


# Nouns an abbreviation makes a term with only where they end it: "AV block", "EM induction".
_ENDING_NOUNS = frozenset({"block", "node", "induction"})


def with_epithet(text: str, start: int, end: int) -> int:
    """The end of a ruler's blank: after the epithet that names them ("William the Conqueror",
    "Hereward the Wake"), one of the epithets rulers are known by."""
    if " " in text[start:end]:
        return end  # a full name has no epithet: "Nikita Khrushchev the Soviet leader"
    match = _EPITHET.match(text, end)
    if match is None:
        return end
    if match.group(1).lower() not in EPITHETS:
        return end  # "Poland the League did nothing": a clause, not an epithet
    return match.end(1)


def with_ellipsis(text: str, start: int, end: int) -> int:
    """The end of a possessive name's blank that stands for what it names: "Crohn's" for
    Crohn's disease, before a mark, "vs", "or", "+", "&", "=", an arrow, a bracket or a word that
    no noun is ("Hartmann's over 8 h", "Parkinson's and"); not "Stalin's" before the noun it owns.
    A saint's possessive is the church, hospital or college named for them ("St Mary's
    Paddington"), except before what the saint owns ("St Paul's letters")."""
    if text[end + 1 : end + 2] != "s" or text[end + 2 : end + 3].isalnum():
        return end
    if _ELLIPSIS_AFTER.match(text, end + 2):
        return end + 2
    head, space, _ = text[start:end].partition(" ")
    if space and head in SAINTS and not NEXT_WORD.match(text, end + 2):
        return end + 2  # "St Mary's, Paddington"; "St Paul's letters" are his
    return end


def with_initials(text: str, start: int) -> int:
    """The start of a person's blank: before the initials written ahead of the name, if any."""
    reach = max(start - _INITIALS_REACH, 0)
    match = _INITIALS.search(text, reach, start)
    if match is None or text[start - 1] != " ":
        return start
    initials = match.group(1)
    if initials.replace(".", "").replace(" ", "") in _DOTTED_ABBREVIATIONS:
        return start  # "the U.S. Congress": a country, not a person's initials
    if initials.count(".") == 1 and not _NAME_OF_TWO.match(text, start):
        return start  # "blood groups A and B. Landsteiner": a lone letter ends a sentence as often
    return match.start(1)


def with_noun(text: str, start: int, end: int) -> int:
    """The end of a lone classifying adjective's blank: after the noun it classifies, if any."""
    word = text[start:end]
    if not word.isalpha() or not word.islower() or not word.endswith(_CLASSIFYING):
        return end
    if word.endswith("ian") and (word.endswith("cian") or is_common(word)):
        return end  # "clinician judgement", "contrarian view": people and ordinary adjectives
    noun = _NEXT_NOUN.match(text, end)
    if noun is None:
        return end
    following = noun.group(1)
    if not _qualified_noun(following) or following.endswith(_CLASSIFYING) or following in GENERAL_NOUNS:
        return end  # "antibiotic kills bacteria": a verb follows; "hydrophilic head": the adjective is the fact
    after = _NEXT_TOKEN.match(text, noun.end(1)) if following[-1] == "s" else None
    if after is not None and verb_before(following, after.group(1)):
        return end  # "the pituitary releases (more) ADH": a verb and its object
    return noun.end(1)


def with_part(text: str, end: int) -> int:
    """The end of a term's blank: after a noun that names a part, tool, drug or operation made of
    it ("ester bonds", "biuret reagent", "liver transplant"), or an event, state or body named
    after it in notes written in small letters ("meiji restoration", "frankfurt parliament"): the
    term alone is half the fact."""
    if not text.startswith(_PART_STARTS, end):
        return end  # most terms: a quick test of the text after them finds no such noun
    match = NEXT_WORD.match(text, end)
    if match is None:
        return end
    if match.group(1) in _EVENT_PARTS:
        return match.end() if not is_subject_term(text[:end].rsplit(" ", 1)[-1].lower()) else end
    if match.group(1) not in _PARTS:
        return end
    if match.group(1) == "pump" and text[end - 1] == "s":
        return end  # "the ventricles pump blood": after a plural, "pump" is the verb
    return match.end()


def with_chemical(text: str, start: int, end: int) -> int:
    """The end of a chemical name's blank: after its salt word or its mass number, if any."""
    if not text[start:end].isalpha():
        return end
    rest = _CHEMICAL_REST.match(text, end)
    if rest is None:
        return end
    word = rest.group(1)
    if word is None or word in SALT_WORDS:
        return rest.end()
    # Nouns after an element make a term with it: "helium nucleus", "calcium channel blocker".
    if text[start:end] not in ELEMENTS:
        return end
    for _ in range(_MAX_NOUNS):
        if not _qualified_noun(word):
            break
        end = rest.end()
        rest = NEXT_WORD.match(text, end)
        if rest is None:
            break
        word = rest.group(1)
    return end


def _qualified_noun(word: str) -> bool:
    """Whether a word after an element names a thing made of it ("helium nucleus"), not an
    amount of it ("lithium range") or a quality ("lithium toxic")."""
    return (
        word not in _STATES
        and word not in _AMOUNTS
        and word not in _ORDER_WORDS
        and word not in PARTICLES
        and word not in IRREGULAR_PARTICIPLES
        and word not in STOPWORDS
        and word not in CLAUSE_VERBS
        and word not in COLOURS  # "lithium crimson": what a test shows
        and word not in _CONTRACTED
        and not word.endswith(_QUALITY_ENDINGS)
        and not is_verb_like(word)
    )


def with_genus(text: str, start: int, end: int) -> int:
    """The start of a species name's blank: at the genus written short before it, if one is."""
    if start < 3 or not text[start].islower():
        return start
    genus = _SHORT_GENUS.search(text, max(start - _GENUS_REACH, 0), start)
    if genus is None or not is_species_name(text[start:end]):
        return start
    return genus.start()


# Things told apart by a capital letter, after which a sentence may end: "Plan B.", "Group A.".
_LETTERED_THINGS = frozenset(
    """plan plans gate gates group groups type types class grade stage phase option route block
    vitamin hepatitis hep factor section part box room bay ward bed zone area site""".split()
)


def initialled_names(text: str) -> list[Span]:
    """A person written with a middle initial whose surname is an everyday word ("Robert E. Lee",
    "Ulysses S. Grant", "George W. Bush") or who owns what follows. No sentence ends between them:
    the first name is no word of English nor of science ("Hepatitis B. Liver ..."), the surname
    no plural ("Type A. Patients") nor a small word."""
    out: list[Span] = []
    for match in _INITIALLED.finditer(text):
        first, surname = match.group(1).lower(), match.group(2).lower()
        if first.endswith(SCIENCE_ENDINGS) or surname in STOPWORDS or text[match.end(1) + 1] in _REGNAL_LETTERS:
            continue  # "James I. Parliament", "Henry V. Archers": a ruler's number ends a sentence
        if surname.endswith("s") and (is_common(first) or first in NUMBERED or first in _LETTERED_THINGS):
            continue  # "Type A. Patients"; a given name's surname may end so ("Ida B. Wells")
        if is_common(first):
            if not is_common(surname) and first not in NUMBERED and first not in _LETTERED_THINGS:
                out.append(match.span())  # "Harry S. Truman": an everyday first name, a surname of its own
            continue  # not "Plan B. Kitchener", "Gate C. Molotov": a sentence ends after the letter
        # a surname no dictionary holds is a name already ("Dwight D. Eisenhower"), but the reader
        # of runs stops at a possessive: "John D. Rockefeller's Standard Oil"
        if is_common(surname) or text.startswith(("'s", "’s"), match.end()):
            out.append(match.span())
    # Two initials or more: a person even where the surname is an everyday word ("G. H. Hardy")
    for match in _INITIALS_ONLY.finditer(text):
        initials = text[match.start() : match.start(1)].replace(".", "").replace(" ", "")
        if match.group(1).lower() in STOPWORDS or initials in _DOTTED_ABBREVIATIONS:
            continue  # "U.S. Navy": a country's abbreviation, no person's initials
        before = text[: match.start()].rstrip(" ")
        given = before.rsplit(" ", 1)[-1]
        if given.isalpha() and given.istitle():
            out.append((len(before) - len(given), match.end()))  # "George H. W. Bush": the first name too
        else:
            out.append(match.span())
    return out


def short_species(text: str) -> list[Span]:
    """Species written with the genus shortened to its initial: "E. coli", "H. pylori"."""
    return [match.span() for match in _SPECIES.finditer(text) if is_species_name(match.group(1))]


def _symbol_equations(text: str) -> list[Span]:
    """Where a line writes a reaction in symbols only: "Al3+ + 3e- → Al", "H+ + OH- → H2O", a step
    with radicals "Cl2 → 2Cl•"; or a cell: "Zn(s) | Zn2+(aq) || Cu2+(aq) | Cu(s)"."""
    out = [
        match.span()
        for match in _SYMBOL_EQUATION.finditer(text)
        if (" + " in match.group() or "⇌" in match.group() or "•" in match.group()) and _all_formulas(match.group())
    ]  # "T4 → T3 in the liver" converts one hormone to another: no reaction written in symbols
    if "||" in text:
        for match in _CELL_DIAGRAM.finditer(text):
            if all(_all_formulas(half) for half in _CELL_BARS.split(match.group())):
                out.append(match.span())  # not "treat DVT || PE": abbreviations, no formulas
    return out


def _all_formulas(equation: str) -> bool:
    """Whether every species of an equation reads as a formula, not an abbreviation ("NATO →
    USSR"): a digit, a charge, a small letter or a lone element symbol in each."""
    for species in _EQUATION_SIGNS.split(equation):
        core = species.strip()
        if core and not (len(core) == 1 or any(not ch.isupper() for ch in core)):
            return False
    return True


def antibodies(text: str) -> list[Span]:
    """Antibodies named by what they bind, with a capital in it: "anti-D", "anti-dsDNA"."""
    return [match.span() for match in _ANTIBODY.finditer(text)]


def with_channel(text: str, start: int, end: int) -> tuple[int, int]:
    """An ion's blank with the channel it passes through, and the gate that opens it: "K+
    channels", "voltage-gated Na+ channels"."""
    channel = _CHANNEL.match(text, end)
    if channel is None:
        return start, end
    for gate in _GATES:
        if text.startswith(gate, start - len(gate)) and (
            start == len(gate) or not text[start - len(gate) - 1].isalnum()
        ):
            return start - len(gate), channel.end()
    return start, channel.end()


def with_ions(text: str, end: int) -> int:
    """The end of an ion's blank: after "ions" written with it ("H+ ions", "OH- ions")."""
    match = NEXT_WORD.match(text, end)
    return match.end() if match is not None and match.group(1) in ("ion", "ions") else end


def letter_names(text: str) -> list[Span]:
    """Kinds and parts named by a capital letter: "X-rays", "D-dimer", "T wave", "Z line"."""
    return [match.span() for match in _LETTER_NAME.finditer(text)]


def greek_names(text: str) -> list[Span]:
    """Names sorted by a Greek letter: "β-blockers", "α-helix", "β cells", "β2 agonist"."""
    return [match.span() for match in _GREEK_NAME.finditer(text)]


def numbered_acronyms(text: str) -> list[Span]:
    """Abbreviations that start with a digit ("4AT", "2WW") and the names of genes and proteins
    written in small letters with a number ("p53", "mdm2", "clv3"), not units ("cm3", "km2")."""
    out = [match.span() for match in _NUMBERED_ACRONYM.finditer(text)]
    for match in _SMALL_GENE.finditer(text):
        if match.group(1) not in _NOT_GENES and match.group() not in ROUTINE_SHORTHAND:
            out.append(match.span())
    return out


def small_acronyms(text: str) -> list[Span]:
    """Abbreviations that start in lower case ("eGFR", "hCG", "mRNA", "pCO2"): no English word is
    written so, and the capitals after the small letters do not start a run of capitalised words."""
    out = [match.span() for match in _SMALL_ACRONYM.finditer(text)]
    if "pK" in text:
        out = [(s, e) for s, e in out if not (text.startswith("pK", s) and _term_of_sum(text, s, e))]
    return out


_SUM_AFTER = re.compile(r" ?(?:= ?[\d.]|\+)")


def _term_of_sum(text: str, start: int, end: int) -> bool:
    """Whether a constant's symbol is a term of a sum or has its value ("pH = pKa + log ...",
    "pKa = 4.76") rather than a name the line tells about ("pKa = −log Ka", "smaller pKa")."""
    return text[:start].rstrip(" ").endswith("=") or _SUM_AFTER.match(text, end) is not None


# Names molecular biology writes in its own way: a particle by its sedimentation coefficient
# ("70S", "30S"), a bacterial gene in three small letters and a capital ("lacZ", "oriC", "mecA"),
# and a polymerase by "pol" ("DNA pol III", "RNA pol", "pol II").
_SEDIMENTATION = re.compile(r"(?<![\w.,\-])[1-9]\dS(?![\w\-])")
_BACTERIAL_GENE = re.compile(r"(?<![\w\-])(?!(?:sin|cos|tan|log|max|min|exp|vit)[A-Z])[a-z]{3}[A-Z]\d?(?![\w\-])")
_POLYMERASE = re.compile(r"(?<![\w\-])(?:(?:DNA|RNA) pol(?: (?:I{1,3}|IV|V))?|pol (?:I{1,3}|IV|V))(?![\w\-])")


def molecular_names(text: str, numbered: bool, ribosomes: bool) -> list[Span]:
    """Sedimentation coefficients, bacterial genes and polymerases written as molecular biology
    writes them; ``numbered`` tells that the line holds a number, ``ribosomes`` that the course
    names ribosomes, without which "30S" is a latitude ("sinks at 30N and 30S")."""
    out = [match.span() for match in _BACTERIAL_GENE.finditer(text)]
    if numbered and ribosomes:
        out += [match.span() for match in _SEDIMENTATION.finditer(text)]
    if " pol" in text or text.startswith("pol "):
        out += [match.span() for match in _POLYMERASE.finditer(text)]
    return out


def with_number(text: str, end: int, dates: Sequence[tuple[int, int, bool]]) -> int:
    """The end of a name's blank after the number that picks one of its kind ("group 1)",
    "Apollo 15,"): only before a mark or the end of the line, since a number with a word after it
    counts something ("Britain 2 million troops"), and never the day of a date nor a range."""
    number = _ITS_NUMBER.match(text, end)
    if number is None:
        reading = _READING.match(text, end) if _SCALE_SYMBOL.search(text, max(end - 3, 0), end) else None
        return reading.end() if reading is not None else end  # "Mw 7.0": a scale and its reading
    at = number.start(1)
    if any(start <= at < stop for start, stop, _ in dates):
        return end
    low, _, high = number.group(1).partition("-")
    if high and int(high) > int(low) and text.rfind(" ", 0, end) < end - 2:
        return end  # a range of readings: "Likert 1-5", "INR 2-3"; "CA 19-9", "CA 27-29" are markers
    if _is_step(text, number.group(1), number.end(1), end):
        return end
    return number.end(1)


def _is_step(text: str, number: str, after: int, before: int) -> bool:
    """Whether a number is the marker of a step written inline, in a line that holds step 1 and
    the step before it: "cloning: 1. take the nucleus ... into an egg 2. an electric shock ...",
    not "Apollo 11. Apollo 12."; "1) attach 2) inject nucleic acid 3) host ribosomes" too."""
    mark = text[after : after + 2]
    if (mark != ". " and mark != ") ") or not number.isdigit() or number == "1":
        return False
    head = text[:before]
    if mark == ") ":
        return all(re.search(rf"(?<![\w.(]){step}\) ", head) for step in (1, int(number) - 1))
    return _FIRST_STEP.search(head) is not None and re.search(rf"(?<![\w.]){int(number) - 1}\. ", head) is not None


def joined(text: str, chosen: list[tuple[int, int, str]], refused: Sequence[Span] = ()) -> list[tuple[int, int, str]]:
    """Chosen blanks, with lower-case names that stand a space apart made one, and a one-word name
    with the lower-case name after it ("DNA polymerase"), unless the space is in a ``refused``
    span: protected text or a term never to blank."""
    out: list[tuple[int, int, str]] = []
    plain: bool | None = None  # whether the last blank of ``out`` is all plain words; None: not read yet
    for start, end, kind in chosen:
        names = bool(out) and kind == "name" and out[-1][2] == "name"
        beside = names and out[-1][1] + 1 == start  # one mark between the last blank and this one
        if (
            names
            and out[-1][1] + len(" D. ") == start
            and _MIDDLE_INITIAL.fullmatch(text, out[-1][1], start)
            and " " not in text[out[-1][0] : out[-1][1]]
            and text[out[-1][0]].isupper()
            and not any(s < start and out[-1][1] < e for s, e in refused)
        ):
            out[-1] = (out[-1][0], end, kind)  # "Dwight D. Eisenhower": a middle initial joins a name
            plain = False
            continue
        if (
            beside
            and text[start - 1] == "/"
            and _ratio(text[out[-1][0] : out[-1][1]], text[start:end])
            and text[end : end + 1] != "/"
        ):
            out[-1] = (out[-1][0], end, kind)  # "FEV1/FVC": a ratio of two measures is one fact
            plain = False
            continue
        if (
            beside
            and text[start - 1] == " "
            and text[out[-1][0] - 1 : out[-1][0]] != "-"  # "-OH functional group": a group's formula
            and _plain_term(text[start:end])
            and text[start:end].split(" ", 1)[0] not in STOPWORDS  # "DNA in vitro": a phrase of its own
            and not any(s < start and start - 1 < e for s, e in refused)
        ):
            before = out[-1]
            if plain is None:
                first = text[before[0] : before[1]]
                if starts_sentence(text, before[0]):
                    first = first[:1].lower() + first[1:]  # "Atrial systole": the capital opens the line
                plain = _plain_term(first)
            # only the last word of a long blank is read again: a line of terms stays linear
            last_word = text[text.rfind(" ", before[0], before[1]) + 1 : before[1]]
            if (plain and not is_participle(last_word) and not _passive(text, start, end)) or (
                _qualifying_name(text, before[0], before[1], text[start:end])
            ):
                out[-1] = (before[0], end, kind)
                continue
            out.append((start, end, kind))
            plain = True  # this blank passed the test above
            continue
        out.append((start, end, kind))
        plain = None
    return out


_NO_DIGITS = str.maketrans("", "", "0123456789")


def _ratio(top: str, bottom: str) -> bool:
    """Whether two abbreviations a slash joins are a ratio of measures ("FEV1/FVC"), not two
    things either of which is meant ("DVT/PE", "ACEi/ARB") nor a formula and its catalyst
    ("H2/Ni"): each in capitals and digits, one of them with a digit."""
    if top.translate(_NO_DIGITS) == bottom.translate(_NO_DIGITS):
        return False  # "T3/T4", "COX1/COX2", "L4/L5", "T1DM/T2DM": two of a kind, either of which is meant
    if _FORMULA.fullmatch(top) and _FORMULA.fullmatch(bottom):
        return False  # "O2/CO2": two gases
    return (
        top.isalnum()
        and bottom.isalnum()
        and top.upper() == top
        and bottom.upper() == bottom
        and any(ch.isdigit() for ch in top + bottom)
        and top[0].isalpha()
        and bottom[0].isalpha()
    )


def _qualifying_name(text: str, start: int, end: int, term: str) -> bool:
    """Whether the name ``text[start:end]`` owns the lower-case ``term`` after it: an abbreviation
    ("DNA polymerase", "TSH receptor") or a genus before its species ("Homo sapiens"); not a place
    before what happens there ("Amazon deforestation"), a possessive ("Stalin's purges"), a verb
    ("HbS polymerises"), nor a name a sentence opens with as its setting ("In COPD salbutamol")."""
    span = text[start:end]
    if " " in span or not span[-1:].isalnum() or not span[:1].isupper():
        return False
    if span.lower() in NOTE_SHORTHAND or span.lower() in PLACE_ABBREVIATIONS:
        return False
    if term.endswith(_VERB_ENDS) or term in _NOT_OWNED or term.endswith(_DESCRIBING_ENDS):
        return False  # "LP bacterial", "NH3 trigonal pyramidal", "AAA screening": what is found or done, not a kind
    if sum(ch.isupper() for ch in span) < 2 and not (" " not in term and term.endswith(_OWNED_ENDS)):
        return False  # one capital: only a species or an enzyme ("Taq polymerase") is owned
    before = text[:start].split()[-2:]
    if before and before[-1].lower() == "the":
        before = before[:-1]
    return not (before and before[-1][:1].isupper() and before[-1].lower() in STOPWORDS)


def _passive(text: str, start: int, end: int) -> bool:
    """Whether a lone technical participle says what happens to the name before it, as a verb
    does: "pyruvate decarboxylated + ...", "glucose phosphorylated by ATP"."""
    return " " not in text[start:end] and is_participle(text[start:end])


def _plain_term(span: str) -> bool:
    return span.replace(" ", "").replace("-", "").isalpha() and span.islower()


# The sides of an equals sign, up to the next mark that ends a formula.
_RIGHT_SIDE = re.compile(r" ?= ?([^=;,:()]*)")
# Marks a sum holds that words do not: powers and indices, and Greek letters ("mc²", "γt₀").
_FORMULA_MARKS = frozenset("₀₁₂₃₄₅₆₇₈₉⁰¹²³⁴⁵⁶⁷⁸⁹½αβγδεζηθκλμνξπρστφχψωΔΦΩΨΛΓΣΘ")
_SIDE_ENDS = "=;,:()"  # what no side of an equation holds, as ``_RIGHT_SIDE`` reads one
_FORMULA_SIDE = re.compile(r" = ?([^=;,:]*)")  # brackets and all: "v = √(2GM/r)"
# The clauses of a line, and the tokens of a clause: a formula never crosses "; " nor ", ".
_CLAUSE = re.compile(r"[^;,:]+(?:[,:](?! )[^;,:]*)*")
_TOKEN = re.compile(r"\S+")
_ANNOTATION = re.compile(r"\([a-z ]*\)|\[[^\]]*\]")  # "V(out)", "v(max)", "[HA]"
_LETTERS = re.compile(r"[A-Za-z]{4,}")
_RELATIONS = "=≈∝≤≥<>"
_ARITHMETIC = "+−×÷/*^√²³½·"
_SIGNS = frozenset(_RELATIONS + _ARITHMETIC + "-(")
_RELATION_MARKS = frozenset(_RELATIONS)
_SIDE_AFTER_WORDS = 3  # a sign and a sum of two terms at least: "= R1 + R2"
_SYMBOL_TERM = re.compile(r"[A-Za-z](?:\d{1,2}|[a-z])?")  # "R1", "V2", "k", "Ek"; not "UK", "ADP"
_NOT_ADDING = "/×*÷−^("  # a sum that divides, multiplies or groups is a formula whatever its terms
_ARITHMETIC_MARKS = frozenset(_ARITHMETIC)
# A sum inside one token, between letters or digits: "½QV", "mv²", "2pq+q²"; a relation: "C=O"
# A power of a bracket is one too: "[HI]²", "p(NH3)²".
_INNER_SUM = re.compile(r"\w[×*^+−]\S|[½√]\w|[\w\])][²³]")  # not "/": "140/90", "g/L", "FEV1/FVC" are no sums
_INNER_RELATION = re.compile(r"\w[=≈≤≥<>]\w")
_FUNCTION = re.compile(r"[−-]?(?:log|ln|exp|sin|cos|tan)(?:10)?(?![A-Za-z])")  # "pKa = −log Ka": a function computes
_WORD = re.compile(r"[A-Za-z]{4,}")  # a formula's letters stand alone or in threes: "mgh", "½mv²"
# Symbols of units, which follow a number: "230 V", "50 Hz", "5 MW".
_UNITS = frozenset(
    """V A W J N C F H T K Pa Hz kHz MHz GHz kJ MJ kW MW GW TW mA kV mV eV MeV keV dB Wb kPa
    MPa GPa kN IU Gt GtC Mt MtC ly pc kpc Mpc Bq Gy Sv""".split()
)
_ABBREVIATION = re.compile(r"[A-Z]{2,}")
_COMPARISONS = frozenset("<>≤≥")
_BOND_LENGTH = len("Mg-Br")
_SYMBOL_LENGTH = 4  # "V", "IR", "GPE", "BIl"; longer capitals are names
# A quantity's letter, the last word before its equals sign ("flux Φ", "resistivity ρ"), and how
# long a product of symbols after it may be ("BA", "Fv", "BIl"; "Vmax" is a name).
_QUANTITY = re.compile(r"(?:^|\s)[^\W\d_][₀-₉′']?\s*$")
_PRODUCT_LENGTH = 3
_WORD_AFTER = re.compile(r" ([a-z]{4,})\b")


def is_symbol(text: str, start: int, end: int) -> bool:
    """Whether a short capitalised span is a unit after a number ("50 Hz") or a symbol of a
    formula ("V = IR", "KE = ½mv²"): one side of its equals sign is algebra, with no English
    word and no abbreviation of one."""
    if end - start > _SYMBOL_LENGTH:
        return False
    if text[start:end] in _UNITS:
        before = text[:start].rstrip(" ")
        return before[-1:].isdigit() and start - len(before) <= 1
    if "=" not in text:
        return False
    if (
        end - start >= 3
        and text[:start].rstrip().endswith("=")
        and text[start:end].isupper()
        and text[start:end].isalpha()
    ):
        return False  # "D = AVPU": an abbreviation a letter stands for; a formula's symbols are shorter
    right = _RIGHT_SIDE.match(text, end)
    if right is not None and not _has_word(right.group(1)):
        return True
    left = _left_side(text, start)
    if left is None:
        return False
    quantity = _QUANTITY.search(left) if end - start <= _PRODUCT_LENGTH else None
    if (
        quantity is not None
        and not _spells(quantity.group().strip(), text[start:end])
        and not _is_group(text[start:end])
        and not _names_after(text, end)
    ):
        return True  # "flux Φ = BA", "τ = RC", "P = Fv": a quantity's letter, then its sum; "P = PE" spells
    return not _has_word(left)


def _left_side(text: str, start: int) -> str | None:
    """What stands on the left of an equals sign that ``start`` follows ("flux Φ" in "flux Φ = BA"),
    back to the clause's start or an opening bracket; None where no equals sign comes right
    before ``start``. A scan back rather than a pattern: a search for a side that ends at
    ``start`` tries every place before it."""
    if text[start - 2 : start] == "= ":
        equals = start - 2
    elif text[start - 1 : start] == "=":
        equals = start - 1
    else:
        return None
    if equals and text[equals - 1] == " ":
        equals -= 1
    begin = 1 + max(text.rfind(mark, 0, equals) for mark in _SIDE_ENDS)
    return text[begin:equals]


def _is_group(span: str) -> bool:
    """Whether capitals after an equals sign are a formula with a count: "R = CH3" gives a group."""
    return any(ch.isdigit() for ch in span) and _FORMULA.fullmatch(span) is not None


def _names_after(text: str, end: int) -> bool:
    """Whether a noun after capitals says what they name ("β = FN rate"); "V = IR across each
    resistor" goes on with a small word."""
    word = _WORD_AFTER.match(text, end)
    return word is not None and word.group(1) not in STOPWORDS


def _spells(letter: str, span: str) -> bool:
    """Whether a capital and the capitals after its equals sign spell a mnemonic ("P = PE"), where
    a quantity's letter is followed by a product of symbols ("Φ = BA", "V = IR")."""
    return letter.isascii() and letter.isupper() and span.isupper() and span.startswith(letter)


def _has_word(side: str) -> bool:
    """Whether one side of an equation is no algebra: it holds a word, an abbreviation
    ("CO = SV x HR") or no letter at all ("NATO = 1949")."""
    side = WIDE_GAP.split(side, 1)[0]  # "KE = ½mv²     GPE = mgh" holds two equations
    if _WORD.search(side) is not None or _ABBREVIATION.search(side) is not None:
        return True
    if side.lstrip()[:1] in _COMPARISONS:
        return True  # "PPH = > 500 mL": a threshold defines the abbreviation, no sum relates it
    if any(len(token) > 2 and token.lower() in STOPWORDS for token in side.split()):
        return True  # "TACS = all 3": a small English word, where "at" in "v = u + at" is algebra
    return not any(c.isalpha() for c in side)
