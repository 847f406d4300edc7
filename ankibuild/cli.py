"""The ``ankibuild`` command: parse options, call the library, print one summary line."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from . import __version__
from .config import Config, load_config
from .errors import AnkibuildError
from .lock import LockEntry
from .model import Diagnostic
from .pipeline import build as build_deck
from .pipeline import check as check_notes

F = TypeVar("F", bound=Callable[..., Any])


def _os_error(error: OSError) -> str:
    """A file the system refused, as ``file: reason; what to do``."""
    name = error.filename2 if error.filename2 is not None else error.filename
    where = f"{os.fsdecode(name)}: " if isinstance(name, (str, bytes, os.PathLike)) else ""
    return f"{where}{error.strerror or error}; check the path and that you may write there"


def _user_errors(command: F) -> F:
    """Our errors, and files the system refuses, are the user's to fix: ``Error: ...``, no traceback."""

    @wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except AnkibuildError as error:
            raise click.ClickException(str(error)) from None
        except OSError as error:
            raise click.ClickException(_os_error(error)) from None

    return run  # type: ignore[return-value]


def _report(diagnostics: Sequence[Diagnostic]) -> None:
    for diagnostic in diagnostics:
        click.echo(str(diagnostic), err=True)


def _report_removed(removed: Sequence[LockEntry], shown: int = 5) -> None:
    """Say which notes left the notes: Anki keeps them, and the user may want to delete them."""
    click.echo(
        f"{len(removed)} notes are no longer in the notes; Anki keeps them (ankibuild never deletes). "
        "To find them in Anki's browser, search for their text:",
        err=True,
    )
    for entry in removed[:shown]:
        what = f'card "{entry.key[2]}"' if entry.key[0] == "basic" else f'line "{entry.key[3]}"'
        click.echo(f"  {what} (was {entry.source})", err=True)
    if len(removed) > shown:
        click.echo(f"  and {len(removed) - shown} more", err=True)


def _config(path: Path | None) -> Config:
    return load_config(path)


_sources = click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
_config_option = click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path),
    help="Settings file (default: ankibuild.toml in this folder, if any).",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ankibuild")
def main() -> None:
    """Turn revision notes into Anki decks that import cleanly and update in place.

    SOURCES are notes files (.txt exports, .md) or folders of them; the default is source_notes/.
    """


@main.command()
@_sources
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="An .apkg file, or a folder for one named after the deck (default: dist/).",
)
@click.option("--lock", "lock_path", type=click.Path(path_type=Path), help="Lock file (default: in the notes folder).")
@click.option(
    "--no-lock",
    is_flag=True,
    help=(
        "Keep no lock file: every note gets SOURCE_DATE_EPOCH (or 2020-01-01) as its time, "
        "so a rebuilt deck does not update notes Anki already has."
    ),
)
@click.option("--locked", is_flag=True, help="Fail instead of changing the lock file (for CI).")
@_config_option
@_user_errors
def build(
    sources: tuple[Path, ...],
    output: Path | None,
    lock_path: Path | None,
    no_lock: bool,
    locked: bool,
    config_path: Path | None,
) -> None:
    """Build an .apkg deck from notes.

    Prints one line: cards, notes, the output path and its sha256.
    """
    if no_lock and (locked or lock_path is not None):
        other = "--locked" if locked else "--lock"
        raise click.UsageError(f"--no-lock and {other} cannot be used together; keep one of them")
    lock: Path | bool = False if no_lock else (lock_path or True)
    result = build_deck(sources or None, output, config=_config(config_path), lock=lock, locked=locked)
    _report(result.diagnostics)
    if result.removed:
        _report_removed(result.removed)
    click.echo(result.summary())


@main.command(short_help="Report problems in the notes, without building.")
@_sources
@click.option("--strict", is_flag=True, help="Exit with 1 on warnings too.")
@click.option("--unblanked", is_flag=True, help="List the lines that got no cloze blank (file:line).")
@_config_option
@_user_errors
def check(sources: tuple[Path, ...], strict: bool, unblanked: bool, config_path: Path | None) -> None:
    """Read the notes and report errors and warnings with file:line, without building.

    Also counts the lines that got nothing to blank: add glossary terms for those in ankibuild.toml.
    Exits with 1 on errors (with --strict, on warnings too).
    """
    result = check_notes(sources or None, config=_config(config_path))
    _report(result.diagnostics)
    if unblanked:
        for location in result.unblanked:
            click.echo(f"{location}: nothing to blank", err=True)
    warnings = sum(d.level == "warning" for d in result.diagnostics)
    errors = len(result.diagnostics) - warnings
    click.echo(
        f"{len(result.notes.files)} files, {result.notes.cards} cards, {errors} errors, {warnings} warnings, "
        f"{len(result.unblanked)} of {result.lines} lines with nothing to blank"
    )
    if errors or (strict and warnings):
        raise SystemExit(1)
