"""Mistakes that make Markdown read notes differently from what they look like.

Each check yields its warnings as ``(line, message)``; the reader records them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from markdown_it.tree import SyntaxTreeNode

_BULLET_LIKE = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+\S")
_NO_SPACE_HEADING = re.compile(r"^(#{1,6})([^\s#].*)$")


def check_paragraph(inline: SyntaxTreeNode, line: int) -> Iterator[tuple[int, str]]:
    for offset, text in enumerate(inline.content.split("\n")):
        match = _NO_SPACE_HEADING.match(text)
        if match:
            hashes, rest = match.groups()
            yield (
                line + offset,
                f"'{text}' is not a heading because there is no space after '{hashes}'; write '{hashes} {rest}'",
            )


def check_indented_code(node: SyntaxTreeNode, first: int) -> Iterator[tuple[int, str]]:
    for offset, text in enumerate(node.content.split("\n")):
        if _BULLET_LIKE.match(text):
            yield (
                first + offset,
                f"'{text.strip()}' is indented by a tab or 4+ spaces, so Markdown reads it as code, "
                "not a bullet; indent a nested bullet by 2 spaces more than its parent",
            )
            return
