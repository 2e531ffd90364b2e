"""Alembic environment: storyladder runs migrations itself, on a connection it passes in."""

from __future__ import annotations

from alembic import context

from storyladder.store import server_tables  # noqa: F401 (its tables join the metadata)
from storyladder.store.tables import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
