"""Reads fixture files: cases of an input beside the output it must give.

A file holds cases, each opened by ``=== name``; the input and the expected output are separated by
a line ``---``. In inputs, ``<TAB>``, ``<CR>``, ``<BOM>``, ``<NBSP>`` and ``<BLANK>`` stand for
characters that are hard to see or keep in a file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

_ESCAPES = {"<TAB>": "\t", "<CR>": "\r", "<BOM>": "\ufeff", "<NBSP>": "\u00a0", "<BLANK>": ""}


@dataclass(frozen=True)
class Case:
    name: str
    input: str
    expected: str


def unescape(text: str) -> str:
    for token, char in _ESCAPES.items():
        text = text.replace(token, char)
    return text


def read_cases(path: Path) -> list[Case]:
    cases = []
    for block in path.read_text(encoding="utf-8").split("=== ")[1:]:
        name, _, body = block.partition("\n")
        given, sep, expected = body.partition("\n---\n")
        if not sep:
            raise ValueError(f"{path}: case {name!r} has no '---' line")
        cases.append(Case(name.strip(), unescape(given), expected.strip("\n")))
    return cases


def cases_in(folder: Path) -> list[pytest.ParameterSet]:
    """Every case of every file in ``folder``, with ids ``file: case name``."""
    params = []
    for path in sorted(folder.glob("*")):
        for case in read_cases(path):
            params.append(pytest.param(case, id=f"{path.stem}: {case.name}"))
    return params
