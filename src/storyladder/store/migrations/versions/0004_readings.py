"""Readings: the coach's reading of each story version, kept so a bank check reads only
what changed.

Revision ID: 0004_readings
Revises: 0003_settings
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_readings"
down_revision = "0003_settings"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "readings",
        sa.Column("key", sa.String(80), primary_key=True),
        sa.Column("coach", sa.String(32), nullable=False),
        sa.Column("data", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("readings")
