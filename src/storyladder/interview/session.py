"""The nouns of a practice session: the planned steps, the turns, the session itself.

A session is a value: the engine returns a new one for every answer. Its dict form
is what the store saves after every turn, so a crash loses nothing; its revision is the
version the store compares before saving, so a turn taken on a stale copy loses nothing.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any


@dataclass(frozen=True)
class Step:
    """One thing the interviewer plans to do."""

    kind: str  # question | probe | drill | press | pushback
    level: str | None = None  # ladder level the step aims at
    drill: str | None = None  # drill or probe-set id
    story_id: str | None = None  # the story this part of the session is about
    question: str | None = None  # fixed text for a question step


@dataclass(frozen=True)
class Turn:
    role: str  # interviewer | candidate
    text: str
    kind: str | None = None
    level: str | None = None
    drill: str | None = None
    story_id: str | None = None
    critique: dict[str, Any] | None = None
    signals: tuple[str, ...] = ()
    seconds: float | None = None  # how long the candidate took to answer
    voice: str | None = None  # the model that phrased an interviewer turn (None: the rules)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"role": self.role, "text": self.text}
        for key in ("kind", "level", "drill", "story_id", "critique", "seconds", "voice"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        if self.signals:
            out["signals"] = list(self.signals)
        return out

    @property
    def level_judged(self) -> dict[str, Any] | None:
        """The level judge's reading of a follow-up answer (met, score), None for others.

        Sessions saved before the judge existed are judged again on the spot."""
        if self.role != "candidate" or not self.level or self.kind == "question":
            return None
        saved = (self.critique or {}).get("level")
        if saved is not None:
            return dict(saved)
        from storyladder.coach.levels import judge_level

        return judge_level(self.text, self.level).to_dict()

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Turn:
        return cls(**{**data, "signals": tuple(data.get("signals", ()))})


@dataclass(frozen=True)
class Session:
    id: str
    mode: str
    company: str
    created_at: str
    seed: int = 0
    drill: str | None = None
    story_id: str | None = None
    question: str | None = None
    plan: tuple[Step, ...] = ()
    cursor: int = 0  # index of the next step of the plan to ask
    turns: tuple[Turn, ...] = ()
    status: str = "active"  # active | done
    scorecard: dict[str, Any] | None = field(default=None)
    # how many times the store has saved it (0: never): the version a turn is taken on, so
    # two windows answering at once never overwrite each other (the store compares it)
    revision: int = 0

    @property
    def last_question(self) -> Turn | None:
        return next((t for t in reversed(self.turns) if t.role == "interviewer"), None)

    @property
    def answers(self) -> tuple[Turn, ...]:
        return tuple(t for t in self.turns if t.role == "candidate")

    @property
    def exchanges(self) -> tuple[tuple[str, Turn], ...]:
        """Each answer with the interviewer's words it answered, in order."""
        out: list[tuple[str, Turn]] = []
        asked = ""
        for turn in self.turns:
            if turn.role == "interviewer":
                asked = turn.text
            else:
                out.append((asked, turn))
        return tuple(out)

    def evolve(self, **changes: Any) -> Session:
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "mode": self.mode,
            "company": self.company,
            "created_at": self.created_at,
            "seed": self.seed,
            "drill": self.drill,
            "story_id": self.story_id,
            "question": self.question,
            "plan": [asdict(s) for s in self.plan],
            "cursor": self.cursor,
            "status": self.status,
            "turns": [t.to_dict() for t in self.turns],
            "scorecard": self.scorecard,
            "revision": self.revision,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Session:
        return cls(
            id=data["id"],
            mode=data["mode"],
            company=data["company"],
            created_at=data["created_at"],
            seed=data.get("seed", 0),
            drill=data.get("drill"),
            story_id=data.get("story_id"),
            question=data.get("question"),
            plan=tuple(Step(**s) for s in data.get("plan", ())),
            cursor=data.get("cursor", 0),
            status=data.get("status", "active"),
            turns=tuple(Turn.from_dict(t) for t in data.get("turns", ())),
            scorecard=data.get("scorecard"),
            revision=data.get("revision", 0),
        )
