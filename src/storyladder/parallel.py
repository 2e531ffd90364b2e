"""Many story versions read on every core: a bank check's first run reads each story once,
and a thousand of them is CPU work that one process does on one core.

    read_stories(stories) -> the bank check's `Made` of each story, in order

Used by the faces that check a whole bank (the CLI, MCP, the benchmarks) as the
check's `reader`; the coach stays pure and the report is the same either way.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from storyladder.coach.bank import Made, read_for_check
from storyladder.model import Story

POOL_FROM = 48  # stories: fewer are read here (starting workers would cost more than it saves)
CHUNK = 16  # stories sent to a worker at a time


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def read_stories(stories: Sequence[Story], workers: int | None = None) -> list[Made]:
    """`read_for_check` of each story, in order, on `workers` processes (every core by
    default); in this process when there are few stories or one core."""
    workers = cores() if workers is None else workers
    if workers < 2 or len(stories) < POOL_FROM:
        return [read_for_check(story) for story in stories]
    # a fork starts at once with the coach already loaded; a process running threads (a
    # server) is never forked, nor one on macOS, where forking is unsafe: workers start
    # fresh there instead
    forkable = sys.platform.startswith("linux") and threading.active_count() == 1
    method = "fork" if forkable else "spawn"
    # a forked worker starts with what this process has loaded: the first story is read here,
    # so the coach's word models and pattern tables are made once, not once in every worker
    # (on a machine whose other cores are busy, the workers share a core and would each pay)
    made = [read_for_check(stories[0])] if forkable else []
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method)) as pool:
            return made + list(pool.map(read_for_check, stories[len(made) :], chunksize=CHUNK))
    except (OSError, BrokenProcessPool):  # no processes to be had here: read them here
        return made + [read_for_check(story) for story in stories[len(made) :]]
