"""What holds for any text: the cloze builder never emits broken cloze syntax.

The texts mix words that trigger detection (names, dates, quotes) with braces, colons and other
characters that could break Anki's markup, and with cloze markup of their own.
"""

from __future__ import annotations

import re

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from ankibuild.cloze import (
    ClozeSettings,
    Lexicon,
    cloze_text,
    edges,
    extract_user_blanks,
    figures,
    find_blanks,
    plan_blanks,
)
from ankibuild.cloze.figures import find_figures
from ankibuild.errors import ClozeError
from ankibuild.model import Blank

# How Anki reads a cloze deletion: the answer ends at the first "::", the deletion at the first "}}".
ANKI_CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)

PIECES = [
    "Stalin",
    "Khrushchev's",
    "Imre Nagy",
    "NATO",
    "Soviet Union",
    "Federal Republic of Germany",
    "Treaty of Versailles",
    "Cuban Missile crisis",
    "de Gaulle",
    "Queen",
    "President Kennedy",
    "the",
    "of",
    "and",
    "in",
    "war",
    "treaty",
    "1956",
    "1955 May",
    "June - October 1956",
    "(1894 - 1971)",
    "late 1950s",
    "1914–18",
    "28th June 1956",
    "c. 1800",
    "19th century",
    "300 mg",
    "0.4-1.0 mmol/L",
    "5 days",
    "3 yrs 4 months",
    "26%",
    "£110m",
    "mg",
    "/day",
    "'New Course'",
    '"stab in the back"',
    "20th",
    "{",
    "}",
    "{{",
    "}}",
    ":",
    "::",
    "{{c1::x}}",
    "{{c2::y::hint}}",
    "-",
    ",",
    ".",
    " ",
    "  ",
    "'s",
    "’",
    "é",
    "Über",
    "ß",
    "İ",
    "\n",
    "\t",
]
texts = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=14).map(" ".join),
    st.lists(st.sampled_from(PIECES), max_size=14).map("".join),
    st.text(max_size=60),
)
setting_choices = st.builds(
    ClozeSettings,
    glossary=st.lists(st.sampled_from(["Stalin", "war", "1956", "x}}", "a::b", " "]), max_size=2).map(tuple),
    never=st.lists(st.sampled_from(["Nagy", "of", "June"]), max_size=2).map(tuple),
    detectors=st.sampled_from(
        [
            frozenset({"dates", "names", "figures"}),
            frozenset({"dates", "names"}),
            frozenset({"dates"}),
            frozenset({"names"}),
            frozenset({"figures"}),
        ]
    ),
    hints=st.booleans(),
    max_per_card=st.integers(min_value=1, max_value=3),
)


@st.composite
def spans(draw: st.DrawFn, length: int) -> list[tuple[int, int]]:
    """Sorted, non-overlapping ranges inside a text of ``length`` characters."""
    cuts = sorted(draw(st.lists(st.integers(0, length), max_size=4, unique=True)))
    return [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2) if cuts[i] < cuts[i + 1]]


def plain(text: str) -> str:
    """Drop any cloze markup a text holds, or skip the example if the markup is malformed."""
    try:
        return extract_user_blanks(text)[0]
    except ClozeError:
        assume(False)
        raise


def parse(cloze: str) -> tuple[str, list[tuple[int, str, str | None]]]:
    """The plain text Anki shows on the back, and each deletion as (number, answer, hint)."""
    deletions = [(int(m.group(1)), m.group(2), m.group(3)) for m in ANKI_CLOZE.finditer(cloze)]
    return ANKI_CLOZE.sub(lambda m: m.group(2), cloze), deletions


def check_blanks(text: str, blanks: tuple[Blank, ...], protected: list[tuple[int, int]]) -> None:
    assert list(blanks) == sorted(blanks)
    end = 0
    for blank in blanks:
        assert end <= blank.start < blank.end <= len(text)
        end = blank.end
        inside = text[blank.start : blank.end]
        assert "{{" not in inside and "}}" not in inside and "::" not in inside
        assert inside == inside.strip()
        for start, stop in protected:
            assert blank.end <= start or stop <= blank.start


@settings(max_examples=300, deadline=None)
@given(st.data(), texts, setting_choices)
def test_find_blanks_is_sorted_in_bounds_and_apart(data: st.DataObject, raw: str, options: ClozeSettings) -> None:
    text = plain(raw)
    protected = data.draw(spans(len(text)))
    dosing = ["aspirin 300 mg, clopidogrel 75 mg, ramipril 10 mg"] if data.draw(st.booleans()) else []
    lexicon = Lexicon.from_texts([text, "Khrushchev and Peaceful coexistence", text.upper(), *dosing])
    assert lexicon.clinical or not dosing  # else the clinical figures would go untested
    blanks = find_blanks(text, lexicon, options, protected)
    check_blanks(text, blanks, protected)
    assert all(blank.number == 0 and blank.kind != "user" for blank in blanks)


@settings(max_examples=300, deadline=None)
@given(st.data(), texts, setting_choices, st.lists(st.sampled_from(PIECES), max_size=3))
def test_cloze_text_reads_back_as_the_text(
    data: st.DataObject, raw: str, options: ClozeSettings, context: list[str]
) -> None:
    try:
        text, user = extract_user_blanks(raw)
    except ClozeError:
        assume(False)
        raise
    protected = data.draw(spans(len(text)))
    protected = [span for span in protected if not any(u.start < span[1] and span[0] < u.end for u in user)]
    lexicon = Lexicon.from_texts([text, *context])
    blanks = plan_blanks(
        text, context=context, lexicon=lexicon, settings=options, protected=protected, user_blanks=user
    )
    check_blanks(text, blanks, protected=[])
    cloze = cloze_text(text, blanks)
    back, deletions = parse(cloze)
    assert back == text
    assert [(n, a) for n, a, _ in deletions] == [(b.number, text[b.start : b.end]) for b in blanks]
    assert [h for _, _, h in deletions] == [b.hint or None for b in blanks]


@settings(max_examples=300, deadline=None)
@given(texts, setting_choices, st.lists(st.sampled_from(PIECES), max_size=3))
def test_plan_numbers_are_contiguous_and_give_nothing_away(
    raw: str, options: ClozeSettings, context: list[str]
) -> None:
    text = plain(raw)
    blanks = plan_blanks(text, context=context, lexicon=Lexicon.from_texts([text]), settings=options)
    numbers = sorted({blank.number for blank in blanks})
    assert numbers == list(range(1, len(numbers) + 1))
    by_term: dict[str, int] = {}
    for blank in blanks:
        term = " ".join(text[blank.start : blank.end].casefold().split())
        assert by_term.setdefault(term, blank.number) == blank.number
        shown = [" ".join(c.casefold().split()) for c in context]
        assert not any(re.search(rf"(?<!\w){re.escape(term)}(?!\w)", c) for c in shown)
    per_number: dict[int, set[str]] = {}
    for term, number in by_term.items():
        per_number.setdefault(number, set()).add(term)
    assert all(len(terms) <= options.max_per_card for terms in per_number.values())


@settings(max_examples=200, deadline=None)
@given(st.lists(texts, max_size=6))
@example(["S", "", "- İ Stalin"])  # "s" alone is no plural: an empty name once filled memory
@example(["ψ = ψs + ψp", "α-helix"])
@example(["Queen Victoria", "President Kennedy", "Tsar Nicholas"])  # a title and a name as a heading
def test_any_course_can_be_learnt(course: list[str]) -> None:
    lexicon = Lexicon.from_texts(course)
    for text in course:
        check_blanks(text, find_blanks(text, lexicon, ClozeSettings()), protected=[])


FIGURE_PIECES = ["1", "20", "0.5", "1,287", "-", "−", "–", "£", "$", "'", "’", "~", "~ ", "about ", "over ", "<", "≥ "]
FIGURE_PIECES += [" mg", "mg", " mmHg", " min", " days", "/kg", "%", " m³/s", " BP", ":", "/", "a", "HbA", " ", "²"]
figure_texts = st.lists(st.sampled_from(FIGURE_PIECES), max_size=12).map("".join)


@settings(max_examples=400, deadline=None)
@given(figure_texts, st.booleans())
@example("HbA1c 48 mmol/mol, -5°C, £110m, '60s, ~ 3:1", True)
def test_figures_are_tried_where_numbers_start(text: str, clinical: bool) -> None:
    """Trying a figure only where a number, or its currency or sign, starts finds what trying at
    every character would."""
    pattern = figures._ALL if clinical else figures._DOSES
    expected: list[tuple[int, int]] = []
    end = 0
    for start in range(len(text)):
        match = pattern.match(text, start) if start >= end else None
        if match is not None:
            expected.append(match.span())
            end = match.end()
    if clinical and "over " in text:
        expected = [
            (s, e) for s, e in expected if not (text.endswith("over ", 0, s) and figures._MINUTES.fullmatch(text, s, e))
        ]
    assert find_figures(text, clinical) == expected


SIDE_PIECES = ["a", "Φ", " ", "=", ";", ",", ":", "(", ")", "= ", " = "]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(SIDE_PIECES), max_size=10).map("".join), st.integers(0, 30))
def test_left_side_of_an_equation(text: str, start: int) -> None:
    """The left side of an equation ending at ``start`` reads as the pattern of one would."""
    start = min(start, len(text))
    match = re.compile(r"([^=;,:()]*?) ?= ?$").search(text, 0, start)
    assert edges._left_side(text, start) == (None if match is None else match.group(1))
