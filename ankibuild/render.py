"""Fields: cards and their blanks become the HTML of Anki notes.

Everything the user wrote is HTML-escaped here, so ``<b>`` in the notes shows as text. Cloze fields
also escape ``{`` and ``}`` everywhere (text, TeX, code, markup, attribute values) and ``:`` inside
a deletion and in attribute values: Anki reads cloze markup from the field's raw text, so only the
markers written here can ever be taken for one. The browser (and MathJax, which reads what the
browser decoded) still sees the characters as written.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from itertools import pairwise

from .highlight import highlight
from .model import Blank, Bullet, Card, Location, Mark, Note, Run

_MARK_TAGS: tuple[tuple[Mark, str], ...] = (
    ("link", "a"),
    ("bold", "b"),
    ("italic", "i"),
    ("strike", "s"),
    ("highlight", "mark"),
)
BREADCRUMB_SEPARATOR = " › "


# In markup: a tag (captured, so that splitting at tags keeps them), and in a tag an attribute value.
_TAG = re.compile(r"(<[^<>]*>)")
_ATTRIBUTE_VALUE = re.compile(r"""(=\s*)("[^"]*"|'[^']*'|[^\s"'=<>`]+)""")


def _no_braces(text: str) -> str:
    return text.replace("{", "&#123;").replace("}", "&#125;")


def _escape(text: str, cloze: bool, in_blank: bool) -> str:
    out = html.escape(text, quote=False)
    if cloze:
        out = _no_braces(out)
        if in_blank:
            out = out.replace(":", "&#58;")
    return out


def _attribute(value: str, cloze: bool) -> str:
    """An attribute value, quoted for HTML and, in a cloze field, with nothing Anki reads as cloze."""
    out = html.escape(value, quote=True)
    return _no_braces(out).replace(":", "&#58;") if cloze else out


def _cloze_safe_markup(markup: str, in_blank: bool) -> str:
    """Markup made elsewhere (a table, highlighted code, allowed raw HTML) made safe in a cloze field.

    Attribute values lose their ``:``; inside a deletion, so does the text between tags. A ``::``
    left in a tag's or attribute's name (which no valid HTML has) is broken up too.
    """
    out: list[str] = []
    for i, piece in enumerate(_TAG.split(_no_braces(markup))):
        if i % 2:  # a tag
            piece = _ATTRIBUTE_VALUE.sub(lambda m: m.group(1) + m.group(2).replace(":", "&#58;"), piece)
        elif in_blank:
            piece = piece.replace(":", "&#58;")
        out.append(piece)
    joined = "".join(out)
    return joined.replace("::", ":&#58;") if in_blank else joined


def _markup(markup: str, cloze: bool, in_blank: bool) -> str:
    return _cloze_safe_markup(markup, in_blank) if cloze else markup


def _media_name(src: str, media: Mapping[str, str]) -> str:
    return media.get(src, src)


def _render_run(run: Run, text: str, media: Mapping[str, str], cloze: bool, in_blank: bool) -> str:
    """One run (or the part of it inside or outside a blank) as HTML."""
    if run.kind == "math":
        return f"\\({_escape(text, cloze, in_blank)}\\)"
    if run.kind == "display_math":
        return f"\\[{_escape(text, cloze, in_blank)}\\]"
    if run.kind == "code":
        return f"<code>{_escape(text, cloze, in_blank)}</code>"
    if run.kind == "code_block":
        return _markup(highlight(text, run.lang), cloze, in_blank)
    if run.kind == "image":
        name = _attribute(_media_name(run.src or "", media), cloze)
        return f'<img src="{name}" alt="{_attribute(text, cloze)}">'
    if run.kind == "html":
        return _markup(text, cloze, in_blank)
    out = _escape(text, cloze, in_blank)
    for mark, tag in reversed(_MARK_TAGS):
        if mark in run.marks:
            attrs = f' href="{_attribute(run.href or "", cloze)}"' if tag == "a" else ""
            out = f"<{tag}{attrs}>{out}</{tag}>"
    return out


def protected_ranges(runs: Sequence[Run]) -> tuple[tuple[int, int], ...]:
    """Offsets in the line's text that a blank must not touch: math, code, images, markup."""
    out: list[tuple[int, int]] = []
    offset = 0
    for run in runs:
        end = offset + len(run.text)
        if run.kind != "text":
            out.append((offset, end))
        offset = end
    return tuple(out)


def render_runs(
    runs: Sequence[Run],
    blanks: Sequence[Blank] = (),
    media: Mapping[str, str] | None = None,
    *,
    cloze: bool = False,
) -> str:
    """HTML for a line's runs, with ``{{cN::...}}`` around each blank (offsets in the line's text)."""
    media = media or {}
    cuts = sorted({b.start for b in blanks} | {b.end for b in blanks})
    starts = {b.start: b for b in blanks}
    ends = {b.end for b in blanks}
    parts: list[str] = []
    offset = 0
    in_blank: Blank | None = None
    for run in runs:
        end = offset + len(run.text)
        inner = [c for c in cuts if offset < c < end] if run.kind == "text" else []
        points = [offset, *inner, end]
        for a, b in pairwise(points):
            if in_blank is not None and a in ends:
                parts.append(_close(in_blank))
                in_blank = None
            if a in starts and in_blank is None:
                in_blank = starts[a]
                parts.append(f"{{{{c{in_blank.number}::")
            piece = run.text[a - offset : b - offset]
            if piece or run.kind != "text":
                parts.append(_render_run(run, piece, media, cloze, in_blank is not None))
        offset = end
    if in_blank is not None:
        parts.append(_close(in_blank))
    return "".join(parts)


def _close(blank: Blank) -> str:
    hint = f"::{_escape(blank.hint, True, True)}" if blank.hint else ""
    return f"{hint}}}}}"


def render_body(bullets: Sequence[Bullet], media: Mapping[str, str] | None = None) -> str:
    """A card's body as a nested HTML list; lines without a bullet are list items without a dot."""
    if not bullets:
        return ""
    items = []
    for bullet in bullets:
        css = "" if bullet.marker is not None else ' class="ab-plain"'
        inner = render_runs(bullet.runs, media=media) + render_body(bullet.children, media)
        items.append(f"<li{css}>{inner}</li>")
    return f"<ul>{''.join(items)}</ul>"


def breadcrumb(parts: Sequence[str]) -> str:
    return html.escape(BREADCRUMB_SEPARATOR.join(parts), quote=False)


def _fields(*fields: str) -> tuple[str, ...]:
    """Fields as Anki stores them: joined by U+001F, so that character cannot be inside one."""
    return tuple(field.replace("\x1f", " ") for field in fields)


def basic_note(card: Card, deck: str, occurrence: int, media: Mapping[str, str], tags: Sequence[str]) -> Note:
    """The Basic note of a card: title in front, body behind, its place in the notes beside.

    The key is the card's file, title and which occurrence of that title it is, never its body, so
    editing a bullet updates the note instead of adding another.
    """
    fields = _fields(
        render_runs(card.title_content(), media=media),
        render_body(card.body, media),
        breadcrumb(card.context),
        html.escape(str(card.location), quote=False),
    )
    key = ("basic", card.location.file, card.title, str(occurrence))
    return Note("basic", deck, key, fields, card.location, tuple(tags))


def cloze_note(
    card: Card,
    runs: Sequence[Run],
    location: Location,
    blanks: Sequence[Blank],
    context: Sequence[str],
    deck: str,
    media: Mapping[str, str],
    tags: Sequence[str],
) -> Note:
    """A cloze note for one line of a card, with the card's title (and the lines above) as context.

    One note per line keeps each line's clozes, and so its review history, apart from the rest: an
    edit to one bullet, or a bullet inserted above it, leaves every other note as it was.
    """
    text = "".join(run.text for run in runs)
    fields = _fields(
        render_runs(runs, blanks, media, cloze=True),
        breadcrumb(context),
        html.escape(str(location), quote=False),
    )
    key = ("cloze", card.location.file, card.title, text)
    return Note("cloze", deck, key, fields, location, tuple(tags))
