"""The garbage collector held off while a bank check builds its thousands of objects.

    with paused(): ...

A warm check of a 1,000-story bank decodes every story and every stored reading: tens of
thousands of dicts and lists, each counted toward the collector's next pass, and its full
passes walk every object the process holds (the coach's models among them). They found
nothing to free there and took a third of the check's time. The objects are plain data
with no cycles, so the collector waits until the check is done, then runs as usual.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No collection inside the block; the collector is left as it was found (enabled only if
    it was, so a block inside another, or in another thread, never turns it on early)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
