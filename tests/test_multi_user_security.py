"""Regressions of the security review of the multi-user server (2026-11-30), on a real
PostgreSQL: through the API, and by direct SQL as the app's role where the database is
involved."""

from __future__ import annotations

import asyncio
import re
import time
from typing import Any

import httpx2 as httpx
import pytest

from storyladder.errors import InputError
from storyladder.store.accounts import MAX_EMAIL, looks_like_email, normal_email
from storyladder.store.passwords import MAX_PASSWORD, hash_password
from storyladder.web.api.throttle import LIMIT, Throttle
from tests.api_world import BASE, PASSWORD, STORY, Server, server

pytestmark = pytest.mark.postgres
__all__ = ["server"]  # the fixture
LADDERED = STORY | {"ladder": {"surface": "I rolled back a bad billing migration at night."}}
SECRET = LADDERED | {
    "result": "PRIVATE DRAFT: I was fired for this.",
    "ladder": {"surface": "PRIVATE LADDER words never shared."},
}


def _story(client: Any, body: dict[str, Any] = LADDERED) -> str:
    made = client.post("/api/v1/stories", json=body)
    assert made.status_code == 201, made.text
    return str(made.json()["id"])


# -- 1. others read comments, readings and replies only on revisions shared with them --


def test_the_owners_note_on_a_revision_never_shared_stays_hers(server: Server) -> None:
    ada, cora = server.login("ada"), server.login("cora")
    sid = _story(ada)
    assert (
        ada.post(f"/api/v1/stories/{sid}/shares", headers={"If-Match": "1"}).status_code == 201
    )  # revision 1
    saved = ada.put(f"/api/v1/stories/{sid}", json=SECRET, headers={"If-Match": "1"})
    assert saved.json()["revision"] == 2  # never shared
    note = {"field": "result", "start": 0, "end": 35, "body": "delete before sharing"}
    made = ada.post(f"/api/v1/stories/{sid}/comments", json=note | {"revision": 2})
    assert made.status_code == 201, made.text
    ref = server.ref("ada", sid)
    assert cora.get(f"/api/v1/stories/{ref}/revisions/2").status_code == 404
    seen = cora.get(f"/api/v1/stories/{ref}/comments")
    assert seen.status_code == 200 and seen.json() == []
    assert "PRIVATE" not in cora.get(f"/api/v1/stories/{ref}/review").text
    assert [c["revision"] for c in ada.get(f"/api/v1/stories/{sid}/comments").json()] == [2]
    # the database says the same to the app's role
    assert server.sql("cora", "SELECT quote FROM comments") == []
    assert len(server.sql("ada", "SELECT quote FROM comments")) == 1


def test_after_a_withdrawal_and_a_new_share_the_old_revisions_words_stay_hidden(
    server: Server,
) -> None:
    ada, cora = server.login("ada"), server.login("cora")
    sid = _story(ada, SECRET)
    ref = server.ref("ada", sid)
    ada.post(f"/api/v1/stories/{sid}/shares", headers={"If-Match": "1"})
    comment = cora.post(
        f"/api/v1/stories/{ref}/comments",
        json={"field": "result", "start": 0, "end": 13, "body": "Say more."},
    ).json()
    override = cora.post(
        f"/api/v1/stories/{ref}/overrides", json={"level": "surface", "met": False}
    ).json()
    assert server.sql("cora", "SELECT answer FROM overrides")[0][0].startswith("PRIVATE LADDER")
    for path in (f"comments/{comment['id']}", f"overrides/{override['id']}"):
        answer = ada.post(f"/api/v1/stories/{sid}/{path}/replies", json={"body": "PRIVATE reply"})
        assert answer.status_code == 201, answer.text
    ada.delete(f"/api/v1/stories/{sid}/shares")
    ada.put(f"/api/v1/stories/{sid}", json=LADDERED, headers={"If-Match": "1"})
    assert (
        ada.post(f"/api/v1/stories/{sid}/shares", headers={"If-Match": "2"}).status_code == 201
    )  # revision 2 only
    for path in ("comments", "overrides", "review"):
        seen = cora.get(f"/api/v1/stories/{ref}/{path}")
        assert seen.status_code == 200 and "PRIVATE" not in seen.text, path
    reply = {"body": "hm"}
    late = cora.post(f"/api/v1/stories/{ref}/comments/{comment['id']}/replies", json=reply)
    assert late.status_code == 404
    for table in ("comments", "overrides", "replies"):
        assert server.sql("cora", f"SELECT * FROM {table}") == [], table
        assert server.sql("ada", f"SELECT * FROM {table}") != [], table
    # nor can the app's role, as cora, write a reply to what she may no longer read
    with pytest.raises(Exception, match="row-level security"):
        server.sql(
            "cora",
            "INSERT INTO replies (owner_id, story_id, comment_id, author_id, body, created_at) "
            "VALUES (:owner, :story, :c, :me, 'x', now())",
            owner=server.ids["ada"],
            story=sid,
            c=comment["id"],
            me=server.ids["cora"],
        )
    # the owner still reads all of it
    assert len(ada.get(f"/api/v1/stories/{sid}/comments").json()[0]["replies"]) == 1
    assert len(ada.get(f"/api/v1/stories/{sid}/overrides").json()[0]["replies"]) == 1


# -- 2. the login limit holds against concurrent requests, in bounded memory -----------


async def _burst(app: Any, n: int, password: str) -> list[int]:
    transport = httpx.ASGITransport(app=app, client=("203.0.113.9", 1234))
    async with httpx.AsyncClient(transport=transport, base_url=BASE) as client:
        body = {"email": "ada@example.org", "password": password}
        answers = await asyncio.gather(*[client.post("/api/v1/login", json=body) for _ in range(n)])
    return [a.status_code for a in answers]


def test_a_burst_of_concurrent_logins_checks_no_more_than_the_limit(server: Server) -> None:
    codes = asyncio.run(_burst(server.app, 20, "guess guess guess"))
    assert codes.count(401) == LIMIT and codes.count(429) == 20 - LIMIT, sorted(codes)
    # the right password is refused too while the limit lasts
    assert asyncio.run(_burst(server.app, 1, PASSWORD)) == [429]


def test_right_logins_do_not_count_against_the_address(server: Server) -> None:
    codes = [
        code for _ in range(LIMIT + 2) for code in asyncio.run(_burst(server.app, 1, PASSWORD))
    ]
    assert codes == [200] * (LIMIT + 2)
    assert server.app.state.throttle.wait("ip:203.0.113.9") == 0


async def _everyone(app: Any, names: list[str], rounds: int) -> list[int]:
    transport = httpx.ASGITransport(app=app, client=("203.0.113.9", 1234))
    async with httpx.AsyncClient(transport=transport, base_url=BASE) as client:
        answers = await asyncio.gather(
            *[
                client.post(
                    "/api/v1/login", json={"email": f"{name}@example.org", "password": PASSWORD}
                )
                for name in names
                for _ in range(rounds)
            ]
        )
    return [a.status_code for a in answers]


def test_many_people_behind_one_address_log_in_at_once(server: Server) -> None:
    """A campus or an office behind one address: right logins at the same moment are not
    held up by each other (before the check, an attempt counts against its account only)."""
    names = sorted(server.ids)
    codes = asyncio.run(_everyone(server.app, names, 2))
    assert len(codes) > LIMIT and codes == [200] * len(codes), sorted(codes)


def test_the_throttle_counts_before_the_check_and_forgets_the_oldest_past_its_size() -> None:
    now = [0.0]
    throttle = Throttle(limit=2, window=60, clock=lambda: now[0], max_keys=4)
    assert throttle.attempt("ip:a", "email:x")[0] == 0
    assert throttle.attempt("ip:a", "email:x")[0] == 0
    assert throttle.attempt("ip:a", "email:x")[0] == 60  # the first two still pending
    wait, stamp = throttle.attempt("ip:b", "email:y")
    throttle.succeeded(stamp, "ip:b", forget="email:y")
    assert throttle.wait("ip:b") == 0 and len(throttle) == 2
    for n in range(10):
        throttle.attempt(f"ip:{n}", f"email:{n}")
        assert len(throttle) <= 4
    assert throttle.wait("ip:a", "email:x") == 0  # forgotten, oldest first
    now[0] = 61.0
    throttle.attempt("ip:9")
    assert throttle.wait("ip:9") == 0  # the window passed


# -- 3. a long email costs time linear in its length, and long fields are refused ------

OLD_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")  # (the quadratic pattern it replaced)


@pytest.mark.parametrize(
    "email",
    ["ada@example.org", "a.b+c@x.co", "a@b.c", "a@.b.c", "a@b.c.", "a@bc", "@b.c", "a@b@c.d"]
    + ["a b@c.d", "a@b .cd", "a@.", "a@..", "a@b.", "ada@ex\tample.org", ""],
)
def test_the_email_check_says_what_the_old_pattern_said(email: str) -> None:
    assert looks_like_email(email) is bool(OLD_EMAIL.fullmatch(email))


def test_a_huge_email_is_refused_at_once() -> None:
    evil = "a@" + "." * 40_000 + "@"
    started = time.perf_counter()
    assert not looks_like_email(evil) and not looks_like_email("a@" + "b" * 300 + ".org")
    with pytest.raises(InputError, match="not an email"):
        normal_email(evil)
    assert time.perf_counter() - started < 0.05
    assert len(normal_email("  " + "a" * 240 + "@example.org ")) <= MAX_EMAIL


def test_login_and_reset_refuse_overlong_fields_before_any_work(server: Server) -> None:
    client = server.client()
    for body in (
        {"email": "a@" + "." * 40_000 + "@", "password": "whatever"},
        {"email": "ada@example.org", "password": "x" * (MAX_PASSWORD + 1)},
    ):
        started = time.perf_counter()
        assert client.post("/api/v1/login", json=body).status_code == 422
        assert time.perf_counter() - started < 1
    assert server.app.state.throttle.wait("email:ada@example.org") == 0  # never counted
    long_token = {"token": "t" * 129, "password": "a new password"}
    assert client.post("/api/v1/password-reset", json=long_token).status_code == 422
    long_password = {"token": "t" * 43, "password": "p" * (MAX_PASSWORD + 1)}
    assert client.post("/api/v1/password-reset", json=long_password).status_code == 422
    with pytest.raises(InputError, match="too long"):
        hash_password("p" * (MAX_PASSWORD + 1))


# -- 5. password resets are rate-limited and hashed in the login threads ---------------


def test_password_resets_are_rate_limited_per_address(server: Server) -> None:
    client = server.client()
    for _ in range(LIMIT):
        wrong = client.post("/api/v1/password-reset", json={"token": "nope", "password": "x" * 12})
        assert wrong.status_code == 400
    refused = client.post("/api/v1/password-reset", json={"token": "nope", "password": "x" * 12})
    assert refused.status_code == 429 and int(refused.headers["retry-after"]) > 0
    assert server.login("ada")  # logins have a limit of their own


def test_a_reset_hashes_in_the_login_threads(
    server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storyladder.store import password_reset
    from storyladder.web.api import auth

    used: list[object] = []
    real = auth.to_thread.run_sync

    async def watched(func: Any, *args: Any, limiter: Any = None) -> Any:
        used.append((func, limiter))
        return await real(func, *args, limiter=limiter)

    monkeypatch.setattr(auth.to_thread, "run_sync", watched)
    client = server.client()
    client.post("/api/v1/password-reset", json={"token": "nope", "password": "x" * 12})
    assert used == [(password_reset.reset, server.app.state.login_slots)]


# -- 6. a share names the revision its owner read, as a save does ----------------------


def test_a_share_needs_if_match_and_never_shares_a_newer_revision(server: Server) -> None:
    ada, cora = server.login("ada"), server.login("cora")
    sid = _story(ada)
    path = f"/api/v1/stories/{sid}/shares"
    assert ada.post(path).status_code == 428  # without If-Match
    ada.put(f"/api/v1/stories/{sid}", json=SECRET, headers={"If-Match": "1"})  # elsewhere
    stale = ada.post(path, headers={"If-Match": "1"})
    assert stale.status_code == 409 and stale.json()["current"] == 2
    assert cora.get("/api/v1/cohort").json()["shared"] == []  # nothing shared
    assert server.sql("cora", "SELECT * FROM shares") == []
    done = ada.post(path, headers={"If-Match": '"2"'})
    assert done.status_code == 201 and [s["revision"] for s in done.json()["shares"]] == [2]


def test_sharing_twice_at_the_same_moment_is_sharing_once(server: Server) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from storyladder.store import sharing

    sid = _story(server.login("ada"))
    with ThreadPoolExecutor(8) as pool:
        done = list(pool.map(lambda _: sharing.share(server.repo("ada"), sid), range(8)))
    assert all(len(shared) == 1 for shared in done)  # no error, one share of revision 1
    assert len(server.sql("ada", "SELECT * FROM shares")) == 1


# -- 7. logging in again ends the session of the cookie the browser had ----------------


def test_logging_in_again_ends_the_earlier_session_of_that_browser(server: Server) -> None:
    ada = server.login("ada")
    earlier = ada.cookies.get("storyladder_session")
    elsewhere = server.login("ada")  # another browser: its session is its own
    again = ada.post("/api/v1/login", json={"email": "ada@example.org", "password": PASSWORD})
    assert again.status_code == 200
    assert ada.cookies.get("storyladder_session") != earlier
    ada.headers["X-CSRF-Token"] = again.json()["csrf_token"]
    assert ada.get("/api/v1/me").status_code == 200  # the new one works
    stale = server.client()
    stale.cookies.set("storyladder_session", str(earlier), domain="cohort.example")
    assert stale.get("/api/v1/me").status_code == 401  # the old one ended
    assert elsewhere.get("/api/v1/me").status_code == 200
    wrong = ada.post("/api/v1/login", json={"email": "ada@example.org", "password": "x" * 12})
    assert wrong.status_code == 401 and ada.get("/api/v1/me").status_code == 200  # kept


# -- 8. shares stay readable only while their owner is in the cohort and enabled -------


def _owner_sql(server: Server, statement: str, **params: Any) -> None:
    from sqlalchemy import text

    from storyladder.store.database import make_engine

    owner = make_engine(server.owner_url)
    with owner.begin() as conn:
        conn.execute(text(statement), params)
    owner.dispose()


def _what_cora_reads(server: Server, ref: str, session_ref: str) -> dict[str, Any]:
    cora = server.login("cora")
    listed = cora.get("/api/v1/cohort").json()
    return {
        "shared": [s["id"] for s in listed["shared"]] + [s["id"] for s in listed["sessions"]],
        "story": cora.get(f"/api/v1/stories/{ref}").status_code,
        "session": cora.get(f"/api/v1/sessions/{session_ref}").status_code,
        "sql": [
            len(server.sql("cora", f"SELECT * FROM {table}"))
            for table in ("shares", "session_shares", "story_revisions")
        ],
    }


def test_shares_are_hidden_when_the_owner_leaves_the_cohort_or_is_disabled(
    server: Server,
) -> None:
    from datetime import UTC, datetime

    from storyladder.interview.session import Session, Turn

    ada = server.login("ada")
    sid = _story(ada)
    assert ada.post(f"/api/v1/stories/{sid}/shares", headers={"If-Match": "1"}).is_success
    practised = Session(
        id="s1",
        mode="drill",
        company="generic",
        created_at=datetime.now(UTC).isoformat(),
        drill="five_whys",
        turns=(Turn("interviewer", "Why?", kind="question"), Turn("candidate", "I chose to.")),
        status="done",
    )
    server.repo("ada").save_session(practised.to_dict())
    assert ada.post("/api/v1/sessions/s1/shares").status_code == 201
    ref, session_ref = server.ref("ada", sid), server.ref("ada", "s1")
    shown = {"shared": [ref, session_ref], "story": 200, "session": 200, "sql": [1, 1, 1]}
    hidden = {"shared": [], "story": 404, "session": 404, "sql": [0, 0, 0]}
    assert _what_cora_reads(server, ref, session_ref) == shown
    membership = {"user": server.ids["ada"]}
    cohort = server.sql("ada", "SELECT cohort_id FROM shares")[0][0]
    _owner_sql(server, "DELETE FROM cohort_members WHERE user_id = :user", **membership)
    assert _what_cora_reads(server, ref, session_ref) == hidden  # she left the cohort
    _owner_sql(
        server,
        "INSERT INTO cohort_members (cohort_id, user_id) VALUES (:cohort, :user)",
        cohort=cohort,
        **membership,
    )
    assert _what_cora_reads(server, ref, session_ref) == shown  # back in it
    _owner_sql(server, "UPDATE users SET disabled = true WHERE id = :user", **membership)
    assert _what_cora_reads(server, ref, session_ref) == hidden  # disabled


def test_migration_0009_goes_down_to_0008_and_up_again(server: Server) -> None:
    from alembic import command
    from sqlalchemy import text

    from storyladder.store.database import _alembic_config, make_engine

    def definition(conn: Any) -> str:
        query = (
            "SELECT qual FROM pg_policies WHERE tablename = 'shares' AND policyname = 'coach_reads'"
        )
        return str(conn.execute(text(query)).scalar_one())

    owner = make_engine(server.owner_url)
    with owner.begin() as conn:
        assert "om.user_id = shares.owner_id" in definition(conn)
        command.downgrade(_alembic_config(conn), "0008_session_revision")
        assert "owner_id" not in definition(conn)
        command.upgrade(_alembic_config(conn), "head")
        assert "om.user_id = shares.owner_id" in definition(conn)
    owner.dispose()


# -- 9. the server refuses an app role that is a member of the tables' owner role ------


def test_the_server_refuses_an_app_role_that_is_a_member_of_the_owners_role(
    multi_user_db: tuple[str, str],
) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from storyladder.errors import ConfigError
    from storyladder.store import isolation
    from storyladder.store.database import make_engine
    from tests.conftest import _postgres_url

    owner_url, app_url = multi_user_db
    owner_role, app_role = make_url(owner_url).username, make_url(app_url).username
    app = make_engine(app_url)
    isolation.check_server(app)  # as granted: fine
    admin = create_engine(_postgres_url(), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f"GRANT {owner_role} TO {app_role}"))
        with pytest.raises(ConfigError, match="member of the tables' owner role"):
            isolation.check_server(app)
        with admin.connect() as conn:  # NOINHERIT: no USAGE, but SET ROLE still works
            conn.execute(text(f"REVOKE {owner_role} FROM {app_role}"))
            conn.execute(text(f"ALTER ROLE {app_role} NOINHERIT"))
            conn.execute(text(f"GRANT {owner_role} TO {app_role}"))
        with pytest.raises(ConfigError, match="member of the tables' owner role"):
            isolation.check_server(app)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"REVOKE {owner_role} FROM {app_role}"))
            conn.execute(text(f"ALTER ROLE {app_role} INHERIT"))
        admin.dispose()
        app.dispose()
