"""Dashboards and the plan: GET /api/v1/cohort/dashboard (and .csv) for coaches, one line
per candidate of their cohorts; GET /api/v1/me/dashboard, the candidate's own line;
GET|PUT /api/v1/me/plan, the interview date and company, and whether coaches see them.

What counts: a coach's line for a candidate is computed only from what that candidate
shared (the shared revisions of their stories, the shared copies of their sessions, the
plan while marked shared) and the coaches' readings of those stories; the candidate's
own line from everything of theirs. A part with nothing shared is null (an empty CSV
cell), never zero, and sorts last.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

from storyladder.coach.bank import coach_version
from storyladder.formats.dashboard_csv import dashboard_csv
from storyladder.plan import dashboard
from storyladder.plan.choices import PLAN_KEY, plan_setting
from storyladder.store import accounts, dashboard_data
from storyladder.store.accounts import LoginSession
from storyladder.store.repository import Repository
from storyladder.web.api.auth import Session, UserRepo, current_session

router = APIRouter(prefix="/api/v1", tags=["dashboard"], dependencies=[Depends(current_session)])
Sort = Annotated[
    str,
    Query(
        description="One of " + ", ".join(dashboard.SORTS) + "; a leading '-' sorts "
        "descending. Candidates with nothing shared for it come last either way."
    ),
]


class PlanSetting(BaseModel):
    interview: str  # YYYY-MM-DD, after today
    company: str = "generic"
    shared: bool = False  # the coaches of your cohorts see the date and company


def _rows(repo: Repository, seen: list[dashboard.Seen]) -> list[dashboard.Row]:
    """The lines, the readings taken from (and kept in) the viewer's own readings cache."""
    memo = repo.readings(coach_version())
    now = datetime.now(UTC)
    rows = [dashboard.row(s, now, memo) for s in seen]
    repo.keep_readings(memo)
    return rows


def cohort_rows(session: LoginSession, repo: Repository, sort: str) -> list[dashboard.Row]:
    if session.account.role != "coach":
        raise HTTPException(403, "the cohort dashboard is for coaches")
    return dashboard.sort_rows(_rows(repo, dashboard_data.coached(repo)), sort)


@router.get("/cohort/dashboard", responses={400: {}, 403: {}})
def cohort_dashboard(session: Session, repo: UserRepo, sort: Sort = "interview") -> dict[str, Any]:
    """For coaches: one line per candidate of your cohorts, from what each shared:
    readiness (the coach's readings counted), coverage gaps, recurring flags with their
    trend over revisions, practice against the plan, days to the interview."""
    return {"sort": sort, "rows": cohort_rows(session, repo, sort)}


@router.get(
    "/cohort/dashboard.csv",
    responses={200: {"content": {"text/csv": {}}}, 400: {}, 403: {}},
    response_class=Response,
)
def cohort_dashboard_csv(session: Session, repo: UserRepo, sort: Sort = "interview") -> Response:
    """The cohort dashboard's lines as CSV (one line per candidate, the same order)."""
    rows = cohort_rows(session, repo, sort)
    return Response(
        dashboard_csv(rows),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="cohort-dashboard.csv"'},
    )


def my_row(request: Request, session: LoginSession, repo: Repository) -> dashboard.Row:
    """The candidate's own line, from everything of theirs."""
    member_of = accounts.cohort_names(request.app.state.engine, session.account.id)
    seen = dashboard_data.mine(repo, session.account.email, tuple(member_of))
    return _rows(repo, [seen])[0]


@router.get("/me/dashboard")
def my_dashboard(request: Request, session: Session, repo: UserRepo) -> dict[str, Any]:
    """Your own line, from everything of yours (what your coach sees is what you share)."""
    return my_row(request, session, repo)


@router.get("/me/plan")
def read_plan(repo: UserRepo) -> dict[str, Any] | None:
    """Your plan: the interview date, the company, whether your coaches see them (null when
    none is set)."""
    saved = repo.get_setting(PLAN_KEY)
    return None if saved is None else {"shared": False} | saved


@router.put("/me/plan", responses={400: {}})
def save_plan(repo: UserRepo, given: PlanSetting) -> dict[str, Any]:
    """Set your interview date and company; `shared: true` lets your cohorts' coaches see
    them (and days to the interview) on their dashboard, `false` takes them back."""
    saved = plan_setting(given.interview, given.company, date.today()) | {"shared": given.shared}
    repo.set_setting(PLAN_KEY, saved)
    return saved
