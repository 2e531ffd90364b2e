"""Deflection: an answer to a question from a new angle (how someone else saw it, what the
other road held, what it felt like, what a critic would say) that steers back to the
prepared story and leaves the angle untouched.

An answer that takes the angle up, even in one line or with "I don't know", is engaged.
What the lexicon finds (the angle's own kind of words: feelings, someone else's view, the
road not taken, a concession; and the turn back: a callback, "what I did was", a result
retold) and how much of the answer is the prepared story are weighed by a small logistic
model (content/deflection_model.json, trained by scripts/train_listener.py on the tuning
authors of tests/corpus/interview only).
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from storyladder.coach import lexicon as lx
from storyladder.coach import logistic
from storyladder.coach import signals as s
from storyladder.coach.match import terms
from storyladder.coach.text import find, sentences

FEATURES = (
    "bias",
    "angle_taken",
    "on_script",
    "feelings",
    "perspective",
    "other_road",
    "concedes",
    "hedges",
    "admits_gap",
    "callback",
    "pivot",
    "echo_opening",
    "result_retold",
    "direct_opening",
)


DIRECT_WORDS = 3  # a first sentence this short that asks nothing answers the angle head on


def features(answer: str, probe: str, story_text: str) -> list[float]:
    text = " ".join(answer.split())
    said, asked, prepared = terms(text), terms(probe), terms(story_text)
    new_angle = set(asked) - set(prepared)
    total = max(sum(said.values()), 1)
    angle = len(set(said) & new_angle) / max(len(new_angle), 1) if new_angle else 0.0
    on_script = sum(n for t, n in said.items() if t in prepared) / total
    parts = sentences(text)
    first = parts[0].text if parts else ""
    echo = first.rstrip().endswith("?") or (
        len(first.split()) <= 6 and bool(set(terms(first)) & set(asked))
    )
    per = max(len(parts), 1)
    return [
        1.0,
        angle,
        on_script,
        min(len(find(lx.FEELING_WORD, text)) / per, 1.0),
        min(len(find(lx.PERSPECTIVE, text)) / per, 1.0),
        min(len(lx.COUNTERFACTUAL.findall(text)) / per, 1.0),
        float(bool(find(lx.CONCEDE, text) or find(lx.ACKNOWLEDGE, text))),
        min(len(find(lx.HEDGE, text)) / per, 1.0),
        float(bool(find(s._GAPS, text))),
        float(bool(find(lx.CALLBACK, text))),
        min(len(find(lx.PIVOT_BACK, text)), 2) / 2,
        float(echo),
        min(len(find(lx.RESULT_FIGURE, text)) / per, 1.0),
        float(len(first.split()) <= DIRECT_WORDS and not first.rstrip().endswith("?")),
    ]


@cache
def weights() -> list[float]:
    text = resources.files("storyladder.content").joinpath("deflection_model.json").read_text()
    data: dict[str, Any] = json.loads(text)
    return list(map(float, data["weights"]))


def deflects(answer: str, probe: str, story_text: str) -> bool:
    """Does the answer steer back to the prepared story instead of taking up the probe?"""
    if not story_text.strip() or not answer.strip():
        return False
    return logistic.chance(weights(), features(answer, probe, story_text)) >= 0.5
