"""Syntax highlighting for code blocks on cards.

``highlight`` turns source code into HTML whose spans carry a few short classes (``ab-k`` for
keywords, ``ab-s`` for strings, ...). ``CODE_CSS`` colours those classes for Anki's light mode and,
under the ``nightMode`` class Anki puts on a card's body, for its dark mode. The output depends only
on the code and the language, so a rebuilt deck is byte-identical.
"""

from __future__ import annotations

from html import escape

from pygments import lex  # type: ignore[import-untyped,unused-ignore]
from pygments.lexer import Lexer  # type: ignore[import-untyped,unused-ignore]
from pygments.lexers import get_lexer_by_name  # type: ignore[import-untyped,unused-ignore]
from pygments.token import (  # type: ignore[import-untyped,unused-ignore]
    Comment,
    Keyword,
    Name,
    Number,
    Operator,
    String,
    _TokenType,
)
from pygments.util import ClassNotFound  # type: ignore[import-untyped,unused-ignore]

_CLASSES: tuple[tuple[_TokenType, str], ...] = (
    (Comment, "c"),
    (String, "s"),
    (Number, "m"),
    (Keyword, "k"),
    (Operator.Word, "k"),
    (Name.Builtin, "b"),
    (Name.Function, "f"),
    (Name.Class, "f"),
    (Name.Decorator, "f"),
)
"""Which token types get a colour, most specific first. Everything else is plain text."""

CODE_CSS = """\
.ab-code { text-align: left; margin: .5em 0; padding: .6em .8em; border-radius: 6px;
  overflow-x: auto; background: #f5f5f0; color: #1f2328; font-size: .9em; line-height: 1.45; }
.ab-code code { background: none; padding: 0; white-space: pre;
  font-family: ui-monospace, "Cascadia Mono", Menlo, Consolas, monospace; }
.ab-code .ab-c { color: #5f6b76; font-style: italic; }
.ab-code .ab-k { color: #a3154a; font-weight: 600; }
.ab-code .ab-s { color: #1d6a2e; }
.ab-code .ab-m { color: #0b56a8; }
.ab-code .ab-b { color: #8a4600; }
.ab-code .ab-f { color: #6a32b8; }
.nightMode .ab-code { background: #1e2227; color: #e3e6ea; }
.nightMode .ab-code .ab-c { color: #9aa5b1; }
.nightMode .ab-code .ab-k { color: #ff8fb1; }
.nightMode .ab-code .ab-s { color: #8fd79c; }
.nightMode .ab-code .ab-m { color: #8cc4ff; }
.nightMode .ab-code .ab-b { color: #f5b66e; }
.nightMode .ab-code .ab-f { color: #cfaaff; }
"""
"""Styles for ``highlight`` output, readable in Anki's light and dark (``.nightMode``) modes."""


def highlight(code: str, lang: str | None) -> str:
    """Return ``code`` as an HTML ``<pre class="ab-code">`` block, coloured when ``lang`` is known.

    An unknown or missing language gives the same block with the code only HTML-escaped.
    """
    code = code.rstrip("\n")
    lexer = _lexer(lang)
    inner = escape(code, quote=False) if lexer is None else "".join(_spans(code, lexer))
    return f'<pre class="ab-code"><code>{inner}</code></pre>'


def _lexer(lang: str | None) -> Lexer | None:
    if not lang:
        return None
    try:
        lexer: Lexer = get_lexer_by_name(lang.strip().lower(), stripnl=False, ensurenl=False)
    except ClassNotFound:
        return None
    return lexer


def _spans(code: str, lexer: Lexer) -> list[str]:
    """The code as HTML, one span per stretch of tokens that share a colour."""
    pieces: list[tuple[str, str]] = []
    for token_type, value in lex(code, lexer):
        name = _class_of(token_type)
        if pieces and pieces[-1][0] == name:
            pieces[-1] = (name, pieces[-1][1] + value)
        else:
            pieces.append((name, value))
    return [
        f'<span class="ab-{name}">{escape(value, quote=False)}</span>' if name else escape(value, quote=False)
        for name, value in pieces
    ]


def _class_of(token_type: _TokenType) -> str:
    for parent, name in _CLASSES:
        if token_type in parent:  # type: ignore[comparison-overlap]  # pygments: "is a subtype of"
            return name
    return ""
