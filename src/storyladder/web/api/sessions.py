"""/api/v1/sessions: practising (start a session, post a turn: the one practice service,
interview/practice.py, with the server's repository as the user), one's own sessions, and
sharing one with one's cohorts' coaches (a copy as it is when shared; sharing again
replaces the copy; withdrawing deletes it). A coach names a session shared with them
OWNER:ID (see GET /api/v1/cohort); anything else is a 404, the same whether or not such a
session exists, and nobody posts a turn into a session that is not theirs. A turn names
the revision it was taken on; a stale one is a 409 that gives the answer back."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Depends
from pydantic import BaseModel

from storyladder.errors import StoryNotFound
from storyladder.interview.practice import Practice, turn_summary
from storyladder.store import session_sharing
from storyladder.store.repository import Repository
from storyladder.web.api.auth import UserRepo, current_session
from storyladder.web.api.stories import parse_ref

router = APIRouter(prefix="/api/v1", tags=["sessions"], dependencies=[Depends(current_session)])


class NewPractice(BaseModel):
    mode: Literal["ladder", "drill", "mock"]
    company: str = "generic"
    story_id: str | None = None  # a ladder climbs one of your stories; a drill may use one
    drill: str | None = None  # a drill's id (a drill needs one)
    question: str | None = None  # a drill's own question, instead of one from the bank
    minutes: int = 45  # a mock's length
    seed: int = 0


class NewTurn(BaseModel):
    action: Literal["answer", "skip", "finish"] = "answer"
    text: str = ""  # the answer (action "answer")
    seconds: float | None = None  # how long the answer took
    # the session's revision you saw (every answer gives it): a 409 if it has moved on since
    # (another window or client took a turn); without it, the turn is taken on the session
    # as it is when it arrives
    revision: int | None = None


def _own(repo: Repository, ref: str) -> str:
    owner, session_id = parse_ref(repo, ref, "session")
    if owner != repo.owner:
        raise StoryNotFound(f"no session with id '{ref}'")
    return session_id


def _shared_at(repo: Repository) -> dict[str, str]:
    mine = session_sharing.shared_sessions(repo, [repo.owner])
    return {s.session_id: s.shared_at.isoformat() for s in mine}


@router.get("/sessions")
def list_sessions(repo: UserRepo) -> list[dict[str, Any]]:
    """Your practice sessions, newest first: mode, company, status, answers, overall score,
    and when you shared each (null: private)."""
    shared = _shared_at(repo)
    return [row | {"shared_at": shared.get(row["id"])} for row in repo.list_sessions()]


@router.post("/sessions", status_code=201, responses={400: {}, 404: {}})
def start_practice(repo: UserRepo, given: NewPractice) -> dict[str, Any]:
    """Start practising: a ladder climb of one of your stories, a drill or a mock. Answers
    the interviewer's first question (`question`) and where you are (`progress`); the
    session is yours alone until you share it."""
    session = Practice(repo).start(
        given.mode,
        company=given.company,
        story_id=given.story_id,
        drill=given.drill,
        question=given.question,
        minutes=given.minutes,
        seed=given.seed,
    )
    return turn_summary(session) | {"id": session.id}


@router.post("/sessions/{session_id}/turns", responses={400: {}, 404: {}, 409: {}})
def take_turn(repo: UserRepo, session_id: str, turn: NewTurn) -> dict[str, Any]:
    """Your turn in your session: answer the question asked (judged by the same coach as
    the CLI's practice), skip it, or finish. Answers the next question, what was heard in
    your answer, and the scorecard once finished. Only your own session: anyone else's is
    a 404, shared with you or not. Send the `revision` of the session you saw: if another
    window or client took a turn since, nothing is saved and the 409 says where the session
    is now (`current`, the revision; `theirs`, as this answer would) and gives your turn
    back (`yours`: action, text, seconds) to send again on `current`."""
    practice, slug = Practice(repo), _own(repo, session_id)
    if turn.action == "skip":
        session = practice.skip(slug, revision=turn.revision)
    elif turn.action == "finish":
        session = practice.finish(slug, revision=turn.revision)
    else:
        session = practice.answer(slug, turn.text, seconds=turn.seconds, revision=turn.revision)
    return turn_summary(session) | {"id": session.id}


@router.get("/sessions/{session_id}", responses={404: {}})
def read_session(repo: UserRepo, session_id: str) -> dict[str, Any]:
    """Your session in full (turns, critiques, scorecard), or, as OWNER:ID, the copy of a
    session shared with you."""
    owner, slug = parse_ref(repo, session_id, "session")
    if owner == repo.owner:
        return {
            "id": slug,
            "shared_at": _shared_at(repo).get(slug),
            "session": repo.get_session(slug),
        }
    shared = session_sharing.read_shared_session(repo, owner, slug)
    return {"id": shared.ref, "shared_at": shared.shared_at.isoformat(), "session": shared.data}


@router.post("/sessions/{session_id}/shares", status_code=201, responses={400: {}, 404: {}})
def share_session(repo: UserRepo, session_id: str) -> dict[str, Any]:
    """Share your session, as it is now, with your cohorts' coaches (again: the copy they
    see is replaced by the session as it is now)."""
    shared = session_sharing.share_session(repo, _own(repo, session_id))
    return {"id": shared.session_id, "cohorts": list(shared.cohorts)} | {
        "shared_at": shared.shared_at.isoformat()
    }


@router.delete("/sessions/{session_id}/shares", responses={404: {}})
def withdraw_session(repo: UserRepo, session_id: str) -> dict[str, Any]:
    """Withdraw your session from every coach: they no longer see any of it."""
    slug = _own(repo, session_id)
    return {"id": slug, "withdrawn": session_sharing.withdraw_session(repo, slug)}
