"""The plain-text revision-card export: a title line, an optional ``Cards (N)`` line, then cards.

A card starts at a bullet at the outermost indent; its title is that line's text. Lines indented
deeper are its body, bullets or plain lines, nested by indent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import SourceError
from ..model import Bullet, Card, Diagnostic, Location, NotesFile

BULLET_MARKERS = "•◦▪*-"
_COUNT_LINE = re.compile(r"cards\s*\(\s*(\d+)\s*\)", re.IGNORECASE)
# '•', '◦' and '▪' are unmistakable; '-' and '*' count only when followed by a space, so that
# "-5 degrees" or "*nix" stay text.
_BULLET = re.compile(r"(?:([•◦▪])\s*|([-*])(?:\s+|$))")
_TAB_WIDTH = 4


@dataclass(frozen=True)
class _Line:
    number: int
    indent: int
    marker: str | None
    text: str


def _lines(text: str) -> list[str]:
    """The lines of a file, split at line ends only.

    ``str.splitlines`` also splits at form feeds, U+2028 and other separators that can sit inside a
    line of an export; splitting there would number every later line wrongly.
    """
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _split_line(raw: str, number: int) -> _Line | None:
    """Indent, bullet marker and text of one line; ``None`` for a blank line.

    Any white space counts: a form feed or line separator around the text is trimmed like a space,
    and one inside the text is kept.
    """
    expanded = raw.replace("\u00a0", " ").expandtabs(_TAB_WIDTH).rstrip()
    stripped = expanded.lstrip()
    if not stripped:
        return None
    indent = len(expanded) - len(stripped)
    match = _BULLET.match(stripped)
    if match is None:
        return _Line(number, indent, None, stripped)
    marker = match.group(1) or match.group(2)
    return _Line(number, indent, marker, stripped[match.end() :])


@dataclass
class _Node:
    line: _Line
    children: list[_Node] = field(default_factory=list)

    def freeze(self, path: str) -> Bullet:
        kids = tuple(child.freeze(path) for child in self.children)
        return Bullet.plain(self.line.text, Location(path, self.line.number), self.line.marker, kids)


def _body(lines: list[_Line], path: str) -> tuple[Bullet, ...]:
    """Nest body lines by indent: a line belongs under the nearest shallower line above it."""
    roots: list[_Node] = []
    stack: list[_Node] = []
    for line in lines:
        node = _Node(line)
        while stack and stack[-1].line.indent >= line.indent:
            stack.pop()
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    return tuple(node.freeze(path) for node in roots)


def read_text_export(text: str, path: str) -> NotesFile:
    """Read a revision-card text export into cards. ``path`` is used only to say where lines are."""
    numbered = (_split_line(raw, n) for n, raw in enumerate(_lines(text), 1))
    lines = [line for line in numbered if line is not None]
    if not lines:
        raise SourceError("the file is empty", Location(path, 1), "write a title line, then one bullet per card")
    title_line, rest = lines[0], lines[1:]
    if title_line.marker is not None:
        raise SourceError(
            "the first line is the deck's title, not a card",
            Location(path, title_line.number),
            "add a title line above the first card",
        )
    declared: int | None = None
    count_line: _Line | None = None
    if rest and rest[0].marker is None and (m := _COUNT_LINE.fullmatch(rest[0].text)):
        count_line, rest = rest[0], rest[1:]
        declared = int(m.group(1))
    card_lines = [line for line in rest if line.marker is not None]
    if not card_lines:
        raise SourceError(
            "no cards found",
            Location(path, title_line.number),
            "a card starts with a bullet line such as '• Title', with its body indented below it",
        )
    outer = min(line.indent for line in card_lines)
    cards: list[Card] = []
    groups: list[tuple[_Line, list[_Line]]] = []
    for line in rest:
        if line.indent <= outer and line.marker is not None:
            groups.append((line, []))
        elif not groups:
            raise SourceError(
                "text before the first card",
                Location(path, line.number),
                "make it a card by starting it with '• ', or move it under a card and indent it",
            )
        elif line.indent <= outer:
            raise SourceError(
                "a line without a bullet at the level of card titles",
                Location(path, line.number),
                "start it with '• ' to make it a card, or indent it to put it in the card above",
            )
        else:
            groups[-1][1].append(line)
    for head, body in groups:
        location = Location(path, head.number)
        if not head.text:
            raise SourceError("a card with an empty title", location, "write the card's title after the bullet")
        cards.append(Card(head.text, location, _body(body, path)))
    diagnostics: list[Diagnostic] = []
    if count_line is not None and declared != len(cards):
        diagnostics.append(
            Diagnostic(
                "warning",
                Location(path, count_line.number),
                f"the export says it holds {declared} cards but {len(cards)} were found; "
                "it may have been cut short: export the cards again",
            )
        )
    return NotesFile(path, title_line.text, tuple(cards), declared, tuple(diagnostics))
