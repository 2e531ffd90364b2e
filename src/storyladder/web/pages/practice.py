"""The candidate's practice pages on the multi-user server: start a ladder climb, a drill or
a mock, then answer turn by turn. Minimal views over the one practice service: the page's
script starts and answers through POST /api/v1/sessions and .../turns (static/cohort.js),
and a refused answer stays in the box."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from storyladder import taxonomy
from storyladder.interview.plan import drill_ids
from storyladder.interview.practice import progress
from storyladder.interview.session import Session
from storyladder.plan.choices import chosen_company
from storyladder.web.pages.render import page
from storyladder.web.pages.session import PageRepo, PageSession

router = APIRouter(include_in_schema=False)


@router.get("/practice")
def practice_home(request: Request, session: PageSession, repo: PageRepo) -> Any:
    return page(
        request,
        "cohort/practice.html",
        session,
        stories=[r.story for r in repo.list()],
        drills=drill_ids(),
        companies=taxonomy.load().companies,
        company=chosen_company(repo),
        sessions=repo.list_sessions(),
    )


@router.get("/practice/{session_id}")
def practice_session(
    request: Request, session_id: str, session: PageSession, repo: PageRepo
) -> Any:
    practised = Session.from_dict(repo.get_session(session_id))  # one's own only: else 404
    return page(
        request,
        "cohort/practice_session.html",
        session,
        practised=practised,
        where=progress(practised).describe() if practised.status == "active" else None,
    )
