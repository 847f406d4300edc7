"""Build benchmarks: how long each stage takes on the course and on a 3,000-card course.

Run with ``make bench``. Prints a table of medians over several runs, measured in this one run, so
compare rows with each other rather than with figures from another machine or another day.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import ankibuild
from ankibuild.pipeline import read_notes

ROOT = Path(__file__).resolve().parent.parent
COURSE = ROOT / "source_notes" / "khrushchev-east-west-relations.txt"


def _big_course(folder: Path, cards: int) -> Path:
    """A course of ``cards`` cards: the real course's cards repeated, each copy numbered."""
    lines = COURSE.read_text(encoding="utf-8").splitlines()
    header, body = lines[:3], lines[3:]
    blocks: list[list[str]] = []
    for line in body:
        if line.startswith("  •"):
            blocks.append([line])
        elif blocks and line.strip():
            blocks[-1].append(line)
    out = [*header]
    for i in range(cards):
        block = blocks[i % len(blocks)]
        out.append(f"{block[0]} ({i // len(blocks) + 1})")
        out += [f"{line} [{i}]" for line in block[1:]]
    path = folder / "big.txt"
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def _median_ms(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--cards", type=int, default=3000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        big = _big_course(folder, args.cards)
        lines = sum(1 for card in read_notes([big]).files[0].cards for _ in (card, *card.bullets()))
        cases = {
            f"course ({COURSE.stat().st_size // 1024} KiB)": COURSE,
            f"{args.cards} cards ({lines} lines)": big,
        }
        rows = []
        for name, source in cases.items():
            read = _median_ms(lambda s=source: read_notes([s]), args.repeat)
            plain = _median_ms(
                lambda s=source: ankibuild.build(
                    [s], folder / "plain.apkg", lock=False, config=ankibuild.Config(cloze=ankibuild.ClozeConfig(False))
                ),
                args.repeat,
            )
            full = _median_ms(lambda s=source: ankibuild.build([s], folder / "full.apkg", lock=False), args.repeat)
            lock = folder / f"{big.stem}.lock"
            ankibuild.build([source], folder / "locked.apkg", lock=lock)
            locked = _median_ms(
                lambda s=source, lk=lock: ankibuild.build([s], folder / "locked.apkg", lock=lk), args.repeat
            )
            rows.append((name, read, plain, full, locked))
    header = ("notes", "read ms", "build, no clozes ms", "build ms", "build with lock ms")
    widths = [max(len(str(h)), 12) for h in header]
    widths[0] = max(len(r[0]) for r in rows) + 2
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    for row in rows:
        cells = [row[0]] + [f"{v:.1f}" for v in row[1:]]
        print("  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)))
    print(f"medians of {args.repeat} runs each; same machine, same run")


if __name__ == "__main__":
    main()
