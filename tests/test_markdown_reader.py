"""The Markdown reader, case by case: each case in tests/fixtures/markdown/*.md is notes beside the
cards (and warnings) they must give.

A case is a title line, then the Markdown and the expected result, each closed by a line holding
only ``.``. In the Markdown, ``→`` stands for a tab. The expected result has a line per card,
``Title [Context / Sub] @line #tag``, with the card's bullets indented under it as
``marker text @line`` (``¶`` for a paragraph), then ``warning @line: message`` lines. Inline runs are
written back as Markdown (``**bold**``, ``$math$``, ...); other runs as ``{kind:text}``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from ankibuild.errors import SourceError
from ankibuild.model import Bullet, Card, Location, NotesFile, Run
from ankibuild.readers.markdown import read_markdown

from .conftest import ROOT

FIXTURES = Path(__file__).parent / "fixtures" / "markdown"


@dataclass(frozen=True)
class Case:
    title: str
    notes: str
    expected: str
    where: str


def load_cases(path: Path) -> list[Case]:
    lines = path.read_text(encoding="utf-8").split("\n")
    cases: list[Case] = []
    index = 0
    while index < len(lines):
        if not lines[index].strip():
            index += 1
            continue
        title, start = lines[index].strip(), index + 1
        assert lines[start] == ".", f"{path.name}:{start + 1}: expected '.' after the case title"
        notes_end = lines.index(".", start + 1)
        expected_end = lines.index(".", notes_end + 1)
        notes = "\n".join(lines[start + 1 : notes_end]).replace("→", "\t")
        expected = "\n".join(lines[notes_end + 1 : expected_end])
        cases.append(Case(title, notes + "\n", expected, f"{path.name}:{index + 1}"))
        index = expected_end + 1
    return cases


def case_id(case: Case) -> str:
    return re.sub(r"[^a-z0-9]+", "-", case.title.lower()).strip("-")


CASES = [case for path in sorted(FIXTURES.glob("*.md")) for case in load_cases(path)]


MARK_SIGNS = {"bold": "**", "italic": "*", "strike": "~~", "highlight": "=="}


def dump_runs(runs: tuple[Run, ...]) -> str:
    """Runs written back as Markdown, each mark opened once for as long as it lasts."""
    out: list[str] = []
    open_marks: list[str] = []
    for index, run in enumerate(runs):
        wanted = _dump_marks(run)
        while any(mark not in wanted for mark in open_marks):
            out.append(_close(open_marks.pop()))
        new = [mark for mark in wanted if mark not in open_marks]
        # Open first the marks that last longest, so that they close last.
        new.sort(key=lambda mark: -_lasts(runs[index:], mark))
        for mark in new:
            out.append("[" if mark.startswith("link:") else MARK_SIGNS[mark])
            open_marks.append(mark)
        out.append(_dump_content(run))
    while open_marks:
        out.append(_close(open_marks.pop()))
    return "".join(out)


def _dump_marks(run: Run) -> set[str]:
    """The marks of a run, a link written as ``link:`` and its target."""
    if run.kind in ("html", "code_block"):
        return set()
    return {f"link:{run.href}" if mark == "link" else mark for mark in run.marks}


def _lasts(runs: tuple[Run, ...], mark: str) -> int:
    count = 0
    for run in runs:
        if mark not in _dump_marks(run):
            break
        count += 1
    return count


def _close(mark: str) -> str:
    return f"]({mark.removeprefix('link:')})" if mark.startswith("link:") else MARK_SIGNS[mark]


def _dump_content(run: Run) -> str:
    text = run.text.replace("\n", "⏎")
    if run.kind == "code":
        return f"`{text}`"
    if run.kind == "math":
        return f"${text}$"
    if run.kind == "display_math":
        return f"$${text}$$"
    if run.kind == "image":
        return f"![{text}]({run.src})"
    if run.kind == "code_block":
        lang = f" {run.lang}" if run.lang else ""
        return "{code" + lang + ":" + text + "}"
    if run.kind == "html":
        return "{html:" + text + "}"
    return text


def dump_bullet(bullet: Bullet, depth: int) -> list[str]:
    marker = bullet.marker if bullet.marker is not None else "¶"
    lines = [f"{'  ' * depth}{marker} {dump_runs(bullet.runs)} @{bullet.location.line}"]
    for child in bullet.children:
        lines.extend(dump_bullet(child, depth + 1))
    return lines


def dump_card(card: Card) -> list[str]:
    title = dump_runs(card.title_runs) if card.title_runs is not None else card.title
    context = f" [{' / '.join(card.context)}]" if card.context else ""
    tags = "".join(f" #{tag}" for tag in card.tags)
    lines = [f"{title}{context} @{card.location.line}{tags}"]
    for bullet in card.body:
        lines.extend(dump_bullet(bullet, 1))
    return lines


def dump(notes: NotesFile) -> str:
    lines = [f"deck: {notes.title}"] if notes.title is not None else []
    lines.extend(f"option {key} = {value}" for key, value in notes.options)
    for card in notes.cards:
        lines.extend(dump_card(card))
    lines.extend(f"{d.level} @{d.location.line}: {d.message}" for d in notes.diagnostics)
    return "\n".join(lines)


def read_or_error(notes: str) -> str:
    try:
        return dump(read_markdown(notes, "notes.md"))
    except SourceError as error:
        assert isinstance(error.location, Location)
        return f"error @{error.location.line}: {error.message}; {error.hint}"


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_fixture(case: Case) -> None:
    assert read_or_error(case.notes) == case.expected, case.where


def test_fixture_titles_are_unique() -> None:
    ids = [case_id(case) for case in CASES]
    assert len(ids) == len(set(ids))


def test_locations_name_the_path_as_given() -> None:
    notes = read_markdown("intro\n\n## Title\n- point\n", "notes/biology/cells.md")
    assert str(notes.cards[0].location) == "notes/biology/cells.md:3"
    assert str(notes.diagnostics[0]) == (
        'notes/biology/cells.md:1: warning: text before the first heading is on no card: "intro"; '
        "add a '## Title' line above it"
    )


@pytest.mark.parametrize(
    ("name", "notes"),
    [
        ("crlf", "---\r\ndeck: Cells\r\n---\r\n## Title\r\n- point one\r\n- point two\r\n"),
        ("bom", "\ufeff---\ndeck: Cells\n---\n## Title\n- point one\n- point two\n"),
        ("old-mac", "---\rdeck: Cells\r---\r## Title\r- point one\r- point two\r"),
    ],
)
def test_line_endings_and_byte_order_mark(name: str, notes: str) -> None:
    result = read_markdown(notes, "cells.md")
    assert result.title == "Cells"
    assert [(card.title, card.location.line) for card in result.cards] == [("Title", 4)]
    assert [bullet.text for bullet in result.cards[0].body] == ["point one", "point two"]


def test_arguments_give_defaults_that_front_matter_overrides() -> None:
    notes = "## Causes\n- Economic\n  - debt\n\nShown as <b>bold</b>\n"
    by_argument = read_markdown(notes, "n.md", cards="headings", allow_html=True)
    assert [card.title for card in by_argument.cards] == ["Causes"]
    assert by_argument.cards[0].body[1].runs[1] == Run("<b>", "html")
    overridden = read_markdown("---\ncards: auto\nallow_html: false\n---\n" + notes, "n.md", cards="headings")
    assert [card.title for card in overridden.cards] == ["Causes", "Economic"]
    assert overridden.cards[0].body[0].runs == (Run("Shown as <b>bold</b>"),)


def test_reading_is_deterministic() -> None:
    notes = (ROOT / "source_notes" / "cardiac-physiology.md").read_text(encoding="utf-8")
    assert read_markdown(notes, "a.md") == read_markdown(notes, "a.md")
