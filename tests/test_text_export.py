"""The text-export reader, driven by fixture files, plus properties over generated exports."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ankibuild import Bullet, NotesFile, SourceError, read_text_export

from .conftest import FIXTURES
from .fixture_cases import Case, cases_in


def describe(notes: NotesFile) -> str:
    """A readable outline of what the reader made, in the form the fixture files use."""
    lines = [f"title: {notes.title}"] if notes.title is not None else []
    if notes.declared_count is not None:
        lines.append(f"count: {notes.declared_count}")

    def bullets(items: tuple[Bullet, ...], depth: int) -> None:
        for bullet in items:
            text = f"{bullet.marker or '|'} {bullet.text}".rstrip()
            lines.append(f"{'  ' * depth}{text} @{bullet.location.line}")
            bullets(bullet.children, depth + 1)

    for card in notes.cards:
        lines.append(f"card: {card.title} @{card.location.line}")
        bullets(card.body, 1)
    lines += [f"{d.level} @{d.location.line}: {d.message}" for d in notes.diagnostics]
    return "\n".join(lines)


@pytest.mark.parametrize("case", cases_in(FIXTURES / "text_export"))
def test_fixture(case: Case) -> None:
    try:
        got = describe(read_text_export(case.input, "notes.txt"))
    except SourceError as error:
        assert error.location is not None and error.location.file == "notes.txt"  # type: ignore[union-attr]
        got = f"error @{error.location.line}: {error.message}"  # type: ignore[union-attr]
    assert got == case.expected


# Generated exports: a title, maybe a count, then cards and body lines at random depths, with any
# of the accepted markers, odd whitespace and line ends. Words are joined by spaces or by characters
# that ``str.splitlines`` would take for line ends but that are text inside a line of an export.
_words = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp", "Zs")), min_size=1, max_size=12)
_separator = st.sampled_from([" ", " ", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"])


@st.composite
def _text(draw: st.DrawFn) -> str:
    words = draw(st.lists(_words, min_size=1, max_size=4))
    return words[0] + "".join(draw(_separator) + word for word in words[1:])


_marker = st.sampled_from(["• ", "- ", "* ", "◦ ", "▪ ", "•"])
_indent = st.sampled_from(["  ", "\t", "\u00a0\u00a0", " "])


@st.composite
def exports(draw: st.DrawFn) -> tuple[str, list[str]]:
    """An export's text and the content of each of its non-blank lines, in order."""
    title = draw(_text())
    if title[0] in "•◦▪*-\ufeff":  # not a bullet (the first line is the title), nor a byte order mark
        title = "x" + title
    expected = [title]
    lines = [title]
    if draw(st.booleans()):
        lines.append(f"Cards ({draw(st.integers(0, 99))})")
        expected.append(lines[-1])
    unit = draw(_indent)
    for _ in range(draw(st.integers(1, 6))):
        card = draw(_text())
        lines.append(unit + draw(_marker) + card + draw(st.sampled_from(["", " ", "\u00a0"])))
        expected.append(card)
        depth = 1
        for _ in range(draw(st.integers(0, 5))):
            depth = draw(st.integers(1, depth + 1))
            body = draw(_text())
            marker = draw(st.one_of(_marker, st.just("")))
            if marker == "" and body[0] in "•◦▪*-":
                body = "x" + body
            lines.append(unit * (depth + 1) + marker + body)
            expected.append(body)
        if draw(st.booleans()):
            lines.append("")
    ending = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return ending.join(lines) + ending, expected


def _content(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


@given(exports())
def test_every_line_lands_in_exactly_one_card_or_the_header(export: tuple[str, list[str]]) -> None:
    text, expected = export
    notes = read_text_export(text, "generated.txt")
    got = [notes.title or ""]
    if notes.declared_count is not None:
        got.append(f"Cards ({notes.declared_count})")
    for card in notes.cards:
        got.append(card.title)
        got += [bullet.text for bullet in card.bullets()]
    assert [_content(t) for t in got] == [_content(t) for t in expected]


@given(exports())
def test_locations_point_at_the_line_they_came_from(export: tuple[str, list[str]]) -> None:
    text, _ = export
    source = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    notes = read_text_export(text, "generated.txt")
    for card in notes.cards:
        assert card.title in source[card.location.line - 1].replace("\u00a0", " ")
        for bullet in card.bullets():
            assert bullet.text in source[bullet.location.line - 1].replace("\u00a0", " ")
