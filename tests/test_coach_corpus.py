"""The coach measured on the tuning authors of the labelled corpus: these figures must not
slide back.

The held-out authors are the real judge (bench/eval_coach.py prints their figures for
docs/coach.md); these thresholds, on the tuning authors only, keep regressions out.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from storyladder.evaluation.corpus import Corpus, load
from storyladder.evaluation.measure import report

CORPUS = Path(__file__).parent / "corpus"


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load(CORPUS)


@pytest.fixture(scope="module")
def figures(corpus: Corpus) -> dict[str, Any]:
    return report(corpus.tuning())


def test_the_corpus_has_many_voices(corpus: Corpus) -> None:
    assert len(corpus.answers) >= 300 and len(corpus.ladders) >= 400
    assert len(corpus.authors) >= 6 and len(corpus.heldout) >= 3
    assert {a.author for a in corpus.answers} & corpus.heldout


def test_every_item_names_its_author_and_style(corpus: Corpus) -> None:
    unnamed = [a.id for a in corpus.answers if a.author == "unknown" or not a.style]
    assert unnamed == []
