"""One small interface every model provider fills, and the errors they raise.

    Provider.complete(Request(messages, system, max_tokens, temperature, timeout))
        -> Completion(text, input_tokens, output_tokens)
    Provider.stream(request) -> Iterator[str]

A provider is a tiny class: its id, whether it needs a key and where the key comes
from, and `complete`/`stream`. Vendor SDKs are imported inside the provider, on first
use, so the CLI starts fast and nothing is loaded unless a model is configured.

    ProviderError            the call failed; `retryable` says whether to try again
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import ClassVar


@dataclass(frozen=True)
class Message:
    role: str  # user | assistant
    content: str


@dataclass(frozen=True)
class Request:
    """One call to a model: the conversation, the system prompt and the limits."""

    messages: Sequence[Message]
    system: str = ""
    max_tokens: int = 400
    temperature: float = 0.2
    timeout: float = 30.0


@dataclass(frozen=True)
class Completion:
    text: str
    input_tokens: int = 0
    output_tokens: int = 0


class ProviderError(Exception):
    def __init__(self, message: str, retryable: bool = True):
        super().__init__(message)
        self.retryable = retryable


class Provider:
    provider_id: ClassVar[str] = ""
    needs_key: ClassVar[bool] = False
    key_env_var: ClassVar[str | None] = None
    remote: ClassVar[bool] = True  # do stories leave the machine?

    def complete(self, request: Request) -> Completion:
        raise NotImplementedError

    def stream(self, request: Request) -> Iterator[str]:
        """Text as it arrives; the default streams the whole completion at once."""
        yield self.complete(request).text

    def describe(self) -> str:
        return self.provider_id
