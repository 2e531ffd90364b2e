"""What a dashboard may show of each candidate (`plan.dashboard.Seen`), read as the viewer.

A coach sees the candidates of the cohorts they coach (in their organisation) and, of
each, only what was shared: the shared revisions of their stories, the shared copies of
their sessions, their plan while they mark it shared, and the coaches' readings of the
shared stories. A candidate sees all of their own. Row-level security says the same in
the database (migrations 0006 and 0007).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import select

from storyladder.interview.session import Session
from storyladder.model import Story
from storyladder.plan.choices import PLAN_KEY
from storyladder.plan.dashboard import Seen
from storyladder.store import review, session_sharing, sharing
from storyladder.store.repository import Repository, utc_aware
from storyladder.store.server_tables import cohort_members, cohorts, users
from storyladder.store.tables import settings, story_revisions


def mine(repo: Repository, email: str, member_of: tuple[str, ...]) -> Seen:
    """Everything of one's own: every revision of each story in the bank, every session,
    the plan, the coaches' readings."""
    found = review.overrides_of(repo, [repo.owner])
    return Seen(
        user_id=repo.owner,
        email=email,
        cohorts=member_of,
        revisions=repo.timeline(),
        sessions=[Session.from_dict(d) for d in repo.all_sessions()],
        plan=repo.get_setting(PLAN_KEY),
        overrides={story: items for (_, story), items in found.items()},
    )


def coached(repo: Repository) -> list[Seen]:
    """Each candidate of the cohorts this user coaches, with what they shared."""
    people = _candidates(repo)
    owners = sorted(people)
    if not owners:
        return []
    revisions = _shared_revisions(repo, owners)
    practice: dict[int, list[Session]] = {}
    for shared in session_sharing.shared_sessions(repo, owners):
        practice.setdefault(shared.owner_id, []).append(Session.from_dict(shared.data))
    plans = _shared_plans(repo, owners)
    readings = review.overrides_of(repo, owners)
    return [
        Seen(
            user_id=owner,
            email=email,
            cohorts=member_of,
            revisions=revisions.get(owner, {}),
            sessions=practice.get(owner, []),
            plan=plans.get(owner),
            overrides={s: items for (o, s), items in readings.items() if o == owner},
        )
        for owner, (email, member_of) in people.items()
    ]


def _candidates(repo: Repository) -> dict[int, tuple[str, tuple[str, ...]]]:
    """The enabled candidates of the cohorts this user coaches: id -> (email, cohorts)."""
    me = users.alias("me")
    coached = (
        select(cohort_members.c.cohort_id)
        .join(me, me.c.id == cohort_members.c.user_id)
        .join(cohorts, cohorts.c.id == cohort_members.c.cohort_id)
        .where(
            cohort_members.c.user_id == repo.owner,
            me.c.role == "coach",
            me.c.disabled.is_(False),
            cohorts.c.organisation_id == repo.org,
        )
    )
    query = (
        select(users.c.id, users.c.email, cohorts.c.name)
        .join(cohort_members, cohort_members.c.user_id == users.c.id)
        .join(cohorts, cohorts.c.id == cohort_members.c.cohort_id)
        .where(
            cohort_members.c.cohort_id.in_(coached),
            users.c.role == "candidate",
            users.c.disabled.is_(False),
        )
        .order_by(users.c.email, cohorts.c.name)
    )
    out: dict[int, tuple[str, tuple[str, ...]]] = {}
    with repo.reading() as conn:
        for row in conn.execute(query):
            email, names = out.get(row.id, (row.email, ()))
            out[row.id] = (email, (*names, row.name))
    return out


def _shared_revisions(
    repo: Repository, owners: list[int]
) -> dict[int, dict[str, list[tuple[datetime, Story]]]]:
    """owner -> story -> its shared revisions (saved at, the story then), oldest first."""
    query = (
        select(story_revisions)
        .where(story_revisions.c.owner_id.in_(owners), sharing.revision_shared(story_revisions))
        .order_by(
            story_revisions.c.owner_id, story_revisions.c.story_id, story_revisions.c.revision
        )
    )
    out: dict[int, dict[str, list[tuple[datetime, Story]]]] = {}
    with repo.reading() as conn:
        for row in conn.execute(query):
            story = Story.from_dict(json.loads(row.data))
            out.setdefault(row.owner_id, {}).setdefault(row.story_id, []).append(
                (utc_aware(row.saved_at), story)
            )
    return out


def _shared_plans(repo: Repository, owners: list[int]) -> dict[int, dict[str, Any]]:
    query = select(settings.c.owner_id, settings.c.value).where(
        settings.c.owner_id.in_(owners), settings.c.key == PLAN_KEY
    )
    with repo.reading() as conn:
        plans = {row.owner_id: json.loads(row.value) for row in conn.execute(query)}
    return {owner: plan for owner, plan in plans.items() if plan.get("shared") is True}
