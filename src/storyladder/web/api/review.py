"""Coach review under /api/v1/stories/{id}: a coach's own reading of a ladder level
(an override, shown beside the machine's and counted instead of it), and replies to a
comment or an override. A story is named as in stories.py: `ID` (yours) or `OWNER:ID`
(shared with you); anything else is a 404."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException
from pydantic import BaseModel

from storyladder.coach.bank import story_readiness
from storyladder.coach.review import levels_view, overridden, standing
from storyladder.store import review, sharing
from storyladder.store.repository import Repository
from storyladder.web.api.auth import Session, UserRepo, current_session
from storyladder.web.api.stories import parse_ref, reply_view

router = APIRouter(prefix="/api/v1", tags=["review"], dependencies=[Depends(current_session)])


class NewOverride(BaseModel):
    level: str  # a ladder level: surface, context, decision, tradeoff, meta_reflection, worldview
    met: bool
    note: str = ""  # why; shown to the candidate as what the level still needs when not met
    revision: int | None = None  # default: the newest revision shared with you


class NewReply(BaseModel):
    body: str


def review_of(repo: Repository, owner: int, slug: str, revision: int | None) -> dict[str, Any]:
    """One revision level by level (the machine's reading, the coach's, the one that
    counts) and its readiness by the machine and as counted: the API's answer and what
    the review and story pages show."""
    story, revision = sharing.read_shared(repo, owner, slug, revision)
    machine = story_readiness(repo, story)
    coach = standing(review.list_overrides(repo, owner, slug), story)
    counted = overridden(machine, coach)
    return {
        "revision": revision,
        "levels": levels_view(machine, coach),
        "readiness": {
            "machine": {"depth": machine.depth, "breaks_at": machine.broken_level},
            "counted": {"depth": counted.depth, "breaks_at": counted.broken_level}
            | {"why": counted.reason, "ready": counted.ready},
        },
    }


def overrides_of(repo: Repository, owner: int, slug: str) -> list[dict[str, Any]]:
    """Every coach's reading of a level of the story, oldest first, each with its replies
    and whether it still counts (the level's answer is still the one the coach read)."""
    found = review.list_overrides(repo, owner, slug)
    story, _ = sharing.read_shared(repo, owner, slug)
    counts = {o.id for o in standing(found, story).values()}
    replies = review.replies_by_target(repo, owner, slug)
    return [
        o.to_dict()
        | {"by_you": o.author_id == repo.owner, "counts": o.id in counts}
        | {"replies": [reply_view(repo, r) for r in replies.get(("override", o.id), [])]}
        for o in found
    ]


@router.get("/stories/{story_id}/review", responses={404: {}})
def read_review(repo: UserRepo, story_id: str, revision: int | None = None) -> dict[str, Any]:
    """One revision (your newest, or the newest shared with you) level by level: the
    machine's reading, the coach's where one was given, and the one that counts; the
    readiness by the machine and as counted with the coach's readings."""
    owner, slug = parse_ref(repo, story_id)
    return {"id": story_id} | review_of(repo, owner, slug, revision)


@router.get("/stories/{story_id}/overrides", responses={404: {}})
def list_overrides(repo: UserRepo, story_id: str) -> list[dict[str, Any]]:
    """Every coach's reading of a level of the story, oldest first, each with its replies
    and whether it still counts (the level's answer is still the one the coach read)."""
    owner, slug = parse_ref(repo, story_id)
    return overrides_of(repo, owner, slug)


@router.post(
    "/stories/{story_id}/overrides", status_code=201, responses={400: {}, 403: {}, 404: {}}
)
def add_override(
    repo: UserRepo, session: Session, story_id: str, given: NewOverride
) -> dict[str, Any]:
    """For coaches: your own reading of one ladder level of a revision shared with you
    (met or not, and why). It counts instead of the machine's; a newer one replaces it."""
    if session.account.role != "coach":
        raise HTTPException(403, "a reading that overrides the machine's is a coach's")
    owner, slug = parse_ref(repo, story_id)
    made = review.add_override(
        repo, owner, slug, given.revision, given.level, given.met, given.note
    )
    return made.to_dict() | {"by_you": True, "counts": True, "replies": []}


@router.post(
    "/stories/{story_id}/overrides/{override_id}/replies",
    status_code=201,
    responses={400: {}, 404: {}},
)
def reply_to_override(
    repo: UserRepo, story_id: str, override_id: int, reply: NewReply
) -> dict[str, Any]:
    """Reply to a coach's reading (the candidate, or the coach again)."""
    owner, slug = parse_ref(repo, story_id)
    return reply_view(
        repo, review.add_reply(repo, owner, slug, reply.body, override_id=override_id)
    )


@router.post(
    "/stories/{story_id}/comments/{comment_id}/replies",
    status_code=201,
    responses={400: {}, 404: {}},
)
def reply_to_comment(
    repo: UserRepo, story_id: str, comment_id: int, reply: NewReply
) -> dict[str, Any]:
    """Reply to a comment (the candidate, or the coach again)."""
    owner, slug = parse_ref(repo, story_id)
    return reply_view(repo, review.add_reply(repo, owner, slug, reply.body, comment_id=comment_id))
