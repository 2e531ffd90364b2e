"""The bank check after many saves of one story, against the same bank saved once per story
(issue: metric drift compared every revision with every other, so the dashboard slowed
with the square of one story's revision count).

Run: .venv/bin/python bench/drift_bench.py    (prints medians and the ratio, one run)
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from storyladder.coach import patterns
from storyladder.coach.bank import check
from storyladder.formats import bank as bank_files

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "src" / "storyladder" / "content" / "sample_bank"
RUNS = 7


def timed(stories: list, history: dict) -> float:  # type: ignore[type-arg]
    times = []
    for _ in range(RUNS):
        getattr(patterns, "_FACTS", {}).clear()  # cold, as after a restart: the worst case
        start = time.perf_counter()
        check(stories, history=history)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    stories = bank_files.read(SAMPLE)
    edited = stories[0]
    revisions = [  # 200 saves, each retelling one figure (the way a candidate edits)
        edited.evolve(action=edited.action + f" The fix took {n + 2} hours on the night.")
        for n in range(200)
    ]
    once = timed(stories, {})
    many = timed(stories, {edited.id: revisions})
    print(f"bank check, one save per story: {once:.1f} ms")  # noqa: T201
    print(f"bank check, 200 saves of one story: {many:.1f} ms ({many / once:.1f}x)")  # noqa: T201


if __name__ == "__main__":
    main()
