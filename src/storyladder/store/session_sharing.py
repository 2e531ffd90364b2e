"""Practice sessions shared by choice: a candidate shares one of their sessions with their
cohorts' coaches, and withdraws it; a coach reads only what was shared, in their cohort.

A share keeps a copy of the session as it was when shared (sharing again replaces the
copy), so what a coach saw stays what they saw and coaches never read the sessions table
itself. Row-level security on session_shares (migration 0007) says the same in the
database: the owner's rows, and the rows of a cohort one coaches.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, insert, select

from storyladder.errors import StoryNotFound
from storyladder.store.repository import Repository, session_summary, utc_aware
from storyladder.store.server_tables import cohorts, session_shares
from storyladder.store.sharing import my_cohorts


@dataclass(frozen=True)
class SharedSession:
    owner_id: int
    session_id: str
    cohorts: tuple[str, ...]
    shared_at: datetime
    data: dict[str, Any]  # the session's dict form, as shared

    @property
    def ref(self) -> str:
        """How a coach names the session: the owner's id, a colon, the session's id."""
        return f"{self.owner_id}:{self.session_id}"

    def summary(self) -> dict[str, Any]:
        return session_summary(self.data, self.shared_at) | {
            "shared_at": self.shared_at.isoformat(),
            "cohorts": list(self.cohorts),
        }


def _not_found(session_id: str) -> StoryNotFound:
    return StoryNotFound(f"no session with id '{session_id}'")


def share_session(repo: Repository, session_id: str) -> SharedSession:
    """Share one's own session, as it is now, with every cohort one belongs to."""
    data = repo.get_session(session_id)  # StoryNotFound when not one's own
    now = datetime.now(UTC)
    text = json.dumps(data, ensure_ascii=False, default=str)
    mine = (session_shares.c.owner_id == repo.owner) & (session_shares.c.session_id == session_id)
    with repo.writing() as conn:
        member_of = my_cohorts(conn, repo)
        conn.execute(delete(session_shares).where(mine))
        conn.execute(
            insert(session_shares),
            [
                {"owner_id": repo.owner, "session_id": session_id, "cohort_id": c.id}
                | {"data": text, "shared_at": now}
                for c in member_of
            ],
        )
    return read_shared_session(repo, repo.owner, session_id)


def withdraw_session(repo: Repository, session_id: str) -> int:
    """Withdraw every share of one's own session; how many were withdrawn."""
    repo.get_session(session_id)
    mine = (session_shares.c.owner_id == repo.owner) & (session_shares.c.session_id == session_id)
    with repo.writing() as conn:
        return int(conn.execute(delete(session_shares).where(mine)).rowcount)


def shared_sessions(repo: Repository, owners: list[int] | None = None) -> list[SharedSession]:
    """The sessions this user may read as shared: their own shares, and those of others in
    a cohort they coach (only these `owners`' when given), newest first."""
    query = (
        select(session_shares, cohorts.c.name.label("cohort"))
        .join(cohorts, cohorts.c.id == session_shares.c.cohort_id)
        .order_by(session_shares.c.shared_at.desc(), session_shares.c.session_id)
    )
    if owners is not None:
        query = query.where(session_shares.c.owner_id.in_(owners))
    found: dict[tuple[int, str], SharedSession] = {}
    with repo.reading() as conn:
        for row in conn.execute(query):
            key = (row.owner_id, row.session_id)
            seen = found.get(key)
            names = (*seen.cohorts, row.cohort) if seen else (row.cohort,)
            found[key] = SharedSession(
                row.owner_id, row.session_id, names, utc_aware(row.shared_at), json.loads(row.data)
            )
    return list(found.values())


def read_shared_session(repo: Repository, owner: int, session_id: str) -> SharedSession:
    """A session shared by `owner` that this user may read; StoryNotFound otherwise, the
    same as for a session that does not exist."""
    for shared in shared_sessions(repo, [owner]):
        if shared.session_id == session_id:
            return shared
    raise _not_found(session_id)
