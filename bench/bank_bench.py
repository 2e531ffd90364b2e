"""How fast the bank check and matching are: a 12-story bank and a 1,000-story cohort.

Run: .venv/bin/python bench/bank_bench.py
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from storyladder.coach.bank import check
from storyladder.coach.match import match
from storyladder.evaluation.corpus import answers
from storyladder.formats import bank as bank_files
from storyladder.model import Story

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "src" / "storyladder" / "content" / "sample_bank"


def cohort(n: int) -> list[Story]:
    """`n` stories: the sample bank and the corpus answers, each under a new id."""
    sample = bank_files.read(SAMPLE)
    prose = [a.text for a in answers(ROOT / "tests" / "corpus")]
    out = []
    for i in range(n):
        if i % 3 == 0:
            base = sample[i % len(sample)]
            out.append(base.evolve(id=f"{base.id}-{i}", title=f"{base.title} ({i})"))
        else:
            out.append(Story(title=f"Corpus story {i}", action=prose[i % len(prose)]))
    return out


def timed(fn, runs: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples), min(samples)


def main() -> None:
    twelve = cohort(12)
    check(twelve[:1])  # load the taxonomy and the word model once
    median, best = timed(lambda: check(twelve, company="anthropic"), 10)
    print(f"bank check, 12 stories:    median {median * 1000:7.1f} ms   best {best * 1000:7.1f} ms")
    big = cohort(1000)
    median, best = timed(lambda: check(big, company="amazon"), 2)
    print(f"bank check, 1,000 stories: median {median:7.2f} s    best {best:7.2f} s")
    median, best = timed(lambda: match("When did you push back on your manager?", twelve), 20)
    print(f"match, 12 stories:         median {median * 1000:7.1f} ms   best {best * 1000:7.1f} ms")
    median, best = timed(lambda: match("When did you push back on your manager?", big), 2)
    print(f"match, 1,000 stories:      median {median:7.2f} s    best {best:7.2f} s")


if __name__ == "__main__":
    main()
