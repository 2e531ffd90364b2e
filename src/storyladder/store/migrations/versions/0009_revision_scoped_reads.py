"""Others read a comment, a coach's reading or a reply only on a revision shared with them,
and shares stay readable only while their owner is in the cohort and not disabled.

0006 and 0007 let anyone a story was shared with read every comment and every coach's
reading (with its `answer`, the words of the ladder level) on any revision of the story,
and every reply, as soon as one revision was shared: a candidate's note on a draft never
shared, and the draft's words it quotes, reached the coach. Now, for anyone but the story's
owner, a comment or an override needs a share of its own revision, and a reply the share
of the revision of the comment or override it answers.

A coach's reading of shares (and of shared practice sessions) also needs the owner still
to be a member of the share's cohort and not disabled: leaving the cohort or being
disabled hides what one shared there (the rows stay; rejoining shows them again). Every
policy that asks for a share (revisions, comments, overrides, replies) follows.
Nothing on SQLite (one user, one file).

Revision ID: 0009_revision_scoped_reads
Revises: 0008_session_revision
"""

from alembic import op

revision = "0009_revision_scoped_reads"
down_revision = "0008_session_revision"
branch_labels = None
depends_on = None

# (as in 0006) the current user coaches this cohort, in the current organisation
COACHES = """EXISTS (
    SELECT 1 FROM cohort_members m
    JOIN users u ON u.id = m.user_id
    JOIN cohorts c ON c.id = m.cohort_id
    WHERE m.cohort_id = {t}.cohort_id AND m.user_id = storyladder_user() AND u.role = 'coach'
      AND NOT u.disabled AND c.organisation_id = storyladder_org())"""
# the share's owner is still a member of its cohort, and not disabled
OWNER_STAYS = """EXISTS (
    SELECT 1 FROM cohort_members om
    JOIN users ou ON ou.id = om.user_id
    WHERE om.cohort_id = {t}.cohort_id AND om.user_id = {t}.owner_id AND NOT ou.disabled)"""
# a share the current user can see (shares' own policies decide which) of this revision
SHARED_REVISION = """EXISTS (
    SELECT 1 FROM shares s
    WHERE s.owner_id = {t}.owner_id AND s.story_id = {t}.story_id
      AND s.revision = {t}.revision)"""
# the reply answers a comment or an override on the same story whose own revision is
# shared with the current user
SHARED_TARGET = """(EXISTS (
    SELECT 1 FROM comments c JOIN shares s
      ON s.owner_id = c.owner_id AND s.story_id = c.story_id AND s.revision = c.revision
    WHERE c.id = replies.comment_id
      AND c.owner_id = replies.owner_id AND c.story_id = replies.story_id)
  OR EXISTS (
    SELECT 1 FROM overrides o JOIN shares s
      ON s.owner_id = o.owner_id AND s.story_id = o.story_id AND s.revision = o.revision
    WHERE o.id = replies.override_id
      AND o.owner_id = replies.owner_id AND o.story_id = replies.story_id))"""
# (as in 0007) the reply's comment or override is on the same story
TARGET = """(EXISTS (
    SELECT 1 FROM comments c WHERE c.id = replies.comment_id
      AND c.owner_id = replies.owner_id AND c.story_id = replies.story_id)
  OR EXISTS (
    SELECT 1 FROM overrides o WHERE o.id = replies.override_id
      AND o.owner_id = replies.owner_id AND o.story_id = replies.story_id))"""
# (as in 0006 and 0007, for the downgrade) a share of any revision of this story
SHARED_STORY = """EXISTS (
    SELECT 1 FROM shares s
    WHERE s.owner_id = {t}.owner_id AND s.story_id = {t}.story_id)"""
OWN = "owner_id = storyladder_user()"


def _policy(name: str, table: str, command: str, clause: str) -> None:
    op.execute(f"DROP POLICY IF EXISTS {name} ON {table}")
    op.execute(f"CREATE POLICY {name} ON {table} FOR {command} {clause}")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    comment_shared = SHARED_REVISION.format(t="comments")
    _policy("read_comments", "comments", "SELECT", f"USING ({OWN} OR {comment_shared})")
    override_shared = SHARED_REVISION.format(t="overrides")
    _policy("read_overrides", "overrides", "SELECT", f"USING ({OWN} OR {override_shared})")
    _policy("read_replies", "replies", "SELECT", f"USING ({OWN} OR {SHARED_TARGET})")
    answerable = f"({OWN} AND {TARGET}) OR {SHARED_TARGET}"
    _policy(
        "write_replies",
        "replies",
        "INSERT",
        f"WITH CHECK (author_id = storyladder_user() AND ({answerable}))",
    )
    for table in ("shares", "session_shares"):
        coach = COACHES.format(t=table) + " AND " + OWNER_STAYS.format(t=table)
        _policy("coach_reads", table, "SELECT", f"USING ({coach})")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in ("comments", "overrides"):
        shared = SHARED_STORY.format(t=table)
        _policy(f"read_{table}", table, "SELECT", f"USING ({OWN} OR {shared})")
    readable = f"{OWN} OR " + SHARED_STORY.format(t="replies")
    _policy("read_replies", "replies", "SELECT", f"USING ({readable})")
    _policy(
        "write_replies",
        "replies",
        "INSERT",
        f"WITH CHECK (author_id = storyladder_user() AND ({readable}) AND {TARGET})",
    )
    for table in ("shares", "session_shares"):
        _policy("coach_reads", table, "SELECT", f"USING ({COACHES.format(t=table)})")
