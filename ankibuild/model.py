"""The data passed between the stages of a build.

Everything here is a frozen dataclass: readers produce these values, later stages only read them.
This module does no I/O and imports nothing else from the package.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

RunKind = Literal["text", "math", "display_math", "code", "code_block", "image", "html"]
"""What a run of a line is.

Only ``text`` runs are prose that a cloze may blank. The others are shown as they are: ``math`` and
``display_math`` hold TeX, ``code`` and ``code_block`` hold source code, ``image`` holds the alt text
(with the file in ``Run.src``) and ``html`` holds markup that a reader already rendered (a table).
"""

Mark = Literal["bold", "italic", "strike", "highlight", "link"]
Level = Literal["warning", "error"]


@dataclass(frozen=True, order=True)
class Location:
    """Where something came from: a file (as the user names it) and a 1-based line number."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class Run:
    """A stretch of a line with one kind and one set of inline marks."""

    text: str
    kind: RunKind = "text"
    marks: frozenset[Mark] = frozenset()
    href: str | None = None
    """The target of a link (with the ``link`` mark)."""
    src: str | None = None
    """For images: the path as written in the notes, relative to the notes file."""
    lang: str | None = None
    """For code blocks: the language named after the opening fence."""


@dataclass(frozen=True)
class Bullet:
    """One line of a card's body, with the lines nested under it.

    ``marker`` is the bullet character the user wrote (``•``, ``-``, ...) or ``None`` for a plain
    line without one. ``runs`` hold the rich content; for plain-text notes it is a single text run.
    """

    runs: tuple[Run, ...]
    location: Location
    marker: str | None = None
    children: tuple[Bullet, ...] = ()

    @property
    def text(self) -> str:
        """The line's text without markup: what clozes and identity work on."""
        return "".join(run.text for run in self.runs)

    @classmethod
    def plain(
        cls,
        text: str,
        location: Location,
        marker: str | None = None,
        children: tuple[Bullet, ...] = (),
    ) -> Bullet:
        return cls((Run(text),), location, marker, children)

    def walk(self) -> tuple[Bullet, ...]:
        """This bullet and every bullet under it, in reading order."""
        out: list[Bullet] = [self]
        for child in self.children:
            out.extend(child.walk())
        return tuple(out)


@dataclass(frozen=True)
class Card:
    """A titled card with its body, as the notes define it.

    ``context`` holds the titles above this card (Markdown parent headings), outermost first.
    """

    title: str
    location: Location
    body: tuple[Bullet, ...] = ()
    context: tuple[str, ...] = ()
    title_runs: tuple[Run, ...] | None = None
    """Rich title content when the source has inline markup; ``None`` means ``(Run(title),)``."""
    tags: tuple[str, ...] = ()

    def bullets(self) -> tuple[Bullet, ...]:
        """Every line of the body, nested ones included, in reading order."""
        out: list[Bullet] = []
        for bullet in self.body:
            out.extend(bullet.walk())
        return tuple(out)

    def title_content(self) -> tuple[Run, ...]:
        return self.title_runs if self.title_runs is not None else (Run(self.title),)


@dataclass(frozen=True)
class Diagnostic:
    """A warning or error about the notes, reported with where it is and what to do."""

    level: Level
    location: Location
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.level}: {self.message}"


@dataclass(frozen=True)
class NotesFile:
    """What a reader makes of one file of notes."""

    path: str
    title: str | None
    """The deck title the file declares (a text export's first line, Markdown front matter)."""
    cards: tuple[Card, ...]
    declared_count: int | None = None
    """How many cards the file says it holds (a text export's ``Cards (N)`` line)."""
    diagnostics: tuple[Diagnostic, ...] = ()
    options: tuple[tuple[str, str], ...] = field(default=())
    """Per-file settings from the file itself (Markdown front matter), as sorted key/value pairs."""


BlankKind = Literal["date", "name", "figure", "glossary", "user"]


@dataclass(frozen=True, order=True, slots=True)  # slots: one per blank of every line, built often
class Blank:
    """A stretch of a line's text (``text[start:end]``) that a cloze card hides.

    ``number`` is the cloze number (``c1``, ``c2``, ...) once the blanks of a line are planned; 0
    while a blank is only a detected candidate. ``hint`` is shown in place of the hidden text.
    """

    start: int
    end: int
    kind: BlankKind = "name"
    number: int = 0
    hint: str | None = None


NoteKind = Literal["basic", "cloze"]


@dataclass(frozen=True)
class Note:
    """One Anki note as ankibuild means to write it, before it gets its GUID and time.

    ``key`` names the note's identity in the user's terms (its file, card title and which
    occurrence, or the line it tests) and never includes text the user is likely to fix, so a GUID
    derived from it survives edits. ``fields`` are HTML, in the order of the note type's fields.
    """

    kind: NoteKind
    deck: str
    key: tuple[str, ...]
    fields: tuple[str, ...]
    location: Location
    tags: tuple[str, ...] = ()
    clozes: tuple[tuple[str, int], ...] = ()
    """For cloze notes: each detected term (case-folded) with its cloze number, so a rebuild can
    give a term the number it had before."""


@dataclass(frozen=True)
class StampedNote:
    """A note with the identity and change time it is written with."""

    note: Note
    guid: str
    mtime: int
    """Seconds since the epoch; Anki updates a note on import only when this is newer."""
