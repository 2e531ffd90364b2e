"""The candidate's pages: the story list, a story to write, share, and read comments and
coaches' readings on (and reply to them). Saving, sharing and replying go through /api/v1
from static/cohort.js."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse

from storyladder.model import SECTIONS
from storyladder.store import audience, sharing
from storyladder.web.api.auth import current_session
from storyladder.web.pages.discussion import readings, shown_comments
from storyladder.web.pages.render import page
from storyladder.web.pages.session import PageRepo, PageSession, signed_in
from storyladder.web.routes.stories import PROMPTS, critique_panel

router = APIRouter(include_in_schema=False)
FIELDS = ("title", *SECTIONS)


@router.get("/")
def home(request: Request) -> Any:
    session = signed_in(request)
    if session is None:
        return RedirectResponse("/login", status_code=303)
    where = "/review" if session.account.role == "coach" else "/stories"
    return RedirectResponse(where, status_code=303)


@router.get("/stories")
def story_list(request: Request, session: PageSession, repo: PageRepo) -> Any:
    shared: dict[str, list[int]] = {}
    for s in sharing.my_shares(repo):
        shared.setdefault(s.story_id, []).append(s.revision)
    return page(
        request,
        "cohort/stories.html",
        session,
        stories=repo.list(),
        shared={k: sorted(set(v)) for k, v in shared.items()},
    )


@router.get("/stories/new")
def new_story(request: Request, session: PageSession) -> Any:
    return page(
        request,
        "cohort/story.html",
        session,
        story=None,
        data={},
        revision=None,
        fields=FIELDS,
        prompts=PROMPTS,
    )


@router.get("/stories/{story_id}")
def story_page(request: Request, story_id: str, session: PageSession, repo: PageRepo) -> Any:
    stored = repo.get(story_id)
    shares = [s for s in sharing.my_shares(repo) if s.story_id == story_id]
    return page(
        request,
        "cohort/story.html",
        session,
        story=stored.story,
        data=stored.story.to_dict(),
        revision=stored.revision,
        fields=FIELDS,
        prompts=PROMPTS,
        shared_revisions=sorted({s.revision for s in shares}),
        audience=audience.coaches_of(request.app.state.engine, repo.owner),
        comments=shown_comments(request, repo, repo.owner, story_id, stored.revision),
        readings=readings(request, repo, repo.owner, story_id, stored.revision),
    )


@router.post("/critique", dependencies=[Depends(current_session)])
async def live_critique(request: Request) -> Any:
    """The critique panel beside the editor (an htmx fragment; needs X-CSRF-Token)."""
    context = await critique_panel(await request.form())
    return request.app.state.templates.TemplateResponse(request, "critique_panel.html", context)
