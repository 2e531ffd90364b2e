"""The database tables, as SQLAlchemy Core metadata (the same on SQLite and PostgreSQL).

Every table that holds a user's data has an `owner_id`: LOCAL_OWNER (0) for the one
candidate of the single-user app, the user's id on the multi-user server. Story ids are
slugs chosen per owner, so the key is (owner_id, id). The multi-user server's own
tables (accounts, cohorts, shares, comments) are in server_tables.py.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKeyConstraint,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
)

metadata = MetaData()
LOCAL_OWNER = 0  # the owner of everything in a single-user bank


def _owner() -> Column[int]:
    return Column("owner_id", Integer, nullable=False, default=LOCAL_OWNER)


# The head of each story: its current text (JSON of Story.to_dict) and revision number.
stories = Table(
    "stories",
    metadata,
    _owner(),
    Column("id", String(80), nullable=False),
    Column("title", String(200), nullable=False),
    Column("revision", Integer, nullable=False),
    Column("deleted", Boolean, nullable=False, default=False),
    Column("data", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("owner_id", "id", name="pk_stories"),
)

# Every revision ever saved, the current one included; never updated, never deleted.
story_revisions = Table(
    "story_revisions",
    metadata,
    _owner(),
    Column("story_id", String(80), nullable=False),
    Column("revision", Integer, nullable=False),
    Column("action", String(16), nullable=False),
    Column("data", Text, nullable=False),
    Column("saved_at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("owner_id", "story_id", "revision", name="pk_story_revisions"),
    ForeignKeyConstraint(["owner_id", "story_id"], ["stories.owner_id", "stories.id"]),
)

# Practice sessions (interview engine): the whole session as JSON, saved after every turn
# on the revision the turn was taken on.
sessions = Table(
    "sessions",
    metadata,
    _owner(),
    Column("id", String(40), nullable=False),
    Column("mode", String(16), nullable=False),
    Column("company", String(16), nullable=False),
    Column("status", String(16), nullable=False),
    Column("story_id", String(80), nullable=True),
    Column("data", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    # moved by a compare-and-set on every save, as a story's head is (migration 0008)
    Column("revision", Integer, nullable=False, server_default="1"),
    PrimaryKeyConstraint("owner_id", "id", name="pk_sessions"),
)

# Small named values the user chose, as JSON (the plan's interview date and company).
settings = Table(
    "settings",
    metadata,
    _owner(),
    Column("key", String(80), nullable=False),
    Column("value", Text, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("owner_id", "key", name="pk_settings"),
)

# The coach's reading of a story version (JSON), by a digest of the version and the coach
# that made it: a cache, rebuilt from the stories whenever it is missing or stale.
readings = Table(
    "readings",
    metadata,
    _owner(),
    Column("key", String(80), nullable=False),
    Column("coach", String(32), nullable=False),
    Column("data", Text, nullable=False),
    # what matching needs of a story reading (its `match` part), apart: a question is
    # matched without parsing whole readings (migration 0010)
    Column("facts", Text, nullable=True),
    PrimaryKeyConstraint("owner_id", "key", name="pk_readings"),
)
