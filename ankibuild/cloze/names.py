"""Names: people, places, organisations, named events, treaties, policies and key terms.

The line reader finds *runs*, stretches of capitalised words joined by single spaces or
connecting words, and asks ``runs.analyse_run`` for the names in each. A noun such as "treaty",
"uprising" or "cycle" after a name completes it ("Austrian state treaty", "Krebs cycle"). Then
come the names the course taught the lexicon, in any case ("politburo", "secret speech"), and the
names built around a number ("Article 48").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple

from .classes import STOPWORD_ACRONYMS, core, is_emphasis
from .definitions import CLASSIFYING_ENDINGS, DISCOURSE
from .edges import (
    antibodies,
    everyday_isotopes,
    greek_names,
    initialled_names,
    letter_names,
    molecular_names,
    numbered_acronyms,
    short_species,
    small_acronyms,
    stated_salts,
)
from .numbered import numbered_names
from .runs import ANY_NOUN, PART_HEADS, analyse_run
from .technical import is_species_name
from .tokens import NEXT_WORD, keyword_hits, number_starts, starts_sentence
from .words import (
    CLAUSE_ADVERBS,
    COMPASS_POINTS,
    CONNECTORS,
    DETERMINERS,
    DRUG_LABELS,
    EPITHETS,
    EPONYM_DISEASE_ENDINGS,
    EVENT_HEADS,
    IRREGULAR_PARTICIPLES,
    IRREGULAR_PAST,
    MONTHS,
    NAMED_THING_HEADS,
    PARTICLES,
    PROPER_NAMES,
    STOPWORDS,
    TITLES,
    is_common,
    is_proper_adjective,
    is_verb_like,
)

if TYPE_CHECKING:
    from .lexicon import Lexicon

Span = tuple[int, int]

# A capitalised word; apostrophes, hyphens, an ampersand and a plus join its parts ("U&Es", "A&E",
# "U+Es"); a plus before a space or a mark is an ion's charge ("Na+").
_CAPITAL = r"[A-ZÀ-ÖØ-ÞĀ-ɏΑ-ΩЀ-Я][^\W_]*(?:['’\-–&+][^\W_]+)*['’]?"
# The particles of people's names: the connectors but "of", which joins titles and places, and
# "les", which joins no person's name ("Champs-Élysées" aside).
_PARTICLES = "|".join(sorted(CONNECTORS - {"of", "les"}))
# Single spaces join a name's words, and so do "of" and the particles of people's names.
_JOIN = rf"(?: | of (?:the )?| for | (?:{_PARTICLES})(?: (?:der|den|la))? )"
# A character class first lets the regex engine skip lower-case text quickly.
_RUN = re.compile(rf"{_CAPITAL}(?:{_JOIN}{_CAPITAL})*")
# A court case is dated in brackets after it, or the line says it is one.
_CASE_DATE = re.compile(r" ?\(\d{4}\)")  # "(1954)"; "(Oct 1925)" dates a dispute
# A party's word and the other party, capitalised words that "of" may join: a case whose parties
# are ordinary words too ("Roe v Wade (1973)").
_CASE = re.compile(r"(?<![\w'’])[A-Z][\w'’\-]* v\.? [A-Z][\w'’\-]*(?: (?:of (?:the )?)?[A-Z][\w'’\-]*)*")
_PARTY = re.compile(r"(?<![\w'’])[A-Z][\w'’\-]*$")
_COURT = re.compile(r"\b(?:[Cc]ourt|[Cc]ase of|[Rr]uling|[Jj]udgment|[Jj]udgement)\b")
_PARTICLES_BEFORE = (*(f" {p} " for p in _PARTICLES.split("|")), " van der ", " van den ", " von der ")
_PARTICLE_ENDS = frozenset(p[-2] for p in _PARTICLES_BEFORE)  # the last letters of the particles
# Capitalised small words that open sentences: alone, they start no name (a quick way past them).
_LONE_WORDS = frozenset(form for word in STOPWORDS for form in (word.capitalize(), word.upper())) - {
    word.upper() for word in STOPWORD_ACRONYMS
}
_HEAD_GAPS = frozenset(" '’")
_CAPS_WORD = re.compile(r"[A-Z]{3,}")
# Words that "the" makes a side, a region or an institution of any country rather than a name:
# "the West", "the Left", "the Government", "the Church".
_THE_GENERIC = frozenset(
    """west east north south left right centre center government church police army navy crown state
    court bank university college company""".split()
)
# Words that qualify the noun after them, capitalised or not: "the First secretary".
_THE_QUALIFIERS = frozenset("first second third fourth fifth last next other same whole new old".split())
# The heads of a name that may open with two ordinary words joined by "and" ("Cat and Mouse Act").
_PAIRED_HEADS = EVENT_HEADS | {"railway", "initiative"}
_PAIRED_FIRST = re.compile(r"(?:^|(?<=[^\w'’\- ]) |(?<=[a-z] ))([A-Z][a-z]+)$")
# Endings of words for ideas and of plurals, which name no person: "Industrialisation", "Purges".
_IDEA_ENDINGS = ("tion", "sion", "ism", "ment", "ness", "ity", "ance", "ence", "ship", "s")
# Verbs whose object is an event, between a name and the event's head: "France declare war".
_EVENT_VERBS = frozenset("declare declares wage wages win wins lose loses end ends enter enters join joins".split())
# The heads of an eponym that "of" may complete: "index of diversity", "laws of motion".
_HEADS_OF = frozenset("index law laws theory principle hypothesis".split())
_OF_WORD = re.compile(r" of ([a-z]{3,})\b(?![\-'’])")
_LETTER_HINT = re.compile(r"(?<![\w\-.'’])[A-Z](?:[ \-][a-z]|\+|-Day)")  # what every name by a letter holds
# Heads that are verbs too, in the plain form: "Britain, France + Israel plan the attack".
_VERB_HEADS = frozenset("plan act fire purge raid strike flood riot boycott crash campaign".split())
# And in "-s" as a verb after one doer, with its object or a particle after it: "Italy signs the
# pact", "Stanley signs treaties", "the Supreme Court strikes down the NRA"; "over" says what an
# event was about ("Geneva talks over Indochina", "Dagenham strikes over equal pay").
_VERB_S_HEADS = frozenset([head + ("es" if head.endswith("sh") else "s") for head in _VERB_HEADS] + ["signs", "talks"])
_OBJECT_MARKERS = (DETERMINERS | PARTICLES | {"round"}) - {"over"}
# Heads that name what someone found, whatever word stands between: "Wien's displacement law".
_NAMED_HEADS = frozenset("law laws rule rules principle equation sign syndrome disease test index coefficient".split())
# Heads that follow a surname only ("Okazaki fragments", "Lewy bodies", "Grignard reagent"), not
# an abbreviation or a place ("DNA fragments", "UN bodies").
_SURNAME_HEADS = frozenset("distribution reagent fragments bodies report reforms".split())
# The one or two lower-case words after a run, where a head noun may complete it.
_NEXT_WORDS = re.compile(r"(['’]s?)? ([a-z][a-z\-]*|\d(?:st|nd|rd|th)\b)(?: ([a-z][a-z\-]*))?")  # "Kepler's 1st law"


_TRIALS = frozenset({"trial", "trials"})


def _head_end(text: str, start: int, end: int, heads: frozenset[str], plural: bool) -> int:
    """The end of a head noun (with at most one word before it) completing the name at
    ``start``-``end``, or 0.

    A quote mark may stand before it only after a plural ("Workers' party"); a possessive only
    when the name allows it ("Hooke's law"), which the name's heads already say.
    """
    if text[end : end + 1] not in _HEAD_GAPS:
        return 0
    match = _NEXT_WORDS.match(text, end)
    if match is None:
        return 0
    mark, word, second = match.groups()
    if mark is not None and len(mark) == 1 and not plural:
        return 0
    if heads is ANY_NOUN:  # after "Covalent", "bonding" is a noun
        noun = word not in STOPWORDS and word not in IRREGULAR_PAST and not word.endswith(("ed", "ly"))
        return match.end(2) if noun else 0
    if word in heads:
        if mark is not None and word in _HEADS_OF and text.startswith(" of ", match.end(2)):
            return _of_end(text, match.end(2))  # "Simpson's index of diversity"
        if second in DETERMINERS and word in _VERB_HEADS:
            return 0  # "Britain, France + Israel plan the attack": a verb and its object
        if mark is None and word in _VERB_S_HEADS and _takes_object(second):
            return 0  # "Stanley signs treaties": the doer's verb and what it acts on
        if word in _SURNAME_HEADS and (" " in text[start:end] or text[start:end].isupper()):
            return 0  # "DNA fragments", "UN bodies": such a head follows a surname only
        if word in NAMED_THING_HEADS and not _names_thing(text[start:end], second):
            return 0  # "FDR limit", "Bolsheviks experiment with", "Hitler limit on": not the thing named
        if word in _RUN_HEADS and _runs_it(text[start:end]):
            return 0  # "EA scheme", "NHS system": whose it is, not its name ("Yellow Card scheme", "Canton system")
        if word in PART_HEADS and second and second not in STOPWORDS and not is_verb_like(second):
            return 0  # "Amazon basin deforestation", "Severn estuary barrage": a noun goes on after it
        if word in _TRIALS and text[start:end].isupper():
            return 0  # "the NINDS trial": a trial in capitals is known by its acronym alone
        return match.end(2)
    if mark is not None and word.endswith(EPONYM_DISEASE_ENDINGS):
        return match.end(2)  # "Hodgkin's lymphoma", "Wernicke's encephalopathy"
    if second in heads and not is_verb_like(word) and word not in DISCOURSE and word not in _EVENT_VERBS:
        if second in _SURNAME_HEADS:
            return 0  # "Brazil wealth distribution"
        if " " in text[start:end] and not is_common(word):
            return 0  # "Peter Mitchell's chemiosmotic theory": a person and the term they are known for
        if mark is not None and not (
            word.endswith(CLASSIFYING_ENDINGS) or second in _NAMED_HEADS or word in _THE_QUALIFIERS
        ):
            return 0  # "Eisenhower's domino theory" is his; "Volkmann's ischaemic contracture" is named
        return match.end(3)  # "Monroe doctrine", but not "ACEi side effect": a label
    return 0


# Words after a head that make it a verb: "Hitler limit on", "Bolsheviks experiment with".
_VERB_OBJECT_STARTS = DETERMINERS | {"on", "with", "to", "into", "onto"}


def _names_thing(name: str, second: str | None) -> bool:
    """Whether a name makes one term of a science's noun after it ("Chandrasekhar limit", "Lewis
    acids"): not an abbreviation ("FDR limit"), a people or a party in the plural ("Bolsheviks
    experiment"), nor a subject before its verb and object ("Stalin limit on private plots")."""
    if name.isupper() or second in _VERB_OBJECT_STARTS:
        return False
    last = name.rsplit(" ", 1)[-1].lower()
    return not (last.endswith("s") and (is_common(last[:-1]) or is_proper_adjective(last)))


# Heads that an abbreviation or a body before them runs: "EA scheme", "NHS system", "Environment
# Agency scheme".
_RUN_HEADS = frozenset({"scheme", "system"})
_RUNNERS = frozenset("agency council trust board authority government ministry department bank commission".split())


def _runs_it(name: str) -> bool:
    """Whether a name before a scheme or a system is who runs it (an abbreviation or a body) rather
    than the words that name it ("Yellow Card scheme", "Gezira scheme", "Canton system")."""
    return name.isupper() or name.lower().rsplit(" ", 1)[-1] in _RUNNERS


def _takes_object(second: str | None) -> bool:
    """Whether the word after a head in "-s" is what a verb acts on: an article, a particle or a
    plural noun ("signs treaties"); a name after it may be who took part ("Reykjavik talks Reagan
    + Gorbachev")."""
    if second is None:
        return False
    return second in _OBJECT_MARKERS or (second.endswith("s") and not second.endswith(("ss", "us")))


def _of_end(text: str, end: int) -> int:
    """The end of what "of" and a plain word after ``end`` add to a law or index named after
    someone ("Newton's laws of motion"), or ``end``."""
    match = _OF_WORD.match(text, end)
    return match.end() if match is not None and match.group(1) not in STOPWORDS else end


def _species_end(text: str, end: int) -> int:
    """The end of a species name after a genus ("Staphylococcus aureus"), or 0."""
    match = _NEXT_WORDS.match(text, end)
    if match is None or match.group(1):
        return 0
    return match.end(2) if is_species_name(match.group(2)) else 0


class LineNames(NamedTuple):
    """What the line reader finds in a line before it looks for the course's terms.

    It depends on the line, the spans blocked in it and the course's names, plain words, fields,
    labels and shouted words, not on its terms, so the lexicon memoises it per line
    (``Lexicon.lines``): learning reads every line of the course this way, and blanking the same
    lines later reads it back.
    """

    blocked: tuple[Span, ...]
    """The spans no name may lie across, which all the rest depends on."""
    lower: str
    """The line in lower case (``lower_case``)."""
    runs: tuple[tuple[int, tuple[tuple[int, str], ...], tuple[Span, ...]], ...]
    """Each run of capitalised words read, in order: where it starts, its words (where one of
    the course's terms may start, as ``RunInfo.words``) and the names found in it."""
    numbered: tuple[Span, ...]
    """Names built around a number or a letter (``numbered_names``)."""
    formed: tuple[Span, ...] = ()
    """Names known by how they are written: a species with its genus shortened ("E. coli"),
    antibodies ("anti-CCP"), abbreviations that start in lower case ("eGFR") and names sorted by
    a Greek letter ("β-blockers") or a capital letter ("T wave", "X-rays")."""


class _RunReader:
    """Reads the runs of capitalised words of one line into ``LineNames.runs``."""

    __slots__ = ("blocked", "fenced", "lexicon", "memo", "read", "text")  # one per line, read often

    def __init__(self, text: str, lexicon: Lexicon, blocked: Sequence[Span], fenced: Sequence[Span]) -> None:
        self.text = text
        self.lexicon = lexicon
        self.blocked = blocked
        self.fenced = fenced
        self.memo = lexicon.runs
        self.read: list[tuple[int, tuple[tuple[int, str], ...], tuple[Span, ...]]] = []

    def runs(self) -> None:
        text, blocked, fenced = self.text, self.blocked, self.fenced
        labels = self.lexicon.labels
        for start, end, run in _capital_runs(text):
            if run in _LONE_WORDS:
                if (
                    run.isupper()
                    and text[start - 1 : start] == "("
                    and text.startswith(")", end)
                    and (run in self.lexicon.standing or not is_emphasis(run.lower()))
                ):  # "World Health Organization (WHO)", not "harsh (VERY)"
                    self.read.append((start, (), ((start, end),)))
                continue
            if run == "SE" and not text[end + 1 : end + 2].isupper():
                continue  # "morphine SE: ...", "SE dry cough" label side effects; "SE England" is a region
            cut = run.rfind(" ")
            if cut > 0 and run[cut + 1 :] in DRUG_LABELS and not text[end + 1 : end + 2].isupper():
                end -= len(run) - cut
                run = run[:cut]  # "SSRI SE: ...", "TCA OD: ...": the drug, then a label
            if labels and text.startswith(":", end):
                start, end, run = unlabelled(start, end, run, labels)
                if not run:
                    continue
            if " of " in run and run.split(" ", 1)[0] in COMPASS_POINTS:
                cut = run.index(" of ") + len(" of ")  # "~80 km NW of Kathmandu": a bearing, then the place
                start, run = start + cut, run[cut:]
            if fenced and overlaps(start, end, fenced):
                continue  # the user blanked part of this name: the rest is theirs to blank
            if blocked and overlaps(start, end, blocked):
                for offset, words in _free_parts(run, start, blocked):
                    while words and not words[0][0].isupper():  # a connector left after a date
                        offset += len(words.pop(0)) + 1
                    if words:
                        self.run(offset, " ".join(words))
            else:
                self.run(start, run)
        if self.read:
            self.by_context()

    def by_context(self) -> None:
        """Ordinary capitalised words that the words around them make names: one joined to a
        one-word name by "+", "&" or "and" ("Hershey + Chase", "Singer & Nicolson", "Stroke +
        TIA"), and one in capitals before "trial" or a year ("AVOID trial", "AFFIRM 2002")."""
        read, text = self.read, self.text
        for i, (offset, words, names) in enumerate(read):
            if names or len(words) != 1:
                continue
            end = offset + len(words[0][1])
            if text[offset:end].isupper() and _TRIAL_AFTER.match(text, end):
                read[i] = (offset, words, ((offset, end),))  # "AVOID trial 2015", "AFFIRM 2002": a trial
                continue
            if not _pairable(words[0][1]):
                continue
            before = read[i - 1][2] if i else ()
            after = read[i + 1][2] if i + 1 < len(read) else ()
            if (before and _joined(text, before[-1][1], offset) and self.proper(*before[-1])) or (
                after and _joined(text, end, after[0][0]) and self.proper(*after[0])
            ):
                read[i] = (offset, words, ((offset, end),))

    def proper(self, start: int, end: int) -> bool:
        """Whether a name is one word and none of the course's plain lower-case words: "Weinberg",
        not the "Pathogens" of a heading where the notes write "pathogens"."""
        name = self.text[start:end]
        return " " not in name and name.lower() not in self.lexicon.plain

    def run(self, offset: int, run: str) -> None:
        """Read the names in the run ``run``, which starts with a capital at ``offset``."""
        text = self.text
        pieces, opening, words = self.memo.get(run) or analyse_run(run, self.lexicon)
        if opening is not None and starts_sentence(text, offset):
            pieces = opening
        names: tuple[Span, ...] = ()  # mostly none or one: a tuple grows cheaper than a list is made
        # Unpacked at once: cheaper than reading each field of the named tuple by name.
        for start, end, named, heads, plural, particle, heading, genus in pieces:
            start += offset
            end += offset
            if heading and not text[:start].strip() and not text[end:].strip(" .:;"):
                continue  # "Key Terms" as the whole line: a heading
            # Most names end the line or stand before a mark: no head noun can follow them.
            head = _head_end(text, start, end, heads, plural) if heads and text[end : end + 1] in _HEAD_GAPS else 0
            if not head and genus:
                head = _species_end(text, end)
            if head:
                end = head
            elif not named:
                continue
            names += ((_with_particle(text, start) if particle else start, end),)
        if names and names[0][0] == offset and offset > 6 and text.startswith(" and ", offset - 5):
            names = ((_with_pair(text, offset, names[0][1]), names[0][1]), *names[1:])
        self.read.append((offset, words, names))


class _Reader:
    """Finds the names of one line from what the run reader read, appending their spans to ``out``."""

    __slots__ = ("blocked", "lexicon", "lower", "out", "text")  # one per line, read often

    def __init__(self, text: str, lower: str, lexicon: Lexicon, blocked: Sequence[Span]) -> None:
        self.text = text
        self.lower = lower
        self.lexicon = lexicon
        self.blocked = blocked
        self.out: list[Span] = []

    def runs(self, read: LineNames) -> None:
        """The names in each run, and the course's terms that start at one of its words."""
        out, terms = self.out, self.lexicon.terms
        for offset, words, names in read.runs:
            out += names
            if terms:  # while it learns, the lexicon knows no terms yet
                for at, word in words:
                    if word in terms:
                        self.term(offset + at, word)

    def term(self, start: int, key: str) -> None:
        """Append the course's term starting at ``start`` with the word ``key``, if one does."""
        lower = self.lower
        for surface in self.lexicon.terms[key]:
            stop = start + len(surface)
            if lower.startswith(surface, start) and (stop == len(lower) or not lower[stop].isalnum()):
                self.out.append((start, stop))
                return

    def known_words(self) -> None:
        """Lower-case names ("politburo") and terms ("secret speech") the course established."""
        lexicon, blocked = self.lexicon, self.blocked
        for start, end in keyword_hits(self.text, lexicon.keys):
            if blocked and overlaps(start, end, blocked):
                continue
            word = self.lower[start:end]
            if word in lexicon.terms:
                self.term(start, word)
            if word in lexicon.names:
                self.out.append((start, end))


def overlaps(start: int, end: int, spans: Sequence[Span]) -> bool:
    """Whether ``start``-``end`` overlaps any of ``spans``."""
    # A plain loop: cheaper than ``any`` over a generator for the few spans a line has.
    for s, e in spans:  # noqa: SIM110
        if s < end and start < e:
            return True
    return False


def unlabelled(start: int, end: int, run: str, labels: frozenset[str]) -> tuple[int, int, str]:
    """A run before a colon, or a term the course defines, without the word of the course's labels
    it starts or ends with ("Aortic stenosis Presentation: ...", "Presentation CF: ..."), and where
    it now starts and ends; empty if it is the label. Labels are in lower case: the run's words are
    compared so."""
    if run.lower() in labels:
        return start, start, ""
    cut = run.rfind(" ")
    if cut > 0 and run[cut + 1 :].lower() in labels:
        return start, start + cut, run[:cut]
    cut = run.find(" ")
    if cut > 0 and run[:cut].lower() in labels:
        return start + cut + 1, end, run[cut + 1 :]
    return start, end, run


def _free_parts(run: str, start: int, blocked: Sequence[Span]) -> Iterator[tuple[int, list[str]]]:
    """The parts of a run outside the blocked spans, as (offset, words)."""
    part: list[str] = []
    offset = at = start
    for word in run.split(" "):
        free = not overlaps(at, at + len(word), blocked)
        if free and not part:
            offset = at
        if free:
            part.append(word)
        elif part:
            yield offset, part
            part = []
        at += len(word) + 1
    if part:
        yield offset, part


def _capital_runs(text: str) -> Iterator[tuple[int, int, str]]:
    """Each run of capitalised words that starts a word, with where it starts and ends."""
    end = 0
    # ``findall`` and ``find`` rather than ``finditer``, which builds a match object per run.
    # Any capital starts a match, so a run's text first appears after the previous run exactly
    # where the regex found it.
    for run in _RUN.findall(text):
        start = text.find(run, end)
        end = start + len(run)
        if (not start or not text[start - 1].isalnum()) and run[0].isupper():
            yield start, end, run


def capitalised_words(text: str, blocked: Sequence[Span] = ()) -> list[tuple[str, bool, int]]:
    """Each capitalised word outside ``blocked``, as (word, opens a sentence, stands bare).

    A word stands bare with no capitalised word beside it, no number after it and, if it names a
    side, region or institution, no "the" before it: "China", "the Terror", not "the West", "the
    Government", "Soviet Union" or "Act 1". Bare is 0 (not), 1, or 2 where the word before says
    it names one thing: "the Terror", "Florey + Chain", "Banting and Best".
    """
    out: list[tuple[str, bool, int]] = []
    for start, end, run in _capital_runs(text):
        if blocked and overlaps(start, end, blocked):
            parts = list(_free_parts(run, start, blocked))
        else:
            parts = [(start, run.split(" "))]
        for offset, words in parts:
            # a capital after "+" or "&" joins a list, where an ordinary word would not have one
            at_start = starts_sentence(text, offset) and not (offset >= 2 and text[offset - 2] in "+&")
            first_end = offset + len(words[0])
            bare = 0
            article = len(words) == 2 and words[0] == "The"  # "The Holocaust": a heading's article
            if article:
                offset, first_end, words = offset + 4, first_end + 1 + len(words[1]), words[1:]
                out.append(("The", at_start, 0))
                at_start = False
            # "Act 1" is a reference; "the Troubles 1968-98" a name and its years
            if len(words) == 1 and (
                not text[first_end + 1 : first_end + 2].isdigit() or _YEAR.match(text, first_end + 1)
            ):
                if text[max(0, offset - 4) : offset].lower() != "the ":
                    bare = 2 if _joined_to_name(text, offset, words[0]) else 1
                elif words[0].lower() in _THE_GENERIC:
                    bare = 0  # "the West", "the Government": a side or an institution of any country
                elif words[0].lower() in _THE_QUALIFIERS:
                    bare = 1
                else:
                    # "the Terror": "the" and a capital inside a sentence name one thing, unless a
                    # noun follows that the capital qualifies ("the Upper house", "the Main causes")
                    bare = 1 if _noun_after(text, first_end) else 2
            for i, word in enumerate(words):
                if word[0].isupper():
                    plain = "'" not in word and "’" not in word  # most words: no possessive to cut
                    out.append((word if plain else core(word)[0], at_start and i == 0, bare))
    return out


_YEAR = re.compile(r"1\d{3}(?!\d)")


def _noun_after(text: str, end: int) -> bool:
    """Whether a lower-case word right after ``end`` reads as a noun: no small word, no verb
    ("the Channel to Switzerland", "the Terror began"), but "the Upper house"."""
    match = NEXT_WORD.match(text, end)
    if match is None:
        return False
    word = match.group(1)
    return word not in STOPWORDS and word not in IRREGULAR_PAST and not word.endswith(("ed", "ing"))


def _joined_to_name(text: str, offset: int, word: str) -> bool:
    """Whether ``word``, at ``offset``, follows a name and "+", "&" or "and": the second of two
    people or places ("Florey + Chain", "Banting and Best"), not an idea that a heading pairs
    with one ("Stalin and Industrialisation", "Mussolini and Fascism", "Stalin and Purges")."""
    if word.endswith(_IDEA_ENDINGS):
        return False
    if offset >= 2 and text[offset - 2] in "+&" and text[offset - 1] == " ":
        before = text[: offset - 2].rstrip()
    elif text.startswith(" and ", offset - 5):
        before = text[: offset - 5]
    else:
        return False
    first = before.rsplit(" ", 1)[-1]
    # only a name before: "Strengths and Weaknesses", "Metal + Acid" join ordinary words
    return first[:1].isupper() and first[1:].isalpha() and not is_common(first.lower())


_PAIR_JOINS = frozenset({" + ", " & ", " and "})
_TRIAL_AFTER = re.compile(r" (?:trials?|study|studies|\(?(?:19|20)\d\d\b)")


def _pairable(word: str) -> bool:
    return (
        len(word) > 2
        and word.isalpha()
        and word not in STOPWORDS
        and word not in DISCOURSE
        and word not in TITLES
        and not is_verb_like(word)  # "Monitoring + HbA1c" heads a section
        and not word.endswith(_IDEA_ENDINGS)  # "Stalin and Industrialisation": a policy, not a partner
    )


def _joined(text: str, end: int, start: int) -> bool:
    """Whether "+", "&" or "and" alone stands between ``end`` and ``start``."""
    return text[end:start] in _PAIR_JOINS


def _with_pair(text: str, start: int, end: int) -> int:
    """Where a named act, plan or railway starts, taking in an ordinary capitalised word joined to
    it by "and": "Cat and Mouse Act", "Belt and Road Initiative"; not "Stalin and Five Year Plans"."""
    if text[start:end].rsplit(" ", 1)[-1].lower() not in _PAIRED_HEADS:
        return start
    match = _PAIRED_FIRST.search(text, 0, start - 5)
    if match is None or not is_common(match.group(1).lower()) or match.group(1).endswith("s"):
        return start  # "Liberals and Labour Party", "Whites and Red Army": two sides
    return match.start(1)


_INITIALS_BEFORE = re.compile(r"(?<![\w.])(?:[A-Z]\. ?){1,3}$")  # "F.W. " before "de Klerk"


def _with_particle(text: str, start: int) -> int:
    """Where a name starts, taking in a particle written before it ("de Stalinisation")."""
    if start < 2 or text[start - 1] != " " or text[start - 2] not in _PARTICLE_ENDS:
        return start  # a quick way past most names: no particle can end just before them
    before = " " + text[max(0, start - 9) : start].replace("(", " ")  # "(zur Hausen, 2008)"
    if not before.endswith(_PARTICLES_BEFORE):
        return start
    start -= max(len(p) for p in _PARTICLES_BEFORE if before.endswith(p)) - 1
    initials = _INITIALS_BEFORE.search(text, max(0, start - 9), start)
    return initials.start() if initials else start  # "F.W. de Klerk"


# ------------------------------------------------------------------------- the course's words


def lower_case(text: str) -> str:
    """``text`` in lower case, letter for letter (so offsets stay valid)."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


def find_names(
    text: str,
    lexicon: Lexicon,
    blocked: Sequence[Span] = (),
    numbers: Sequence[int] | None = None,
    fenced: Sequence[Span] = (),
) -> list[Span]:
    """Candidate name spans of a line; they may overlap, and the caller picks among them.

    No name lies across ``blocked`` (dates, quotations, protected text), and no name is taken
    from a run of capitalised words that reaches into ``fenced`` (the user's own blanks).
    ``numbers`` are where the numbers of the line start (``number_starts``), if the caller knows.
    """
    read = line_names(text, lexicon, blocked, numbers, fenced)
    reader = _Reader(text, read.lower, lexicon, blocked)
    reader.runs(read)
    if lexicon.keys:
        reader.known_words()
    reader.out += read.numbered
    reader.out += read.formed
    if " v " in text or " v. " in text:
        reader.out += _court_cases(text, reader.out)
    return reader.out


def line_names(
    text: str,
    lexicon: Lexicon,
    blocked: Sequence[Span] = (),
    numbers: Sequence[int] | None = None,
    fenced: Sequence[Span] = (),
) -> LineNames:
    """What ``find_names`` finds in a line before it looks for the course's terms and lower-case
    names, memoised in the lexicon; not with ``fenced`` spans, which change the reading."""
    read = None if fenced else lexicon.lines.get(text)
    if read is None or read.blocked != tuple(blocked):
        read = _read_line(text, lexicon, blocked, numbers, fenced)
        if not fenced:
            lexicon.lines.setdefault(text, read)
    return read


def _shouted(text: str) -> bool:
    """Whether a line is written in capitals, as a heading ("ACUTE KIDNEY INJURY"), rather than made
    of abbreviations ("ABPI < 0.9 = PAD"): most of a shouted line's words are ordinary words."""
    if text != text.upper() or text.count(" ") < 2:
        return False
    words = [word.lower() for word in _CAPS_WORD.findall(text)]
    ordinary = sum(1 for word in words if word in STOPWORDS or is_common(word))
    return 2 * ordinary > len(words)


def _court_cases(text: str, spans: Sequence[Span]) -> list[Span]:
    """Two names joined by "v" as one, where the line shows a court case: "Plessy v Ferguson (1896)".

    The first party may be an ordinary word ("Brown v Board of Education"). Elsewhere "v" sets two
    sides against each other ("Sparta v Athens"), each a name of its own.
    """
    court = _COURT.search(text) is not None
    out: list[Span] = []
    for start, end in spans:
        if start >= 5 and text.startswith(" v. ", start - 4):
            gap = 4  # "Dred Scott v. Sandford": the dot of a law report's citation
        elif start >= 4 and text.startswith(" v ", start - 3) and (court or _CASE_DATE.match(text, end)):
            gap = 3
        else:
            continue
        # the first party whole where it was read as a name ("Dred Scott"), else its last word
        first = next((s for s, e in spans if e == start - gap and s < e), None)
        if first is None:
            party = _PARTY.search(text, 0, start - gap)
            first = party.start() if party is not None else None
        if first is not None:
            out.append((first, end))
    for case in _CASE.finditer(text):
        if _CASE_DATE.match(text, case.end()) and not any(_is_people(party) for party in case.group().split(" v")):
            out.append(case.span())  # not "Catholics v Protestants (1618)": two sides
    return out


def _is_people(party: str) -> bool:
    """Whether a side is a people or a group in the plural ("Reds", "Catholics", "Allies")."""
    word = party.strip(" .").rsplit(" ", 1)[-1].lower()
    return len(word) > 3 and word.endswith("s") and (is_common(word[:-1]) or is_common(word[:-3] + "y"))


# "the March on Rome": a month's name before "on" and a place is an event, not a date.
_MARCH_ON = re.compile(r"(?<![\w'’])March on (?:the )?[A-Z][\w'’\-]*(?: [A-Z][\w'’\-]*)*")


def _marches(text: str) -> list[Span]:
    return [match.span() for match in _MARCH_ON.finditer(text)]


# A ruler known by an epithet, whose given name may be an everyday word too: "Peter the Great".
_RULER = re.compile(r"(?<![\w'’\-])([A-Z][a-z]+) the ([A-Z][a-z]+)\b(?! [A-Z])")


def _rulers(text: str) -> list[Span]:
    """Rulers named with an epithet ("Peter the Great"), which the runs miss when the given name is
    an everyday word; ``edges.with_epithet`` takes in the epithet after a name the runs found."""
    return [
        match.span()
        for match in _RULER.finditer(text)
        if match.group(2).lower() in EPITHETS and match.group(1).lower() not in STOPWORDS
    ]


# Two words alone in brackets, a capitalised one and one in small letters: mostly a species'
# Latin name after its common one ("maize (Zea mays)", "the Arabian oryx (Oryx leucoryx)"), even
# where one of the words is an everyday one.
_BRACKETED_PAIR = re.compile(r"(?<=\()[A-Z][a-z]{2,} [a-z]{3,}(?=\))")


def _bracketed_pairs(text: str) -> list[Span]:
    """Names written as two words alone in brackets, a capitalised word and one in small letters,
    one of them no everyday word; not a note's tag ("(Case study)", "(Key point)") nor a clause
    ("(Stalin died)", "(Germany helps)", "(Britain first)")."""
    out: list[Span] = []
    for match in _BRACKETED_PAIR.finditer(text):
        first, second = match.group().lower().split(" ")
        if (
            second in STOPWORDS
            or second in IRREGULAR_PAST
            or second in CLAUSE_ADVERBS
            or second.endswith(("ed", "ing", "ly"))
            or (is_common(first) and is_common(second))
            or (first in PROPER_NAMES and second.endswith("s"))  # a person or country does something
        ):
            continue
        out.append(match.span())
    return out


# A species written by its common name and glossed by its binomial in brackets: "sea otter
# (Enhydra lutris)", "the large ground finch (G. magnirostris, ...)". The common name is the words
# just before the bracket.
_BINOMIAL_GLOSS = re.compile(r"(?<=[a-z]) \(([A-Z][a-z]{2,}|[A-Z]\.) ([a-z]{3,})[),;]")
_COMMON_NAME_WORD = re.compile(r"[A-Za-z][a-z]*(?:-[a-z]+)*")
_COMMON_NAME_WORDS = 3
# A work cited by its author and year: "(Rivers, 2001)", "(Blount et al. 2008)".
_CITATION = re.compile(r"(?<=\()[A-Za-z][a-z]+(?=(?: et al\.?)?,? (?:1[5-9]|20)\d\d\b)")
# Words that open a bracketed date rather than name its author: "(Early 1942)", "(Summer, 1968)".
_DATE_OPENERS = frozenset("early mid late summer spring autumn fall winter circa approx".split())


def _cited_authors(text: str) -> list[Span]:
    """The author of a work cited in brackets with its year, even an everyday word ("Rivers"); in
    small letters, no everyday word ("(mayr 1942)", not "(published 1929)")."""
    return [
        match.span()
        for match in _CITATION.finditer(text)
        if (lower := match.group().lower()) not in STOPWORDS
        and lower not in _DATE_OPENERS
        and lower not in MONTHS
        and (match.group()[0].isupper() or not is_common(lower))
    ]


_NOT_OF_A_NAME = frozenset("male female males females young adult adults juvenile eg ie".split())


def _glossed_organisms(text: str, pairs: Sequence[Span]) -> list[Span]:
    """Common names of species glossed by their Latin name: the words before the bracket, up to a
    small word, a mark or the line's start ("e.g. dandelion (Taraxacum officinale)": "dandelion").
    ``pairs`` are the line's ``_bracketed_pairs``, binomials whatever their species word."""
    out: list[Span] = []
    binomials = {start for start, _ in pairs}
    for match in _BINOMIAL_GLOSS.finditer(text):
        if not is_species_name(match.group(2)) and match.start(1) not in binomials:
            continue  # "(Stalin died)" is a clause; "(Zea mays)" is a binomial all the same
        end = start = word_end = match.start()
        for _ in range(_COMMON_NAME_WORDS):
            space = text.rfind(" ", 0, word_end)
            word = text[space + 1 : word_end]
            if (
                _COMMON_NAME_WORD.fullmatch(word) is None
                or word.lower() in STOPWORDS
                or word.lower() in _NOT_OF_A_NAME
                or word.lower() in IRREGULAR_PAST
                or ("-" not in word and word.endswith(("ed", "ing", "ly")) and is_verb_like(word.lower()))
            ):
                break
            start, word_end = space + 1, space
            if space < 0:
                break
        if start < end:
            out.append((start, end))
    return out


# A mnemonic, in capitals ("BUFALO", "MRS GREN") or counted ("4 Ts", "the 5 As"), and the list it
# stands for: "4 Ts: tone, trauma, tissue, thrombin". Each item is one or two words.
_MNEMONIC = re.compile(
    r"(?<![\w\-])(?:(?P<letters>[A-Z]{3,}(?: [A-Z]{3,})?)|(?P<count>[2-9]) (?P<letter>[A-Z])s)\b[\"'’”]?"
    r"(?:(?::| =| -|\):) | \()"
)
# A mnemonic counted by its letter: "the 6 Ps", "the 4 Ts", "5 As"; the count is part of it.
_COUNTED_MNEMONIC = re.compile(r"(?<![\w\-.,/])[2-9] [A-Z]s\b(?![\-'’])")
_MNEMONIC_MARKS = frozenset(':?)"”')


def _counted_mnemonics(text: str) -> list[Span]:
    """Counted mnemonics named as such: "the 6 Ps", "4 Ts: ...", not "2 As and 3 Bs" (grades)."""
    return [
        match.span()
        for match in _COUNTED_MNEMONIC.finditer(text)
        if text.endswith(("the ", '"', "“"), 0, match.start()) or text[match.end() : match.end() + 1] in _MNEMONIC_MARKS
    ]


def mnemonic_letters(text: str) -> str:
    """The letters of a mnemonic in capitals that opens a line ("FAST: face, arms, ..."), or ""."""
    match = _MNEMONIC.match(text)
    return (match.group("letters") or "") if match is not None else ""


_ITEM = re.compile(r"[A-Za-z][a-z\-]*(?: [a-z][a-z\-]*)?")
_ITEM_JOIN = re.compile(r", and |, | \+ | and ")


# The examples a line gives: "e.g. chrysanthemum, poinsettia", "(eg mule)", "such as maize + peas".
_EXAMPLES = re.compile(r"(?<![\w.])(?:e\.g\.?|eg|such as)[,:]? ")
# One example: a word or two in small letters, then the mark that ends it.
# Not before an arrow or a slash: "e.g. height → any value" and "e.g. round/wrinkled" give a
# trait, not a thing.
_EXAMPLE = re.compile(r"([a-z][a-z\-]+|[a-z]+ [a-z]+)(?=$|[,;:)+]| [+=(]| and | or | vs\b)")
_EXAMPLE_JOIN = re.compile(r",? (?:and|or|\+) |, |\+")


def _examples(text: str) -> list[Span]:
    """The examples a line names in a word or two each, as names: the organisms, places or
    substances that show what the line says ("short-day plants, e.g. chrysanthemum, poinsettia")."""
    out: list[Span] = []
    for match in _EXAMPLES.finditer(text):
        at = match.end()
        while True:
            item = _EXAMPLE.match(text, at)
            if item is None or any(
                word in STOPWORDS or word in IRREGULAR_PAST or word in IRREGULAR_PARTICIPLES or is_verb_like(word)
                for word in item.group(1).split(" ")
            ):
                break
            out.append(item.span(1))
            joint = _EXAMPLE_JOIN.match(text, item.end())
            if joint is None:
                break
            at = joint.end()
    return out


def _mnemonic_items(text: str) -> list[Span]:
    """The items of the list a mnemonic stands for, each a fact of its own, where their first
    letters spell it: "MMR = measles, mumps, rubella", "the 6 Ps: pain, pallor, ...".
    """
    out: list[Span] = []
    for match in _MNEMONIC.finditer(text):
        letters = match.group("letters")
        spelt = letters.replace(" ", "") if letters else match.group("letter") * int(match.group("count"))
        items: list[Span] = []
        at = match.end()
        while len(items) < len(spelt):
            item = _ITEM.match(text, at)
            if item is None:
                break
            end = item.end()
            joint = _ITEM_JOIN.match(text, end)
            if joint is None and " " in item.group():  # the last item: one word, unless the list ends with it
                end = item.start() + item.group().index(" ")
                joint = _ITEM_JOIN.match(text, end)
            items.append((item.start(), end))
            if joint is None:
                break
            at = joint.end()
        if len(items) == len(spelt) and all(
            text[start].upper() == letter and text[start:end].lower() not in STOPWORDS
            for (start, end), letter in zip(items, spelt, strict=True)
        ):
            out += items
    return out


# A compound's systematic name, its locants and all: "2-bromo-2-methylpropane", "propan-2-ol",
# "glucose-6-phosphate", "ethane-1,2-diol"; not "7-day" nor "6-in-1" (no chemical ending), nor
# "a 2-phase process" (no substituent after the number).
_LOCANT_NAME = re.compile(r"(?<![\w\-])(?:\d+(?:,\d+)*-)?[a-z]{2,}(?:-\d+(?:,\d+)*-[a-z]{2,})*(?: acid\b)?(?![\w\-])")
# What follows a leading locant in a compound's name: a substituent ("2-bromo...", "21-hydroxylase").
_SUBSTITUENT = re.compile(
    r"(?:bromo|chloro|fluoro|iodo|methyl|ethyl|propyl|butyl|hydroxy|amino|oxo|nitro|phosph|keto|deoxy|bis|di|tri)"
)
# A sugar written before the locant of its phosphate: "glucose 6-phosphate".
_PARENT_SUGAR = re.compile(r"(?<![\w\-])[a-z]{3,}ose $")
_CHEMICAL_ENDINGS = (
    "ane",
    "ene",
    "yne",
    "ol",
    "al",
    "one",
    "ose",
    "ase",
    "ate",
    "ite",
    "ide",
    "ile",
    "ine",
    "ic acid",
    "yl",
)


def _locant_names(text: str) -> list[Span]:
    """The systematic names of compounds in a line, each with its locants (``_LOCANT_NAME``)."""
    out = []
    for match in _LOCANT_NAME.finditer(text):
        name = match.group()
        if "-" not in name or not any(ch.isdigit() for ch in name) or not name.endswith(_CHEMICAL_ENDINGS):
            continue
        start = match.start()
        if name[0].isdigit() and _SUBSTITUENT.match(name, name.index("-") + 1) is None:
            continue  # "a 2-phase process", "a 2-nucleotide overhang": a count, not a locant
        parent = _PARENT_SUGAR.search(text, 0, start) if name[0].isdigit() else None
        out.append((parent.start() if parent else start, match.end()))  # "glucose 6-phosphate"
    return out


_DIGIT = re.compile(r"\d")


def _read_line(
    text: str, lexicon: Lexicon, blocked: Sequence[Span], numbers: Sequence[int] | None, fenced: Sequence[Span]
) -> LineNames:
    runs = _RunReader(text, lexicon, blocked, fenced)
    if not _shouted(text):  # a line in capitals is a heading
        runs.runs()
    if numbers is None:
        numbers = number_starts(text)
    lower = lower_case(text)
    formed = small_acronyms(text)
    names = lexicon.names
    formed += molecular_names(text, bool(numbers), "ribosomes" in names or "ribosome" in names)
    if numbers or _DIGIT.search(text) is not None:
        formed += numbered_acronyms(text)
        formed += [span for span in _counted_mnemonics(text) if not overlaps(*span, blocked)]
        if "-" in text:
            formed += [span for span in _locant_names(text) if not overlaps(*span, blocked)]
            formed += everyday_isotopes(text)
    if ". " in text:
        formed += short_species(text)
        formed += initialled_names(text)
    if "nti-" in text:
        formed += antibodies(text)
    if not text.isascii():
        formed += greek_names(text)
    if _LETTER_HINT.search(text) is not None:
        formed += letter_names(text)
    if "March on " in text:
        formed += [span for span in _marches(text) if not overlaps(*span, blocked)]
    if " the " in text:
        formed += [span for span in _rulers(text) if not overlaps(*span, blocked)]
    if "(" in text:
        if ") " in text:
            formed += stated_salts(text)
        pairs = _bracketed_pairs(text)
        formed += [span for span in pairs if not overlaps(*span, blocked)]
        formed += [span for span in _glossed_organisms(text, pairs) if not overlaps(*span, blocked)]
        if numbers:
            formed += _cited_authors(text)
    if ", " in text:
        formed += [span for span in _mnemonic_items(text) if not overlaps(*span, blocked)]
    if "e.g" in text or "eg " in text or "such as " in text:
        formed += [span for span in _examples(text) if not overlaps(*span, blocked)]
    numbered = tuple(numbered_names(text, lower, numbers))
    return LineNames(tuple(blocked), lower, tuple(runs.read), numbered, tuple(formed))
