"""Small readers of a line: where its sentences start, where given words stand in it."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence

_SENTENCE_MARKS = frozenset(".!?:;=→•([{")
_SKIPPED_BEFORE = frozenset(" \t\"'‘“*>")
_SPACED_MARKS = frozenset("-–—+/&")
# Abbreviations with a full stop that a sentence goes on after: "e.g. Red Tarn".
_INNER_ABBREVIATIONS = frozenset("e.g. eg. i.e. ie. vs. cf. c. ca. approx. incl. esp. viz. inc.".split())
# The marks that stand between two words without a space ("budesonide/formoterol",
# "penicillin→rash"); hyphens are kept, and the parts of a hyphenated word looked at too.
# Replacing each mark that is there is faster than ``str.translate`` on short lines.
_WORD_SEPARATORS = tuple(".,;:()[]'’\"“”/+=→&!?")
# "\d\d*" rather than "\d+": a pattern that starts with a single digit lets the regex engine skip
# to the next digit quickly.
# The word in small letters right after a position, one space on: what a name is said of.
NEXT_WORD = re.compile(r" ([a-z]+)\b")
_NUMBER = re.compile(r"\d\d*")
_DIGIT = re.compile(r"\d")
_ASCII_DIGIT = re.compile(r"[0-9]")  # the same test on ASCII text, which is most notes, and faster
_APOSTROPHES = "'’"


def number_starts(text: str) -> list[int]:
    """Where the numbers of ``text`` start (an apostrophe before one counts: "'60s").

    Dates and numbered names ("Article 48") are read from these places, not searched for.
    """
    if (_ASCII_DIGIT if text.isascii() else _DIGIT).search(text) is None:
        return []  # most lines: a search costs less than starting ``finditer``
    out: list[int] = []
    for match in _NUMBER.finditer(text):
        start = match.start()
        if not start:
            out.append(start)
        elif text[start - 1] in _APOSTROPHES and (start == 1 or not text[start - 2].isalnum()):
            out.append(start - 1)
        elif not text[start - 1].isalnum():
            out.append(start)
    return out


def starts_sentence(text: str, start: int) -> bool:
    """Whether a word at ``start`` opens a sentence, or a fragment that stands alone.

    A capital there says nothing about the word. Notes rarely punctuate, so a colon, a spaced
    dash, an arrow or an opening bracket start a fragment too.
    """
    i = start - 1
    while i >= 0 and text[i] in _SKIPPED_BEFORE:
        i -= 1
    if i < 0:
        return True
    mark = text[i]
    if mark == "." and _ends_abbreviation(text, i):
        return False  # "e.g. Red Tarn", "c. Black Death": the point shortens a word
    if mark in _SENTENCE_MARKS:
        return True
    return mark in _SPACED_MARKS and i + 1 < start and (i == 0 or text[i - 1] == " ")


def _ends_abbreviation(text: str, point: int) -> bool:
    """Whether the full stop at ``point`` ends an abbreviation that no sentence ends with."""
    start = point
    while start > 0 and not text[start - 1].isspace() and text[start - 1] != "(":
        start -= 1
    return text[start : point + 1].lower() in _INNER_ABBREVIATIONS


def holds_words(text: str, words: str) -> bool:
    """Whether ``words`` stand in ``text`` as whole words (nothing alphanumeric either side)."""
    at = text.find(words)
    while at >= 0:
        end = at + len(words)
        if (not at or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            return True
        at = text.find(words, at + 1)
    return False


def keyword_hits(text: str, keys: frozenset[str]) -> list[tuple[int, int]]:
    """Where the whole words ``keys`` stand in ``text``, in order (as written: case matters)."""
    # A cheap first test on whole words; most lines hold no key at all.
    spaced = text
    for mark in _WORD_SEPARATORS:
        if mark in spaced:
            spaced = spaced.replace(mark, " ")
    words = spaced.split()
    if "-" in text:
        words += [part for word in words if "-" in word for part in word.split("-")]
    if keys.isdisjoint(words):
        return []
    found = keys.intersection(words)
    out: list[tuple[int, int]] = []
    for key in found:
        at = text.find(key)
        while at >= 0:
            end = at + len(key)
            if (not at or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
                out.append((at, end))
            at = text.find(key, end)
    return sorted(out)


class Course:
    """The lines of a course as one text, to find where each of many phrases is written.

    One search of the whole text per phrase: a search of every line for every phrase costs the
    lines times the phrases, and a long course has thousands of each.
    """

    __slots__ = ("starts", "text")

    def __init__(self, lines: Sequence[str]) -> None:
        self.text = "\n".join(lines)
        self.starts: list[int] = []
        at = 0
        for line in lines:
            self.starts.append(at)
            at += len(line) + 1

    def find(self, needle: str) -> Iterator[int]:
        """Each place ``needle`` (no line break in it) is written, overlapping ones too, in order."""
        text = self.text
        at = text.find(needle)
        while at >= 0:
            yield at
            at = text.find(needle, at + 1)

    def line_of(self, at: int) -> tuple[int, int]:
        """The index of the line that a place of the text is in, and where in that line it is."""
        index = bisect_right(self.starts, at) - 1
        return index, at - self.starts[index]
