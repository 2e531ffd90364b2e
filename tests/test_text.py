"""Sentences with offsets that survive what real answers contain."""

from __future__ import annotations

import pytest

from storyladder.coach.text import sentences


def _texts(text: str) -> list[str]:
    spans = sentences(text)
    assert all(text[s.start : s.end] == s.text for s in spans)  # offsets point at the text
    return [s.text for s in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Costs fell 3.5x, about $2M a year. In Q3 2024 we shipped.",
            ["Costs fell 3.5x, about $2M a year.", "In Q3 2024 we shipped."],
        ),
        (
            "I asked Dr. Okafor, e.g. about the U.S. rollout. She agreed.",
            ["I asked Dr. Okafor, e.g. about the U.S. rollout.", "She agreed."],
        ),
        ('She said "stop." Then I paused.', ['She said "stop."', "Then I paused."]),
        ("I waited... and waited. It came at 3 a.m. on Friday.", None),
        (
            "It broke — badly — at v2.1. Why? Nobody knew!",
            ["It broke — badly — at v2.1.", "Why?", "Nobody knew!"],
        ),
        (
            "What I did:\n- wrote the runbook\n- paged the owner\n\nThen it held.",
            ["wrote the runbook", "paged the owner", "Then it held."],  # a heading is no sentence
        ),
        (
            "## Situation\nThe ledger cutover was due Friday.\n**Result:**\nit slipped. and we paid.",
            ["The ledger cutover was due Friday.", "it slipped.", "and we paid."],
        ),
        (
            "It failed... and then it held. so we shipped.",
            ["It failed... and then it held.", "so we shipped."],  # spoken: lowercase starts
        ),
    ],
)
def test_sentence_boundaries(text: str, expected: list[str] | None) -> None:
    got = _texts(text)
    if expected is None:
        assert got == ["I waited... and waited.", "It came at 3 a.m. on Friday."]
    else:
        assert got == expected


def test_empty_text_has_no_sentences() -> None:
    assert sentences("   \n\n ") == []
