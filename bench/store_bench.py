"""How fast the bank is on SQLite: import the demo bank, save revisions, list and read.

Run: .venv/bin/python bench/store_bench.py [--db URL]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable

from storyladder.cli.demo import sample_bank_dir
from storyladder.formats import bank as bank_files
from storyladder.store.database import open_repository


def timed(fn: Callable[[], object], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def report(name: str, samples: list[float]) -> None:
    samples = sorted(samples)
    p95 = samples[int(len(samples) * 0.95) - 1]
    print(f"{name:<28} median {statistics.median(samples):7.2f} ms   p95 {p95:7.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", help="database URL (default: a temporary SQLite file)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        repo = open_repository(args.db or f"sqlite:///{tmp}/bench.db")
        stories = bank_files.read(sample_bank_dir())
        report("read sample bank (files)", timed(lambda: bank_files.read(sample_bank_dir()), 20))
        repo.import_stories(stories)
        story = stories[0]
        state = {"rev": repo.get(story.id).revision, "n": 0}

        def save() -> None:
            state["n"] += 1
            saved = repo.save(story.evolve(result=f"revision {state['n']}"), state["rev"])
            state["rev"] = saved.revision

        report("save a revision", timed(save, 200))
        report(f"list bank ({len(stories)} stories)", timed(repo.list, 200))
        report("get one story", timed(lambda: repo.get(story.id), 200))
        report("history (200 revisions)", timed(lambda: repo.history(story.id), 50))
        repo.close()


if __name__ == "__main__":
    main()
