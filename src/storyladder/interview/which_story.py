"""Which story of the bank an answer tells, or none: a mock follows the candidate's choice.

A candidate asked about a failure may tell a different story than the one the interviewer
had in mind, or one that is not in the bank at all. The answer's content words are
compared with each story's (weighted by how rare each word is in the bank, names counted
twice); below a floor it is a new story.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from storyladder.coach.match import terms
from storyladder.model import Story

# An answer retells a bank story when its cosine with it reaches SAME_STORY and is at least
# AHEAD times the runner-up's. Chosen on the tuning authors' ladders (a story's first three
# answers against its own bank and against other authors' banks): 95% of retellings found,
# 90% of other stories called new.
SAME_STORY = 0.18
AHEAD = 1.5
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]{2,}\b")


@dataclass(frozen=True)
class Told:
    story_id: str | None  # None: a story not in the bank
    similarity: float


def _words(text: str) -> Counter[str]:
    found = terms(text)
    for name in _NAME.findall(text):
        found[name.lower()] += 2  # a person or product named is the surest sign of a story
    return found


def which_story(answer: str, stories: Sequence[Story]) -> Told:
    said = _words(answer)
    if not said or not stories:
        return Told(None, 0.0)
    docs = {s.id: _words(f"{s.title}\n{s.text}") for s in stories}
    df = Counter(t for doc in docs.values() for t in doc)
    n = len(docs)
    idf = {t: math.log((n + 1) / (k + 0.5)) for t, k in df.items()}

    def norm(doc: Counter[str]) -> float:
        return math.sqrt(sum((v * idf.get(t, 1.0)) ** 2 for t, v in doc.items())) or 1.0

    said_norm = norm(said)
    ranked = sorted(
        (
            (sum(v * doc[t] * idf[t] ** 2 for t, v in said.items() if t in doc))
            / (said_norm * norm(doc)),
            story_id,
        )
        for story_id, doc in docs.items()
    )[::-1]
    score, best = ranked[0]
    runner_up = ranked[1][0] if len(ranked) > 1 else 0.0
    same = score >= SAME_STORY and score >= AHEAD * runner_up
    return Told(best if same else None, round(score, 3))
