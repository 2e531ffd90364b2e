"""The providers: Anthropic's messages API, any OpenAI-compatible endpoint, a local GGUF
model run in-process with llama.cpp (xllamacpp), and none (the default)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, ClassVar

from storyladder.llm.provider import Completion, Message, Provider, ProviderError, Request


def _plain(messages: Sequence[Message]) -> list[dict[str, str]]:
    return [{"role": m.role, "content": m.content} for m in messages]


def _chat(system: str, messages: Sequence[Message]) -> list[dict[str, str]]:
    """Chat-completions messages: the system prompt is the first message."""
    return ([{"role": "system", "content": system}] if system else []) + _plain(messages)


class AnthropicProvider(Provider):
    provider_id = "anthropic"
    needs_key = True
    key_env_var = "ANTHROPIC_API_KEY"

    def __init__(self, model: str, key: str, base_url: str | None = None):
        self.model, self.key, self.base_url = model, key, base_url
        self._clients: dict[float, Any] = {}

    def _client(self, timeout: float) -> Any:
        import anthropic

        if timeout not in self._clients:  # one client (and connection pool) per timeout
            self._clients[timeout] = anthropic.Anthropic(
                api_key=self.key, base_url=self.base_url, timeout=timeout, max_retries=0
            )
        return self._clients[timeout]

    def complete(self, request: Request) -> Completion:
        import anthropic

        try:
            reply = self._client(request.timeout).messages.create(
                model=self.model,
                max_tokens=request.max_tokens,
                system=request.system,
                messages=_plain(request.messages),
            )
        except anthropic.APIStatusError as err:
            raise ProviderError(
                f"anthropic: HTTP {err.status_code}",
                retryable=err.status_code in (408, 409, 429) or err.status_code >= 500,
            ) from None
        except anthropic.APIError as err:
            raise ProviderError(f"anthropic: {err.__class__.__name__}") from None
        text = "".join(getattr(block, "text", "") for block in reply.content)
        return Completion(text, reply.usage.input_tokens, reply.usage.output_tokens)

    def stream(self, request: Request) -> Iterator[str]:
        import anthropic

        try:
            with self._client(request.timeout).messages.stream(
                model=self.model,
                max_tokens=request.max_tokens,
                system=request.system,
                messages=_plain(request.messages),
            ) as events:
                yield from events.text_stream
        except anthropic.APIError as err:
            raise ProviderError(f"anthropic: {err.__class__.__name__}") from None

    def describe(self) -> str:
        return f"anthropic ({self.model}{', ' + self.base_url if self.base_url else ''})"


class OpenAIProvider(Provider):
    """Any OpenAI-compatible chat completions endpoint: OpenAI, Ollama, vLLM, llama.cpp
    server, LM Studio."""

    provider_id = "openai"
    needs_key = False
    key_env_var = "OPENAI_API_KEY"

    def __init__(self, model: str, key: str | None, base_url: str | None = None):
        self.model, self.key, self.base_url = model, key or "not-needed", base_url
        self._clients: dict[float, Any] = {}

    @property
    def remote(self) -> bool:  # type: ignore[override]
        host = (self.base_url or "https://api.openai.com").split("//")[-1].split("/")[0]
        return host.split(":")[0] not in ("127.0.0.1", "localhost", "::1")

    def _client(self, timeout: float) -> Any:
        import openai

        if timeout not in self._clients:  # one client (and connection pool) per timeout
            self._clients[timeout] = openai.OpenAI(
                api_key=self.key, base_url=self.base_url, timeout=timeout, max_retries=0
            )
        return self._clients[timeout]

    def _error(self, err: Exception) -> ProviderError:
        import openai

        if isinstance(err, openai.APIStatusError):
            return ProviderError(
                f"openai: HTTP {err.status_code}",
                retryable=err.status_code in (408, 409, 429) or err.status_code >= 500,
            )
        return ProviderError(f"openai: {err.__class__.__name__}")

    def complete(self, request: Request) -> Completion:
        import openai

        chat = _chat(request.system, request.messages)
        try:
            reply = self._client(request.timeout).chat.completions.create(
                model=self.model,
                messages=chat,
                max_tokens=request.max_tokens,
                temperature=request.temperature,
            )
        except openai.APIError as err:
            raise self._error(err) from None
        usage = reply.usage
        return Completion(
            reply.choices[0].message.content or "",
            usage.prompt_tokens if usage else 0,
            usage.completion_tokens if usage else 0,
        )

    def stream(self, request: Request) -> Iterator[str]:
        import openai

        chat = _chat(request.system, request.messages)
        try:
            for chunk in self._client(request.timeout).chat.completions.create(
                model=self.model,
                messages=chat,
                max_tokens=request.max_tokens,
                temperature=request.temperature,
                stream=True,
            ):
                if chunk.choices and chunk.choices[0].delta.content:
                    yield chunk.choices[0].delta.content
        except openai.APIError as err:
            raise self._error(err) from None

    def describe(self) -> str:
        return f"openai-compatible ({self.model} at {self.base_url or 'api.openai.com'})"


class LocalProvider(Provider):
    """A GGUF model file run in-process by llama.cpp (the prebuilt xllamacpp wheel)."""

    provider_id = "local"
    remote = False
    _servers: ClassVar[dict[str, Any]] = {}

    def __init__(self, path: str, context: int = 2048, threads: int = 2):
        self.path, self.context, self.threads = path, context, threads

    def _server(self) -> Any:
        if self.path not in self._servers:
            if not Path(self.path).is_file():
                raise ProviderError(f"local: no model file at {self.path}", retryable=False)
            try:
                import xllamacpp as xlc
            except ImportError:
                raise ProviderError(
                    "local: install xllamacpp to run a GGUF model", retryable=False
                ) from None
            params = xlc.CommonParams()
            params.model.path = self.path
            params.n_ctx = self.context
            params.cpuparams.n_threads = self.threads
            params.cpuparams_batch.n_threads = self.threads
            params.sampling.temp = 0.0
            params.verbosity = 0
            self._servers[self.path] = xlc.Server(params)
        return self._servers[self.path]

    def complete(self, request: Request) -> Completion:
        prompt = "\n\n".join(
            [request.system]
            + [f"{m.role.upper()}: {m.content}" for m in request.messages]
            + ["ASSISTANT:"]
        ).strip()
        reply = self._server().handle_completions(
            {"prompt": prompt, "max_tokens": request.max_tokens, "temperature": request.temperature}
        )
        if not isinstance(reply, dict) or "choices" not in reply:
            raise ProviderError(f"local: unexpected reply {str(reply)[:80]}")
        usage = reply.get("usage") or {}
        return Completion(
            reply["choices"][0]["text"],
            usage.get("prompt_tokens", 0),
            usage.get("completion_tokens", 0),
        )

    def describe(self) -> str:
        return f"local GGUF model ({self.path})"
