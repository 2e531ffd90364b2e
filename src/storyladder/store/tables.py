"""The database tables, as SQLAlchemy Core metadata (the same on SQLite and PostgreSQL)."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKeyConstraint,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

# The head of each story: its current text (JSON of Story.to_dict) and revision number.
stories = Table(
    "stories",
    metadata,
    Column("id", String(80), primary_key=True),
    Column("title", String(200), nullable=False),
    Column("revision", Integer, nullable=False),
    Column("deleted", Boolean, nullable=False, default=False),
    Column("data", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

# Every revision ever saved, the current one included; never updated, never deleted.
story_revisions = Table(
    "story_revisions",
    metadata,
    Column("story_id", String(80), primary_key=True),
    Column("revision", Integer, primary_key=True),
    Column("action", String(16), nullable=False),
    Column("data", Text, nullable=False),
    Column("saved_at", DateTime(timezone=True), nullable=False),
    ForeignKeyConstraint(["story_id"], ["stories.id"]),
)

# Practice sessions (interview engine): the whole session as JSON, saved after every turn.
sessions = Table(
    "sessions",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("mode", String(16), nullable=False),
    Column("company", String(16), nullable=False),
    Column("status", String(16), nullable=False),
    Column("story_id", String(80), nullable=True),
    Column("data", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

# Small named values the user chose, as JSON (the plan's interview date and company).
settings = Table(
    "settings",
    metadata,
    Column("key", String(80), primary_key=True),
    Column("value", Text, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

# The coach's reading of a story version (JSON), by a digest of the version and the coach
# that made it: a cache, rebuilt from the stories whenever it is missing or stale.
readings = Table(
    "readings",
    metadata,
    Column("key", String(80), primary_key=True),
    Column("coach", String(32), nullable=False),
    Column("data", Text, nullable=False),
)
