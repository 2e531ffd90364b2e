"""Labelled replies to push-back and right-angle questions (tests/corpus/interview/), and how
well the interviewer hears them: the push-back outcome, and deflection versus engagement.

Every file is one author's, written by a helper session from a style brief
(tests/corpus/interview/BRIEF.md) and never from our code; split.yaml says which authors
tune the listener and which are held out. Figures go to docs/interview.md.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from storyladder.interview.deflection import deflects
from storyladder.interview.pushback import taken

OUTCOMES = ("updates", "holds", "defensive", "collapse")


@dataclass(frozen=True)
class Reply:
    id: str
    author: str
    style: str
    kind: str  # pushback | right_angle
    story: str
    question: str
    drill: str
    reply: str
    outcome: str | None  # push-back items: updates | holds | defensive | collapse
    deflection: bool | None  # right-angle items


@dataclass(frozen=True)
class Replies:
    items: tuple[Reply, ...]
    tune: frozenset[str]
    heldout: frozenset[str]
    sealed: frozenset[str] = frozenset()

    def of(self, authors: frozenset[str]) -> list[Reply]:
        return [r for r in self.items if r.author in authors]


def load(folder: Path) -> Replies:
    items: list[Reply] = []
    for path in sorted(folder.glob("*.yaml")):
        if path.name == "split.yaml":
            continue
        data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
        for item in data["items"]:
            items.append(
                Reply(
                    id=item["id"],
                    author=data["author"],
                    style=data["style"],
                    kind=item["kind"],
                    story=item["story"],
                    question=item["question"],
                    drill=item["drill"],
                    reply=item["reply"],
                    outcome=item.get("outcome"),
                    deflection=item.get("deflection"),
                )
            )
    split = yaml.safe_load((folder / "split.yaml").read_text(encoding="utf-8"))
    return Replies(
        tuple(items),
        frozenset(split["tune"]),
        frozenset(split["heldout"]),
        frozenset(split.get("sealed", ())),
    )


def measure(items: list[Reply]) -> dict[str, Any]:
    """Outcome accuracy with its confusion, deflection caught and false alarms."""
    confusion: Counter[tuple[str, str]] = Counter()
    wrong: list[str] = []
    for r in (r for r in items if r.kind == "pushback"):
        heard = taken(r.reply).outcome
        confusion[(r.outcome or "", heard)] += 1
        if heard != r.outcome:
            wrong.append(f"{r.id}: {r.outcome} heard as {heard}")
    caught = alarms = deflections = engaged = 0
    for r in (r for r in items if r.kind == "right_angle"):
        heard_deflection = deflects(r.reply, r.question, r.story)
        if r.deflection:
            deflections += 1
            caught += heard_deflection
        else:
            engaged += 1
            alarms += heard_deflection
        if heard_deflection != r.deflection:
            wrong.append(f"{r.id}: deflection {r.deflection} heard as {heard_deflection}")
    pushbacks = sum(confusion.values())
    return {
        "authors": sorted({r.author for r in items}),
        "pushback": pushbacks,
        "outcome": sum(n for (a, b), n in confusion.items() if a == b) / max(pushbacks, 1),
        "by_outcome": {
            o: confusion[(o, o)] / max(sum(n for (a, _), n in confusion.items() if a == o), 1)
            for o in OUTCOMES
        },
        "confusion": confusion,
        "right_angle": deflections + engaged,
        "caught": caught / max(deflections, 1),
        "false_alarms": alarms / max(engaged, 1),
        "wrong": wrong,
    }
