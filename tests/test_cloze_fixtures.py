"""The cloze builder against ``tests/fixtures/cloze/*.txt``: input lines beside the cloze text.

A fixture file holds cases like this one::

    ## the name of the case
    context: Poland: June - October 1956
    < Death of Stalin in 1953
    > Death of {{c1::Stalin}} in {{c2::1953}}

``<`` is the line as written (it may hold the user's own clozes) and ``>`` the cloze text the
builder makes of it, or ``> error: ...`` with the start of the ``ClozeError`` it raises. Setting
lines before ``<`` configure the case: ``context`` (the card's title, repeatable), ``glossary`` and
``never`` (comma-separated), ``detectors``, ``hints: yes``, ``max per card: N``. Lines starting
``course:`` before the first case are more lines of the course: the lexicon learns from them and
from every case's line and context.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from ankibuild.cloze import ClozeSettings, Lexicon, cloze_text, extract_user_blanks, plan_blanks
from ankibuild.errors import ClozeError

FIXTURES = Path(__file__).parent / "fixtures" / "cloze"


@dataclass
class Case:
    file: str
    name: str
    line: int
    text: str = ""
    expected: str = ""
    context: list[str] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)


def _setting(case: Case, key: str, value: str) -> None:
    if key == "context":
        case.context.append(value)
    elif key in ("glossary", "never"):
        case.settings[key] = tuple(term.strip() for term in value.split(","))
    elif key == "detectors":
        case.settings[key] = frozenset(term.strip() for term in value.split(","))
    elif key == "hints":
        case.settings[key] = value == "yes"
    elif key == "max per card":
        case.settings["max_per_card"] = int(value)
    else:
        raise ValueError(f"{case.file}:{case.line}: unknown setting {key!r}")


def load(path: Path) -> tuple[list[str], list[Case]]:
    """The course lines and the cases of one fixture file."""
    course: list[str] = []
    cases: list[Case] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if raw.startswith("## "):
            cases.append(Case(path.name, raw[3:].strip(), number))
        elif raw.startswith("course: ") and not cases:
            course.append(raw[len("course: ") :])
        elif raw.startswith("< "):
            cases[-1].text = raw[2:]
        elif raw.startswith("> "):
            cases[-1].expected = raw[2:]
        elif cases and ": " in raw and not raw.startswith("#"):
            key, _, value = raw.partition(": ")
            _setting(cases[-1], key.strip(), value)
        elif raw.strip() and not raw.startswith("#"):
            raise ValueError(f"{path.name}:{number}: cannot read {raw!r}")
    return course, cases


def all_cases() -> list[Any]:
    params = []
    for path in sorted(FIXTURES.glob("*.txt")):
        course, cases = load(path)
        texts = course + [c.text for c in cases] + [t for c in cases for t in c.context]
        lexicon = Lexicon.from_texts(texts)
        for case in cases:
            params.append(pytest.param(case, lexicon, id=f"{path.stem}: {case.name}"))
    return params


def build(case: Case, lexicon: Lexicon) -> str:
    text, user = extract_user_blanks(case.text)
    blanks = plan_blanks(
        text,
        context=case.context,
        lexicon=lexicon,
        settings=ClozeSettings(**case.settings),
        user_blanks=user,
    )
    return cloze_text(text, blanks)


@pytest.mark.parametrize(("case", "lexicon"), all_cases())
def test_fixture(case: Case, lexicon: Lexicon) -> None:
    assert case.text and case.expected, f"{case.file}:{case.line}: case lacks '<' or '>'"
    if case.expected.startswith("error: "):
        with pytest.raises(ClozeError) as raised:
            build(case, lexicon)
        assert str(raised.value).startswith(case.expected[len("error: ") :])
    else:
        assert build(case, lexicon) == case.expected


def test_every_fixture_file_has_cases() -> None:
    files = sorted(FIXTURES.glob("*.txt"))
    assert files
    for path in files:
        assert load(path)[1], f"{path.name} holds no case"
