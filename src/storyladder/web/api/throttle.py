"""A small sliding-window limit on login attempts, per address and per account.

In the server's memory: each worker process keeps its own count, which bounds guessing
at (workers x LIMIT) tries per window; a restart forgets. Enough to make password
guessing slow; put the reverse proxy's own limit in front for more.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

LIMIT = 5  # failed attempts ...
WINDOW = 15 * 60.0  # ... per this many seconds, per address and per email


class Throttle:
    def __init__(
        self, limit: int = LIMIT, window: float = WINDOW, clock: Callable[[], float] | None = None
    ):
        self.limit, self.window = limit, window
        self._clock = clock or time.monotonic
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        seen = self._failures.setdefault(key, deque())
        while seen and seen[0] <= now - self.window:
            seen.popleft()
        return seen

    def wait(self, *keys: str) -> float:
        """Seconds until another attempt is allowed for these keys (0: go ahead)."""
        now = self._clock()
        with self._lock:
            waits = [
                seen[0] + self.window - now
                for seen in (self._recent(k, now) for k in keys)
                if len(seen) >= self.limit
            ]
        return max(waits, default=0.0)

    def failed(self, *keys: str) -> None:
        now = self._clock()
        with self._lock:
            for key in keys:
                self._recent(key, now).append(now)

    def forget(self, key: str) -> None:
        with self._lock:
            self._failures.pop(key, None)
