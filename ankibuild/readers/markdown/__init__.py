"""Read Markdown notes into cards.

Cards come from two shapes, which can meet in one file:

* a heading with content under it: the title is the heading, the body its paragraphs, lists, code,
  math and tables; the headings above it become the card's context;
* a top-level bullet with lines nested under it: the title is the bullet, the body what is nested.

``cards`` (front matter or argument) picks which shape makes cards: ``headings``, ``bullets`` or
``auto``. With ``auto``, a list whose every item has nested lines makes one card per item, with the
heading above as context; any other list is part of the heading's card. Before the first heading,
only bullets with nested lines make cards.

Nothing the notes say is dropped without a word: text that lands on no card, and a few mistakes
that make Markdown read notes differently from what they look like, become warnings with the line.

The work is split by stage: ``_parser`` (markdown-it and its rules), ``_front_matter`` (settings),
``_cards`` (sections and cards), ``_blocks`` (blocks to bullets), ``_inline`` (text runs) and
``_lint`` (mistakes worth a warning).
"""

from __future__ import annotations

from dataclasses import replace

from markdown_it.tree import SyntaxTreeNode

from ...errors import SourceError
from ...model import Location, NotesFile
from ._cards import Reader
from ._front_matter import CardsMode, Settings, read_front_matter
from ._parser import PARSER

__all__ = ["CardsMode", "read_markdown"]


def read_markdown(text: str, path: str, *, cards: CardsMode = "auto", allow_html: bool = False) -> NotesFile:
    """Read the Markdown notes ``text`` of the file ``path`` into cards.

    ``cards`` and ``allow_html`` are defaults; the file's front matter overrides them. Raises
    ``SourceError`` for front matter that cannot be read and for a file that makes no card.
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    root = SyntaxTreeNode(PARSER.parse(text))
    blocks = list(root.children)
    settings = Settings(deck=None, tags=(), cards=cards, allow_html=allow_html)
    if blocks and blocks[0].type == "front_matter":
        settings = read_front_matter(blocks.pop(0).content, path, settings)
    reader = Reader(path, text.split("\n"), settings)
    if settings.unread:
        reader.warn(
            2,
            f"front matter holds no settings: \"{settings.unread}\"; write settings as 'key: value' lines, "
            "or start the file with something other than '---'",
        )
    found = reader.read(blocks)
    if not found:
        raise SourceError(
            "no cards in this file",
            Location(path, 1),
            "start a card with a '## Title' line, or with a bullet that has lines nested under it",
        )
    return NotesFile(
        path=path,
        title=settings.deck if settings.deck is not None else reader.document_title(),
        cards=tuple(replace(card, tags=settings.tags) for card in found),
        diagnostics=tuple(sorted(reader.diagnostics, key=lambda d: d.location.line)),
        options=settings.options,
    )
