"""Preparing for a date in the browser: the plan and today's tasks, progress charts, the
quiz on the method."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse

from storyladder import taxonomy
from storyladder.interview.session import Session
from storyladder.plan.choices import DEBRIEF_KEY, PLAN_KEY, choose_company, plan_setting
from storyladder.plan.progress import progress
from storyladder.plan.schedule import build
from storyladder.plan.today import tasks_for
from storyladder.store.repository import Repository
from storyladder.web.charts import line_chart
from storyladder.web.deps import page, repo
from storyladder.web.security import check_csrf

router = APIRouter(dependencies=[Depends(check_csrf)])
Repo = Annotated[Repository, Depends(repo)]


def _sessions(store: Repository) -> list[Session]:
    return [Session.from_dict(d) for d in store.all_sessions()]


@router.get("/plan")
def plan_page(request: Request, store: Repo) -> object:
    saved = store.get_setting(PLAN_KEY)
    tax = taxonomy.load()
    context: dict[str, Any] = {"saved": saved, "companies": tax.companies, "plan": None}
    context["debrief"] = store.get_setting(DEBRIEF_KEY) or []
    if saved and date.fromisoformat(saved["interview"]) > date.today():
        records = store.list()
        sessions = _sessions(store)
        result = build(
            [r.story for r in records],
            sessions,
            saved["company"],
            date.today(),
            date.fromisoformat(saved["interview"]),
        )
        context["plan"] = result
        context["today"] = tasks_for(result, sessions, records, datetime.now(UTC))
    return page(request, "plan.html", **context)


@router.post("/plan")
def save_plan(
    store: Repo, interview: Annotated[str, Form()], company: Annotated[str, Form()] = "anthropic"
) -> object:
    store.set_setting(PLAN_KEY, plan_setting(interview, company, date.today()))
    choose_company(store, company)
    return RedirectResponse("/plan", status_code=303)


@router.get("/progress")
def progress_page(request: Request, store: Repo) -> object:
    result = progress(_sessions(store), store.timeline())
    charts = {
        "scores": line_chart(
            {
                d: [float(x) if x is not None else None for x in v]
                for d, v in result.dimensions.items()
            },
            top=100,
            label="score",
        ),
        "flags": line_chart(
            {f: [x * 100 for x in v] for f, v in result.flags.items()},
            top=100,
            label="% of answers",
        ),
        "readiness": line_chart(
            {s: [float(d) for _, d in pts] for s, pts in result.readiness.items()},
            top=6,
            label="ladder depth",
        ),
    }
    return page(request, "progress.html", result=result, charts=charts)


@router.get("/quiz")
def quiz_page(request: Request) -> object:
    return page(request, "quiz.html", questions=taxonomy.quiz_questions(), graded=None)


@router.post("/quiz")
async def grade_quiz(request: Request) -> object:
    form = await request.form()
    questions = taxonomy.quiz_questions()
    graded = {}
    for q in questions:
        given = form.get(q["id"])
        graded[q["id"]] = given is not None and str(given) == str(q["answer"])
    return page(
        request,
        "quiz.html",
        questions=questions,
        graded=graded,
        chosen={q["id"]: str(form.get(q["id"]) or "") for q in questions},
        right=sum(graded.values()),
    )
