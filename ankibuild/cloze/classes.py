"""What each word of a run of capitalised words is, in a course.

A word that is no ordinary English word ("Malenkov") or an acronym ("NATO") is *strong*; an
ordinary word ("Union"), a nationality ("Soviet"), a job title ("President") or a month is weaker.
What the course says about its words (``Lexicon.names``) takes precedence over the word list.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import TYPE_CHECKING, Literal

from .words import (
    COMPASS_POINTS,
    CONNECTORS,
    MONTHS,
    NOTE_SHORTHAND,
    ROUTINE_SHORTHAND,
    STOPWORDS,
    TITLES,
    WEEKDAYS,
    is_common,
    is_proper_adjective,
)

if TYPE_CHECKING:
    from .lexicon import Lexicon

WordClass = Literal["strong", "acronym", "common", "adjective", "title", "month", "roman", "stop", "connector"]

NAME_LIKE: frozenset[WordClass] = frozenset({"strong", "acronym"})
_ROMAN = re.compile(r"(?=[IVXLC]{2,}$)C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_COMPOUND_SPLIT = re.compile(r"[-–]")
_CONTRACTIONS = frozenset({"t", "re", "ll", "ve", "d", "m"})
_ADJECTIVE_SUFFIXES = ("ist", "ists", "ite", "ites", "ian", "ians", "ic", "ese", "er", "ers")
_JOINING = frozenset({"the"})  # "Republic of the Congo"
# The particles inside a hyphenated place's name: "Port-au-Prince", "Aix-en-Provence"; "of" and the
# English prepositions join ordinary words too ("Out-of-Hours", "Hand-to-Mouth").
_PLACE_PARTICLES = (CONNECTORS - {"of"}) | {"au", "aux", "en", "sur", "sous"}


# Words written in capitals for emphasis or as headings; other ordinary words in capitals are
# abbreviations ("MAP", "FIT", "PAD").
_EMPHASIS = frozenset(
    """not but all only never always must very most least yes new key note wrong true main big huge
    tip tips top don't didn't can't won't isn't aren't fear weak paid sign red hot cold high low good
    bad less more few many free read hard easy important remember warning caution careful right left
    daily weekly""".split()
)
# "US", "WHO": a country and an organisation; "ETC": a chain; "AS", "IE": aortic stenosis, infective
# endocarditis (notes write "i.e." in small letters)
STOPWORD_ACRONYMS = frozenset({"us", "who", "etc", "as", "ie"})
_BLOOD_GENOTYPE = re.compile(r"(?:I[ABO]){2}")  # "IAIB", "IOIO"
LETTER_ROMANS = frozenset("IVX")
"""Roman numerals of one letter, which ``_ROMAN`` leaves to the letters: a number only beside a
name ("Charles V", "MHC I") or another numeral ("Garden III-IV")."""


def is_roman(text: str) -> bool:
    """Whether a word in capitals is a roman numeral of two letters or more ("II", "XIV")."""
    return _ROMAN.fullmatch(text) is not None


def word_class(word: str, lexicon: Lexicon) -> WordClass:
    """The class of a capitalised word (or a connecting word) in this course."""
    cache = lexicon.word_classes
    found = cache.get(word)
    if found is None:
        found = _classify(word, word.lower(), lexicon)
        cache[word] = found
    return found


def _classify(text: str, lower: str, lexicon: Lexicon) -> WordClass:
    if ("'" in text or "’" in text) and core(text)[0] == text and core(text)[1]:
        return "stop"  # a contraction: "Wasn't"
    if not text[0].isupper():
        if lower in CONNECTORS or lower in _JOINING:
            return "connector"
        return "strong" if lower in lexicon.names else "stop"
    if len(text) == 1:
        return "stop"  # "F = ma", "vitamin K"
    if _is_genotype(text):
        return "stop"  # "Bb", "RrYy", "IAIO": a genotype is worked out, not a name to learn
    if lower in lexicon.fields:
        return "stop"  # "SBA: ...", "TP: ...": the course heads lines with it and uses it nowhere else
    if text in COMPASS_POINTS:
        return "stop"  # a bearing: "NW India" is India
    if text == "SEs":
        return "stop"  # side effects; "SE England" keeps its capitals
    if (
        (len(text) <= 4 and text[-1] == "x" and text[:-1].isupper())
        or lower in ROUTINE_SHORTHAND
        or lower in NOTE_SHORTHAND
    ) and _ROMAN.fullmatch(text) is None:  # "Charles IX" is no "Ix" (investigations)
        return "stop"  # clinical shorthand: "Mx" (management), "Tx", "Dx", "FHx"; "BP", "TDS"; "NB"
    if len(text) >= 2 and (text.isupper() or (len(text) > 2 and text[:-1].isupper() and text[-1] == "s")):
        if _ROMAN.fullmatch(text):
            return "roman"
        if "+" in text and all(len(part) == 1 and part.isalpha() for part in text.split("+")):
            return "stop"  # "A+B = petals": letters added up, not an abbreviation; "U+Es" is one
        if ("-" in text or "–" in text) and all(
            _ROMAN.fullmatch(part) or part in LETTER_ROMANS for part in _COMPOUND_SPLIT.split(text)
        ):
            return "stop"  # a range of grades, "Garden III-IV", "ASA I-VI": the scale is the name
        if lower in STOPWORDS and lower not in STOPWORD_ACRONYMS:  # "OF", "THE": shouting, not an acronym
            return "stop"
        # An ordinary word in capitals is emphasis where the course shouts it ("BRUTAL", "INHIBITS")
        # and always for the words of emphasis ("NOT", "FEAR"); elsewhere an abbreviation ("MAP",
        # "FIT"), a mnemonic ("CRASH") or a trial ("ORBIT").
        if (
            len(text) >= 3
            and ((lower in _EMPHASIS and text not in lexicon.standing) or text in lexicon.shouted)
            and is_common(lower)
        ):
            return "common"
        return "acronym"
    if lower in STOPWORDS:
        return "stop"
    if lower in MONTHS or lower in WEEKDAYS:
        return "month"
    if lower in TITLES:
        return "title"
    if lower in lexicon.names:
        return "strong"
    if is_proper_adjective(lower) or is_derived(lower, lexicon.names):
        return "adjective"
    if "-" in text or "–" in text:
        return _classify_compound(text, lexicon)
    if is_common(lower) and not is_coined(text):
        return "common"
    return "strong"  # or an everyday word written as a coined name: "ProCESS", "ProMISe" (trials)


_INNER_CAPITAL = re.compile("[a-z][A-Z]")


def is_coined(word: str) -> bool:
    """Whether a word has a capital after a small letter: a coined name ("ProCESS", "AChE"), even
    where its letters spell an everyday word."""
    return _INNER_CAPITAL.search(word) is not None


def is_emphasis(lower: str) -> bool:
    """Whether a word, written in capitals, is usually emphasis ("NOT", "MAIN", "KEY")."""
    return lower in _EMPHASIS


def is_derived(lower: str, names: Collection[str]) -> bool:
    """Whether a word is an adjective made from one of ``names`` ("Stalinist")."""
    if not lower.endswith(_ADJECTIVE_SUFFIXES):
        return False  # one test for all the suffixes: most words end in none
    return any(lower.endswith(suffix) and lower[: -len(suffix)] in names for suffix in _ADJECTIVE_SUFFIXES)


def _classify_compound(text: str, lexicon: Lexicon) -> WordClass:
    parts = [part for part in _COMPOUND_SPLIT.split(text) if part]
    if len(parts) > 2 and parts[-1][0].isupper() and any(part in _PLACE_PARTICLES for part in parts[1:-1]):
        return "strong"  # a place's name joined by particles: "Port-au-Prince"; not "Hand-to-Mouth"
    classes = [_classify(part, part.lower(), lexicon) for part in parts]
    if classes and all(cls == "title" for cls in classes):
        return "title"  # "Brigadier-General", "Lieutenant-Colonel"
    if any(cls in NAME_LIKE for cls in classes):
        return "strong"
    return "adjective" if "adjective" in classes else "common"


def core(word: str) -> tuple[str, bool]:
    """A word without a possessive or a glued closing quote, and whether it ends its phrase."""
    cut = max(word.find("'"), word.find("’"))
    if cut < 0:
        return word, False
    tail = word[cut + 1 :].lower()
    if tail in _CONTRACTIONS:
        return word, True
    if cut == 1 and tail:  # O'Brien
        return word, False
    return word[:cut], bool(tail) or cut < len(word) - 1  # "Stalin's", "Course'was"; not "Workers'"


def _is_genotype(text: str) -> bool:
    """Pairs of alleles of a gene, a capital and either case of the same letter ("Bb", "RRYy"),
    or a blood group's ("IAIB")."""
    if _BLOOD_GENOTYPE.fullmatch(text):
        return True
    if len(text) % 2 or text.isupper():
        return False  # "II" is a regnal number, "SS" a name: a genotype has a small letter
    return all(text[i].isupper() and text[i + 1].upper() == text[i] for i in range(0, len(text), 2))
