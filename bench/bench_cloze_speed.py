"""How fast the cloze builder runs: ``find_blanks`` per line, and each detector on its own.

    python bench/bench_cloze_speed.py            # the course notes and the tuning sets
    python bench/bench_cloze_speed.py --repeat 9

Each figure is in microseconds per line, the median and the best of ``--repeat`` passes over every
line. The median is the figure quoted (and judged against the target of 20 µs per line for
``find_blanks``); the best shows how much the rest of the machine disturbed the passes.

``find_blanks`` is timed as a build runs it, on the lines the lexicon learnt from (learning reads
each line's dates, quotations and runs of capitalised words, and the lexicon keeps them);
"unread lines" times it with those per-line memos emptied, as for a line the course never held.
"learn" is ``Lexicon.from_texts`` per line of its course, and "stage" learning plus
``find_blanks``: what the cloze builder costs a build per line. "learn, one course" learns every
line as a single course, as for a student whose notes are one long course: what learning costs
per line must not grow with the length of the course.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ankibuild.cloze import ClozeSettings, Lexicon, find_blanks  # noqa: E402
from ankibuild.cloze.dates import find_dates  # noqa: E402
from ankibuild.cloze.figures import find_figures  # noqa: E402
from ankibuild.cloze.names import find_names  # noqa: E402
from ankibuild.cloze.quotes import find_quoted  # noqa: E402

TARGET_US = 20.0


def course_lines() -> list[list[str]]:
    """The lines of every plain-text notes file and every tuning set, one list per course."""
    courses: list[list[str]] = []
    for path in sorted((ROOT / "source_notes").glob("*.txt")):
        lines = [line.strip().removeprefix("• ") for line in path.read_text("utf-8").splitlines()]
        courses.append([line for line in lines[1:] if line and not line.startswith("Cards (")])
    for path in sorted((ROOT / "bench" / "cloze_eval").glob("*.txt")):
        if path.name.endswith("-heldout.txt"):
            continue  # held-out sets are for scoring only, never for tuning the builder
        text = path.read_text("utf-8")
        if "# tuning: yes" not in text:
            continue
        lines = [
            line[3:] if line.startswith("## ") else line[2:]
            for line in text.splitlines()
            if line.startswith(("## ", "- "))
        ]
        courses.append([_unlabel(line) for line in lines])
    return courses


def _unlabel(line: str) -> str:
    return re.sub(r"\[\[[DNdn]:(.*?)\]\]", r"\1", line)


def per_line(
    step: Callable[[Lexicon, str], object], courses: Sequence[list[str]], repeat: int, *, read: bool = True
) -> tuple[float, float]:
    """Best and median µs per line of ``step`` over every line, a fresh lexicon each pass.

    A fresh lexicon per pass measures what a build pays: the memo a lexicon fills while it
    learns the course is warm, nothing else is. Unless ``read``, the memos of what learning read
    from each line are emptied first; the memos of runs, word classes and blanks stay warm, so
    that figure is a floor for a line the course never held.
    """
    lines = sum(len(texts) for texts in courses)
    runs: list[float] = []
    for _ in range(repeat):
        lexicons = [(Lexicon.from_texts(texts), texts) for texts in courses]
        if not read:
            for lexicon, _ in lexicons:
                lexicon.spans.clear()
                lexicon.lines.clear()
        start = time.perf_counter()
        for lexicon, texts in lexicons:
            for text in texts:
                step(lexicon, text)
        runs.append((time.perf_counter() - start) / lines * 1e6)
    return min(runs), statistics.median(runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    courses = course_lines()
    lines = sum(len(texts) for texts in courses)
    learn = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        for texts in courses:
            Lexicon.from_texts(texts)
        learn.append((time.perf_counter() - start) * 1e3)
    settings = ClozeSettings()
    steps: list[tuple[str, Callable[[Lexicon, str], object], bool]] = [
        ("find_blanks", lambda lexicon, text: find_blanks(text, lexicon, settings), True),
        ("  dates", lambda lexicon, text: find_dates(text), True),
        ("  quotes", lambda lexicon, text: find_quoted(text), True),
        ("  figures", lambda lexicon, text: find_figures(text, lexicon.clinical), True),
        ("  names", lambda lexicon, text: find_names(text, lexicon), True),
        ("unread lines", lambda lexicon, text: find_blanks(text, lexicon, settings), False),
    ]
    learn_per_line = [ms * 1e3 / lines for ms in learn]
    one_course = list(dict.fromkeys(line for texts in courses for line in texts))
    learn_one = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        Lexicon.from_texts(one_course)
        learn_one.append((time.perf_counter() - start) / len(one_course) * 1e6)
    rows = [("step", "median", "best")]
    rows.append(("learn", f"{statistics.median(learn_per_line):.1f}", f"{min(learn_per_line):.1f}"))
    rows.append(("learn, one course", f"{statistics.median(learn_one):.1f}", f"{min(learn_one):.1f}"))
    medians: dict[str, float] = {}
    for name, step, read in steps:
        best, median = per_line(step, courses, args.repeat, read=read)
        medians[name] = median
        rows.append((name, f"{median:.1f}", f"{best:.1f}"))
    stage = statistics.median(learn_per_line) + medians["find_blanks"]
    rows.append(("stage", f"{stage:.1f}", ""))
    print(
        f"{lines} lines in {len(courses)} courses, µs per line (median and best of "
        f"{args.repeat} passes); Lexicon.from_texts {statistics.median(learn):.1f} ms for all (median)"
    )
    for name, median_text, best_text in rows:
        print(f"{name:<17}  {median_text:>7}  {best_text:>7}")
    median = medians["find_blanks"]
    verdict = "within" if median <= TARGET_US else "OVER"
    target = f"{verdict} the {TARGET_US:.0f} µs target"
    print(f"find_blanks: {median:.1f} µs/line (median of {args.repeat} passes), {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
