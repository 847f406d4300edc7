"""Markdown courses built end to end: code, images shared and missing, through real Anki."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from anki.collection import Collection
from click.testing import CliRunner

import ankibuild
from ankibuild.cli import main

from .conftest import import_deck, visible_text

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cf00000301010018dd8db00000000049454e44ae426082"
)


def _media(apkg: Path) -> dict[str, str]:
    with zipfile.ZipFile(apkg) as archive:
        return dict(json.loads(archive.read("media")))


def test_code_blocks_are_highlighted_and_never_blanked(tmp_path: Path, collection: Collection) -> None:
    notes = tmp_path / "python.md"
    notes.write_text(
        "# Python\n\n## Loops\n\nIn 1991 Guido van Rossum released Python.\n\n"
        "```python\nfor year in range(1991, 2024):\n    print('Guido', year)\n```\n",
        encoding="utf-8",
    )
    result = ankibuild.build([notes], tmp_path / "d.apkg", lock=False)
    import_deck(collection, result.output)
    [basic] = collection.find_notes('"note:ankibuild Basic"')
    back = collection.get_note(basic)["Back"]
    assert '<pre class="ab-code">' in back and 'class="ab-k"' in back  # keywords carry a colour class
    answer = visible_text(collection.get_note(basic).cards()[0].answer())
    assert "foryearinrange(1991,2024):" in answer.replace(" ", "")  # tags around tokens read as spaces
    for nid in collection.find_notes('"note:ankibuild Cloze"'):
        text = collection.get_note(nid)["Text"]
        code = text[text.find("<pre") :]
        assert "{{c" not in code


def test_an_image_used_twice_is_packaged_once(tmp_path: Path, collection: Collection) -> None:
    folder = tmp_path / "notes"
    (folder / "img").mkdir(parents=True)
    (folder / "img" / "cell.png").write_bytes(PNG)
    for name in ("a.md", "b.md"):
        (folder / name).write_text(f"# {name}\n\n## Cell\n\n![a cell](img/cell.png)\n", encoding="utf-8")
    result = ankibuild.build([folder], tmp_path / "d.apkg", lock=False)
    media = _media(result.output)
    assert len(media) == 1 and next(iter(media.values())).endswith("-cell.png")
    import_deck(collection, result.output)
    stored = Path(collection.media.dir()) / next(iter(media.values()))
    assert stored.read_bytes() == PNG


def test_two_images_with_one_name_do_not_clash(tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    for sub, data in (("x", PNG), ("y", PNG + b"\x00")):
        (folder / sub).mkdir(parents=True)
        (folder / sub / "diagram.png").write_bytes(data)
        (folder / sub / "n.md").write_text("# N\n\n## Card\n\n![d](diagram.png)\n", encoding="utf-8")
    with pytest.raises(ankibuild.SourceError, match=r"two sources hold a file named 'n\.md'"):
        ankibuild.build([folder / "x", folder / "y"], tmp_path / "d.apkg", lock=False)
    (folder / "y" / "n.md").rename(folder / "y" / "m.md")
    result = ankibuild.build([folder / "x", folder / "y"], tmp_path / "d.apkg", lock=False)
    assert len(set(_media(result.output).values())) == 2


def test_a_missing_image_is_an_error_with_its_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("n.md").write_text("# N\n\n## Card\n\nText\n\n![gone](images/gone.png)\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "n.md"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: n.md:7: image not found: images/gone.png; put the image at")


def test_bold_terms_become_blanks_when_configured(tmp_path: Path, collection: Collection) -> None:
    notes = tmp_path / "bio.md"
    notes.write_text("# Bio\n\n## Transport\n\n- water moves by **osmosis** across membranes\n", encoding="utf-8")
    config = ankibuild.Config(cloze=ankibuild.ClozeConfig(marked_terms=True, detectors=()))
    import_deck(collection, ankibuild.build([notes], tmp_path / "d.apkg", lock=False, config=config).output)
    [nid] = collection.find_notes('"note:ankibuild Cloze"')
    assert collection.get_note(nid)["Text"] == "water moves by {{c1::<b>osmosis</b>}} across membranes"
    plain = ankibuild.Config(cloze=ankibuild.ClozeConfig(detectors=()))
    assert ankibuild.build([notes], tmp_path / "e.apkg", lock=False, config=plain).notes == 1  # bold is just bold


def test_headings_become_tags_when_configured(tmp_path: Path, collection: Collection) -> None:
    notes = tmp_path / "heart.md"
    notes.write_text("# Heart\n\n## Cardiac cycle\n\n### Heart sounds\n\n- Lub and dub\n", encoding="utf-8")
    config = ankibuild.Config(markdown=ankibuild.config.MarkdownConfig(heading_tags=True))
    import_deck(collection, ankibuild.build([notes], tmp_path / "d.apkg", lock=False, config=config).output)
    [nid] = collection.find_notes('"Front:Heart sounds"')
    assert collection.get_note(nid).tags == ["heading::heart::cardiac_cycle", "source::heart"]


def test_a_tables_numbered_cells_do_not_make_notes_clinical(tmp_path: Path, collection: Collection) -> None:
    # "<td>0</td>" holds ">0": read as a threshold, five such cells made a physiology course
    # clinical, where a volume is a key figure and the body's parts in passing are context
    notes = tmp_path / "heart.md"
    rows = "".join(f"| {n} | {what} |\n" for n, what in enumerate(("depolarisation", "plateau", "repolarisation")))
    notes.write_text(
        "# Heart\n\n## Action potential\n\n| Phase | What happens |\n|---|---|\n"
        + rows
        + "| 3 | rest |\n| 4 | rest |\n\n"
        "## Cardiac output\n\n- the ventricles pump about 70 ml a beat\n"
        "- Average pressure in the arteries over one cycle\n",
        encoding="utf-8",
    )
    result = ankibuild.build([notes], tmp_path / "d.apkg", lock=False)
    import_deck(collection, result.output)
    texts = [collection.get_note(nid)["Text"] for nid in collection.find_notes('"note:ankibuild Cloze"')]
    assert any("{{c1::ventricles}} pump about 70 ml" in text for text in texts), texts
    assert any("{{c1::arteries}}" in text for text in texts), texts


def test_thresholds_in_a_table_make_notes_clinical(tmp_path: Path, collection: Collection) -> None:
    # a cell's "> 6.5" reaches the course as "&gt; 6.5": unescaped, it is a threshold like any other
    notes = tmp_path / "renal.md"
    rows = "".join(f"| {ion} | > {n} | act |\n" for ion, n in (("K+", 6.5), ("Na+", 160), ("Ca2+", 3.5), ("Mg2+", 2)))
    notes.write_text(
        "# Renal\n\n## Electrolytes\n\n| Ion | Level | Do |\n|---|---|---|\n" + rows + "| urea | > 40 | act |\n\n"
        "## Fluids\n\n- give 500 ml of saline for 15 min\n",
        encoding="utf-8",
    )
    result = ankibuild.build([notes], tmp_path / "d.apkg", lock=False)
    import_deck(collection, result.output)
    texts = [collection.get_note(nid)["Text"] for nid in collection.find_notes('"note:ankibuild Cloze"')]
    assert any(re.search(r"\{\{c\d+::15 min\}\}", text) for text in texts), texts  # a figure in clinical notes
