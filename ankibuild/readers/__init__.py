"""Readers turn the text of one notes file into cards; the file's suffix picks the reader."""

from __future__ import annotations

from collections.abc import Callable

from ..model import NotesFile
from .text_export import read_text_export

Reader = Callable[[str, str], NotesFile]

READERS: dict[str, Reader] = {
    ".txt": read_text_export,
}


def _register_markdown() -> None:
    try:
        from .markdown import read_markdown
    except ImportError:  # pragma: no cover - only while the Markdown reader is absent
        return
    READERS[".md"] = read_markdown
    READERS[".markdown"] = read_markdown


_register_markdown()


def reader_for(suffix: str) -> Reader | None:
    """The reader for a file suffix such as ``.txt``, or ``None`` when ankibuild reads no such file."""
    return READERS.get(suffix.lower())
