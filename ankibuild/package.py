"""The .apkg: note types, decks and notes written with genanki into a reproducible archive.

This is the only module that uses genanki. Ids are derived from names (see :func:`stable_id`), each
note carries its own change time, and the zip archive is normalised (sorted entries, fixed dates and
permissions, deflate), so the same notes always give the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import tempfile
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path

import genanki

from .errors import PackageError
from .highlight import CODE_CSS
from .model import NoteKind, StampedNote

NOTE_TYPE_VERSION = "1"
"""Part of every note type id: bump only together with a migration (Anki keys note types by id)."""

_ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can hold

_CSS = """\
.card { font-family: -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 20px;
  text-align: left; line-height: 1.4; }
.ab-context { font-size: 0.8em; opacity: 0.7; margin-bottom: 0.4em; }
.ab-title { font-weight: bold; }
.ab-body ul { margin: 0.2em 0; padding-left: 1.2em; }
li.ab-plain { list-style: none; }
.ab-source { font-size: 0.6em; opacity: 0.5; margin-top: 1em; }
.cloze { font-weight: bold; color: #1565c0; }
.nightMode .cloze { color: #90caf9; }
img { max-width: 100%; }
"""

_CONTEXT = '{{#Context}}<div class="ab-context">{{Context}}</div>{{/Context}}'
_SOURCE = '<div class="ab-source">{{Source}}</div>'


def stable_id(*parts: str) -> int:
    """An id for a note type or deck, from its names: the same names give the same id anywhere.

    The id is the first 8 bytes of the SHA-256 of the parts (joined by U+001F) folded into
    [2**30, 2**31), the range genanki recommends for ids chosen by hand.
    """
    digest = hashlib.sha256("\x1f".join(parts).encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:8], "big") % (1 << 30)


def note_types() -> dict[NoteKind, genanki.Model]:
    """The two note types, with ids that stay the same across releases."""
    css = _CSS + CODE_CSS
    basic = genanki.Model(
        stable_id("ankibuild", "note type", "basic", NOTE_TYPE_VERSION),
        "ankibuild Basic",
        fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Context"}, {"name": "Source"}],
        templates=[
            {
                "name": "Card 1",
                "qfmt": _CONTEXT + '<div class="ab-title">{{Front}}</div>',
                "afmt": '{{FrontSide}}<hr id="answer"><div class="ab-body">{{Back}}</div>' + _SOURCE,
            }
        ],
        css=css,
    )
    cloze = genanki.Model(
        stable_id("ankibuild", "note type", "cloze", NOTE_TYPE_VERSION),
        "ankibuild Cloze",
        fields=[{"name": "Text"}, {"name": "Context"}, {"name": "Source"}],
        templates=[
            {
                "name": "Cloze",
                "qfmt": _CONTEXT + '<div class="ab-text">{{cloze:Text}}</div>',
                "afmt": _CONTEXT + '<div class="ab-text">{{cloze:Text}}</div>' + _SOURCE,
            }
        ],
        css=css,
        model_type=genanki.Model.CLOZE,
    )
    return {"basic": basic, "cloze": cloze}


def _write_collection(notes: Sequence[StampedNote], timestamp: int, path: Path) -> None:
    models = note_types()
    decks: dict[str, genanki.Deck] = {}
    for stamped in notes:
        note = stamped.note
        deck = decks.get(note.deck)
        if deck is None:
            deck = decks[note.deck] = genanki.Deck(stable_id("ankibuild", "deck", note.deck), note.deck)
        deck.add_note(
            genanki.Note(model=models[note.kind], fields=list(note.fields), guid=stamped.guid, tags=list(note.tags))
        )
    connection = sqlite3.connect(path)
    try:
        cursor = connection.cursor()
        # genanki numbers notes and cards from the timestamp it is given: a fixed one keeps ids stable.
        genanki.Package([decks[name] for name in sorted(decks)]).write_to_db(
            cursor, timestamp, iter(range(timestamp * 1000, 1 << 62))
        )
        # genanki gives every note the package's time; each note gets its own. Notes are found by
        # id (the table has no index on guid, and a lookup per note would scan it every time).
        ids = dict(cursor.execute("SELECT guid, id FROM notes").fetchall())
        times = [(stamped.mtime, ids[stamped.guid]) for stamped in notes]
        cursor.executemany("UPDATE notes SET mod = ? WHERE id = ?", times)
        cursor.executemany("UPDATE cards SET mod = ? WHERE nid = ?", times)
        connection.commit()
    finally:
        connection.close()


def _zip_entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3  # Unix, so the permission bits below mean the same everywhere
    info.external_attr = 0o644 << 16
    return info


def _check_output(output: Path) -> None:
    """Fail before writing anything if ``output`` cannot become a file."""
    if output.is_dir():
        raise PackageError(
            "this is a folder, so the deck cannot be written there",
            output,
            f"choose another file name, or a file inside it such as {output / 'deck.apkg'}",
        )
    for parent in output.parents:
        if parent.exists():
            if not parent.is_dir():
                raise PackageError(
                    f"'{parent}' is a file, so it cannot hold the deck",
                    output,
                    "choose an output path inside a folder",
                )
            return


def _entries(notes: Sequence[StampedNote], media: Mapping[str, Path], timestamp: int) -> list[tuple[str, bytes]]:
    """The files of the archive: the collection, the media index and the media, by name."""
    with tempfile.TemporaryDirectory() as scratch:
        collection = Path(scratch) / "collection.anki2"
        try:
            _write_collection(notes, timestamp, collection)
        except (ValueError, TypeError) as error:
            raise PackageError(f"genanki refused the deck: {error}", hint="please report this") from error
        names = sorted(media)
        entries: list[tuple[str, bytes]] = [
            ("collection.anki2", collection.read_bytes()),
            ("media", json.dumps({str(i): name for i, name in enumerate(names)}, sort_keys=True).encode()),
        ]
    return entries + [(str(i), media[name].read_bytes()) for i, name in enumerate(names)]


def _write_beside(output: Path, entries: Sequence[tuple[str, bytes]]) -> str:
    """Zip ``entries`` into a file beside ``output``, then rename it into place; return its SHA-256."""
    output.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=output.parent)
    os.close(handle)
    temp = Path(temp_name)
    try:
        with zipfile.ZipFile(temp, "w") as archive:
            for name, data in sorted(entries):
                archive.writestr(_zip_entry(name), data, compresslevel=9)
        digest = hashlib.sha256(temp.read_bytes()).hexdigest()
        os.replace(temp, output)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return digest


def write_package(notes: Sequence[StampedNote], media: Mapping[str, Path], output: Path, timestamp: int) -> str:
    """Write the notes (and media, packaged name to file) to ``output``; return its SHA-256.

    The archive is written beside ``output`` and renamed into place, so a failed build leaves an
    earlier deck untouched.
    """
    try:
        _check_output(output)
    except OSError as error:  # such as a name too long for the file system
        raise _cannot_write(output, error) from error
    entries = _entries(notes, media, timestamp)
    try:
        return _write_beside(output, entries)
    except OSError as error:
        raise _cannot_write(output, error) from error


def _cannot_write(output: Path, error: OSError) -> PackageError:
    # The file that failed may be the temporary one beside it: name the deck the user asked for.
    return PackageError(
        f"cannot write the deck: {error.strerror or error}", output, "check the path and that you may write there"
    )
