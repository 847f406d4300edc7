"""Settings: ``ankibuild.toml`` in the project folder, every key optional.

Unknown keys are errors that suggest the closest known key, so a typo never passes silently.
"""

from __future__ import annotations

import difflib
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONFIG_FILE = "ankibuild.toml"
DETECTORS = ("dates", "names", "figures")


@dataclass(frozen=True)
class ClozeConfig:
    """The ``[cloze]`` table: which blanks the cloze builder makes."""

    enabled: bool = True
    glossary: tuple[str, ...] = ()
    never: tuple[str, ...] = ()
    detectors: tuple[str, ...] = DETECTORS
    hints: bool = False
    marked_terms: bool = False
    """Bold and highlighted terms in Markdown count as blanks the user marked."""


@dataclass(frozen=True)
class MarkdownConfig:
    """The ``[markdown]`` table: defaults that a file's front matter can override."""

    cards: str = "auto"
    """Which parts make cards: ``headings``, ``bullets`` or ``auto`` (both, sensibly)."""
    allow_html: bool = False
    """Pass raw HTML in the notes through to Anki instead of showing it as text."""
    heading_tags: bool = False
    """Tag each card with the headings above it (``heading::cardiac_cycle::heart_sounds``)."""


@dataclass(frozen=True)
class Config:
    """Everything a build can be told; the defaults build ``source_notes/`` into ``dist/``."""

    deck: str | None = None
    """The parent deck: each file's deck goes under it (``Deck::Folder::File title``)."""
    sources: tuple[str, ...] = ("source_notes",)
    output: str = "dist"
    lock: str | None = None
    """Where the lock file lives; by default ``ankibuild.lock`` in the first source folder."""
    folder_decks: bool = True
    """Folders under a source folder become subdecks."""
    decks: Mapping[str, str] = field(default_factory=dict)
    """Deck names for single files, by path relative to their source folder."""
    tags: tuple[str, ...] = ()
    cloze: ClozeConfig = ClozeConfig()
    markdown: MarkdownConfig = MarkdownConfig()
    path: Path | None = None
    """The file this came from, if any."""


_TOP_KEYS = {"deck", "sources", "output", "lock", "folder_decks", "decks", "tags", "cloze", "markdown"}
_CLOZE_KEYS = {"enabled", "glossary", "never", "detectors", "hints", "marked_terms"}
_MARKDOWN_KEYS = {"cards", "allow_html", "heading_tags"}
CARD_MODES = ("auto", "headings", "bullets")


def _check_keys(table: Mapping[str, Any], known: set[str], where: str, path: Path) -> None:
    for key in table:
        if key not in known:
            close = difflib.get_close_matches(key, sorted(known), n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"known keys: {', '.join(sorted(known))}"
            raise ConfigError(f"unknown setting '{where}{key}'", path, hint)


def _strings(value: Any, name: str, path: Path) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ConfigError(f"'{name}' must be a list of strings", path, f'write it as {name} = ["..."]')


def _typed(table: Mapping[str, Any], key: str, kind: type, default: Any, path: Path) -> Any:
    value = table.get(key, default)
    if value is not None and not isinstance(value, kind):
        raise ConfigError(f"'{key}' must be a {kind.__name__}", path, f"got {value!r}")
    return value


def _deck(name: str, where: str, path: Path) -> str:
    """A deck name: not empty, and no empty part between its ``::`` separators."""
    parts = [part.strip() for part in name.split("::")]
    if not "".join(parts):
        raise ConfigError(f"{where} is empty", path, "give the deck a name, or remove the setting")
    if not all(parts):
        fixed = "::".join(part for part in parts if part)
        raise ConfigError(f"{where} has an empty part between '::'", path, f"write it as '{fixed}'")
    return name


def _tags(value: Any, path: Path) -> tuple[str, ...]:
    tags = _strings(value, "tags", path)
    for tag in tags:
        if not tag.strip():
            raise ConfigError("'tags' holds an empty tag", path, "remove it")
        if any(char.isspace() for char in tag):
            fixed = "_".join(tag.split())
            raise ConfigError(
                f"the tag '{tag}' holds a space, which Anki tags cannot",
                path,
                f"write it as '{fixed}', or as separate tags",
            )
    return tags


def _sources(value: Any, path: Path) -> tuple[str, ...]:
    sources = _strings(value, "sources", path)
    if not sources or not all(source.strip() for source in sources):
        raise ConfigError(
            "'sources' is empty or holds an empty path",
            path,
            'list at least one notes folder, such as sources = ["source_notes"]',
        )
    return sources


def parse_config(data: Mapping[str, Any], path: Path) -> Config:
    """Validate the parsed TOML of a config file."""
    _check_keys(data, _TOP_KEYS, "", path)
    raw_cloze = _typed(data, "cloze", dict, {}, path)
    _check_keys(raw_cloze, _CLOZE_KEYS, "cloze.", path)
    detectors = _strings(raw_cloze.get("detectors", list(DETECTORS)), "cloze.detectors", path)
    for name in detectors:
        if name not in DETECTORS:
            raise ConfigError(f"unknown cloze detector '{name}'", path, f"use some of: {', '.join(DETECTORS)}")
    cloze = ClozeConfig(
        enabled=_typed(raw_cloze, "enabled", bool, True, path),
        glossary=_strings(raw_cloze.get("glossary", []), "cloze.glossary", path),
        never=_strings(raw_cloze.get("never", []), "cloze.never", path),
        detectors=detectors,
        hints=_typed(raw_cloze, "hints", bool, False, path),
        marked_terms=_typed(raw_cloze, "marked_terms", bool, False, path),
    )
    raw_markdown = _typed(data, "markdown", dict, {}, path)
    _check_keys(raw_markdown, _MARKDOWN_KEYS, "markdown.", path)
    markdown = MarkdownConfig(
        cards=_typed(raw_markdown, "cards", str, "auto", path),
        allow_html=_typed(raw_markdown, "allow_html", bool, False, path),
        heading_tags=_typed(raw_markdown, "heading_tags", bool, False, path),
    )
    if markdown.cards not in CARD_MODES:
        raise ConfigError(f"unknown markdown.cards '{markdown.cards}'", path, f"use one of: {', '.join(CARD_MODES)}")
    decks = _typed(data, "decks", dict, {}, path)
    if not all(isinstance(v, str) for v in decks.values()):
        raise ConfigError("'decks' maps file paths to deck names (strings)", path, 'write it as "file.txt" = "Deck"')
    for file, name in decks.items():
        _deck(name, f"the deck of '{file}' in [decks]", path)
    deck = _typed(data, "deck", str, None, path)
    return Config(
        deck=None if deck is None else _deck(deck, "'deck'", path),
        sources=_sources(data.get("sources", ["source_notes"]), path),
        output=_typed(data, "output", str, "dist", path),
        lock=_typed(data, "lock", str, None, path),
        folder_decks=_typed(data, "folder_decks", bool, True, path),
        decks=dict(decks),
        tags=_tags(data.get("tags", []), path),
        cloze=cloze,
        markdown=markdown,
        path=path,
    )


def load_config(path: Path | str | None = None) -> Config:
    """Read ``path``, or ``ankibuild.toml`` in the current folder if there is one, else defaults."""
    if path is None:
        candidate = Path(CONFIG_FILE)
        if not candidate.is_file():
            return Config()
        path = candidate
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError("config file not found", path, "check the path given with --config") from None
    except IsADirectoryError:
        raise ConfigError("this is a folder, not a config file", path, "give the path of a .toml file") from None
    except OSError as error:
        raise ConfigError(f"cannot read the config file: {error.strerror or error}", path, "check the path") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"not valid TOML: {error}", path, "fix the syntax of the config file") from None
    return parse_config(data, path)
