"""The Markdown course in source_notes/, built and imported into a real Anki collection."""

from __future__ import annotations

import html
import re
from pathlib import Path

from anki.collection import Collection

import ankibuild
from ankibuild import read_markdown

from .conftest import ROOT, import_deck, import_problems, visible_text

COURSE = ROOT / "source_notes" / "cardiac-physiology.md"
IMAGE = ROOT / "source_notes" / "images" / "ecg-trace.png"
MATH = re.compile(r"\\\((.*?)\\\)|\\\[(.*?)\\\]", re.S)


def _build(tmp_path: Path, cloze: bool) -> ankibuild.BuildResult:
    config = ankibuild.Config(cloze=ankibuild.ClozeConfig(enabled=cloze))
    return ankibuild.build([COURSE], tmp_path / "out", config=config, lock=False)


def _course_tex() -> set[str]:
    """Every piece of TeX the course holds, inline, displayed or inside a table."""
    course = read_markdown(COURSE.read_text(encoding="utf-8"), COURSE.name)
    tex = set()
    for card in course.cards:
        for bullet in card.bullets():
            for run in bullet.runs:
                if run.kind in ("math", "display_math"):
                    tex.add(run.text)
                elif run.kind == "html":
                    tex.update(a or b for a, b in MATH.findall(html.unescape(run.text)))
    return tex


def _rendered(col: Collection) -> list[tuple[str, str]]:
    return [(card.question(), card.answer()) for card in (col.get_card(cid) for cid in col.find_cards(""))]


def test_course_imports_with_its_image_and_tags(tmp_path: Path, collection: Collection) -> None:
    result = _build(tmp_path, cloze=False)
    assert import_problems(import_deck(collection, result.output)) == {}
    course = read_markdown(COURSE.read_text(encoding="utf-8"), COURSE.name)
    assert course.diagnostics == ()
    notes = [collection.get_note(nid) for nid in collection.find_notes("")]
    assert len(notes) == len(course.cards) == 24
    assert {name.name for name in collection.decks.all_names_and_ids()} == {"Cardiac physiology", "Default"}
    assert all({"biology", "cardiac"} <= set(note.tags) for note in notes)

    media = Path(collection.media.dir())
    [image] = [path for path in media.iterdir() if path.name.endswith("ecg-trace.png")]
    assert image.read_bytes() == IMAGE.read_bytes()
    check = collection.media.check()
    assert (list(check.missing), list(check.unused)) == ([], [])
    showing = [answer for _, answer in _rendered(collection) if f'src="{image.name}"' in answer]
    assert len(showing) == 1
    assert 'alt="ECG trace showing two beats' in showing[0]


def test_questions_are_titles_with_their_headings(tmp_path: Path, collection: Collection) -> None:
    import_deck(collection, _build(tmp_path, cloze=False).output)
    questions = [visible_text(question) for question, _ in _rendered(collection)]
    course = read_markdown(COURSE.read_text(encoding="utf-8"), COURSE.name)
    assert len(questions) == len(course.cards)
    for card in course.cards:
        # The headings above the title come first, in order, however they are set apart.
        words = [*card.context, card.title]
        pattern = ".*".join(re.escape(word) for word in words)
        assert any(re.fullmatch(pattern, question) for question in questions), words


def test_math_reaches_anki_intact(tmp_path: Path, collection: Collection) -> None:
    import_deck(collection, _build(tmp_path, cloze=False).output)
    expected = _course_tex()
    assert {r"CO = HR \times SV", "SV = EDV - ESV", "Ca^{2+}", r"EF = \frac{SV}{EDV} \times 100\%"} <= expected
    shown: set[str] = set()
    for question, answer in _rendered(collection):
        for side in (question, answer):
            side = html.unescape(side)
            assert side.count(r"\(") == side.count(r"\)") and side.count(r"\[") == side.count(r"\]")
        shown.update(a or b for a, b in MATH.findall(html.unescape(answer)))
    assert shown == expected


def test_clozes_leave_math_and_images_alone(tmp_path: Path, collection: Collection) -> None:
    result = _build(tmp_path, cloze=True)
    assert import_problems(import_deck(collection, result.output)) == {}
    expected = _course_tex()
    seen: set[str] = set()
    for question, answer in _rendered(collection):
        for side in (question, answer):
            found = {a or b for a, b in MATH.findall(html.unescape(side))}
            assert found <= expected, found - expected
            seen |= found
        assert "{{c" not in question + answer
    assert seen == expected
    assert collection.media.check().missing == []
