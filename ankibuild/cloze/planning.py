"""Choosing the blanks of a line: detection (``find_blanks``) and numbering (``plan_blanks``)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from ..model import Blank, BlankKind
from .edges import joined, shape
from .figures import find_figures
from .lexicon import BlankKey, Lexicon, line_spans
from .names import find_names, mnemonic_letters, overlaps
from .tokens import holds_words
from .words import PLACES_AS_WORDS, is_body_word, is_common, is_subject_term

Detector = Literal["dates", "names", "figures"]
Span = tuple[int, int]

_UNSAFE_EDGES = " \t\n:"
_COUNT = re.compile(r"^\d{1,2} ")  # the count before a carrier or an ion: "2 ATP", "3 Na+"


@dataclass(frozen=True)
class ClozeSettings:
    """What the user asks of the cloze builder."""

    glossary: tuple[str, ...] = ()
    """Terms always blanked (whole words, any case)."""
    never: tuple[str, ...] = ()
    """Terms never blanked, nor any blank that overlaps them."""
    detectors: frozenset[Detector] = frozenset({"dates", "names", "figures"})
    hints: bool = False
    """Show "year", "date", "name" or "figure" in place of a detected blank."""
    max_per_card: int = 1
    """How many different terms one card (one cloze number) hides."""


# A candidate blank: (rank, -length, start, end, kind). Sorted, an overlap goes to the lower
# rank (glossary, quoted term, date, name, figure), then to the longer span, then to the earlier one.
_Candidate = tuple[int, int, int, int, str]
# Candidate kinds as blank kinds, with the hint each shows: a bare year is a date hinted "year".
_KINDS: dict[str, tuple[BlankKind, str | None]] = {
    "year": ("date", "year"),
    "date": ("date", "date"),
    "name": ("name", "name"),
    "figure": ("figure", "figure"),
    "glossary": ("glossary", None),
}


def find_blanks(
    text: str,
    lexicon: Lexicon,
    settings: ClozeSettings,
    protected: Sequence[Span] = (),
) -> tuple[Blank, ...]:
    """The candidate blanks of one line: sorted, non-overlapping, with number 0.

    Blanks never touch a ``protected`` range (math, code) and never hold cloze syntax.
    """
    detectors = settings.detectors
    numbers, dates, quotes = line_spans(text, lexicon.spans)
    if "names" not in detectors:
        quotes = ()
    # Plain loops rather than comprehensions: this runs on every line of every build.
    candidates: list[_Candidate] = []
    if settings.glossary:
        for s, e in _matches(text, settings.glossary):
            candidates.append((0, s - e, s, e, "glossary"))
    for s, e in quotes:
        candidates.append((1, s - e, s, e, "name"))
    if "dates" in detectors:
        for s, e, year in dates:
            candidates.append((2, s - e, s, e, "year" if year else "date"))
    if "names" in detectors:
        blocked = protected
        if dates or quotes:
            blocked = [*protected, *quotes]
            for s, e, _ in dates:
                blocked.append((s, e))
        names = find_names(text, lexicon, blocked, numbers, protected)
        if len(names) > 1:
            names = list(dict.fromkeys(names))  # readers often find the same name twice
        for s, e in shape(text, names, numbers, dates, lexicon.clinical):
            candidates.append((3, s - e, s, e, "name"))
    if "figures" in detectors:
        for s, e in find_figures(text, lexicon.clinical, numbers):
            candidates.append((4, s - e, s, e, "figure"))
    if not candidates:
        return ()
    refused = [*protected, *_matches(text, settings.never)] if settings.never else protected
    hints = settings.hints
    memo = lexicon.blanks
    blanks = []
    chosen = _choose(text, candidates, refused)
    if len(chosen) > 1:
        chosen = joined(text, chosen, refused)
    if lexicon.clinical:
        chosen = [blank for blank in chosen if not _body_word_in_passing(text, *blank)]
    if "anti" in text and len(chosen) > 1:
        chosen = _without_named_antibodies(text, chosen)
    if len(chosen) > _LISTED_UNDER_LABEL and chosen[0][0] == 0 and _labels_list(text, chosen[0][1]):
        chosen = chosen[1:]
    for start, end, kind in chosen:
        blank_kind, hint = _KINDS[kind]
        shown = hint if hints else None
        key = (start, end, blank_kind, 0, shown)
        blank = memo.get(key)
        if blank is None:
            blank = memo[key] = Blank(start, end, blank_kind, 0, shown)
        blanks.append(blank)
    return tuple(blanks)


def _body_word_in_passing(text: str, start: int, end: int, kind: str) -> bool:
    """Whether a blank of clinical notes is a body part alone, in plain words, said in passing:
    where a sign is or what is sampled ("dip the urine", "L eye red"). Part of a longer term it
    stays ("urine microscopy", "liver enzymes"), and so does the head of a definition or a
    heading ("liver: makes bile", "The kidney")."""
    if kind != "name" or " " in text[start:end] or not is_body_word(text[start:end].lower()):
        return False
    if text[start].upper() in mnemonic_letters(text):
        return False  # "FAST: face, arms, speech, time": the items a mnemonic spells are the fact
    if text[:start].strip(" ").lower() not in _HEAD_OPENINGS:
        return True
    rest = text[end:].lstrip(" ")
    return not (rest == "" or rest[:1] in _HEAD_MARKS)


def _without_named_antibodies(text: str, chosen: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The blanks without "antibodies" after an antibody named by what it binds ("anti-TPO
    antibodies"): the name is the fact, and the word after it says it again."""
    out = chosen[:1]
    for blank in chosen[1:]:
        before = out[-1]
        if (
            text[blank[0] : blank[1]] in _ANTIBODY_WORDS
            and before[1] + 1 == blank[0]
            and text.startswith(("anti-", "Anti-"), before[0])
        ):
            continue
        out.append(blank)
    return out


_ANTIBODY_WORDS = frozenset({"antibodies", "antibody", "Abs", "Ab"})


# A line that heads many blanks with an everyday word and a colon lists them under a label
# ("antidotes: benzos = flumazenil, ...", "adaptations: drip tips, buttress roots, lianas"): the
# list is what its cards ask, not the label.
_LISTED_UNDER_LABEL = 4


def _labels_list(text: str, end: int) -> bool:
    """Whether the word that opens a line before a colon or an equals sign is an everyday word and
    no term of a subject: "adaptations: ...", "Path: ..."; not "China: ...", a place, nor an era or
    a movement ("Reformation: ...", "Prohibition: ...")."""
    word = text[:end].lower()
    return (
        text[1:end].islower()
        and " " not in word
        and text[end : end + 2].lstrip(" ")[:1] in (":", "=")
        and is_common(word)
        and not is_subject_term(word)
        and (text[0].islower() or (word not in PLACES_AS_WORDS and not word.endswith(_ERA_ENDINGS)))
    )


_ERA_ENDINGS = ("tion", "ment", "ism", "ity")


_HEAD_OPENINGS = frozenset({"", "the"})
_HEAD_MARKS = frozenset(":=-–")


def _choose(text: str, candidates: list[_Candidate], refused: Sequence[Span]) -> list[tuple[int, int, str]]:
    """The best candidates that overlap no better one nor a refused span, as (start, end, kind).

    Every candidate is checked for cloze markup: glossary terms and quotations come from the user
    and may hold anything, and a date or name read around odd text must not take it in either.
    """
    chosen: list[tuple[int, int, str]] = []  # sorted by start, never overlapping
    for _, _, start, end, kind in sorted(candidates):
        at = bisect_left(chosen, (start,))
        if (at and chosen[at - 1][1] > start) or (at < len(chosen) and chosen[at][0] < end):
            continue  # a better candidate holds part of this one
        if not _safe(text[start:end]):
            continue  # a detector's span is made of words, but this is what keeps a cloze intact
        if not refused or not overlaps(start, end, refused):
            chosen.insert(at, (start, end, kind))
    return chosen


def _safe(span: str) -> bool:
    """Whether a span can sit inside ``{{c1::...}}`` without changing how Anki reads it."""
    if not span or span[0] in _UNSAFE_EDGES or span[-1] in _UNSAFE_EDGES:
        return False
    return "{" not in span and "}" not in span and "::" not in span


def _matches(text: str, terms: tuple[str, ...]) -> list[Span]:
    if not terms:
        return []
    return [match.span() for match in _term_pattern(terms).finditer(text)]


@lru_cache(maxsize=64)
def _term_pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    """Whole-word, any-case matches of any of ``terms``, longest first."""
    words = sorted({t.strip() for t in terms if t.strip()}, key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(map(re.escape, t.split())) for t in words) or "(?!)"
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


# ------------------------------------------------------------------------------------ planning


def plan_blanks(
    text: str,
    *,
    context: Sequence[str],
    lexicon: Lexicon,
    settings: ClozeSettings,
    protected: Sequence[Span] = (),
    user_blanks: Sequence[Blank] = (),
) -> tuple[Blank, ...]:
    """The numbered blanks of one note made from ``text``.

    User blanks keep their numbers and win over detection. A detected term that the card's
    ``context`` (its title and breadcrumb) shows is not blanked, since the front would give it
    away. The same term twice gets one number, so no card shows its own answer; other terms take
    the free numbers in order of first appearance, ``settings.max_per_card`` terms a number.
    """
    users = sorted(user_blanks)
    shown = " \n ".join(_normal(c) for c in context)
    fenced = [*protected, *((b.start, b.end) for b in users)]
    numbers = _Numbering(users, text, settings.max_per_card, lexicon.blanks)
    planned = []
    for blank in find_blanks(text, lexicon, settings, fenced):
        term = _normal(text[blank.start : blank.end])
        if blank.kind == "name" and term[:1].isdigit():
            term = _COUNT.sub("", term)  # "3 Na+" and "Na+" are one term: no card shows the other
        if not holds_words(shown, term):  # a term the front of the card shows is no blank: a give-away
            planned.append(numbers.assign(blank, term))
    # Detected blanks come sorted and apart: only the user's need sorting in among them.
    return tuple(sorted(users + planned)) if users else tuple(planned)


def _normal(text: str) -> str:
    return " ".join(text.casefold().split())


class _Numbering:
    """Hands out cloze numbers: one per term, user numbers kept, the gaps filled in order."""

    def __init__(self, users: Sequence[Blank], text: str, per_card: int, memo: dict[BlankKey, Blank]) -> None:
        self.memo = memo
        self.by_term: dict[str, int] = {}
        for blank in users:
            self.by_term.setdefault(_normal(text[blank.start : blank.end]), blank.number)
        self.taken = {blank.number for blank in users}
        self.per_card = max(1, per_card)
        self.current = 0
        self.filled = self.per_card

    def assign(self, blank: Blank, term: str) -> Blank:
        """``blank`` numbered for its ``term`` (normalised)."""
        number = self.by_term.get(term)
        if number is None:
            number = self._next()
            self.by_term[term] = number
        key = (blank.start, blank.end, blank.kind, number, blank.hint)
        found = self.memo.get(key)
        if found is None:
            found = self.memo[key] = Blank(*key)
        return found

    def _next(self) -> int:
        if self.filled >= self.per_card:
            self.current += 1
            while self.current in self.taken:
                self.current += 1
            self.filled = 0
        self.filled += 1
        return self.current
