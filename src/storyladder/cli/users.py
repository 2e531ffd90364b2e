"""`storyladder users`: accounts of the multi-user server (run as the tables' owner).

    storyladder --db postgresql://OWNER@HOST/DB users add EMAIL --role coach \
        --cohort spring --password-stdin
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from storyladder.cli.context import state
from storyladder.cli.output import Format, OutputFormat, console, print_json

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from storyladder.store.accounts import Account

app = typer.Typer(
    no_args_is_help=True,
    help="Accounts of the multi-user server (PostgreSQL; connect as the tables' owner).",
)


def _engine(ctx: typer.Context) -> Engine:
    """The owner's connection, schema brought up to date; only PostgreSQL."""
    from storyladder.errors import ConfigError

    engine = state(ctx).repo().engine
    if engine.dialect.name != "postgresql":
        raise ConfigError(
            "accounts belong to the multi-user server, which needs PostgreSQL: "
            "storyladder --db postgresql://OWNER@HOST/DB users ..."
        )
    return engine


def _line(account: Account) -> str:
    cohorts = ", ".join(account.cohorts) or "no cohort"
    disabled = "  (disabled)" if account.disabled else ""
    return f"{account.email}  {account.role}  {cohorts}{disabled}"


def _as_dict(account: Account) -> dict[str, object]:
    return {
        "email": account.email,
        "role": account.role,
        "cohorts": list(account.cohorts),
        "disabled": account.disabled,
    }


@app.command("add")
def add(
    ctx: typer.Context,
    email: Annotated[str, typer.Argument(help="The user's email address (their login).")],
    role: Annotated[str, typer.Option(help="candidate|coach|admin")],
    cohort: Annotated[str | None, typer.Option(help="Cohort to join (made when new).")] = None,
    organisation: Annotated[str, typer.Option(help="Organisation (made when new).")] = "default",
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input.")
    ] = False,
) -> None:
    """Add a user. The password comes on standard input, never as an argument.

    Example: storyladder users add ada@example.org --role candidate --cohort spring
    --password-stdin < password.txt
    """
    from storyladder.errors import InputError
    from storyladder.store import accounts

    if not password_stdin:
        raise InputError(
            "give the password on standard input with --password-stdin (an argument would "
            "be visible to other users of this machine)"
        )
    password = sys.stdin.readline().rstrip("\r\n")
    account = accounts.add_user(_engine(ctx), email, role, password, cohort, organisation)
    console().print(f"added {_line(account)}")


@app.command("list")
def list_users(ctx: typer.Context, output: Format = OutputFormat.text) -> None:
    """List every user: email, role, cohorts, disabled or not.

    Example: storyladder --db postgresql://OWNER@HOST/DB users list --format json
    """
    from storyladder.store import accounts

    found = accounts.list_users(_engine(ctx))
    if output is OutputFormat.json:
        print_json([_as_dict(a) for a in found])
        return
    for account in found:
        console().print(_line(account))
    if not found:
        console().print("no users yet: storyladder users add EMAIL --role ... --password-stdin")


@app.command("disable")
def disable(
    ctx: typer.Context, email: Annotated[str, typer.Argument(help="The user's email.")]
) -> None:
    """Disable a user: no more logins, open sessions end; their stories stay.

    Example: storyladder users disable ada@example.org
    """
    from storyladder.store import accounts

    console().print(f"disabled {_line(accounts.disable_user(_engine(ctx), email))}")


@app.command("grant")
def grant(
    ctx: typer.Context,
    role: Annotated[str, typer.Argument(help="The PostgreSQL role the server connects as.")],
) -> None:
    """Let the server's own PostgreSQL role (one that owns nothing) use the tables.

    Run it once as the owner after creating the role, and again after an upgrade.

    Example: storyladder --db postgresql://OWNER@HOST/DB users grant storyladder_app
    """
    from storyladder.store import isolation

    isolation.grant(_engine(ctx), role)
    console().print(f"granted {role} what the multi-user server needs")


@app.command("reset")
def reset(
    ctx: typer.Context,
    email: Annotated[str, typer.Argument(help="The user's email.")],
    url: Annotated[
        str, typer.Option(help="The server's address, to print a whole link.")
    ] = "https://HOST",
    hours: Annotated[float, typer.Option(help="How long the link works.", min=0.1)] = 24.0,
) -> None:
    """Issue a one-time password-reset link (it expires; only its digest is stored).

    Hand the link to the user yourself. Opening it (or POST /api/v1/password-reset with
    {"token", "password"}) sets a new password and ends the user's sessions; an earlier
    link for the same user stops working.

    Example: storyladder users reset ada@example.org --url https://coach.example.org
    """
    from datetime import timedelta

    from storyladder.store import password_reset

    token, account = password_reset.issue(_engine(ctx), email, timedelta(hours=hours))
    console().print(f"reset link for {account.email}, valid for {hours:g} hours, once:")
    # the token after '#': browsers never send it, so no server or proxy log records it
    sys.stdout.write(f"{url.rstrip('/')}/password-reset#token={token}\ntoken: {token}\n")
