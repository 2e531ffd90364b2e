"""`storyladder users add|list|disable|grant` and `serve --multi-user`, as an operator
drives them: exit code 2 with the reason on bad input, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyladder.cli.main import app

PASSWORD = "correct horse battery\n"


def sl(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), input=input, env={"COLUMNS": "200"})
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def test_the_multi_user_server_is_refused_on_sqlite(tmp_path: Path) -> None:
    code, _, err = sl("serve", "--multi-user", "--db", f"sqlite:///{tmp_path / 'x.db'}")
    assert code == 2 and "--multi-user needs PostgreSQL" in err
    code, _, err = sl("serve", "--multi-user")  # the default bank is SQLite too
    assert code == 2 and "needs PostgreSQL" in err
    code, _, err = sl("serve", "--multi-user", "--db", "::not a url::")
    assert code == 2 and "not a database URL" in err


def test_accounts_are_refused_on_sqlite(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'x.db'}"
    code, _, err = sl(
        "--db",
        db,
        "users",
        "add",
        "a@example.org",
        "--role",
        "coach",
        "--password-stdin",
        input=PASSWORD,
    )
    assert code == 2 and "needs PostgreSQL" in err


def test_a_password_is_never_an_argument() -> None:
    code, _, err = sl("users", "add", "a@example.org", "--role", "coach")
    assert code == 2 and "--password-stdin" in err


@pytest.mark.postgres
def test_users_add_list_disable_on_postgres(multi_user_db: tuple[str, str]) -> None:
    owner_url, _ = multi_user_db
    add = ("--db", owner_url, "users", "add")
    code, out, _ = sl(
        *add,
        "ada@example.org",
        "--role",
        "candidate",
        "--cohort",
        "spring",
        "--password-stdin",
        input=PASSWORD,
    )
    assert code == 0 and "ada@example.org  candidate  spring" in out
    code, _, _ = sl(
        *add,
        "cora@example.org",
        "--role",
        "coach",
        "--cohort",
        "spring",
        "--password-stdin",
        input=PASSWORD,
    )
    assert code == 0
    code, _, err = sl(
        *add, "x@example.org", "--role", "teacher", "--password-stdin", input=PASSWORD
    )
    assert code == 2 and "unknown role 'teacher'" in err
    code, _, err = sl(
        *add, "ada@example.org", "--role", "coach", "--password-stdin", input=PASSWORD
    )
    assert code == 2 and "already exists" in err
    code, _, err = sl(*add, "y@example.org", "--role", "coach", "--password-stdin", input="short\n")
    assert code == 2 and "too short" in err
    code, out, _ = sl("--db", owner_url, "users", "disable", "ada@example.org")
    assert code == 0 and "(disabled)" in out
    code, out, _ = sl("--db", owner_url, "users", "list", "--format", "json")
    assert json.loads(out) == [
        {"email": "ada@example.org", "role": "candidate", "cohorts": ["spring"], "disabled": True},
        {"email": "cora@example.org", "role": "coach", "cohorts": ["spring"], "disabled": False},
    ]
    code, _, err = sl("--db", owner_url, "users", "disable", "nobody@example.org")
    assert code == 2 and "no user with email" in err
    code, _, err = sl("--db", owner_url, "users", "grant", "no_such_role")
    assert code == 2 and "no PostgreSQL role" in err


@pytest.mark.postgres
def test_serve_refuses_to_connect_as_the_owner(multi_user_db: tuple[str, str]) -> None:
    owner_url, _ = multi_user_db
    code, _, err = sl("serve", "--multi-user", "--db", owner_url, "--port", "8799")
    assert code == 2 and "owner of the tables" in err
