"""The names in a run of capitalised words ("Federal Republic of Germany", "Franz von Papen").

A run is a name when it holds a strong word or two capitalised words ("Soviet Union"), once the
words that only look like part of it are stripped: a job title ("President Kennedy"), a verb that
opens the sentence ("Denounced Stalin"), a nationality before a name ("Soviet Politburo"). A run
may also be the start of a name that a head noun after it completes ("Polish uprising"); the
line reader (``names``) looks for that noun.

The analysis of a run depends only on its words and the course, so it is memoised in the
lexicon: a course names the same people and places again and again.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from .classes import LETTER_ROMANS, NAME_LIKE, WordClass, core, is_coined, word_class
from .definitions import DISCOURSE
from .words import (
    ADJECTIVE_ENDINGS,
    EPONYM_HEADS,
    EVENT_HEADS,
    INSTRUCTIONS,
    NAMED_THING_HEADS,
    ORG_HEADS,
    PLACE_ABBREVIATIONS,
    PLACE_HEADS,
    PLATE_HEADS,
    POSSESSIVE_PLACES,
    SAINTS,
    SHORT_GENERA,
    TITLE_MODIFIERS,
    is_common,
    is_participle,
    is_verb_like,
)

if TYPE_CHECKING:
    from .lexicon import Lexicon

# The land a river names in small letters after it ("Humber estuary", "Amazon basin", "Yangzi
# delta"), and a system, mission or edict named after a place or a person ("Canton system",
# "Macartney mission", "Gülhane edict").
PART_HEADS = frozenset({"estuary", "basin", "delta", "system", "mission", "edict"})
_ALL_HEADS = EVENT_HEADS | ORG_HEADS | PART_HEADS | NAMED_THING_HEADS | PLATE_HEADS
_ADJECTIVE_HEADS = EVENT_HEADS | PLATE_HEADS  # "Eurasian plate"; not "Fallopian tube"
# After a name with a bare apostrophe: "Workers' party", or an eponym of a name ending in s.
_PLURAL_EPONYM_HEADS = _ALL_HEADS | EPONYM_HEADS
# The last word of a body's name, which no head noun after it extends.
_BODY_ENDS = ORG_HEADS | frozenset(
    """agency service commission organisation organization ministry department office board trust
    fund authority corporation association federation""".split()
)
# Offices named with the field they run before them: "Environment Secretary", "Health Minister".
_OFFICES_OF_A_FIELD = frozenset({"secretary", "minister"})
# What a body's name with a head noun after it names: its rules and its writings.
_BODY_WORKS = frozenset(
    "criteria classification score scale report index test method charter constitution declaration".split()
)
_HEADING_WORDS = frozenset(
    """key main important exam useful other general extra further additional summary revision
    practice past sample essay case final basic core recap""".split()
)
ANY_NOUN = frozenset({"*"})
"""Heads of a technical adjective opening a line: the noun after it, whichever it is."""
_NAMED_EVENTS = frozenset("rebellion rising revolt uprising plot conspiracy raid rebellions purge".split())
_MONTHS_AS_WORDS = frozenset({"May", "March"})  # months that are ordinary words too
_ORDINALS = frozenset(
    """first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth
    fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth""".split()
)
_PEOPLES = frozenset("people women men workers children peasants soldiers".split())
# Small words and months that are surnames too, after a given name.
_SURNAME_WORDS = frozenset("more may march june will still long even".split())
# Nouns that make an eponym of any capitalised word before them, even one opening a sentence.
_OPENING_HEADS = frozenset("syndrome disease sign reflex manoeuvre maneuver score criteria scale".split())
_RULER_SUFFIXES = frozenset("sultan shah khan pasha bey raja rajah nawab".split())  # "Tipu Sultan"
_TITLE_SMALL_WORDS = frozenset("Through For With From Against Of In On To At By Without Under Over".split())
_GENUS_ENDINGS = ("us", "um", "ia", "a", "ella", "bacter", "monas", "myces", "is", "es", "o")  # "Vibrio", "Homo"


class Piece(NamedTuple):
    """A name found in a run: ``run[start:end]``."""

    start: int
    end: int
    named: bool
    """A name on its own; otherwise only with a head noun after it ("Polish uprising")."""
    heads: frozenset[str]
    """The head nouns that may complete it."""
    plural: bool
    """Its last word ends in "s", so a quote mark after it is a plural possessive."""
    particle: bool
    """It may take in a particle written before it ("de Stalinisation")."""
    heading: bool = False
    """Words like "Key Terms" or "Exam Tips": a name in a sentence, but as a whole line a heading."""
    genus: bool = False
    """One word that may name a genus, which a species name after it completes ("Staphylococcus
    aureus")."""


class RunInfo(NamedTuple):
    """What a run of capitalised words holds."""

    pieces: tuple[Piece, ...]
    """Its names inside a sentence."""
    opening: tuple[Piece, ...] | None
    """Its names when it opens a sentence, if they differ."""
    words: tuple[tuple[int, str], ...]
    """Where its words start and each in lower case: where one of the course's terms may start."""


class _Words(NamedTuple):
    """The words of a run as the analysis sees them, by index."""

    cores: list[tuple[str, bool]]  # each word without a possessive, and whether it ends a phrase
    classes: list[WordClass]


# The titles a person is known by together with their name: "Queen Victoria", "Lady Jane Grey".
_STYLED_TITLES = frozenset({"queen", "lady", "earl", "shah"})
# The places that take a royal's name and title: "Prince Edward Island", "Queen Maud Land".
_NAMED_PLACES = POSSESSIVE_PLACES | frozenset("sound land islands strait straits falls lake station".split())


def analyse_run(run: str, lexicon: Lexicon) -> RunInfo:
    """The names in a run of capitalised words, memoised per lexicon (they depend on no more)."""
    found = lexicon.runs.get(run)
    if found is None:
        words = run.split(" ")
        offsets = [0]
        for word in words[:-1]:
            offsets.append(offsets[-1] + len(word) + 1)
        cores = [core(word) for word in words]
        classes = [word_class(text, lexicon) for text, _ in cores]
        inside = tuple(_pieces(words, offsets, _Words(cores, classes.copy()), False, lexicon))
        opening = tuple(_pieces(words, offsets, _Words(cores, classes.copy()), True, lexicon))
        starts = tuple((at, text.lower()) for at, (text, _) in zip(offsets, cores, strict=True))
        found = RunInfo(inside, None if opening == inside else opening, starts)
        lexicon.runs[run] = found
    return found


_COUNTRY_ADJECTIVE_ENDS = ("an", "al", "ern", "ing", "ed")  # "urban", "rural", "northern", "changing"
_OFFICES = frozenset({"PM", "MP", "MPs"})
# Bodies named for the cause they work for: "Committee for Famine Relief", "Centers for Disease Control".
_BODIES_FOR = frozenset(
    """committee committees centre center centres centers campaign society commission ministry office
    institute fund foundation movement league alliance association trust agency""".split()
)
# Words a heading opens with before "of" and the thing it is about: the notes' words for an aspect
# ("Causes of the French Revolution", "Role of the United Nations") and a story's parts ("Origins
# of the Cold War").
_TOPIC_OPENERS = DISCOURSE | frozenset("origins origin rise fall end collapse".split())


def _pieces(words: list[str], offsets: list[int], run: _Words, at_start: bool, lexicon: Lexicon) -> Iterator[Piece]:
    """The names in a run, inside a sentence or opening one; ``run.classes`` is changed as read."""
    cores, classes = run
    opener = cores[0][0].lower()
    if (
        at_start
        and classes[0] == "strong"
        and opener not in lexicon.names
        and (opener in lexicon.plain or is_participle(opener))
        and not is_coined(cores[0][0])  # "ProCESS" is coined, whatever the course says
    ):
        classes[0] = "common"  # "Inclear ..." where the course writes "inclear"; "Denatured ..."
    final = len(words) - 1
    for i, word in enumerate(words):
        if word in _OFFICES:
            classes[i] = "title"  # "PM Clement Attlee", "Nehru PM", "became PM", "Labour MPs": an office
        elif word in LETTER_ROMANS and i and classes[i - 1] in NAME_LIKE and (word == "I" or i == final):
            classes[i] = "roman"  # "Elizabeth I", "MHC I", "Charles V"; "Stalin V Trotsky" is versus
        elif word in _MONTHS_AS_WORDS and i < final and words[i + 1].lower() in _ORDINALS:
            classes[i] = "strong"  # "May Fourth Movement": a month and its day name the event
    if final and classes[final - 1] == "strong" and words[final].istitle() and words[final].lower() in _SURNAME_WORDS:
        classes[final] = "strong"  # "Thomas More", "Theresa May"
    for i in range(1, final):
        if (
            words[i] == "for"
            and classes[i + 1] in ("common", *NAME_LIKE)
            and (
                (i == 1 and classes[0] == "common")
                or (cores[i - 1][0].lower() in _BODIES_FOR and classes[i + 1] == "common")
            )
        ):
            # a title's "for" after one everyday word: "Scramble for Africa", "Nets for Life"; a
            # body's for the cause it works for: "Oxford Committee for Famine Relief", "Centers for
            # Disease Control"; not for a country: "Marshall Fund for Europe"
            classes[i] = "connector"
        elif (
            classes[i] == "stop"
            and words[i] in _TITLE_SMALL_WORDS
            and "stop" not in (classes[i - 1], classes[i + 1])
            and not (classes[i - 1] in NAME_LIKE and classes[i + 1] in NAME_LIKE)  # "Russia Under Stalin"
        ):
            classes[i] = "connector"  # a title writes its small words with capitals too: "Strength Through Joy"
    for i in range(1, final):
        if words[i] == "of" and (
            classes[i - 1] in ("roman", "acronym") or (i > 1 and _full_name_before(words, classes, i))
        ):
            # "Gavrilo Princip of the Black Hand", "Edoardo Bassini of Padua", "Philip II of France",
            # "TBSA of Hartmann's": a full name, a ruler's number or an abbreviation ends the name
            # before "of", where "Battle of the Somme" and "St Francis of Assisi" are one name
            j = i
            while j < final and classes[j] == "connector":
                classes[j] = "stop"
                j += 1
    first = 0
    for i, (_, ends) in enumerate(cores):
        if ends and _possessive_place(words, cores, i):
            ends = False  # "St Mary's Hospital"
        if classes[i] == "stop" or ends or i == len(words) - 1:
            last = i if classes[i] != "stop" else i - 1
            if last >= first:
                found = _piece(run, first, last, at_start and first == 0)
                if found is not None:
                    start, end, named, heads = found
                    text = cores[end][0]
                    if classes[end] == "strong" and words[end].endswith(("s'", "s’")):
                        heads = _PLURAL_EPONYM_HEADS  # "Graves' disease", "Colles' fracture"
                    particle = classes[start] == "strong" and not (at_start and start == 0)
                    plural = text.lower().endswith("s")
                    heading = named and _ordinary_pair(run, start, end)
                    genus = start == end and (
                        (classes[start] == "strong" and text.lower().endswith(_GENUS_ENDINGS)) or text in SHORT_GENERA
                    )
                    span = offsets[start], offsets[end] + len(text)
                    yield Piece(*span, named, heads, plural, particle, heading, genus)
            first = i + 1


def _full_name_before(words: list[str], classes: list[WordClass], at: int) -> bool:
    """Whether a person's first name and surname, and nothing more, stand before word ``at``."""
    if classes[at - 2] != "strong" or words[at - 2] in SAINTS or words[at - 2].endswith(("'s", "’s")):
        return False  # "Kennedy's Bay of Pigs": what someone owns, not a full name
    if at > 2 and classes[at - 3] in NAME_LIKE:
        return False
    return classes[at - 1] in ("strong", "common")


def _possessive_place(words: list[str], cores: list[tuple[str, bool]], i: int) -> bool:
    if not words[i].endswith(("'s", "’s")) or i + 1 == len(words):
        return False
    following = cores[i + 1][0].lower()
    if following in POSSESSIVE_PLACES and i + 2 < len(words) and words[i + 2] == "of":
        return False  # "Kennedy's Bay of Pigs invasion": the place has a name of its own
    # "St Mary's Hospital", and an event named after someone: "Bigod's Rebellion"; a people
    # owns nothing by name, so it is part of one: "People's Republic", "Women's Social and
    # Political Union" (but "Labour's NHS", "China's Great Leap Forward")
    return following in POSSESSIVE_PLACES or following in _NAMED_EVENTS or cores[i][0].lower() in _PEOPLES


def _piece(run: _Words, start: int, last: int, opening: bool) -> tuple[int, int, bool, frozenset[str]] | None:
    """The name within words ``start`` to ``last`` of a run, if there is one.

    ``opening`` tells that word ``start`` opens a sentence, where its capital says nothing.
    """
    cores, classes = run
    while start < last and classes[start] == "connector":
        start += 1  # "FHx of T2DM": what a stopped word leaves of a run starts after "of"
        opening = False
    while last > start and classes[last] == "connector":
        last -= 1
    office = last  # "Jawaharlal Nehru PM", "Khrushchev First Secretary": an office after a name
    while office > start and classes[office] == "title" and cores[office][0].lower() not in _RULER_SUFFIXES:
        office -= 1
    while office > start and office < last and cores[office][0].lower() in TITLE_MODIFIERS:
        office -= 1
    if office < last and (
        classes[office] in NAME_LIKE
        or (
            office == last - 1
            and cores[last][0] in _OFFICES
            and office > start
            and classes[office - 1] in NAME_LIKE
            and classes[office] == "common"
        )
    ):
        last = office  # "Gordon Brown PM": a surname that is an everyday word ends a full name too
    styled = _styled(run, start, last)  # "Queen Victoria"; not "First Lady Eleanor Roosevelt"
    first = start if styled else _trim(run, start, last, opening)
    if (
        first < last
        and cores[last][0].lower() in PLACE_ABBREVIATIONS
        and all(
            classes[i] == "common" and cores[i][0].lower().endswith(_COUNTRY_ADJECTIVE_ENDS) for i in range(first, last)
        )
    ):
        first = last  # "Urban UK", "Rural USA": an adjective describes the country; "Age UK" is a charity
    opening = opening and first == start
    owned = first < last and (cores[first][1] or cores[last][0].lower() in _NAMED_PLACES or styled)
    if first > last or (classes[first] in ("title", "roman", "connector") and not owned):
        return None
    kinds = {classes[i] for i in range(first, last + 1)} - {"connector"}
    named = bool(kinds & NAME_LIKE) or (
        last > first
        and "common" in kinds
        and classes[last] not in ("title", "adjective")  # "Black African", "South African"
        and cores[last][0].lower() not in TITLE_MODIFIERS
    )
    heads: frozenset[str] = _ADJECTIVE_HEADS if kinds == {"adjective"} else _ALL_HEADS
    if not named and kinds & {"title", "month"}:
        heads = frozenset()
    elif not named and kinds == {"common"} and opening:
        heads = _OPENING_HEADS  # "Lynch syndrome ...": a capital opening a line names no event
    if cores[last][1]:
        heads = EPONYM_HEADS  # "Hooke's law", "Down's syndrome", but not "Stalin's purges"
    elif last > first and cores[last][0].lower() in _BODY_ENDS:
        heads = heads & _BODY_WORKS  # "Environment Agency flood defences"; "UK Brain Bank criteria"
    elif first == last and opening and _technical_adjective(cores[first][0].lower()):
        named, heads = False, ANY_NOUN  # "Oxidative phosphorylation", not "Oxidative" alone
    if not named and not heads:
        return None
    return first, last, named, heads


def _ordinary_pair(run: _Words, first: int, last: int) -> bool:
    """Two ordinary words, the first of those that head the parts of a set of notes."""
    if last != first + 1 or not {run.classes[first], run.classes[last]} <= {"common", "adjective"}:
        return False
    return run.cores[first][0].lower() in _HEADING_WORDS


def _technical_adjective(lower: str) -> bool:
    return len(lower) >= 5 and lower.endswith(ADJECTIVE_ENDINGS) and not is_common(lower)


def _named_after_of(run: _Words, first: int, after: int, last: int) -> bool:
    """Whether ordinary words in capitals after a topic word and "of" name something of their own
    ("Origins of the Cold War", "Causes of the French Revolution"); other openers are part of the
    name ("Charge of the Light Brigade", "Year of the Four Emperors")."""
    cores, classes = run
    if cores[first][0].lower() not in _TOPIC_OPENERS:
        return False
    if (
        cores[last][0] == "Act"
        and cores[first][0].endswith("ion")
        and all(cores[i][0] != "the" for i in range(first + 1, after))
    ):
        return False  # a statute named for what it does: "Prevention of Terrorism Act"; not "Impact of Stamp Act"
    return sum(classes[i] != "connector" for i in range(after, last + 1)) > 1


def _styled(run: _Words, first: int, last: int) -> bool:
    """Whether a title and the name right after it are how the person is known: "Queen Victoria",
    "Shah Jahan", "Lady Jane Grey", "Earl Sutherland" (a given name too); not "Earl of Essex" nor
    "King Henry"."""
    cores, classes = run
    return first < last and cores[first][0].lower() in _STYLED_TITLES and classes[first + 1] in NAME_LIKE


def _trim(run: _Words, start: int, last: int, opening: bool) -> int:
    """The first word of the name: words that only look like part of it are stripped."""
    cores, classes = run
    first = start
    while first < last:
        cls, lower = classes[first], cores[first][0].lower()
        after = first + 1
        while after < last and classes[after] == "connector":
            after += 1
        named_rest = any(classes[i] in NAME_LIKE for i in range(after, last + 1))
        opens = opening and first == start
        if cls == "title" and cores[first][1]:
            break  # a title that owns the rest of the name is part of it: "King's College"
        if cls == "title" and cores[last][0].lower() in _NAMED_PLACES and last > after:
            break  # a place named after a royal: "Prince William Sound", "Queen Elizabeth Olympic Park"
        if cls in ("title", "roman") or (lower in TITLE_MODIFIERS and classes[after] == "title"):
            first = after  # "President Kennedy", "Prime Minister"
        elif (
            cls == "common"
            and classes[after] == "title"
            and cores[after][0].lower() in _OFFICES_OF_A_FIELD
            and after < last
            and classes[after + 1] in NAME_LIKE
        ):
            first = after  # "Environment Secretary Michael Heseltine"; not "Iron Chancellor", "Sun King"
        elif cls == "common" and opens and (is_verb_like(lower) or lower in INSTRUCTIONS) and named_rest:
            first = after  # "Denounced Stalin", "Check Mg"
        elif cls in ("adjective", "month") and after == last and classes[last] in NAME_LIKE and lower != "jan":
            first = after  # "Soviet Politburo", "June Malenkov"; but "Jan" is a given name: "Jan Hus"
        elif (
            cls == "common"
            and opens
            and after > first + 1
            and lower not in PLACE_HEADS
            and (named_rest or _named_after_of(run, first, after, last))
        ):
            first = after  # "Death of Stalin", "Origins of the Cold War", but "Treaty of Versailles"
        else:
            break
    return first
