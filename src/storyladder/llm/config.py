"""Which model, if any: the `model` setting in the store, overridden by the environment.

    STORYLADDER_MODEL = none | anthropic:MODEL | openai:MODEL | local:/path/to/model.gguf
    STORYLADDER_MODEL_URL = base URL for an OpenAI-compatible or Anthropic endpoint

Keys are read from the provider's environment variable (ANTHROPIC_API_KEY,
OPENAI_API_KEY) or, when the `keyring` package is installed, from the OS keyring
(service "storyladder"); they are never written to the database or printed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from storyladder.errors import ConfigError
from storyladder.llm.provider import Provider
from storyladder.llm.providers import AnthropicProvider, LocalProvider, OpenAIProvider

PROVIDERS = ("none", "anthropic", "openai", "local")
SETTING = "model"


@dataclass(frozen=True)
class ModelConfig:
    provider: str = "none"
    model: str = ""  # model name, or the path of a local GGUF file
    base_url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"provider": self.provider, "model": self.model, "base_url": self.base_url}


def parse(spec: str, base_url: str | None = None) -> ModelConfig:
    """'anthropic:claude-x', 'openai:gpt-x', 'local:/m.gguf' or 'none'."""
    provider, _, model = spec.partition(":")
    if provider not in PROVIDERS:
        raise ConfigError(f"unknown model provider '{provider}'; allowed: {', '.join(PROVIDERS)}")
    if provider != "none" and not model:
        raise ConfigError(
            f"'{spec}': say which model, e.g. {provider}:NAME"
            + (" (the path of a .gguf file)" if provider == "local" else "")
        )
    if base_url:
        parts = urlsplit(base_url)
        if parts.username or parts.password or parts.query:
            raise ConfigError(
                "the base URL must not carry a user name, password or query (it is saved and "
                "shown); put the key in the provider's environment variable or the OS keyring"
            )
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ConfigError(f"the base URL must be http(s)://HOST[:PORT]/PATH, not {base_url!r}")
    return ModelConfig(provider, model, base_url)


def effective(saved: dict[str, Any] | None) -> ModelConfig:
    """The saved setting, unless the environment says otherwise."""
    if os.environ.get("STORYLADDER_MODEL"):
        return parse(os.environ["STORYLADDER_MODEL"], os.environ.get("STORYLADDER_MODEL_URL"))
    if saved:
        return ModelConfig(
            saved.get("provider", "none"), saved.get("model", ""), saved.get("base_url")
        )
    return ModelConfig()


def key_for(env_var: str | None) -> str | None:
    if env_var and os.environ.get(env_var):
        return os.environ[env_var]
    try:
        import keyring  # optional
    except ImportError:
        return None
    value: str | None = keyring.get_password("storyladder", env_var or "")
    return value


def provider_for(config: ModelConfig) -> Provider | None:
    """The provider a configuration names (None for 'none')."""
    if config.provider == "none":
        return None
    if config.provider == "anthropic":
        key = key_for(AnthropicProvider.key_env_var)
        if not key:
            raise ConfigError(
                "the anthropic provider needs a key: set ANTHROPIC_API_KEY "
                "(or store it in the OS keyring, service 'storyladder')"
            )
        return AnthropicProvider(config.model, key, config.base_url)
    if config.provider == "openai":
        return OpenAIProvider(config.model, key_for(OpenAIProvider.key_env_var), config.base_url)
    return LocalProvider(config.model)


def privacy_line(config: ModelConfig) -> str:
    """Plain words on where the stories go."""
    if config.provider == "none":
        return "No model is configured: everything runs offline and stories stay on this machine."
    provider = provider_for(config)
    assert provider is not None
    if provider.remote:
        return (
            f"Stories you practise with are sent to {provider.describe()}. They leave this machine."
        )
    return f"The model runs on this machine ({provider.describe()}): stories stay here."
