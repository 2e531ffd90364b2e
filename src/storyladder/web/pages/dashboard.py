"""The dashboards and the plan: a coach's cohort dashboard (a line per candidate, sorted by
any column, from what each shared; nothing shared reads "not shared", never zero), the
candidate's own line, and the candidate's plan settings (interview date, company, whether
their coaches see them). The lines are the API's (web/api/dashboard.py); the plan is
saved through PUT /api/v1/me/plan from static/cohort.js."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from fastapi import APIRouter, HTTPException, Request

from storyladder import taxonomy
from storyladder.plan.choices import PLAN_KEY
from storyladder.plan.dashboard import SORTS
from storyladder.web.api.dashboard import cohort_rows, my_row
from storyladder.web.pages.render import page
from storyladder.web.pages.session import CoachSession, PageRepo, PageSession

router = APIRouter(include_in_schema=False)
COLUMNS = (  # (sort key, heading) of the cohort table, in order
    ("candidate", "Candidate"),
    ("interview", "Interview in"),
    ("readiness", "Ready stories"),
    ("depth", "Mean depth"),
    ("gaps", "Coverage gaps"),
    ("flags", "Recurring flags"),
    ("practice", "Practice, last 7 days"),
    ("sessions", "Sessions"),
)
assert {key for key, _ in COLUMNS} == set(SORTS)


@router.get("/cohort")
def cohort_dashboard(
    request: Request, session: CoachSession, repo: PageRepo, sort: str = "interview"
) -> Any:
    rows = cohort_rows(session, repo, sort)
    return page(request, "cohort/dashboard.html", session, rows=rows, sort=sort, columns=COLUMNS)


@router.get("/dashboard")
def my_dashboard(request: Request, session: PageSession, repo: PageRepo) -> Any:
    if session.account.role == "coach":
        raise HTTPException(403, "This page is a candidate's. Your cohort's is at /cohort.")
    plan = repo.get_setting(PLAN_KEY)
    return page(
        request, "cohort/my_dashboard.html", session, row=my_row(request, session, repo), plan=plan
    )


@router.get("/plan")
def plan_page(request: Request, session: PageSession, repo: PageRepo) -> Any:
    saved = repo.get_setting(PLAN_KEY) or {}
    return page(
        request,
        "cohort/plan.html",
        session,
        plan={"interview": "", "company": "generic", "shared": False} | saved,
        companies=taxonomy.load().companies,
        earliest=(date.today() + timedelta(days=1)).isoformat(),
    )
