"""Cards: blocks grouped into sections under their headings, and the cards each section makes."""

from __future__ import annotations

from dataclasses import dataclass, field

from markdown_it.tree import SyntaxTreeNode

from ...model import Bullet, Card, Location, Run
from ._blocks import LISTS, BlockReader
from ._front_matter import Settings
from ._inline import plain_title

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


class Reader(BlockReader):
    """Turns parsed blocks into cards, collecting warnings as it goes."""

    def __init__(self, path: str, lines: list[str], settings: Settings) -> None:
        super().__init__(path, lines, settings)
        self.sections: list[_Section] = []

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
            title = plain_title(runs)
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
            if node.type in LISTS and mode != "headings":
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
                title = plain_title(bullet.runs)
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


def _has_nested_lines(item: SyntaxTreeNode) -> bool:
    """Whether a list item has a title line with something nested under it."""
    blocks = item.children
    return len(blocks) > 1 and blocks[0].type in ("paragraph", "heading")
