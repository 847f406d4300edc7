"""What the Markdown reader does for any notes: every line of text lands on a card or in a warning.

Notes are generated from words made of letters that never spell a word of a warning, so finding a
line's words in a card or a warning means the line was kept, not that a message happened to say
the same thing.
"""

from __future__ import annotations

import re

from hypothesis import event, given, settings
from hypothesis import strategies as st

from ankibuild.errors import SourceError
from ankibuild.model import NotesFile
from ankibuild.readers.markdown import read_markdown

LETTERS = "bdfgjkqvwxz"
WORD = re.compile(rf"\b[{LETTERS}]+\b")

words = st.text(alphabet=LETTERS, min_size=2, max_size=6)
styled_word = st.builds(
    lambda word, style: style.format(word),
    words,
    st.sampled_from(["{}", "{}", "{}", "**{}**", "*{}*", "`{}`", "${}$", "=={}==", "~~{}~~"]),
)
line = st.lists(styled_word, min_size=1, max_size=4).map(" ".join)


@st.composite
def bullet_list(draw: st.DrawFn, depth: int = 0) -> str:
    marker = draw(st.sampled_from(["-", "*", "+", "1."]))
    items: list[str] = []
    for _ in range(draw(st.integers(1, 3))):
        item = f"{marker} {draw(line)}"
        if depth < 2 and draw(st.booleans()):
            nested = draw(bullet_list(depth + 1))
            item += "\n" + "\n".join(" " * (len(marker) + 1) + part for part in nested.split("\n"))
        items.append(item)
    return "\n".join(items)


def lines_of(*parts: st.SearchStrategy[str], prefix: str = "", suffix: str = "") -> st.SearchStrategy[str]:
    return st.tuples(*parts).map(lambda drawn: prefix + "\n".join(drawn) + suffix)


heading = st.builds(lambda level, text: "#" * level + " " + text, st.integers(1, 4), line)
block = st.one_of(
    heading,
    heading,
    st.lists(line, min_size=1, max_size=3).map("\n".join),
    bullet_list(),
    bullet_list(),
    st.builds(lambda text, under: f"{text}\n{under}", line, st.sampled_from(["---", "==="])),
    st.lists(words, min_size=1, max_size=3).map(lambda code: "```\n" + "\n".join(code) + "\n```"),
    st.builds(lambda text: f"$$\n{text}\n$$", words),
    st.builds(lambda a, b, c, d: f"| {a} | {b} |\n|---|---|\n| {c} | {d} |", words, words, words, words),
    st.builds(lambda text: f"> {text}", line),
    st.builds(lambda text: f"###{text}", words),
    st.builds(lambda text: f"    - {text}", line),
    st.builds(lambda text: f"\t- {text}", line),
    st.sampled_from(["***", "___", "##"]),
)


@st.composite
def notes(draw: st.DrawFn) -> str:
    mode = draw(st.sampled_from([None, "auto", "headings", "bullets"]))
    head = f"---\ndeck: generated\ncards: {mode}\n---\n" if mode else ""
    parts = draw(st.lists(block, min_size=1, max_size=10))
    if draw(st.booleans()):  # a card every way of reading makes, so that most notes have one
        card = f"## {draw(line)}\n\n- {draw(line)}\n  - {draw(line)}"
        parts.insert(draw(st.integers(0, len(parts))), card)
    gaps = draw(st.lists(st.sampled_from(["\n\n", "\n\n", "\n"]), min_size=len(parts), max_size=len(parts)))
    return head + "".join(part + gap for part, gap in zip(parts, gaps, strict=True))


def word_lines(text: str) -> list[str]:
    return [" ".join(found) for found in (WORD.findall(raw) for raw in text.split("\n")) if found]


def kept_texts(result: NotesFile) -> list[str]:
    texts: list[str] = []
    for card in result.cards:
        texts.append(card.title)
        texts.extend(card.context)
        texts.extend(bullet.text for bullet in card.bullets())
    texts.extend(diagnostic.message for diagnostic in result.diagnostics)
    without_tags = (re.sub(r"<[^>]*>", " ", text) for text in texts)
    return [" " + " ".join(WORD.findall(text)) + " " for text in without_tags]


@settings(max_examples=300, deadline=None)
@given(notes())
def test_every_line_lands_on_a_card_or_in_a_warning(text: str) -> None:
    try:
        result = read_markdown(text, "generated.md")
    except SourceError as error:
        assert error.message == "no cards in this file"
        event("no cards")
        return
    kept = kept_texts(result)
    body = text.split("---\n", 2)[2] if text.startswith("---\n") else text
    for words_of_line in word_lines(body):
        assert any(f" {words_of_line} " in found for found in kept), words_of_line


@settings(max_examples=100, deadline=None)
@given(notes())
def test_reading_twice_gives_the_same_cards(text: str) -> None:
    try:
        first = read_markdown(text, "generated.md")
    except SourceError:
        return
    assert read_markdown(text, "generated.md") == first
    assert read_markdown(text.replace("\n", "\r\n"), "generated.md") == first


SOUP_PIECES = (
    *("\n", "\n\n", "# ", "## ", "- ", "  - ", "1. ", "    ", "\t", "> ", "```", "---", "***", "[a]: b"),
    *("**", "*", "_", "~~", "==", "$", "$$", "`", "<!--", "-->", "<b>", "![x](y.png)", "![](z.png)"),
    "| a | b |\n|---|---|\n",
)
markdown_soup = st.lists(st.one_of(st.text(max_size=12), st.sampled_from(SOUP_PIECES)), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(markdown_soup)
def test_any_text_gives_cards_or_a_source_error(text: str) -> None:
    try:
        result = read_markdown(text, "soup.md")
    except SourceError as error:
        assert error.location is not None
        return
    assert result.cards
    for card in result.cards:
        assert card.title.strip() == card.title and card.title
