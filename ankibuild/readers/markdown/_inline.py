"""Inline content as runs: text with its marks and link, code, math, images and inline HTML."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from urllib.parse import unquote

from markdown_it.tree import SyntaxTreeNode

from ...model import Mark, Run

_MARKS: dict[str, Mark] = {"strong": "bold", "em": "italic", "s": "strike", "highlight": "highlight"}


def runs(inline: SyntaxTreeNode, allow_html: bool) -> tuple[Run, ...]:
    """The runs of an inline node, neighbours of the same style merged into one."""
    merged: list[Run] = []
    for run in _inline_runs(inline, frozenset(), None, allow_html):
        if merged and _same_style(merged[-1], run):
            merged[-1] = replace(merged[-1], text=merged[-1].text + run.text)
        elif run.text or run.kind != "text":
            merged.append(run)
    return tuple(merged)


def _inline_runs(node: SyntaxTreeNode, marks: frozenset[Mark], href: str | None, allow_html: bool) -> Iterator[Run]:
    for child in node.children:
        kind = child.type
        if kind == "text":
            yield Run(child.content, marks=marks, href=href)
        elif kind in _MARKS:
            yield from _inline_runs(child, marks | {_MARKS[kind]}, href, allow_html)
        elif kind == "link":
            yield from _inline_runs(child, marks | {"link"}, str(child.attrs["href"]), allow_html)
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
                yield Run(child.content, "html" if allow_html else "text", marks, href)
        else:  # markup no rule above knows: keep its text
            yield Run(_plain_text(child), marks=marks, href=href)


def _same_style(first: Run, second: Run) -> bool:
    """Whether two runs of text can be one run."""
    return first.kind == second.kind == "text" and (first.marks, first.href) == (second.marks, second.href)


def _plain_text(node: SyntaxTreeNode) -> str:
    if node.type == "softbreak":
        return " "
    if node.children:
        return "".join(_plain_text(child) for child in node.children)
    return node.content


def plain_title(runs: tuple[Run, ...]) -> str:
    """A title as plain text; a picture without alt text is named by its file."""
    title = " ".join("".join(run.text for run in runs if run.kind != "html").split())
    return title or " ".join(run.src for run in runs if run.src)
