"""Read Markdown notes into cards.

Cards come from two shapes, which can meet in one file:

* a heading with content under it: the title is the heading, the body its paragraphs, lists, code,
  math and tables; the headings above it become the card's context;
* a top-level bullet with lines nested under it: the title is the bullet, the body what is nested.

``cards`` (front matter or argument) picks which shape makes cards: ``headings``, ``bullets`` or
``auto``. With ``auto``, a list whose every item has nested lines makes one card per item, with the
heading above as context; any other list is part of the heading's card. Before the first heading,
only bullets with nested lines make cards.

Nothing the notes say is dropped without a word: text that lands on no card, and a few mistakes
that make Markdown read notes differently from what they look like, become warnings with the line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from html import escape
from typing import Literal, get_args
from urllib.parse import unquote

import yaml  # type: ignore[import-untyped,unused-ignore]
from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from ..errors import SourceError
from ..model import Bullet, Card, Diagnostic, Location, Mark, NotesFile, Run

CardsMode = Literal["auto", "headings", "bullets"]
"""Which parts of a Markdown file become cards."""

_MARKS: dict[str, Mark] = {"strong": "bold", "em": "italic", "s": "strike", "highlight": "highlight"}
_LISTS = ("bullet_list", "ordered_list")
_BULLET_LIKE = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+\S")
_NO_SPACE_HEADING = re.compile(r"^(#{1,6})([^\s#].*)$")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_BLOCK_NAMES = {
    "paragraph": "text",
    "bullet_list": "list",
    "ordered_list": "list",
    "list_item": "bullet",
    "fence": "code block",
    "code_block": "code block",
    "math_block": "math",
    "table": "table",
    "html_block": "HTML",
    "blockquote": "quote",
    "heading": "heading",
}


def read_markdown(text: str, path: str, *, cards: CardsMode = "auto", allow_html: bool = False) -> NotesFile:
    """Read the Markdown notes ``text`` of the file ``path`` into cards.

    ``cards`` and ``allow_html`` are defaults; the file's front matter overrides them. Raises
    ``SourceError`` for front matter that cannot be read and for a file that makes no card.
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    root = SyntaxTreeNode(_PARSER.parse(text))
    blocks = list(root.children)
    settings = _Settings(deck=None, tags=(), cards=cards, allow_html=allow_html)
    if blocks and blocks[0].type == "front_matter":
        settings = _read_front_matter(blocks.pop(0).content, path, settings)
    reader = _Reader(path, text.split("\n"), settings)
    if settings.unread:
        reader.warn(
            2,
            f"front matter holds no settings: \"{settings.unread}\"; write settings as 'key: value' lines, "
            "or start the file with something other than '---'",
        )
    found = reader.read(blocks)
    if not found:
        raise SourceError(
            "no cards in this file",
            Location(path, 1),
            "start a card with a '## Title' line, or with a bullet that has lines nested under it",
        )
    return NotesFile(
        path=path,
        title=settings.deck if settings.deck is not None else reader.document_title(),
        cards=tuple(replace(card, tags=settings.tags) for card in found),
        diagnostics=tuple(sorted(reader.diagnostics, key=lambda d: d.location.line)),
        options=settings.options,
    )


# --- Parsing ---------------------------------------------------------------------------------


def _highlight_rule(state: StateInline, silent: bool) -> bool:
    """``==text==``: a highlighted stretch, which may hold other inline markup."""
    src, start = state.src, state.pos
    if not src.startswith("==", start) or src.startswith("===", start):
        return False
    inner = start + 2
    if inner >= state.posMax or src[inner].isspace():
        return False
    end = src.find("==", inner + 1)
    while end != -1 and (src[end - 1].isspace() or src.startswith("===", end)):
        end = src.find("==", end + 1)
    if end == -1 or end + 2 > state.posMax:
        return False
    if not silent:
        state.push("highlight_open", "mark", 1).markup = "=="
        old_max, state.pos, state.posMax = state.posMax, inner, end
        state.md.inline.tokenize(state)
        state.posMax = old_max
        state.push("highlight_close", "mark", -1).markup = "=="
    state.pos = end + 2
    return True


def _make_parser() -> MarkdownIt:
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    md.use(front_matter_plugin)
    # Pandoc's rule keeps prices apart from math: no space inside the dollars, no digit after.
    md.use(
        dollarmath_plugin,
        allow_labels=False,
        allow_space=False,
        allow_digits=False,
        allow_blank_lines=False,
        double_inline=True,
    )
    md.inline.ruler.before("emphasis", "highlight", _highlight_rule)
    return md


_PARSER = _make_parser()


# --- Front matter ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Settings:
    deck: str | None
    tags: tuple[str, ...]
    cards: CardsMode
    allow_html: bool
    options: tuple[tuple[str, str], ...] = ()
    unread: str = ""
    """What front matter without settings holds, to warn about."""


def _read_front_matter(source: str, path: str, settings: _Settings) -> _Settings:
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
    return _Settings(
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


# --- Cards -----------------------------------------------------------------------------------


@dataclass
class _Section:
    """A heading (or the start of the file) and the blocks up to the next heading."""

    title: str
    runs: tuple[Run, ...]
    line: int
    level: int
    context: tuple[str, ...]
    ancestors: tuple[int, ...]
    blocks: list[SyntaxTreeNode] = field(default_factory=list)
    used: bool = False

    @property
    def is_heading(self) -> bool:
        return self.level > 0


class _Reader:
    """Turns parsed blocks into cards, collecting warnings as it goes."""

    def __init__(self, path: str, lines: list[str], settings: _Settings) -> None:
        self.path = path
        self.lines = lines
        self.settings = settings
        self.diagnostics: list[Diagnostic] = []
        self.sections: list[_Section] = []

    def warn(self, line: int, message: str) -> None:
        self.diagnostics.append(Diagnostic("warning", Location(self.path, line), message))

    def location(self, node: SyntaxTreeNode) -> Location:
        return Location(self.path, node.map[0] + 1 if node.map else 1)

    def read(self, blocks: list[SyntaxTreeNode]) -> list[Card]:
        self.sections = self.split(blocks)
        cards: list[Card] = []
        for index, section in enumerate(self.sections):
            made = self.section_cards(section)
            if made:
                for used in (index, *section.ancestors):
                    self.sections[used].used = True
            cards.extend(made)
        for section in self.sections:
            if section.is_heading and not section.used:
                what = "makes no card" if section.blocks else "has nothing under it"
                self.warn(section.line, f"heading '{section.title}' {what}; add lines under it or remove it")
        return cards

    def document_title(self) -> str | None:
        """The title of a lone top-level heading that opens the notes."""
        tops = [section for section in self.sections if section.level == 1]
        if len(tops) == 1 and len(self.sections) > 1 and self.sections[1] is tops[0]:
            return tops[0].title
        return None

    def split(self, blocks: list[SyntaxTreeNode]) -> list[_Section]:
        sections = [_Section("", (), 1, 0, (), ())]
        open_: list[int] = []
        for node in blocks:
            if node.type != "heading":
                sections[-1].blocks.append(node)
                continue
            runs = self.runs(node.children[0])
            title = _plain_title(runs)
            if not title:
                self.warn(
                    self.location(node).line, f"empty heading '{node.markup}'; write a title after it or remove it"
                )
                continue
            level = int(node.tag[1:])
            while open_ and sections[open_[-1]].level >= level:
                open_.pop()
            context = tuple(sections[index].title for index in open_)
            sections.append(_Section(title, runs, self.location(node).line, level, context, tuple(open_)))
            open_.append(len(sections) - 1)
        return sections

    def section_cards(self, section: _Section) -> list[Card]:
        context = (*section.context, section.title) if section.is_heading else ()
        mode = self.settings.cards
        body: list[Bullet] = []
        cards: list[Card] = []
        for node in section.blocks:
            if node.type in _LISTS and mode != "headings":
                every_item_a_card = mode == "bullets" or all(map(_has_nested_lines, node.children))
                if every_item_a_card or not section.is_heading:
                    cards.extend(self.list_cards(node, context))
                    continue
            if section.is_heading and mode != "bullets":
                body.extend(self.bullets(node))
            else:
                self.unused(node)
        if body:
            cards.insert(0, self.card(section.title, section.runs, section.line, tuple(body), section.context))
        return cards

    def list_cards(self, node: SyntaxTreeNode, context: tuple[str, ...]) -> list[Card]:
        cards: list[Card] = []
        for item in node.children:
            bullet = self.item(item, node)
            if bullet is None:
                continue
            titled = bool(item.children) and item.children[0].type in ("paragraph", "heading")
            if titled and (self.settings.cards == "bullets" or _has_nested_lines(item)):
                line = bullet.location.line
                title = _plain_title(bullet.runs)
                cards.append(self.card(title, bullet.runs, line, bullet.children, context))
            else:
                self.unused(item, bullet)
        return cards

    def card(
        self, title: str, runs: tuple[Run, ...], line: int, body: tuple[Bullet, ...], context: tuple[str, ...]
    ) -> Card:
        rich = any(run.kind != "text" or run.marks for run in runs)
        return Card(title, Location(self.path, line), body, context, runs if rich else None)

    def unused(self, node: SyntaxTreeNode, bullet: Bullet | None = None) -> None:
        """Warn that a block is on no card, quoting what it says."""
        bullets = [bullet] if bullet is not None else self.bullets(node)
        quoted = " / ".join(line.text for top in bullets for line in top.walk())
        quoted = " / ".join(part.strip() for part in quoted.split("\n") if part.strip())
        if not quoted:
            return
        what = _BLOCK_NAMES.get(node.type, "text")
        if self.settings.cards == "bullets":
            where = "is on no card ('cards: bullets' makes cards from bullets only)"
            fix = "make it a bullet, or set 'cards: auto'"
        else:
            where, fix = "before the first heading is on no card", "add a '## Title' line above it"
            if what == "bullet" and self.settings.cards == "auto":
                fix += ", or nest lines under it to make it a card"
        self.warn(self.location(node).line, f'{what} {where}: "{quoted}"; {fix}')

    # --- Blocks to bullets ---------------------------------------------------------------------

    def bullets(self, node: SyntaxTreeNode) -> list[Bullet]:
        """The bullets a block holds: one for most blocks, one per item for a list."""
        where = self.location(node)
        kind = node.type
        if kind == "paragraph":
            self.check_paragraph(node.children[0], where.line)
            return [Bullet(self.runs(node.children[0]), where)]
        if kind == "heading":  # only inside a quote or a list item
            return [Bullet(self.runs(node.children[0]), where)]
        if kind in _LISTS:
            return [bullet for item in node.children if (bullet := self.item(item, node)) is not None]
        if kind in ("blockquote", "list_item"):
            return [bullet for child in node.children for bullet in self.bullets(child)]
        run = self.block_run(node)
        return [Bullet((run,), where)] if run is not None else []

    def block_run(self, node: SyntaxTreeNode) -> Run | None:
        kind = node.type
        if kind in ("fence", "code_block"):
            if kind == "code_block":
                self.check_indented_code(node)
            lang = node.info.split()[0] if node.info.strip() else None
            return Run(node.content.removesuffix("\n"), "code_block", lang=lang)
        if kind == "math_block":
            return Run(node.content.strip(), "display_math")
        if kind == "table":
            return Run(self.table_html(node, self.location(node).line), "html")
        if kind == "html_block":
            return self.html_run(node.content, self.location(node).line)
        return None  # a horizontal rule: a separator with nothing to show

    def item(self, node: SyntaxTreeNode, parent: SyntaxTreeNode) -> Bullet | None:
        """A list item as a bullet: its first paragraph, with everything under it as children."""
        where = self.location(node)
        marker = f"{node.info}{node.markup}" if parent.type == "ordered_list" else node.markup
        blocks = list(node.children)
        runs: tuple[Run, ...] = ()
        if blocks and blocks[0].type in ("paragraph", "heading"):
            first = blocks.pop(0).children[0]
            runs = self.runs(first)
            if node.children[0].type == "heading" or first.content.startswith("#"):
                source = self.lines[where.line - 1].strip()
                self.warn(
                    where.line,
                    f"bullet '{source}' looks like a heading; remove the '{node.markup}' to make it a "
                    "card title, or the '#'s to keep it a bullet",
                )
        elif blocks and blocks[0].type not in _LISTS:
            run = self.block_run(blocks.pop(0))
            runs = (run,) if run is not None else ()
        children = tuple(bullet for block in blocks for bullet in self.bullets(block))
        if not runs and not children:
            return None
        return Bullet(runs, where, marker, children)

    def html_run(self, source: str, line: int) -> Run | None:
        shown = _COMMENT.sub("", source)
        if "<!--" in shown:
            self.warn(line, "HTML comment '<!--' is never closed, so it hides the notes after it; close it with '-->'")
            shown = shown.split("<!--")[0]
        shown = shown.strip()
        if not shown:
            return None
        return Run(shown, "html" if self.settings.allow_html else "text")

    def table_html(self, node: SyntaxTreeNode, line: int) -> str:
        """The table as HTML, its cells' text escaped and their math kept for MathJax."""
        parts: list[str] = []
        for part in node.children:
            rows = "".join(
                "<tr>" + "".join(self.cell_html(cell, line) for cell in row.children) + "</tr>" for row in part.children
            )
            parts.append(f"<{part.tag}>{rows}</{part.tag}>")
        return f"<table>{''.join(parts)}</table>"

    def cell_html(self, cell: SyntaxTreeNode, line: int) -> str:
        style = cell.attrs.get("style")
        attrs = f' style="{escape(str(style))}"' if style else ""
        runs = self.runs(cell.children[0]) if cell.children else ()
        for run in runs:
            if run.kind == "image":
                self.warn(line, f"image '{run.src}' in a table shows only its alt text; put it below the table")
        return f"<{cell.tag}{attrs}>{''.join(_run_html(run) for run in runs)}</{cell.tag}>"

    # --- Inline content ------------------------------------------------------------------------

    def runs(self, inline: SyntaxTreeNode) -> tuple[Run, ...]:
        merged: list[Run] = []
        for run in self.inline_runs(inline, frozenset(), None):
            if merged and _same_style(merged[-1], run):
                merged[-1] = replace(merged[-1], text=merged[-1].text + run.text)
            elif run.text or run.kind != "text":
                merged.append(run)
        return tuple(merged)

    def inline_runs(self, node: SyntaxTreeNode, marks: frozenset[Mark], href: str | None) -> Iterator[Run]:
        for child in node.children:
            kind = child.type
            if kind == "text":
                yield Run(child.content, marks=marks, href=href)
            elif kind in _MARKS:
                yield from self.inline_runs(child, marks | {_MARKS[kind]}, href)
            elif kind == "link":
                yield from self.inline_runs(child, marks | {"link"}, str(child.attrs["href"]))
            elif kind == "softbreak":
                yield Run(" ", marks=marks, href=href)
            elif kind == "hardbreak":
                yield Run("<br>", "html")
            elif kind == "code_inline":
                yield Run(child.content, "code", marks, href)
            elif kind == "math_inline":
                yield Run(child.content, "math", marks, href)
            elif kind == "math_inline_double":
                yield Run(child.content, "display_math", marks, href)
            elif kind == "image":
                src = unquote(str(child.attrs["src"]))
                yield Run(_plain_text(child), "image", marks, href, src=src)
            elif kind == "html_inline":
                if not child.content.startswith("<!--"):
                    yield Run(child.content, "html" if self.settings.allow_html else "text", marks, href)
            else:  # markup no rule above knows: keep its text
                yield Run(_plain_text(child), marks=marks, href=href)

    # --- Lint ------------------------------------------------------------------------------------

    def check_paragraph(self, inline: SyntaxTreeNode, line: int) -> None:
        for offset, text in enumerate(inline.content.split("\n")):
            match = _NO_SPACE_HEADING.match(text)
            if match:
                hashes, rest = match.groups()
                self.warn(
                    line + offset,
                    f"'{text}' is not a heading because there is no space after '{hashes}'; write '{hashes} {rest}'",
                )

    def check_indented_code(self, node: SyntaxTreeNode) -> None:
        first = self.location(node).line
        for offset, text in enumerate(node.content.split("\n")):
            if _BULLET_LIKE.match(text):
                self.warn(
                    first + offset,
                    f"'{text.strip()}' is indented by a tab or 4+ spaces, so Markdown reads it as code, "
                    "not a bullet; indent a nested bullet by 2 spaces more than its parent",
                )
                return


def _has_nested_lines(item: SyntaxTreeNode) -> bool:
    """Whether a list item has a title line with something nested under it."""
    blocks = item.children
    return len(blocks) > 1 and blocks[0].type in ("paragraph", "heading")


def _same_style(first: Run, second: Run) -> bool:
    """Whether two runs of text can be one run."""
    return first.kind == second.kind == "text" and (first.marks, first.href) == (second.marks, second.href)


def _plain_text(node: SyntaxTreeNode) -> str:
    if node.type == "softbreak":
        return " "
    if node.children:
        return "".join(_plain_text(child) for child in node.children)
    return node.content


def _plain_title(runs: tuple[Run, ...]) -> str:
    """A title as plain text; a picture without alt text is named by its file."""
    title = " ".join("".join(run.text for run in runs if run.kind != "html").split())
    return title or " ".join(run.src for run in runs if run.src)


def _run_html(run: Run) -> str:
    """A run inside a table cell, as HTML."""
    if run.kind == "html":
        return run.text
    if run.kind == "math":
        return escape(f"\\({run.text}\\)", quote=False)
    if run.kind == "display_math":
        return escape(f"\\[{run.text}\\]", quote=False)
    html = escape(run.text, quote=False)
    if run.kind in ("code", "code_block"):
        html = f"<code>{html}</code>"
    for mark, tag in (("bold", "b"), ("italic", "i"), ("strike", "s"), ("highlight", "mark")):
        if mark in run.marks:
            html = f"<{tag}>{html}</{tag}>"
    if run.href is not None:
        html = f'<a href="{escape(run.href)}">{html}</a>'
    return html
