"""The multi-user server's own tables: organisations, cohorts, accounts, login sessions,
shares and comments. They exist in every bank (the schema is one), and stay empty in a
single-user one.

USER_DATA names every table that holds a user's data; on PostgreSQL each has row-level
security (migration 0006), and a test checks that the list and the policies agree.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    Integer,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from storyladder.store.tables import metadata

ROLES = ("candidate", "coach", "admin")

organisations = Table(
    "organisations",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(120), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

cohorts = Table(
    "cohorts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("organisation_id", Integer, ForeignKey("organisations.id"), nullable=False),
    Column("name", String(120), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("organisation_id", "name", name="uq_cohorts_name"),
)

# An account. The password is kept only as an argon2 hash; a disabled user cannot log in.
users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("email", String(254), nullable=False, unique=True),
    Column("password_hash", String(200), nullable=False),
    Column("role", String(16), nullable=False),
    Column("organisation_id", Integer, ForeignKey("organisations.id"), nullable=False),
    Column("disabled", Boolean, nullable=False, default=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

cohort_members = Table(
    "cohort_members",
    metadata,
    Column("cohort_id", Integer, ForeignKey("cohorts.id"), nullable=False),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    PrimaryKeyConstraint("cohort_id", "user_id", name="pk_cohort_members"),
)

# Server-side login sessions. Only a SHA-256 digest of the cookie's token is stored, so
# reading this table gives no one a live session.
login_sessions = Table(
    "login_sessions",
    metadata,
    Column("token_digest", String(64), primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("csrf_token", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
)

# A story revision its owner shared with a cohort's coaches; withdrawing deletes the rows.
shares = Table(
    "shares",
    metadata,
    Column("owner_id", Integer, nullable=False),
    Column("story_id", String(80), nullable=False),
    Column("revision", Integer, nullable=False),
    Column("cohort_id", Integer, ForeignKey("cohorts.id"), nullable=False),
    Column("shared_at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("owner_id", "story_id", "revision", "cohort_id", name="pk_shares"),
    ForeignKeyConstraint(
        ["owner_id", "story_id", "revision"],
        ["story_revisions.owner_id", "story_revisions.story_id", "story_revisions.revision"],
    ),
)

# A comment on a span [start, end) of one revision's text (`field` names the part of the
# story); it stays on that revision, which never changes, when the story moves on.
comments = Table(
    "comments",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("owner_id", Integer, nullable=False),
    Column("story_id", String(80), nullable=False),
    Column("revision", Integer, nullable=False),
    Column("author_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("field", String(40), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("quote", Text, nullable=False),
    Column("body", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    ForeignKeyConstraint(
        ["owner_id", "story_id", "revision"],
        ["story_revisions.owner_id", "story_revisions.story_id", "story_revisions.revision"],
    ),
)


def _revision_key() -> ForeignKeyConstraint:
    return ForeignKeyConstraint(
        ["owner_id", "story_id", "revision"],
        ["story_revisions.owner_id", "story_revisions.story_id", "story_revisions.revision"],
    )


# A coach's own reading of one ladder level of a shared revision (met or not, and why),
# shown beside the machine's and counted instead of it. Never changed: a coach who thinks
# again adds a newer one. `answer` is the level's text as the coach read it, so the
# reading still counts on a later revision whose answer at that level is the same.
overrides = Table(
    "overrides",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("owner_id", Integer, nullable=False),
    Column("story_id", String(80), nullable=False),
    Column("revision", Integer, nullable=False),
    Column("level", String(32), nullable=False),
    Column("author_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("met", Boolean, nullable=False),
    Column("note", Text, nullable=False),
    Column("answer", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    _revision_key(),
)

# A reply to one comment or one override (exactly one of the two), under the story's owner.
replies = Table(
    "replies",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("owner_id", Integer, nullable=False),
    Column("story_id", String(80), nullable=False),
    Column("comment_id", Integer, ForeignKey("comments.id"), nullable=True),
    Column("override_id", Integer, ForeignKey("overrides.id"), nullable=True),
    Column("author_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("body", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    CheckConstraint("(comment_id IS NULL) <> (override_id IS NULL)", name="ck_replies_target"),
)

# A practice session its owner shared with a cohort's coaches: a copy of the session as it
# was when shared (sharing again replaces the copy), so what a coach saw stays what they
# saw; withdrawing deletes the rows. Coaches never read the `sessions` table itself.
session_shares = Table(
    "session_shares",
    metadata,
    Column("owner_id", Integer, nullable=False),
    Column("session_id", String(40), nullable=False),
    Column("cohort_id", Integer, ForeignKey("cohorts.id"), nullable=False),
    Column("data", Text, nullable=False),
    Column("shared_at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("owner_id", "session_id", "cohort_id", name="pk_session_shares"),
    ForeignKeyConstraint(["owner_id", "session_id"], ["sessions.owner_id", "sessions.id"]),
)

# One-time password-reset links an admin issued (`users reset`): only the token's SHA-256
# digest is kept, and using it deletes the row.
password_resets = Table(
    "password_resets",
    metadata,
    Column("token_digest", String(64), primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
)

USER_DATA = (
    "stories",
    "story_revisions",
    "sessions",
    "settings",
    "readings",
    "shares",
    "comments",
    "overrides",
    "replies",
    "session_shares",
)
