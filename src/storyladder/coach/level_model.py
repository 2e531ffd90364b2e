"""A small logistic model over what the level judge's rules heard: one weight per feature
(`levels.FEATURES`) per level, trained on the tuning authors only by
scripts/train_levels.py and shipped as content/level_model.json.

The rules find the words; the model weighs them. It turns "the rules found a cost, two
numbers and no denial" into a chance that a careful interviewer would call the level
met, and that chance is the level score, so strong and weak answers at the same level
compare on one scale. One of its features is a vote of a word model per level (Naive
Bayes over words and word pairs, coach/nb.py): what answers that meet the level tend to
say that answers that miss it do not. Held out by author the model beats the rules
alone (docs/coach.md).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from storyladder.coach import logistic, nb

VOTE_SCALE = 20.0  # log odds of this size make a full vote (-1 or 1)
MET, UNMET = "met", "unmet"


def _shipped() -> dict[str, Any]:
    return nb.packaged("level_model.json") or {}


@cache
def weights() -> dict[str, list[float]]:
    return {level: list(map(float, w)) for level, w in _shipped().get("weights", {}).items()}


@cache
def _word_model(level: str) -> nb.Model | None:
    words = _shipped().get("words", {}).get(level)
    return nb.Model(words) if words else None


def word_vote(level: str, answer: str, model: nb.Model | None = None) -> float:
    """What the answer's words say, from -1 (they sound like a miss at `level`) to 1 (like
    an answer that meets it); 0 when no word model is shipped."""
    model = model or _word_model(level)
    if model is None:
        return 0.0
    return max(-1.0, min(1.0, model.log_odds(nb.words(answer), MET) / VOTE_SCALE))


RULES_WEIGHT = 0.1  # the rules' own verdict keeps a tenth of the say (features[1])


def chance(level: str, features: list[float]) -> float | None:
    """The chance the answer meets `level` (None when no model is shipped for it): the
    model's, with the rules' verdict holding a tenth of the say, so a borderline answer
    the rules clearly hear as met is not lost to a number the model likes to see."""
    w = weights().get(level)
    if w is None:
        return None
    model = logistic.chance(w, features)
    return (1 - RULES_WEIGHT) * model + RULES_WEIGHT * features[1]
