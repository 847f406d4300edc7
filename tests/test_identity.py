"""Note identity across rebuilds: the lock file, matching notes to their earlier selves, cloze numbers."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import ankibuild
from ankibuild.lock import LockEntry, read_lock

NOTES = """\
Cold War
  • Collective leadership
    • Collective leadership after Stalin died in 1953
    • Malenkov led the government until 1955
  • Treaty of Paris 1951
    • created the ECSC
  • Geneva summit
    • Held in July 1955
"""


def _entries(lock: Path | None) -> dict[tuple[str, ...], LockEntry]:
    assert lock is not None
    return {e.key: e for e in read_lock(lock)}


def _guids(lock: Path | None) -> set[str]:
    return {e.guid for e in _entries(lock).values()}


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    folder = tmp_path / "source_notes"
    folder.mkdir()
    (folder / "cold-war.txt").write_text(NOTES, encoding="utf-8")
    return folder


def _build(folder: Path, *sources: Path, **options: object) -> ankibuild.BuildResult:
    return ankibuild.build(list(sources) or [folder], folder.parent / "out.apkg", **options)  # type: ignore[arg-type]


def test_a_term_keeps_its_cloze_number_when_the_course_changes_around_it(notes: Path) -> None:
    v1 = "Deck\n  • Khrushchev\n    • Collective leadership after Stalin\n  • Malenkov\n    • resigned in 1955\n"
    (notes / "cold-war.txt").write_text(v1, encoding="utf-8")
    first = _build(notes)
    key = ("cloze", "cold-war.txt", "Khrushchev", "Collective leadership after Stalin")
    before = dict(_entries(first.lock)[key].clozes)
    # Another card now writes the term with capitals, so the course-wide rules blank it here too.
    v2 = v1.replace("resigned in 1955", "resigned in 1955, ending Collective Leadership")
    (notes / "cold-war.txt").write_text(v2, encoding="utf-8")
    second = _build(notes)
    after = dict(_entries(second.lock)[key].clozes)
    assert len(after) > len(before)  # the line got a new blank...
    assert {term: after[term] for term in before} == before  # ...and the facts it had keep their cards
    assert len(set(after.values())) == len(after)


def test_a_new_unrelated_card_does_not_take_over_an_old_one(notes: Path) -> None:
    first = _build(notes)
    old = _entries(first.lock)[("basic", "cold-war.txt", "Treaty of Paris 1951", "0")]
    text = NOTES.replace("Treaty of Paris 1951\n    • created the ECSC", "Treaty of Paris 1763\n    • ended a war")
    (notes / "cold-war.txt").write_text(text, encoding="utf-8")
    second = _build(notes)
    new = _entries(second.lock)[("basic", "cold-war.txt", "Treaty of Paris 1763", "0")]
    assert new.guid != old.guid
    assert old.guid in {e.guid for e in second.removed}


def test_a_timeline_card_keeps_its_note_when_its_title_is_fixed(notes: Path) -> None:
    (notes / "cold-war.txt").write_text("Timeline\n  • 1955 July - Genava summit\n", encoding="utf-8")
    first = _build(notes)
    (notes / "cold-war.txt").write_text("Timeline\n  • 1955 July - Geneva summit\n", encoding="utf-8")
    second = _build(notes)
    assert _guids(first.lock) == _guids(second.lock)
    assert not second.removed


@pytest.mark.parametrize("move", ["rename", "into a folder"])
def test_renaming_or_moving_a_file_keeps_its_notes(notes: Path, move: str) -> None:
    first = _build(notes)
    guids = _guids(first.lock)
    target = notes / ("cold-war-1950s.txt" if move == "rename" else "history/cold-war.txt")
    target.parent.mkdir(exist_ok=True)
    (notes / "cold-war.txt").rename(target)
    second = _build(notes)
    assert _guids(second.lock) == guids and not second.removed


def test_one_file_in_a_subfolder_builds_like_its_folder(notes: Path) -> None:
    (notes / "history").mkdir()
    (notes / "cold-war.txt").rename(notes / "history" / "cold-war.txt")
    whole = _build(notes)
    one = _build(notes, notes / "history" / "cold-war.txt")
    assert one.decks == whole.decks == ("History::Cold War",)
    assert one.sha256 == whole.sha256
    assert one.lock == whole.lock and not (notes / "history" / "ankibuild.lock").exists()


def test_a_source_given_twice_is_read_once(notes: Path) -> None:
    whole = _build(notes)
    twice = _build(notes, notes, notes / "cold-war.txt")
    assert (twice.notes, twice.sha256) == (whole.notes, whole.sha256)


def test_a_lock_outside_the_notes_keeps_other_files_on_a_partial_build(notes: Path, tmp_path: Path) -> None:
    (notes / "other.txt").write_text("Other\n  • Card\n    • body\n", encoding="utf-8")
    lock = tmp_path / "state" / "ankibuild.lock"
    whole = _build(notes, lock=lock)
    everything = read_lock(lock)
    one = _build(notes, notes / "other.txt", lock=lock)
    assert not one.removed and read_lock(lock) == everything
    assert whole.lock == lock


def test_unusual_line_breaks_in_notes_round_trip_through_the_lock(notes: Path) -> None:
    (notes / "odd.md").write_text("# Odd\n\n## Card\n\n- Stalin\u2028died in 1953 \u0085 here\n", encoding="utf-8")
    first = _build(notes)
    second = _build(notes)
    assert first.sha256 == second.sha256 and second.changed == 0


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda lines: [*lines, lines[-1]], "is also on line"),
        (lambda lines: [*lines[:-1], lines[-1].replace('"key": [', '"key": "')], "unreadable lock entry"),
        (lambda lines: [*lines[:-1], lines[-1][:20]], "unreadable lock entry"),
    ],
    ids=["duplicate GUID", "key not a list", "cut short"],
)
def test_a_damaged_lock_is_a_clear_error(notes: Path, edit: object, message: str) -> None:
    first = _build(notes)
    assert first.lock is not None
    lines = first.lock.read_text(encoding="utf-8").rstrip("\n").split("\n")
    first.lock.write_text("\n".join(edit(lines)) + "\n", encoding="utf-8")  # type: ignore[operator]
    with pytest.raises(ankibuild.LockError, match=rf"ankibuild\.lock:\d+: .*{message}"):
        _build(notes)


def test_source_date_epoch_in_milliseconds_is_refused(notes: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000000")
    with pytest.raises(ankibuild.ConfigError, match="whole number of seconds since 1970"):
        _build(notes)


def test_a_fresh_clone_of_the_notes_builds_the_same_deck(notes: Path, tmp_path: Path) -> None:
    first = _build(notes)
    clone = tmp_path / "clone" / "source_notes"
    shutil.copytree(notes, clone)
    again = ankibuild.build([clone], tmp_path / "clone.apkg", locked=True)
    assert again.sha256 == first.sha256
