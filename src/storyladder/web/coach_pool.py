"""The coach away from the server: a worker process reads long answers, so the event loop
(and, because Python holds one lock per process, every other request) is never kept
waiting by one client pasting 4,000 words. One worker, started on first use; a call that
cannot reach it runs in a thread instead."""

from __future__ import annotations

import asyncio
import functools
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from starlette.concurrency import run_in_threadpool

T = TypeVar("T")
PARENT_CHECK = 1.0  # seconds between the worker's looks at its server
_pool: ProcessPoolExecutor | None = None


def _executor() -> ProcessPoolExecutor:
    global _pool
    if _pool is None:
        # "spawn": a fresh interpreter, never a fork of a server that runs threads
        _pool = ProcessPoolExecutor(
            max_workers=1,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_follow_parent,
            initargs=(os.getpid(),),
        )
    return _pool


def _follow_parent(parent: int) -> None:
    """In the worker: end when the server process that started it is gone, however it
    ended (a signal, a crash), so no coach process outlives its server."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


def shutdown() -> None:
    """Stop the worker with the server (the app's shutdown calls this)."""
    global _pool
    if _pool is not None:
        _pool.shutdown(wait=False, cancel_futures=True)
        _pool = None


async def run(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    global _pool
    call = functools.partial(fn, *args, **kwargs)
    try:
        return await asyncio.get_running_loop().run_in_executor(_executor(), call)
    except BrokenProcessPool:
        _pool = None  # the worker died (killed, out of memory): start afresh next time
        return await run_in_threadpool(call)
