"""How the interviewer's follow-ups sound on other people's words: ladder climbs run on the
labelled ladders of the corpus (each story answered with its author's strong answers, then
with its weak ones, so presses are asked too), and every follow-up checked.

- grounded: it quotes the previous answer, or names a person or a figure from it;
- name from a sentence start: a capitalised word the answer only ever uses to open a
  sentence, taken for a person ("You mentioned One.");
- repeated opener: two interviewer turns in a row that begin with the same two words.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from storyladder.coach.lexicon import ordinary_word
from storyladder.coach.probes import MID_SENTENCE_CAPITAL, grounded
from storyladder.evaluation.corpus import LadderAnswer
from storyladder.interview import engine
from storyladder.model import Story

# a sentence's first word; not a name after a title ("Mr. Georges Nassif")
_START = re.compile(r"(?:^|(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)[.!?]\s+|\n)([A-Z][a-z]+)")


@dataclass
class ProbeReport:
    asked: int = 0
    grounded: int = 0
    initial_names: list[str] = field(default_factory=list)
    repeated_openers: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "asked": self.asked,
            "grounded": self.grounded / max(self.asked, 1),
            "initial_names": self.initial_names,
            "repeated_openers": self.repeated_openers,
        }


def _initial_only(probe: str, answer: str) -> list[str]:
    """Capitalised words of the probe that the answer uses only to open a sentence, and
    that are ordinary words or roles, or that no person's verb follows ("One I would...")."""
    starts = set(_START.findall(answer))
    inside = set(MID_SENTENCE_CAPITAL.findall(answer))
    return [
        w
        for w in MID_SENTENCE_CAPITAL.findall(probe)
        if w in starts
        and w not in inside
        and (ordinary_word(w) or not re.search(rf"(?:^|[.!?]\s+){w} (?:\w+ly )?[a-z]+", answer))
    ]


def _opener(text: str) -> str:
    return " ".join(text.lower().split()[:2])


def measure(ladders: list[LadderAnswer]) -> ProbeReport:
    stories: dict[str, dict[Any, Any]] = defaultdict(dict)  # "story", or (level, met)
    for item in ladders:
        key = item.id.split(":")[0]
        stories[key]["story"] = item.story
        stories[key][(item.level, item.met)] = item.answer
    report = ProbeReport()
    for key, parts in sorted(stories.items()):
        story = Story(
            title=key, id=re.sub(r"[^a-z0-9-]", "-", key.lower()), situation=parts["story"]
        )
        for strong in (True, False):
            session = engine.start(
                key, "ladder", [story], "2026-01-01T00:00:00+00:00", story_id=story.id
            )
            while session.status == "active":
                asked = session.last_question
                assert asked is not None
                answer = parts.get((asked.level or "surface", strong)) or parts.get(
                    (asked.level or "surface", not strong), "I'm not sure."
                )
                session = engine.answer(session, answer, [story])
                follow = session.last_question
                if follow is None or follow.kind == "closing":
                    continue
                report.asked += 1
                report.grounded += grounded(follow.text, answer)
                report.initial_names += _initial_only(follow.text, answer)
                asked_before = [t for t in session.turns if t.role == "interviewer"]
                if len(asked_before) >= 2 and _opener(asked_before[-1].text) == _opener(
                    asked_before[-2].text
                ):
                    report.repeated_openers.append(follow.text)
    return report
