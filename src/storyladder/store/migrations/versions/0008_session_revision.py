"""Practice sessions get a revision: the version a turn is taken on, compared before every
save (as a story's head is), so two windows answering one session never overwrite each
other. Sessions saved before this are at revision 1.

Adding a column changes no row-level security policy (0006 keeps `sessions` to its owner)
and no grant (the app role's are on the whole table).

Revision ID: 0008_session_revision
Revises: 0007_coach_review
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_session_revision"
down_revision = "0007_coach_review"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("sessions", sa.Column("revision", sa.Integer, nullable=False, server_default="1"))


def downgrade() -> None:
    with op.batch_alter_table("sessions") as batch:  # SQLite rebuilds the table
        batch.drop_column("revision")
