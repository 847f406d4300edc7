"""The command line, run in-process: summaries, exit codes and clear errors for bad input."""

from __future__ import annotations

import errno
import os
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import ankibuild
from ankibuild.cli import main

from .conftest import COURSE

SUMMARY = re.compile(r"^(\d+) cards, (\d+) notes -> (.+\.apkg) sha256=([0-9a-f]{64})$")


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.chdir(tmp_path)
    return CliRunner()


@pytest.fixture
def course(tmp_path: Path) -> Path:
    folder = tmp_path / "source_notes"
    folder.mkdir()
    shutil.copy(COURSE, folder / COURSE.name)
    return folder


def test_build_prints_one_summary_line(runner: CliRunner, course: Path, tmp_path: Path) -> None:
    result = runner.invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    summary = result.stdout.strip().splitlines()
    assert len(summary) == 1
    match = SUMMARY.match(summary[0])
    assert match is not None, summary
    cards, notes, output, digest = match.groups()
    assert int(notes) >= 40 and int(cards) >= int(notes)
    assert output == str(Path("dist") / "khrushchev-and-east-west-relations.apkg")
    assert (tmp_path / output).is_file()
    import hashlib

    assert hashlib.sha256((tmp_path / output).read_bytes()).hexdigest() == digest


def test_build_to_a_named_file(runner: CliRunner, course: Path, tmp_path: Path) -> None:
    result = runner.invoke(main, ["build", str(course / COURSE.name), "-o", "a.apkg"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "a.apkg").is_file()
    assert "a.apkg sha256=" in result.stdout


def test_check_reports_the_truncated_export(runner: CliRunner, course: Path) -> None:
    result = runner.invoke(main, ["check", "source_notes"])
    assert result.exit_code == 0
    assert (
        "khrushchev-east-west-relations.txt:3: warning: the export says it holds 70 cards but 40 were found"
        in result.stderr
    )
    assert "40 cards, 0 errors, 1 warnings" in result.stdout


def test_build_warns_about_the_truncated_export_too(runner: CliRunner, course: Path) -> None:
    result = runner.invoke(main, ["build"])
    assert "holds 70 cards but 40 were found" in result.stderr


def test_check_strict_fails_on_warnings(runner: CliRunner, course: Path) -> None:
    assert runner.invoke(main, ["check", "--strict"]).exit_code == 1


def test_check_passes_clean_notes(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "clean.txt").write_text("Deck\n  • Card\n    • body\n", encoding="utf-8")
    result = runner.invoke(main, ["check", "--strict", "clean.txt"])
    assert result.exit_code == 0, result.output


def test_version_and_help(runner: CliRunner) -> None:
    assert runner.invoke(main, ["--version"]).stdout.strip() == f"ankibuild, version {ankibuild.__version__}"
    help_text = runner.invoke(main, ["build", "--help"]).stdout
    assert "--output" in help_text and "sha256" in help_text


BAD_INPUTS = {
    "missing path": (None, "nowhere.txt: no such file or folder"),
    "empty file": (b"  \n\n", "empty.txt:1: the file is empty"),
    "no cards": (b"A title only\n", "no-cards.txt:1: no cards found"),
    "not UTF-8": (b"Deck\n  \xe2\x80\xa2 Card\n    \xe2\x80\xa2 caf\xe9\n", "latin.txt:3: the file is not UTF-8 text"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary.txt:1: this is a binary file, not notes"),
    "unknown extension": (b"Deck\n  \xe2\x80\xa2 Card\n", "notes.docx: ankibuild does not read '.docx' files"),
}
_FILES = {
    "missing path": "nowhere.txt",
    "empty file": "empty.txt",
    "no cards": "no-cards.txt",
    "not UTF-8": "latin.txt",
    "binary": "binary.txt",
    "unknown extension": "notes.docx",
}


@pytest.mark.parametrize("command", ["build", "check"])
@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_gets_a_clear_error(runner: CliRunner, tmp_path: Path, case: str, command: str) -> None:
    content, message = BAD_INPUTS[case]
    name = _FILES[case]
    if content is not None:
        (tmp_path / name).write_bytes(content)
    result = runner.invoke(main, [command, name])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {message}")
    assert "Traceback" not in result.output
    assert "; " in result.stderr  # every error says what to do
    assert not list(tmp_path.glob("dist/*"))


def test_an_unknown_file_in_a_notes_folder_is_reported_not_read(runner: CliRunner, course: Path) -> None:
    (course / "todo.docx").write_bytes(b"PK\x03\x04")
    result = runner.invoke(main, ["check", "source_notes"])
    assert "todo.docx:1: warning: skipped: ankibuild does not read '.docx' files" in result.stderr


def test_failed_build_leaves_the_earlier_deck_untouched(runner: CliRunner, course: Path, tmp_path: Path) -> None:
    assert runner.invoke(main, ["build", "-o", "deck.apkg"]).exit_code == 0
    before = (tmp_path / "deck.apkg").read_bytes()
    (course / "broken.txt").write_bytes(b"Deck\n  \xff card\n")
    result = runner.invoke(main, ["build", "-o", "deck.apkg"])
    assert result.exit_code == 1
    assert (tmp_path / "deck.apkg").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in {".apkg", ".tmp"}) == ["deck.apkg"]


def test_a_failure_while_packaging_leaves_no_partial_file(
    runner: CliRunner, course: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert runner.invoke(main, ["build", "-o", "deck.apkg"]).exit_code == 0
    before = (tmp_path / "deck.apkg").read_bytes()
    (course / COURSE.name).write_text("Changed\n  • A card\n", encoding="utf-8")

    def fail(*args: object) -> None:
        raise ankibuild.PackageError("disk full")

    monkeypatch.setattr("ankibuild.package._write_collection", fail)
    result = runner.invoke(main, ["build", "-o", "deck.apkg"])
    assert result.exit_code == 1 and "Error: disk full" in result.stderr
    assert (tmp_path / "deck.apkg").read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".deck")] == []


def _notes(tmp_path: Path) -> str:
    (tmp_path / "notes.txt").write_text("Deck\n  • Card\n    • body in 1956\n", encoding="utf-8")
    return "notes.txt"


UNWRITABLE = {
    "output under a file": (
        ["-o", "somefile.txt/deck.apkg"],
        "Error: somefile.txt/deck.apkg: 'somefile.txt' is a file, so it cannot hold the deck; "
        "choose an output path inside a folder",
    ),
    "output is a folder": (
        ["-o", "x.apkg"],
        "Error: x.apkg: this is a folder, so the deck cannot be written there; "
        f"choose another file name, or a file inside it such as {Path('x.apkg') / 'deck.apkg'}",
    ),
    "config is a folder": (
        ["--config", "settings"],
        "Error: settings: this is a folder, not a config file; give the path of a .toml file",
    ),
    "output name too long": (
        ["-o", f"{'n' * 300}.apkg"],
        f"Error: {'n' * 300}.apkg: cannot write the deck: {os.strerror(errno.ENAMETOOLONG)}; "
        "check the path and that you may write there",
    ),
}


@pytest.mark.parametrize("case", sorted(UNWRITABLE))
def test_a_path_that_cannot_be_used_gets_a_clear_error(runner: CliRunner, tmp_path: Path, case: str) -> None:
    options, message = UNWRITABLE[case]
    (tmp_path / "somefile.txt").write_text("not a folder\n", encoding="utf-8")
    (tmp_path / "x.apkg").mkdir()
    (tmp_path / "settings").mkdir()
    result = runner.invoke(main, ["build", _notes(tmp_path), *options])
    assert result.exit_code == 1, result.output
    assert result.stderr.strip() == message
    assert (tmp_path / "somefile.txt").read_text(encoding="utf-8") == "not a folder\n"
    assert list((tmp_path / "x.apkg").iterdir()) == []


def test_a_file_the_system_refuses_names_the_deck_not_a_temporary_file(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(tmp_path / ".deck.apkg.x1y2.tmp"))

    monkeypatch.setattr("tempfile.mkstemp", full)
    result = runner.invoke(main, ["build", _notes(tmp_path), "-o", "deck.apkg", "--no-lock"])
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"Error: deck.apkg: cannot write the deck: {os.strerror(errno.ENOSPC)}; "
        "check the path and that you may write there"
    )


def test_any_other_refused_file_is_reported_with_its_name(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), "notes.txt")

    monkeypatch.setattr("ankibuild.cli.build_deck", denied)
    result = runner.invoke(main, ["build", _notes(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"Error: notes.txt: {os.strerror(errno.EACCES)}; check the path and that you may write there"
    )


@pytest.mark.parametrize("options", [["--locked", "--no-lock"], ["--lock", "my.lock", "--no-lock"]], ids=" ".join)
def test_contradictory_lock_options_are_a_usage_error(runner: CliRunner, tmp_path: Path, options: list[str]) -> None:
    result = runner.invoke(main, ["build", _notes(tmp_path), *options])
    assert result.exit_code == 2
    assert "cannot be used together" in result.stderr
    assert not (tmp_path / "dist").exists()


def test_build_reports_cards_that_left_the_notes(runner: CliRunner, tmp_path: Path) -> None:
    notes = tmp_path / "source_notes"
    notes.mkdir()
    (notes / "n.txt").write_text("Deck\n  • Kept card\n    • body\n  • Gone card\n    • body\n", encoding="utf-8")
    assert runner.invoke(main, ["build"]).exit_code == 0
    (notes / "n.txt").write_text("Deck\n  • Kept card\n    • body\n", encoding="utf-8")
    result = runner.invoke(main, ["build"])
    assert result.exit_code == 0
    assert "1 notes are no longer in the notes; Anki keeps them" in result.stderr
    assert '  card "Gone card" (was n.txt:4)' in result.stderr


def test_a_lock_path_inside_a_file_is_a_clear_error(runner: CliRunner, course: Path, tmp_path: Path) -> None:
    (tmp_path / "plain.txt").write_text("x", encoding="utf-8")
    result = runner.invoke(main, ["build", "--lock", "plain.txt/ankibuild.lock", "-o", "d.apkg"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: plain.txt/ankibuild.lock: the lock file's folder is a file")
    assert not (tmp_path / "d.apkg").exists()
