"""Blocks to bullets: paragraphs, lists, quotes, code, math, tables and HTML."""

from __future__ import annotations

import re
from html import escape

from markdown_it.tree import SyntaxTreeNode

from ...model import Bullet, Diagnostic, Location, Run
from . import _inline
from ._front_matter import Settings
from ._lint import check_indented_code, check_paragraph

LISTS = ("bullet_list", "ordered_list")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


class BlockReader:
    """Turns parsed blocks into bullets, collecting warnings as it goes."""

    def __init__(self, path: str, lines: list[str], settings: Settings) -> None:
        self.path = path
        self.lines = lines
        self.settings = settings
        self.diagnostics: list[Diagnostic] = []

    def warn(self, line: int, message: str) -> None:
        self.diagnostics.append(Diagnostic("warning", Location(self.path, line), message))

    def location(self, node: SyntaxTreeNode) -> Location:
        return Location(self.path, node.map[0] + 1 if node.map else 1)

    def runs(self, inline: SyntaxTreeNode) -> tuple[Run, ...]:
        return _inline.runs(inline, self.settings.allow_html)

    def bullets(self, node: SyntaxTreeNode) -> list[Bullet]:
        """The bullets a block holds: one for most blocks, one per item for a list."""
        where = self.location(node)
        kind = node.type
        if kind == "paragraph":
            for line, message in check_paragraph(node.children[0], where.line):
                self.warn(line, message)
            return [Bullet(self.runs(node.children[0]), where)]
        if kind == "heading":  # only inside a quote or a list item
            return [Bullet(self.runs(node.children[0]), where)]
        if kind in LISTS:
            return [bullet for item in node.children if (bullet := self.item(item, node)) is not None]
        if kind in ("blockquote", "list_item"):
            return [bullet for child in node.children for bullet in self.bullets(child)]
        run = self.block_run(node)
        return [Bullet((run,), where)] if run is not None else []

    def block_run(self, node: SyntaxTreeNode) -> Run | None:
        kind = node.type
        if kind in ("fence", "code_block"):
            if kind == "code_block":
                for line, message in check_indented_code(node, self.location(node).line):
                    self.warn(line, message)
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
        elif blocks and blocks[0].type not in LISTS:
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
