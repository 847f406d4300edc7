"""Note identity and change times, kept in a lock file beside the notes.

Anki matches an imported note to the one it has by GUID, and updates it only when the incoming
change time is newer. So each note keeps the GUID it was first given, across edits, moves and
renames, and its change time moves on only when its content changes. The lock records, one JSON
object a line and sorted, each note's identity key, GUID, content hash and change time: the same
notes and the same lock always give the same deck, on any machine.
"""

from __future__ import annotations

import base64
import difflib
import hashlib
import json
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import LockError
from .model import Note, StampedNote

LOCK_FILE = "ankibuild.lock"
FUZZY_MATCH = 0.75
"""How alike (difflib ratio) a reworded line must be to its old self to keep its note."""
_HEADER = "# ankibuild lock: note identities and change times. Commit it with your notes.\n"


@dataclass(frozen=True)
class LockEntry:
    key: tuple[str, ...]
    guid: str
    content: str
    """A hash of the note's fields and tags: when it changes, so does the change time."""
    anchor: str
    """A hash of what identifies the note apart from its key (a card's body, a line's text)."""
    mtime: int
    source: str
    """Where the note was (``file:line``), to tell the user where a removed note came from."""


def guid_for(key: Sequence[str], salt: int = 0) -> str:
    """A GUID derived from a note's key: 11 URL-safe base64 characters of its SHA-256."""
    parts = [*key, str(salt)] if salt else list(key)
    digest = hashlib.sha256("\x1f".join(parts).encode()).digest()
    return base64.urlsafe_b64encode(digest[:8]).decode().rstrip("=")


def _hash(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]


def content_hash(note: Note) -> str:
    # The last field is the note's place in the notes (file:line). It moves whenever a line is
    # inserted above, which is no reason to overwrite the note in the user's collection.
    return _hash(note.kind, *note.fields[:-1], *note.tags)


def anchor_hash(note: Note) -> str:
    # A Basic note is anchored by its body, so a renamed title keeps the note (a card without a
    # body by its title); a cloze note by its line's text, so the line keeps its note when it moves
    # to another card.
    if note.kind == "basic":
        return _hash(note.kind, note.fields[1] or note.key[2])
    return _hash(note.kind, note.key[3])


def _similarity_text(note_key: Sequence[str]) -> str:
    return note_key[3] if note_key[0] == "cloze" else note_key[2]


def read_lock(path: Path) -> tuple[LockEntry, ...]:
    """The entries of a lock file; none when it does not exist."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ()
    entries = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            raw = json.loads(line)
            entries.append(
                LockEntry(
                    tuple(raw["key"]), raw["guid"], raw["content"], raw["anchor"], int(raw["mtime"]), raw["source"]
                )
            )
        except (ValueError, KeyError, TypeError):
            raise LockError(
                "unreadable lock entry",
                f"{path}:{number}",
                "restore the file from version control (a merge conflict?) or delete it to start afresh",
            ) from None
    return tuple(entries)


def format_lock(entries: Iterable[LockEntry]) -> str:
    lines = [
        json.dumps(
            {
                "key": list(e.key),
                "guid": e.guid,
                "content": e.content,
                "anchor": e.anchor,
                "mtime": e.mtime,
                "source": e.source,
            },
            ensure_ascii=False,
            sort_keys=True,
        )
        for e in sorted(entries, key=lambda e: (e.key, e.guid))
    ]
    return _HEADER + "".join(line + "\n" for line in lines)


@dataclass(frozen=True)
class Stamping:
    notes: tuple[StampedNote, ...]
    entries: tuple[LockEntry, ...]
    removed: tuple[LockEntry, ...]
    changed: int
    """How many notes are new or have new content."""


def _match(notes: Sequence[Note], previous: Sequence[LockEntry]) -> dict[int, LockEntry]:
    """Pair new notes with their earlier selves, surest evidence first."""
    matched: dict[int, LockEntry] = {}
    taken: set[int] = set()  # indexes into previous
    content = [content_hash(n) for n in notes]
    anchors = [anchor_hash(n) for n in notes]
    passes: tuple[tuple[Callable[[int], Hashable], Callable[[LockEntry], Hashable]], ...] = (
        (lambda i: (notes[i].key, content[i]), lambda e: (e.key, e.content)),  # unchanged
        (lambda i: (notes[i].key[:2], anchors[i]), lambda e: (e.key[:2], e.anchor)),  # moved or retitled
        (lambda i: notes[i].key, lambda e: e.key),  # edited in place
    )
    for note_side, entry_side in passes:
        index: dict[Hashable, list[int]] = {}
        for j, entry in enumerate(previous):
            if j not in taken:
                index.setdefault(entry_side(entry), []).append(j)
        for i in range(len(notes)):
            if i not in matched and (free := index.get(note_side(i))):
                j = free.pop(0)
                matched[i] = previous[j]
                taken.add(j)
    # Reworded: the most alike pairs first, within one file and one kind of note.
    by_place: dict[tuple[str, ...], list[int]] = {}
    for j, entry in enumerate(previous):
        if j not in taken:
            by_place.setdefault(entry.key[:2], []).append(j)
    candidates = []
    matcher = difflib.SequenceMatcher(autojunk=False)
    for i, note in enumerate(notes):
        if i in matched:
            continue
        matcher.set_seq2(_similarity_text(note.key))  # the expensive side, prepared once per note
        for j in by_place.get(note.key[:2], ()):
            matcher.set_seq1(_similarity_text(previous[j].key))
            # The quick ratios are upper bounds: most pairs are ruled out without the full one.
            if matcher.real_quick_ratio() >= FUZZY_MATCH and matcher.quick_ratio() >= FUZZY_MATCH:
                ratio = matcher.ratio()
                if ratio >= FUZZY_MATCH:
                    candidates.append((-ratio, i, j))
    for _, i, j in sorted(candidates):
        if i not in matched and j not in taken:
            matched[i] = previous[j]
            taken.add(j)
    return matched


def stamp(notes: Sequence[Note], previous: Sequence[LockEntry], now: int) -> Stamping:
    """GUIDs and change times for ``notes``, carried over from ``previous`` where notes match.

    A note keeps its earlier change time while its content is unchanged; otherwise it gets ``now``
    (or one second past its earlier time, so the time always increases).
    """
    matched = _match(notes, previous)
    used = {entry.guid for entry in matched.values()}
    stamped: list[StampedNote] = []
    entries: list[LockEntry] = []
    changed = 0
    for i, note in enumerate(notes):
        old = matched.get(i)
        content = content_hash(note)
        if old is not None:
            guid = old.guid
            mtime = old.mtime if old.content == content else max(now, old.mtime + 1)
        else:
            salt = 0
            while (guid := guid_for(note.key, salt)) in used:
                salt += 1
            used.add(guid)
            mtime = now
        changed += old is None or old.content != content
        stamped.append(StampedNote(note, guid, mtime))
        entries.append(LockEntry(note.key, guid, content, anchor_hash(note), mtime, str(note.location)))
    kept = {id(e) for e in matched.values()}
    removed = tuple(e for e in previous if id(e) not in kept)
    return Stamping(tuple(stamped), tuple(entries), removed, changed)


def check_locked(path: Path, new_text: str, locked: bool) -> None:
    """Under ``--locked``, fail when the build would change the lock file."""
    if not locked:
        return
    try:
        current = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        current = None
    if current != new_text:
        raise LockError(
            "the notes changed since the lock file was written" if current else "there is no lock file",
            path,
            "build without --locked (make deck does) and commit the updated lock file",
        )
