"""How fast the offline coach is: time per answer at 100, 400, 4000 and 16,000 words (and the
ratio of the last two, measured in one run: issue 14 asks for 4.5x or less), and CLI start-up.

Run: .venv/bin/python bench/critique_bench.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from storyladder.coach.critique import critique
from storyladder.evaluation.corpus import answers

ROOT = Path(__file__).resolve().parent.parent


def answer_of(words: int, texts: list[str], offset: int) -> str:
    """A real-looking answer of about `words` words, cut from the corpus at a sentence end."""
    out: list[str] = []
    i = offset
    while sum(len(t.split()) for t in out) < words:
        out.append(texts[i % len(texts)])
        i += 1
    text = " ".join(out)
    cut = " ".join(text.split()[:words])
    return cut if cut.endswith(".") else cut + "."


def timed(samples: list[str]) -> list[float]:
    out = []
    for text in samples:
        start = time.perf_counter()
        critique(text, "Tell me about a time you failed.", "anthropic")
        out.append((time.perf_counter() - start) * 1000)
    return sorted(out)


def main() -> None:
    texts = [a.text for a in answers(ROOT / "tests" / "corpus")]
    critique(texts[0])  # load the taxonomy and the word model once, as a long-lived face would
    print(f"{'words':>6} {'median ms':>10} {'p95 ms':>8} {'answers/s':>10}")
    medians = {}
    for words, runs in ((100, 200), (400, 200), (4000, 40), (16000, 10)):
        ms = timed([answer_of(words, texts, i) for i in range(runs)])
        median, p95 = statistics.median(ms), ms[int(len(ms) * 0.95) - 1]
        medians[words] = median
        print(f"{words:>6} {median:>10.2f} {p95:>8.2f} {1000 / median:>10.0f}")
    print(f"16,000 words against 4,000: {medians[16000] / medians[4000]:.1f}x (4x the words)")
    print()
    for args in (["--help"], ["story", "add", "--help"]):
        starts = []
        for _ in range(7):
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "storyladder", *args], check=True, capture_output=True
            )
            starts.append(time.perf_counter() - start)
        print(
            f"storyladder {' '.join(args)}: median {statistics.median(starts) * 1000:.0f} ms "
            f"(min {min(starts) * 1000:.0f} ms)"
        )


if __name__ == "__main__":
    main()
