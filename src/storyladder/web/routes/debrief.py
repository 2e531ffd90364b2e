"""Debrief a real interview in the browser: paste or upload the meeting tool's transcript."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile

from storyladder import taxonomy
from storyladder.errors import InputError
from storyladder.interview.debrief import debrief, parse
from storyladder.plan.choices import DEBRIEF_KEY
from storyladder.store.repository import Repository
from storyladder.web.deps import page, repo
from storyladder.web.security import check_csrf

router = APIRouter(dependencies=[Depends(check_csrf)])
Repo = Annotated[Repository, Depends(repo)]
MAX_TRANSCRIPT = 2_000_000  # bytes: hours of talk


@router.get("/debrief")
def debrief_page(request: Request) -> object:
    return page(request, "debrief.html", result=None, companies=taxonomy.load().companies)


@router.post("/debrief")
async def run_debrief(
    request: Request,
    store: Repo,
    company: Annotated[str, Form()] = "generic",
    me: Annotated[str, Form()] = "",
    text: Annotated[str, Form()] = "",
    file: Annotated[UploadFile | None, File()] = None,
) -> object:
    if file is not None and file.filename:
        raw = await file.read(MAX_TRANSCRIPT + 1)
        if len(raw) > MAX_TRANSCRIPT:
            raise InputError(f"{file.filename}: over {MAX_TRANSCRIPT // 1_000_000} MB")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InputError(f"{file.filename}: not UTF-8 text") from None
    companies = taxonomy.load().companies
    try:
        if not text.strip():
            raise InputError("paste the transcript or choose its file")
        if company not in taxonomy.load().company_ids:
            raise InputError(f"unknown company '{company}'")
        stories = [r.story for r in store.list()]
        result = debrief(parse(text), stories, company=company, candidate=me.strip() or None)
    except InputError as err:  # said on the page, with what was pasted still in the box
        return page(
            request,
            "debrief.html",
            status=400,
            result=None,
            problem=str(err),
            text=text,
            me=me,
            companies=companies,
        )
    store.set_setting(DEBRIEF_KEY, list(result.plan))  # the plan page shows them next
    return page(request, "debrief.html", result=result, companies=companies)
