"""Shared helpers: a real Anki collection to import built decks into, and the course in the repo."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

ROOT = Path(__file__).resolve().parent.parent
COURSE = ROOT / "source_notes" / "khrushchev-east-west-relations.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def collection(tmp_path: Path) -> Iterator[Collection]:
    """An empty Anki collection, closed after the test."""
    (tmp_path / "anki").mkdir()
    col = Collection(str(tmp_path / "anki" / "collection.anki2"))
    yield col
    col.close()


def import_deck(col: Collection, apkg: Path, **options: bool) -> object:
    """Import an .apkg the way Anki's desktop app does, with its default options unless given."""
    request = ImportAnkiPackageRequest(package_path=str(apkg), options=ImportAnkiPackageOptions(**options))
    return col.import_anki_package(request).log


def import_problems(log: object) -> dict[str, int]:
    """The kinds of notes Anki's importer complained about, with how many (none is good).

    Not among them: ``duplicate``, Anki's word for a note it already has and left as it was.
    """
    kinds = ("conflicting", "first_field_match", "missing_notetype", "missing_deck", "empty_first_field")
    return {kind: len(getattr(log, kind)) for kind in kinds if len(getattr(log, kind))}


def visible_text(card_html: str) -> str:
    """What a person reads on a rendered card: no style, no tags, entities decoded, spaces folded."""
    text = re.sub(r"<style>.*?</style>", "", card_html, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text)
    text = " ".join(html.unescape(text).split())
    return re.sub(r" ([.,;:!?])", r"\1", text)  # a tag closed right before punctuation is no space
