"""/api/v1/cohort: what a coach's cohorts shared with them."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request

from storyladder.store import accounts, session_sharing, sharing
from storyladder.web.api.auth import Session, UserRepo

router = APIRouter(prefix="/api/v1", tags=["cohort"])


@router.get("/cohort", responses={403: {}})
def cohort(request: Request, session: Session, repo: UserRepo) -> dict[str, Any]:
    """For coaches: your cohorts, every story revision shared with you (newest first; open
    one with GET /api/v1/stories/{id}) and every practice session shared with you (open one
    with GET /api/v1/sessions/{id})."""
    if session.account.role != "coach":
        raise HTTPException(403, "the cohort view is for coaches")
    shared = sharing.shared_with_me(repo)
    practice = [s for s in session_sharing.shared_sessions(repo) if s.owner_id != repo.owner]
    owners = {s.owner_id for s in shared} | {s.owner_id for s in practice}
    emails = accounts.emails(request.app.state.engine, owners)
    return {
        "cohorts": accounts.cohort_names(request.app.state.engine, session.account.id),
        "shared": [
            {"id": s.ref, "title": s.title, "revision": s.revision, "cohort": s.cohort}
            | {"candidate": emails.get(s.owner_id, ""), "shared_at": s.shared_at.isoformat()}
            for s in shared
        ],
        "sessions": [
            s.summary() | {"id": s.ref, "candidate": emails.get(s.owner_id, "")} for s in practice
        ],
    }
