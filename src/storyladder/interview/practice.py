"""The one practice loop: start a session, take an answer, skip, finish, with every turn saved.

The CLI, the web app and the MCP server all call this service; none of them drives the
engine itself. Every turn is taken on a revision of the session (the one the caller saw,
when it says so; else the one just read) and saved only if the session is still there:
when another window or client took a turn first, SessionConflict carries the session as
saved and the refused turn, so the caller keeps the candidate's answer and shows where the
session is now. It takes a store (`Store`, which the repository is), the optional model
provider (which only rephrases the interviewer's turns, see llm/voice.py) and a clock,
so tests can pin time.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

from storyladder.errors import InputError, SessionConflict
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
    def save_session(self, data: dict[str, Any]) -> int: ...  # the revision saved


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

    def answer(
        self,
        session_id: str,
        text: str,
        seconds: float | None = None,
        revision: int | None = None,
    ) -> Session:
        """Judge the answer, ask the next question (in the model's voice when one is set).
        `revision`: the version of the session the candidate answered (SessionConflict if
        it moved on since)."""
        turn = {"action": "answer", "text": text, "seconds": seconds}
        session = self._taken_on(session_id, revision, turn)
        answered = engine.answer(session, text, self.stories(), seconds=seconds)
        return self._save(voice(answered, self.provider, self.outcome), turn)

    def skip(self, session_id: str, revision: int | None = None) -> Session:
        turn = {"action": "skip", "text": "", "seconds": None}
        session = self._taken_on(session_id, revision, turn)
        return self._save(engine.skip(session, self.stories()), turn)

    def finish(self, session_id: str, revision: int | None = None) -> Session:
        turn = {"action": "finish", "text": "", "seconds": None}
        session = self._taken_on(session_id, revision, turn)
        if session.status != "active":
            return session
        return self._save(engine.finish(session), turn)

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

    def _taken_on(self, session_id: str, revision: int | None, turn: dict[str, Any]) -> Session:
        """The session as saved, if it is still at `revision` (when given)."""
        session = self.get(session_id)
        if revision is not None and revision != session.revision:
            raise SessionConflict(session_id, revision, session.revision, session.to_dict(), turn)
        return session

    def _save(self, session: Session, turn: dict[str, Any] | None = None) -> Session:
        """Save on the revision the session was read at; a new session is revision 1."""
        try:
            saved = self.repo.save_session(session.to_dict())
        except SessionConflict as err:  # another turn was saved while this one was judged
            raise SessionConflict(
                session.id, err.base, err.current, err.theirs, turn or err.yours
            ) from None
        return session.evolve(revision=saved)


def turn_summary(session: Session) -> dict[str, object]:
    """What a caller needs after each step: the question, where the candidate is, the card."""
    asked = session.last_question
    return {
        "session_id": session.id,
        "revision": session.revision,  # send it with the next turn (see Practice.answer)
        "status": session.status,
        "question": asked.text if asked else None,
        "level": asked.level if asked else None,
        "progress": progress(session).describe(),
        "heard": list(session.answers[-1].signals) if session.answers else [],
        "scorecard": session.scorecard,
    }
