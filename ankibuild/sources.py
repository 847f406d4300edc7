"""Finding the notes on disk: files and folders in, a fixed list of notes files out.

Each file gets a name relative to its notes folder (``history/cold-war.txt``): that name, not the
path it was reached by, is what note identities, subdecks and tags are made from, so building a
folder or one file in it gives the same notes.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .config import CONFIG_FILE, Config
from .errors import SourceError
from .lock import LOCK_FILE
from .model import Diagnostic, Location
from .readers import reader_for

MEDIA_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".bmp", ".avif", ".mp3", ".ogg", ".wav"}
_IGNORED_NAMES = {LOCK_FILE, CONFIG_FILE}
_IGNORED_SUFFIXES = {".apkg", ".tmp"}  # built decks, when the output is put beside the notes


@dataclass(frozen=True)
class SourceFile:
    """A notes file: where it is, its notes folder, and its name relative to that folder."""

    path: Path
    name: str
    root: Path


def _walk(root: Path) -> tuple[list[SourceFile], list[Diagnostic]]:
    found: list[SourceFile] = []
    skipped: list[Diagnostic] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for filename in sorted(filenames):
            path = Path(dirpath) / filename
            name = path.relative_to(root).as_posix()
            suffix = path.suffix.lower()
            if (
                filename.startswith(".")
                or filename in _IGNORED_NAMES
                or suffix in MEDIA_SUFFIXES
                or suffix in _IGNORED_SUFFIXES
            ):
                continue
            if reader_for(suffix) is None:
                message = f"skipped: ankibuild does not read '{suffix or filename}' files"
                hint = "rename it to .txt or .md if it holds notes"
                skipped.append(Diagnostic("warning", Location(name, 1), f"{message}; {hint}"))
                continue
            found.append(SourceFile(path, name, root))
    return found, skipped


def notes_folder(file: Path, config: Config) -> Path:
    """The notes folder a file given on its own belongs to.

    The nearest folder above it that holds a lock file or is one of the configured source folders;
    else the file's own folder.
    """
    configured = {Path(source).resolve() for source in config.sources}
    for folder in file.resolve().parents:
        if folder in configured or (folder / LOCK_FILE).is_file():
            return folder
    return file.resolve().parent


def find_sources(sources: Iterable[Path | str], config: Config) -> tuple[list[SourceFile], list[Diagnostic]]:
    """The notes files under the given files and folders, in a fixed order, each once."""
    found: list[SourceFile] = []
    diagnostics: list[Diagnostic] = []
    for source in map(Path, sources):
        if source.is_dir():
            files, skipped = _walk(source)
            found += files
            diagnostics += skipped
        elif source.is_file():
            if reader_for(source.suffix) is None:
                raise SourceError(
                    f"ankibuild does not read '{source.suffix or source.name}' files",
                    source,
                    "give a .txt export or a .md file",
                )
            root = notes_folder(source, config)
            found.append(SourceFile(source, source.resolve().relative_to(root).as_posix(), root))
        else:
            raise SourceError("no such file or folder", source, "check the path, or create source_notes/")
    seen: set[Path] = set()
    unique = []
    for source_file in found:  # a file given both on its own and within its folder is read once
        if (resolved := source_file.path.resolve()) not in seen:
            seen.add(resolved)
            unique.append(source_file)
    clash = next((name for name, n in Counter(f.name for f in unique).items() if n > 1), None)
    if clash is not None:
        raise SourceError(f"two sources hold a file named '{clash}'", clash, "rename one, or build them separately")
    return unique, diagnostics


def decode(data: bytes, name: str) -> str:
    """The text of a notes file, or a clear error for a binary or non-UTF-8 file."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError(
            "the file is UTF-16 text, not UTF-8",
            Location(name, 1),
            "save it as UTF-8 (in most editors: 'Save with encoding' → UTF-8) and build again",
        )
    if b"\x00" in data[:8192]:
        raise SourceError("this is a binary file, not notes", Location(name, 1), "remove it from the notes folder")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise SourceError(
            "the file is not UTF-8 text",
            Location(name, line),
            "save it as UTF-8 (in most editors: 'Save with encoding' → UTF-8) and build again",
        ) from None
