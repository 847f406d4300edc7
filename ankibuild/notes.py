"""Cards become notes: a Basic note per card, and a cloze note per line that has something to blank."""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace

from . import cloze as _cloze
from .config import ClozeConfig, Config
from .errors import ClozeError
from .model import Blank, Bullet, Card, Location, Note, NotesFile, Run
from .render import basic_note, cloze_note, protected_ranges


def source_tag(path: str) -> str:
    """The tag naming a notes file: ``source::history::cold-war`` for ``history/cold-war.txt``."""
    stem = path.rsplit(".", 1)[0] if "." in path.rsplit("/", 1)[-1] else path
    return "source::" + "::".join(re.sub(r"\s+", "_", part) for part in stem.split("/"))


def heading_tag(context: Sequence[str]) -> str:
    """The tag naming a card's place under its headings: ``heading::cardiac_cycle::heart_sounds``."""
    parts = (re.sub(r"[^\w-]+", "_", part.casefold()).strip("_") or "_" for part in context)
    return "heading::" + "::".join(parts)


def _lines(card: Card) -> Iterator[tuple[Bullet, tuple[str, ...]]]:
    """Every body line with the lines above it that give it context (its parents)."""

    def walk(bullets: Sequence[Bullet], parents: tuple[str, ...]) -> Iterator[tuple[Bullet, tuple[str, ...]]]:
        for bullet in bullets:
            yield bullet, parents
            yield from walk(bullet.children, (*parents, bullet.text))

    yield from walk(card.body, ())


def _marked_blanks(runs: Sequence[Run]) -> tuple[Blank, ...]:
    """Bold and highlighted text runs, taken as blanks the user marked."""
    out: list[Blank] = []
    offset = 0
    for run in runs:
        end = offset + len(run.text)
        if run.kind == "text" and run.marks & {"bold", "highlight"} and run.text.strip():
            out.append(Blank(offset, end, "user"))
        offset = end
    return tuple(out)


_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)[^<>]*>")
_INLINE_TAGS = frozenset("b i em strong sub sup span u mark code small".split())


def _learnt_text(bullet: Bullet) -> str:
    """A line as the cloze builder learns from it: a table's words and marks without its tags,
    whose brackets next to a cell's number ("<td>0</td>") would read as thresholds. A cell is a
    word apart; inline markup joins what it marks ("H<sub>2</sub>O")."""
    if all(run.kind != "html" for run in bullet.runs):
        return bullet.text
    return "".join(_plain(run.text) if run.kind == "html" else run.text for run in bullet.runs)


def _plain(markup: str) -> str:
    text = _TAG.sub(lambda tag: "" if tag.group(2).lower() in _INLINE_TAGS else " ", markup)
    return html.unescape(text)  # "&gt; 6.5" in a cell is a threshold


class _ClozeStage:
    """The cloze builder with what it knows of the whole course."""

    def __init__(self, files: Sequence[NotesFile], settings: ClozeConfig) -> None:
        texts = [card.title for f in files for card in f.cards]
        texts += [_learnt_text(bullet) for f in files for card in f.cards for bullet in card.bullets()]
        self.lexicon = _cloze.Lexicon.from_texts(texts)
        self.settings = _cloze.ClozeSettings(
            glossary=settings.glossary,
            never=settings.never,
            detectors=frozenset(settings.detectors),  # type: ignore[arg-type]
            hints=settings.hints,
        )
        self.marked_terms = settings.marked_terms

    def plan(
        self, runs: Sequence[Run], context: Sequence[str], location: Location
    ) -> tuple[tuple[Run, ...], tuple[Blank, ...]]:
        """The line's runs without the cloze markers the user wrote, and the blanks its note gets."""
        runs, user = _user_blanks(runs, location)
        text = "".join(run.text for run in runs)
        if self.marked_terms:
            user += _number_marked(_marked_blanks(runs), user, text)
        blanks = _cloze.plan_blanks(
            text,
            context=context,
            lexicon=self.lexicon,
            settings=self.settings,
            protected=protected_ranges(runs),
            user_blanks=user,
        )
        return runs, blanks


def _number_marked(marked: Sequence[Blank], written: Sequence[Blank], text: str) -> tuple[Blank, ...]:
    """Number the marked terms after the blanks written out, one number per distinct term."""
    numbers: dict[str, int] = {}
    next_number = max((b.number for b in written), default=0)
    out = []
    for blank in marked:
        if any(b.start < blank.end and blank.start < b.end for b in written):
            continue  # a blank written out inside bold text wins
        term = text[blank.start : blank.end].casefold()
        if term not in numbers:
            next_number += 1
            numbers[term] = next_number
        out.append(replace(blank, number=numbers[term]))
    return tuple(out)


_OPENER = re.compile(r"\{\{c\d+::")
_OBJECT = "\ufffc"  # stands in for math, code and images while looking for written clozes


def _user_blanks(runs: Sequence[Run], location: Location) -> tuple[tuple[Run, ...], tuple[Blank, ...]]:
    """Take out the ``{{c1::...}}`` blanks written in the notes.

    They are read over the whole line, so a written cloze may wrap formatted text, math or code;
    the markers themselves must be plain text.
    """
    masked = "".join(run.text if run.kind == "text" else _OBJECT * len(run.text) for run in runs)
    if "{{" not in masked:
        return tuple(runs), ()
    try:
        plain, blanks = _cloze.extract_user_blanks(masked)
    except ClozeError as error:
        raise ClozeError(error.message, location, error.hint) from None
    if plain == masked:
        return tuple(runs), blanks
    removed = _marker_positions(masked, blanks)
    out: list[Run] = []
    offset = 0
    for run in runs:
        end = offset + len(run.text)
        kept = "".join(ch for i, ch in enumerate(run.text, offset) if i not in removed)
        if run.kind != "text" and kept != run.text:
            raise ClozeError(
                "a written cloze's hint holds math, code or an image",
                location,
                "write the hint as plain text: {{c1::answer::hint}}",
            )
        out.append(replace(run, text=kept))
        offset = end
    return tuple(run for run in out if run.text or run.kind != "text"), blanks


def _marker_positions(text: str, blanks: Sequence[Blank]) -> set[int]:
    """Offsets in ``text`` of the cloze markers (``{{c1::``, ``::hint``, ``}}``) around ``blanks``."""
    removed: set[int] = set()
    source = plain = 0
    for blank in sorted(blanks):
        source += blank.start - plain  # text before the blank is kept as it is
        opener = _OPENER.match(text, source)
        assert opener is not None  # the blanks came from reading these very markers
        removed.update(range(source, opener.end()))
        source = opener.end() + (blank.end - blank.start)
        closer = source + (len(blank.hint) + 2 if blank.hint is not None else 0) + 2
        removed.update(range(source, closer))
        source, plain = closer, blank.end
    return removed


def _terms(text: str, blanks: Sequence[Blank]) -> tuple[tuple[str, int], ...]:
    """The detected terms of a line with their cloze numbers (blanks written by hand excluded)."""
    terms = {" ".join(text[b.start : b.end].casefold().split()): b.number for b in blanks if b.kind != "user"}
    return tuple(sorted(terms.items()))


def make_notes(
    files: Sequence[NotesFile], decks: Mapping[str, str], media: Mapping[str, str], config: Config
) -> list[Note]:
    """Every note of the build, in the order of the notes; keys are unique."""
    stages = _stages(files, decks, config)
    notes: list[Note] = []
    for notes_file in files:
        deck = decks[notes_file.path]
        stage = stages.get(notes_file.path)
        prefix = f"{notes_file.path}\x1f"
        file_media = {key[len(prefix) :]: name for key, name in media.items() if key.startswith(prefix)}
        titles: Counter[str] = Counter()
        for card in notes_file.cards:
            tags = (*config.tags, source_tag(notes_file.path), *card.tags)
            if config.markdown.heading_tags and card.context:
                tags += (heading_tag(card.context),)
            notes.append(basic_note(card, deck, titles[card.title], file_media, tags))
            titles[card.title] += 1
            if stage is None:
                continue
            for line_runs, location, context in cloze_lines(card):
                runs, blanks = stage.plan(line_runs, context, location)
                if blanks:
                    note = cloze_note(card, runs, location, blanks, context, deck, file_media, tags)
                    text = "".join(run.text for run in runs)
                    notes.append(replace(note, clozes=_terms(text, blanks)))
    return _unique_keys(notes)


def cloze_lines(card: Card) -> list[tuple[tuple[Run, ...], Location, tuple[str, ...]]]:
    """The lines of a card that may get a cloze note, each with what the card shows beside it."""
    if not card.body:  # a one-line card (a timeline entry): its title is the fact to learn
        return [(card.title_content(), card.location, card.context)]
    return [(b.runs, b.location, (*card.context, card.title, *parents)) for b, parents in _lines(card)]


def _stages(files: Sequence[NotesFile], decks: Mapping[str, str], config: Config) -> dict[str, _ClozeStage]:
    """The cloze builder of each file, knowing the course the file belongs to.

    A course is the files under one top-level deck: what one course writes with a capital says
    nothing about another (a biology "CO" must not make a history "co" a term).
    """
    if not config.cloze.enabled:
        return {}
    courses: dict[str, list[NotesFile]] = {}
    for notes_file in files:
        courses.setdefault(decks[notes_file.path].split("::")[0], []).append(notes_file)
    stages = {}
    for course in courses.values():
        stage = _ClozeStage(course, config.cloze)
        stages.update({notes_file.path: stage for notes_file in course})
    return stages


def unblanked_lines(
    files: Sequence[NotesFile], decks: Mapping[str, str], config: Config
) -> tuple[int, tuple[Location, ...]]:
    """How many lines could get a cloze note, and where those are that got nothing to blank."""
    stages = _stages(files, decks, config)
    if not stages:
        return 0, ()
    lines = [(f.path, line) for f in files for card in f.cards for line in cloze_lines(card)]
    return len(lines), tuple(
        location for path, (runs, location, context) in lines if not stages[path].plan(runs, context, location)[1]
    )


def _unique_keys(notes: list[Note]) -> list[Note]:
    """Number repeated keys (the same line twice under one title) so every note has its own."""
    seen: Counter[tuple[str, ...]] = Counter()
    out = []
    for note in notes:
        n = seen[note.key]
        seen[note.key] += 1
        out.append(note if n == 0 else replace(note, key=(*note.key, str(n))))
    return out
