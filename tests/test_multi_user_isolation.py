"""Isolation in the database itself: row-level security on every table of a user's data,
checked with direct SQL as the app's role (which owns nothing), on a real PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import DBAPIError

from storyladder.errors import ConfigError
from storyladder.model import Story
from storyladder.store import accounts, isolation, sharing
from storyladder.store.accounts import Account
from storyladder.store.database import make_engine, open_repository
from storyladder.store.repository import Repository
from storyladder.store.server_tables import USER_DATA

pytestmark = pytest.mark.postgres
PASSWORD = "correct horse battery"
STORY = Story(title="The migration we rolled back", action="I rolled it back at 02:10.")


@dataclass
class World:
    owner: Engine
    app: Engine
    ada: Account  # candidate, cohort spring
    bo: Account  # candidate, cohort spring
    cora: Account  # coach, cohort spring
    dev: Account  # coach, cohort autumn
    eve: Account  # coach of a cohort also named spring, in another organisation

    def repo(self, who: Account) -> Repository:
        return Repository(self.app).as_user(who.id, who.organisation_id)


@pytest.fixture
def world(multi_user_db: tuple[str, str]) -> Iterator[World]:
    owner_url, app_url = multi_user_db
    owner = make_engine(owner_url)
    app = make_engine(app_url)

    def add(email: str, role: str, cohort: str, org: str = "default") -> Account:
        return accounts.add_user(owner, email, role, PASSWORD, cohort=cohort, organisation=org)

    yield World(
        owner,
        app,
        add("ada@example.org", "candidate", "spring"),
        add("bo@example.org", "candidate", "spring"),
        add("cora@example.org", "coach", "spring"),
        add("dev@example.org", "coach", "autumn"),
        add("eve@example.org", "coach", "spring", org="elsewhere"),
    )
    owner.dispose()
    app.dispose()


def sql(engine: Engine, query: str, who: Account | None = None, **params: Any) -> list[Any]:
    """Run one statement as `who` (or as nobody), the way the repository sets the user."""
    with engine.begin() as conn:
        if who is not None:
            conn.execute(
                text(
                    "SELECT set_config('storyladder.user_id', :u, true), "
                    "set_config('storyladder.org_id', :o, true)"
                ),
                {"u": str(who.id), "o": str(who.organisation_id)},
            )
        result = conn.execute(text(query), params)
        return list(result) if result.returns_rows else [result.rowcount]


def test_every_user_data_table_has_forced_row_security_and_a_policy(world: World) -> None:
    tables = isolation.policies(world.owner)
    for table in USER_DATA:
        enabled, forced, policies = tables[table]
        assert enabled and forced and policies, table
    owned = sql(
        world.owner,
        "SELECT DISTINCT table_name FROM information_schema.columns "
        "WHERE table_schema = 'public' AND column_name = 'owner_id'",
    )
    assert {row[0] for row in owned} == set(USER_DATA)  # no user-data table left out


def test_with_no_user_set_the_app_sees_and_writes_nothing(world: World) -> None:
    ada = world.repo(world.ada)
    ada.add(STORY)
    ada.set_setting("plan", {"company": "amazon"})
    for table in USER_DATA:
        assert sql(world.app, f"SELECT count(*) FROM {table}")[0][0] == 0, table
    with pytest.raises(DBAPIError, match="row-level security"):
        sql(
            world.app,
            "INSERT INTO settings (owner_id, key, value, updated_at) "
            f"VALUES ({world.ada.id}, 'x', '1', now())",
        )


def test_direct_sql_with_another_users_id_set_sees_nothing_of_theirs(world: World) -> None:
    ada = world.repo(world.ada)
    ada.add(STORY)
    ada.save(STORY.evolve(result="We lost no data."), base_revision=1)
    ada.set_setting("plan", {"company": "amazon"})
    ada.save_session({"id": "s1", "mode": "drill", "company": "amazon", "status": "done"})
    theirs = {"owner": world.ada.id}
    for who in (world.bo, world.cora, world.dev, world.eve):
        for table in ("stories", "story_revisions", "sessions", "settings", "readings"):
            rows = sql(world.app, f"SELECT * FROM {table} WHERE owner_id = :owner", who, **theirs)
            assert rows == [], (who.email, table)
        moved = sql(
            world.app,
            "UPDATE stories SET title = 'mine now' WHERE owner_id = :owner",
            who,
            **theirs,
        )
        assert moved == [0]
    assert ada.get(STORY.id).story.title == STORY.title
    assert sql(world.app, "SELECT count(*) FROM stories", world.ada)[0][0] == 1


def test_match_facts_are_their_owners_alone(world: World) -> None:
    """The readings' match facts column (migration 0010) is under the readings' row
    security: another user neither sees nor matches against them."""
    from storyladder.coach.bank import coach_version, match_stored

    ada = world.repo(world.ada)
    ada.add(STORY)
    question = "When did you roll something back?"
    assert [m.story_id for m in match_stored(ada, question).stories] == [STORY.id]
    assert len(sql(world.app, "SELECT facts FROM readings WHERE facts IS NOT NULL", world.ada)) == 1
    bo = world.repo(world.bo)
    assert bo.match_facts(coach_version()) == ([], {})
    assert sql(world.app, "SELECT facts FROM readings", world.bo) == []
    assert match_stored(bo, question).stories == ()


def test_a_coach_reads_only_the_shared_revision_in_their_own_cohort(world: World) -> None:
    ada = world.repo(world.ada)
    ada.add(STORY)
    sharing.share(ada, STORY.id)
    ada.save(STORY.evolve(result="Unshared words."), base_revision=1)
    query = "SELECT revision FROM story_revisions WHERE owner_id = :owner"
    theirs = {"owner": world.ada.id}
    assert sql(world.app, query, world.cora, **theirs) == [(1,)]  # the shared one only
    assert sql(world.app, "SELECT * FROM stories", world.cora) == []  # never the head
    for outsider in (world.bo, world.dev, world.eve):
        assert sql(world.app, query, outsider, **theirs) == [], outsider.email
        assert sql(world.app, "SELECT * FROM shares", outsider) == [], outsider.email
    cora = world.repo(world.cora)
    sharing.add_comment(cora, world.ada.id, STORY.id, 1, "action", 0, 12, "Say what you saw.")
    assert len(sql(world.app, "SELECT * FROM comments", world.ada)) == 1
    assert len(sql(world.app, "SELECT * FROM comments", world.dev)) == 0
    sharing.withdraw(ada, STORY.id)
    assert sql(world.app, query, world.cora, **theirs) == []
    assert sql(world.app, "SELECT * FROM comments", world.cora) == []  # gone with the share
    assert len(sql(world.app, "SELECT * FROM comments", world.ada)) == 1  # kept for ada


def test_a_coach_cannot_comment_on_what_was_not_shared(world: World) -> None:
    world.repo(world.ada).add(STORY)
    with pytest.raises(DBAPIError, match="row-level security"):
        sql(
            world.app,
            "INSERT INTO comments (owner_id, story_id, revision, author_id, field, start, "
            '"end", quote, body, created_at) VALUES (:owner, :story, 1, :me, '
            "'action', 0, 1, 'I', 'x', now())",
            world.cora,
            owner=world.ada.id,
            story=STORY.id,
            me=world.cora.id,
        )


def test_saved_revisions_and_comments_never_change(world: World) -> None:
    world.repo(world.ada).add(STORY)
    for statement in (
        "UPDATE story_revisions SET data = '{}'",
        "DELETE FROM story_revisions",
        "DELETE FROM stories",
        "UPDATE comments SET body = 'x'",
    ):
        with pytest.raises(DBAPIError, match="permission denied"):
            sql(world.app, statement, world.ada)


def test_the_server_refuses_a_connection_that_could_see_everyone(
    world: World, postgres_url: str
) -> None:
    isolation.check_server(world.app)  # the app's role: fine
    with pytest.raises(ConfigError, match="owner of the tables"):
        isolation.check_server(world.owner)
    superuser = create_engine(postgres_url)
    with pytest.raises(ConfigError, match="superuser"):
        isolation.check_server(superuser)
    superuser.dispose()


def test_the_server_refuses_sqlite(tmp_path: Any) -> None:
    repo = open_repository(f"sqlite:///{tmp_path / 'one.db'}")
    with pytest.raises(ConfigError, match="needs PostgreSQL"):
        isolation.check_server(repo.engine)
    repo.close()


def test_a_single_user_bank_on_postgres_still_works_for_a_plain_owner(
    multi_user_db: tuple[str, str],
) -> None:
    owner_url, _ = multi_user_db
    repo = open_repository(owner_url)  # not a superuser: row security applies, owner 0
    try:
        repo.add(STORY)
        repo.save(STORY.evolve(result="We lost no data."), base_revision=1)
        assert [s.story.id for s in repo.list()] == [STORY.id]
        assert [r.revision for r in repo.history(STORY.id)] == [2, 1]
        assert sql(repo.engine, "SELECT count(*) FROM stories")[0][0] == 0  # fails closed
    finally:
        repo.close()
