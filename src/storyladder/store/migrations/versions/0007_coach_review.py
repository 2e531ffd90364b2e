"""Coach review, practice shared by choice, the plan shown to coaches, password resets.

New tables: overrides (a coach's own reading of one ladder level of a shared revision),
replies (to a comment or an override), session_shares (a copy of a practice session its
owner shared with a cohort's coaches) and password_resets (one-time links, as digests).
On PostgreSQL the three user-data tables get forced row-level security with policies in
the manner of 0006, and coaches may read one setting of a candidate of their cohort: the
plan (interview date and company), and only while the candidate marked it shared.

Revision ID: 0007_coach_review
Revises: 0006_row_security
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_coach_review"
down_revision = "0006_row_security"
branch_labels = None
depends_on = None

NOW = sa.DateTime(timezone=True)
REVISION_KEY = [f"story_revisions.{c}" for c in ("owner_id", "story_id", "revision")]
PROTECTED = ("overrides", "replies", "session_shares")

# (as in 0006) the current user coaches this cohort, in the current organisation
COACHES = """EXISTS (
    SELECT 1 FROM cohort_members m
    JOIN users u ON u.id = m.user_id
    JOIN cohorts c ON c.id = m.cohort_id
    WHERE m.cohort_id = {cohort} AND m.user_id = storyladder_user() AND u.role = 'coach'
      AND NOT u.disabled AND c.organisation_id = storyladder_org())"""
# (as in 0006) a share of this story that the current user can see
SHARED = """EXISTS (
    SELECT 1 FROM shares s
    WHERE s.owner_id = {t}.owner_id AND s.story_id = {t}.story_id{revision})"""
MEMBER = (
    "EXISTS (SELECT 1 FROM cohort_members m "
    "WHERE m.cohort_id = session_shares.cohort_id AND m.user_id = storyladder_user())"
)
# the reply's comment or override is one the current user can read, on the same story
TARGET = """(EXISTS (
    SELECT 1 FROM comments c WHERE c.id = replies.comment_id
      AND c.owner_id = replies.owner_id AND c.story_id = replies.story_id)
  OR EXISTS (
    SELECT 1 FROM overrides o WHERE o.id = replies.override_id
      AND o.owner_id = replies.owner_id AND o.story_id = replies.story_id))"""
# the owner of this settings row is in a cohort the current user coaches
COACH_OF_OWNER = (
    "EXISTS (SELECT 1 FROM cohort_members theirs WHERE theirs.user_id = settings.owner_id "
    "AND " + COACHES.format(cohort="theirs.cohort_id") + ")"
)


def _tables() -> None:
    op.create_table(
        "overrides",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("owner_id", sa.Integer, nullable=False),
        sa.Column("story_id", sa.String(80), nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("level", sa.String(32), nullable=False),
        sa.Column("author_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("met", sa.Boolean, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("answer", sa.Text, nullable=False),
        sa.Column("created_at", NOW, nullable=False),
        sa.ForeignKeyConstraint(["owner_id", "story_id", "revision"], REVISION_KEY),
    )
    op.create_index("ix_overrides_story", "overrides", ["owner_id", "story_id"])
    op.create_table(
        "replies",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("owner_id", sa.Integer, nullable=False),
        sa.Column("story_id", sa.String(80), nullable=False),
        sa.Column("comment_id", sa.Integer, sa.ForeignKey("comments.id"), nullable=True),
        sa.Column("override_id", sa.Integer, sa.ForeignKey("overrides.id"), nullable=True),
        sa.Column("author_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("created_at", NOW, nullable=False),
        sa.CheckConstraint(
            "(comment_id IS NULL) <> (override_id IS NULL)", name="ck_replies_target"
        ),
    )
    op.create_index("ix_replies_story", "replies", ["owner_id", "story_id"])
    op.create_table(
        "session_shares",
        sa.Column("owner_id", sa.Integer, nullable=False),
        sa.Column("session_id", sa.String(40), nullable=False),
        sa.Column("cohort_id", sa.Integer, sa.ForeignKey("cohorts.id"), nullable=False),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("shared_at", NOW, nullable=False),
        sa.PrimaryKeyConstraint("owner_id", "session_id", "cohort_id", name="pk_session_shares"),
        sa.ForeignKeyConstraint(["owner_id", "session_id"], ["sessions.owner_id", "sessions.id"]),
    )
    op.create_table(
        "password_resets",
        sa.Column("token_digest", sa.String(64), primary_key=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("created_at", NOW, nullable=False),
        sa.Column("expires_at", NOW, nullable=False),
    )


def _policies() -> None:
    for table in PROTECTED:
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
    # overrides: the owner and those the story is shared with read them; only someone the
    # revision is shared with (a coach: shares show others to coaches only) writes one,
    # under their own name, never on their own story
    op.execute(
        "CREATE POLICY read_overrides ON overrides FOR SELECT USING ("
        "owner_id = storyladder_user() OR " + SHARED.format(t="overrides", revision="") + ")"
    )
    op.execute(
        "CREATE POLICY write_overrides ON overrides FOR INSERT WITH CHECK ("
        "author_id = storyladder_user() AND owner_id <> storyladder_user() AND "
        + SHARED.format(t="overrides", revision=" AND s.revision = overrides.revision")
        + ")"
    )
    # replies: read like comments; written under one's own name, to a comment or
    # override one can read, on one's own story or one shared with one
    readable = "owner_id = storyladder_user() OR " + SHARED.format(t="replies", revision="")
    op.execute(f"CREATE POLICY read_replies ON replies FOR SELECT USING ({readable})")
    op.execute(
        "CREATE POLICY write_replies ON replies FOR INSERT WITH CHECK ("
        f"author_id = storyladder_user() AND ({readable}) AND {TARGET})"
    )
    # session shares: as story shares
    op.execute(
        "CREATE POLICY own_rows ON session_shares USING (owner_id = storyladder_user()) "
        f"WITH CHECK (owner_id = storyladder_user() AND {MEMBER})"
    )
    op.execute(
        "CREATE POLICY coach_reads ON session_shares FOR SELECT USING ("
        + COACHES.format(cohort="session_shares.cohort_id")
        + ")"
    )
    # settings: a coach reads a candidate's plan, only while the candidate shares it
    op.execute(
        "CREATE POLICY coach_reads_shared_plan ON settings FOR SELECT USING ("
        "CASE WHEN key = 'plan' THEN (value::jsonb ->> 'shared') = 'true' ELSE false END "
        "AND " + COACH_OF_OWNER + ")"
    )


def upgrade() -> None:
    _tables()
    if op.get_bind().dialect.name == "postgresql":
        _policies()


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP POLICY IF EXISTS coach_reads_shared_plan ON settings")
    for table in ("password_resets", "session_shares", "replies", "overrides"):
        op.drop_table(table)  # (their policies go with them)
