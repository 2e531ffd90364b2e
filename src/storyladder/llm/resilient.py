"""Calling a model without ever breaking a session: a timeout, a few retries with backoff,
then a clear notice and the rule-based result."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from storyladder.llm.provider import Completion, Message, Provider, ProviderError, Request

T = TypeVar("T")
RETRIES = 2
BACKOFF = 0.5  # seconds, doubled each retry


@dataclass
class Outcome:
    """What happened on the way: used by the faces to say "fell back to the offline coach"."""

    notices: list[str] = field(default_factory=list)
    calls: int = 0
    gave_up: bool = False  # a call failed after its retries: stop calling for this session


def with_timeout(fn: Callable[[], T], timeout: float) -> T:
    """Run `fn` in a worker thread; give up after `timeout` seconds (the thread is left to end)."""
    box: dict[str, object] = {}

    def run() -> None:
        try:
            box["value"] = fn()
        except BaseException as err:  # noqa: BLE001 - handed to the caller below
            box["error"] = err

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise ProviderError(f"no answer within {timeout:.0f} s")
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["value"]  # type: ignore[return-value]


def complete(
    provider: Provider,
    messages: Sequence[Message],
    system: str,
    outcome: Outcome,
    max_tokens: int = 300,
    timeout: float = 30.0,
    sleep: Callable[[float], None] = time.sleep,
) -> Completion | None:
    """The completion, or None after the retries (with the reason in `outcome.notices`)."""
    for attempt in range(RETRIES + 1):
        outcome.calls += 1
        try:
            return with_timeout(
                lambda: provider.complete(Request(messages, system, max_tokens, 0.2, timeout)),
                timeout,
            )
        except ProviderError as err:
            if not err.retryable or attempt == RETRIES:
                outcome.notices.append(f"{provider.describe()}: {err}")
                outcome.gave_up = err.retryable  # a dead server, not one bad request
                return None
            sleep(BACKOFF * 2**attempt)
        except Exception as err:  # noqa: BLE001 - a provider must never crash a session
            outcome.notices.append(f"{provider.describe()}: {err.__class__.__name__}: {err}")
            outcome.gave_up = True
            return None
    return None
