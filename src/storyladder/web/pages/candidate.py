"""The candidate's pages: log in, the story list, a story to write, share and read
comments on. Saving, sharing and logging in go through /api/v1 from static/cohort.js."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse

from storyladder.model import SECTIONS, Story
from storyladder.store import accounts, audience, sharing
from storyladder.store.repository import Repository
from storyladder.web.api.auth import current_session
from storyladder.web.pages.marks import around
from storyladder.web.pages.render import page
from storyladder.web.pages.session import PageRepo, PageSession, safe_next, signed_in
from storyladder.web.routes.stories import PROMPTS, critique_panel

router = APIRouter(include_in_schema=False)
FIELDS = ("title", *SECTIONS)


@dataclass(frozen=True)
class ShownComment:
    """A comment as a page shows it: where it is anchored, with the words around it."""

    comment: sharing.Comment
    author: str
    before: str
    quote: str
    after: str
    outdated: bool


def field_text(story: Story, field: str) -> str:
    if field == "title":
        return story.title
    if field in SECTIONS:
        return story.section(field)
    return story.ladder.get(field.removeprefix("ladder."), "")


def shown_comments(
    request: Request, repo: Repository, owner: int, story_id: str, newest: int
) -> list[ShownComment]:
    """The comments on a story, each quoted in the revision it was made on."""
    made = sharing.list_comments(repo, owner, story_id)
    names = accounts.emails(request.app.state.engine, {c.author_id for c in made})
    texts: dict[int, Story] = {}
    out = []
    for c in made:
        if c.revision not in texts:
            texts[c.revision] = sharing.read_shared(repo, owner, story_id, c.revision)[0]
        text = field_text(texts[c.revision], c.field)
        before, quote, after = around(text, c.start, c.end)
        author = "you" if c.author_id == repo.owner else names.get(c.author_id, "a coach")
        out.append(ShownComment(c, author, before, quote, after, c.revision != newest))
    return out


@router.get("/")
def home(request: Request) -> Any:
    session = signed_in(request)
    if session is None:
        return RedirectResponse("/login", status_code=303)
    where = "/review" if session.account.role == "coach" else "/stories"
    return RedirectResponse(where, status_code=303)


@router.get("/login")
def login_page(request: Request, next: str | None = None) -> Any:
    if signed_in(request) is not None:
        return RedirectResponse(safe_next(next), status_code=303)
    return page(request, "cohort/login.html", None, next=safe_next(next))


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
    )


@router.post("/critique", dependencies=[Depends(current_session)])
async def live_critique(request: Request) -> Any:
    """The critique panel beside the editor (an htmx fragment; needs X-CSRF-Token)."""
    context = await critique_panel(await request.form())
    return request.app.state.templates.TemplateResponse(request, "critique_panel.html", context)
