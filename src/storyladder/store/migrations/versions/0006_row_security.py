"""Row-level security on PostgreSQL: each user's rows are theirs alone, enforced by the
database, whoever connects (the table owner too: FORCE), and closed when no user is set.

The repository sets `storyladder.user_id` (and `storyladder.org_id`) with
set_config(..., true) at the start of every transaction; the functions below read them
back, NULL when unset, so every comparison fails and no row is visible or writable.
A coach reads a revision only while it is shared with a cohort they coach, in their
organisation. Nothing to do on SQLite (one user, one file).

Revision ID: 0006_row_security
Revises: 0005_accounts
"""

from alembic import op

revision = "0006_row_security"
down_revision = "0005_accounts"
branch_labels = None
depends_on = None

OWN_ONLY = ("stories", "sessions", "settings", "readings")
FUNCTIONS = """
CREATE OR REPLACE FUNCTION storyladder_user() RETURNS integer LANGUAGE sql STABLE AS
$$ SELECT NULLIF(current_setting('storyladder.user_id', true), '')::integer $$;
CREATE OR REPLACE FUNCTION storyladder_org() RETURNS integer LANGUAGE sql STABLE AS
$$ SELECT NULLIF(current_setting('storyladder.org_id', true), '')::integer $$;
"""
# the current user coaches this cohort, in the current organisation
COACHES = """EXISTS (
    SELECT 1 FROM cohort_members m
    JOIN users u ON u.id = m.user_id
    JOIN cohorts c ON c.id = m.cohort_id
    WHERE m.cohort_id = {cohort} AND m.user_id = storyladder_user() AND u.role = 'coach'
      AND NOT u.disabled AND c.organisation_id = storyladder_org())"""
# a share of this story that the current user can see (shares' own policies decide which)
SHARED = """EXISTS (
    SELECT 1 FROM shares s
    WHERE s.owner_id = {t}.owner_id AND s.story_id = {t}.story_id{revision})"""
MEMBER = (
    "EXISTS (SELECT 1 FROM cohort_members m "
    "WHERE m.cohort_id = shares.cohort_id AND m.user_id = storyladder_user())"
)


def _protect(table: str) -> None:
    op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
    op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")


def _own(table: str, column: str = "owner_id") -> None:
    op.execute(
        f"CREATE POLICY own_rows ON {table} USING ({column} = storyladder_user()) "
        f"WITH CHECK ({column} = storyladder_user())"
    )


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(FUNCTIONS)
    for table in (*OWN_ONLY, "story_revisions", "shares", "comments"):
        _protect(table)
    for table in OWN_ONLY:
        _own(table)
    _own("story_revisions")
    op.execute(
        "CREATE POLICY coach_reads_shared ON story_revisions FOR SELECT USING ("
        + SHARED.format(t="story_revisions", revision=" AND s.revision = story_revisions.revision")
        + ")"
    )
    # shares: the owner shares only into a cohort they belong to; coaches of it read them
    op.execute(
        "CREATE POLICY own_rows ON shares USING (owner_id = storyladder_user()) "
        f"WITH CHECK (owner_id = storyladder_user() AND {MEMBER})"
    )
    op.execute(
        "CREATE POLICY coach_reads ON shares FOR SELECT USING ("
        + COACHES.format(cohort="shares.cohort_id")
        + ")"
    )
    # comments: the story's owner reads all of theirs; others read and write them only
    # while the story is shared with them, and write only under their own name
    shared_story = SHARED.format(t="comments", revision="")
    shared_revision = SHARED.format(t="comments", revision=" AND s.revision = comments.revision")
    op.execute(
        "CREATE POLICY read_comments ON comments FOR SELECT "
        f"USING (owner_id = storyladder_user() OR {shared_story})"
    )
    op.execute(
        "CREATE POLICY write_comments ON comments FOR INSERT WITH CHECK ("
        f"author_id = storyladder_user() AND (owner_id = storyladder_user() OR {shared_revision}))"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in (*OWN_ONLY, "story_revisions", "shares", "comments"):
        op.execute(f"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
    for table in (*OWN_ONLY, "story_revisions", "shares"):
        op.execute(f"DROP POLICY IF EXISTS own_rows ON {table}")
    op.execute("DROP POLICY IF EXISTS coach_reads_shared ON story_revisions")
    op.execute("DROP POLICY IF EXISTS coach_reads ON shares")
    op.execute("DROP POLICY IF EXISTS read_comments ON comments")
    op.execute("DROP POLICY IF EXISTS write_comments ON comments")
    op.execute("DROP FUNCTION IF EXISTS storyladder_user()")
    op.execute("DROP FUNCTION IF EXISTS storyladder_org()")
