"""Fields: what a line's runs and blanks become, read back the way Anki's cloze parser reads them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import get_args

import pytest
from anki.collection import Collection
from hypothesis import given, settings
from hypothesis import strategies as st

from ankibuild.model import Blank, Card, Location, Mark, Run, RunKind
from ankibuild.render import basic_note, cloze_note, render_runs

HERE = Location("notes.md", 3)


@pytest.fixture(scope="module")
def anki(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Collection]:
    """One Anki collection for the module: its backend is the cloze parser these tests answer to."""
    col = Collection(str(tmp_path_factory.mktemp("anki") / "collection.anki2"))
    yield col
    col.close()


def deletion(col: Collection, field: str, number: int) -> str:
    """The text Anki finds in cloze ``number`` of a field (without its hint)."""
    return col._backend.extract_cloze_for_typing(text=field, ordinal=number)


def test_a_link_inside_a_blank_keeps_its_address_whole(anki: Collection) -> None:
    runs = [Run("Met "), Run("Bulganin", marks=frozenset({"link"}), href="http://[::1]/wiki"), Run(" in 1955")]
    field = render_runs(runs, [Blank(4, 12, number=1)], cloze=True)
    link = '<a href="http&#58;//[&#58;&#58;1]/wiki">Bulganin</a>'
    assert field == f"Met {{{{c1::{link}}}}} in 1955"
    assert deletion(anki, field, 1) == link


def test_outside_cloze_fields_an_address_is_only_quoted() -> None:
    runs = [Run("Bulganin", marks=frozenset({"link"}), href='http://[::1]/a"b')]
    assert render_runs(runs) == '<a href="http://[::1]/a&quot;b">Bulganin</a>'


def test_an_image_alt_with_braces_makes_no_cloze(anki: Collection) -> None:
    runs = [Run("Trace "), Run("{{c2::beat}}", kind="image", src="ecg:{1}.png"), Run(" from 1955")]
    field = render_runs(runs, [Blank(24, 28, number=1)], {"ecg:{1}.png": "ecg-1.png"}, cloze=True)
    assert field == ('Trace <img src="ecg-1.png" alt="&#123;&#123;c2&#58;&#58;beat&#125;&#125;"> from {{c1::1955}}')
    assert deletion(anki, field, 1) == "1955"
    assert deletion(anki, field, 2) == ""


def test_an_image_path_is_escaped_like_any_attribute() -> None:
    runs = [Run("alt", kind="image", src="a:{b}.png")]
    assert render_runs(runs, cloze=True) == '<img src="a&#58;&#123;b&#125;.png" alt="alt">'


def test_markup_with_closing_braces_inside_a_blank(anki: Collection) -> None:
    table = '<abbr title="x}}:y">GDR}} a::b</abbr>'
    runs = [Run("the "), Run(table, kind="html"), Run(" was founded")]
    field = render_runs(runs, [Blank(4, 4 + len(table), number=1, hint="state")], cloze=True)
    markup = '<abbr title="x&#125;&#125;&#58;y">GDR&#125;&#125; a&#58;&#58;b</abbr>'
    assert field == f"the {{{{c1::{markup}::state}}}} was founded"
    assert deletion(anki, field, 1) == markup


def test_markup_outside_a_blank_keeps_its_colons_but_not_its_braces() -> None:
    runs = [Run('<td style="color: red">a: {b}</td>', kind="html")]
    assert render_runs(runs, cloze=True) == '<td style="color&#58; red">a: &#123;b&#125;</td>'
    assert render_runs(runs) == runs[0].text


def test_tex_keeps_its_meaning_without_closing_a_cloze(anki: Collection) -> None:
    runs = [Run("EF = "), Run(r"\frac{SV}{EDV_{x}}", kind="math"), Run(" since 1955")]
    field = render_runs(runs, [Blank(30, 34, number=1)], cloze=True)
    assert field == r"EF = \(\frac&#123;SV&#125;&#123;EDV_&#123;x&#125;&#125;\) since {{c1::1955}}"
    assert deletion(anki, field, 1) == "1955"


def test_fields_never_hold_ankis_field_separator() -> None:
    card = Card("Stalin\x1fdied", HERE)
    note = basic_note(card, "Deck", 0, {}, ())
    assert note.fields[0] == "Stalin died"
    [line] = card.title_content()
    cloze = cloze_note(card, [line], HERE, [Blank(0, 6, number=1)], (), "Deck", {}, ())
    assert cloze.fields[0] == "{{c1::Stalin}} died"


# Any runs, any blanks: the field holds cloze markup only where a blank opens and closes.
_KINDS: tuple[RunKind, ...] = get_args(RunKind)
_MARKS: tuple[Mark, ...] = get_args(Mark)
_PIECES = ["{{c1::", "{{c2::", "}}", "::", ":", "{", "}", "<b>", "</b>", '<i title="', '"', "'", "=", ">", " ", "&"]
_tricky = st.lists(st.sampled_from(_PIECES) | st.text(max_size=3), max_size=6).map("".join)
_runs = st.lists(
    st.builds(
        Run,
        text=_tricky,
        kind=st.sampled_from(_KINDS),
        marks=st.frozensets(st.sampled_from(_MARKS)),
        href=st.none() | _tricky,
        src=st.none() | _tricky,
        lang=st.sampled_from([None, "python", "tex"]),
    ),
    min_size=1,
    max_size=5,
)
_MARKER = re.compile(r"\{\{c(\d+)::|\}\}")


@st.composite
def lines(draw: st.DrawFn) -> tuple[list[Run], list[Blank]]:
    """Runs, and non-overlapping blanks anywhere in their text, numbered 1, 2, ... in order."""
    runs = draw(_runs)
    length = sum(len(run.text) for run in runs)
    cuts = sorted(draw(st.sets(st.integers(0, length), max_size=8)))
    blanks = []
    for start, end in zip(cuts[::2], cuts[1::2], strict=False):
        hint = draw(st.none() | _tricky)
        blanks.append(Blank(start, end, number=len(blanks) + 1, hint=hint))
    return runs, blanks


def _clean_points(runs: list[Run]) -> set[int]:
    """Offsets a blank may start or end at: run boundaries, and anywhere in a text run."""
    points, offset = {0}, 0
    for run in runs:
        end = offset + len(run.text)
        points |= set(range(offset, end + 1)) if run.kind == "text" else {end}
        offset = end
    return points


def _deletions(field: str) -> Iterator[tuple[int, str]]:
    """Number and content of each deletion; markers must alternate, opener first."""
    markers = list(_MARKER.finditer(field))
    assert len(markers) % 2 == 0
    for opener, closer in zip(markers[::2], markers[1::2], strict=True):
        assert opener.group(1) is not None and closer.group(1) is None, field
        yield int(opener.group(1)), field[opener.end() : closer.start()]


@settings(max_examples=400, deadline=None)
@given(lines())
def test_cloze_markup_appears_only_at_blanks(anki: Collection, line: tuple[list[Run], list[Blank]]) -> None:
    runs, blanks = line
    field = render_runs(runs, blanks, cloze=True)
    deletions = list(_deletions(field))
    assert field.count("{{c") == field.count("}}") == len(deletions) <= len(blanks)
    by_number = {blank.number: blank for blank in blanks}
    for number, content in deletions:
        blank = by_number[number]
        separators = [m.start() for m in re.finditer("(?=::)", content)]
        assert len(separators) == (1 if blank.hint else 0), content
        answer = content[: separators[0]] if separators else content
        assert ":" not in content[len(answer) + 2 :]
        assert deletion(anki, field, number) == answer
    clean = _clean_points(runs)
    if all(blank.start in clean and blank.end in clean for blank in blanks):
        assert [number for number, _ in deletions] == [blank.number for blank in blanks]
