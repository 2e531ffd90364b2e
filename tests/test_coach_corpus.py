"""The coach measured on the tuning authors of the labelled corpus: these figures must not
slide back.

The held-out authors are the real judge (bench/eval_coach.py prints their figures for
docs/coach.md); these thresholds, on the tuning authors only, keep regressions out.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from storyladder.evaluation.corpus import Corpus, load
from storyladder.evaluation.measure import report

pytestmark = pytest.mark.slow  # measures the coach on the whole corpus

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


def test_the_level_judge_hears_the_tuning_authors(figures: dict[str, Any]) -> None:
    levels = figures["levels"]["all"]
    assert levels.accuracy >= 0.93 and levels.ordering >= 0.96


def test_non_answers_score_low_and_strong_answers_outscore_weak_ones(
    figures: dict[str, Any],
) -> None:
    scores = [s for _, s in figures["non_answers"]]
    assert sum(s <= 20 for s in scores) >= 0.85 * len(scores)
    share, means = figures["quality_ordering"]
    assert share >= 0.95 and means["strong"] > means["mixed"] > means["weak"] > means["non_answer"]


def test_strong_answers_are_seldom_flagged(figures: dict[str, Any]) -> None:
    assert figures["strong_flagged"] <= 0.04 * figures["strong"]


def test_flags_about_words_stay_precise(figures: dict[str, Any]) -> None:
    precise = (
        "non_answer",
        "we_not_i",
        "hypothetical",
        "too_long",
        "humble_brag",
        "scripted",
        "neat_resolution",
        "blame",
    )
    assert {
        f: round(figures["flags"][f].precision, 2)
        for f in precise
        if figures["flags"][f].precision < 0.9
    } == {}


def test_the_components_and_the_questions_are_read(figures: dict[str, Any]) -> None:
    assert figures["components"] >= 0.92
    # the authors themselves disagree on a question's frame: "a conflict with a coworker" is a
    # direct negative to 17 of their items and no negative frame to 49, and the tenth round's
    # authors lean to the first (tuning pattern 95.0% -> 94.8% when opie and rumi joined,
    # 93.8% with the fifteenth round's authors)
    assert figures["question_family"] >= 0.92 and figures["question_pattern"] >= 0.93


def test_the_level_model_never_saw_a_held_out_author(corpus: Corpus) -> None:
    import json

    from storyladder.coach.levels import FEATURES

    shipped = json.loads(
        (Path(__file__).parent.parent / "src/storyladder/content/level_model.json").read_text()
    )
    assert not set(shipped["authors"]) & (corpus.heldout | corpus.sealed)
    assert shipped["features"] == list(FEATURES)


@pytest.mark.parametrize("name", ["answer_model.json", "question_model.json"])
def test_the_gate_and_question_word_models_never_saw_a_held_out_author(
    corpus: Corpus, name: str
) -> None:
    from storyladder.coach import nb

    shipped = nb.packaged(name)
    assert shipped is not None and shipped["authors"]
    assert not set(shipped["authors"]) & (corpus.heldout | corpus.sealed)


def test_reserved_authors_are_neither_tuned_on_nor_measured(corpus: Corpus) -> None:
    import json

    from storyladder.coach import gate, nb, question

    reserved = set(yaml.safe_load((CORPUS / "split.yaml").read_text()).get("reserved") or ())
    assert not reserved & set(corpus.authors)
    reserved |= set(corpus.sealed)  # the sealed are measured, never trained on
    content = Path(__file__).parent.parent / "src/storyladder/content"
    level = json.loads((content / "level_model.json").read_text())
    answer_model = nb.packaged(gate.ANSWER_MODEL)
    question_model = nb.packaged(question.QUESTION_MODEL)
    assert answer_model is not None and question_model is not None
    trained_on = set(level["authors"]) | set(answer_model["authors"])
    assert not reserved & (trained_on | set(question_model["authors"]))


def test_a_reserved_authors_files_are_not_even_read(tmp_path: Path) -> None:
    """A reserved author may be half way through writing: their files are skipped unread."""
    authors = tmp_path / "authors"
    authors.mkdir()
    item = (
        "- {id: done-a01, author: done, style: plain, quality: strong, question: 'Q?',"
        " sentences: [[action, 'I did it.']], flags: []}\n"
    )
    (authors / "done_answers.yaml").write_text(item)
    (authors / "busy_answers.yaml").write_text("- {id: busy-a01, author: [unclosed\n")
    (authors / "busy_ladders.yaml").write_text("- story: 'half\n")
    (tmp_path / "split.yaml").write_text("tune: [done]\nreserved: [busy]\n")
    corpus = load(tmp_path)
    assert [a.id for a in corpus.answers] == ["done-a01"]
    assert corpus.ladders == ()
