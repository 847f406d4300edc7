"""Terms a course introduces by the way it writes them: defined, described, or made a heading.

Notes define their key terms in a few fixed shapes, and the shape, not the word, tells that a
phrase is a term, so these rules hold for any subject:

- a definition opens a line or a clause: "osmosis: diffusion of water ...", "limiting factor:
  ...", "habitat = where an organism lives; niche = its role there";
- a description opens a line: "Osmosis is the diffusion of ...", "X refers to ...";
- a heading is a short line of its own: "Heart failure", "Stroke", "Photosynthesis - overview";
- the members a definition lists are terms too: "erosion: hydraulic action, abrasion, attrition";
- so are the steps of a chain or word equation: "carbon dioxide + water → glucose + oxygen",
  "crack → cave → arch → stack", "CNS = brain + spinal cord";
- a compound made with a hyphen names a thing with the noun after it: "slip-off slope",
  "sodium-potassium pump", "community-acquired pneumonia";
- a term keeps its kind when a classifying adjective narrows it: once "erosion" is a term, so is
  "lateral erosion", and "peripheral oedema" once "oedema" is.

Each rule gives the term in lower case; the lexicon then finds it in every line, in any case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from .words import (
    CLAUSE_VERBS,
    COLOURS,
    DRUG_LABELS,
    EPONYM_DISEASE_ENDINGS,
    EPONYM_HEADS,
    EVENT_HEADS,
    INSTRUCTIONS,
    IRREGULAR_PAST,
    MONTHS,
    NOTE_SHORTHAND,
    STOPWORDS,
    TITLES,
    ends_in_plural_s,
    is_common,
    is_proper_adjective,
    is_subject_term,
    is_verb_like,
)

_WORD = r"[^\W\d_][\w'’\-]*"
_DEFINITION = re.compile(rf"\s*({_WORD})(\s?:\s|\s=\s|\s\()")
# What a definition never starts with: a name, a number or a quotation. After an ordinary word,
# these file a note under it.
_NOTE_AFTER = re.compile(r"""\s*[A-Z0-9~≥≤<>"“']""")
# Two or three words before a colon or an equals sign: "limiting factor: ...". A bracket after
# them is no definition ("strong sugar solution (...)"): only a single word is defined that way.
_PHRASE_WORDS = 3
_PHRASE_DEFINITION = re.compile(rf"\s*({_WORD}(?: {_WORD}){{1,2}})(?:\s?:\s|\s=\s)")
# "Osmosis is the diffusion of water ...", "A catalyst is a substance ...", "X refers to ..."
_DESCRIBED = re.compile(
    r"\s*(?:(?:an?|the)\s+)?([^\W\d_][\w\-]*(?:\s(?:of\s)?[^\W\d_][\w\-]*){0,2})"
    r"\s(?:(?:is|are)\s(?:the|an?|when|where|defined\sas)|refers\sto|means)\s",
    re.IGNORECASE,
)
# A heading: one to three words alone on a line, or before a spaced dash or a bracket.
_HEADING = re.compile(rf"({_WORD}(?: {_WORD}){{0,2}})(?:\s+[-–—(].*)?")
_HEADING_MARKS = ("-", "–", "—", "(")
# A gloss in brackets is no date nor an allele's letter: "tall (T) × dwarf (t)" shows a symbol.
_GLOSSED = re.compile(rf"({_WORD}(?: {_WORD}){{0,2}})(?: \((?!\d|[A-Za-z]\))| [-–] )")
_HEADING_JOIN = re.compile(r" [+&] ")
_ARTICLE = re.compile(r"^(?:[Tt]he|[Aa]n?) ")
_HEADING_LENGTH = 60
_HEADING_SPACES = 8
_WORDLIKE = re.compile(r"[A-Za-z]{3}|[A-Z]{2}")  # a word or an abbreviation: what a formula lacks ("CO = SV x HR")
_CLAUSES = re.compile(r";\s+")
_LIST_LENGTH = 3  # two words after a colon are as often a pair of examples as a list
_HYPHENATED = re.compile(r"-[a-z]{2}")  # what every compound holds; the regex engine finds "-" quickly
_COMPOUND = re.compile(r"(?<![\w\-])([a-z]{2,})-([a-z]{2,}) ([a-z]{3,})(?![\w\-])")
_VERB_PREFIXES = frozenset({"re", "un", "de", "pre", "co", "over", "under", "out"})
_DESCRIBING_PREFIXES = frozenset({"non", "semi", "anti", "pre", "same", "self", "ex"})
# Second parts that make a compound an adjective of quality: "protein-rich food", "lipid-soluble
# substances", "week-long bombardment", "small-scale trade" ("insulin-like growth factor" names one).
_QUALITY_ENDS = frozenset("rich poor soluble long scale".split())
# Nouns for people and the places they live: a compound before one says which ("middle-class
# households", "high-risk infants", "mud-brick houses") and names no kind of thing.
_PEOPLE_AND_HOMES = frozenset(
    """people women men children infants adults patients residents households families tenants incomers
    workers officers homes houses flats dwellings countries areas area land""".split()
)
_TENS = frozenset("twenty thirty forty fifty sixty seventy eighty ninety".split())
# Compounds that say how much, how fast or how long: "long-acting insulin", "high-dose aspirin",
# "high-flow oxygen", "long-term resentment" describe, and name no kind; "low-density lipoprotein"
# and "short-day plants" do.
_DEGREES = frozenset("long short rapid fast slow quick high low intermediate ultra".split())
_MEASURED = frozenset("acting dose flow term release lasting".split())
# The states and stages a clinical note is sorted by ("acute: triptan + NSAID", "unconscious:
# IM glucagon"): they say when, not what is learnt.
_CLINICAL_STATES = frozenset(
    "acute chronic mild moderate severe life-threatening near-fatal conscious unconscious stable unstable".split()
)
# "A" and "I" are words: "A gene is ...", "I think" name no kind.
_LETTERED = re.compile(r"(?:(?<![\w\-])([a-z]{3,}) )?(?<![\w\-.])([B-HJ-Z]) ([a-z]{3,})(?![\w\-])")
_LETTER_NOUN = re.compile(r"[B-HJ-Z] [a-z]{3}")  # what every match of ``_LETTERED`` holds
_CHAIN_SIGN = re.compile(r"\s(?:→|->|⇌|⟶|\+|=|×|÷)\s")  # also a word equation: "weight = mass × g"
_CHAIN_HEAD = re.compile(rf"\s*{_WORD}(?: {_WORD}){{0,2}}(?:\s?:\s|\s=\s)")
_CHAIN_MARKS = ("→", "->", "⇌", "⟶", "+", "=", "×", "÷")
WIDE_GAP = re.compile(r"\s{3,}|\t")  # what follows is a formula or an aside, not a step
_CHAIN_LENGTH = 3  # "appoints + dismisses" is a pair of verbs, not a chain
_TRAILING_BRACKETS = re.compile(r"\s*\([^()]*\)$")

DISCOURSE = frozenset(
    """result results problem problems aim aims outcome reason reasons cause causes impact impacts
    effect effects consequence consequences idea point key answer question difference advantage
    advantages disadvantage disadvantages benefit benefits purpose role example examples evidence
    significance importance solution solutions issue factor factors theme thing things one way
    structure function location definition equation eqn formula symptoms signs treatment treatments
    diagnosis risk risks side mechanism use uses management prevention pros cons feature features
    add-on follow-up option options
    characteristics type types property properties process processes stages stage steps step
    method conclusion evaluation strength strengths weakness weaknesses note notes summary lesson
    context background overview introduction response responses case study aside reminder tip
    tips fact facts date dates place places people person name names term terms quote why how
    timeline timelines chronology glossary checklist recap buzzword buzzwords keyword keywords eponyms mnemonic
    mnemonics
    what who when where practical practicals products landforms sx mx tx dx hx rx ix
    adaptations measures conditions complications investigations requirements""".split()
) | {label.lower() for label in DRUG_LABELS}
"""Words that open descriptions and labels without being terms: "The result is a ...",
"Causes: ...", "Side effects: ...", "Case study: ...", clinical shorthand ("Mx: ...")."""


def is_label(words: list[str]) -> bool:
    """Whether words are all label words: "side effect", "case study" head notes, never terms."""
    return all(word in DISCOURSE for word in words)


# The last word of a phrase may be a general noun that a modifier makes a term of:
# "limiting factor", "greenhouse effect", "secondary response".
TERM_HEADS = frozenset(
    """factor factors effect effects response responses solution solutions structure function""".split()
)
COUNTING = frozenset("one two three four five six seven eight nine ten first second third main".split())
# Adjectives that rank or compare rather than classify: "different enzymes" is no term.
_GRADING_NOUNS = frozenset("potential constant current".split())  # nouns too, last in a term
GRADING = frozenset(
    """different important significant relevant efficient present current recent frequent constant
    general normal usual typical similar original potential essential total actual initial final
    natural central internal external local national social political several various certain
    particular main major minor overall possible available equivalent new old early late lower
    upper higher severe mild moderate identical permanent temporary painful abnormal symmetrical
    asymmetrical distant previous recurrent urgent persistent compulsory commonest rarest""".split()
)
# Adverbs that say when or how often, which open a clause; not "partially permeable membrane".
_WHEN_ADVERBS = frozenset(
    """eventually initially finally usually typically generally originally gradually recently
    previously subsequently consequently currently frequently normally""".split()
)
# Comparisons that open a statement of how two quantities go together: "smaller pKa = stronger acid".
_COMPARATIVES = frozenset(
    """smaller larger bigger greater higher lower faster slower stronger weaker longer shorter wider
    narrower thicker thinner more less fewer""".split()
)
# Qualities that describe rather than sort: "warm air ... cold air" names no kinds of air.
PLAIN_QUALITIES = frozenset(
    """hot cold warm cool wet dry big small large long short tall wide narrow thick thin deep shallow
    fast slow good bad old young rich poor strong weak heavy light hard soft full empty high low
    same other each acute chronic top bottom front back middle global whole entire twenty thirty forty fifty sixty
    seventy eighty ninety hundred thousand""".split()
)
# The plain qualities that are no nouns too ("far-red light", "the front").
PLAIN_ADJECTIVES = PLAIN_QUALITIES - frozenset("light front back top bottom middle".split())
CLASSIFYING_ENDINGS = ("al", "ive", "ic", "ory", "ary", "ent", "ant", "ous", "ar")
_ADJECTIVE_IVE = ("tive", "sive", "cive")
# Verbs spelt like adjectives that sort: "to prevent eclampsia", "transplant referral".
_VERBS_IN_ENT = frozenset(
    "prevent represent invent augment supplement implement torment plant implant transplant grant".split()
)


# "def: buffer - a solution that ...": the notes' label for a definition, then the term and a mark.
_LABELLED_DEFINITION = re.compile(
    rf"\s*(?:[Dd]ef|[Dd]efn|[Dd]efinition)\s?:\s*(?:(?:an?|the|A|An|The)\s+)?({_WORD}(?: {_WORD}){{0,3}})"
    r"(?:\s?:\s|\s=\s|\s[-–]\s|\s\()"
)


def definitions(text: str) -> Iterator[str]:
    """The terms a line defines or describes, in lower case."""
    labelled = _LABELLED_DEFINITION.match(text)
    if labelled is not None:
        yield labelled.group(1).lower()
        text = text[labelled.start(1) :]
    described = _described(text)
    owned = _unowned(described, text) if described else None
    if owned:
        yield owned
    if ":" not in text and "=" not in text and "(" not in text:
        return  # no mark that follows a defined word
    # A later clause defines only in a line of definitions: "habitat = ...; niche = ...", not
    # "... myth; signers = ...".
    for clause in _CLAUSES.split(text):
        term = _defined(clause) or _defined_phrase(clause)
        if not term or _gives_formula(clause) or _labels_list(term, clause, text):
            return  # "area = πr²" gives a formula, not a meaning
        term = _without_symbol(term)
        owned = _unowned(term, clause)
        if owned:
            yield owned


def _without_symbol(term: str) -> str:
    """A defined phrase without the Greek symbol written after the term ("work function φ: ...",
    "proper time Δt0: ..."): the symbol is a quantity's letter, not part of its name. The letters
    that sort molecules stay ("interferon γ", "TGF β")."""
    head, space, last = term.rpartition(" ")
    return head if space and last[:1] in _QUANTITY_LETTERS and len(last) <= _SYMBOL_LENGTH else term


_SYMBOL_LENGTH = 4
_QUANTITY_LETTERS = frozenset("δεζηθλμνξπρστφχψω")  # lower case: the term is read so; Δ as δ


def _unowned(term: str, text: str) -> str | None:
    """A defined term without the name that owns it: what a person owns is a name of its own
    ("Malenkov's New Course", "Lenin's Testament") or a term of its kind ("Eisenhower's domino
    theory"); an eponym stays whole ("Hooke's law", "Spearman's rank"). None where the person
    owns a plain thing ("Louis XIV's wars", "Hitler's foreign policy")."""
    for mark in ("'s ", "’s "):
        owner, found, rest = term.partition(mark)
        if not (found and owner and rest):
            continue
        if rest in EPONYM_HEADS or rest.endswith(EPONYM_DISEASE_ENDINGS):
            return term
        at = text.lower().find(owner + mark)
        if at >= 0 and text[at + len(owner) + len(mark) : at + len(owner) + len(mark) + 1].isupper():
            return rest  # "New Course", "Testament": capitalised, a name
        if " " not in rest:
            return None if rest in EVENT_HEADS else term  # "louis xiv's wars"; "spearman's rank"
        return rest if rest.split()[-1] in EVENT_HEADS else None  # "domino theory"; not "foreign policy"
    return term


def _labels_list(term: str, clause: str, text: str) -> bool:
    """Whether a plural ordinary noun before a colon labels the list after it ("threats:
    trampling, litter; erosion"), where a plural before its meaning is defined ("tariffs: taxes
    on imports")."""
    if not _plain_plural(term) or not clause.lstrip().lower().startswith(term + ":"):
        return False
    colon = text.find(clause) + clause.index(":")
    return _LIST_MARKS.search(text, colon + 1) is not None


def _gives_formula(clause: str) -> bool:
    """Whether a clause sets a word equal to a formula ("area = πr²"), with no word after "="."""
    equals = clause.find("=")
    if equals < 0 or 0 <= clause.find(":") < equals:
        return False  # "power: P = IV" defines power before its formula
    return _WORDLIKE.search(clause, equals) is None


def listed(text: str) -> list[str]:
    """The members of a list a term is defined by: "mass movement: slumping, rockfalls, landslides".

    Every member must be one to three plain lower-case words, or the list is prose ("sx: cough
    worse at night, ...") and none of it counts.
    """
    head, colon, rest = text.partition(": ")
    if not colon or len(head.split()) > _PHRASE_WORDS:
        return []  # "segregation laws in the southern states: schools, buses" lists no kinds
    lower = head.lower()
    # "take: blood cultures, ..."; "threats: trampling, litter": a plural ordinary noun labels too
    label = is_label(lower.split()[-1:]) or lower in INSTRUCTIONS or _plain_plural(lower)
    if not (label or _defined(head + ": ") or _defined_phrase(head + ": ")):
        return []
    items = [item.strip() for item in rest.split(";")[0].split(", ")]
    if len(items) < _LIST_LENGTH:
        return []
    plain = [item for item in items if _plain_item(item)]
    # "early bilious vomiting, late absolute constipation": when it comes is no part of the term;
    # "lithium crimson, sodium yellow": the colour is what the test shows
    plain = [_uncoloured(_ungraded(item)) for item in plain]
    items = [_uncoloured(_ungraded(item)) for item in items]
    if label and 3 * len(plain) >= 2 * len(items):
        # "causes: overgrazing, over-cultivation, cutting trees for fuelwood"; an ordinary word a
        # label lists ("measures: speed, time") would be a term in every line, so only rarer ones
        return [item for item in plain if " " in item or "-" in item or not is_common(item)]
    return items if len(plain) == len(items) else []


_WHEN_OR_HOW_BAD = frozenset("early late new old recent sudden gradual mild moderate severe distant".split())


def _uncoloured(item: str) -> str:
    head, space, last = item.rpartition(" ")
    return head if space and last in COLOURS and " " not in head else item


def _ungraded(item: str) -> str:
    """A listed phrase without a first word that times or grades it: "late absolute constipation"
    (but "central nervous system", where the first word sorts)."""
    first, space, rest = item.partition(" ")
    return rest if space and " " in rest and first in _WHEN_OR_HOW_BAD else item


def chained(text: str) -> list[str]:
    """The steps of a chain or word equation that is all a line (or its definition) says.

    "food chain: producer → primary consumer → secondary consumer": a line made only of short noun
    phrases joined by arrows, plus and equals signs tests each of them. Any step that is not one to
    three plain lower-case words (a clause, a formula, a figure) means prose, and none counts.
    """
    if not any(sign in text for sign in _CHAIN_MARKS):
        return []  # no sign that joins steps
    text = WIDE_GAP.split(text, 1)[0]  # "wave speed = frequency × wavelength     v = fλ"
    head = _CHAIN_HEAD.match(text)
    steps = _CHAIN_SIGN.split(text[head.end() :] if head else text)
    # A term and two steps is a chain too ("CNS = brain + spinal cord", "Leriche syndrome:
    # buttock claudication + impotence"); a word before a colon files two topics ("vascular: legs + neck").
    defines = head is not None and ("=" in head.group() or " " in head.group().strip(" :"))
    if len(steps) < (_CHAIN_LENGTH - 1 if defines else _CHAIN_LENGTH):
        return []
    # an aside in brackets is no part of its step: "companion cells (lots of mitochondria)"
    steps = [_TRAILING_BRACKETS.sub("", step.strip()) for step in steps]
    return steps if all(_plain_item(step) for step in steps) else []


def compounds(text: str) -> Iterator[str]:
    """Hyphenated compounds of plain words with the noun they qualify: "wave-cut platform".

    Notes coin such compounds for the things a subject names; a compound with a number
    ("one-party state"), a nationality ("soviet-style") or a prefixed verb ("re-elected") is an
    ordinary description instead.
    """
    if _HYPHENATED.search(text) is None:
        return  # most lines: a quick search finds no hyphen before a lower-case word
    for match in _COMPOUND.finditer(text):
        first, rest, noun = match.group(1), match.group(2), match.group(3)
        if (
            first in COUNTING
            or first in _TENS
            or is_proper_adjective(first)
            or noun in COUNTING
            or noun in IRREGULAR_PAST
        ):
            continue  # "one-party state", "forty-eight hours", "soviet-style", "lower-case one", "well-known fell"
        if rest in _QUALITY_ENDS or noun in _PEOPLE_AND_HOMES or first == rest:
            continue  # "protein-rich food", "working-class tenants", "cell-cell contact" describe
        if noun in STOPWORDS or noun in PLAIN_ADJECTIVES:
            continue  # "culture-negative slow growers": the compound grades a quality; "far-red light"
        if noun.endswith(("ed", "ing", "ly")) or (first in _VERB_PREFIXES and rest.endswith("ed")):
            continue
        if rest.endswith("s") and not rest.endswith(("ss", "us", "is")):
            continue  # a plural qualifies no noun: "proto-oncogenes stimulate" is a clause
        if rest.endswith("ly") or _is_degree(f"{first}-{rest}"):
            continue  # "twice-daily biphasic" says how often, "long-acting insulin" how long
        if (rest.endswith(("ed", "ing")) and rest != "red") or first in _DESCRIBING_PREFIXES:
            continue  # "egg-shaped hills", "slow-moving animals", "non-violent resistance" describe
        yield match.group(0)


def lettered(text: str) -> Iterator[tuple[str, str]]:
    """Kinds named by a capital letter and a noun, with the word before that narrows them:
    ("b cells", "memory b cells") for "memory B cells"; the modifier is "" when there is none."""
    if _LETTER_NOUN.search(text) is None:
        return  # most lines: a search for the letter and noun alone is quicker than the full pattern
    for match in _LETTERED.finditer(text):
        modifier, letter, noun = match.groups()
        if noun in STOPWORDS or noun.endswith(("ed", "ing", "ly")):
            continue
        kind = f"{letter.lower()} {noun}"
        narrowed = modifier and modifier not in STOPWORDS and not modifier.endswith(("ed", "ly", "s"))
        yield kind, f"{modifier} {kind}" if narrowed else ""


def _plain_item(item: str) -> bool:
    words = item.split()
    return (
        1 <= len(words) <= 3
        and all(word.replace("-", "").isalpha() and word.islower() and word not in STOPWORDS for word in words)
        and not (len(words) > 1 and words[0] in CLAUSE_VERBS)  # "need bright light" is a clause
    )


def headings(text: str) -> list[str]:
    """The terms a heading line names, one or two joined by "+" or "&": "The kidney",
    "Digestion + enzymes" ("and" joins as often one term: "lock and key model")."""
    stripped = text.strip()
    article = _ARTICLE.match(stripped)
    if article is not None:  # "The kidney" names the kidney
        stripped = stripped[article.end() :].capitalize() if article.group()[0].isupper() else ""
    elif stripped[:1].islower():
        # In lower case only a term with its gloss: "myelin sheath (Schwann cells) → ...",
        # "accommodation - near object: ...", not "stalemate (1953)" nor "fails - ...".
        glossed = _GLOSSED.match(stripped)
        opener = glossed.group(1).split()[0] if glossed is not None else ""
        if glossed is None or is_verb_like(opener) or opener in INSTRUCTIONS:
            return []
        head = glossed.group(1)
        if " " not in head and is_common(head) and not glossed.group().endswith("("):
            return []  # "economy - grew quickly" comments on a word; "gamma (γ)" glosses one
        stripped = stripped.capitalize()
    if not (" + " in stripped or " & " in stripped):
        term = heading(stripped) if stripped else None
        return [term] if term else []
    if len(stripped) > _HEADING_LENGTH or stripped.count(" ") > _HEADING_SPACES:
        return []
    parts = _HEADING_JOIN.split(stripped)
    if len(parts) > 2:
        return []
    terms = []
    if not parts[0][:1].isupper():
        return []  # a heading starts with a capital
    for part in parts:
        part = _ARTICLE.sub("", part)
        term = heading(part[:1].upper() + part[1:]) if part else None
        if term is None:
            return []  # "Causes and effects", "Rise and fall": both halves must be terms
        terms.append(term)
    return terms


def heading(text: str) -> str | None:
    """The term a heading line names: "Heart failure", "Photosynthesis - overview"."""
    stripped = text.strip()
    if stripped.count(" ") > 2 and not any(mark in stripped for mark in _HEADING_MARKS):
        return None  # more than three words and no dash or bracket: a quick way past most lines
    match = _HEADING.fullmatch(stripped)
    if match is None or not match.group(1)[0].isupper():
        return None
    words = match.group(1).split()
    if any(not word[1:].islower() or word.lower() in STOPWORDS for word in words if len(word) > 1):
        return None  # "Rise in Khrushchev", "Weimar Republic": found as names, if names
    lower = [word.lower() for word in words]
    if lower[0] in TITLES and len(lower) > 1 and words[1][0].isupper():
        lower = lower[1:]  # "Cardinal Thomas Wolsey (c. 1473-1530)": the man; "General election" stays
    if lower[-1] in DISCOURSE or lower[-1] in _FILING_NOUNS or lower[0] in COUNTING or lower[0] in MONTHS:
        return None
    if lower[0] in NOTE_SHORTHAND:
        return None
    if lower[0].endswith(("'s", "’s")) and lower[-1] not in EPONYM_HEADS and lower[-1] != "model":
        return None  # "China's development", "Stalin's policies": the name is the term, found as one
    if len(lower) == 2 and not is_common(lower[0]) and _is_verb_s(lower[1]):
        return None  # "Stalin dies - power struggle": a name and what it did, not a term
    if any(word.endswith("ed") for word in lower) or (len(lower) == 1 and lower[0].endswith("ing")):
        return None  # "Flooding", "Compulsory retired": an activity, not a thing
    if len(lower) == 3 and not lower[0].endswith(CLASSIFYING_ENDINGS[:4]):
        return None  # "Specific immune response", not "Prevent direct confrontations"
    return " ".join(lower)


# Nouns a heading files notes under, after the topic they are about: "Diabetes drugs", "Insulin
# regimens", "Breast clinic", "Stroke call", "Renal physiology"; the topic is the term, if any.
_FILING_NOUNS = frozenset(
    """drugs regimens pharmacology physiology clinic clinics bleep call calls history programmes
    referral referrals prescribing round rounds wr status""".split()
)


def _is_verb_s(word: str) -> bool:
    """Whether a word in "-s" after a name reads as its verb ("dies", "invades"), not a noun the
    name is given to ("Schwann cells", "Koplik spots")."""
    return word.endswith("s") and is_common(word[:-1]) and word not in EVENT_HEADS and word not in EPONYM_HEADS


def _defined(text: str) -> str | None:
    """A word defined at the start of a line: "hyperinflation: ...", "Metropolis (...)"."""
    match = _DEFINITION.match(text)
    if match is None:
        return None
    word, mark = match.group(1), match.group(2)
    lower = word.lower()
    if len(word) == 1:
        return None  # "V = IR", "D = AVPU": a letter stands for something; it is no term
    if lower in STOPWORDS or lower in DISCOURSE or lower in MONTHS or not word.replace("-", "").isalpha():
        return None
    if lower in NOTE_SHORTHAND:
        return None  # "resp: pneumonia, PE": a specialty's shorthand files the notes
    if lower in INSTRUCTIONS or lower in _CLINICAL_STATES:
        return None  # "take: blood cultures, lactate" says what to do; "acute: ..." when
    if mark.endswith("(") and not word[0].isupper():
        return None  # "Metropolis (Fritz Lang, 1927)" defines; "stalemate (1953)" does not
    if len(word) > 1 and word.isupper() and is_common(lower):
        return None  # "FAST: Face, Arms, ..." spells an acronym; "fast" stays an ordinary word
    if word[0].islower() and _NOTE_AFTER.match(text, match.end()) and is_common(lower) and not is_subject_term(lower):
        return None  # "aid: UK aid for schools", "primary: ~500,000 houses": a note filed under a word
    return lower


# What separates the items of a list: "attractions: Maasai Mara, beaches at Mombasa".
_LIST_MARKS = re.compile(r", |; | → | \+ ")


def _plain_plural(word: str) -> bool:
    """Whether a word is the plural of an ordinary noun ("threats", "stores"), not a singular
    that ends in "s" ("osmosis", "measles", "species")."""
    return ends_in_plural_s(word) and not word.endswith("es") and is_common(word)


def _defined_phrase(text: str) -> str | None:
    """A phrase defined at the start of a line or clause: "active transport: ..."."""
    match = _PHRASE_DEFINITION.match(text)
    if match is None:
        return None
    words = match.group(1).lower().split()
    joined_by_of = len(words) == 3 and words[1] == "of"  # "zone of inhibition: ..."
    if any(
        (word in STOPWORDS and not (joined_by_of and i == 1)) or word in IRREGULAR_PAST for i, word in enumerate(words)
    ):
        return None  # "cause of the war: ...", "Stalin died = ..."
    if words[0] in DISCOURSE or words[0] in COUNTING or words[0] in MONTHS or words[0] in INSTRUCTIONS:
        return None  # "Side effects: ...", "three factors: ...", "add NaOH: ..."
    if words[0] in _WHEN_ADVERBS:
        return None  # "eventually air resistance = weight": a clause, when it happens
    opener = match.group(1)[:1]
    if (opener.islower() and (words[0] in CLAUSE_VERBS or words[0] in _COMPARATIVES)) or words[-1] in CLAUSE_VERBS:
        return None  # "makes sulfuric acid: ...", "wave theory fails: ..."; "smaller pKa = ..." compares
    if (words[-1] in DISCOURSE and words[-1] not in TERM_HEADS) or is_label(words[-2:]):
        return None  # "word equation: ...", "natural causes: ...", "ACEi side effect: ..."
    last = words[-1]
    if last.endswith("ly") or (last.endswith("ed") and not last.endswith("eed")) or words[0] in GRADING:
        return None
    if last in GRADING and last not in _GRADING_NOUNS:  # "acute severe: ...", not "action potential"
        return None
    if is_proper_adjective(words[0]):
        return None  # "Nazi seats: ...": a nationality and what it counts
    names = match.group(1).split()
    if len(names) == 3 and names[0][0].isupper() and names[2][0].isupper() and names[1].islower():
        return None  # "Henry reads Leviticus: ...", "Stalin v Trotsky: ...": a clause between two names
    return " ".join(words)


def _described(text: str) -> str | None:
    """The subject of a line that describes it: "osmosis" in "Osmosis is the diffusion of ..."."""
    match = _DESCRIBED.match(text)
    if match is None:
        return None
    words = match.group(1).lower().split()
    if words[-1] == "of" or any(word in STOPWORDS and word != "of" for word in words):
        return None
    if words[0] in DISCOURSE or words[-1] in DISCOURSE:
        return None
    return " ".join(words)


def narrowed_terms(pairs: Iterable[tuple[str, str]], names: frozenset[str] | set[str]) -> Iterator[str]:
    """Phrases of a classifying adjective and a term: "lateral erosion", "non-competitive inhibitor".

    ``pairs`` are the pairs of adjacent lower-case words of the course (one space apart).
    """
    for modifier, noun in pairs:
        if noun in names and _classifying(modifier):
            yield f"{modifier} {noun}"


def _is_degree(word: str) -> bool:
    """Whether a hyphenated word says how much, how fast or how long ("long-acting", "high-dose")."""
    first, _, rest = word.partition("-")
    return first in _DEGREES and rest in _MEASURED


def _classifying(word: str) -> bool:
    """Whether a lower-case word reads as an adjective that sorts things into kinds."""
    if word in STOPWORDS or word in GRADING or word in COUNTING or word in INSTRUCTIONS or len(word) < 5:
        return False  # "give" ends like "active" but is no adjective
    if "-" in word:  # "non-competitive", "large-vessel"; not "long-acting", "high-dose"
        return all(part.isalpha() for part in word.split("-")) and not _is_degree(word)
    if (word.endswith("ive") and not word.endswith(_ADJECTIVE_IVE)) or word in _VERBS_IN_ENT:
        return False  # "survive", "receive" are verbs; "active", "passive", "coercive" sort
    return word.endswith(CLASSIFYING_ENDINGS) and is_common(word) and not word.endswith("ly")
