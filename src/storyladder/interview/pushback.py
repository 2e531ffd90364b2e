"""How a candidate takes push-back: `updates`, `holds`, `defensive` or `collapse`.

Two questions decide it, the way an interviewer hears it:

- Did they grant the point (in whole or in part), or keep their view?
- Did they give a reason: a fact, a number, a consequence, what they now do differently,
  the cost they accept? Blame, a premise refused or a rule restated is not a reason.

Granted with a reason: updates. Granted without one: collapse. Kept with a reason: holds.
Kept without one: defensive. The lexicon and the level judge find the words that answer
those questions (FEATURES), a small word model (Naive Bayes over words and word pairs,
coach/nb.py) adds what the reply's wording suggests (WORD_FEATURES), and one logistic
model per outcome weighs them all; the likeliest outcome is heard. Everything ships in
content/pushback_model.json, trained by scripts/train_listener.py on the tuning authors of
tests/corpus/interview only (the word model's votes for training are each made without
the author they vote on). Left out author by author, the words lifted the outcome from
82.7% to 94.2%; docs/interview.md has the held-out figures.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from storyladder.coach import flags as f
from storyladder.coach import lexicon as lx
from storyladder.coach import logistic, nb
from storyladder.coach.levels import judge_level
from storyladder.coach.match import terms
from storyladder.coach.text import find, sentences, word_count
from storyladder.model import Span

OUTCOMES = ("updates", "holds", "defensive", "collapse")
FEATURES = (
    "bias",
    "opens_conceding",
    "concedes",
    "keeps_view",
    "but_after_granting",
    "tail_concedes",
    "tail_keeps",
    "ends_conceding",
    "self_critique",
    "better_road",
    "changed_view",
    "would_do",
    "vague_change",
    "hedges",
    "acknowledges",
    "other_road",
    "premise_refused",
    "dismisses",
    "blames",
    "facts",
    "causes",
    "specifics",
    "told_facts",
    "grants_with_facts",
    "hedged_and_thin",
    "decision_level",
    "tradeoff_level",
    "words",
)
WORD_FEATURES = tuple(f"words_say_{o}" for o in OUTCOMES)
_CAUSE = re.compile(
    r"\b(?:because|since|so|meant|means|otherwise|which|once|if|then|until|unless|instead|"
    r"cost|only|already|the reason|that's why|given|b/c|bc|cos|cuz|coz)\b|->|=>|\u2192",
    re.IGNORECASE,
)
_FACT = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twice|half)\b")
_NAME = re.compile(r"(?<=[a-z,] )[A-Z][a-z]{2,}\b")
_CONTRAST = re.compile(r"\b(?:but|however|though|still|that said)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Taken:
    outcome: str  # updates | holds | defensive | collapse
    confidence: float  # the model's chance for that outcome


def _said(words: re.Pattern[str], text: str) -> list[Span]:
    """The phrases of a list the reply says, less those it denies ("it wasn't my fault")."""
    return [sp for sp in find(words, text) if not lx.negated(text, sp)]


def features(reply: str) -> list[float]:
    text = " ".join(reply.split())
    said = sentences(text)
    words = max(word_count(text), 1)
    opens = bool(lx.CONCEDE_OPEN.search(text))
    concedes = len(_said(lx.CONCEDE, text))
    turns = list(_CONTRAST.finditer(text))
    contrast = bool(turns) and opens
    tail = text[turns[-1].end() :] if turns else ""  # what follows the last "but"
    tail_concedes = len(_said(lx.CONCEDE, tail)) + len(_said(lx.SELF_CRITIQUE, tail))
    factual = sum(1 for s in said if _FACT.search(s.text) or _NAME.search(s.text))
    causal = sum(1 for s in said if _CAUSE.search(s.text))
    hedges = len(find(lx.HEDGE, text))
    told = min(sum(_telling(sp.text) for sp in said), 3) / 3
    blamed = len(find(f._BLAME, text)) + (len(find(f._BLAME_WEAK, text)) >= 2)
    return [
        1.0,
        float(opens),
        min(concedes, 3) / 3,
        min(len(find(lx.KEEP_VIEW, text)), 2) / 2,
        float(contrast),
        min(tail_concedes, 2) / 2,
        float(bool(find(lx.KEEP_VIEW, tail))),
        _last_stance(text),
        min(len(_said(lx.SELF_CRITIQUE, text)), 2) / 2,
        float(bool(_said(lx.BETTER_ROAD, text))),
        min(len(_said(lx.CHANGED_VIEW, text)), 2) / 2,
        float(bool(lx.WOULD_DO.search(text)) and not lx.KEEP_VIEW.search(tail)),
        float(bool(find(lx.VAGUE_CHANGE, text))),
        min(hedges / max(len(said), 1), 1.0),
        float(bool(find(lx.ACKNOWLEDGE, text))),
        min(len(lx.COUNTERFACTUAL.findall(text)), 3) / 3,
        min(len(find(lx.PREMISE_ATTACK, text)), 2) / 2,
        min(len(find(lx.DISMISS, text)), 2) / 2,
        min(blamed, 2) / 2,
        factual / max(len(said), 1),
        causal / max(len(said), 1),
        min(len(terms(text)) / 25, 1.0),
        told,
        min(concedes, 1) * told,  # a concession that goes on to tell what happened
        min(hedges, 2) / 2 * (1 - told),  # softened and saying nothing: giving in
        judge_level(text, "decision").score / 100,
        judge_level(text, "tradeoff").score / 100,
        min(math.log(words) / math.log(150), 1.0),
    ]


_STANCE = (lx.CONCEDE, lx.HEDGE, lx.KEEP_VIEW, lx.ACKNOWLEDGE, lx.DISMISS, lx.PREMISE_ATTACK)


def _telling(sentence: str) -> bool:
    """A sentence that tells something (a fact, a cause, a move) rather than taking a
    stance: what a reason is made of, and what a bare concession or denial lacks."""
    return word_count(sentence) >= 5 and not any(find(words, sentence) for words in _STANCE)


def _last_stance(text: str) -> float:
    """+1 when the reply's last word on its stance grants the point, -1 when it keeps the
    view, 0 when it says neither: a partial update ends on what would change."""
    granting = [
        sp.end
        for words in (lx.CONCEDE, lx.SELF_CRITIQUE, lx.CHANGED_VIEW, lx.BETTER_ROAD)
        for sp in _said(words, text)
    ] + [m.end() for m in lx.WOULD_DO.finditer(text)]
    keeping = [sp.end for sp in find(lx.KEEP_VIEW, text)]
    if not granting and not keeping:
        return 0.0
    return 1.0 if max(granting, default=-1) > max(keeping, default=-1) else -1.0


@cache
def _shipped() -> dict[str, Any]:
    text = resources.files("storyladder.content").joinpath("pushback_model.json").read_text()
    data: dict[str, Any] = json.loads(text)
    return data


@cache
def weights() -> dict[str, list[float]]:
    return {name: list(map(float, w)) for name, w in _shipped()["weights"].items()}


@cache
def _word_model() -> nb.Model:
    return nb.Model(_shipped()["words"])


_NEGATOR = re.compile(r"^(?:not|no|never|nothing|nobody|\w+n't)$")


def word_tokens(reply: str) -> list[str]:
    """Words and word pairs of a reply (coach/nb.py's features, without a position); the
    two words after a negation are marked, so "not fair" does not count as "fair"."""
    tokens = nb.words(reply)
    words = [t for t in tokens if "_" not in t]
    marked, left = [], 0
    for word in words:
        marked.append(f"not_{word}" if left else word)
        left = 2 if _NEGATOR.match(word) else max(left - 1, 0)
    return marked + [t for t in tokens if "_" in t]


def word_votes(reply: str, model: nb.Model | None = None) -> list[float]:
    """The word model's chance for each outcome, in OUTCOMES order."""
    chances = (model or _word_model()).log_probs(word_tokens(reply))
    return [math.exp(chances.get(o, -30.0)) for o in OUTCOMES]


def taken(reply: str) -> Taken:
    """How the candidate took the push-back."""
    x = features(reply) + word_votes(reply)
    chances = {o: logistic.chance(weights()[o], x) for o in OUTCOMES}
    outcome = max(OUTCOMES, key=chances.__getitem__)
    said = dict(zip(FEATURES, x, strict=False))
    refuses = said["blames"] or said["premise_refused"]
    if outcome == "collapse" and refuses and not (said["concedes"] or said["opens_conceding"]):
        outcome = "defensive"  # giving in grants the point; blame without a grant is not that
    return Taken(outcome, chances[outcome])
