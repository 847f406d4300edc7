"""Technical words: the lower-case words of a course that are key terms by their spelling alone.

A word that is no ordinary English word ("amylase", "hyperinflation", "kulaks") is usually a term
of the subject. Notes also hold words that are missing from the word list for other reasons, and
those are no terms: typos ("satelite", one letter away from "satellite") and words made from
ordinary ones ("reunified", "demilitarised", "nightlife", "socialisation").
"""

from __future__ import annotations

import re
from functools import lru_cache

from .words import COMMON, INFLECTED_ENDS, STOPWORDS, is_common

_PART = 4
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_TYPO_LENGTH = 7  # shorter words sit one letter from some ordinary word by chance
_MIN_LENGTH = 5  # shorter words are mostly abbreviations: "govt", "yrs", "aka"
_PREFIXES = (
    "re", "un", "de", "dis", "mis", "non", "pre", "post", "over", "under", "out", "anti",
    "counter", "inter", "sub", "super", "semi", "co", "ex", "multi", "self", "mid",
)  # fmt: skip
# Suffixes and what the word was before them: "socialisation" from "social", "tsarist" from "tsar".
_SUFFIXES = (
    ("isation", ""), ("ization", ""), ("isation", "e"), ("ization", "e"), ("isation", "ise"),
    ("ization", "ize"), ("ification", "ify"),
    ("ation", "ate"), ("ation", ""), ("ise", ""), ("ize", ""), ("ise", "y"), ("ize", "y"),
    ("ness", ""), ("ment", ""),
    ("ity", ""), ("fully", "ful"), ("ful", ""), ("less", ""), ("ism", ""), ("ist", ""),
    ("ists", ""), ("ship", ""), ("hood", ""), ("ally", "al"), ("ly", ""), ("er", ""), ("ers", ""),
)  # fmt: skip
_SUFFIX_ENDINGS = tuple(suffix for suffix, _ in _SUFFIXES)
_SPECIES_ENDINGS = ("osis", "ae", "ii", "ensis", "itis")
_ADJECTIVE_ENDINGS = ("ic", "ical", "ous", "able", "ible", "al", "ive", "ar", "ary", "ory", "ent", "ant")


# A unit with a metric prefix ("micrograms", "kilojoules"): a measure, never the fact.
_UNIT = re.compile(
    r"(?:micro|milli|nano|pico|centi|deci|kilo|mega|giga)"
    r"(?:gram|litre|liter|metre|meter|mole|joule|watt|volt|amp|second|hertz|pascal|newton)s?"
)
# Contractions written without their apostrophe ("couldnt") and the shortened words of notes
# ("approx", "govt"): no terms. Nor are adverbs, whose endings a misspelling keeps
# ("nessesarily"), and verbs in "-ise" and "-ises" and their participles ("catheterise", "HbS
# polymerises", "immunocompromised").
_SHORTHAND_WORDS = frozenset(
    """dont doesnt didnt cant couldnt wouldnt shouldnt isnt arent wasnt werent wont hasnt havent
    hadnt mustnt neednt approx govt govts yrs hrs mins secs esp incl excl dept avg const""".split()
)
_NOT_TERM_ENDINGS = (
    "ally",
    "arily",
    "ously",
    "ively",
    "fully",
    "lessly",
    "ise",
    "ize",
    "ised",
    "ized",
    "ises",
    "izes",
    "yses",
    "yzes",
    "ysing",
    "yzing",
    "yse",
    "yze",
)
# Prefixes that make a hyphenated word a qualifier of a term, not a term: "post-bronchodilator".
_QUALIFYING_PREFIXES = frozenset("post non".split())


# A word's verdicts depend on the word alone, so they are memoised for every course a process reads.
@lru_cache(maxsize=65536)
def is_technical(word: str) -> bool:
    """Whether a lower-case word is a term by its spelling: no ordinary word, typo or derivation.

    A hyphenated word is one when its last part is: "co-amoxiclav", "pre-eclampsia"; not
    "post-bronchodilator", which says when.
    """
    if "-" in word:
        head, _, last = word.rpartition("-")
        return head not in _QUALIFYING_PREFIXES and head.replace("-", "").isalpha() and is_technical(last)
    return (
        len(word) >= _MIN_LENGTH
        and word.isalpha()
        and _UNIT.fullmatch(word) is None
        and word not in _SHORTHAND_WORDS
        and not word.endswith(_NOT_TERM_ENDINGS)
        and not is_common(word)
        and not _is_derived(word)
        and not _is_typo(word)
    )


# What follows a genus in place of a species: "Paramecium spp", "Lactobacillus sp.", "var. alba".
_RANK_ABBREVIATIONS = frozenset("spp ssp subsp var".split())


def is_species_name(word: str) -> bool:
    """Whether a lower-case word can name a species after a genus ("aureus", "tuberculosis")."""
    if len(word) < 3 or not word.isalpha() or word in _RANK_ABBREVIATIONS or word.endswith("ly"):
        return False  # no Latin epithet ends as an English adverb: "Organophosphates irreversibly"
    return word.endswith(_SPECIES_ENDINGS) or not (is_common(word) or _is_derived(word))


def is_technical_adjective(word: str) -> bool:
    """Whether a technical word reads as an adjective ("aerobic", "hypotonic"): a term with its noun."""
    return word.endswith(_ADJECTIVE_ENDINGS)


@lru_cache(maxsize=65536)
def _is_derived(word: str) -> bool:
    """Whether a word is made from ordinary words by a prefix, a suffix or compounding."""
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3 and is_common(word[len(prefix) :]):
            return True
    for stem in (word, word[:-1], word[:-2]):  # "underpins", "demilitarised"
        if not stem.endswith(_SUFFIX_ENDINGS):
            continue  # one test for all the suffixes: most stems end in none
        for suffix, before in _SUFFIXES:
            if stem.endswith(suffix) and len(stem) - len(suffix) >= 3:
                base = stem[: -len(suffix)] + before
                if is_common(base) or _starts_with_prefix_of_common(base):
                    return True
    return is_compound(word)


def is_compound(word: str) -> bool:
    """Whether a word is two ordinary words written as one: "floodplain", "nightlife".

    Both parts have four letters or more: "pepsin" is no "pep" + "sin".
    """
    return any(is_common(word[:i]) and is_common(word[i:]) for i in range(_PART, len(word) - _PART + 1))


def _starts_with_prefix_of_common(word: str) -> bool:
    return any(word.startswith(p) and is_common(word[len(p) :]) for p in _PREFIXES if len(word) - len(p) >= 3)


def _is_typo(word: str) -> bool:
    """Whether a word is one letter away from an ordinary word (a letter added, lost or changed,
    or two letters swapped), itself or the stem it is inflected from.

    A short word is one letter away from some ordinary word by chance ("thymus", "swash", "cilia"
    are terms), so only longer words count, and a changed or swapped letter only in longer ones
    still, where chance near-misses are rare and typing slips ("discretied") are not.
    """
    if len(word) < _TYPO_LENGTH:
        return False
    index = _deletion_index()
    loose = len(word) >= _TYPO_LENGTH + 1
    for candidate in _bases(word):
        if candidate in index:  # a letter lost
            return True
        # Where the last letter ends no inflection, a variant that keeps it is common only if it
        # is listed: a set lookup, where ``is_common`` would look for stems too.
        last = len(candidate) - 1 if candidate[-1] not in INFLECTED_ENDS else 0
        enzyme = candidate.endswith("ase")
        for i in range(len(candidate)):
            shorter = candidate[:i] + candidate[i + 1 :]
            if shorter in COMMON or shorter in STOPWORDS or (i >= last and is_common(shorter)):  # a letter added
                return True
            if loose and shorter in index and _changed(candidate, i) and not (enzyme and i >= len(candidate) - 3):
                return True  # a letter changed; not the ending of an enzyme: "separase", "nuclease" ("-ate")
        if loose:
            for i in range(len(candidate) - 1):
                swapped = candidate[:i] + candidate[i + 1] + candidate[i] + candidate[i + 2 :]
                if swapped in COMMON or swapped in STOPWORDS or (i + 1 >= last and is_common(swapped)):
                    return True
    return False


def _bases(word: str) -> set[str]:
    """The word and what it may be inflected from: a typo hides in the stem ("intially")."""
    out = {word}
    for ending in ("s", "es", "ly", "ed", "ing", "d"):  # "d": "critisised" from "critisise"
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            out.add(word[: -len(ending)])
    return out


@lru_cache(maxsize=1)
def _deletion_index() -> frozenset[str]:
    """Every listed word with one letter left out: how typos are found without trying them all."""
    return frozenset(word[:i] + word[i + 1 :] for word in COMMON if len(word) >= 4 for i in range(len(word)))


def _changed(word: str, i: int) -> bool:
    """Whether another letter in place ``i`` makes ``word`` a listed word ("discretied")."""
    before, after = word[:i], word[i + 1 :]
    return any(before + letter + after in COMMON for letter in _LETTERS if letter != word[i])
