"""Match facts: what matching needs of a story reading (its `match` part), in a column of
its own, so that a question is matched without parsing whole readings or decoding stories.
Readings stored before this have none: matching makes them again when first asked (a new
coach makes every reading again anyway).

Adding a column changes no row-level security policy (0006 keeps `readings` to its owner)
and no grant (the app role's are on the whole table).

Revision ID: 0010_match_facts
Revises: 0009_revision_scoped_reads
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_match_facts"
down_revision = "0009_revision_scoped_reads"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("readings", sa.Column("facts", sa.Text, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("readings") as batch:  # SQLite rebuilds the table
        batch.drop_column("facts")
