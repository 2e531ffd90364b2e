"""A coach's own reading of a ladder level, over the machine's.

A coach reads one level of one revision and says met or not met, and why. That reading
counts instead of the machine's for as long as the answer at that level is the one the
coach read (the same text on a later revision keeps it); the machine's reading is kept
beside it. Pure: the caller passes the overrides the store holds.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from storyladder.coach.levels import LevelJudgment, Readiness, ladder_readiness
from storyladder.model import Story


@dataclass(frozen=True)
class Override:
    id: int
    story_id: str
    revision: int  # the revision the coach read
    level: str
    author_id: int
    met: bool
    note: str
    answer: str  # the level's answer as the coach read it
    created_at: datetime

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "revision": self.revision,
            "on": f"on revision {self.revision}",
            "level": self.level,
            "author_id": self.author_id,
            "met": self.met,
            "note": self.note,
            "created_at": self.created_at.isoformat(),
        }


def standing(overrides: Sequence[Override], story: Story) -> dict[str, Override]:
    """Per level, the newest override whose answer is still the story's at that level."""
    out: dict[str, Override] = {}
    for o in sorted(overrides, key=lambda o: (o.created_at, o.id)):
        if story.ladder.get(o.level, "") == o.answer:
            out[o.level] = o
    return out


def overridden(machine: Readiness, coach: Mapping[str, Override]) -> Readiness:
    """The readiness with the coach's readings counted instead of the machine's; a level
    the coach says is not met gives the coach's note as what it still needs."""
    judgments: list[LevelJudgment] = [
        replace(j, met=coach[j.level].met) if j.level in coach else j for j in machine.judgments
    ]
    ready = ladder_readiness(judgments)
    broken = coach.get(ready.broken_level or "")
    return replace(ready, reason=broken.note or ready.reason) if broken else ready


def levels_view(machine: Readiness, coach: Mapping[str, Override]) -> list[dict[str, Any]]:
    """Each level: the machine's reading, the coach's (or None) and the one that counts."""
    return [
        {
            "level": j.level,
            "met": coach[j.level].met if j.level in coach else j.met,
            "by": "coach" if j.level in coach else "machine",
            "machine": {"met": j.met, "score": j.score, "missing": j.missing},
            "coach": coach[j.level].to_dict() if j.level in coach else None,
        }
        for j in machine.judgments
    ]
