"""Coach review on the multi-user server: a coach's own reading of one ladder level of a
shared revision (an override of the machine's), and replies to a comment or an override.

As in sharing.py, every function takes the repository of the user who acts, the queries
name what that user may see, and on PostgreSQL row-level security (migration 0007) says
it again: overrides are written only on a revision shared with the writer, who is never
the story's owner; replies only by someone who can read what they answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, select

from storyladder.coach.review import Override
from storyladder.errors import InputError, StoryNotFound
from storyladder.model import LEVELS
from storyladder.store import sharing
from storyladder.store.repository import Repository, utc_aware
from storyladder.store.server_tables import comments, overrides, replies

MAX_NOTE = 5_000


@dataclass(frozen=True)
class Reply:
    id: int
    comment_id: int | None
    override_id: int | None
    author_id: int
    body: str
    created_at: datetime

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "comment_id": self.comment_id,
            "override_id": self.override_id,
            "author_id": self.author_id,
            "body": self.body,
            "created_at": self.created_at.isoformat(),
        }


def _text(body: str, what: str, required: bool = True) -> str:
    body = body.strip()
    if (required and not body) or len(body) > MAX_NOTE:
        low = 1 if required else 0
        raise InputError(f"{what} needs {low} to {MAX_NOTE} characters")
    return body


def _readable(repo: Repository, owner: int, story_id: str) -> None:
    if not sharing.shared_revisions(repo, owner, story_id):
        raise StoryNotFound(f"no story with id '{story_id}'")


# -- overrides -------------------------------------------------------------------------


def add_override(
    repo: Repository,
    owner: int,
    story_id: str,
    revision: int | None,
    level: str,
    met: bool,
    note: str,
) -> Override:
    """A coach's reading of `level` of a revision shared with them (the newest shared one
    by default): met or not, and why."""
    if owner == repo.owner:
        raise InputError("a coach's reading is given on a story shared with them, not on one's own")
    if level not in LEVELS:
        raise InputError(f"unknown ladder level {level!r}: choose one of {', '.join(LEVELS)}")
    note = _text(note, "a coach's note", required=False)
    story, revision = sharing.read_shared(repo, owner, story_id, revision)
    made = datetime.now(UTC)
    answer = story.ladder.get(level, "")
    row = insert(overrides).values(
        owner_id=owner,
        story_id=story_id,
        revision=revision,
        level=level,
        author_id=repo.owner,
        met=met,
        note=note,
        answer=answer,
        created_at=made,
    )
    with repo.writing() as conn:
        new_id = int(conn.execute(row.returning(overrides.c.id)).scalar_one())
    return Override(new_id, story_id, revision, level, repo.owner, met, note, answer, made)


def list_overrides(repo: Repository, owner: int, story_id: str) -> list[Override]:
    """Every coach's reading of a story this user may read, oldest first."""
    _readable(repo, owner, story_id)
    return overrides_of(repo, [owner]).get((owner, story_id), [])


def overrides_of(repo: Repository, owners: list[int]) -> dict[tuple[int, str], list[Override]]:
    """The overrides this user may see on these owners' stories, by (owner, story), oldest
    first: one query for a whole dashboard. On others' stories, only those on a revision
    shared with this user."""
    query = (
        select(overrides)
        .where(overrides.c.owner_id.in_(owners))
        .where(sharing.readable(repo, overrides))
        .order_by(overrides.c.created_at, overrides.c.id)
    )
    out: dict[tuple[int, str], list[Override]] = {}
    with repo.reading() as conn:
        for row in conn.execute(query):
            out.setdefault((row.owner_id, row.story_id), []).append(
                Override(
                    id=row.id,
                    story_id=row.story_id,
                    revision=row.revision,
                    level=row.level,
                    author_id=row.author_id,
                    met=bool(row.met),
                    note=row.note,
                    answer=row.answer,
                    created_at=utc_aware(row.created_at),
                )
            )
    return out


# -- replies ---------------------------------------------------------------------------


def add_reply(
    repo: Repository,
    owner: int,
    story_id: str,
    body: str,
    comment_id: int | None = None,
    override_id: int | None = None,
) -> Reply:
    """A reply to one comment or one override on a story this user may read."""
    if (comment_id is None) == (override_id is None):
        raise InputError("a reply answers one comment or one override")
    body = _text(body, "a reply")
    _readable(repo, owner, story_id)
    table, target = (comments, comment_id) if comment_id is not None else (overrides, override_id)
    kind = "comment" if comment_id is not None else "override"
    exists = select(table.c.id).where(
        table.c.id == target,
        table.c.owner_id == owner,
        table.c.story_id == story_id,
        sharing.readable(repo, table),
    )
    made = datetime.now(UTC)
    row = insert(replies).values(
        owner_id=owner,
        story_id=story_id,
        comment_id=comment_id,
        override_id=override_id,
        author_id=repo.owner,
        body=body,
        created_at=made,
    )
    with repo.writing() as conn:
        if conn.execute(exists).first() is None:
            raise StoryNotFound(f"no {kind} {target} on story '{story_id}'")
        new_id = int(conn.execute(row.returning(replies.c.id)).scalar_one())
    return Reply(new_id, comment_id, override_id, repo.owner, body, made)


def list_replies(repo: Repository, owner: int, story_id: str) -> list[Reply]:
    """The replies on a story this user may read, oldest first: on someone else's story,
    only those answering a comment or an override on a revision shared with this user."""
    _readable(repo, owner, story_id)
    on_comment = select(comments.c.id).where(
        comments.c.id == replies.c.comment_id, sharing.readable(repo, comments)
    )
    on_override = select(overrides.c.id).where(
        overrides.c.id == replies.c.override_id, sharing.readable(repo, overrides)
    )
    query = (
        select(replies)
        .where(replies.c.owner_id == owner, replies.c.story_id == story_id)
        .where(on_comment.exists() | on_override.exists())
        .order_by(replies.c.created_at, replies.c.id)
    )
    with repo.reading() as conn:
        rows = list(conn.execute(query))
    return [
        Reply(r.id, r.comment_id, r.override_id, r.author_id, r.body, utc_aware(r.created_at))
        for r in rows
    ]


def replies_by_target(
    repo: Repository, owner: int, story_id: str
) -> dict[tuple[str, int], list[Reply]]:
    """The replies on a story, by what they answer: ("comment", id) or ("override", id)."""
    out: dict[tuple[str, int], list[Reply]] = {}
    for r in list_replies(repo, owner, story_id):
        key = ("comment", r.comment_id) if r.comment_id is not None else ("override", r.override_id)
        out.setdefault((key[0], int(key[1] or 0)), []).append(r)
    return out
