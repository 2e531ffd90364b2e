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
import math
from functools import cache
from importlib import resources
from typing import Any


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
    z = sum(a * b for a, b in zip(w, features, strict=True))
    model = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
    return (1 - RULES_WEIGHT) * model + RULES_WEIGHT * features[1]


def train(
    samples: list[tuple[list[float], bool]], l2: float = 2.0, rounds: int = 600, step: float = 0.5
) -> list[float]:
    """Logistic regression by gradient descent (the bias, first, is not regularized)."""
    w = [0.0] * len(samples[0][0])
    n = len(samples)
    for _ in range(rounds):
        grad = [0.0] * len(w)
        for x, met in samples:
            z = sum(a * b for a, b in zip(w, x, strict=True))
            error = 1 / (1 + math.exp(-max(-30.0, min(30.0, z)))) - float(met)
            for i, xi in enumerate(x):
                grad[i] += error * xi
        for i in range(len(w)):
            w[i] -= step * (grad[i] / n + (l2 * w[i] / n if i else 0.0))
    return w
