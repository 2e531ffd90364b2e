"""Settings: small named values the user chose (the interview date and company of the plan).

Revision ID: 0003_settings
Revises: 0002_sessions
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_settings"
down_revision = "0002_sessions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "settings",
        sa.Column("key", sa.String(80), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("settings")
