"""A small multinomial Naive Bayes over words, trained on our own labelled corpus.

The model ships as counts in content/component_model.json (scripts/train_components.py
writes it); it adds what words suggest to the hand-written cues in components.py.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import cache
from importlib import resources
from typing import Any

from storyladder import jsontext

_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+")


# contractions as typed without their apostrophe ("didnt", "im"), read as the same word; not
# those that would be another word ("its", "ill", "lets", "were", "well")
_BARE = {
    word.replace("'", ""): word
    for word in (
        "don't didn't doesn't isn't wasn't weren't aren't can't couldn't wouldn't shouldn't "
        "won't hasn't haven't hadn't i'm i've i'd you're they're that's there's what's"
    ).split()
}


def words(text: str) -> list[str]:
    """The words of `text` and its word pairs ("was_wrong"), lowercased."""
    tokens = [_BARE.get(t, t) for t in _TOKEN.findall(text.lower().replace("’", "'"))]
    return tokens + [f"{a}_{b}" for a, b in zip(tokens, tokens[1:], strict=False)]


def features(sentence: str, position: float) -> list[str]:
    """A sentence's words and word pairs, and where in the answer it stands."""
    return [*words(sentence), f"__pos{min(int(position * 5), 4)}"]


def train(samples: list[tuple[list[str], str]], min_count: int = 2) -> dict[str, Any]:
    """Counts per label; features seen fewer than `min_count` times in all are dropped."""
    counts: dict[str, Counter[str]] = {}
    priors: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for feats, label in samples:
        priors[label] += 1
        counts.setdefault(label, Counter()).update(feats)
        total.update(feats)
    return {
        "priors": dict(priors),
        "counts": {
            label: {f: n for f, n in c.items() if total[f] >= min_count}
            for label, c in counts.items()
        },
    }


class Model:
    def __init__(self, data: dict[str, Any], alpha: float = 0.5):
        self.labels = sorted(data["priors"])
        total = sum(data["priors"].values())
        self.log_prior = {k: math.log(v / total) for k, v in data["priors"].items()}
        counts: dict[str, dict[str, int]] = data["counts"]
        vocab = list({f for c in counts.values() for f in c})
        # log P(feature | label) for every label, computed once: scoring a sentence is then
        # one lookup per feature (made a label at a time: loaded with every process). Most
        # words are rare, so few counts and fewer rows of them occur: each value is made once
        # a count and each row once, and shared, which keeps the table small enough to stay
        # in the processor's cache (a third of a million floats would not)
        columns = []
        for label in self.labels:
            own = counts.get(label, {})
            denom = sum(own.values()) + alpha * len(vocab)
            logs = {n: math.log((n + alpha) / denom) for n in {*own.values(), 0}}
            columns.append([logs[own.get(f, 0)] for f in vocab])
        rows: dict[tuple[float, ...], tuple[float, ...]] = {}
        self.log_likelihood: dict[str, tuple[float, ...]] = {
            f: rows.setdefault(row, row)
            for f, row in zip(vocab, zip(*columns, strict=True), strict=True)
        }
        self._prior_row = tuple(self.log_prior[label] for label in self.labels)

    def log_odds(self, feats: list[str], label: str) -> float:
        """How much more likely `label` is than every other label, in log odds."""
        probs = self.log_probs(feats)
        rest = [math.exp(v) for k, v in probs.items() if k != label]
        return probs[label] - math.log(max(sum(rest), 1e-12))

    def log_probs(self, feats: list[str]) -> dict[str, float]:
        # unseen words say nothing (a row is a tuple of every label's value, never empty)
        rows = list(filter(None, map(self.log_likelihood.get, feats)))
        rows.append(self._prior_row)
        out = dict(zip(self.labels, map(sum, zip(*rows, strict=True)), strict=True))
        top = max(out.values())
        norm = math.log(sum(math.exp(v - top) for v in out.values())) + top
        return {k: v - norm for k, v in out.items()}


@cache
def packaged(name: str) -> dict[str, Any] | None:
    """A model shipped in the package (content/NAME), or None when it is not there."""
    try:
        text = resources.files("storyladder.content").joinpath(name).read_bytes()
    except FileNotFoundError:
        return None
    data: dict[str, Any] = jsontext.loads(text)  # orjson: the same data, in a third the time
    return data


def shipped_data() -> dict[str, Any] | None:
    """content/component_model.json: the word counts, and the trained combiner's weights."""
    return packaged("component_model.json")


@cache
def shipped() -> Model | None:
    data = shipped_data()
    return Model(data) if data is not None else None
