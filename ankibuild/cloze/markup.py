"""Anki's cloze markup: reading the blanks a user wrote, and writing blanks out.

Anki reads ``{{c1::answer}}`` and ``{{c1::answer::hint}}``; the answer ends at the first ``::``
and the deletion at the first ``}}``, which is how these functions read it too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..errors import ClozeError
from ..model import Blank

_OPEN = re.compile(r"\{\{c(\d+)::")
# Something meant as a cloze but not written as Anki reads it: "{{c1:x}}", "{{C1::x}}", "{{c::x}}"
_NEAR_MISS = re.compile(r"\{\{\s*[cC]\s*\d*\s*:")

_FIX = "write a cloze as {{c1::answer}} or {{c1::answer::hint}}"


def extract_user_blanks(text: str) -> tuple[str, tuple[Blank, ...]]:
    """Remove the cloze markers a user wrote; return the plain line and the user's blanks.

    Raises ``ClozeError`` for markup that Anki would not read as intended (an unclosed or nested
    deletion, a misspelt opener, an empty answer, a number below 1).
    """
    if "{{" not in text:
        return text, ()
    plain: list[str] = []
    blanks: list[Blank] = []
    length = pos = 0
    while True:
        opener = _OPEN.search(text, pos)
        _check_between(text, pos, opener.start() if opener else len(text))
        if opener is None:
            break
        answer, hint, close = _read_deletion(text, opener)
        before = text[pos : opener.start()]
        plain.append(before)
        length += len(before)
        blanks.append(Blank(length, length + len(answer), "user", int(opener.group(1)), hint))
        plain.append(answer)
        length += len(answer)
        pos = close
    plain.append(text[pos:])
    return "".join(plain), tuple(blanks)


def _check_between(text: str, start: int, end: int) -> None:
    miss = _NEAR_MISS.search(text, start, end)
    if miss is not None:
        raise ClozeError(f"malformed cloze {text[miss.start() : miss.start() + 12]!r}", hint=_FIX)


def _read_deletion(text: str, opener: re.Match[str]) -> tuple[str, str | None, int]:
    """The answer, hint and end offset of the deletion that ``opener`` starts."""
    shown = text[opener.start() : opener.start() + 20]
    close = text.find("}}", opener.end())
    if close < 0:
        raise ClozeError(f"unclosed cloze {shown!r}", hint=f"close it with '}}}}'; {_FIX}")
    inner = text[opener.end() : close]
    if "{{" in inner:
        raise ClozeError(f"nested cloze in {shown!r}", hint="put one deletion after the other")
    number = int(opener.group(1))
    if number < 1:
        raise ClozeError(f"cloze number 0 in {shown!r}", hint="number clozes from c1")
    answer, sep, hint = inner.partition("::")
    if not answer.strip():
        raise ClozeError(f"empty cloze {shown!r}", hint="put the hidden text after 'c1::'")
    return answer, (hint if sep else None), close + 2


def cloze_text(text: str, blanks: Sequence[Blank]) -> str:
    """``text`` with each blank written as Anki cloze markup (``{{c1::...}}``, with any hint).

    Plain text only, for tests and previews: the renderer escapes HTML itself. Raises
    ``ValueError`` for blanks that overlap, lie outside the text or have no number.
    """
    out: list[str] = []
    pos = 0
    for blank in sorted(blanks):
        if blank.start < pos or blank.end > len(text) or blank.start >= blank.end:
            raise ValueError(f"blank {blank} overlaps another or lies outside the text")
        if blank.number < 1:
            raise ValueError(f"blank {blank} has no cloze number; plan the blanks first")
        hint = f"::{blank.hint}" if blank.hint else ""
        out.append(f"{text[pos : blank.start]}{{{{c{blank.number}::{text[blank.start : blank.end]}{hint}}}}}")
        pos = blank.end
    out.append(text[pos:])
    return "".join(out)
