"""`make serve-cohort`: the multi-user server on a throwaway PostgreSQL, for a try-out.

Run by scripts/with-postgres.sh, which starts the cluster, exports its superuser URL as
STORYLADDER_TEST_PG_URL, and deletes everything when this ends (Ctrl-C). Here: an owner
role and an app role as docs/deploy.md describes them, the migrations (as the owner), a
fictional organisation with a coach and two candidates (passwords printed), the sample
bank's stories split between the candidates (one of them shared with the coach), and
`storyladder serve --multi-user` as the app's role.
"""

from __future__ import annotations

import argparse
import os
import secrets
import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from storyladder.formats import bank as bank_files
from storyladder.store import accounts, isolation, sharing
from storyladder.store.database import open_repository

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "src" / "storyladder" / "content" / "sample_bank"
ORGANISATION, COHORT = "Harbour Bootcamp", "spring"
PEOPLE = (  # email, role: fictional people of a fictional organisation
    ("coach@harbour.example", "coach"),
    ("alex@harbour.example", "candidate"),
    ("jordan@harbour.example", "candidate"),
)


def say(line: str = "") -> None:
    print(line, flush=True)  # noqa: T201


def database(admin_url: str) -> tuple[str, str]:
    """The owner's and the app's URLs of a new database `storyladder`."""
    passwords = {
        role: secrets.token_urlsafe(12) for role in ("storyladder_owner", "storyladder_app")
    }
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        for role, password in passwords.items():
            conn.execute(text(f"CREATE ROLE {role} LOGIN PASSWORD '{password}'"))
        conn.execute(text("CREATE DATABASE storyladder OWNER storyladder_owner"))
    admin.dispose()
    base = make_url(admin_url).set(database="storyladder")
    owner, app = (
        base.set(username=role, password=password).render_as_string(hide_password=False)
        for role, password in passwords.items()
    )
    return owner, app


def demo(owner_url: str) -> dict[str, str]:
    """The demo people and their stories; their passwords by email."""
    repo = open_repository(owner_url)  # migrates, as the owner
    isolation.grant(repo.engine, "storyladder_app")
    passwords = {email: secrets.token_urlsafe(9) for email, _ in PEOPLE}
    made = {
        email: accounts.add_user(repo.engine, email, role, passwords[email], COHORT, ORGANISATION)
        for email, role in PEOPLE
    }
    stories = bank_files.read(SAMPLE)
    for n, email in enumerate(e for e, role in PEOPLE if role == "candidate"):
        account = made[email]
        mine = repo.as_user(account.id, account.organisation_id)
        for story in stories[n::2]:
            mine.add(story)
        if n == 0:
            sharing.share(mine, stories[0].id)  # something for the coach to review
    repo.close()
    return passwords


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    admin_url = os.environ.get("STORYLADDER_TEST_PG_URL")
    if not admin_url:
        raise SystemExit("run me through scripts/with-postgres.sh (make serve-cohort does)")
    owner_url, app_url = database(admin_url)
    passwords = demo(owner_url)
    say(
        f"\nA throwaway PostgreSQL holds the demo organisation '{ORGANISATION}', cohort '{COHORT}':"
    )
    for email, role in PEOPLE:
        say(f"  {role:<10} {email:<26} password: {passwords[email]}")
    say(f"\nOpen http://localhost:{args.port}/ and log in.")
    say("Ctrl-C stops the server and deletes the cluster with everything in it.")
    say(f"Accounts, as the tables' owner: storyladder --db '{owner_url}' users list\n")
    server = subprocess.Popen(
        [sys.executable, "-m", "storyladder", "serve", "--multi-user", "--db", app_url]
        + ["--port", str(args.port)]
    )
    try:
        server.wait()
    except KeyboardInterrupt:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
