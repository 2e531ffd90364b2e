"""The one small logistic model the coach and the interviewer learn: trained by gradient
descent on the tuning authors' labelled items, shipped as weights in content/*.json."""

from __future__ import annotations

import math


def chance(weights: list[float], features: list[float]) -> float:
    """The model's chance for one item (the first feature is the bias, always 1)."""
    z = sum(a * b for a, b in zip(weights, features, strict=True))
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def train(
    samples: list[tuple[list[float], bool]], l2: float = 2.0, rounds: int = 600, step: float = 0.5
) -> list[float]:
    """Logistic regression by gradient descent (the bias, first, is not regularized)."""
    w = [0.0] * len(samples[0][0])
    n = len(samples)
    for _ in range(rounds):
        grad = [0.0] * len(w)
        for x, label in samples:
            error = chance(w, x) - float(label)
            for i, xi in enumerate(x):
                grad[i] += error * xi
        for i in range(len(w)):
            w[i] -= step * (grad[i] / n + (l2 * w[i] / n if i else 0.0))
    return w
