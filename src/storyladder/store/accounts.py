"""Accounts of the multi-user server: users, organisations, cohorts, login sessions.

The CLI (connected as the tables' owner) adds and disables users; the server (connected
as the app's role, which may only read accounts) checks passwords and keeps login
sessions. Passwords are stored as argon2 hashes (store/passwords.py); a session cookie's
token is stored as its SHA-256 digest only.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import Connection, Engine, delete, insert, select, update

from storyladder.errors import InputError, StoryNotFound
from storyladder.store import passwords
from storyladder.store.server_tables import (
    ROLES,
    cohort_members,
    cohorts,
    login_sessions,
    organisations,
    users,
)

DEFAULT_ORGANISATION = "default"
SESSION_LIFETIME = timedelta(hours=12)
MAX_EMAIL = 254  # characters (RFC 5321's limit on a path)


@dataclass(frozen=True)
class Account:
    """Who is signed in (or listed): what every route and query needs to know."""

    id: int
    email: str
    role: str
    organisation_id: int
    disabled: bool = False
    cohorts: tuple[str, ...] = ()


@dataclass(frozen=True)
class LoginSession:
    token: str  # goes in the cookie; the database keeps only its digest
    csrf_token: str
    account: Account
    expires_at: datetime


@cache
def _dummy_hash() -> str:
    return passwords.hash_password(secrets.token_urlsafe(16))


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def looks_like_email(email: str) -> bool:
    """LOCAL@DOMAIN with one @, no white space, and a dot inside the domain (not first or
    last): in one pass, in time linear in the length (a backtracking pattern took time
    quadratic in it), and nothing longer than MAX_EMAIL is looked at."""
    if len(email) > MAX_EMAIL:
        return False
    local, at, domain = email.partition("@")
    if not at or not local or "@" in domain or any(c.isspace() for c in email):
        return False
    return "." in domain[1:-1]


def normal_email(email: str) -> str:
    email = email.strip().lower()
    if not looks_like_email(email):  # (the length first)
        shown = email if len(email) <= MAX_EMAIL else f"{email[:40]}... ({len(email)} characters)"
        raise InputError(f"not an email address: {shown!r}")
    return email


# -- administration (the CLI, as the tables' owner) ------------------------------------


def _organisation(conn: Connection, name: str, now: datetime) -> int:
    found = conn.execute(select(organisations.c.id).where(organisations.c.name == name)).scalar()
    if found is not None:
        return int(found)
    row = insert(organisations).values(name=name, created_at=now)
    return int(conn.execute(row.returning(organisations.c.id)).scalar_one())


def _cohort(conn: Connection, organisation: int, name: str, now: datetime) -> int:
    query = select(cohorts.c.id).where(
        cohorts.c.organisation_id == organisation, cohorts.c.name == name
    )
    found = conn.execute(query).scalar()
    if found is not None:
        return int(found)
    row = insert(cohorts).values(organisation_id=organisation, name=name, created_at=now)
    return int(conn.execute(row.returning(cohorts.c.id)).scalar_one())


def add_user(
    engine: Engine,
    email: str,
    role: str,
    password: str,
    cohort: str | None = None,
    organisation: str = DEFAULT_ORGANISATION,
) -> Account:
    """A new account (its organisation and cohort made when new); InputError if the email
    is taken, the role unknown or the password too short."""
    email = normal_email(email)
    if role not in ROLES:
        raise InputError(f"unknown role {role!r}: choose one of {', '.join(ROLES)}")
    hashed = passwords.hash_password(password)
    now = datetime.now(UTC)
    with engine.begin() as conn:
        if conn.execute(select(users.c.id).where(users.c.email == email)).first():
            raise InputError(f"a user with email {email} already exists (see 'users list')")
        org = _organisation(conn, organisation, now)
        row = insert(users).values(
            email=email,
            password_hash=hashed,
            role=role,
            organisation_id=org,
            disabled=False,
            created_at=now,
        )
        user = int(conn.execute(row.returning(users.c.id)).scalar_one())
        if cohort:
            conn.execute(
                insert(cohort_members).values(
                    cohort_id=_cohort(conn, org, cohort, now), user_id=user
                )
            )
    return find(engine, email)


def list_users(engine: Engine) -> list[Account]:
    with engine.connect() as conn:
        rows = list(conn.execute(select(users).order_by(users.c.email)))
        memberships = _memberships(conn)
    return [_account(row, memberships.get(row.id, ())) for row in rows]


def find(engine: Engine, email: str) -> Account:
    email = normal_email(email)
    for account in list_users(engine):
        if account.email == email:
            return account
    raise StoryNotFound(f"no user with email {email} (see 'storyladder users list')")


def disable_user(engine: Engine, email: str) -> Account:
    """The user can no longer log in, and their open sessions end; their data stays."""
    account = find(engine, email)
    with engine.begin() as conn:
        conn.execute(update(users).where(users.c.id == account.id).values(disabled=True))
        conn.execute(delete(login_sessions).where(login_sessions.c.user_id == account.id))
    return find(engine, email)


def _memberships(conn: Connection) -> dict[int, tuple[str, ...]]:
    query = (
        select(cohort_members.c.user_id, cohorts.c.name)
        .join(cohorts, cohorts.c.id == cohort_members.c.cohort_id)
        .order_by(cohorts.c.name)
    )
    out: dict[int, tuple[str, ...]] = {}
    for row in conn.execute(query):
        out[row.user_id] = (*out.get(row.user_id, ()), row.name)
    return out


def _account(row: Any, member_of: tuple[str, ...] = ()) -> Account:
    return Account(
        id=row.id,
        email=row.email,
        role=row.role,
        organisation_id=row.organisation_id,
        disabled=bool(row.disabled),
        cohorts=member_of,
    )


# -- signing in (the server, as the app's role) -----------------------------------------


def login(engine: Engine, email: str, password: str) -> LoginSession | None:
    """A new session when the password is right and the account enabled; None otherwise
    (the same None for an unknown email, so a failed login tells nothing)."""
    try:
        email = normal_email(email)
    except InputError:
        return None
    with engine.connect() as conn:
        row = conn.execute(select(users).where(users.c.email == email)).first()
    if row is None:
        passwords.matches(_dummy_hash(), password)  # the same time as a wrong password
        return None
    if not passwords.matches(row.password_hash, password) or row.disabled:
        return None
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    expires = now + SESSION_LIFETIME
    with engine.begin() as conn:
        if passwords.needs_rehash(row.password_hash):  # made with older parameters
            conn.execute(
                update(users)
                .where(users.c.id == row.id, users.c.password_hash == row.password_hash)
                .values(password_hash=passwords.hash_password(password))
            )
        conn.execute(delete(login_sessions).where(login_sessions.c.expires_at < now))
        conn.execute(
            insert(login_sessions).values(
                token_digest=digest(token),
                user_id=row.id,
                csrf_token=csrf,
                created_at=now,
                expires_at=expires,
            )
        )
    return LoginSession(token, csrf, _account(row), expires)


def session(engine: Engine, token: str) -> LoginSession | None:
    """The live session of a cookie's token: not expired, its account not disabled."""
    query = (
        select(login_sessions.c.csrf_token, login_sessions.c.expires_at, users)
        .join(users, users.c.id == login_sessions.c.user_id)
        .where(login_sessions.c.token_digest == digest(token))
    )
    with engine.connect() as conn:
        row = conn.execute(query).first()
    if row is None or row.disabled:
        return None
    expires = row.expires_at if row.expires_at.tzinfo else row.expires_at.replace(tzinfo=UTC)
    if expires <= datetime.now(UTC):
        return None
    return LoginSession(token, row.csrf_token, _account(row), expires)


def logout(engine: Engine, token: str) -> None:
    with engine.begin() as conn:
        conn.execute(delete(login_sessions).where(login_sessions.c.token_digest == digest(token)))


def cohort_names(engine: Engine, user: int) -> list[str]:
    query = (
        select(cohorts.c.name)
        .join(cohort_members, cohort_members.c.cohort_id == cohorts.c.id)
        .where(cohort_members.c.user_id == user)
        .order_by(cohorts.c.name)
    )
    with engine.connect() as conn:
        return [str(name) for name in conn.execute(query).scalars()]


def emails(engine: Engine, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    with engine.connect() as conn:
        rows = conn.execute(select(users.c.id, users.c.email).where(users.c.id.in_(sorted(ids))))
        return {int(row.id): str(row.email) for row in rows}
