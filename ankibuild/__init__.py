"""ankibuild: revision notes in, reproducible Anki decks out."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .config import ClozeConfig, Config, load_config
from .errors import AnkibuildError, ClozeError, ConfigError, LockError, PackageError, SourceError
from .model import Blank, Bullet, Card, Diagnostic, Location, Note, NotesFile, Run
from .pipeline import BuildResult, CheckResult, Notes, build, check, read_notes
from .readers.markdown import read_markdown
from .readers.text_export import read_text_export

try:
    __version__ = version("ankibuild")
except PackageNotFoundError:  # pragma: no cover - running from a source tree that is not installed
    __version__ = "0+unknown"

__all__ = [
    "AnkibuildError",
    "Blank",
    "BuildResult",
    "Bullet",
    "Card",
    "CheckResult",
    "ClozeConfig",
    "ClozeError",
    "Config",
    "ConfigError",
    "Diagnostic",
    "Location",
    "LockError",
    "Note",
    "Notes",
    "NotesFile",
    "PackageError",
    "Run",
    "SourceError",
    "__version__",
    "build",
    "check",
    "load_config",
    "read_markdown",
    "read_notes",
    "read_text_export",
]
