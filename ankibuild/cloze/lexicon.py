"""What the whole course says about its words, learnt once before any line is blanked.

A single line cannot tell "China" (a name) from "Thaw" (a capitalised word), nor know that
"politburo" in lower case is the "Politburo" of another card. The course can:

- a word capitalised inside sentences, and never written in lower case, is a name;
- a word the course writes in lower case is no name at the start of a line ("Inclear");
- a name found anywhere (a quoted term, "Secret speech", "Cuban Missile crisis") counts in any
  case everywhere else;
- a short phrase that stands alone somewhere (a title: "Collective leadership - Beria") and recurs
  in other lines is a key term;
- so is a term defined or described at the start of a line ("hyperinflation: ...",
  "Metropolis (...)", "Osmosis is the diffusion of ...", "limiting factor: ..."), named by a
  heading ("Heart failure"), made a step of a chain ("producer → primary consumer") or narrowed
  by an adjective ("lateral erosion"; ``definitions``),
- a technical word (no ordinary English, typo or derivation: "amylase"), a technical adjective
  that stands without its noun ("= monophyletic"), and a drug name ("propranolol");
- a plain word listed or added beside such a name ("amylase + starch", "glucose, starch");
- a pair of plain words used again and again whose first word opens another term ("active
  site" beside "active transport");
- and the phrase whose initials spell an acronym of the course ("proportional representation",
  PR).

A word that heads line after line before a colon ("provenance: ...", "SBA: ...") is the name of
a field of the notes, and none of the above makes a term of it.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from ..model import Blank, BlankKind
from .acronyms import acronym_phrases, spellings
from .classes import WordClass, is_derived, is_emphasis, word_class
from .dates import find_dates
from .definitions import (
    CLASSIFYING_ENDINGS,
    COUNTING,
    DISCOURSE,
    GRADING,
    PLAIN_ADJECTIVES,
    PLAIN_QUALITIES,
    TERM_HEADS,
    chained,
    compounds,
    definitions,
    headings,
    is_label,
    lettered,
    listed,
    narrowed_terms,
)
from .figures import is_clinical
from .names import LineNames, capitalised_words, line_names, lower_case, unlabelled
from .quotes import find_quoted
from .runs import RunInfo
from .technical import is_compound, is_technical, is_technical_adjective
from .tokens import NEXT_WORD, Course, holds_words, number_starts
from .words import (
    CLAUSE_VERBS,
    CLINICAL_VERBS,
    DETERMINERS,
    DRUG_STEMS,
    ELEMENTS,
    EPONYM_HEADS,
    EVENT_HEADS,
    GENERAL_NOUNS,
    GIVEN_AS,
    HISTORY_TERMS,
    INSTRUCTIONS,
    MONTHS,
    NOTE_SHORTHAND,
    ORG_HEADS,
    PARTICLES,
    PLACE_HEADS,
    PLACES_AS_WORDS,
    PROPER_NAMES,
    ROUTINE_SHORTHAND,
    SCIENCE_ENDINGS,
    SCIENCE_EXCEPTIONS,
    STOPWORDS,
    SUBJECT_PHRASES,
    SUBJECT_TERMS,
    SYMPTOMS,
    TITLES,
    UNIT_WORDS,
    WEEKDAYS,
    ends_in_plural_s,
    is_common,
    is_history_term,
    is_participle,
    is_proper_adjective,
    is_subject_term,
    is_verb_like,
    verb_before,
)

_ANY_WORD = re.compile(r"[^\W\d_]+(?:['’\-–][^\W\d_]+)*")
# The same words as a split: the words at odd places, what separates them at even places.
_WORD_SPLIT = re.compile(f"({_ANY_WORD.pattern})")
# Maximal runs of word characters: where a phrase can stand as whole words.
_WORD_RUN_SPLIT = re.compile(r"(\w+)")
_SEGMENT_SPLIT = re.compile(r"\s[-–—=→+&/]\s|[:;()\[\],.!?\"“”‘’→]|\s['’]|['’]\s")
_SIBLING_SPLIT = re.compile(r"(\s\+\s|,\s|\s[→⇌]\s|[:;()=]|\s[-–]\s)")
_SIBLING_SIGNS = frozenset({"+", ",", "→", "⇌"})
_COMPOUND_USES = 2
# A course reads the bundled subject lists when they hold at least this many of its distinct
# lower-case words, and this share of them (the labelled science, geography and medicine notes
# hold 3.6 to 16%, history notes at most 1.4% unless they are about medicine).
_SUBJECT_MIN_TERMS = 3
_SUBJECT_MIN_SHARE = 0.02
_GREEK_SYMBOL_LENGTH = 3  # "ψ", "ψs", "ψp"; "α-helix" and "β-globin" are longer
_BOUND_USES = 2
_SERIES_NUMBER = re.compile(r" (\d{1,2})(?![\d.,]| ?[A-Za-zµ°%])")  # "lec 3", not "24 h", "12.5 mg" nor a year
# What a number sorts into kinds, not a series of parts: "mobitz type 1", "stage 2", "class 3".
_KIND_NUMBERED = frozenset("type types grade stage class phase group degree level step".split())
# Nouns that name a kind after a word that sorts ("closed system", "literacy tests", "coffee bean
# sign"), but not after one that judges or measures ("a violent reaction", "a clear sign").
_KIND_HEADS = ("system", "scale", "sign", "reaction", "test", "tests", "trials")
# What a test is judged by: "an acceptable test", "a sensitive test" (while "positive selection"
# and "negative selection", "simple sugars" and "complex sugars" are kinds).
_TEST_JUDGEMENTS = frozenset("acceptable sensitive specific reliable cheap expensive safe quick".split())
_JUDGING = (
    frozenset(
        """clear positive negative hostile mixed public massive grand further violent unfair fair
        huge great strict harsh brutal popular unpopular sharp simple complex main key important
        serious minor major similar different new modern traditional early late""".split()
    )
    | _TEST_JUDGEMENTS
)
# Nouns that name an idea by the words before them; at most three such words.
_IDEA_HEADS = ("hypothesis", "theory", "model", "syndrome", "cycle", "test", "gland", "hormone", "rate", *_KIND_HEADS)
_PHRASE_REACH = 3
_ONSETS = frozenset({"acute", "chronic"})  # "acute chest syndrome" names a syndrome
_KIND_ENDINGS = (*CLASSIFYING_ENDINGS, "per", "ller")  # and agents: "helper", "killer"
# Words of size before a phrase: "big surface area" describes the surface area. Not "short term
# memory" nor "soft tissue injury", where the first word belongs to the term.
_SIZES = frozenset(
    "big small large huge tiny high low bigger smaller larger higher lower estimated increased decreased".split()
)
_SMALL_PARTS = tuple(word for word in STOPWORDS if len(word) >= 4)  # "eachother", "everytime"
_LOWER_ACRONYM = 3  # "gbs", "dvt"; not "ms" (milliseconds), "pe"
_SCALE_NAMES = frozenset({"celsius", "fahrenheit"})  # "100 degrees celsius"
_NAME_PREFIXES = frozenset("re counter de non sub post pre inter trans hyper hypo".split())


BlankKey = tuple[int, int, BlankKind, int, str | None]  # a blank's fields, in order


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Immutable course-wide knowledge the cloze builder uses on every line."""

    names: frozenset[str] = frozenset()
    """Lower-case words that are names wherever they appear, in any case ("politburo")."""
    terms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Multi-word terms in lower case, indexed by their first word, longest first."""
    plain: frozenset[str] = frozenset()
    """Words the course writes in lower case and never capitalises inside a sentence."""
    keys: frozenset[str] = frozenset()
    """The words worth looking for in lower case: the first words of terms and the names the
    course writes in lower case. Left empty, every first word and name."""
    fields: frozenset[str] = frozenset()
    """Lower-case words the course writes only at the head of lines, before a colon, line after
    line: the fields of its notes ("SBA: ...", "TP: ..."), never names."""
    labels: frozenset[str] = frozenset()
    """Ordinary words the course heads lines with before a colon, line after line ("Presentation:
    ...", "Sign: ..."): before a colon anywhere they label what follows and belong to no name
    ("Aortic stenosis Presentation: ...")."""
    shouted: frozenset[str] = frozenset()
    """Long ordinary words the course writes in capitals for emphasis, between words in lower
    case or beside other such words ("auxin INHIBITS growth", "FEAR and TERROR"); written so
    elsewhere, a long ordinary word is a mnemonic or a trial ("CRASH", "ORBIT")."""
    standing: frozenset[str] = frozenset()
    """Words of emphasis the course writes in capitals standing alone, as a name, and never before
    a word they stress: "MAIN = militarism, alliances, ...", "BTS/NICE/SIGN", "Causes - MAIN"."""
    clinical: bool = False
    """Whether the course is clinical, dosing drugs or setting thresholds line after line: then
    its durations, volumes and lengths are key figures too ("for 5 days", "500 mL bolus"), not
    only its doses and shares."""
    word_classes: dict[str, WordClass] = field(default_factory=dict, repr=False)
    """A memo of ``word_class``, which depends only on the fields above."""
    runs: dict[str, RunInfo] = field(default_factory=dict, repr=False)
    """A memo of ``analyse_run``, which depends only on the fields above."""
    spans: dict[str, LineSpans] = field(default_factory=dict, repr=False)
    """A memo of ``line_spans``, which depends only on the line."""
    lines: dict[str, LineNames] = field(default_factory=dict, repr=False)
    """A memo of what the line reader of ``find_names`` reads from each line before it looks for
    the course's terms, which depends only on the names, plain words, fields, labels and shouted
    words above, not on the terms."""
    blanks: dict[BlankKey, Blank] = field(default_factory=dict, repr=False)
    """A memo of the blanks ``find_blanks`` and ``plan_blanks`` return, by their fields: frozen
    values, dear to build, and the same spans recur from line to line."""

    def __post_init__(self) -> None:
        if not self.keys:
            object.__setattr__(self, "keys", self.names | frozenset(self.terms))

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> Lexicon:
        """Learn from every title and line of a course, in course order.

        Repeats do not matter, and the order only settles which of two phrases with the same
        initials an acronym stands for: the one written nearer to it.
        """
        return _learn([text for text in dict.fromkeys(texts) if text.strip()])


class LineSpans(NamedTuple):
    """What a line holds apart from names: where its numbers start, its dates and its quotations."""

    numbers: tuple[int, ...]
    dates: tuple[tuple[int, int, bool], ...]
    quotes: tuple[tuple[int, int], ...]


def line_spans(text: str, memo: dict[str, LineSpans]) -> LineSpans:
    """The numbers, dates and quotations of a line, memoised (``Lexicon.spans``): learning reads
    them from every line of the course, and blanking the same lines reads them back."""
    found = memo.get(text)
    if found is None:
        numbers = number_starts(text)
        found = memo[text] = LineSpans(tuple(numbers), tuple(find_dates(text, numbers)), tuple(find_quoted(text)))
    return found


@dataclass(slots=True)
class _Text:
    """One line of the course as the lexicon reads it."""

    # Tuples rather than lists: the lexicon keeps every line while it learns, and the garbage
    # collector stops tracking a tuple of strings and numbers, never a list.
    text: str
    lower: str
    spans: LineSpans
    blocked: tuple[tuple[int, int], ...]  # dates and quotations
    words: tuple[str, ...]
    """Its words (``_ANY_WORD``), read once for every rule that needs them."""
    gaps: tuple[str, ...]
    """What stands between each word and the next."""
    pairs: tuple[tuple[str, str], ...]
    """Each two of its words in lower case that stand one space apart; a letter or a small word
    ends none ("purple e.g. Staphylococcus", "visible loss vs painless bleeding")."""

    @classmethod
    def read(cls, text: str, spans: LineSpans) -> _Text:
        blocked = spans.quotes + tuple([(start, end) for start, end, _ in spans.dates])
        parts = _WORD_SPLIT.split(text)
        words, gaps = tuple(parts[1::2]), tuple(parts[2:-1:2])
        pairs = tuple(
            [
                (left, right)
                for left, right, gap in zip(words[:-1], words[1:], gaps, strict=True)
                if gap == " " and left.islower() and right.islower() and len(right) > 1 and right not in STOPWORDS
            ]
        )
        return cls(text, lower_case(text), spans, blocked, words, gaps, pairs)


@dataclass
class _Counts:
    """How often each word appears capitalised inside a sentence, at its start, in lower case."""

    inside: Counter[str] = field(default_factory=Counter)
    bare: Counter[str] = field(default_factory=Counter)
    lower: Counter[str] = field(default_factory=Counter)
    classes: dict[str, WordClass] = field(default_factory=dict)
    places: Counter[str] = field(default_factory=Counter)
    """How often a country whose name is an ordinary word is written with a capital, anywhere."""
    opening: Counter[str] = field(default_factory=Counter)
    """How often a word opens a sentence or a fragment with a capital."""
    surnames: Counter[str] = field(default_factory=Counter)
    """How often an ordinary word ends a person's full name: "Margaret Thatcher", "Florence Nightingale"."""

    def add(self, line: _Text, base: Lexicon) -> None:
        # "witte's reforms": the possessive of a name the course writes in small letters
        self.lower.update([_unpossessed(word.lower()) for word in line.words if not word[0].isupper()])
        classes = self.classes
        for word, at_start, bare in capitalised_words(line.text, line.blocked):
            lower = word.lower()
            if lower not in classes:  # the first spelling met settles the class
                classes[lower] = word_class(word, base)
            if lower in PLACES_AS_WORDS:
                self.places[lower] += 1
            if at_start:
                self.opening[lower] += 1
                continue
            self.inside[lower] += 1
            if bare:
                self.bare[lower] += bare  # "the Terror", "Florey + Chain" count twice
        if " " in line.text:
            for match in _FULL_NAME.finditer(line.text):
                if _CAPITAL_BEFORE.search(line.text, 0, match.start()):
                    continue  # "John Langdon Down": three names, not a given name and a surname
                given, surname = match.group(1).lower(), match.group(2).lower()
                if classes.get(given) == "strong" and classes.get(surname) == "common" and surname not in _NAME_HEADS:
                    self.surnames[surname] += 1

    def subject(self) -> bool:
        """Whether the course is one of the subjects the bundled lists are for: enough of their
        terms among its words. A history course writes "plague" or "deposition" now and then,
        without those lists' meanings, and keeps its words ordinary."""
        found = sum(1 for word in self.lower if word in SUBJECT_TERMS)
        return found >= _SUBJECT_MIN_TERMS and found >= _SUBJECT_MIN_SHARE * len(self.lower)

    def names(self, subject: bool) -> set[str]:
        out = {word for word in self.lower if (subject and is_subject_term(word)) or _is_drug(word)}
        for word, cls in self.classes.items():
            # "Holderness" twice and "holderness" once: a place written in a hurry; "Insulin" to open
            # a line and "insulin" everywhere else, a term the course writes in lower case
            if cls == "strong" and (
                self.inside[word] or (not is_participle(word) and self.opening[word] > self.lower[word])
            ):
                out.add(word)
            elif cls == "common" and (
                (self.bare[word] >= 2 and self.bare[word] >= _BARE_OVER_LOWER * self.lower[word])
                or (word in PLACES_AS_WORDS and self.inside[word] and self.places[word] > self.lower[word])
                or (self.surnames[word] and self.bare[word] + self.opening[word] and not self.lower[word])
                or (word in _INSTITUTIONS and self.bare[word] and not self.lower[word])
            ):
                # "China", never "china"; a country once is enough, and it outweighs a hurried
                # "chile had strict building codes" at the start of a line; the surname of a full
                # name, written alone with a capital and never in small letters ("Thatcher")
                out.add(word)
        return {word for word in out if not is_derived(word, out)}

    def plain(self) -> frozenset[str]:
        return frozenset(word for word in self.lower if not self.inside[word])


# Routine observations and their plurals, as words in small letters; not the names among them (the
# river "po").
_ROUTINE_WORDS = frozenset(
    word for word in ROUTINE_SHORTHAND | {word + "s" for word in ROUTINE_SHORTHAND} if word not in PROPER_NAMES
)
# Bodies a capital names by an ordinary word ("Parliament", "Congress", "the Crown"): once inside a
# sentence is enough where the course never writes the word in small letters.
_INSTITUTIONS = frozenset("parliament commons lords senate congress cabinet crown church treasury admiralty".split())
# How many times more often an ordinary word must stand capitalised alone ("the League", counted
# twice) than in small letters ("outside the league") to be a name.
_BARE_OVER_LOWER = 4
# A person's full name of two capitalised words, alone in its run: "Margaret Thatcher".
_FULL_NAME = re.compile(r"(?<![\w'’.\-])([A-Z][a-z]+) ([A-Z][a-z]+)(?![\w'’\-]| [A-Z])")
_CAPITAL_BEFORE = re.compile(r"[A-Z][\w'’.\-]* \Z")
# Nouns that end a name of a thing rather than a person: "Marshall Plan", "Berlin Airlift".
_NAME_HEADS = EVENT_HEADS | PLACE_HEADS | ORG_HEADS | EPONYM_HEADS


def _lower_acronyms(counts: _Counts) -> set[str]:
    """Abbreviations the course writes in capitals and, in a hurry, in small letters too ("GBS",
    "?gbs"): no English word, nor a unit ("MG" and "5 mg")."""
    return {
        word
        for word, cls in counts.classes.items()
        if cls == "acronym"
        and len(word) >= _LOWER_ACRONYM
        and counts.lower[word]
        and word.isalpha()
        and word not in UNIT_WORDS
        and word not in STOPWORDS
        and not is_common(word)
    }


def _is_small_proper_name(word: str) -> bool:
    return (
        word in PROPER_NAMES
        and len(word) > 2
        and word not in MONTHS
        and word not in WEEKDAYS
        and word not in _SCALE_NAMES
        and not is_common(word)
        and not is_proper_adjective(word)
    )


def _unpossessed(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _is_new_compound(word: str) -> bool:
    """A word of two ordinary words that no dictionary holds: "backwash", not "eachother", nor a
    word that heads notes ("landforms")."""
    if not word.isalpha() or is_common(word) or word in DISCOURSE:
        return False
    stem = word[:-1] if word.endswith("s") else word
    return is_compound(stem) and not any(stem.startswith(small) or stem.endswith(small) for small in _SMALL_PARTS)


def _is_drug(word: str) -> bool:
    """Whether a lower-case word names a drug, sugar or disease by its ending ("propranolol",
    "statins", "glucose", "bronchitis"), ordinary English or not."""
    if len(word) < 6 or word.endswith(SCIENCE_EXCEPTIONS):
        return False
    stem = word[:-1] if word[-1] == "s" else word
    return stem.endswith(DRUG_STEMS) or word.endswith(SCIENCE_ENDINGS) or stem.endswith(SCIENCE_ENDINGS)


_FIELD_HEAD = re.compile(r"([^\W\d_]+(?:[- ][^\W\d_]+)?):\s")
_FIELD_USES = 2
# A number in the clause before "bolus": a dose given so ("500 mL bolus", "10 mL/kg bolus").
_DOSED = re.compile(r"\d[^;,.()]{0,30}\bbolus\b")
_LISTED_ITEMS = 2  # commas between the items a line lists after its head
# The abbreviations that head fields are short ("Ix", "SE", "MOA", "OSCE"); a longer one heading
# lines names criteria or a body ("KDIGO: ...").
_LONGEST_FIELD_ABBREVIATION = 4


def _field_name(text: str) -> str | None:
    """The word or two a line opens with before a colon, in lower case ("Provenance: ...")."""
    match = _FIELD_HEAD.match(text)
    return match.group(1).lower() if match else None


_HEADING_GAPS = frozenset({"", " - ", " – ", " + ", " & "})


def _opens_heading(lower: str, term: str) -> bool:
    """Whether ``term`` is a heading's first topic, the whole heading or before "-" or "+"."""
    return lower.startswith(term) and lower[len(term) : len(term) + 3] in _HEADING_GAPS


def _labels_items(text: str, head: str) -> bool:
    """Whether a line's head is everyday words in small letters that list items after it rather
    than a term it defines: "red flags: a, b, c", "worst hit: Tacloban | storm surge"; not "free
    trade: no tariffs or quotas"."""
    if " " not in head or head not in text or not _is_ordinary(head):
        return False
    rest = text[text.find(head) + len(head) :].split(";", 1)[0]  # the field the head opens
    return "|" in rest or rest.count(",") >= _LISTED_ITEMS


def _is_ordinary(words: str) -> bool:
    """Whether a line's head or a heading's topic is ordinary words only, none a term of a subject;
    a letter counts as one ("seminar Q: ...", "part A: ..."), and so does the notes' shorthand
    ("worked ex: ...")."""
    return all(
        len(word) == 1
        or word in NOTE_SHORTHAND
        or (is_common(word) and not is_subject_term(word) and word not in PLACES_AS_WORDS)
        for word in words.split()
    )


def _head_words(lines: Sequence[_Text], heads: Counter[str]) -> frozenset[str]:
    """The abbreviations and ordinary words that head lines before a colon again and again and
    stand nowhere else ("SBA: ...", "TP: ..."). A subject's term may head two cards ("Antibiotics:
    ...") and a place two sections ("Cuba: ...") and stay names."""
    candidates = {head for head, uses in heads.items() if uses >= _FIELD_USES and " " not in head}
    if not candidates:
        return frozenset()
    seen: Counter[str] = Counter()
    abbreviated: set[str] = set()
    for line in lines:
        for word in line.words:
            lower = word.lower()
            if lower in candidates:
                seen[lower] += 1
                if sum(map(str.isupper, word)) >= 2 and len(word) <= _LONGEST_FIELD_ABBREVIATION:
                    abbreviated.add(lower)
    return frozenset(
        head
        for head in candidates
        if seen[head] == heads[head] and not is_subject_term(head) and (head in abbreviated or is_common(head))
    )


# A short ordinary word in capitals is an abbreviation wherever it stands ("the WHO guideline",
# "approved by NICE in 2021"); a long one may be either.
_LONG_CAPITALS = 5
_SHORTEST_ACRONYM = 3
_CAPITAL_WORD = re.compile("[A-Z]{3}")
_LONG_CAPITAL_WORD = re.compile(f"[A-Z]{{{_LONG_CAPITALS}}}")
# Nouns after a word in capitals that say it names something: "the AVOID trial", "the CRASH mnemonic".
_NAMED_BY = frozenset(
    "trial trials study studies score criteria scale rule mnemonic protocol tool checklist model".split()
)


def _shouted(lines: Sequence[_Text]) -> frozenset[str]:
    """The long ordinary words the course writes in capitals for emphasis (``Lexicon.shouted``).

    "auxin INHIBITS growth", "FEAR and TERROR" and a line's head "MANAGEMENT: ..." shout; "causes
    PIRATES: PE, IHD, ..." and "the ORBIT score" name a mnemonic and a score.
    """
    shouted: set[str] = set()
    for line in lines:
        if _LONG_CAPITAL_WORD.search(line.text) is None:
            continue  # most lines: one search costs less than looking at each word
        words, gaps = line.words, line.gaps
        for i, word in enumerate(words):
            if len(word) < _LONG_CAPITALS or word in shouted or not _shouts(word):
                continue
            before = _spaced(words, gaps, i, -1)
            after = _spaced(words, gaps, i, 1)
            if any(noun in _NAMED_BY for noun in after):
                continue  # "the CRASH mnemonic", "the ORBIT score"
            if (
                (before[:1] and after[:1] and before[0].islower() and after[0].islower())
                or any(map(_shouts, before + after))
                or (not i and gaps[0].startswith(":") if gaps else False)
            ):
                shouted.add(word)  # "auxin INHIBITS growth", "CELL STRUCTURE", "MANAGEMENT: ..."
    return frozenset(shouted)


_STANDING_AFTER = ("=", "/")
_STANDING_BEFORE = ("=", "/", "→", ">")  # "long-term causes = MAIN", "variceal bleeding → TIPS"


def _standing_capitals(lines: Sequence[_Text]) -> frozenset[str]:
    """The words of emphasis the course writes in capitals as names (``Lexicon.standing``): before
    "=" or a slash, after a slash ("MAIN = militarism, ...", "BTS/NICE/SIGN"), last on a line after
    "=" or an arrow ("→ TIPS"), or in brackets after the words it abbreviates ("transjugular
    intrahepatic portosystemic shunt (TIPS)"); never before a word in small letters, as "the MAIN
    cause" stresses it. Last on a line after a word, or in brackets after any other words, a word
    in capitals is as often stressed ("this is KEY", "harsh (VERY)")."""
    standing: set[str] = set()
    stressing: set[str] = set()
    for line in lines:
        if _CAPITAL_WORD.search(line.text) is None:
            continue  # most lines: no word in capitals at all
        words, gaps = line.words, line.gaps
        for i, word in enumerate(words):
            if len(word) < _SHORTEST_ACRONYM or not word.isupper() or not is_emphasis(word.lower()):
                continue
            last = i + 1 == len(words)
            if not last and gaps[i] == " " and words[i + 1][:1].islower():
                stressing.add(word)
            elif (
                (not last and gaps[i].lstrip().startswith(_STANDING_AFTER))
                or (i and gaps[i - 1].endswith("/"))
                or (last and i and gaps[i - 1].rstrip().endswith(_STANDING_BEFORE))
                or (i and gaps[i - 1].endswith("(") and _abbreviates(line, word))
            ):
                standing.add(word)
    return frozenset(standing - stressing)


def _abbreviates(line: _Text, word: str) -> bool:
    """Whether ``word`` stands in brackets right after a phrase of the line it spells."""
    acronym = word.lower()
    return any(f"{phrase} ({acronym})" in line.lower for phrase in spellings(line, acronym))


def _spaced(words: Sequence[str], gaps: Sequence[str], at: int, step: int) -> list[str]:
    """Up to two words before (``step`` -1) or after (1) word ``at``, nearest first, as far as
    only spaces stand between them."""
    out: list[str] = []
    i = at
    while len(out) < 2:
        gap = i - 1 if step < 0 else i
        i += step
        if not 0 <= i < len(words) or gaps[gap] != " ":
            break
        out.append(words[i])
    return out


def _shouts(word: str) -> bool:
    """Whether a word is an ordinary word in capitals."""
    return len(word) >= 2 and word.isupper() and is_common(word.lower())


def _learn(texts: Sequence[str]) -> Lexicon:
    base = Lexicon()
    counts = _Counts()
    lines: list[_Text] = []
    names: set[str] = set()
    terms: set[str] = set()
    spans: dict[str, LineSpans] = {}
    described: set[str] = set()
    heads: Counter[str] = Counter()
    plain_topics: list[tuple[str, int]] = []
    for text in texts:
        line = _Text.read(text, line_spans(text, spans))
        counts.add(line, base)
        lines.append(line)
        for start, end in line.spans.quotes:
            _add_quoted(text[start:end], line.lower[start:end], names, terms)
        head = _field_name(text)
        if head:
            heads[head] += 1
        # An everyday word a heading files notes under ("Pathogens + disease", "Landmark trials +
        # history") names their topic, not a term to learn; a subject's own word does ("Osmosis").
        topics = []
        for term in headings(text):
            if not _is_ordinary(term):
                topics.append(term)
            elif " " in term and _opens_heading(line.lower, term):
                plain_topics.append((term, len(lines) - 1))
            elif " " in term:
                topics.append(term)
        # "red flags: a, b, c", "worst hit: Tacloban | storm surge": everyday words over a list label it
        defined = [term for term in definitions(text) if not _labels_items(text, term)]
        for term in (*defined, *topics, *listed(text), *chained(text), *compounds(text)):
            if term:
                described.update(_with_plural(term))
    # Ordinary words heading a section ("Urban models", "Water resources") name its topic; they
    # are a term only where another line uses them again ("water resources are under stress").
    described.update(_used_again(plain_topics, lines))
    # An ordinary word that opens line after line before a colon names a field of the notes
    # ("provenance: ...", "agree: ..."), the way a form's labels do, not a term each defines.
    field_heads = {head for head, uses in heads.items() if uses >= _FIELD_USES and _is_ordinary(head)}
    described -= field_heads
    labels = frozenset(head for head in field_heads if " " not in head)
    if labels:  # "Measles Sign: Koplik spots" defines measles, under the course's label
        described = {unlabelled(0, len(term), term, labels)[2] for term in described}
    field_words = _head_words(lines, heads)
    terms.update(term for term in described if " " in term)
    names.update(term for term in described if " " not in term)
    subject = counts.subject()
    names.update(counts.names(subject))
    # A technical word is one of the course's terms ("amylase", "hyperinflation").
    technical = {word for word in counts.lower if is_technical(word)}
    adjectives = {word for word in technical if is_technical_adjective(word)}
    names.update(technical - adjectives)
    # An adjective the course uses on its own ("clade = ... = monophyletic", "hyperosmotic to
    # their surroundings") is a term as it stands; before a noun it narrows that noun instead.
    names.update(_predicative(lines, adjectives))
    names.update(word for word in counts.lower if word in ELEMENTS)  # "chlorine", "iodine"
    # A compound the dictionary lacks, written again and again, is a term: "backwash", "headlands".
    names.update(word for word, uses in counts.lower.items() if uses >= _COMPOUND_USES and _is_new_compound(word))
    # Only names the course writes in lower case ("amylase"): "Lenin, peasants" lists no term.
    siblings = set(_siblings(lines, frozenset(name for name in names if counts.lower[name])))
    names.update(word for word in siblings if " " not in word)
    terms.update(phrase for phrase in siblings if " " in phrase)
    names.update(_prefixed(counts.lower, names))
    # A name English writes with a capital, written in small letters: "kissinger", "paul"; not a
    # month, a day, a language or a people ("monday", "latin", "victorian")
    names.update(word for word in counts.lower if _is_small_proper_name(word))
    names.update(_lower_acronyms(counts))
    terms.update(_with_noun(lines, adjectives))
    terms.update(narrowed_terms((pair for line in lines for pair in line.pairs), names))
    bound, shorthand = _bound_pairs(lines, counts.lower, names)
    terms.update(bound)
    names -= shorthand
    terms.update(_contrasts(lines, names))
    terms.update(_headed_terms(lines))
    if subject:
        terms.update(_subject_phrases(lines))
    else:  # "apartheid", "show trials": the history list is for the courses the others are not
        names.update(word for word in counts.lower if is_history_term(word))
        terms.update(_subject_phrases(lines, _HISTORY_BY_FIRST))
    clinical = is_clinical((line.text, line.spans.numbers) for line in lines)
    if clinical:  # "fever", "weight loss": what presentations and side effects are made of
        names.update(word for word in counts.lower if word in SYMPTOMS)
        terms.update(_subject_phrases(lines, _SYMPTOMS_BY_FIRST))
    # "turks call him Kanuni", "~100,000 ethiopians": a people in small letters, as "Poles" is none;
    # "the soviets seized power" are councils
    names.difference_update(
        [name for name in names if name.endswith("s") and is_proper_adjective(name[:-1]) and name != "soviets"]
    )
    names -= TITLES  # "made shogun 1603": a title on its own is no name, even one no dictionary holds
    names -= NOTE_SHORTHAND  # "micro + immuno", "stats + hx": the notes' own shorthand
    names -= _ROUTINE_WORDS  # "temp rises", "sea temps": a routine observation no dictionary holds
    names -= UNIT_WORDS  # "MG: myasthenia gravis" does not make "5 mg" a name
    names -= WEEKDAYS  # "before thurs!!": no dictionary holds the short day, and it names nothing
    names -= CLINICAL_VERBS  # "titrate weekly": what to do, in a verb no dictionary holds
    if clinical or any(_DOSED.search(line.lower) for line in lines if "bolus" in line.lower):
        names -= GIVEN_AS  # "500 mL bolus"; a biology course's bolus of chewed food is a term
    names.difference_update([name for name in names if _is_greek_symbol(name)])
    shouted = _shouted(lines)
    standing = _standing_capitals(lines)
    known = Lexicon(
        names=frozenset(names),
        plain=counts.plain(),
        fields=field_words,
        labels=labels,
        shouted=shouted,
        standing=standing,
    )
    terms.update(_found_terms(lines, known))
    terms.update(phrase for phrase in _recurring_phrases(lines) if phrase not in field_heads)
    terms.update(acronym_phrases(lines, {word for word, cls in counts.classes.items() if cls == "acronym"}))
    terms.update(_lettered_kinds(lines))
    index = _index(terms)
    keys = frozenset(index) | {name for name in known.names if counts.lower[name]}
    # The classes, runs and lines met while learning hold for the final lexicon too (they depend
    # only on the names, plain words, fields, labels and shouted words), so the course's own lines
    # are read from the memo.
    return Lexicon(
        names=known.names,
        terms=index,
        plain=known.plain,
        keys=keys,
        fields=field_words,
        labels=labels,
        shouted=shouted,
        standing=standing,
        clinical=clinical,
        word_classes=known.word_classes,
        runs=known.runs,
        spans=spans,
        lines=known.lines,
    )


def _is_greek_symbol(word: str) -> bool:
    """A Greek letter with a letter or two after it stands for a quantity: "ψ = ψs + ψp"."""
    return len(word) <= _GREEK_SYMBOL_LENGTH and "α" <= word[0] <= "ω"


def _add_quoted(inner: str, lower: str, names: set[str], terms: set[str]) -> None:
    if " " in inner.strip():
        terms.add(" ".join(lower.split()))  # ``find_quoted`` leaves out a leading article
    elif inner[0].isupper() or not is_common(lower):
        names.add(lower)  # 'Diktat': a quoted single word is a name in any case


def _used_again(topics: Sequence[tuple[str, int]], lines: Sequence[_Text]) -> set[str]:
    """The forms of the topics (each with the line that heads with it) that another line uses as
    whole words: one search of the course for all of them, as a course may have hundreds."""
    if not topics:
        return set()
    form_of = {form: term for term, _ in topics for form in _with_plural(term)}
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(form_of, key=len, reverse=True))) + r")\b")
    uses: Counter[str] = Counter(form_of[found] for found in pattern.findall("\n".join(line.lower for line in lines)))
    again: set[str] = set()
    for term, at in topics:
        own = sum(1 for found in pattern.findall(lines[at].lower) if form_of[found] == term)
        if uses[term] > own:  # a second heading with the same words counts as a use
            again.update(_with_plural(term))
    return again


def _with_plural(word: str) -> set[str]:
    """A word with its plural or singular: "enzyme" and "enzymes" name the same thing."""
    if ends_in_plural_s(word):
        return {word, word[:-1]}
    return {word} if word[-1:] == "s" else {word, word + "s"}  # "osmosis", "stimulus" have no plural in "-s"


def _siblings(lines: Sequence[_Text], names: frozenset[str]) -> Iterator[str]:
    """Plain words, or a noun with the word that sorts it, listed or added next to a lower-case
    name: "amylase + starch", "glucose, starch", "penicillin allergy → clarithromycin".

    Notes list like with like, so a lone word beside a term of the course ("amylase") is one too.
    """
    if not names:
        return
    for line in lines:
        if "+" not in line.text and "," not in line.text and "→" not in line.text and "⇌" not in line.text:
            continue  # no sign that joins siblings
        parts = _SIBLING_SPLIT.split(line.text)
        # parts alternate item, separator, item, ...: only +, commas and arrows join siblings
        for i in range(1, len(parts) - 1, 2):
            if parts[i].strip() not in _SIBLING_SIGNS:
                continue
            left, right = parts[i - 1].strip(), parts[i + 1].strip()
            for word, other in ((left, right), (right, left)):
                if other.lower() in names and (_is_lone_noun(word) or _is_noun_pair(word)):
                    yield from _with_plural(word)


def _is_noun_pair(phrase: str) -> bool:
    """Two plain words that read as a noun and the word that sorts it: "stomach acid"."""
    words = phrase.split(" ")
    return len(words) == 2 and _sorting_word(words[0]) and _is_lone_noun(words[1])


def _is_lone_noun(word: str) -> bool:
    if not (word.isalpha() and _is_noun(word)) or word in GRADING or word in PLAIN_ADJECTIVES:
        return False  # "homozygous, different = heterozygous": a quality lists no sibling
    # A plural in -ies is a noun ("antibodies"); other lone words in -s may be verbs ("fails").
    return word.endswith("ies") or not is_verb_like(word)


def _prefixed(words: Iterable[str], names: set[str]) -> Iterator[str]:
    """A name with a prefix before a hyphen is a name too: "re-urbanisation", "counter-urbanisation"."""
    for word in words:
        prefix, hyphen, base = word.partition("-")
        if hyphen and prefix in _NAME_PREFIXES and base in names:
            yield word


_AFTER_PREDICATE = frozenset({"to", "than", "vs"})
_NEGATIONS = frozenset({"in", "un", "im"})  # "inclear" for "unclear"
# Where a thing lies, not what it is: "medial to the pubic tubercle", "distal" and "proximal".
_POSITIONS = frozenset(
    "medial lateral distal proximal anterior posterior superior inferior dorsal ventral systolic diastolic".split()
)


def _predicative(lines: Sequence[_Text], adjectives: set[str]) -> Iterator[str]:
    """The adjectives a line uses with no noun after them: before a mark, at its end, or before
    "to", "than" or "vs". Not those that say where ("medial"), describe in plain English in "-y"
    ("itchy", "runny"), or are an ordinary adjective with its prefix misspelt ("inclear")."""
    adjectives = {
        word
        for word in adjectives
        if word not in _POSITIONS and not word.endswith("y") and not (word[:2] in _NEGATIONS and is_common(word[2:]))
    }
    if not adjectives:
        return
    for line in lines:
        words, gaps = line.words, line.gaps
        last = len(words) - 1
        for at, word in enumerate(words):
            if word in adjectives and (at == last or gaps[at] != " " or words[at + 1] in _AFTER_PREDICATE):
                yield word


def _with_noun(lines: Sequence[_Text], adjectives: set[str]) -> Iterator[str]:
    """Technical adjectives with the noun after them: "aerobic respiration", "hypotonic solution"."""
    if not adjectives:
        return
    for line in lines:
        words = line.words
        for at, (adjective, noun, gap) in enumerate(zip(words[:-1], words[1:], line.gaps, strict=True)):
            if adjective not in adjectives or gap != " " or len(noun) < 3 or noun in GENERAL_NOUNS:
                continue  # nor "e.g." after an adjective
            if not _is_noun(noun) or (at + 2 < len(words) and verb_before(noun, words[at + 2])):
                continue  # "the pituitary releases (more) ADH": a verb and its object
            yield f"{adjective} {noun}"


def _verbs_in(line: _Text, names: set[str]) -> set[str]:
    """Words in "-s" that the line uses as verbs, before their object: "curare blocks its
    receptors", or before one of the course's names wherever the line writes them: "xylem
    carries water ... phloem carries sucrose" (but "push factors + pull factors", "northern towns
    grew ... southern towns stayed")."""
    words, gaps = line.words, line.gaps
    verbs: set[str] = set()
    objects: dict[str, bool] = {}  # each word in "-s": whether a name follows it every time
    for word, following, gap in zip(words[:-1], words[1:], gaps, strict=True):
        if gap == " " and verb_before(word, following):
            verbs.add(word)
        elif word[-1] == "s" and word.islower():
            objects[word] = objects.get(word, True) and gap == " " and following in names
    if words and words[-1][-1] == "s":
        objects[words[-1]] = False
    verbs.update(word for word, followed in objects.items() if followed and ends_in_plural_s(word))
    return verbs


def _bound_pairs(lines: Sequence[_Text], lower: Counter[str], names: set[str]) -> tuple[list[str], set[str]]:
    """Two lower-case words, one a name, that the course writes together every time, and more than
    once: "amino acids", "root nodules". A name never written without its neighbour is half a term.

    Returns the terms, and the names that are only ever half of a pair the notes number, as the
    parts of a series ("eco lec 1", "eco lec 2"): no name, but the notes' shorthand.
    """
    written: Counter[tuple[str, str]] = Counter()
    for line in lines:
        written.update(line.pairs)
    pairs: Counter[tuple[str, str]] = Counter()
    for (left, right), uses in written.items():  # the distinct pairs: far fewer than their uses
        if left in names or right in names or right + "s" in names or right[:-1] in names:
            pairs[left, _singular(right)] += uses
    after: Counter[str] = Counter()  # how often each first word stands before a noun it is bound to
    before: Counter[str] = Counter()
    kept: dict[tuple[str, str], int] = {}
    for (left, right), uses in pairs.items():
        plural = right + "s"
        named_right = right in names or plural in names
        if uses < _BOUND_USES or not (left in names or named_right):
            continue
        if left in STOPWORDS or right in STOPWORDS or not _is_noun(right) or is_verb_like(left):
            continue
        if left in UNIT_WORDS:
            continue  # "50 mg bolus": a dose's unit, whatever follows it
        kept[left, right] = uses
        after[left] += uses
        before[right] += uses
    bound: dict[str, list[str]] = {}  # each pair and the names bound in it
    for (left, right), uses in kept.items():
        # every use of the name: "spindle fibres" stays apart when "the spindle" is written too
        bound_left = left in names and after[left] == lower[left] == uses
        right_uses = lower[right] + lower[right + "s"]
        bound_right = (right in names or right + "s" in names) and before[right] == right_uses == uses
        if bound_left or bound_right:
            bound[f"{left} {right}"] = [left] * bound_left + [right] * bound_right
    series = _numbered_series(lines, [pair for pair in bound if pair.split(" ")[1] not in _KIND_NUMBERED])
    terms = [term for pair in bound if pair not in series for term in (pair, pair + "s")]
    return terms, {name for pair in series for name in bound[pair]}


def _numbered_series(lines: Sequence[_Text], phrases: Sequence[str]) -> set[str]:
    """The phrases the notes number in every use, and with more than one number: the parts of a
    series ("eco lec 1 - populations", "eco lec 2 - communities"), which head notes, not a term."""
    if not phrases:
        return set()
    course = Course([line.lower for line in lines])
    numbered: set[str] = set()
    for phrase in phrases:
        seen: set[str] = set()
        for at in course.find(phrase):
            index, start = course.line_of(at)
            number = _SERIES_NUMBER.match(lines[index].lower, start + len(phrase))
            if number is None:
                break  # written once without a number: a term after all
            seen.add(number.group(1))
        else:
            if len(seen) >= 2:
                numbered.add(phrase)
    return numbered


_CONTRASTED = re.compile(r" (?:vs\.?|v|versus) ")  # "positive selection vs negative selection"


def _contrasts(lines: Sequence[_Text], names: set[str]) -> Iterator[str]:
    """Kinds a line sets against each other with "vs", one noun with two words that sort it:
    "positive selection vs negative selection". A noun sorted two ways in a plain list is as often
    two things said in passing ("dark form ..., pale form", "dock jobs + office jobs"); the
    bundled phrases know the kinds such lists name ("push factors", "live wire")."""
    for line in lines:
        pairs = line.pairs
        if len(pairs) < 2 or _CONTRASTED.search(line.lower) is None:
            continue
        heads = {head for _, head in pairs}
        if len(heads) == len(pairs) and (len({_singular(head) for head in heads}) == len(heads)):
            continue  # most lines: no noun written twice after another word
        by_head: dict[str, set[str]] = {}
        verbs = _verbs_in(line, names)
        for modifier, head in pairs:
            if head not in verbs:  # "curare blocks its receptors; lidocaine blocks ...": a verb
                by_head.setdefault(_singular(head), set()).add(modifier)
        for head, modifiers in by_head.items():
            if len(modifiers) < 2 or not _kind_noun(head):
                continue
            if any(not _sorting_word(modifier) for modifier in modifiers):
                continue
            kinds = [f"{modifier} {noun}" for modifier, noun in pairs if _singular(noun) == head]
            if _set_against(line.lower, kinds):
                yield from kinds


def _set_against(lower: str, kinds: Sequence[str]) -> bool:
    """Whether a "vs" stands between the first and the last of the kinds in the line, and not
    elsewhere in it ("1850 vs 1950: dark form ..., pale form")."""
    found = sorted(at for at in (lower.find(kind) for kind in kinds) if at >= 0)
    return len(found) > 1 and _CONTRASTED.search(lower, found[0], found[-1]) is not None


def _by_first_word(phrases: Iterable[str]) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for phrase in sorted(phrases):
        out.setdefault(phrase.split(" ", 1)[0], []).append(phrase)
    return {first: tuple(found) for first, found in out.items()}


# The bundled phrases by their first word, so a line is looked at only for the phrases it may hold.
_PHRASES_BY_FIRST = _by_first_word(SUBJECT_PHRASES)
_HISTORY_BY_FIRST = _by_first_word(term for term in HISTORY_TERMS if " " in term)
_SYMPTOMS_BY_FIRST = _by_first_word(term for term in SYMPTOMS if " " in term)


def _subject_phrases(
    lines: Sequence[_Text], by_first: Mapping[str, tuple[str, ...]] = _PHRASES_BY_FIRST
) -> Iterator[str]:
    """The bundled terms of a subject made of ordinary words that the course writes ("active
    site", "bone marrow"), or their plurals ("rock groynes"): no rule finds a term in two
    everyday words written once."""
    for line in lines:
        lower = line.lower
        for word in line.words:
            for phrase in by_first.get(word.lower(), ()):
                if holds_words(lower, phrase):
                    yield phrase
                elif phrase + "s" in lower or phrase + "es" in lower:  # the quick test: most are not there
                    if len(phrase) - phrase.rfind(" ") <= _SHORTEST_PLURAL_HEAD:
                        continue
                    for plural in (phrase + "s", phrase + "es"):
                        if _plural_noun(lower, plural):
                            yield plural


# "meiosis i" makes no plural of "meiosis is".
_SHORTEST_PLURAL_HEAD = 3


def _plural_noun(lower: str, plural: str) -> bool:
    """Whether a phrase in "-s" stands in a line as a plural noun: "rock groynes + rip rap", "rock
    groynes built 1991"; not as a verb with its object ("transpiration pulls water up", "pulls the
    water")."""
    at = lower.find(plural)
    while at >= 0:
        end = at + len(plural)
        if (not at or not lower[at - 1].isalnum()) and (end == len(lower) or not lower[end].isalnum()):
            following = NEXT_WORD.match(lower, end)
            word = following.group(1) if following is not None else ""
            # "pulls the water": a verb and its object; "groynes + rip rap", "groynes built 1991"
            if word not in DETERMINERS and (not word or word in STOPWORDS or is_verb_like(word)):
                return True
        at = lower.find(plural, at + 1)
    return False


def _headed_terms(lines: Sequence[_Text]) -> Iterator[str]:
    """Lower-case phrases named by the noun that ends them: "mass flow hypothesis", "sliding
    filament theory", "acute chest syndrome", "thyroid gland", "metabolic rate": such a noun
    names an idea or a kind, and the words before it say which."""
    for line in lines:
        lower = line.lower
        if not any(head in lower for head in _IDEA_HEADS):
            continue  # most lines: none of the nouns at all
        words = line.words
        for i in range(1, len(words)):
            if words[i] not in _IDEA_HEADS or not words[i].islower():
                continue
            first = i
            while first > 0 and i - first < _PHRASE_REACH and line.gaps[first - 1] == " ":
                if not _names_an_idea(words[first - 1]):
                    break
                first -= 1
            following = words[i + 1] if i + 1 < len(words) and line.gaps[i] == " " else ""
            if first == i or (following and _is_noun(following) and not is_verb_like(following)):
                continue  # not "nuclear test" of "nuclear test ban treaty"
            if words[i] not in _KIND_HEADS or words[first].lower() not in _JUDGING:
                yield " ".join(words[first : i + 1])  # "a closed system", not "a clear sign"


def _modifier(word: str) -> bool:
    """Whether a word can narrow the noun after it: no small word, number or grade."""
    return len(word) >= 3 and word not in STOPWORDS and word not in COUNTING and word not in GRADING


def _names_an_idea(word: str) -> bool:
    """Whether a lower-case word can say which idea a noun names ("sliding", "monoamine")."""
    return (
        _modifier(word)
        and word.islower()
        and (word not in PLAIN_QUALITIES or word in _ONSETS)
        and word not in DISCOURSE
        and not word.endswith("ly")
        and (word.endswith(("ing", "ed")) or not is_verb_like(word))
    )


def _kind_noun(word: str) -> bool:
    """Whether a word can be a noun that names a kind of thing: not "question" ("exam question
    ... essay question" names no kinds), but "factors" ("push factors + pull factors")."""
    if word in STOPWORDS or word in PARTICLES or (word in DISCOURSE and word not in TERM_HEADS):
        return False  # "hold up ... climb up": verbs with their particle, no kinds of anything
    return _is_noun(word) and not is_verb_like(word)


def _sorting_word(word: str) -> bool:
    """Whether a word can sort a noun into a kind: no small word, number, grade or verb form
    ("avoid metoclopramide" tells what to do)."""
    return (
        _modifier(word)
        and word.isalpha()
        and word not in PLAIN_QUALITIES
        and word not in INSTRUCTIONS
        and word not in _TEST_JUDGEMENTS  # "an acceptable test ... a sensitive test" judge, not sort
        and not word.endswith(("ly", "ed", "ing", "er", "est", "ful", "less"))
        and not is_verb_like(word)
    )


@lru_cache(maxsize=65536)  # a word's singular depends on the word alone
def _singular(word: str) -> str:
    return word[:-1] if ends_in_plural_s(word) else word


def _is_noun(word: str) -> bool:
    """Whether a lower-case word may be a noun: no small word, past tense, adverb or contraction
    ("didn't")."""
    return (
        word.islower()
        and word not in STOPWORDS
        and word not in CLAUSE_VERBS  # "a dielectric increase(s) capacitance"
        and not word.endswith(("ed", "ly"))
        and "'" not in word
        and "’" not in word
    )


def _found_terms(lines: Sequence[_Text], lexicon: Lexicon) -> Iterator[str]:
    """Names of more than one word found in the course, to be found again in any case.

    Those are what ``find_names`` reads from runs of capitalised words and numbers: the
    lexicon knows no terms yet, and its lower-case names are single words.
    """
    for line in lines:
        read = line_names(line.text, lexicon, line.blocked, line.spans.numbers)
        for start, end in itertools.chain(*(names for _, _, names in read.runs), read.numbered):
            surface = line.lower[start:end]
            if " " in surface:
                yield surface


def _recurring_phrases(lines: Sequence[_Text]) -> Iterator[str]:
    """Short phrases of ordinary words that stand alone somewhere and recur in other lines."""
    candidates: set[str] = set()
    for line in lines:
        for segment in _SEGMENT_SPLIT.split(line.lower):
            words = segment.split()
            if 2 <= len(words) <= 3:
                phrase = _standalone_phrase(words)
                if phrase:
                    candidates.add(phrase)
    if not candidates:
        return
    openers = {phrase.split(" ", 1)[0] for phrase in candidates}
    uses: Counter[str] = Counter()
    for line in lines:
        uses.update(_whole_word_phrases(line.lower, openers) & candidates)
    for phrase, count in uses.items():
        if count >= 2:
            yield phrase


def _whole_word_phrases(lower: str, openers: set[str]) -> set[str]:
    """Every two and three words of ``lower`` standing one space apart, as whole words, that
    start with one of ``openers``: where a candidate phrase of ordinary words may be written."""
    parts = _WORD_RUN_SPLIT.split(lower)
    # parts alternate what separates words and words: parts[i + 1] follows the word parts[i]
    out: set[str] = set()
    if openers.isdisjoint(parts[1::2]):
        return out  # most lines: no word opens a candidate
    for i in range(1, len(parts) - 3, 2):
        if parts[i] in openers and parts[i + 1] == " ":
            pair = f"{parts[i]} {parts[i + 2]}"
            out.add(pair)
            if i + 4 < len(parts) and parts[i + 3] == " ":
                out.add(f"{pair} {parts[i + 4]}")
    return out


def _lettered_kinds(lines: Sequence[_Text]) -> set[str]:
    """Kinds named by a letter ("B cells", "T cells") written in two lines or more, with the
    words that narrow them ("memory B cells"); a letter once ("L arm") is shorthand."""
    uses: Counter[str] = Counter()
    narrowed: dict[str, set[str]] = {}
    phrases: Counter[str] = Counter()
    for line in lines:
        found = list(lettered(line.text))
        uses.update({kind.rstrip("s") for kind, _ in found})
        for kind, phrase in found:
            narrowed.setdefault(kind.rstrip("s"), set()).update(_with_plural(phrase) if phrase else ())
            phrases[phrase.rstrip("s")] += 1
    out: set[str] = set()
    for kind, count in uses.items():
        if count >= 2:
            out.update(_with_plural(kind))
            # "memory B cells", "cytotoxic T cells"; "activate B cells" once is a verb and its object
            out.update(phrase for phrase in narrowed[kind] if phrases[phrase.rstrip("s")] >= 2 or _kind_word(phrase))
    return out


def _kind_word(phrase: str) -> bool:
    """Whether the first word of a phrase reads as an adjective that sorts things ("cytotoxic")."""
    return phrase.split(" ", 1)[0].endswith(_KIND_ENDINGS)


_UNIT_NAMES = frozenset({"unit", "units", "si"})


def _standalone_phrase(words: list[str]) -> str | None:
    """The words of a segment as a phrase, if they are two or three ordinary words."""
    if not 2 <= len(words) <= 3 or not all(word.isalpha() for word in words):
        return None
    if is_verb_like(words[0]) or any(word in STOPWORDS for word in words) or is_label(words):
        return None  # "side effect: ..." heads a line without being a term
    if words[0] in COUNTING or words[0] in _UNIT_NAMES:
        return None  # "one cell thick" describes; it names nothing; "unit Pa" gives a unit
    if len(words) == 3 and words[0] in _SIZES:
        words = words[1:]  # "big surface area": the term is what the quality describes
    if not all(is_common(word) for word in words):
        return None  # a phrase with a name in it is found as a name
    return " ".join(words)


def _index(terms: Iterable[str]) -> dict[str, tuple[str, ...]]:
    by_first: dict[str, list[str]] = {}
    for term in terms:
        if "{" in term or "}" in term or ":" in term:
            continue  # never a blank that could be read as cloze markup
        first = _ANY_WORD.match(term)
        if first is not None and " " in term:
            key = first.group().split("'")[0].split("’")[0]
            by_first.setdefault(key, []).append(term)
    return {key: tuple(sorted(group, key=lambda t: (-len(t), t))) for key, group in by_first.items()}
