"""The one small logistic model the coach and the interviewer learn: trained by gradient
descent on the tuning authors' labelled items, shipped as weights in content/*.json.
`chance` answers yes or no; `log_softmax` picks one of several (a sentence's component)."""

from __future__ import annotations

import math
from operator import mul


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


def log_softmax(weights: list[list[float]], features: list[float]) -> list[float]:
    """Log chance of each class (one row of weights per class; the first feature is 1)."""
    # map(mul) multiplies and sums in the same order as a generator would, in C
    z = [sum(map(mul, row, features)) for row in weights]
    top = max(z)
    norm = math.log(sum(math.exp(v - top) for v in z)) + top
    return [v - norm for v in z]


def train_softmax(
    samples: list[tuple[list[float], int]],
    start: list[list[float]],
    l2: float = 1.0,
    rounds: int = 200,
    step: float = 0.3,
) -> list[list[float]]:
    """Multinomial logistic regression by gradient descent, pulled toward `start` (the
    weights a person would set by hand), so that little data moves it only a little."""
    w = [list(row) for row in start]
    n = len(samples)
    for _ in range(rounds):
        grad = [[0.0] * len(row) for row in w]
        for x, label in samples:
            for k, log_p in enumerate(log_softmax(w, x)):
                error = math.exp(log_p) - (k == label)
                row = grad[k]
                for i, xi in enumerate(x):
                    row[i] += error * xi
        for k, row in enumerate(w):
            for i in range(len(row)):
                row[i] -= step * (grad[k][i] / n + l2 * (row[i] - start[k][i]) / n)
    return w
