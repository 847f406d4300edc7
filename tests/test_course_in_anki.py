"""The course in source_notes/, built and imported into a real Anki collection."""

from __future__ import annotations

import html
from pathlib import Path

from anki.collection import Collection

import ankibuild
from ankibuild import read_text_export

from .conftest import COURSE, import_deck, import_problems, visible_text


def _build(tmp_path: Path, **options: object) -> ankibuild.BuildResult:
    return ankibuild.build([COURSE], tmp_path / "out", lock=tmp_path / "ankibuild.lock", **options)  # type: ignore[arg-type]


def test_course_imports_as_one_basic_note_per_card(tmp_path: Path, collection: Collection) -> None:
    result = _build(tmp_path, config=ankibuild.Config(cloze=ankibuild.ClozeConfig(enabled=False)))
    log = import_deck(collection, result.output)
    assert import_problems(log) == {}
    notes = [collection.get_note(nid) for nid in collection.find_notes("")]
    assert len(notes) == 40
    assert {note.note_type()["name"] for note in notes} == {"ankibuild Basic"}  # type: ignore[index]
    assert collection.decks.all_names_and_ids()[-1].name == "Khrushchev and East - West relations"


def test_each_question_is_its_title_and_every_line_is_in_the_deck(tmp_path: Path, collection: Collection) -> None:
    result = _build(tmp_path)
    import_deck(collection, result.output)
    course = read_text_export(COURSE.read_text(encoding="utf-8"), COURSE.name)
    questions = []
    answers = []
    for nid in collection.find_notes('"note:ankibuild Basic"'):
        card = collection.get_note(nid).cards()[0]
        questions.append(visible_text(card.question()))
        answers.append(visible_text(card.answer()))
    assert sorted(questions) == sorted(card.title for card in course.cards)
    everything = "\n".join(answers)
    for line in COURSE.read_text(encoding="utf-8").splitlines()[3:]:
        if line.strip():
            content = " ".join(line.replace("•", "").split())
            assert content in everything, line


def test_source_field_says_where_each_card_came_from(tmp_path: Path, collection: Collection) -> None:
    import_deck(collection, _build(tmp_path).output)
    sources = {collection.get_note(nid)["Source"] for nid in collection.find_notes('"note:ankibuild Basic"')}
    assert "khrushchev-east-west-relations.txt:5" in sources
    assert "khrushchev-east-west-relations.txt:57" in sources


def test_markup_in_notes_shows_as_written(tmp_path: Path, collection: Collection) -> None:
    notes = tmp_path / "tricky.txt"
    written = "Uses <b>bold</b> & \"quotes\" 'single' {{c1::not a cloze}} and }} braces"
    notes.write_text(f"Tricky deck\n  • Card <i>title</i> & co\n    • {written}\n", encoding="utf-8")
    result = ankibuild.build([notes], tmp_path / "t.apkg", lock=False)
    import_deck(collection, result.output)
    [nid] = collection.find_notes('"note:ankibuild Basic"')
    card = collection.get_note(nid).cards()[0]
    assert visible_text(card.question()) == "Card <i>title</i> & co"
    assert written in visible_text(card.answer())
    assert "<b>" not in html.unescape(card.answer().replace("&lt;b&gt;", ""))


def test_editing_a_bullet_updates_the_note_instead_of_adding_one(tmp_path: Path, collection: Collection) -> None:
    notes = tmp_path / "notes" / "deck.txt"
    notes.parent.mkdir()
    notes.write_text("Deck\n  • Card\n    • first wording\n", encoding="utf-8")
    first = ankibuild.build([notes.parent], tmp_path / "a.apkg")
    import_deck(collection, first.output)
    notes.write_text("Deck\n  • Card\n    • second wording\n    • and a new bullet\n", encoding="utf-8")
    second = ankibuild.build([notes.parent], tmp_path / "b.apkg")
    import_deck(collection, second.output)
    basic = collection.find_notes('"note:ankibuild Basic"')
    assert len(basic) == 1
    back = collection.get_note(basic[0])["Back"]
    assert "second wording" in back and "and a new bullet" in back and "first wording" not in back
