"""Names built around a number or a letter: "Article 48", "seven year plan", "20th communist party
congress", "vitamin K", "beta blockers"."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from .tokens import starts_sentence
from .words import EVENT_HEADS, IRREGULAR_PAST, MONTHS, NUMBERED, STOPWORDS, is_common

_NUMBER_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"
    r"|forty|fifty|hundred|\d{1,3}"
)
_ORDINAL_WORDS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|twentieth"
# "seven year plan", "Six-Day War", "Hundred Years' War", matched in the line in lower case
_NUMBER_PLAN = re.compile(
    rf"(?:{_NUMBER_WORDS})[\s\-](?:year|day|week|month|point|hour)s?['’]?[\s\-]"
    r"(?:plan|plans|war|programme|program|truce)\b"
)
# An ordinal, a few words, a head noun: "20th communist party congress", "the Fifth Republic".
# The forms with digits start with a digit, so the regex engine can skip other text quickly.
# Units and lines numbered by an ordinal, besides events: "6th Army", "7th Cavalry", "38th parallel".
_ORDINAL_HEADS = frozenset(
    "army armies navy fleet cavalry division regiment battalion brigade corps parallel meridian".split()
)
# Streets numbered by an ordinal, and what stands on them, written with capitals: "16th Street
# Baptist Church", "Fifth Avenue"; not "the 4th church service".
_ORDINAL_PLACES = frozenset({"Street", "Avenue", "Church"})
_ORDINAL_NUMBER = re.compile(r"\d{1,3}(?:st|nd|rd|th)((?:\s[A-Za-z][\w'’\-]*){1,4})")
_ORDINAL_WORD = re.compile(rf"(?:{_ORDINAL_WORDS})((?:\s[a-z][\w'’\-]*){{1,4}})")
# "Article 48", "Art. 231": the word capitalised, as such names are written
_NUMBERED_WORDS = frozenset({word.capitalize() for word in NUMBERED} | {"article"})
_NUMBER_WORD = re.compile(r"\d{1,4}[A-Za-z]?\b")
# Any of those words anywhere in a line: without one, no number in it is named ("Article 48").
_ANY_NUMBERED_WORD = re.compile("|".join(sorted(_NUMBERED_WORDS)))
_WORD = re.compile(r"[\w'’\-]+")
# An isotope written with its mass number before the symbol: "14C", "15N", "32P", "131I", "238U";
# the mass numbers of the isotopes that tracers and decay are taught with, so "50N" (newtons),
# "100C" (degrees) and "10K" (a run) are none.
_ISOTOPES = {
    "C": (11, 14), "N": (13, 15), "O": (15, 18), "P": (31, 33), "S": (32, 35), "I": (123, 131),
    "U": (233, 238), "Pu": (238, 241), "Sr": (89, 90), "Co": (57, 60), "Tc": (99, 99),
    "Cs": (134, 137), "Rn": (219, 222), "Ra": (223, 226), "Am": (241, 241), "Ca": (40, 48),
    "Na": (22, 24), "Cl": (35, 37), "Fe": (54, 59), "Th": (228, 234), "Pb": (204, 214),
}  # fmt: skip
_ISOTOPE = re.compile(rf"(\d{{2,3}})({'|'.join(sorted(_ISOTOPES, key=len, reverse=True))})(?![\w\-])")
# A type is of a kind named after it: "Type 1 diabetes", "Type 2 error".
_KIND_OF = re.compile(r" ([a-z]{4,})\b(?<!ed)(?<!ly)")
# Names made with a letter: "vitamin K", "beta blockers", "alpha particles" (in lower case)
_LETTERED = re.compile(r"(?:vitamin\s[a-k]\d{0,2}|(?:alpha|beta|gamma|kappa)[\s\-]([a-z]+))\b")
# Kinds told apart by a capital letter, read from the text as written, since "hep a" in lower
# case may be an article: "hep B", "blood group AB", "protein kinase A", "factor Xa inhibitors",
# "cytochrome c oxidase".
# The words that come before the letter or number of a kind: one quick test before the pattern.
_LETTER_KIND_WORDS = (
    "hep",
    "group",
    "kinase",
    "factor",
    "cytochrome",
    "thromboxane",
    "prostaglandin",
    "leukotriene",
    "interleukin",
)
_LETTER_KINDS = re.compile(
    r"\b(?:[Hh]ep(?:atitis)? [A-E]|[Bb]lood group (?:AB|A|B|O)|[Pp]rotein kinase [A-C]"
    r"|[Ff]actor (?:VIII|VII|XIII|XII|XI|IX|V|X)a?(?: inhibitors?)?"
    r"|[Cc]ytochrome [a-c]\d?(?: oxidase| reductase)?"
    r"|(?:[Tt]hromboxane|[Pp]rostaglandin|[Ll]eukotriene|[Ii]nterleukin) [A-I]?\d{1,2})(?![\w\-])"
)


def _may_name_a_number(lower: str) -> bool:
    """Whether a line without digits may hold "seven year plan" or "first world war"."""
    return (
        "year" in lower
        or "day" in lower
        or "week" in lower
        or "point" in lower
        or "first" in lower
        or "second" in lower
        or "third" in lower
        or "fifth" in lower
    )


def numbered_names(text: str, lower: str, numbers: Sequence[int]) -> list[tuple[int, int]]:
    """The spans of names built around a number in ``text`` (``lower`` is it in lower case).

    ``numbers`` are where the numbers of the text start.
    """
    lettered = "vitamin" in lower or "alpha" in lower or "beta" in lower or "gamma" in lower or "kappa" in lower
    out = list(_lettered_names(lower)) if lettered else []
    if any(word in lower for word in _LETTER_KIND_WORDS):
        out += [match.span() for match in _LETTER_KINDS.finditer(text)]
    if numbers or _may_name_a_number(lower):
        out += _numbered_names(text, lower, numbers)
    if "ype I" in text or "ype V" in text:
        out += _roman_types(text)
    return out


# A type numbered in Roman numerals, with a letter for its subtype, and the kind it is of: "Type Ia
# supernovae", "type II alveolar cells", "Type IV hypersensitivity".
_ROMAN_TYPE = re.compile(
    r"(?<![\w\-])[Tt]ype (?:I{1,3}|IV|VI{0,3})[a-d]?"
    r" ([a-z]{4,})\b(?<!ed)(?<!ly)(?<!est)(?: ([a-z]{4,})\b(?<!ed)(?<!ly))?"  # not "type II commonest"
)
_DESCRIBING_ENDS = ("al", "ar", "ic", "ive", "ous", "ory")  # "type II alveolar cells": an adjective, then its noun


def _roman_types(text: str) -> Iterator[tuple[int, int]]:
    """Each type in Roman numerals with the noun it is a kind of, and the adjective before that noun."""
    for match in _ROMAN_TYPE.finditer(text):
        kind, noun = match.groups()
        if noun and kind.endswith(_DESCRIBING_ENDS) and _is_kind(noun):
            yield match.span()
        elif _is_kind(kind):
            yield match.start(), match.end(1)


def _lettered_names(lower: str) -> Iterator[tuple[int, int]]:
    for match in _LETTERED.finditer(lower):
        noun = match.group(1)
        verb = noun is not None and (noun in IRREGULAR_PAST or noun.endswith(("ed", "ly")))
        if _word_start(lower, match.start()) and noun not in STOPWORDS and not verb:
            yield match.span()  # "alpha particles", not "alpha went" nor "beta decayed"


def _numbered_names(text: str, lower: str, numbers: Sequence[int]) -> Iterator[tuple[int, int]]:
    # One search of the line spares looking at the word before each number.
    may_be_named = bool(numbers) and _ANY_NUMBERED_WORD.search(text) is not None
    for start in numbers:
        after = lower[start + 1 : start + 5]
        if "th" in after or "st" in after or "nd" in after or "rd" in after:
            ordinal = _ORDINAL_NUMBER.match(text, start)
            end = _last_head_end(ordinal) if ordinal else 0
            if end:
                yield start, end
                continue
        if may_be_named and start and text[start - 1] in " ." and text[start].isdigit():
            yield from _numbered(text, start)
        elif start > 2 and text[start - 1] == " " and text[start - 2].islower():
            yield from _called_by_number(text, start)
        isotope = _ISOTOPE.match(text, start)
        if isotope is not None and (not start or not text[start - 1].isalnum()):
            low, high = _ISOTOPES[isotope.group(2)]
            if low <= int(isotope.group(1)) <= high:
                yield isotope.span()  # "14C", "35S", "235U": an isotope by its mass number
    if " plan" in lower or " war" in lower or " programme" in lower:
        for match in _NUMBER_PLAN.finditer(lower):
            if _word_start(lower, match.start()):
                yield match.span()
    if "first" in lower or "second" in lower or "third" in lower or "fifth" in lower:
        yield from _ordinal_names(text, lower)


def _numbered(text: str, start: int) -> Iterator[tuple[int, int]]:
    """ "Article 48" for the number at ``start``, if the word before it asks for one."""
    at = start - 1 if start and text[start - 1] == " " else start
    at = at - 1 if at and text[at - 1] == "." else at
    begin = at
    while begin and text[begin - 1].isalpha():
        begin -= 1
    number = _NUMBER_WORD.match(text, start)
    if number and text[begin:at] in _NUMBERED_WORDS and (not begin or not text[begin - 1].isalnum()):
        kind = _KIND_OF.match(text, number.end()) if text[begin:at] == "Type" else None
        yield begin, kind.end() if kind and _is_kind(kind.group(1)) else number.end()


def _called_by_number(text: str, start: int) -> Iterator[tuple[int, int]]:
    """ "Photo 51", "Lake 227": a capitalised everyday word inside a sentence with the number that
    makes it one thing, before a mark or the line's end; not a reference ("Table 2", "Source 1")."""
    number = _CALLED_NUMBER.match(text, start)
    if number is None:
        return
    begin = start - 1
    while begin and text[begin - 1].isalpha():
        begin -= 1
    word = text[begin : start - 1]
    if not word.istitle() or not begin or (text[begin - 1] != "(" and starts_sentence(text, begin)):
        return  # a capital that opens a sentence says nothing; one that opens an aside does
    if word.lower() in _REFERENCES or word.lower() in MONTHS or not is_common(word.lower()):
        return  # a name no dictionary holds takes its number in the shaping ("Apollo 15,")
    yield begin, number.end(1)


_CALLED_NUMBER = re.compile(r"(\d{1,3})(?:[).,;:]|$)")  # not a year: "Chile 2010", "May 1953"
# Parts of a book, a paper or an exam, and the notes' own numbering: "see Table 2", "Source 1".
_REFERENCES = frozenset(
    """table figure fig page question paper source unit topic lesson lecture slide box chapter case
    task exercise section part act scene step week day year level grade stage phase type group bed
    bay ward room""".split()
)


def _is_kind(word: str) -> bool:
    """Whether a word after "Type 1" names its kind ("diabetes"), not what it does ("affects")."""
    return word not in STOPWORDS and not (word.endswith("s") and is_common(word[:-1]))


def _word_start(text: str, start: int) -> bool:
    return not start or not text[start - 1].isalnum()


def _ordinal_names(text: str, lower: str) -> Iterator[tuple[int, int]]:
    """Names after an ordinal in words: "the Fifth Republic", "second messenger", "third estate"."""
    for match in _ORDINAL_WORD.finditer(lower):
        start = match.start()
        end = _last_head_end(match)
        if not end or not _word_start(lower, start):
            continue
        if lower.startswith("first", start) and text[start] == "f" and _names_next(text, match.start(1) + 1):
            continue  # "the first Blalock-Taussig shunt": the first of them; "the first World War"
        yield start, end


def _names_next(text: str, at: int) -> bool:
    """Whether the word at ``at`` is a capitalised name no dictionary holds ("Blalock-Taussig")."""
    word = _WORD.match(text, at)
    return word is not None and word.group()[0].isupper() and not is_common(word.group().lower().split("-")[0])


def _last_head_end(match: re.Match[str]) -> int:
    """The end of the last head noun after an ordinal, before any small word; 0 if none."""
    end = 0
    offset = match.start(1)
    for word in _WORD.finditer(match.group(1)):
        lower = word.group().lower()
        if lower in STOPWORDS or lower == "century":
            break
        if lower in EVENT_HEADS or lower in _ORDINAL_HEADS or word.group() in _ORDINAL_PLACES:
            end = offset + word.end()
    return end
