"""Shares and comments on the multi-user server: a candidate shares the newest revision
of a story with their cohorts' coaches, and withdraws it; a coach reads only what was
shared with them and comments on a span of that revision.

Every function takes the repository of the user who acts (`Repository.as_user`). The
queries name what that user may see, and on PostgreSQL the row-level security of
migration 0006 says the same a second time, in the database.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, delete, insert, select
from sqlalchemy.dialects import postgresql, sqlite

from storyladder.errors import Conflict, InputError, StoryNotFound
from storyladder.model import LEVELS, SECTIONS, Story
from storyladder.store.repository import Repository, utc_aware
from storyladder.store.server_tables import cohort_members, cohorts, comments, shares
from storyladder.store.tables import story_revisions

MAX_COMMENT = 5_000


@dataclass(frozen=True)
class SharedRevision:
    owner_id: int
    story_id: str
    revision: int
    title: str
    cohort: str
    shared_at: datetime

    @property
    def ref(self) -> str:
        """How a coach names the story: the owner's id, a colon, the owner's story id."""
        return f"{self.owner_id}:{self.story_id}"


@dataclass(frozen=True)
class Comment:
    id: int
    story_id: str
    revision: int
    author_id: int
    field: str
    start: int
    end: int
    quote: str
    body: str
    created_at: datetime

    def to_dict(self, current: int | None = None) -> dict[str, Any]:
        out = {k: getattr(self, k) for k in ("id", "revision", "author_id", "field")}
        out |= {"start": self.start, "end": self.end, "quote": self.quote, "body": self.body}
        out["created_at"] = self.created_at.isoformat()
        out["on"] = f"on revision {self.revision}"
        out["outdated"] = current is not None and current != self.revision
        return out


def _not_found(story_id: str) -> StoryNotFound:
    return StoryNotFound(f"no story with id '{story_id}'")


# -- the candidate ---------------------------------------------------------------------


def share(repo: Repository, story_id: str, revision: int | None = None) -> list[SharedRevision]:
    """Share the newest revision of one's own story with every cohort one belongs to;
    given `revision` (the one the sharer read), a Conflict when the story has moved on,
    so what is shared is what they saw."""
    record = repo.get(story_id)  # StoryNotFound when not one's own (or removed)
    if revision is not None and revision != record.revision:
        raise Conflict(story_id, revision, record.revision, record.story, None)
    now = datetime.now(UTC)
    key = {"owner_id": repo.owner, "story_id": story_id, "revision": record.revision}
    with repo.writing() as conn:
        dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
        for cohort in my_cohorts(conn, repo):
            # sharing twice (two tabs at once) is sharing once: no check-then-insert race
            row = dialect.insert(shares).values(**key, cohort_id=cohort.id, shared_at=now)
            conn.execute(row.on_conflict_do_nothing())
    return [s for s in my_shares(repo) if s.story_id == story_id]


def my_cohorts(conn: Connection, repo: Repository) -> list[Any]:
    """The cohorts (id, name) this user belongs to; InputError when none (no coach)."""
    member_of = list(
        conn.execute(
            select(cohorts.c.id, cohorts.c.name)
            .join(cohort_members, cohort_members.c.cohort_id == cohorts.c.id)
            .where(cohort_members.c.user_id == repo.owner)
        )
    )
    if not member_of:
        raise InputError("you are in no cohort, so there is no coach to share with")
    return member_of


def withdraw(repo: Repository, story_id: str) -> int:
    """Withdraw every share of one's own story; how many were withdrawn."""
    repo.get(story_id, include_deleted=True)
    with repo.writing() as conn:
        gone = conn.execute(
            delete(shares).where(shares.c.owner_id == repo.owner, shares.c.story_id == story_id)
        )
    return int(gone.rowcount)


def my_shares(repo: Repository) -> list[SharedRevision]:
    return _shares(repo, shares.c.owner_id == repo.owner)


# -- the coach -------------------------------------------------------------------------


def shared_with_me(repo: Repository) -> list[SharedRevision]:
    """Every revision others shared with a cohort this user coaches, newest first."""
    return _shares(repo, shares.c.owner_id != repo.owner)


def _shares(repo: Repository, which: Any) -> list[SharedRevision]:
    query = (
        select(shares, cohorts.c.name.label("cohort"), story_revisions.c.data)
        .join(cohorts, cohorts.c.id == shares.c.cohort_id)
        .join(
            story_revisions,
            (story_revisions.c.owner_id == shares.c.owner_id)
            & (story_revisions.c.story_id == shares.c.story_id)
            & (story_revisions.c.revision == shares.c.revision),
        )
        .where(which)
        .order_by(shares.c.shared_at.desc(), shares.c.story_id)
    )
    with repo.reading() as conn:
        rows = list(conn.execute(query))
    return [
        SharedRevision(
            owner_id=row.owner_id,
            story_id=row.story_id,
            revision=row.revision,
            title=json.loads(row.data).get("title", ""),
            cohort=row.cohort,
            shared_at=utc_aware(row.shared_at),
        )
        for row in rows
    ]


def revision_shared(table: Any) -> Any:
    """A condition on a row of `table` (an owner, story and revision: revisions, comments,
    overrides): a share of that very revision is visible to this session."""
    return (
        select(shares.c.revision)
        .where(
            shares.c.owner_id == table.c.owner_id,
            shares.c.story_id == table.c.story_id,
            shares.c.revision == table.c.revision,
        )
        .exists()
    )


def readable(repo: Repository, table: Any) -> Any:
    """A condition on a row of `table` (comments, overrides: an owner, story and revision):
    this user may read it, as the story's owner or as someone its own revision is shared
    with (migration 0009 says the same in the database)."""
    return (table.c.owner_id == repo.owner) | revision_shared(table)


def _visible_revisions(conn: Connection, repo: Repository, owner: int, story_id: str) -> list[int]:
    """The revisions of (owner, story) this user may read: all of their own story's, or
    only the shared ones of someone else's."""
    query = select(story_revisions.c.revision).where(
        story_revisions.c.owner_id == owner, story_revisions.c.story_id == story_id
    )
    if owner != repo.owner:
        query = query.where(
            select(shares.c.revision)
            .where(
                shares.c.owner_id == owner,
                shares.c.story_id == story_id,
                shares.c.revision == story_revisions.c.revision,
            )
            .exists()
        )
    return sorted(int(r) for r in conn.execute(query.distinct()).scalars())


def shared_revisions(repo: Repository, owner: int, story_id: str) -> list[int]:
    with repo.reading() as conn:
        return _visible_revisions(conn, repo, owner, story_id)


def read_shared(
    repo: Repository, owner: int, story_id: str, revision: int | None = None
) -> tuple[Story, int]:
    """A revision shared with this user (the newest shared one by default); StoryNotFound,
    the same as for a story that does not exist, when it is not shared with them."""
    with repo.reading() as conn:
        visible = _visible_revisions(conn, repo, owner, story_id)
        if not visible or (revision is not None and revision not in visible):
            raise _not_found(story_id)
        chosen = revision if revision is not None else visible[-1]
        data = conn.execute(
            select(story_revisions.c.data).where(
                story_revisions.c.owner_id == owner,
                story_revisions.c.story_id == story_id,
                story_revisions.c.revision == chosen,
            )
        ).scalar_one()
    return Story.from_dict(json.loads(data)), chosen


# -- comments --------------------------------------------------------------------------


def _field_text(story: Story, field: str) -> str:
    if field in SECTIONS:
        return story.section(field)
    if field == "title":
        return story.title
    level = field.removeprefix("ladder.")
    if field.startswith("ladder.") and level in LEVELS:
        return story.ladder.get(level, "")
    choices = ", ".join(["title", *SECTIONS, *(f"ladder.{lv}" for lv in LEVELS)])
    raise InputError(f"unknown field {field!r}: comment on one of {choices}")


def add_comment(
    repo: Repository,
    owner: int,
    story_id: str,
    revision: int,
    field: str,
    start: int,
    end: int,
    body: str,
) -> Comment:
    """A comment on [start, end) of one field of a revision this user may read."""
    story, revision = read_shared(repo, owner, story_id, revision)
    text = _field_text(story, field)
    if not 0 <= start < end <= len(text):
        raise InputError(
            f"the span {start}..{end} is not inside the {field} of revision {revision} "
            f"({len(text)} characters)"
        )
    body = body.strip()
    if not body or len(body) > MAX_COMMENT:
        raise InputError(f"a comment needs 1 to {MAX_COMMENT} characters")
    made = datetime.now(UTC)
    row = insert(comments).values(
        owner_id=owner,
        story_id=story_id,
        revision=revision,
        author_id=repo.owner,
        field=field,
        start=start,
        end=end,
        quote=text[start:end],
        body=body,
        created_at=made,
    )
    with repo.writing() as conn:
        new_id = int(conn.execute(row.returning(comments.c.id)).scalar_one())
    return Comment(
        new_id, story_id, revision, repo.owner, field, start, end, text[start:end], body, made
    )


def list_comments(repo: Repository, owner: int, story_id: str) -> list[Comment]:
    """The comments on a story this user may read, oldest first: all of them on one's own
    story, only those on a revision shared with one on someone else's."""
    with repo.reading() as conn:
        if not _visible_revisions(conn, repo, owner, story_id):
            raise _not_found(story_id)
        query = (
            select(comments)
            .where(comments.c.owner_id == owner, comments.c.story_id == story_id)
            .where(readable(repo, comments))
            .order_by(comments.c.created_at, comments.c.id)
        )
        rows = list(conn.execute(query))
    return [
        Comment(
            id=row.id,
            story_id=row.story_id,
            revision=row.revision,
            author_id=row.author_id,
            field=row.field,
            start=row.start,
            end=row.end,
            quote=row.quote,
            body=row.body,
            created_at=utc_aware(row.created_at),
        )
        for row in rows
    ]
