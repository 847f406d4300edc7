"""The reader's settings: defaults from the caller, overridden by the file's front matter."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal, get_args

import yaml  # type: ignore[import-untyped,unused-ignore]

from ...errors import SourceError
from ...model import Location

CardsMode = Literal["auto", "headings", "bullets"]
"""Which parts of a Markdown file become cards."""


@dataclass(frozen=True)
class Settings:
    deck: str | None
    tags: tuple[str, ...]
    cards: CardsMode
    allow_html: bool
    options: tuple[tuple[str, str], ...] = ()
    unread: str = ""
    """What front matter without settings holds, to warn about."""


def read_front_matter(source: str, path: str, settings: Settings) -> Settings:
    try:
        data = yaml.safe_load(source)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(error, "problem", None) or "not valid YAML"
        raise SourceError(
            f"front matter cannot be read: {problem}",
            Location(path, line),
            "write one 'key: value' per line between the '---' lines",
        ) from None
    where = Location(path, 1)
    if data is None:
        # Only comments: perhaps a horizontal rule was meant, with notes up to the next one.
        unread = " / ".join(line.strip() for line in source.split("\n") if line.strip())
        return replace(settings, unread=unread)
    if not isinstance(data, dict):
        raise SourceError("front matter is not a list of settings", where, "write 'key: value' lines")
    values = {str(key): value for key, value in data.items()}
    deck, tags = values.pop("deck", None), values.pop("tags", None)
    cards = values.get("cards", settings.cards)
    if cards not in get_args(CardsMode):
        choices = ", ".join(get_args(CardsMode))
        raise SourceError(f"unknown 'cards: {cards}' in front matter", where, f"use one of {choices}")
    allow_html = values.get("allow_html", settings.allow_html)
    if not isinstance(allow_html, bool):
        raise SourceError("'allow_html' in front matter is not true or false", where, "write true or false")
    return Settings(
        deck=None if deck is None else str(deck).strip(),
        tags=_tags(tags, where),
        cards=cards,
        allow_html=allow_html,
        options=tuple(sorted((key, _option_text(key, value, where)) for key, value in values.items())),
    )


def _tags(value: object, where: Location) -> tuple[str, ...]:
    """Front matter tags: a list, or one string of tags split at spaces and commas."""
    if value is None:
        return ()
    if isinstance(value, (list, tuple)):
        return tuple("_".join(str(tag).split()) for tag in value if str(tag).strip())
    if isinstance(value, (str, int, float)):
        return tuple(tag for tag in re.split(r"[\s,]+", str(value)) if tag)
    raise SourceError("'tags' in front matter is not a list", where, "write 'tags: [one, two]'")


def _option_text(key: str, value: object, where: Location) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(_option_text(key, item, where) for item in value)
    if isinstance(value, dict):
        raise SourceError(f"'{key}' in front matter holds settings of its own", where, "give it one value")
    return str(value)
