"""The one exception hierarchy of ankibuild.

Every error says what went wrong, where (``file:line`` when there is a line) and what to do, so
the command line can print it as it is.
"""

from __future__ import annotations

from os import PathLike

from .model import Location


class AnkibuildError(Exception):
    """Base of every error ankibuild raises for a problem the user can fix."""

    def __init__(self, message: str, location: Location | str | PathLike[str] | None = None, hint: str = "") -> None:
        self.message = message
        self.location = location
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location is not None else ""
        hint = f"; {self.hint}" if self.hint else ""
        return f"{where}{self.message}{hint}"


class SourceError(AnkibuildError):
    """The notes cannot be read: a missing path, a file that is not text, no cards."""


class ConfigError(AnkibuildError):
    """The configuration is wrong: an unknown key, a value of the wrong type."""


class ClozeError(AnkibuildError):
    """A cloze written in the notes is malformed."""


class PackageError(AnkibuildError):
    """The deck cannot be written."""


class LockError(AnkibuildError):
    """The lock file is unreadable, or would change under ``--locked``."""
