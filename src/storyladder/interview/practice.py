"""The one practice loop: start a session, take an answer, skip, finish, with every turn saved.

The CLI, the web app and the MCP server all call this service; none of them drives the
engine itself. It takes a store (`Store`, which the repository is), the optional model
provider (which only rephrases the interviewer's turns, see llm/voice.py) and a clock,
so tests can pin time.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

from storyladder.errors import InputError
from storyladder.interview import engine
from storyladder.interview.session import Session
from storyladder.llm.provider import Provider
from storyladder.llm.resilient import Outcome
from storyladder.llm.voice import voice
from storyladder.model import LEVELS, Story


class Store(Protocol):
    """What the service needs of a store (the repository has it; tests may pass less)."""

    def list(self) -> Sequence[Any]: ...  # records with a .story
    def add(self, story: Story) -> Any: ...
    def get_session(self, session_id: str) -> dict[str, Any]: ...
    def save_session(self, data: dict[str, Any]) -> None: ...


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Progress:
    """Where the candidate is: level 3 of 6 on this story, question 4 of about 9."""

    question: int  # the number of the question being asked, from 1
    questions: int  # how many the plan holds now (presses can add one)
    level: int | None  # the ladder level being asked, from 1 (None: not on a ladder)
    levels: int | None  # how deep this story's climb goes

    def describe(self) -> str:
        where = f"question {self.question} of about {self.questions}"
        if self.level and self.levels:
            return f"level {self.level} of {self.levels}, {where}"
        return where


def progress(session: Session) -> Progress:
    asked = session.last_question
    questions = sum(1 for t in session.turns if t.role == "interviewer" and t.kind != "closing")
    total = max(questions, questions + len(session.plan) - session.cursor)
    if asked is None or not asked.level or asked.kind == "closing":
        return Progress(questions, total, None, None)
    climb = [
        LEVELS.index(s.level)
        for s in session.plan
        if s.level and s.story_id == asked.story_id and s.kind in ("question", "probe")
    ]
    return Progress(questions, total, LEVELS.index(asked.level) + 1, max(climb, default=0) + 1)


@dataclass
class Practice:
    """The practice service for one caller (a terminal run, a web request, an MCP server)."""

    repo: Store
    provider: Provider | None = None
    clock: Callable[[], datetime] = _utc_now
    outcome: Outcome = field(default_factory=Outcome)

    def stories(self) -> list[Story]:
        return [r.story for r in self.repo.list()]

    def start(
        self,
        mode: str,
        company: str = "anthropic",
        story_id: str | None = None,
        drill: str | None = None,
        question: str | None = None,
        minutes: int = 45,
        seed: int = 0,
    ) -> Session:
        try:
            session = engine.start(
                uuid.uuid4().hex[:12],
                mode,
                self.stories(),
                self.clock().isoformat(timespec="seconds"),
                company=company,
                story_id=story_id or None,
                drill=drill or None,
                question=question or None,
                minutes=minutes,
                seed=seed,
            )
        except KeyError as err:  # an unknown company or drill: the message names the allowed
            raise InputError(str(err.args[0])) from None
        return self._save(session)

    def get(self, session_id: str) -> Session:
        return Session.from_dict(self.repo.get_session(session_id))

    def answer(self, session_id: str, text: str, seconds: float | None = None) -> Session:
        """Judge the answer, ask the next question (in the model's voice when one is set)."""
        stories = self.stories()
        session = engine.answer(self.get(session_id), text, stories, seconds=seconds)
        return self._save(voice(session, self.provider, self.outcome))

    def skip(self, session_id: str) -> Session:
        return self._save(engine.skip(self.get(session_id), self.stories()))

    def finish(self, session_id: str) -> Session:
        session = self.get(session_id)
        if session.status != "active":
            return session
        return self._save(engine.finish(session))

    def resume(self, session_id: str) -> Session:
        session = self.get(session_id)
        if session.status != "active":
            raise InputError(
                f"session {session_id} is already finished (sessions show {session_id})"
            )
        return session

    def save_draft(self, session_id: str, answer: int) -> Story:
        """Keep a story told on the spot in a mock as a draft of the bank, in the candidate's
        own words (the answer and the follow-ups it got), for them to finish later."""
        session = self.get(session_id)
        answers = session.answers
        if not 0 <= answer < len(answers):
            raise InputError(f"session {session_id} has no answer number {answer + 1}")
        told = answers[answer]
        if "new_story" not in told.signals:
            raise InputError(f"answer {answer + 1} tells a story already in the bank")
        story = engine.draft_from(session, answer)
        return self.repo.add(story).story

    def _save(self, session: Session) -> Session:
        self.repo.save_session(session.to_dict())
        return session


def turn_summary(session: Session) -> dict[str, object]:
    """What a caller needs after each step: the question, where the candidate is, the card."""
    asked = session.last_question
    return {
        "session_id": session.id,
        "status": session.status,
        "question": asked.text if asked else None,
        "level": asked.level if asked else None,
        "progress": progress(session).describe(),
        "heard": list(session.answers[-1].signals) if session.answers else [],
        "scorecard": session.scorecard,
    }
