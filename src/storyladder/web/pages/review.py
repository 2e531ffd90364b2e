"""The coach's pages: what candidates shared, and one shared revision to comment on."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from storyladder.errors import StoryNotFound
from storyladder.model import LEVELS, SECTIONS
from storyladder.store import accounts, sharing
from storyladder.web.pages.discussion import field_text, readings, shown_comments
from storyladder.web.pages.marks import Span, pieces
from storyladder.web.pages.render import page
from storyladder.web.pages.session import CoachSession, PageRepo

router = APIRouter(include_in_schema=False)


@router.get("/review")
def shared_with_me(request: Request, session: CoachSession, repo: PageRepo) -> Any:
    shared = sharing.shared_with_me(repo)
    emails = accounts.emails(request.app.state.engine, {s.owner_id for s in shared})
    return page(
        request,
        "cohort/review_list.html",
        session,
        shared=shared,
        emails=emails,
        cohorts=accounts.cohort_names(request.app.state.engine, session.account.id),
    )


@router.get("/review/{owner}/{story_id}")
def review(
    request: Request,
    owner: int,
    story_id: str,
    session: CoachSession,
    repo: PageRepo,
    revision: int | None = None,
) -> Any:
    if owner == repo.owner:
        raise StoryNotFound(f"no story shared with you with id '{owner}/{story_id}'")
    story, shown = sharing.read_shared(repo, owner, story_id, revision)
    visible = sharing.shared_revisions(repo, owner, story_id)
    comments = shown_comments(request, repo, owner, story_id, visible[-1])
    fields = []
    for field in ("title", *SECTIONS):
        text = field_text(story, field)
        spans = [
            Span(c.comment.start, c.comment.end, c.comment.id)
            for c in comments
            if c.comment.field == field and c.comment.revision == shown
        ]
        fields.append((field, text, pieces(text, spans)))
    candidate = accounts.emails(request.app.state.engine, {owner}).get(owner, "a candidate")
    return page(
        request,
        "cohort/review.html",
        session,
        owner=owner,
        story_id=story_id,
        story=story,
        revision=shown,
        visible=visible,
        fields=fields,
        comments=comments,
        candidate=candidate,
        readings=readings(request, repo, owner, story_id, shown),
        levels=LEVELS,
    )
