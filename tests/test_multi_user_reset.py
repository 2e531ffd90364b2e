"""Password reset by a link an admin issues: one time, expiring, stored as a digest, and
it ends the user's sessions. Through the CLI and the API on a real PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from storyladder.cli.main import app as cli
from storyladder.errors import InputError
from storyladder.store import password_reset
from storyladder.store.accounts import digest
from storyladder.store.database import make_engine
from tests.api_world import PASSWORD, Server, server

pytestmark = pytest.mark.postgres
__all__ = ["server"]  # the fixture
NEW = "a brand new passphrase"


def _issue(server: Server, email: str, **args: object) -> str:
    owner = make_engine(server.owner_url)
    try:
        return password_reset.issue(owner, email, **args)[0]  # type: ignore[arg-type]
    finally:
        owner.dispose()


def test_users_reset_prints_a_one_time_link_and_stores_only_its_digest(server: Server) -> None:
    result = CliRunner().invoke(
        cli,
        [
            "--db",
            server.owner_url,
            "users",
            "reset",
            "ada@example.org",
            "--url",
            "https://cohort.example/",
        ],
    )
    assert result.exit_code == 0, result.output
    link = next(line for line in result.stdout.splitlines() if "password-reset#token=" in line)
    assert link.startswith("https://cohort.example/password-reset#token=")  # never sent
    token = link.split("token=")[1]
    owner = make_engine(server.owner_url)
    with owner.connect() as conn:
        stored = conn.execute(text("SELECT token_digest FROM password_resets")).scalars().all()
    owner.dispose()
    assert stored == [digest(token)] and token not in stored
    client = server.client()
    done = client.post("/api/v1/password-reset", json={"token": token, "password": NEW})
    assert done.status_code == 200 and done.json() == {"reset": True, "email": "ada@example.org"}
    server.login("ada", NEW)


def test_a_reset_sets_the_password_and_ends_every_session(server: Server) -> None:
    signed_in = server.login("ada")
    token = _issue(server, "ada@example.org")
    client = server.client()
    assert client.post("/api/v1/password-reset", json={"token": token, "password": NEW}).is_success
    assert signed_in.get("/api/v1/stories").status_code == 401  # the old session ended
    old = {"email": "ada@example.org", "password": PASSWORD}
    assert client.post("/api/v1/login", json=old).status_code == 401
    server.login("ada", NEW)
    server.login("bo")  # nobody else's password moved


def test_a_reset_link_works_once(server: Server) -> None:
    token = _issue(server, "ada@example.org")
    client = server.client()
    first = client.post("/api/v1/password-reset", json={"token": token, "password": NEW})
    again = client.post("/api/v1/password-reset", json={"token": token, "password": "x" * 12})
    unknown = client.post("/api/v1/password-reset", json={"token": "nope", "password": "y" * 12})
    assert first.status_code == 200
    assert again.status_code == unknown.status_code == 400
    assert again.json() == unknown.json() == {"detail": password_reset.INVALID}
    server.login("ada", NEW)


def test_an_expired_link_does_nothing_and_is_gone(server: Server) -> None:
    long_ago = datetime.now(UTC) - timedelta(days=2)
    token = _issue(server, "ada@example.org", now=long_ago)
    client = server.client()
    late = client.post("/api/v1/password-reset", json={"token": token, "password": NEW})
    assert late.status_code == 400 and late.json()["detail"] == password_reset.INVALID
    server.login("ada")  # the old password still works
    owner = make_engine(server.owner_url)
    with owner.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM password_resets")).scalar() == 0
    owner.dispose()


def test_a_new_link_replaces_the_old_and_a_short_password_spends_nothing(server: Server) -> None:
    first = _issue(server, "ada@example.org")
    second = _issue(server, "ada@example.org")
    client = server.client()
    stale = client.post("/api/v1/password-reset", json={"token": first, "password": NEW})
    assert stale.status_code == 400
    short = client.post("/api/v1/password-reset", json={"token": second, "password": "short"})
    assert short.status_code == 400 and "too short" in short.json()["detail"]
    assert client.post("/api/v1/password-reset", json={"token": second, "password": NEW}).is_success


def test_users_reset_says_what_is_wrong(server: Server) -> None:
    runner = CliRunner()
    unknown = runner.invoke(cli, ["--db", server.owner_url, "users", "reset", "zed@example.org"])
    assert unknown.exit_code == 2 and "no user with email zed@example.org" in unknown.stderr
    owner = make_engine(server.owner_url)
    with pytest.raises(InputError, match="positive number of hours"):
        password_reset.issue(owner, "ada@example.org", timedelta(0))
    owner.dispose()
