"""The multi-user schema: every user's row has an owner, story ids are chosen per owner,
and a single-user bank made before it keeps every story and revision."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from alembic import command
from sqlalchemy import text

from storyladder.errors import StoryNotFound
from storyladder.model import Story
from storyladder.store.database import _alembic_config, make_engine, migrate, open_repository
from storyladder.store.repository import Repository

STORY = Story(title="The migration we rolled back", action="I rolled it back.")
NOW = datetime(2026, 1, 5, tzinfo=UTC)


def test_a_bank_from_before_accounts_keeps_every_story_and_revision(db_url: str) -> None:
    engine = make_engine(db_url)
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0004_readings")
        conn.execute(
            text(
                "INSERT INTO stories (id, title, revision, deleted, data, created_at, updated_at)"
                " VALUES ('old', 'Old', 2, false, :data, :now, :now)"
            ),
            {"data": '{"id": "old", "title": "Old", "action": "Second."}', "now": NOW},
        )
        for revision, action in ((1, "First."), (2, "Second.")):
            conn.execute(
                text(
                    "INSERT INTO story_revisions (story_id, revision, action, data, saved_at)"
                    " VALUES ('old', :r, 'edit', :data, :now)"
                ),
                {"r": revision, "data": f'{{"id": "old", "title": "Old", "action": "{action}"}}'}
                | {"now": NOW},
            )
        conn.execute(
            text("INSERT INTO settings (key, value, updated_at) VALUES ('plan', '1', :now)"),
            {"now": NOW},
        )
    migrate(engine)
    repo = Repository(engine)
    try:
        assert repo.get("old").story.action == "Second."
        assert repo.revision("old", 1).action == "First."
        assert repo.get_setting("plan") == 1
        repo.save(repo.get("old").story.evolve(action="Third."), base_revision=2)
        assert [r.revision for r in repo.history("old")] == [3, 2, 1]
    finally:
        engine.dispose()


def test_two_users_may_choose_the_same_story_id_and_see_only_their_own(db_url: str) -> None:
    local = open_repository(db_url)
    try:
        ada, bo = local.as_user(1, 1), local.as_user(2, 1)
        ada.add(STORY)
        bo.add(STORY.evolve(action="Bo's own words."))  # no StoryExists: ids are per owner
        assert ada.get(STORY.id).story.action == "I rolled it back."
        assert bo.get(STORY.id).story.action == "Bo's own words."
        bo.save(bo.get(STORY.id).story.evolve(action="Bo again."), base_revision=1)
        assert [r.revision for r in ada.history(STORY.id)] == [1]
        assert local.list() == [] and local.count() == 0
        with pytest.raises(StoryNotFound):
            local.get(STORY.id)
        ada.set_setting("plan", {"company": "amazon"})
        assert bo.get_setting("plan") is None
    finally:
        local.close()
