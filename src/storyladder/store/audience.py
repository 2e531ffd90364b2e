"""Who would see a candidate's shared story: the coaches of the cohorts they belong to.

The pages name these people on the share button, so sharing is never a guess. Accounts
are readable to the app's role (store/isolation.py), so this needs no user set.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, and_, select

from storyladder.store.server_tables import cohort_members, cohorts, users


@dataclass(frozen=True)
class Audience:
    cohort: str
    coaches: tuple[str, ...]  # their emails; empty when the cohort has no coach yet


def coaches_of(engine: Engine, candidate: int) -> list[Audience]:
    """Each cohort the candidate is in, with the enabled coaches who would see a share."""
    mine = cohort_members.alias("mine")
    theirs = cohort_members.alias("theirs")
    query = (
        select(cohorts.c.name, users.c.email)
        .join(mine, mine.c.cohort_id == cohorts.c.id)
        .outerjoin(theirs, theirs.c.cohort_id == cohorts.c.id)
        .outerjoin(
            users,
            and_(users.c.id == theirs.c.user_id, users.c.role == "coach", ~users.c.disabled),
        )
        .where(mine.c.user_id == candidate)
        .order_by(cohorts.c.name, users.c.email)
    )
    found: dict[str, list[str]] = {}
    with engine.connect() as conn:
        for name, email in conn.execute(query):
            coaches = found.setdefault(str(name), [])
            if email is not None and email not in coaches:
                coaches.append(str(email))
    return [Audience(name, tuple(coaches)) for name, coaches in found.items()]
