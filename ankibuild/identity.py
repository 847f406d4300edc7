"""Which earlier note each note is: GUIDs, cloze numbers and change times across rebuilds.

Anki matches an imported note to the one it has by GUID, and updates it only when the incoming
change time is newer. So a note keeps the GUID it was first given across edits, moves and renames;
a cloze term keeps its number, so each card goes on asking for the fact it was studied on; and the
change time moves on only when the note's content changes, so fixes made in Anki to notes that did
not change are left alone.
"""

from __future__ import annotations

import base64
import difflib
import hashlib
import re
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, replace

from .lock import LockEntry
from .model import Note, StampedNote

FUZZY_MATCH = 0.75
"""How alike (difflib ratio) a reworded line must be to its old self to keep its note."""
_COMPARED = 400  # characters of each line compared when matching reworded lines
_CLOZE_OPENER = re.compile(r"\{\{c(\d+)::")


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


def _words(text: str) -> frozenset[str]:
    return frozenset(text.casefold().split())


class _Reworded:
    """Pairs unmatched notes with unmatched entries of the same file whose text is alike.

    Cloze notes compare their line's text. Basic notes take part only when they have no body (a
    timeline card, where the title is all there is): a card whose title and body both changed is
    another card, and must not take over an old card's history.
    """

    def __init__(self) -> None:
        self.matcher = difflib.SequenceMatcher(autojunk=False)

    @staticmethod
    def text(key: Sequence[str], anchor: str) -> str | None:
        if key[0] == "cloze":
            return key[3]
        return key[2] if anchor == _hash("basic", key[2]) else None

    def score(self, old: str, new: str) -> float:
        old_words, new_words = _words(old), _words(new)
        # Lines that share few words are not the same line reworded; this also spares the
        # character comparison below, which is slow, most of the time.
        if len(old_words & new_words) * 2 < min(len(old_words), len(new_words)):
            return 0.0
        self.matcher.set_seqs(old[:_COMPARED], new[:_COMPARED])
        if self.matcher.real_quick_ratio() < FUZZY_MATCH or self.matcher.quick_ratio() < FUZZY_MATCH:
            return 0.0
        return self.matcher.ratio()


def match(notes: Sequence[Note], previous: Sequence[LockEntry]) -> dict[int, LockEntry]:
    """Pair each note (by index) with the lock entry of its earlier self, surest evidence first."""
    matched: dict[int, LockEntry] = {}
    taken: set[int] = set()  # indexes into previous
    content = [content_hash(n) for n in notes]
    anchors = [anchor_hash(n) for n in notes]
    Side = tuple[Callable[[int], Hashable], Callable[[LockEntry], Hashable]]
    passes: tuple[Side, ...] = (
        (lambda i: (notes[i].key, content[i]), lambda e: (e.key, e.content)),  # unchanged
        (lambda i: (notes[i].key[:2], anchors[i]), lambda e: (e.key[:2], e.anchor)),  # moved, retitled
        (lambda i: notes[i].key, lambda e: e.key),  # edited in place
        # A file renamed or moved to another folder: the same notes under another file name.
        (lambda i: (notes[i].key[0], *notes[i].key[2:], content[i]), lambda e: (e.key[0], *e.key[2:], e.content)),
        (lambda i: (notes[i].key[0], anchors[i]), lambda e: (e.key[0], e.anchor)),
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
    reworded = _Reworded()
    by_place: dict[tuple[str, ...], list[tuple[int, str]]] = {}
    for j, entry in enumerate(previous):
        if j not in taken and (text := reworded.text(entry.key, entry.anchor)) is not None:
            by_place.setdefault(entry.key[:2], []).append((j, text))
    candidates = []
    for i, note in enumerate(notes):
        new = reworded.text(note.key, anchors[i])
        if i in matched or new is None:
            continue
        for j, old in by_place.get(note.key[:2], ()):
            if (ratio := reworded.score(old, new)) >= FUZZY_MATCH:
                candidates.append((-ratio, i, j))
    for _, i, j in sorted(candidates):  # the most alike pairs first
        if i not in matched and j not in taken:
            matched[i] = previous[j]
            taken.add(j)
    return matched


def pin_clozes(note: Note, earlier: Mapping[str, int]) -> Note:
    """Give each term of a cloze note the number it had before; new terms get unused numbers.

    Which terms a line blanks can change without the line changing (the course now writes a term
    with a capital elsewhere): the terms it had keep their numbers, and so their cards' histories.
    Numbers of terms no longer blanked stay reserved, never handed to another term.
    """
    if note.kind != "cloze":
        return note
    planned = dict(note.clozes)
    written = {int(n) for n in _CLOZE_OPENER.findall(note.fields[0])} - set(planned.values())
    reserved = {term: number for term, number in earlier.items() if number not in written}
    used = set(reserved.values()) | written
    renumber: dict[int, int] = {}
    pinned = dict(reserved)
    for term, number in sorted(planned.items(), key=lambda item: item[1]):
        if term not in pinned:
            pinned[term] = next(n for n in range(1, len(used) + 2) if n not in used)
            used.add(pinned[term])
        renumber.setdefault(number, pinned[term])
    text = _CLOZE_OPENER.sub(lambda m: f"{{{{c{renumber.get(int(m[1]), int(m[1]))}::", note.fields[0])
    return replace(note, fields=(text, *note.fields[1:]), clozes=tuple(sorted(pinned.items())))


@dataclass(frozen=True)
class Stamping:
    """Every note with its GUID and change time, the lock entries to keep, and what was removed."""

    notes: tuple[StampedNote, ...]
    entries: tuple[LockEntry, ...]
    removed: tuple[LockEntry, ...]
    changed: int
    """How many notes are new or have new content."""


def stamp(notes: Sequence[Note], previous: Sequence[LockEntry], now: int) -> Stamping:
    """GUIDs, cloze numbers and change times for ``notes``, carried over from ``previous``.

    A note keeps its earlier change time while its content is unchanged; otherwise it gets ``now``
    (or one second past its earlier time, so the time always increases).
    """
    matched = match(notes, previous)
    used = {entry.guid for entry in previous}
    stamped: list[StampedNote] = []
    entries: list[LockEntry] = []
    changed = 0
    for i, planned in enumerate(notes):
        old = matched.get(i)
        note = pin_clozes(planned, dict(old.clozes) if old else {})
        content = content_hash(note)
        if old is not None:
            guid = old.guid
            mtime = old.mtime if old.content == content else max(now, old.mtime + 1)
        else:
            salt = 0
            while (guid := guid_for(note.key, salt)) in used:
                salt += 1
            mtime = now
        used.add(guid)
        changed += old is None or old.content != content
        stamped.append(StampedNote(note, guid, mtime))
        entries.append(LockEntry(note.key, guid, content, anchor_hash(note), mtime, str(note.location), note.clozes))
    kept = {id(e) for e in matched.values()}
    removed = tuple(e for e in previous if id(e) not in kept)
    return Stamping(tuple(stamped), tuple(entries), removed, changed)
