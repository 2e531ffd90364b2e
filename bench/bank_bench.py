"""How fast the bank check and matching are: a 12-story bank and a 1,000-story cohort.

Run: .venv/bin/python bench/bank_bench.py
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import delete

from storyladder.coach.bank import check, check_stored, match_stored
from storyladder.coach.match import match
from storyladder.evaluation.corpus import answers
from storyladder.formats import bank as bank_files
from storyladder.model import Story
from storyladder.parallel import cores, read_stories
from storyladder.store.database import open_repository
from storyladder.store.repository import Repository
from storyladder.store.tables import readings

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


def stored(n: int, home: Path) -> Repository:
    repo = open_repository(f"sqlite:///{home / f'bank-{n}.db'}")
    repo.import_stories(cohort(n))
    return repo


def stored_checks() -> None:
    """The command line's `bank check`: readings kept in the database between runs."""
    with tempfile.TemporaryDirectory() as tmp:
        for n in (1000, 5000):
            repo = stored(n, Path(tmp))
            one_core, _ = timed(lambda: check_stored(repo, company="amazon"), 1)  # noqa: B023
            with repo.writing() as conn:  # forget the readings: cold again
                conn.execute(delete(readings))
            cold, _ = timed(lambda: check_stored(repo, "amazon", read_stories), 1)  # noqa: B023
            warm, best = timed(lambda: check_stored(repo, company="amazon"), 5)  # noqa: B023
            record = repo.list()[0]
            repo.save(record.story.evolve(result="We shipped two weeks late."), record.revision)
            edited, _ = timed(lambda: check_stored(repo, company="amazon"), 1)  # noqa: B023
            asked, _ = timed(lambda: match_stored(repo, "When did you push back?"), 3)  # noqa: B023
            print(
                f"bank check in the database, {n:,} stories: first {cold:6.2f} s "
                f"({cores()} cores; {one_core:.2f} s on one), "
                f"nothing changed {warm * 1000:6.0f} ms (best {best * 1000:.0f}), "
                f"one story edited {edited * 1000:6.0f} ms, a question matched "
                f"{asked * 1000:4.0f} ms"
            )
            repo.close()


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
    stored_checks()


if __name__ == "__main__":
    main()
