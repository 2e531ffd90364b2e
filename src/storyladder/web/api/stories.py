"""/api/v1/stories: one's own stories (create, read, edit, remove, revisions), sharing
them with one's cohorts' coaches, and comments. A story is named by its id for its
owner, and as OWNER:ID by a coach it was shared with; anything else is a 404, the same
whether or not such a story exists."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Header, HTTPException
from pydantic import BaseModel

from storyladder.errors import StoryNotFound
from storyladder.model import Story
from storyladder.store import review, sharing
from storyladder.store.repository import Repository, StoredStory
from storyladder.web.api.auth import UserRepo, current_session

router = APIRouter(prefix="/api/v1", tags=["stories"], dependencies=[Depends(current_session)])
StoryBody = Annotated[
    dict[str, Any],
    Body(description="One story in the JSON form of the bank's export (`Story.to_dict`)."),
]


class NewComment(BaseModel):
    field: str  # title, situation, task, action, result, learning or ladder.LEVEL
    start: int
    end: int
    body: str
    revision: int | None = None  # default: the newest one you can read


def parse_ref(repo: Repository, ref: str, what: str = "story") -> tuple[int, str]:
    """(owner, id) of a reference to a story (or session): `ID` (yours) or `OWNER:ID`."""
    owner, colon, item_id = ref.partition(":")
    if not colon:
        return repo.owner, ref
    if not owner.isdigit():
        raise StoryNotFound(f"no {what} with id '{ref}'")
    return int(owner), item_id


def _own(stored: StoredStory, repo: Repository) -> dict[str, Any]:
    shared = sorted({s.revision for s in sharing.my_shares(repo) if s.story_id == stored.story.id})
    return {
        "id": stored.story.id,
        "revision": stored.revision,
        "updated_at": stored.updated_at.isoformat(),
        "deleted": stored.deleted,
        "shared_revisions": shared,
        "story": stored.story.to_dict(),
    }


def _story_from(body: dict[str, Any], story_id: str | None = None) -> Story:
    if story_id is not None:
        given = body.get("id") or story_id
        if given != story_id:
            raise HTTPException(400, f"the body's id '{given}' is not '{story_id}' (no renames)")
        body = {**body, "id": story_id}
    return Story.from_dict(body)


def _base_revision(
    if_match: str | None, why: str = "the revision you edited), so no save is lost"
) -> int:
    value = (if_match or "").strip().strip('"')
    if not value.isdigit():
        raise HTTPException(428, f"send If-Match: REVISION ({why}")
    return int(value)


@router.get("/stories")
def list_stories(repo: UserRepo) -> list[dict[str, Any]]:
    """Your stories (not removed ones), by id."""
    return [
        {"id": s.story.id, "title": s.story.title, "revision": s.revision}
        | {"updated_at": s.updated_at.isoformat()}
        for s in repo.list()
    ]


@router.post("/stories", status_code=201, responses={409: {}, 422: {}})
def create_story(repo: UserRepo, body: StoryBody) -> dict[str, Any]:
    """Add a story; its id is chosen from the title when the body has none."""
    return _own(repo.add(_story_from(body)), repo)


@router.get("/stories/{story_id}", responses={404: {}})
def read_story(repo: UserRepo, story_id: str) -> dict[str, Any]:
    """Your story (its newest revision), or the newest revision shared with you."""
    owner, slug = parse_ref(repo, story_id)
    if owner == repo.owner:
        return _own(repo.get(slug), repo)
    story, revision = sharing.read_shared(repo, owner, slug)
    return {
        "id": f"{owner}:{slug}",
        "revision": revision,
        "shared_revisions": sharing.shared_revisions(repo, owner, slug),
        "story": story.to_dict(),
    }


@router.put("/stories/{story_id}", responses={404: {}, 409: {}, 428: {}})
def save_story(
    repo: UserRepo,
    story_id: str,
    body: StoryBody,
    if_match: Annotated[str | None, Header()] = None,
) -> dict[str, Any]:
    """Save an edit of your story made on the revision named in If-Match; a 409 (nothing
    overwritten) when it has moved on since."""
    owner, slug = parse_ref(repo, story_id)
    if owner != repo.owner:
        raise StoryNotFound(f"no story with id '{story_id}'")
    return _own(repo.save(_story_from(body, slug), _base_revision(if_match)), repo)


@router.delete("/stories/{story_id}", responses={404: {}})
def remove_story(repo: UserRepo, story_id: str) -> dict[str, Any]:
    """Remove your story (a new revision; its history stays) and withdraw its shares."""
    owner, slug = parse_ref(repo, story_id)
    if owner != repo.owner:
        raise StoryNotFound(f"no story with id '{story_id}'")
    removed = repo.remove(slug)
    sharing.withdraw(repo, slug)
    return _own(removed, repo)


@router.get("/stories/{story_id}/revisions", responses={404: {}})
def list_revisions(repo: UserRepo, story_id: str) -> list[dict[str, Any]]:
    """Every revision of your story, newest first; of a shared story, the shared ones."""
    owner, slug = parse_ref(repo, story_id)
    if owner == repo.owner:
        return [
            {"revision": r.revision, "action": r.action, "title": r.title}
            | {"saved_at": r.saved_at.isoformat()}
            for r in repo.history(slug)
        ]
    visible = sharing.shared_revisions(repo, owner, slug)
    if not visible:
        raise StoryNotFound(f"no story with id '{story_id}'")
    return [{"revision": n, "action": "shared"} for n in reversed(visible)]


@router.get("/stories/{story_id}/revisions/{revision}", responses={404: {}})
def read_revision(repo: UserRepo, story_id: str, revision: int) -> dict[str, Any]:
    """One revision, exactly as it was saved (revisions never change)."""
    owner, slug = parse_ref(repo, story_id)
    story, revision = sharing.read_shared(repo, owner, slug, revision)
    return {"id": story_id, "revision": revision, "story": story.to_dict()}


@router.post(
    "/stories/{story_id}/shares",
    status_code=201,
    responses={400: {}, 404: {}, 409: {}, 428: {}},
)
def share_story(
    repo: UserRepo, story_id: str, if_match: Annotated[str | None, Header()] = None
) -> dict[str, Any]:
    """Share the revision of your story named in If-Match (the one you read) with your
    cohorts' coaches; a 409 (nothing shared) when the story has moved on since, a 428
    without If-Match."""
    owner, slug = parse_ref(repo, story_id)
    if owner != repo.owner:
        raise StoryNotFound(f"no story with id '{story_id}'")
    seen = _base_revision(if_match, "the revision you read), so you share what you saw")
    shared = sharing.share(repo, slug, seen)
    return {
        "id": slug,
        "shares": [
            {"revision": s.revision, "cohort": s.cohort, "shared_at": s.shared_at.isoformat()}
            for s in shared
        ],
    }


@router.delete("/stories/{story_id}/shares", responses={404: {}})
def withdraw_shares(repo: UserRepo, story_id: str) -> dict[str, Any]:
    """Withdraw every share of your story: coaches no longer see any of it."""
    owner, slug = parse_ref(repo, story_id)
    if owner != repo.owner:
        raise StoryNotFound(f"no story with id '{story_id}'")
    return {"id": slug, "withdrawn": sharing.withdraw(repo, slug)}


def _newest(repo: Repository, owner: int, slug: str) -> int:
    if owner == repo.owner:
        return repo.get(slug, include_deleted=True).revision
    return sharing.read_shared(repo, owner, slug)[1]


@router.get("/stories/{story_id}/comments", responses={404: {}})
def list_comments(repo: UserRepo, story_id: str) -> list[dict[str, Any]]:
    """The comments on a story you can read, each on the revision it was made on, with
    the replies to it (POST .../comments/{comment_id}/replies), oldest first."""
    owner, slug = parse_ref(repo, story_id)
    newest = _newest(repo, owner, slug)
    replies = review.replies_by_target(repo, owner, slug)
    return [
        c.to_dict(current=newest)
        | {"by_you": c.author_id == repo.owner}
        | {"replies": [reply_view(repo, r) for r in replies.get(("comment", c.id), [])]}
        for c in sharing.list_comments(repo, owner, slug)
    ]


def reply_view(repo: Repository, reply: review.Reply) -> dict[str, Any]:
    return reply.to_dict() | {"by_you": reply.author_id == repo.owner}


@router.post("/stories/{story_id}/comments", status_code=201, responses={400: {}, 404: {}})
def add_comment(repo: UserRepo, story_id: str, comment: NewComment) -> dict[str, Any]:
    """Comment on the span [start, end) of one field of a revision you can read."""
    owner, slug = parse_ref(repo, story_id)
    revision = comment.revision if comment.revision is not None else _newest(repo, owner, slug)
    made = sharing.add_comment(
        repo, owner, slug, revision, comment.field, comment.start, comment.end, comment.body
    )
    return made.to_dict(current=revision) | {"by_you": True}
