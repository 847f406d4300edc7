"""The build, stage by stage: read → cards → clozes → render → package.

Only the edges touch the disk: :mod:`ankibuild.sources` finds the notes, :mod:`ankibuild.lock`
keeps the lock file, :mod:`ankibuild.package` writes the deck, and this module reads the files and
resolves images. Everything between is pure.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .config import Config
from .errors import ConfigError, SourceError
from .identity import stamp
from .lock import LOCK_FILE, MAX_TIME, LockEntry, check_locked, format_lock, read_lock, write_lock
from .model import Card, Diagnostic, Location, Note, NotesFile, StampedNote
from .notes import make_notes, unblanked_lines
from .package import write_package
from .readers import reader_for
from .sources import SourceFile, decode, find_sources

DEFAULT_TIME = 1_577_836_800
"""2020-01-01T00:00:00Z: the change time of notes built without a lock and without SOURCE_DATE_EPOCH."""


@dataclass(frozen=True)
class Notes:
    """Every notes file of a build, read, with what the readers had to say."""

    files: tuple[NotesFile, ...]
    sources: tuple[SourceFile, ...]
    diagnostics: tuple[Diagnostic, ...]

    @property
    def cards(self) -> int:
        return sum(len(f.cards) for f in self.files)


@dataclass(frozen=True)
class BuildResult:
    """What a build wrote and what it found on the way."""

    output: Path
    sha256: str
    cards: int
    """Anki cards: one per Basic note, one per cloze number of each cloze note."""
    notes: int
    decks: tuple[str, ...]
    diagnostics: tuple[Diagnostic, ...]
    changed: int
    """Notes new or changed since the lock was written."""
    removed: tuple[LockEntry, ...]
    lock: Path | None

    def summary(self) -> str:
        """One line, stable for scripts: cards, notes, output path, sha256."""
        return f"{self.cards} cards, {self.notes} notes -> {self.output} sha256={self.sha256}"


def read_notes(sources: Iterable[Path | str], config: Config | None = None) -> Notes:
    """Find and read every notes file under ``sources``: the cards, and warnings about them."""
    config = config or Config()
    found, diagnostics = find_sources(sources, config)
    files = []
    for source in found:
        reader = reader_for(source.path.suffix, config)
        assert reader is not None  # find_sources keeps only files with a reader
        notes_file = reader(decode(source.path.read_bytes(), source.name), source.name)
        files.append(notes_file)
        diagnostics += notes_file.diagnostics
    return Notes(tuple(files), tuple(found), tuple(diagnostics))


def _humanise(stem: str) -> str:
    words = re.sub(r"[-_]+", " ", stem).strip()
    return words[:1].upper() + words[1:]


def deck_name(notes_file: NotesFile, config: Config) -> str:
    """``Deck::Folder::Title``: the config's parent deck, the file's folders, the file's title."""
    if notes_file.path in config.decks:
        return config.decks[notes_file.path]
    *folders, filename = notes_file.path.split("/")
    title = notes_file.title or _humanise(Path(filename).stem)
    parts = [config.deck] if config.deck else []
    if config.folder_decks:
        parts += [_humanise(folder) for folder in folders]
    return "::".join([*parts, title.replace("::", ":")])


def _images(card: Card) -> Iterable[tuple[str, Location]]:
    for run in card.title_content():
        if run.kind == "image" and run.src:
            yield run.src, card.location
    for bullet in card.bullets():
        for run in bullet.runs:
            if run.kind == "image" and run.src:
                yield run.src, bullet.location


def _media(notes: Notes) -> tuple[dict[str, str], dict[str, Path]]:
    """Image paths as written, per file, to collision-free packaged names; and those names to files.

    A packaged name is made from the image's content, so two images called ``diagram.png`` never
    clash and one image used twice is packed once.
    """
    by_src: dict[str, str] = {}
    files: dict[str, Path] = {}
    for source, notes_file in zip(notes.sources, notes.files, strict=True):
        for card in notes_file.cards:
            for src, location in _images(card):
                path = source.path.parent / src
                if not path.is_file():
                    raise SourceError(f"image not found: {src}", location, f"put the image at {path} or fix the path")
                name = f"{hashlib.sha256(path.read_bytes()).hexdigest()[:12]}-{path.name}"
                by_src[f"{notes_file.path}\x1f{src}"] = name
                files[name] = path
    return by_src, files


def source_date_epoch() -> int | None:
    """``SOURCE_DATE_EPOCH`` (seconds since 1970), the reproducible-builds.org way to fix build times."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    if not value.isdigit() or int(value) >= MAX_TIME:
        raise ConfigError(
            f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not {value!r}",
            hint="unset it, or set it to a time such as $(git log -1 --format=%ct)",
        )
    return int(value)


def default_output(output: Path, decks: Sequence[str], config: Config) -> Path:
    """A folder output gets a file named after the deck (or the parent deck)."""
    if output.suffix.lower() == ".apkg":
        return output
    tops = sorted({d.split("::")[0] for d in decks})
    name = config.deck or (tops[0] if len(tops) == 1 else "notes")
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "deck"
    return output / f"{slug}.apkg"


def build(
    sources: Sequence[Path | str] | None = None,
    output: Path | str | None = None,
    *,
    config: Config | None = None,
    lock: Path | str | bool = True,
    locked: bool = False,
) -> BuildResult:
    """Build an ``.apkg`` from notes files and folders.

    ``lock`` is ``True`` for the lock file in its usual place (the config's, else ``ankibuild.lock``
    in the notes folder), a path, or ``False`` to build without one. Without a lock every note's
    change time is ``SOURCE_DATE_EPOCH``, or 2020-01-01: such a deck imports, but re-importing a
    rebuilt one never updates notes Anki already has. With ``locked``, a build that would change the
    lock fails instead.
    """
    config = config or Config()
    sources = list(sources) if sources else list(config.sources)
    notes = read_notes(sources, config)
    if not notes.cards:
        raise SourceError("no cards in the notes", sources[0], "add a notes file with at least one card")
    media_names, media_files = _media(notes)
    decks = {f.path: deck_name(f, config) for f in notes.files}
    built: list[Note] = make_notes(notes.files, decks, media_names, config)
    lock_path = _lock_path(lock, notes, config)
    epoch = source_date_epoch()
    previous: tuple[LockEntry, ...] = ()
    elsewhere: tuple[LockEntry, ...] = ()
    if lock_path is None:
        now = DEFAULT_TIME if epoch is None else epoch
    else:
        previous, elsewhere = _in_scope(read_lock(lock_path), notes, lock_path.parent)
        now = int(time.time()) if epoch is None else epoch
    stamping = stamp(built, previous, now)
    new_lock = format_lock((*stamping.entries, *elsewhere))
    if lock_path is not None:
        check_locked(lock_path, new_lock, locked)
    target = default_output(Path(output or config.output), sorted(set(decks.values())), config)
    timestamp = max((n.mtime for n in stamping.notes), default=now)
    if lock_path is not None and not locked:
        # The lock first: a deck must never go out with times its lock does not hold. Should the
        # deck then fail, the next build reads this lock and writes the same deck.
        write_lock(lock_path, new_lock)
    digest = write_package(stamping.notes, media_files, target, timestamp)
    return BuildResult(
        output=target,
        sha256=digest,
        cards=sum(_card_count(n) for n in stamping.notes),
        notes=len(stamping.notes),
        decks=tuple(sorted(set(decks.values()))),
        diagnostics=notes.diagnostics,
        changed=stamping.changed,
        removed=stamping.removed,
        lock=lock_path,
    )


def _in_scope(
    entries: Sequence[LockEntry], notes: Notes, lock_folder: Path
) -> tuple[tuple[LockEntry, ...], tuple[LockEntry, ...]]:
    """Split lock entries into those of this build and those of other files that still exist.

    Building one file of a notes folder must not forget the notes of the others, which share the
    lock; the notes of a file that is gone are this build's to report as removed.
    """
    read = {source.name for source in notes.sources}
    roots = {source.root for source in notes.sources} | {lock_folder}
    names = {e.key[1] for e in entries} - read
    gone = {name for name in names if not any((root / name).is_file() for root in roots)}
    mine = tuple(e for e in entries if e.key[1] in read or e.key[1] in gone)
    return mine, tuple(e for e in entries if not (e.key[1] in read or e.key[1] in gone))


def _card_count(stamped: StampedNote) -> int:
    if stamped.note.kind == "basic":
        return 1
    return len(set(re.findall(r"\{\{c(\d+)::", stamped.note.fields[0])))


def _lock_path(lock: Path | str | bool, notes: Notes, config: Config) -> Path | None:
    """The lock file: as given, else the config's, else ``ankibuild.lock`` in the notes folder."""
    if lock is False:
        return None
    if lock is not True:
        return Path(lock)
    if config.lock:
        return Path(config.lock)
    return notes.sources[0].root / LOCK_FILE


@dataclass(frozen=True)
class CheckResult:
    """What ``ankibuild check`` finds: the notes, their warnings, and lines with nothing to blank."""

    notes: Notes
    lines: int
    """Lines that could get a cloze note."""
    unblanked: tuple[Location, ...]
    """Lines where the cloze builder found nothing to blank (add glossary terms for them)."""

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        return self.notes.diagnostics


def check(sources: Sequence[Path | str] | None = None, *, config: Config | None = None) -> CheckResult:
    """Read the notes without building: the cards, every warning and the cloze coverage."""
    config = config or Config()
    notes = read_notes(list(sources) if sources else list(config.sources), config)
    _media(notes)  # a missing image fails the build, so it fails the check too
    decks = {f.path: deck_name(f, config) for f in notes.files}
    lines, unblanked = unblanked_lines(notes.files, decks, config)
    return CheckResult(notes, lines, unblanked)
