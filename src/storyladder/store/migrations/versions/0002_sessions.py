"""Practice sessions: one row per session, its transcript saved after every turn.

Revision ID: 0002_sessions
Revises: 0001_stories
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_sessions"
down_revision = "0001_stories"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sessions",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("mode", sa.String(16), nullable=False),
        sa.Column("company", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("story_id", sa.String(80), nullable=True),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("sessions")
