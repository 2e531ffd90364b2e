"""The coach measured on our labelled corpus: these figures must not slide back.

The held-out set written by other people is the real judge; these thresholds
only keep regressions out (docs/coach.md has the figures and how they are made).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from storyladder.coach.evaluate import report

CORPUS = Path(__file__).parent / "corpus"


@pytest.fixture(scope="module")
def figures() -> dict:
    return report(CORPUS)


def test_the_corpus_is_big_enough(figures: dict) -> None:
    assert figures["answers"] >= 80 and figures["pairs"] >= 40


def test_components_cross_validated(figures: dict) -> None:
    assert figures["components_cross_validated"] >= 0.84
    assert figures["components_shipped_model"] >= 0.85


def test_every_flag_has_precision_and_recall_of_at_least_80_percent(figures: dict) -> None:
    weak = {
        flag_id: (round(s.precision, 2), round(s.recall, 2))
        for flag_id, s in figures["flags"].items()
        if s.precision < 0.8 or s.recall < 0.8
    }
    assert weak == {}


def test_strong_answers_outrank_weak_ones(figures: dict) -> None:
    assert figures["pair_ordering"] >= 0.95


def test_questions_are_classified(figures: dict) -> None:
    assert figures["question_family"] >= 0.85 and figures["question_pattern"] >= 0.9
