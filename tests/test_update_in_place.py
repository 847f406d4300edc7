"""Rebuilt decks update the cards a student already studies, in a real Anki collection.

The round trip: build v1, import it, study every card, fix one card by hand in Anki, then edit the
notes (reword a bullet, insert one above it, add a card, delete a card), build v2 and import it with
Anki's default options.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from anki.collection import Collection

import ankibuild

from .conftest import import_deck, import_problems, visible_text

V1 = """\
Cold War summits
  • Geneva summit
    • Held in July 1955 with Eisenhower and Bulganin
    • Raised hopes of a thaw
  • Paris summit
    • Collapsed in May 1960 after the U-2 incident
  • Camp David talks
    • Khrushchev visited Eisenhower in September 1959
  • Vienna summit
    • Kennedy met Khrushchev in June 1961
"""

V2 = """\
Cold War summits
  • Geneva summit
    • A new bullet inserted above the reworded one
    • Held in July 1955 with Eisenhower and Bulganin.
    • Raised hopes of a thaw
  • Paris summit
    • Collapsed in May 1960 after the U-2 incident
  • Camp David talks
    • Khrushchev visited Eisenhower in September 1959
  • Moscow summit
    • Nixon met Brezhnev in May 1972
"""


@dataclass(frozen=True)
class Studied:
    question: str
    reviews: int


def _study_everything(col: Collection) -> dict[int, Studied]:
    """Answer every card 'Easy' through the scheduler; what each card asked, and its reviews."""
    deck = col.decks.id("Cold War summits")
    assert deck is not None
    config = col.decks.config_dict_for_deck_id(deck)
    config["new"]["perDay"] = 1000
    col.decks.update_config(config)
    col.decks.select(deck)
    while (card := col.sched.getCard()) is not None:
        col.sched.answerCard(card, 4)
    out = {}
    for cid in col.find_cards(""):
        card = col.get_card(cid)
        reviews = col.db.scalar("select count() from revlog where cid = ?", cid)
        out[cid] = Studied(visible_text(card.question()), reviews)
    return out


def _write(notes: Path, text: str) -> None:
    notes.write_text(text, encoding="utf-8")


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    (repo / "source_notes").mkdir(parents=True)
    _write(repo / "source_notes" / "summits.txt", V1)
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "student@example.org")
    _git(repo, "config", "user.name", "Student")
    return repo


def _build(repo: Path, output: str, locked: bool = False) -> ankibuild.BuildResult:
    return ankibuild.build([repo / "source_notes"], repo / "dist" / output, locked=locked)


def test_round_trip_keeps_history_and_hand_edits(repo: Path, collection: Collection, tmp_path: Path) -> None:
    v1 = _build(repo, "v1.apkg")
    assert import_problems(import_deck(collection, v1.output)) == {}
    before = _study_everything(collection)
    assert before and all(s.reviews == 1 for s in before.values())

    [camp_david] = collection.find_notes('"Front:Camp David talks"')
    fixed = collection.get_note(camp_david)
    fixed["Back"] = fixed["Back"].replace("visited", "visited (my fix)")
    collection.update_note(fixed)

    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "v1")
    _write(repo / "source_notes" / "summits.txt", V2)
    v2 = _build(repo, "v2.apkg")
    assert [entry.key[2] for entry in v2.removed if entry.key[0] == "basic"] == ["Vienna summit"]
    log = import_deck(collection, v2.output)
    assert import_problems(log) == {}
    assert len(log.new) >= 2  # type: ignore[attr-defined]  # the new bullet's and the new card's notes
    assert len(log.updated) >= 1  # type: ignore[attr-defined]  # Geneva's Basic note
    assert len(log.duplicate) >= 2  # type: ignore[attr-defined]  # unchanged notes, left as they were

    # No duplicates: the Basic notes are v1's four minus Vienna (kept by Anki) plus Moscow.
    fronts = sorted(collection.get_note(n)["Front"] for n in collection.find_notes('"note:ankibuild Basic"'))
    assert fronts == ["Camp David talks", "Geneva summit", "Moscow summit", "Paris summit", "Vienna summit"]
    [geneva] = collection.find_notes('"Front:Geneva summit"')
    back = collection.get_note(geneva)["Back"]
    assert "with Eisenhower and Bulganin.</li>" in back and "A new bullet inserted" in back

    # The reworded line's cloze note (if any) shows the new text, never the old next to it.
    texts = [collection.get_note(n)["Text"] for n in collection.find_notes('"note:ankibuild Cloze"')]
    assert not any("Bulganin<" in t or t.endswith("Bulganin") for t in texts)

    # Studied cards keep their history and still ask for the same fact.
    after = {cid: collection.get_card(cid) for cid in before}
    for cid, studied in before.items():
        card = after[cid]
        assert card.reps == 1 and card.type == 2, studied.question  # a review card with its one answer
        question = visible_text(card.question())
        note = card.note()
        if "Text" in note and "Bulganin" in note["Text"]:  # the reworded line: same blanks, new full stop
            assert question == studied.question + "."
        else:
            assert question == studied.question

    # The hand edit survives: its note did not change in the notes, so Anki keeps the user's version.
    assert "visited (my fix)" in collection.get_note(camp_david)["Back"]

    # Building v2 again gives the same bytes; so does a fresh clone of the repository.
    assert _build(repo, "again.apkg").sha256 == v2.sha256
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "v2")
    clone = tmp_path / "clone"
    _git(tmp_path, "clone", "-q", str(repo), str(clone))
    assert _build(clone, "v2.apkg", locked=True).sha256 == v2.sha256


def test_a_changed_note_gets_a_newer_time_and_the_rest_keep_theirs(repo: Path) -> None:
    v1 = _build(repo, "v1.apkg")
    entries1 = {e.key: e for e in ankibuild.lock.read_lock(v1.lock)} if v1.lock else {}
    _write(repo / "source_notes" / "summits.txt", V1.replace("Raised hopes", "Raised great hopes"))
    v2 = _build(repo, "v2.apkg")
    entries2 = {e.key: e for e in ankibuild.lock.read_lock(v2.lock)} if v2.lock else {}
    geneva = ("basic", "summits.txt", "Geneva summit", "0")
    assert entries2[geneva].guid == entries1[geneva].guid
    assert entries2[geneva].mtime > entries1[geneva].mtime
    paris = ("basic", "summits.txt", "Paris summit", "0")
    assert entries2[paris] == entries1[paris]


def test_locked_build_fails_when_the_notes_changed(repo: Path) -> None:
    _build(repo, "v1.apkg")
    _write(repo / "source_notes" / "summits.txt", V2)
    with pytest.raises(ankibuild.LockError, match="changed since the lock file was written"):
        _build(repo, "v2.apkg", locked=True)
    assert not (repo / "dist" / "v2.apkg").exists()


@pytest.mark.parametrize(
    ("change", "same_guid"),
    [
        pytest.param(lambda t: t.replace("hopes of a thaw", "hopes of a thwa"), True, id="typo in a bullet"),
        pytest.param(lambda t: t.replace("1955 with", "1955, with"), True, id="reworded line with blanks"),
        pytest.param(lambda t: t.replace("• Paris summit", "• Paris summit of 1960"), True, id="renamed title"),
        pytest.param(
            lambda t: t.replace("  • Paris summit\n    • Collapsed in May 1960 after the U-2 incident\n", "").replace(
                "Cold War summits\n",
                "Cold War summits\n  • Paris summit\n    • Collapsed in May 1960 after the U-2 incident\n",
            ),
            True,
            id="card moved to the top",
        ),
    ],
)
def test_identity_survives_edits(repo: Path, change: object, same_guid: bool) -> None:
    v1 = _build(repo, "v1.apkg")
    assert v1.lock is not None
    guids1 = {e.guid for e in ankibuild.lock.read_lock(v1.lock)}
    _write(repo / "source_notes" / "summits.txt", change(V1))  # type: ignore[operator]
    v2 = _build(repo, "v2.apkg")
    guids2 = {e.guid for e in ankibuild.lock.read_lock(v2.lock)}  # type: ignore[arg-type]
    assert (guids1 == guids2) is same_guid
    assert not v2.removed


def test_folders_become_subdecks_and_tags(tmp_path: Path, collection: Collection) -> None:
    notes = tmp_path / "source_notes"
    (notes / "history").mkdir(parents=True)
    _write(notes / "history" / "cold-war.txt", V1)
    config = ankibuild.Config(deck="Course")
    result = ankibuild.build([notes], tmp_path / "out", config=config)
    assert result.output.name == "course.apkg"
    import_deck(collection, result.output)
    assert "Course::History::Cold War summits" in [d.name for d in collection.decks.all_names_and_ids()]
    [nid] = collection.find_notes('"Front:Paris summit"')
    assert collection.get_note(nid).tags == ["source::history::cold-war"]


def test_building_one_file_keeps_the_other_files_in_the_lock(repo: Path) -> None:
    notes = repo / "source_notes"
    _write(notes / "other.txt", "Other deck\n  • Other card\n    • other body\n")
    whole = _build(repo, "all.apkg")
    assert whole.lock is not None
    everything = ankibuild.lock.read_lock(whole.lock)
    one = ankibuild.build([notes / "summits.txt"], repo / "dist" / "one.apkg")
    assert not one.removed
    assert ankibuild.lock.read_lock(whole.lock) == everything
    (notes / "other.txt").unlink()
    after = _build(repo, "after.apkg")
    assert [e.key[2] for e in after.removed] == ["Other card"]


def test_swapping_two_cards_of_the_same_title_keeps_each_with_its_own_note(repo: Path) -> None:
    first = "  • Rise\n    • Became dominant personality\n"
    second = "  • Rise\n    • Resigned after disagreeing about industry\n"
    _write(repo / "source_notes" / "summits.txt", "Deck\n" + first + second)
    v1 = _build(repo, "v1.apkg")
    assert v1.lock is not None
    before = {e.anchor: (e.guid, e.mtime) for e in ankibuild.lock.read_lock(v1.lock) if e.key[0] == "basic"}
    _write(repo / "source_notes" / "summits.txt", "Deck\n" + second + first)
    v2 = _build(repo, "v2.apkg")
    after = {e.anchor: (e.guid, e.mtime) for e in ankibuild.lock.read_lock(v1.lock) if e.key[0] == "basic"}
    assert len(before) == 2 and after == before  # each body keeps its GUID and, unchanged, its time
    assert v2.changed == 0 and not v2.removed
