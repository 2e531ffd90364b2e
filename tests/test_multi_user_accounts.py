"""Accounts of the multi-user server: argon2 passwords, roles, cohorts, login sessions."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from storyladder.errors import InputError, StoryNotFound
from storyladder.store import accounts, passwords
from storyladder.store.database import open_repository
from storyladder.store.server_tables import login_sessions, users

PASSWORD = "correct horse battery"


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    repo = open_repository(f"sqlite:///{tmp_path / 'server.db'}")
    yield repo.engine
    repo.close()


def test_a_password_is_kept_only_as_an_argon2_hash(engine: Engine) -> None:
    accounts.add_user(engine, "Ada@Example.org", "candidate", PASSWORD, cohort="spring")
    with engine.connect() as conn:
        stored = conn.execute(select(users.c.password_hash)).scalar_one()
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    (ada,) = accounts.list_users(engine)
    assert (ada.email, ada.role, ada.cohorts) == ("ada@example.org", "candidate", ("spring",))


def test_bad_accounts_are_refused_with_the_reason(engine: Engine) -> None:
    with pytest.raises(InputError, match="unknown role"):
        accounts.add_user(engine, "a@example.org", "teacher", PASSWORD)
    with pytest.raises(InputError, match="too short"):
        accounts.add_user(engine, "a@example.org", "coach", "short")
    with pytest.raises(InputError, match="not an email"):
        accounts.add_user(engine, "not-an-email", "coach", PASSWORD)
    accounts.add_user(engine, "a@example.org", "coach", PASSWORD)
    with pytest.raises(InputError, match="already exists"):
        accounts.add_user(engine, "A@example.org", "coach", PASSWORD)
    with pytest.raises(StoryNotFound, match="no user"):
        accounts.disable_user(engine, "b@example.org")


def test_login_gives_a_session_whose_token_is_stored_only_as_a_digest(engine: Engine) -> None:
    accounts.add_user(engine, "ada@example.org", "candidate", PASSWORD)
    assert accounts.login(engine, "ada@example.org", "wrong password!") is None
    assert accounts.login(engine, "nobody@example.org", PASSWORD) is None
    signed_in = accounts.login(engine, "ADA@example.org", PASSWORD)
    assert signed_in is not None and signed_in.csrf_token
    with engine.connect() as conn:
        stored = conn.execute(select(login_sessions.c.token_digest)).scalar_one()
    assert stored != signed_in.token and stored == accounts.digest(signed_in.token)
    found = accounts.session(engine, signed_in.token)
    assert found is not None and found.account.email == "ada@example.org"
    accounts.logout(engine, signed_in.token)
    assert accounts.session(engine, signed_in.token) is None


def test_a_disabled_user_cannot_log_in_and_their_sessions_end(engine: Engine) -> None:
    accounts.add_user(engine, "ada@example.org", "candidate", PASSWORD)
    signed_in = accounts.login(engine, "ada@example.org", PASSWORD)
    assert signed_in is not None
    assert accounts.disable_user(engine, "ada@example.org").disabled
    assert accounts.session(engine, signed_in.token) is None
    assert accounts.login(engine, "ada@example.org", PASSWORD) is None


def _parameters_of(engine: Engine) -> str:
    with engine.connect() as conn:
        stored = conn.execute(select(users.c.password_hash)).scalar_one()
    return str(stored.split("$")[3])  # $argon2id$v=19$m=...,t=...,p=...$salt$hash


def test_passwords_are_hashed_with_owasps_argon2id_minimum(engine: Engine) -> None:
    assert passwords.parameters({}) == passwords.Parameters(2, 19_456, 1)
    accounts.add_user(engine, "ada@example.org", "candidate", PASSWORD)
    assert _parameters_of(engine) == "m=19456,t=2,p=1"


def test_an_older_hash_still_logs_in_and_is_made_again(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    from argon2 import PasswordHasher

    accounts.add_user(engine, "ada@example.org", "candidate", PASSWORD)
    with engine.begin() as conn:  # as argon2-cffi's defaults (RFC 9106) made it
        conn.execute(users.update().values(password_hash=PasswordHasher().hash(PASSWORD)))
    assert _parameters_of(engine) == "m=65536,t=3,p=4"
    assert accounts.login(engine, "ada@example.org", "wrong password!") is None
    assert _parameters_of(engine) == "m=65536,t=3,p=4"  # only a right password upgrades
    assert accounts.login(engine, "ada@example.org", PASSWORD) is not None
    assert _parameters_of(engine) == "m=19456,t=2,p=1"
    monkeypatch.setenv("STORYLADDER_ARGON2_TIME_COST", "3")
    monkeypatch.setenv("STORYLADDER_ARGON2_MEMORY_KIB", "12288")
    assert accounts.login(engine, "ada@example.org", PASSWORD) is not None
    assert _parameters_of(engine) == "m=12288,t=3,p=1"  # configured: made again with them
    assert accounts.login(engine, "ada@example.org", PASSWORD) is not None


def test_bad_argon2_settings_name_the_variable() -> None:
    for given in ({"STORYLADDER_ARGON2_TIME_COST": "0"}, {"STORYLADDER_ARGON2_MEMORY_KIB": "lots"}):
        with pytest.raises(InputError, match=next(iter(given))):
            passwords.parameters(given)
    with pytest.raises(InputError, match="per lane"):
        passwords.parameters(
            {"STORYLADDER_ARGON2_MEMORY_KIB": "8", "STORYLADDER_ARGON2_PARALLELISM": "2"}
        )
