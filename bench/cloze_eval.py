"""Score the cloze builder against hand-labelled notes.

Each file in ``bench/cloze_eval/`` is one set of labelled lines (see the README there). For every
set the builder gets the set's lines as course knowledge and is asked for the blanks of each line;
its blanks are compared with the labelled spans.

    python bench/cloze_eval.py                  # score every set
    python bench/cloze_eval.py --sets tuning    # only the sets the builder may be tuned on
    python bench/cloze_eval.py --show-errors    # also list misses and wrong blanks per line
    python bench/cloze_eval.py --validate       # check the set files, no builder needed
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol

ROOT = Path(__file__).resolve().parent.parent
SETS_DIR = Path(__file__).resolve().parent / "cloze_eval"

Kind = Literal["date", "name"]
LABEL = re.compile(r"\[\[([DNdn]):(.*?)\]\]")
TRIM = " \t'\".,;:()"
HEADER_KEYS = ("set", "subject", "tuning")


class BlankLike(Protocol):
    """What the builder returns for one blank: ``line[start:end]`` and its kind."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def kind(self) -> str: ...


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: Kind
    must: bool


@dataclass(frozen=True)
class Line:
    number: int  # 1-based line in the set file
    text: str
    spans: tuple[Span, ...]


@dataclass
class EvalSet:
    name: str
    path: Path
    header: dict[str, str]
    lines: list[Line] = field(default_factory=list)

    @property
    def tuning(self) -> bool:
        return self.header.get("tuning") == "yes"


class SetFileError(Exception):
    pass


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow ``text[start:end]`` past surrounding whitespace, quotes, punctuation and "the "."""
    while True:
        before = (start, end)
        while start < end and text[start] in TRIM:
            start += 1
        while end > start and text[end - 1] in TRIM:
            end -= 1
        if text.startswith(("the ", "The "), start) and start + 4 <= end:
            start += 4
        if (start, end) == before:
            return start, end


def parse_markup(marked: str, where: str) -> tuple[str, tuple[Span, ...]]:
    """Strip ``[[X:...]]`` labels from a line; return the plain line and its spans."""
    plain: list[str] = []
    spans: list[Span] = []
    pos = 0
    length = 0
    for match in LABEL.finditer(marked):
        plain.append(marked[pos : match.start()])
        length += match.start() - pos
        letter, inner = match.group(1), match.group(2)
        if not inner or "[[" in inner:
            raise SetFileError(f"{where}: empty or nested label {match.group(0)!r}")
        kind: Kind = "date" if letter in "Dd" else "name"
        spans.append(Span(length, length + len(inner), kind, letter.isupper()))
        plain.append(inner)
        length += len(inner)
        pos = match.end()
    plain.append(marked[pos:])
    text = "".join(plain)
    if "[[" in text or "]]" in text:
        raise SetFileError(f"{where}: stray or malformed label markup")
    return text, tuple(spans)


def render(line: Line) -> str:
    """Put the labels back into a plain line (the inverse of ``parse_markup``)."""
    out: list[str] = []
    pos = 0
    for span in line.spans:
        letter = "D" if span.kind == "date" else "N"
        letter = letter if span.must else letter.lower()
        out.append(f"{line.text[pos : span.start]}[[{letter}:{line.text[span.start : span.end]}]]")
        pos = span.end
    out.append(line.text[pos:])
    return "".join(out)


def load_set(path: Path) -> EvalSet:
    header: dict[str, str] = {}
    lines: list[Line] = []
    in_body = False
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        where = f"{path.name}:{number}"
        if raw.startswith("## ") or raw.startswith("- "):
            in_body = True
            text, spans = parse_markup(raw.partition(" ")[2], where)
            lines.append(Line(number, text, spans))
        elif not in_body and raw.startswith("#"):
            key, sep, value = raw.lstrip("#").partition(":")
            if sep and key.strip() in (*HEADER_KEYS, "source"):
                header[key.strip()] = value.strip()
        elif raw.strip():
            raise SetFileError(f"{where}: expected '## title', '- line' or a blank line")
    missing = [key for key in HEADER_KEYS if key not in header]
    if missing:
        raise SetFileError(f"{path.name}: header lacks {', '.join(missing)}")
    if header["tuning"] not in ("yes", "no"):
        raise SetFileError(f"{path.name}: tuning must be yes or no")
    return EvalSet(path.stem, path, header, lines)


def load_sets(which: str) -> list[EvalSet]:
    sets = [load_set(path) for path in sorted(SETS_DIR.glob("*.txt"))]
    if which == "tuning":
        return [s for s in sets if s.tuning]
    if which == "heldout":
        return [s for s in sets if not s.tuning]
    return sets


# ---------------------------------------------------------------------------------- validation


def source_lines(path: Path) -> list[str]:
    """The titles and lines of a plain-text notes export, without indentation or bullets."""
    out: list[str] = []
    for raw in path.read_text(encoding="utf-8").splitlines()[1:]:  # the first line is the deck
        text = raw.strip()
        if text and not re.fullmatch(r"Cards \(\d+\)", text):
            out.append(text.removeprefix("• "))
    return out


def check_set(ev: EvalSet) -> list[str]:
    problems: list[str] = []
    if ev.header["set"] != ev.name:
        problems.append(f"{ev.path.name}: header names set {ev.header['set']!r}")
    marked = ev.path.read_text(encoding="utf-8").splitlines()
    for line in ev.lines:
        where = f"{ev.path.name}:{line.number}"
        original = marked[line.number - 1].partition(" ")[2]
        if render(line) != original:
            problems.append(f"{where}: markup does not round-trip")
        previous_end = -1
        for span in line.spans:
            piece = line.text[span.start : span.end]
            if span.start < previous_end:
                problems.append(f"{where}: overlapping spans at {piece!r}")
            previous_end = span.end
            if trim(line.text, span.start, span.end) != (span.start, span.end):
                problems.append(f"{where}: span {piece!r} has quotes, punctuation or 'the' at an edge")
            if span.start > 0 and line.text[span.start - 1].isalnum():
                problems.append(f"{where}: span {piece!r} starts inside a word")
            if span.end < len(line.text) and line.text[span.end].isalnum():
                problems.append(f"{where}: span {piece!r} ends inside a word")
    if "source" in ev.header:
        expected = source_lines(ROOT / ev.header["source"])
        got = [line.text for line in ev.lines]
        if got != expected:
            first = next(
                (i for i, (a, b) in enumerate(zip(got, expected, strict=False)) if a != b),
                min(len(got), len(expected)),
            )
            problems.append(
                f"{ev.path.name}: differs from {ev.header['source']} at its line {first + 1} "
                f"({len(got)} lines here, {len(expected)} there)"
            )
    return problems


def validate() -> int:
    problems: list[str] = []
    sets: list[EvalSet] = []
    for path in sorted(SETS_DIR.glob("*.txt")):
        try:
            ev = load_set(path)
        except SetFileError as exc:
            problems.append(str(exc))
            continue
        sets.append(ev)
        problems.extend(check_set(ev))
    rows = [["set", "tuning", "lines", "spans", "must", "ok", "dates", "names"]]
    for ev in sets:
        spans = [span for line in ev.lines for span in line.spans]
        must = sum(span.must for span in spans)
        dates = sum(span.kind == "date" for span in spans)
        rows.append(
            [
                ev.name,
                ev.header["tuning"],
                str(len(ev.lines)),
                str(len(spans)),
                str(must),
                str(len(spans) - must),
                str(dates),
                str(len(spans) - dates),
            ]
        )
    totals = [sum(int(row[i]) for row in rows[1:]) for i in range(2, 8)]
    rows.append(["total", "", *map(str, totals)])
    print(table(rows))
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(sets)} sets, {len(problems)} problems", file=sys.stderr)
    return 1 if problems else 0


# ------------------------------------------------------------------------------------- scoring


@dataclass
class Tally:
    """Counts for one group (all, dates or names); predictions by predicted kind, recall by gold."""

    predicted: int = 0
    correct: int = 0
    must: int = 0
    found: int = 0

    def add(self, other: Tally) -> None:
        self.predicted += other.predicted
        self.correct += other.correct
        self.must += other.must
        self.found += other.found

    def cells(self, *, with_f1: bool) -> list[str]:
        """Precision, recall and optionally F1; "-" where there is nothing to divide by."""
        p = self.correct / self.predicted if self.predicted else None
        r = self.found / self.must if self.must else None
        out = ["-" if p is None else f"{p:.3f}", "-" if r is None else f"{r:.3f}"]
        if with_f1:
            f1 = None if p is None or r is None else (2 * p * r / (p + r) if p + r else 0.0)
            out.append("-" if f1 is None else f"{f1:.3f}")
        return out


Groups = dict[str, Tally]
GROUPS = ("all", "date", "name")


def score_line(line: Line, blanks: Sequence[BlankLike], errors: list[str] | None) -> Groups:
    tallies: Groups = {group: Tally() for group in GROUPS}
    gold = {trim(line.text, s.start, s.end): s for s in line.spans}
    matched: set[tuple[int, int]] = set()
    for blank in blanks:
        kind: Kind = "date" if blank.kind == "date" else "name"
        key = trim(line.text, blank.start, blank.end)
        hit = key in gold and key not in matched and key[0] < key[1]
        if hit:
            matched.add(key)
        for group in ("all", kind):
            tallies[group].predicted += 1
            tallies[group].correct += hit
        if not hit and errors is not None:
            near = [s for s in line.spans if s.start < blank.end and blank.start < s.end]
            gold_note = f" (labelled: {', '.join(repr(line.text[s.start : s.end]) for s in near)})" if near else ""
            errors.append(f"    wrong {kind}: {line.text[blank.start : blank.end]!r}{gold_note}")
    for key, span in gold.items():
        if not span.must:
            continue
        for group in ("all", span.kind):
            tallies[group].must += 1
            tallies[group].found += key in matched
        if key not in matched and errors is not None:
            errors.append(f"    missed {span.kind}: {line.text[span.start : span.end]!r}")
    return tallies


@dataclass(frozen=True)
class Builder:
    """The builder's API, imported from ``ankibuild.cloze`` only when scoring."""

    lexicon_cls: Any
    settings_cls: Any
    find_blanks: Callable[..., Sequence[BlankLike]]


def load_builder() -> Builder:
    sys.path.insert(0, str(ROOT))
    try:
        from ankibuild.cloze import ClozeSettings, Lexicon, find_blanks
    except ImportError as exc:
        sys.exit(
            f"cloze_eval: cannot import Lexicon, ClozeSettings and find_blanks from "
            f"ankibuild.cloze ({exc}). The builder must provide them; --validate works without."
        )
    return Builder(Lexicon, ClozeSettings, find_blanks)


def table(rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(
            cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in rows
    )


def score(builder: Builder, sets: list[EvalSet], show_errors: bool) -> None:
    settings = builder.settings_cls()
    header = ["set", "tuning", "spans", "must", "P", "R", "F1", "date P", "date R", "name P", "name R"]
    rows = [header]
    sums: dict[bool, Groups] = {flag: {g: Tally() for g in GROUPS} for flag in (False, True)}

    def row(name: str, tuning: str, spans: int, must: int, tallies: Groups) -> list[str]:
        return [
            name,
            tuning,
            str(spans),
            str(must),
            *tallies["all"].cells(with_f1=True),
            *tallies["date"].cells(with_f1=False),
            *tallies["name"].cells(with_f1=False),
        ]

    counts = {False: [0, 0], True: [0, 0]}
    for ev in sets:
        lexicon = builder.lexicon_cls.from_texts([line.text for line in ev.lines])
        totals: Groups = {group: Tally() for group in GROUPS}
        report: list[str] = []
        for line in ev.lines:
            errors: list[str] | None = [] if show_errors else None
            tallies = score_line(line, list(builder.find_blanks(line.text, lexicon, settings)), errors)
            for group in GROUPS:
                totals[group].add(tallies[group])
            if errors:
                report.append(f"  {ev.path.name}:{line.number}: {line.text}")
                report.extend(errors)
        if report:
            print(f"{ev.name}:", *report, sep="\n", end="\n\n")
        spans = sum(len(line.spans) for line in ev.lines)
        must = sum(span.must for line in ev.lines for span in line.spans)
        rows.append(row(ev.name, "yes" if ev.tuning else "no", spans, must, totals))
        counts[ev.tuning][0] += spans
        counts[ev.tuning][1] += must
        for group in GROUPS:
            sums[ev.tuning][group].add(totals[group])
    for flag, name in ((False, "held-out"), (True, "tuning")):
        if any(ev.tuning == flag for ev in sets):
            spans, must = counts[flag]
            rows.append(row(f"= {name}", "", spans, must, sums[flag]))
    print(table(rows))


def timing(builder: Builder) -> None:
    """Median over 5 runs of building every set's lexicon, and of find_blanks per line.

    Always over every set (the figure says nothing about the labels), whatever ``--sets`` picks.
    """
    settings = builder.settings_cls()
    texts = [[line.text for line in ev.lines] for ev in load_sets("all")]
    n_lines = sum(len(lines) for lines in texts)
    build_runs: list[float] = []
    blank_runs: list[float] = []
    for _ in range(5):
        t0 = time.perf_counter()
        lexicons = [builder.lexicon_cls.from_texts(lines) for lines in texts]
        t1 = time.perf_counter()
        for lexicon, lines in zip(lexicons, texts, strict=True):
            for text in lines:
                builder.find_blanks(text, lexicon, settings)
        t2 = time.perf_counter()
        build_runs.append(t1 - t0)
        blank_runs.append(t2 - t1)
    print(
        f"\nspeed over {n_lines} lines of {len(texts)} sets (median of 5): "
        f"find_blanks {statistics.median(blank_runs) / n_lines * 1e6:.1f} µs/line; "
        f"Lexicon.from_texts {statistics.median(build_runs) * 1e3:.2f} ms for all sets"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sets", choices=("heldout", "tuning", "all"), default="all")
    parser.add_argument(
        "--show-errors", action="store_true", help="list missed must spans and wrong blanks, line by line"
    )
    parser.add_argument(
        "--validate", action="store_true", help="check the set files parse and round-trip; does not need the builder"
    )
    args = parser.parse_args(argv)
    if args.validate:
        return validate()
    try:
        sets = load_sets(args.sets)
    except SetFileError as exc:
        sys.exit(f"cloze_eval: {exc}")
    builder = load_builder()
    score(builder, sets, args.show_errors)
    timing(builder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
