"""Password reset by a link an admin issues: `storyladder users reset EMAIL` (as the tables'
owner) makes a one-time token that expires; the server (as the app's role) sets the new
password when the token comes back, deletes the token and ends the user's sessions, all
in one transaction. Only the token's SHA-256 digest is stored.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, delete, insert, select, update

from storyladder.errors import InputError
from storyladder.store.accounts import Account, digest, find
from storyladder.store.passwords import hash_password
from storyladder.store.repository import utc_aware
from storyladder.store.server_tables import login_sessions, password_resets, users

LIFETIME = timedelta(hours=24)
INVALID = "this reset link is not valid: it was used already, has expired, or was never issued"


def issue(
    engine: Engine, email: str, lifetime: timedelta = LIFETIME, now: datetime | None = None
) -> tuple[str, Account]:
    """A new one-time token for `email`'s account (earlier unused ones stop working)."""
    if lifetime <= timedelta(0):
        raise InputError("a reset link must live a while: give a positive number of hours")
    account = find(engine, email)
    if account.disabled:
        raise InputError(f"{account.email} is disabled; a reset would not let them log in")
    token = secrets.token_urlsafe(32)
    now = now or datetime.now(UTC)
    with engine.begin() as conn:
        conn.execute(delete(password_resets).where(password_resets.c.user_id == account.id))
        conn.execute(
            insert(password_resets).values(
                token_digest=digest(token),
                user_id=account.id,
                created_at=now,
                expires_at=now + lifetime,
            )
        )
    return token, account


def reset(engine: Engine, token: str, password: str, now: datetime | None = None) -> str:
    """Set a new password with a token from `issue`; the token is used up and every open
    session of the user ends. The user's email; InputError (saying nothing about why,
    beyond INVALID) when the token is unknown, used or expired."""
    hashed = hash_password(password)  # a too-short password is refused before the token is spent
    now = now or datetime.now(UTC)
    with engine.begin() as conn:  # the token is deleted whatever it was: single use
        used = conn.execute(
            delete(password_resets)
            .where(password_resets.c.token_digest == digest(token))
            .returning(password_resets.c.user_id, password_resets.c.expires_at)
        ).first()
        user = None
        if used is not None and utc_aware(used.expires_at) > now:
            user = conn.execute(select(users).where(users.c.id == used.user_id)).one()
        if user is not None and not user.disabled:
            conn.execute(update(users).where(users.c.id == user.id).values(password_hash=hashed))
            conn.execute(delete(login_sessions).where(login_sessions.c.user_id == user.id))
            return str(user.email)
    raise InputError(INVALID)
