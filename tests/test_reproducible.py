"""The same notes give the same .apkg bytes: whatever the clock, folder, hash seed or file order."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import ankibuild

from .conftest import COURSE


def _build_in(cwd: Path, source: Path, output: Path, seed: str, *extra: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    env.pop("SOURCE_DATE_EPOCH", None)
    done = subprocess.run(
        [sys.executable, "-m", "ankibuild", "build", str(source), "-o", str(output), *extra],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip().rsplit("sha256=", 1)[1]


def test_two_builds_apart_in_time_and_folder_are_identical(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    shutil.copy(COURSE, notes / COURSE.name)
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    first = _build_in(tmp_path / "one", notes / COURSE.name, tmp_path / "a.apkg", "1")
    time.sleep(2.5)  # zip entry times have a two-second grain: a build that used the clock would differ
    second = _build_in(tmp_path / "two", notes / COURSE.name, tmp_path / "b.apkg", "2")
    assert first == second
    assert (tmp_path / "a.apkg").read_bytes() == (tmp_path / "b.apkg").read_bytes()


def test_builds_without_a_lock_ignore_the_clock(tmp_path: Path) -> None:
    first = _build_in(tmp_path, COURSE, tmp_path / "a.apkg", "3", "--no-lock")
    time.sleep(2.5)
    assert _build_in(tmp_path, COURSE, tmp_path / "b.apkg", "4", "--no-lock") == first


def test_file_listing_order_does_not_matter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Every file goes to one deck, so the order in which they are read could show in the deck.
    notes = tmp_path / "notes"
    for name in ("b-second.txt", "a-first.txt", "c-third.txt", "history/d-fourth.txt", "biology/e-fifth.txt"):
        (notes / name).parent.mkdir(parents=True, exist_ok=True)
        (notes / name).write_text(f"Cold War\n  • Card of {name}\n    • body\n", encoding="utf-8")
    config = ankibuild.Config(folder_decks=False)
    listed = ankibuild.build([notes], tmp_path / "listed.apkg", config=config, lock=False)

    # The same folder as a file system that lists it the other way round.
    walk = os.walk

    def reversed_walk(
        top: str | os.PathLike[str], *args: Any, **kwargs: Any
    ) -> Iterator[tuple[str, list[str], list[str]]]:
        for folder, folders, files in walk(top, *args, **kwargs):
            folders.reverse()  # in place: the walk goes on into the folders as the caller leaves them
            files.reverse()
            yield folder, folders, files

    monkeypatch.setattr(os, "walk", reversed_walk)
    reversed_listing = ankibuild.build([notes], tmp_path / "reversed.apkg", config=config, lock=False)
    assert listed.decks == reversed_listing.decks == ("Cold War",)
    assert listed.cards == reversed_listing.cards == 5
    assert (tmp_path / "listed.apkg").read_bytes() == (tmp_path / "reversed.apkg").read_bytes()


def test_source_date_epoch_sets_the_times_inside(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    result = ankibuild.build([COURSE], tmp_path / "a.apkg", lock=False)
    with zipfile.ZipFile(result.output) as archive:
        (tmp_path / "c.anki2").write_bytes(archive.read("collection.anki2"))
    with sqlite3.connect(tmp_path / "c.anki2") as db:
        assert {row[0] for row in db.execute("SELECT mod FROM notes")} == {1700000000}


def test_archive_is_normalised(tmp_path: Path) -> None:
    result = ankibuild.build([COURSE], tmp_path / "a.apkg", lock=False)
    with zipfile.ZipFile(result.output) as archive:
        infos = archive.infolist()
    assert [i.filename for i in infos] == sorted(i.filename for i in infos)
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert {i.compress_type for i in infos} == {zipfile.ZIP_DEFLATED}
    assert {i.external_attr >> 16 for i in infos} == {0o644}
    assert result.sha256 == hashlib.sha256(result.output.read_bytes()).hexdigest()
