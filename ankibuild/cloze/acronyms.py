"""Phrases that the acronyms of a course stand for: "proportional representation" for PR."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from typing import Protocol

from .words import STOPWORDS

_WORD = re.compile(r"\w+")  # a word as a regex bounds it: letters, digits and "_"
_ANY_WORD = re.compile(r"[^\W\d_]+(?:['’\-–][^\W\d_]+)*")
_ACRONYM_GLUE = frozenset({"of", "and", "the", "for"})
# Glue only between capitalised words: "Intergovernmental Panel on Climate Change"; not "high
# incomes in cities" for HIC nor "pain on exertion" for PE.
_CAPITALISED_GLUE = frozenset({"on", "in"})
_REACH = 2  # how many lines from a use of the acronym its phrase may be written


class Line(Protocol):
    """A line of the course as read: its text, the same in lower case, and its words
    (``_ANY_WORD`` in the text)."""

    @property
    def text(self) -> str: ...

    @property
    def lower(self) -> str: ...

    @property
    def words(self) -> Sequence[str]: ...


def acronym_phrases(lines: Sequence[Line], acronyms: Iterable[str]) -> Iterator[str]:
    """Phrases whose initials spell an acronym the course uses.

    The phrase written nearest the acronym (at most two lines away) is the one it stands for; the
    only place where the order of the course's lines counts.
    """
    wanted = {word.rstrip("s") for word in acronyms if 2 <= len(word.rstrip("s")) <= 6}
    if not wanted:
        return
    # Each letter of an acronym opens a word of the phrase: a line without them all spells none.
    initials = [_initials(line) for line in lines]
    written = _words_written(lines)
    for acronym in sorted(wanted):
        used = _lines_using(lines, written, acronym)
        if not used:
            continue
        letters = set(acronym)
        places: dict[str, list[int]] = {}
        # Only lines near a use are read: a spelling further away counts for nothing, even a lone
        # one ("simvastatin taken" is no ST), and a long course uses most acronyms on few lines.
        for index in _near(used, len(lines)):
            if letters <= initials[index]:
                for phrase in spellings(lines[index], acronym):
                    places.setdefault(phrase, []).append(index)
        if places:
            places = _nearest(places, used)
        if len(places) == 1:
            yield next(iter(places))


def _initials(line: Line) -> set[str]:
    """The first letters of the words of ``line.lower``."""
    if line.text.isascii():  # then those are the words of the text, in lower case
        return set("".join([word[0] for word in line.words]).lower())
    return {word[0] for word in _ANY_WORD.findall(line.lower)}


def _words_written(lines: Sequence[Line]) -> dict[str, list[int]]:
    """The lines (in order) where each word that is not all in small letters is written, and each
    such plural without its "s": looked up once per acronym, where reading every line for each
    acronym costs a long course the lines times the acronyms."""
    written: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        for word in _WORD.findall(line.text):
            if word.islower():
                continue
            for form in (word, word[:-1]) if word[-1] == "s" else (word,):
                found = written.setdefault(form, [])
                if not found or found[-1] != index:
                    found.append(index)
    return written


def _lines_using(lines: Sequence[Line], written: dict[str, list[int]], acronym: str) -> list[int]:
    """The lines that write ``acronym`` in capitals as a word of its own, or its plural ("GPs")."""
    upper = acronym.upper()
    first = _WORD.match(upper)
    if first is not None and first.end() == len(upper):
        return written.get(upper, [])
    pattern = re.compile(rf"(?<!\w){re.escape(upper)}s?(?!\w)")
    if first is None:
        return [index for index, line in enumerate(lines) if pattern.search(line.text)]
    # "COX-2", "U&E": its first part stands as a word of its own wherever it is written
    return [index for index in written.get(first.group(), []) if pattern.search(lines[index].text)]


def _near(used: list[int], count: int) -> list[int]:
    """The lines at most ``_REACH`` lines from one of ``used`` (in order), in order."""
    near: list[int] = []
    for index in used:
        start = max(index - _REACH, near[-1] + 1 if near else 0)
        near.extend(range(start, min(index + _REACH + 1, count)))
    return near


def _nearest(places: dict[str, list[int]], used: list[int]) -> dict[str, list[int]]:
    """The phrases written nearest to a line that uses the acronym, if at most ``_REACH`` lines away."""
    if not used:
        return {}
    distance = {phrase: min(_distance(i, used) for i in where) for phrase, where in places.items()}
    best = min(distance.values(), default=_REACH + 1)
    return {phrase: places[phrase] for phrase, d in distance.items() if d == best} if best <= _REACH else {}


def _distance(index: int, used: list[int]) -> int:
    """How far line ``index`` is from the nearest of ``used`` (in order): a search rather than a
    scan, since a long course may use an acronym on thousands of lines."""
    at = bisect_left(used, index)
    if at == len(used):
        return index - used[-1]
    return min(used[at] - index, index - used[at - 1]) if at else used[at] - index


def spellings(line: Line, acronym: str) -> Iterator[str]:
    """Phrases of ``line`` whose initials spell ``acronym`` (small words like "of" skipped)."""
    words = list(_ANY_WORD.finditer(line.lower))
    for i, first in enumerate(words):
        if first.group()[0] != acronym[0] or line.text[first.start() : first.end()].isupper():
            continue
        if first.group() in STOPWORDS:
            continue  # "the TB bacillus": a phrase starts with a word of its own
        k, j = 0, i
        while j < len(words) and k < len(acronym):
            if j > i and line.lower[words[j - 1].end() : words[j].start()] != " ":
                break
            word = words[j].group()
            if word == acronym and j > i:
                break  # the acronym itself spells nothing
            if word[0] == acronym[k] and word not in STOPWORDS:
                k += 1
            elif word not in _ACRONYM_GLUE and not (word in _CAPITALISED_GLUE and _between_capitals(line, words, j)):
                break
            j += 1
        if k == len(acronym) and j - i >= 2 and not words[j - 1].group().endswith(_POSSESSIVE_ENDS):
            yield line.lower[first.start() : words[j - 1].end()]  # not "point for mussolini's" for PM


def _between_capitals(line: Line, words: Sequence[re.Match[str]], j: int) -> bool:
    """Whether the words either side of word ``j`` are written with a capital."""
    return (
        0 < j < len(words) - 1
        and line.text[words[j - 1].start()].isupper()
        and line.text[words[j + 1].start()].isupper()
    )


# A phrase that ends owning something is no expansion: "point for Mussolini's dictatorship".
_POSSESSIVE_ENDS = ("'s", "’s")
