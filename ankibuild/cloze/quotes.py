"""Quoted terms: a student puts a term in quotes to mark it ('New Course', "stab in the back").

Only short quotations count; a quoted sentence ("we will bury you", "facilities are unequal") is
a quotation, not a term, unless it is written as a title ("I Have a Dream").
A single quote is an apostrophe unless it opens after a space and closes before a non-letter or
a letter that is not a possessive ``s``, so "Malenkov's 'New Course'was" finds "New Course".
"""

from __future__ import annotations

import re
from itertools import pairwise

from .words import CONNECTORS, DETERMINERS, EXAM_COMMANDS, PARTICLES, STOPWORDS, is_common

# Inside, an apostrophe may only start a possessive: 'Stolypin's necktie'.
_SINGLE = re.compile(r"(?<![\w'’])['‘](?=[^\W_])((?:[^'‘’\n]|['’]s\b){1,60}?)(?<=[\w)])['’](?!s\b)")
_DOUBLE = re.compile(r"(?<!\w)[\"“](?=[^\W_])([^\"“”\n]{1,60}?)(?<=[\w)])[\"”]")
_PRONOUNS = frozenset("i we you he she they me us him her them my our your their it's".split())
_MAX_WORDS = 6
# Words that make a quotation a clause: "facilities are inherently unequal" is said, not named.
_CLAUSE_WORDS = frozenset("is are was were will would shall should can could must has have had do does did".split())


def _verb_with_object(verb: str, after: str) -> bool:
    return after in DETERMINERS and len(verb) > 3 and verb.endswith(("s", "ed")) and not verb.endswith("ss")


# The small words of a title: English ones, and the particles of other languages ("Dia do Fico").
_SMALL_WORDS = frozenset("a an the of in on and or for to at by with do dos das".split()) | CONNECTORS


def find_quoted(text: str) -> list[tuple[int, int]]:
    """Spans of the quoted terms in ``text`` (the inside, without the quotes nor a leading "the",
    or "a" in small letters)."""
    patterns = []
    # Most single quotes are apostrophes ("Stalin's"): a quotation needs one that opens a word.
    if "‘" in text or " '" in text or "('" in text or text.startswith("'"):
        patterns.append(_SINGLE)
    if '"' in text or "“" in text:
        patterns.append(_DOUBLE)
    if not patterns:
        return []  # most lines quote nothing
    out: list[tuple[int, int]] = []
    for pattern in patterns:
        for match in pattern.finditer(text):
            start, end = match.span(1)
            inner = match.group(1)
            if _glosses(text, match.start(), inner):
                continue
            if _is_term(inner) and not any(s < end and start < e for s, e in out):
                if inner.startswith(("the ", "The ")) and inner.count(" ") > 1:
                    start += len("the ")  # "the spanish ulcer": the term, not its article
                elif inner.startswith(("a ", "an ")) and inner.count(" ") > 1:
                    start += inner.index(" ") + 1  # "a place in the sun"; a title keeps its "A"
                out.append((start, end))
    return sorted(out)


# What stands between a word and the gloss of it in quotes: "sakoku ('closed country')".
_GLOSS_GAPS = (" (", " = ", " - ")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)$")
# The endings of the Greek and Latin words of science, which are English terms, not foreign words.
_CLASSICAL_ENDINGS = (
    "oma",
    "ia",
    "ase",
    "gon",
    "in",
    "ine",
    "um",
    "us",
    "i",
    "is",
    "on",
    "ism",
    "ola",
    "ata",
    "em",
    "ax",
    "yx",
)


def _glosses(text: str, quote: int, inner: str) -> bool:
    """Whether a quotation of everyday words in small letters translates the foreign word before
    it ("sakoku ('closed country')", "sulh-i kul = 'peace with all'"): the word is the term, and
    its meaning is what the card asks. Not a nickname for a name or an abbreviation ("CRVO =
    "stormy sunset"", "SDI ("Star Wars")") nor for an English term of science ("fibroadenoma
    ("breast mouse")")."""
    gap = next((gap for gap in _GLOSS_GAPS if text.endswith(gap, 0, quote)), None)
    if gap is None or " " not in inner or not inner.islower():
        return False
    before = _WORD_BEFORE.search(text, 0, quote - len(gap))
    if before is None:
        return False
    word = before.group(1)
    if not word.islower() or is_common(word) or word.endswith(_CLASSICAL_ENDINGS):
        return False  # "fibroadenoma ("breast mouse")": an English term's nickname is one to learn
    return all(is_common(word) for word in re.findall(r"[^\W\d_]+", inner))


def _is_term(inner: str) -> bool:
    words = inner.split()
    if not words or len(words) > _MAX_WORDS or inner[-1] in ".!?,;:":
        return False
    if words[0].lower() in EXAM_COMMANDS:
        return False  # "Assess a UK flood scheme": an exam's question, not a term
    if len(words) == 1 and (inner.lower() in STOPWORDS or inner.lower() in PARTICLES):
        return False  # stuck "on": a small word in quotes is the state it names, not a term
    if len(words) > 1 and all(word[0].isupper() or word in _SMALL_WORDS for word in words):
        return True  # a title: "I Have a Dream", "Wind of Change"
    lower = [word.lower().strip(",.") for word in words]
    if len(words) > 2 and any(word in _CLAUSE_WORDS for word in lower):
        return False
    if any(_verb_with_object(verb, after) for verb, after in pairwise(lower[1:])):
        return False  # "the dose makes the poison": a verb with its object is a saying
    return not any(word in _PRONOUNS for word in lower)
