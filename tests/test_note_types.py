"""Note types are part of every deck a student has imported: their ids and fields must not drift.

Anki imports notes of a note type whose id it knows but whose fields or templates differ as copies,
so a change here needs a new note type version and a migration, not a quiet edit.
"""

from __future__ import annotations

from pathlib import Path

from anki.collection import Collection

import ankibuild
from ankibuild.package import note_types, stable_id

from .conftest import import_deck

PINNED = {
    "basic": (2122945375, "ankibuild Basic", ["Front", "Back", "Context", "Source"], ["Card 1"]),
    "cloze": (1126309869, "ankibuild Cloze", ["Text", "Context", "Source"], ["Cloze"]),
}


def test_note_types_keep_their_ids_names_fields_and_templates() -> None:
    for kind, model in note_types().items():
        fields = [f["name"] for f in model.fields]
        templates = [t["name"] for t in model.templates]
        assert (model.model_id, model.name, fields, templates) == PINNED[kind]


def test_ids_come_from_names() -> None:
    assert stable_id("ankibuild", "deck", "History") == stable_id("ankibuild", "deck", "History")
    assert stable_id("ankibuild", "deck", "History") != stable_id("ankibuild", "deck", "History ")
    assert 2**30 <= stable_id("x") < 2**31


def test_anki_sees_our_note_types_with_their_ids(tmp_path: Path, collection: Collection) -> None:
    notes = tmp_path / "n.txt"
    notes.write_text("Deck\n  • 1955 July - Geneva summit\n", encoding="utf-8")
    import_deck(collection, ankibuild.build([notes], tmp_path / "d.apkg", lock=False).output)
    seen = {nt.name: nt.id for nt in collection.models.all_names_and_ids()}
    assert seen["ankibuild Basic"] == PINNED["basic"][0]
    assert seen["ankibuild Cloze"] == PINNED["cloze"][0]
