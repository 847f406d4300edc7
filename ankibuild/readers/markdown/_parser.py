"""The markdown-it parser for notes: CommonMark with tables, strikethrough, front matter, math and
``==highlight==``."""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.front_matter import front_matter_plugin


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


PARSER = _make_parser()
