"""The level judge: each ladder answer is heard by what its level tests (SPEC §3, §11)."""

from __future__ import annotations

import json

import pytest

from storyladder.coach.critique import critique
from storyladder.coach.levels import judge_level, readiness
from storyladder.model import LEVELS, Story
from tests.test_cli_story import sl

TOLD = Story(
    title="The ledger rebuild",
    situation="In March 2023 our billing ledger double-charged 400 customers during a cutover.",
    action="I rolled it back and rebuilt the reconciliation job over four weeks.",
    result="The biggest customer signed with a rival that quarter.",
    learning="I now rehearse every cutover on a copy of production.",
)

# Short, plain answers that give what each level tests, and answers that do not.
MEETS = {
    "surface": "The ledger cutover I rushed in March 2023.",
    "context": "Finance wanted the date. Two of us on the team. The rival was courting our client.",
    "decision": "I rolled back instead of patching live. A patch would have hidden the bad rows.",
    "tradeoff": (
        "Ana covered my on-call for a month while I rebuilt it, and the customer signed "
        "with the rival instead of us."
    ),
    "meta_reflection": "I decide fastest when I know least.",
    "worldview": "No cutover without a rehearsal on real data. I held to it twice since.",
}
MISSES = {
    "surface": "I fail all the time, honestly, everybody does in this job.",
    "context": "It was a busy time, lots going on, the usual pressure from different directions.",
    "decision": "The team decided and it was obvious, so we just did what we had to do.",
    "tradeoff": "Honestly there was no real downside, in the end it all worked out for everyone.",
    "meta_reflection": "I learned that communication is key and that teams need clear owners.",
    "worldview": "I approach things very differently now. Quality always comes first.",
}


@pytest.mark.parametrize("level", LEVELS)
def test_a_short_plain_answer_meets_its_level(level: str) -> None:
    judged = judge_level(MEETS[level], level, story=TOLD)
    assert judged.met and judged.score >= 50, judged
    assert all(MEETS[level][e.start : e.end] == e.text for e in judged.evidence)


@pytest.mark.parametrize("level", LEVELS)
def test_an_answer_that_misses_its_level_is_not_met_and_asks_what_is_missing(level: str) -> None:
    judged = judge_level(MISSES[level], level, story=TOLD)
    assert not judged.met and judged.score < 50
    assert judged.missing and judged.missing.endswith("?")


@pytest.mark.parametrize("level", LEVELS)
def test_the_answer_that_meets_outscores_the_one_that_misses(level: str) -> None:
    assert judge_level(MEETS[level], level).score > judge_level(MISSES[level], level).score


@pytest.mark.parametrize("text", ["dont know", "?", "asdf", "", "TBD"])
def test_a_non_answer_meets_no_level(text: str) -> None:
    for level in LEVELS:
        judged = judge_level(text, level, "What did it cost?")
        assert not judged.met and judged.score <= 20


def test_a_full_ladder_in_short_plain_sentences_is_ready() -> None:
    ready = readiness(TOLD.evolve(ladder=dict(MEETS)))
    assert ready.ready and [j.met for j in ready.judgments] == [True] * 6


def test_a_whole_story_flag_the_level_does_not_ask_for_is_not_raised() -> None:
    plain = critique("I decide fastest when I know least.", level="meta_reflection")
    assert plain.level is not None and plain.level.met
    assert not {"no_numbers", "no_learning", "no_result", "no_cost"} & set(plain.flag_ids)
    tradeoff = critique(MEETS["tradeoff"], level="tradeoff")
    assert "no_cost" not in tradeoff.flag_ids and "no_credit" not in tradeoff.flag_ids
    assert tradeoff.scores["overall"] == tradeoff.level.score  # type: ignore[union-attr]


def test_the_cli_adds_the_level_to_the_critique_json() -> None:
    code, out, _ = sl(
        "critique", "-", "--level", "tradeoff", "--format", "json", input=MEETS["tradeoff"]
    )
    data = json.loads(out)
    assert code == 0 and set(data["level"]) == {"id", "met", "score", "evidence", "missing"}
    assert data["level"]["id"] == "tradeoff" and data["level"]["met"] is True
    assert {"question", "sentences", "checks", "flags", "scores", "follow_ups"} <= set(data)
    for span in data["level"]["evidence"]:
        assert MEETS["tradeoff"][span["start"] : span["end"]] == span["text"]
    code, _, err = sl("critique", "-", "--level", "sideways", input="Something I did.")
    assert code == 2 and "unknown ladder level" in err


def test_the_word_vote_is_weighed_apart_where_the_rules_heard_nothing_of_the_level() -> None:
    from storyladder.coach import level_model
    from storyladder.coach.levels import FEATURES, reading, with_vote

    heard = reading("Since then I run a dry-run on a copy before any import.", "worldview")
    silent = reading("We built 14 charts. The list worked.", "meta_reflection")
    assert len(with_vote(heard, 0.8)) == len(with_vote(silent, 0.8)) == len(FEATURES)
    assert with_vote(heard, 0.8)[-2:] == [0.8, 0.0]
    assert with_vote(silent, 0.8)[-2:] == [0.0, 0.8]
    # trained on the tuning authors, the model trusts words alone less than words beside
    # something the rules could point at, at every level
    for level, w in level_model.weights().items():
        alone, beside = w[FEATURES.index("words_alone")], w[FEATURES.index("words_heard")]
        assert alone < beside, level


@pytest.mark.parametrize(
    "restated",
    [
        "The invoices had gone missing from the shared drive. I had to decide whether to tell "
        "the auditors. It was my responsibility. So I had to make the call.",
        "I had to choose whether to approve the new supplier.\nThat was my job.\nI needed to "
        "say yes or no.",
        "I had to decide whether to go along with the price cut or not. Mara wanted it lower "
        "and I didn't. So that was the situation.",
    ],
)
def test_a_context_that_only_says_whose_call_it_was_is_not_met(restated: str) -> None:
    """Context asks what pressed on the decision; saying again that it was one's own call
    tells none of it, however plainly."""
    judged = judge_level(restated, "context", story=TOLD)
    assert not judged.met, judged
    # the same ownership beside the forces that pressed on it is a context
    forces = (
        "Finance wanted the refunds out by Friday, 212 customers were waiting, and Dana had "
        "two people off. It was my call."
    )
    assert judge_level(forces, "context", story=TOLD).met
