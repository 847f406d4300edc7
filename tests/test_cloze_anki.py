"""Cloze cards through real Anki: blanks render, user blanks win, and edits keep cards stable."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from anki.collection import Collection

import ankibuild

from .conftest import COURSE, import_deck, visible_text


def _cloze_cards(col: Collection) -> list[tuple[str, str, str]]:
    """(note text, question, answer) of every cloze card, as Anki renders them."""
    out = []
    for cid in col.find_cards('"note:ankibuild Cloze"'):
        card = col.get_card(cid)
        out.append((card.note()["Text"], visible_text(card.question()), visible_text(card.answer())))
    return out


def test_every_cloze_card_shows_a_blank_where_the_answer_shows_the_text(tmp_path: Path, collection: Collection) -> None:
    result = ankibuild.build([COURSE], tmp_path / "d.apkg", lock=False)
    import_deck(collection, result.output)
    cards = _cloze_cards(collection)
    assert len(cards) >= 60  # the course's key facts, one card each
    assert result.cards == len(cards) + 40
    for text, question, answer in cards:
        assert "[...]" in question, text
        assert "[...]" not in answer and "{{c" not in answer, text
        hidden = question.split("[...]")
        assert answer.startswith(hidden[0].strip()), (question, answer)


def test_timeline_cards_are_blanked_in_their_title(tmp_path: Path, collection: Collection) -> None:
    notes = tmp_path / "t.txt"
    notes.write_text("Timeline\n  • 1955 July - Geneva summit\n", encoding="utf-8")
    import_deck(collection, ankibuild.build([notes], tmp_path / "d.apkg", lock=False).output)
    [(text, *_)] = _cloze_cards(collection)[:1]
    assert "{{c1::1955 July}}" in text


def test_a_title_term_is_context_not_a_blank(tmp_path: Path, collection: Collection) -> None:
    notes = tmp_path / "t.txt"
    notes.write_text("Deck\n  • Imre Nagy\n    • Nagy was executed in 1958\n", encoding="utf-8")
    import_deck(collection, ankibuild.build([notes], tmp_path / "d.apkg", lock=False).output)
    [(text, question, _)] = _cloze_cards(collection)
    assert text == "Nagy was executed in {{c1::1958}}"
    assert question.startswith("Imre Nagy")  # the title is shown as context


def test_blanks_written_in_the_notes_win(tmp_path: Path, collection: Collection) -> None:
    notes = tmp_path / "t.txt"
    notes.write_text(
        "Deck\n  • Hungary\n    • {{c1::Imre Nagy::leader}} became Prime Minister in October 1956\n",
        encoding="utf-8",
    )
    import_deck(collection, ankibuild.build([notes], tmp_path / "d.apkg", lock=False).output)
    texts = sorted(t for t, _, _ in _cloze_cards(collection))
    assert texts[0].startswith("{{c1::Imre Nagy::leader}} became Prime Minister in {{c2::October 1956}}")
    questions = sorted(q for t, q, _ in _cloze_cards(collection))
    assert any("[leader]" in q for q in questions)


def test_key_figures_are_cards_of_their_own_with_their_hint(tmp_path: Path, collection: Collection) -> None:
    notes = tmp_path / "t.txt"
    lines = ["aspirin 300 mg then 75 mg OD", "clopidogrel 600 mg loading dose", "thrombolysis if PCI > 120 min away"]
    notes.write_text("Deck\n  • ACS\n" + "".join(f"    • {line}\n" for line in lines), encoding="utf-8")
    hinted = ankibuild.Config(cloze=ankibuild.ClozeConfig(hints=True))
    with_figures = ankibuild.build([notes], tmp_path / "d.apkg", lock=False, config=hinted)
    import_deck(collection, with_figures.output)
    figures = sorted(
        answer[len(question.split("[figure]")[0]) :].split()[:2]
        for _, question, answer in _cloze_cards(collection)
        if "[figure]" in question
    )
    # the course doses drugs, so it is clinical and the time is a figure too
    assert [" ".join(words) for words in figures] == ["120 min", "300 mg", "600 mg", "75 mg"]
    plain = ankibuild.Config(cloze=ankibuild.ClozeConfig(detectors=("dates", "names")))
    assert ankibuild.build([notes], tmp_path / "p.apkg", lock=False, config=plain).cards == with_figures.cards - 4


def test_a_malformed_written_blank_is_an_error_with_its_line(tmp_path: Path) -> None:
    notes = tmp_path / "t.txt"
    notes.write_text("Deck\n  • Hungary\n    • {{c1::Imre Nagy became Prime Minister\n", encoding="utf-8")
    with pytest.raises(ankibuild.ClozeError, match=r"t\.txt:3: unclosed cloze"):
        ankibuild.build([notes], tmp_path / "d.apkg", lock=False)


def test_the_glossary_blanks_a_term_detection_would_miss(tmp_path: Path) -> None:
    notes = tmp_path / "t.txt"
    notes.write_text("Deck\n  • Cells\n    • plants grow towards the sunlight\n", encoding="utf-8")
    plain = ankibuild.build([notes], tmp_path / "a.apkg", lock=False)
    config = ankibuild.Config(cloze=ankibuild.ClozeConfig(glossary=("sunlight",)))
    glossed = ankibuild.build([notes], tmp_path / "b.apkg", lock=False, config=config)
    assert (plain.notes, glossed.notes) == (1, 2)


def test_inserting_a_bullet_changes_no_other_cloze_card(tmp_path: Path, collection: Collection) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    body = ["    • Stalin died in 1953", "    • Beria was arrested in June 1953", "    • Malenkov resigned in 1955"]
    (folder / "t.txt").write_text("Deck\n  • Collective leadership\n" + "\n".join(body) + "\n", encoding="utf-8")
    import_deck(collection, ankibuild.build([folder], tmp_path / "v1.apkg").output)
    before = {cid: visible_text(collection.get_card(cid).question()) for cid in collection.find_cards("")}
    body.insert(1, "    • Khrushchev rose to power in 1955")
    (folder / "t.txt").write_text("Deck\n  • Collective leadership\n" + "\n".join(body) + "\n", encoding="utf-8")
    import_deck(collection, ankibuild.build([folder], tmp_path / "v2.apkg").output)
    after = {cid: visible_text(collection.get_card(cid).question()) for cid in collection.find_cards("")}
    assert {cid: q for cid, q in after.items() if cid in before} == before  # every old card asks the same
    new = [q for cid, q in after.items() if cid not in before]
    assert new and all("Khrushchev" in q or "1955" in q for q in new)


def test_check_counts_lines_with_nothing_to_blank(tmp_path: Path) -> None:
    notes = tmp_path / "t.txt"
    notes.write_text("Deck\n  • Card\n    • nothing here to learn\n    • Stalin died in 1953\n", encoding="utf-8")
    result = ankibuild.check([notes])
    assert (result.lines, [loc.line for loc in result.unblanked]) == (2, [3])


def test_cloze_markup_in_anki_is_never_broken(tmp_path: Path, collection: Collection) -> None:
    notes = tmp_path / "t.txt"
    notes.write_text(
        "Deck\n  • Odd text\n    • In 1956: {{braces}} and a::b with Khrushchev } and { in NATO\n", encoding="utf-8"
    )
    import_deck(collection, ankibuild.build([notes], tmp_path / "d.apkg", lock=False).output)
    cards = _cloze_cards(collection)
    assert len(cards) >= 3  # 1956, Khrushchev and NATO each get a card
    for text, _question, answer in cards:
        assert re.fullmatch(r"(?:[^{}]|\{\{c\d+::[^{}:]+\}\})*", text.replace("&#123;", "").replace("&#125;", ""))
        assert "{{braces}}" in answer and "a::b" in answer


def test_each_top_level_deck_is_its_own_course(tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "heart.txt").write_text(
        "Heart\n  • Output\n    • CO = SV x HR\n    • CO rises in exercise\n", encoding="utf-8"
    )
    (folder / "history.txt").write_text("History\n  • Detente\n    • co existence, not conflict\n", encoding="utf-8")
    separate = ankibuild.check([folder])
    assert [loc.file for loc in separate.unblanked] == ["history.txt"]  # "co" means nothing to history
    shared = ankibuild.check([folder], config=ankibuild.Config(deck="One course"))
    assert "history.txt" not in [loc.file for loc in shared.unblanked]  # one course: its "CO" is known
