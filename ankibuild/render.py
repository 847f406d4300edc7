"""Fields: cards and their blanks become the HTML of Anki notes.

Everything the user wrote is HTML-escaped here, so ``<b>`` in the notes shows as text. Cloze fields
also escape ``{``, ``}`` and, inside a deletion, ``:``: Anki reads cloze markup from the field's raw
text, so only the markers written here can ever be taken for one.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from itertools import pairwise

from .model import Blank, Bullet, Card, Location, Mark, Note, Run

_MARK_TAGS: tuple[tuple[Mark, str], ...] = (
    ("link", "a"),
    ("bold", "b"),
    ("italic", "i"),
    ("strike", "s"),
    ("highlight", "mark"),
)
BREADCRUMB_SEPARATOR = " › "


def _escape(text: str, cloze: bool, in_blank: bool) -> str:
    out = html.escape(text, quote=False)
    if cloze:
        out = out.replace("{", "&#123;").replace("}", "&#125;")
        if in_blank:
            out = out.replace(":", "&#58;")
    return out


def _media_name(src: str, media: Mapping[str, str]) -> str:
    return media.get(src, src)


def _render_run(run: Run, text: str, media: Mapping[str, str], cloze: bool, in_blank: bool) -> str:
    """One run (or the part of it inside or outside a blank) as HTML."""
    if run.kind == "math":
        return f"\\({html.escape(text, quote=False)}\\)"
    if run.kind == "display_math":
        return f"\\[{html.escape(text, quote=False)}\\]"
    if run.kind == "code":
        return f"<code>{_escape(text, cloze, in_blank)}</code>"
    if run.kind == "code_block":
        from .highlight import highlight

        block = highlight(text, run.lang)
        return block.replace("{", "&#123;").replace("}", "&#125;") if cloze else block
    if run.kind == "image":
        name = html.escape(_media_name(run.src or "", media), quote=True)
        return f'<img src="{name}" alt="{html.escape(text, quote=True)}">'
    if run.kind == "html":
        return text
    out = _escape(text, cloze, in_blank)
    for mark, tag in reversed(_MARK_TAGS):
        if mark in run.marks:
            attrs = f' href="{html.escape(run.href or "", quote=True)}"' if tag == "a" else ""
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


def _media_of(runs: Sequence[Run], media: Mapping[str, str]) -> set[str]:
    return {_media_name(run.src or "", media) for run in runs if run.kind == "image"}


def basic_note(card: Card, deck: str, occurrence: int, media: Mapping[str, str], tags: Sequence[str]) -> Note:
    """The Basic note of a card: title in front, body behind, its place in the notes beside.

    The key is the card's file, title and which occurrence of that title it is, never its body, so
    editing a bullet updates the note instead of adding another.
    """
    used = _media_of(card.title_content(), media)
    for bullet in card.bullets():
        used |= _media_of(bullet.runs, media)
    fields = (
        render_runs(card.title_content(), media=media),
        render_body(card.body, media),
        breadcrumb(card.context),
        html.escape(str(card.location), quote=False),
    )
    key = ("basic", card.location.file, card.title, str(occurrence))
    return Note("basic", deck, key, fields, card.location, tuple(tags), tuple(sorted(used)))


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
    fields = (
        render_runs(runs, blanks, media, cloze=True),
        breadcrumb(context),
        html.escape(str(location), quote=False),
    )
    key = ("cloze", card.location.file, card.title, text)
    return Note("cloze", deck, key, fields, location, tuple(tags), tuple(sorted(_media_of(runs, media))))
