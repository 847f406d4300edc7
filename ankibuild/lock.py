"""The lock file: each note's identity and change time, kept beside the notes and committed.

One JSON object a line, sorted by key, so it diffs and merges like any text file. Together with the
notes it fixes every byte of a deck: the same notes and the same lock give the same ``.apkg`` on any
machine. What goes in it is decided by :mod:`ankibuild.identity`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import LockError

LOCK_FILE = "ankibuild.lock"
MAX_TIME = 2**33
"""Change times are seconds since 1970: anything past the year 2242 is taken for a mistake
(milliseconds, say), since change times only ever move forward."""
_HEADER = "# ankibuild lock: note identities and change times. Commit it with your notes.\n"
_FIX = "restore it from version control (a merge conflict?) or delete it to start afresh"


@dataclass(frozen=True)
class LockEntry:
    """One note as the last build wrote it."""

    key: tuple[str, ...]
    """``(kind, file, card title, occurrence or line text, ...)``: see :class:`ankibuild.Note`."""
    guid: str
    content: str
    """A hash of the note's fields and tags: when it changes, so does the change time."""
    anchor: str
    """A hash of what identifies the note apart from its key (a card's body, a line's text)."""
    mtime: int
    source: str
    """Where the note was (``file:line``) when last built."""
    clozes: tuple[tuple[str, int], ...] = ()
    """For cloze notes: every term the note has blanked, with its cloze number, so a term keeps
    its number (and its card's history) and a retired number is never given to another term."""


def _entry(raw: Any) -> LockEntry:
    key = raw["key"]
    if not (isinstance(key, list) and len(key) >= 4 and all(isinstance(k, str) for k in key)):
        raise ValueError("key")
    if key[0] not in ("basic", "cloze") or not isinstance(raw["guid"], str) or not raw["guid"]:
        raise ValueError("kind or guid")
    mtime = raw["mtime"]
    if not isinstance(mtime, int) or not 0 <= mtime < MAX_TIME:
        raise ValueError("mtime")
    clozes = tuple((str(term), int(number)) for term, number in raw.get("clozes", {}).items())
    return LockEntry(
        tuple(key), raw["guid"], str(raw["content"]), str(raw["anchor"]), mtime, str(raw["source"]), clozes
    )


def read_lock(path: Path) -> tuple[LockEntry, ...]:
    """The entries of a lock file; none when it does not exist."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ()
    except NotADirectoryError:
        raise LockError("the lock file's folder is a file", path, "give a lock path in a folder") from None
    except (OSError, UnicodeDecodeError) as error:
        raise LockError(f"cannot read the lock file: {error}", path, _FIX) from None
    entries: list[LockEntry] = []
    guids: dict[str, int] = {}
    # Split on newlines only: JSON escapes them, while other line breaks (U+2028) may be in notes.
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            entry = _entry(json.loads(line))
        except (ValueError, KeyError, TypeError, AttributeError):
            raise LockError("unreadable lock entry", f"{path}:{number}", _FIX) from None
        if entry.guid in guids:
            raise LockError(f"GUID {entry.guid} is also on line {guids[entry.guid]}", f"{path}:{number}", _FIX)
        guids[entry.guid] = number
        entries.append(entry)
    return tuple(entries)


def format_lock(entries: Iterable[LockEntry]) -> str:
    """The text of a lock file holding ``entries``: sorted, one JSON object a line."""
    lines = []
    for e in sorted(entries, key=lambda e: (e.key, e.guid)):
        raw: dict[str, Any] = {
            "key": list(e.key),
            "guid": e.guid,
            "content": e.content,
            "anchor": e.anchor,
            "mtime": e.mtime,
            "source": e.source,
        }
        if e.clozes:
            raw["clozes"] = dict(e.clozes)
        lines.append(json.dumps(raw, ensure_ascii=False, sort_keys=True))
    return _HEADER + "".join(line + "\n" for line in lines)


def check_locked(path: Path, new_text: str, locked: bool) -> None:
    """Under ``--locked``, fail when the build would change the lock file."""
    if not locked:
        return
    try:
        current: str | None = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        current = None
    if current != new_text:
        raise LockError(
            "the notes changed since the lock file was written" if current else "there is no lock file",
            path,
            "build without --locked (make deck does) and commit the updated lock file",
        )


def write_lock(path: Path, text: str) -> None:
    """Replace the lock file with ``text`` (atomically), unless it already says exactly that."""
    try:
        if path.read_text(encoding="utf-8") == text:
            return
    except FileNotFoundError:
        pass
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_name(f".{path.name}.tmp")
        temp.write_text(text, encoding="utf-8")
        os.replace(temp, path)
    except OSError as error:
        raise LockError(
            f"cannot write the lock file: {error.strerror}", path, "give a lock path in a folder you may write to"
        ) from None
