"""A small logistic model over what the level judge's rules heard: one weight per feature
(`levels.FEATURES`) per level, trained on the tuning authors only by
scripts/train_levels.py and shipped as content/level_model.json.

The rules find the words; the model weighs them. It turns "the rules found a cost, two
numbers and no denial" into a chance that a careful interviewer would call the level
met, and that chance is the level score, so strong and weak answers at the same level
compare on one scale. Held out by author it beats the rules alone (docs/coach.md).
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from storyladder.coach import logistic


@cache
def weights() -> dict[str, list[float]]:
    try:
        text = resources.files("storyladder.content").joinpath("level_model.json").read_text()
    except FileNotFoundError:
        return {}
    data: dict[str, Any] = json.loads(text)
    return {level: list(map(float, w)) for level, w in data["weights"].items()}


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
