"""Isolation on PostgreSQL: what the app's role may do, and the checks the multi-user
server makes before it serves anyone.

The tables' owner runs the migrations (which put row-level security on every table of
USER_DATA) and `grant`s the app's role the least it needs: accounts are read-only to it
(but for the password a reset link sets), revisions, comments, overrides and replies can
be added but never changed, and nothing of a user's is ever deleted except the readings
cache, withdrawn shares, ended login sessions and used reset links.
"""

from __future__ import annotations

from sqlalchemy import Engine, text

from storyladder.errors import ConfigError
from storyladder.store.database import current_revision, head_revision
from storyladder.store.server_tables import USER_DATA

PRIVILEGES = {
    "alembic_version": "SELECT",
    "organisations": "SELECT",
    "cohorts": "SELECT",
    "users": "SELECT, UPDATE (password_hash)",
    "cohort_members": "SELECT",
    "login_sessions": "SELECT, INSERT, DELETE",
    "stories": "SELECT, INSERT, UPDATE",
    "story_revisions": "SELECT, INSERT",
    "sessions": "SELECT, INSERT, UPDATE",
    "settings": "SELECT, INSERT, UPDATE",
    "readings": "SELECT, INSERT, DELETE",
    "shares": "SELECT, INSERT, DELETE",
    "comments": "SELECT, INSERT",
    "overrides": "SELECT, INSERT",
    "replies": "SELECT, INSERT",
    "session_shares": "SELECT, INSERT, DELETE",
    "password_resets": "SELECT, DELETE",
}
SEQUENCES = ("comments_id_seq", "overrides_id_seq", "replies_id_seq")


def _postgres(engine: Engine) -> None:
    if engine.dialect.name != "postgresql":
        raise ConfigError(
            "the multi-user server needs PostgreSQL (it keeps users apart with row-level "
            f"security), not {engine.dialect.name}: pass --db postgresql://..."
        )


def _quoted(engine: Engine, role: str) -> str:
    return engine.dialect.identifier_preparer.quote(role)


def grant(engine: Engine, role: str) -> None:
    """Let `role` (a login role that must not own the tables) serve the app."""
    _postgres(engine)
    with engine.begin() as conn:
        exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role})
        if exists.first() is None:
            raise ConfigError(
                f"there is no PostgreSQL role {role!r}; create it first, e.g. "
                f"CREATE ROLE {role} LOGIN PASSWORD '...' (it must not own the tables)"
            )
        if conn.execute(text("SELECT current_user")).scalar() == role:
            raise ConfigError(f"{role!r} owns the tables: the app needs a role of its own")
        name = _quoted(engine, role)
        conn.execute(text(f"GRANT USAGE ON SCHEMA public TO {name}"))
        for table, privileges in PRIVILEGES.items():
            conn.execute(text(f"GRANT {privileges} ON {table} TO {name}"))
        for sequence in SEQUENCES:
            conn.execute(text(f"GRANT USAGE ON SEQUENCE {sequence} TO {name}"))


def policies(engine: Engine) -> dict[str, tuple[bool, bool, list[str]]]:
    """Each table of the public schema: (row security enabled, forced, its policies)."""
    query = text(
        "SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity, "
        "  coalesce(array_agg(p.polname ORDER BY p.polname) "
        "    FILTER (WHERE p.polname IS NOT NULL), '{}') "
        "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "LEFT JOIN pg_policy p ON p.polrelid = c.oid "
        "WHERE n.nspname = 'public' AND c.relkind = 'r' GROUP BY 1, 2, 3"
    )
    with engine.connect() as conn:
        return {row[0]: (row[1], row[2], list(row[3])) for row in conn.execute(query)}


def check_server(engine: Engine) -> None:
    """Refuse to serve unless the database keeps users apart by itself: PostgreSQL, the
    schema up to date, row security on and forced on every user-data table, and a
    connection as a role that neither owns the tables (nor is a member of the owner's
    role) nor bypasses row security."""
    _postgres(engine)
    current, head = current_revision(engine), head_revision()
    if current != head:
        raise ConfigError(
            f"the database schema is at {current}, the server needs {head}: run any "
            "'storyladder --db OWNER_URL users ...' command as the tables' owner to upgrade"
        )
    with engine.connect() as conn:
        me = conn.execute(
            text(
                "SELECT r.rolname, r.rolsuper, r.rolbypassrls FROM pg_roles r "
                "WHERE r.rolname = current_user"
            )
        ).one()
        owner = conn.execute(
            text("SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relname = 'stories'")
        ).scalar()
        # a member of the owner's role acts as the owner (USAGE: its privileges; MEMBER:
        # SET ROLE to it), so it could switch row security off or drop the policies
        member = bool(
            conn.execute(
                text(
                    "SELECT pg_has_role(current_user, :owner, 'USAGE') "
                    "OR pg_has_role(current_user, :owner, 'MEMBER')"
                ),
                {"owner": owner},
            ).scalar()
        )
    if me.rolsuper or me.rolbypassrls or member:
        why = "a superuser" if me.rolsuper else "exempt from row security"
        if member and not (me.rolsuper or me.rolbypassrls):
            why = (
                f"the owner of the tables ({owner})"
                if owner == me.rolname
                else f"a member of the tables' owner role ({owner}), so it acts as the owner"
            )
        raise ConfigError(
            f"the server connects as {me.rolname}, {why}: connect it as the app's role "
            "(one that owns nothing and is no member of the owner's role; grant it with "
            "'storyladder users grant ROLE' as the owner)"
        )
    unprotected = [
        table
        for table, (enabled, forced, names) in policies(engine).items()
        if table in USER_DATA and not (enabled and forced and names)
    ]
    if unprotected:
        raise ConfigError(f"row-level security is missing on {', '.join(sorted(unprotected))}")
