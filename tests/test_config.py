"""Settings in ankibuild.toml, tried on a whole mini-project built through the command line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from anki.collection import Collection
from click.testing import CliRunner

from ankibuild.cli import main

from .conftest import import_deck

PROJECT = Path(__file__).resolve().parent / "projects" / "configured"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(PROJECT, tmp_path / "project")
    monkeypatch.chdir(tmp_path / "project")
    return tmp_path / "project"


def _build(project: Path) -> Path:
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    return project / result.stdout.split(" -> ")[1].split(" sha256=")[0]


def test_configured_course(project: Path, collection: Collection) -> None:
    output = _build(project)
    assert output.name == "modern-history.apkg"
    import_deck(collection, output)
    names = {d.name for d in collection.decks.all_names_and_ids()}
    assert {"Summits", "Modern History::History::Berlin"} <= names

    texts = {collection.get_note(n)["Text"] for n in collection.find_notes('"note:ankibuild Cloze"')}
    summit = next(t for t in texts if "Bulganin" in t)
    assert "Eisenhower" in summit and "::Eisenhower" not in summit  # never blanked
    assert any("{{c1::thaw}}" in t for t in texts)  # from the glossary

    [wall] = collection.find_notes('"Front:The Wall"')
    note = collection.get_note(wall)
    assert "<abbr>GDR</abbr>" in note["Back"]  # raw HTML allowed by config
    assert set(note.tags) == {"year-12", "source::history::berlin"}


def test_an_unknown_setting_suggests_the_closest(project: Path) -> None:
    (project / "ankibuild.toml").write_text('dek = "Typo"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 1
    assert result.stderr.strip() == "Error: ankibuild.toml: unknown setting 'dek'; did you mean 'deck'?"


def test_an_unknown_cloze_setting_is_an_error(project: Path) -> None:
    (project / "ankibuild.toml").write_text("[cloze]\nglosary = []\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    assert "unknown setting 'cloze.glosary'; did you mean 'glossary'?" in result.stderr


def test_broken_toml_is_an_error_not_a_traceback(project: Path) -> None:
    (project / "ankibuild.toml").write_text("deck = \n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 1 and result.stderr.startswith("Error: ankibuild.toml: not valid TOML")


def test_clozes_can_be_turned_off(project: Path, collection: Collection) -> None:
    (project / "ankibuild.toml").write_text("[cloze]\nenabled = false\n", encoding="utf-8")
    import_deck(collection, _build(project))
    assert collection.find_notes('"note:ankibuild Cloze"') == []
    assert len(collection.find_notes('"note:ankibuild Basic"')) == 2


def test_raw_html_is_escaped_by_default(project: Path, collection: Collection) -> None:
    (project / "ankibuild.toml").unlink()
    import_deck(collection, _build(project))
    [wall] = collection.find_notes('"Front:The Wall"')
    assert "&lt;abbr&gt;GDR&lt;/abbr&gt;" in collection.get_note(wall)["Back"]


BAD_SETTINGS = {
    "no sources": (
        "sources = []\n",
        "'sources' is empty or holds an empty path; "
        'list at least one notes folder, such as sources = ["source_notes"]',
    ),
    "a tag with a space": (
        'tags = ["year-12", "a level"]\n',
        "the tag 'a level' holds a space, which Anki tags cannot; write it as 'a_level', or as separate tags",
    ),
    "an empty tag": ('tags = [""]\n', "'tags' holds an empty tag; remove it"),
    "an empty deck": ('deck = ""\n', "'deck' is empty; give the deck a name, or remove the setting"),
    "an empty part in the deck": (
        'deck = "Modern::::History"\n',
        "'deck' has an empty part between '::'; write it as 'Modern::History'",
    ),
    "an empty deck for a file": (
        '[decks]\n"summits.txt" = " "\n',
        "the deck of 'summits.txt' in [decks] is empty; give the deck a name, or remove the setting",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_SETTINGS))
@pytest.mark.parametrize("command", ["build", "check"])
def test_a_setting_that_cannot_work_is_an_error(project: Path, command: str, case: str) -> None:
    settings, message = BAD_SETTINGS[case]
    (project / "ankibuild.toml").write_text(settings, encoding="utf-8")
    result = CliRunner().invoke(main, [command])
    assert result.exit_code == 1, result.output
    assert result.stderr.strip() == f"Error: ankibuild.toml: {message}"
    assert not (project / "dist").exists()


def test_a_config_path_that_is_a_folder_is_an_error(project: Path) -> None:
    result = CliRunner().invoke(main, ["check", "--config", "source_notes"])
    assert result.exit_code == 1
    assert (
        result.stderr.strip()
        == "Error: source_notes: this is a folder, not a config file; give the path of a .toml file"
    )
