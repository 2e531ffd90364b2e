"""A small sliding-window limit on login attempts, per address and per account.

In the server's memory: each worker process keeps its own count, which bounds guessing
at (workers x LIMIT) tries per window; a restart forgets. Enough to make password
guessing slow; put the reverse proxy's own limit in front for more.

Checking and counting are one step under one lock: an attempt is counted (as pending)
before its password is checked, and taken back only when it succeeds, so a burst of
concurrent requests cannot all pass the check before the first failure is counted.
The table keeps at most MAX_KEYS addresses and emails; past that the one touched least
recently is forgotten first, so a flood of made-up emails cannot grow it without limit.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable

LIMIT = 5  # failed attempts ...
WINDOW = 15 * 60.0  # ... per this many seconds, per address and per email
MAX_KEYS = 50_000  # addresses and emails remembered at once (oldest forgotten first)


class Throttle:
    def __init__(
        self,
        limit: int = LIMIT,
        window: float = WINDOW,
        clock: Callable[[], float] | None = None,
        max_keys: int = MAX_KEYS,
    ):
        self.limit, self.window, self.max_keys = limit, window, max_keys
        self._clock = clock or time.monotonic
        self._failures: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._failures)

    def _recent(self, key: str, now: float) -> deque[float]:
        """The attempts of `key` still inside the window (an empty deque, not stored, when
        none): callers hold the lock."""
        seen = self._failures.get(key)
        if seen is None:
            return deque()
        while seen and seen[0] <= now - self.window:
            seen.popleft()
        if not seen:
            del self._failures[key]
        return seen

    def _wait(self, keys: tuple[str, ...], now: float) -> float:
        waits = [
            seen[0] + self.window - now
            for seen in (self._recent(k, now) for k in keys)
            if len(seen) >= self.limit
        ]
        return max(waits, default=0.0)

    def _count(self, keys: tuple[str, ...], now: float) -> None:
        for key in keys:
            seen = self._failures.setdefault(key, deque())
            seen.append(now)
            self._failures.move_to_end(key)
        while len(self._failures) > self.max_keys:
            self._failures.popitem(last=False)

    def wait(self, *keys: str) -> float:
        """Seconds until another attempt is allowed for these keys (0: go ahead)."""
        with self._lock:
            return self._wait(keys, self._clock())

    def attempt(self, *keys: str, checked: tuple[str, ...] = ()) -> tuple[float, float]:
        """Check and count in one step: (seconds to wait, 0 when allowed; the stamp of the
        attempt, counted against every key until `succeeded` takes it back). `checked` keys
        are checked too but not counted (their failures are counted after the fact)."""
        now = self._clock()
        with self._lock:
            wait = self._wait(keys + checked, now)
            if wait > 0:
                return wait, now
            self._count(keys, now)
            return 0.0, now

    def succeeded(self, stamp: float, *keys: str, forget: str | None = None) -> None:
        """An attempt counted by `attempt` was right: it no longer counts against `keys`,
        and `forget` (the account) starts afresh."""
        with self._lock:
            for key in keys:
                seen = self._failures.get(key)
                if seen is not None and stamp in seen:
                    seen.remove(stamp)
                    if not seen:
                        del self._failures[key]
            if forget is not None:
                self._failures.pop(forget, None)

    def failed(self, *keys: str) -> None:
        """Count a failure (for a caller that did not count it with `attempt`)."""
        with self._lock:
            self._count(keys, self._clock())

    def forget(self, key: str) -> None:
        with self._lock:
            self._failures.pop(key, None)
