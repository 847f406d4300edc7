"""Readers turn the text of one notes file into cards; the file's suffix picks the reader."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from ..config import Config
from ..model import NotesFile
from .markdown import read_markdown
from .text_export import read_text_export

Reader = Callable[[str, str], NotesFile]
"""Takes a file's text and its name (for locations), returns its cards. Never opens files."""


def _markdown(config: Config) -> Reader:
    return partial(
        read_markdown,
        cards=config.markdown.cards,  # type: ignore[arg-type]  # checked against CARD_MODES
        allow_html=config.markdown.allow_html,
    )


READERS: dict[str, Callable[[Config], Reader]] = {
    ".txt": lambda config: read_text_export,
    ".md": _markdown,
    ".markdown": _markdown,
}


def reader_for(suffix: str, config: Config | None = None) -> Reader | None:
    """The reader for a file suffix such as ``.txt``, or ``None`` when ankibuild reads no such file."""
    make = READERS.get(suffix.lower())
    return make(config or Config()) if make else None
