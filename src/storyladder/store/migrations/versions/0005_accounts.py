"""Accounts for the multi-user server, and an owner on every user's row.

Stories, revisions, practice sessions, settings and readings gain `owner_id` (0 for the
one candidate of a single-user bank) and their keys become (owner_id, ...), so two users
may choose the same story id. Each of those tables is rebuilt (new table, rows copied,
old table dropped, new one renamed), which works the same on SQLite and PostgreSQL.
Then organisations, cohorts, users, cohort members, login sessions, shares and comments.

Revision ID: 0005_accounts
Revises: 0004_readings
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_accounts"
down_revision = "0004_readings"
branch_labels = None
depends_on = None

NOW = sa.DateTime(timezone=True)


def _owner() -> sa.Column:
    return sa.Column("owner_id", sa.Integer, nullable=False, server_default="0")


def _stories_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.String(80), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("created_at", NOW, nullable=False),
        sa.Column("updated_at", NOW, nullable=False),
    ]


def _revisions_columns() -> list[sa.Column]:
    return [
        sa.Column("story_id", sa.String(80), nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("saved_at", NOW, nullable=False),
    ]


def _sessions_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("mode", sa.String(16), nullable=False),
        sa.Column("company", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("story_id", sa.String(80), nullable=True),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("created_at", NOW, nullable=False),
        sa.Column("updated_at", NOW, nullable=False),
    ]


def _settings_columns() -> list[sa.Column]:
    return [
        sa.Column("key", sa.String(80), nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("updated_at", NOW, nullable=False),
    ]


def _readings_columns() -> list[sa.Column]:
    return [
        sa.Column("key", sa.String(80), nullable=False),
        sa.Column("coach", sa.String(32), nullable=False),
        sa.Column("data", sa.Text, nullable=False),
    ]


# table -> (its columns, the key after the owner)
OWNED = {
    "stories": (_stories_columns, ["id"]),
    "story_revisions": (_revisions_columns, ["story_id", "revision"]),
    "sessions": (_sessions_columns, ["id"]),
    "settings": (_settings_columns, ["key"]),
    "readings": (_readings_columns, ["key"]),
}


def _rebuild(name: str, owned: bool) -> None:
    """Make `name` anew (with or without the owner), copy its rows, swap the new one in."""
    columns, key = OWNED[name]
    cols = columns()
    names = ", ".join(f'"{c.name}"' for c in cols)
    extra: list = []
    if name == "story_revisions":
        if owned:
            extra.append(
                sa.ForeignKeyConstraint(
                    ["owner_id", "story_id"], ["stories_new.owner_id", "stories_new.id"]
                )
            )
        else:
            extra.append(sa.ForeignKeyConstraint(["story_id"], ["stories_new.id"]))
    if owned:
        op.create_table(
            f"{name}_new",
            _owner(),
            *cols,
            sa.PrimaryKeyConstraint("owner_id", *key, name=f"pk_{name}"),
            *extra,
        )
        op.execute(f"INSERT INTO {name}_new (owner_id, {names}) SELECT 0, {names} FROM {name}")
    else:
        op.create_table(f"{name}_new", *cols, sa.PrimaryKeyConstraint(*key), *extra)
        op.execute(
            f"INSERT INTO {name}_new ({names}) SELECT {names} FROM {name} WHERE owner_id = 0"
        )


def _swap(owned: bool) -> None:
    for name in OWNED:
        _rebuild(name, owned)
    for name in ("story_revisions", *[n for n in OWNED if n != "story_revisions"]):
        op.drop_table(name)
    for name in OWNED:
        op.rename_table(f"{name}_new", name)


def _accounts() -> None:
    op.create_table(
        "organisations",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(120), nullable=False, unique=True),
        sa.Column("created_at", NOW, nullable=False),
    )
    op.create_table(
        "cohorts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("organisation_id", sa.Integer, sa.ForeignKey("organisations.id"), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("created_at", NOW, nullable=False),
        sa.UniqueConstraint("organisation_id", "name", name="uq_cohorts_name"),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("email", sa.String(254), nullable=False, unique=True),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("organisation_id", sa.Integer, sa.ForeignKey("organisations.id"), nullable=False),
        sa.Column("disabled", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("created_at", NOW, nullable=False),
        sa.CheckConstraint("role IN ('candidate', 'coach', 'admin')", name="ck_users_role"),
    )
    op.create_table(
        "cohort_members",
        sa.Column("cohort_id", sa.Integer, sa.ForeignKey("cohorts.id"), nullable=False),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.PrimaryKeyConstraint("cohort_id", "user_id", name="pk_cohort_members"),
    )
    op.create_table(
        "login_sessions",
        sa.Column("token_digest", sa.String(64), primary_key=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("csrf_token", sa.String(64), nullable=False),
        sa.Column("created_at", NOW, nullable=False),
        sa.Column("expires_at", NOW, nullable=False),
    )


def _sharing() -> None:
    revision_key = [f"story_revisions.{c}" for c in ("owner_id", "story_id", "revision")]
    op.create_table(
        "shares",
        sa.Column("owner_id", sa.Integer, nullable=False),
        sa.Column("story_id", sa.String(80), nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("cohort_id", sa.Integer, sa.ForeignKey("cohorts.id"), nullable=False),
        sa.Column("shared_at", NOW, nullable=False),
        sa.PrimaryKeyConstraint("owner_id", "story_id", "revision", "cohort_id", name="pk_shares"),
        sa.ForeignKeyConstraint(["owner_id", "story_id", "revision"], revision_key),
    )
    op.create_table(
        "comments",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("owner_id", sa.Integer, nullable=False),
        sa.Column("story_id", sa.String(80), nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("author_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("field", sa.String(40), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("quote", sa.Text, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("created_at", NOW, nullable=False),
        sa.ForeignKeyConstraint(["owner_id", "story_id", "revision"], revision_key),
    )
    op.create_index("ix_comments_story", "comments", ["owner_id", "story_id"])


def upgrade() -> None:
    _swap(owned=True)
    _accounts()
    _sharing()


def downgrade() -> None:
    """Back to one owner: keeps the single-user bank (owner 0); other users' rows are
    dropped with the server's tables, so take a pg_dump first."""
    for name in ("comments", "shares", "login_sessions", "cohort_members", "users", "cohorts"):
        op.drop_table(name)
    op.drop_table("organisations")
    _swap(owned=False)
