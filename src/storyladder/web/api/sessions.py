"""/api/v1/sessions: one's own practice sessions, and sharing one with one's cohorts'
coaches (a copy as it is when shared; sharing again replaces the copy; withdrawing
deletes it). A coach names a session shared with them OWNER:ID (see GET /api/v1/cohort);
anything else is a 404, the same whether or not such a session exists."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends

from storyladder.errors import StoryNotFound
from storyladder.store import session_sharing
from storyladder.store.repository import Repository
from storyladder.web.api.auth import UserRepo, current_session
from storyladder.web.api.stories import parse_ref

router = APIRouter(prefix="/api/v1", tags=["sessions"], dependencies=[Depends(current_session)])


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
