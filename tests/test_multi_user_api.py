"""The multi-user JSON API on a real PostgreSQL, through HTTP as each role uses it:
a candidate never reads another's story, not even by id; a coach reads only what was
shared with them, only in their cohort; a withdrawn share is gone."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from storyladder.store import accounts
from storyladder.store.database import make_engine
from storyladder.store.server_tables import users
from tests.api_world import PASSWORD, STORY, Server, server

pytestmark = pytest.mark.postgres
PUBLIC = ("/api/v1/health", "/api/v1/login", "/api/v1/password-reset")
__all__ = ["server"]  # the fixture


def test_without_a_session_every_route_but_health_and_login_is_401(server: Server) -> None:
    client = server.client()
    assert client.get("/api/v1/health").json() == {"status": "ok"}
    checked = 0
    for route, methods in client.get("/openapi.json").json()["paths"].items():
        if route in PUBLIC:
            continue
        path = re.sub(r"\{[a-z_]*_id\}|\{revision\}", "1", route.replace("{story_id}", "x"))
        for method in methods:
            answer = client.request(method.upper(), path, json={})
            assert answer.status_code == 401, (method, path, answer.text)
            checked += 1
    assert checked >= 12


def test_the_api_is_described_by_the_generated_openapi_schema(server: Server) -> None:
    paths = server.client().get("/openapi.json").json()["paths"]
    for path in (
        "/api/v1/health",
        "/api/v1/login",
        "/api/v1/logout",
        "/api/v1/stories",
        "/api/v1/stories/{story_id}",
        "/api/v1/stories/{story_id}/revisions",
        "/api/v1/stories/{story_id}/shares",
        "/api/v1/stories/{story_id}/comments",
        "/api/v1/cohort",
    ):
        assert path in paths, path
    assert set(paths["/api/v1/stories/{story_id}"]) == {"get", "put", "delete"}
    assert set(paths["/api/v1/stories/{story_id}/shares"]) == {"post", "delete"}


def test_login_sets_a_secure_cookie_and_state_changes_need_the_csrf_token(server: Server) -> None:
    client = server.client()
    wrong = client.post(
        "/api/v1/login", json={"email": "ada@example.org", "password": "nope nope nope"}
    )
    assert wrong.status_code == 401
    answer = client.post("/api/v1/login", json={"email": "ada@example.org", "password": PASSWORD})
    assert answer.status_code == 200 and answer.json()["csrf_token"]
    cookie = answer.headers["set-cookie"].lower()
    assert "httponly" in cookie and "secure" in cookie and "samesite=strict" in cookie
    assert client.get("/api/v1/stories").json() == []
    refused = client.post("/api/v1/stories", json=STORY)  # no X-CSRF-Token
    assert refused.status_code == 403
    client.headers["X-CSRF-Token"] = answer.json()["csrf_token"]
    assert client.post("/api/v1/stories", json=STORY).status_code == 201
    assert client.post("/api/v1/logout").status_code == 200
    assert client.get("/api/v1/stories").status_code == 401


def test_login_is_rate_limited(server: Server) -> None:
    client = server.client()
    for _ in range(5):
        bad = {"email": "ada@example.org", "password": "guess guess guess"}
        assert client.post("/api/v1/login", json=bad).status_code == 401
    right = client.post("/api/v1/login", json={"email": "ada@example.org", "password": PASSWORD})
    assert right.status_code == 429 and int(right.headers["retry-after"]) > 0


def test_a_candidate_writes_their_stories_and_no_save_is_lost(server: Server) -> None:
    ada = server.login("ada")
    made = ada.post("/api/v1/stories", json=STORY)
    assert made.status_code == 201
    story_id = made.json()["id"]
    assert story_id == "the-migration-we-rolled-back" and made.json()["revision"] == 1
    edited = {**STORY, "learning": "I now rehearse rollbacks."}
    assert ada.put(f"/api/v1/stories/{story_id}", json=edited).status_code == 428
    saved = ada.put(f"/api/v1/stories/{story_id}", json=edited, headers={"If-Match": "1"})
    assert saved.status_code == 200 and saved.json()["revision"] == 2
    stale = ada.put(f"/api/v1/stories/{story_id}", json=STORY, headers={"If-Match": "1"})
    assert stale.status_code == 409 and stale.json()["current"] == 2
    revisions = ada.get(f"/api/v1/stories/{story_id}/revisions").json()
    assert [r["revision"] for r in revisions] == [2, 1]
    assert ada.get(f"/api/v1/stories/{story_id}/revisions/1").json()["story"]["learning"] == ""
    invalid = ada.post("/api/v1/stories", json={"title": ""})
    assert invalid.status_code == 422 and invalid.json()["problems"]
    assert ada.delete(f"/api/v1/stories/{story_id}").json()["deleted"] is True
    assert ada.get(f"/api/v1/stories/{story_id}").status_code == 404
    assert ada.get("/api/v1/stories").json() == []


def test_a_candidate_never_reads_another_candidates_story_not_even_by_id(server: Server) -> None:
    ada, bo = server.login("ada"), server.login("bo")
    story_id = ada.post("/api/v1/stories", json=STORY).json()["id"]
    theirs, nothing = server.ref("ada", story_id), server.ref("ada", "no-such-story")
    for path in (story_id, theirs):
        for suffix in ("", "/revisions", "/revisions/1", "/comments"):
            assert bo.get(f"/api/v1/stories/{path}{suffix}").status_code == 404, path + suffix
    # the same answer as for a story that does not exist
    seen = bo.get(f"/api/v1/stories/{theirs}")
    absent = bo.get(f"/api/v1/stories/{nothing}")
    assert seen.json()["detail"].replace(story_id, "ID") == absent.json()["detail"].replace(
        "no-such-story", "ID"
    )
    assert seen.status_code == absent.status_code == 404
    assert (
        bo.put(f"/api/v1/stories/{theirs}", json=STORY, headers={"If-Match": "1"}).status_code
        == 404
    )
    assert bo.delete(f"/api/v1/stories/{theirs}").status_code == 404
    assert bo.post(f"/api/v1/stories/{theirs}/shares", headers={"If-Match": "1"}).status_code == 404
    comment = {"field": "action", "start": 0, "end": 5, "body": "hm"}
    assert bo.post(f"/api/v1/stories/{theirs}/comments", json=comment).status_code == 404
    # choosing the same id is no collision, and says nothing about ada's
    assert bo.post("/api/v1/stories", json={**STORY, "action": "Mine."}).status_code == 201
    assert bo.get(f"/api/v1/stories/{story_id}").json()["story"]["action"] == "Mine."
    assert ada.get(f"/api/v1/stories/{story_id}").json()["story"]["action"] == STORY["action"]
    assert bo.get("/api/v1/cohort").status_code == 403  # candidates have no cohort view


def test_a_coach_reads_only_what_was_shared_only_in_their_cohort(server: Server) -> None:
    ada, cora = server.login("ada"), server.login("cora")
    story_id = ada.post("/api/v1/stories", json=STORY).json()["id"]
    ref = server.ref("ada", story_id)
    assert cora.get(f"/api/v1/stories/{ref}").status_code == 404  # not shared yet
    assert cora.get("/api/v1/cohort").json()["shared"] == []
    shared = ada.post(f"/api/v1/stories/{story_id}/shares", headers={"If-Match": "1"})
    assert shared.status_code == 201 and shared.json()["shares"][0]["revision"] == 1
    listed = cora.get("/api/v1/cohort").json()
    assert listed["cohorts"] == ["spring"]
    assert [(s["id"], s["revision"], s["candidate"]) for s in listed["shared"]] == [
        (ref, 1, "ada@example.org")
    ]
    assert cora.get(f"/api/v1/stories/{ref}").json()["story"]["action"] == STORY["action"]
    for outsider in ("dev", "eve", "bo"):  # another cohort, another organisation, a peer
        other = server.login(outsider)
        assert other.get(f"/api/v1/stories/{ref}").status_code == 404, outsider
        assert other.get(f"/api/v1/stories/{ref}/comments").status_code == 404, outsider
    # a coach reads, and never writes
    assert (
        cora.put(f"/api/v1/stories/{ref}", json=STORY, headers={"If-Match": "1"}).status_code == 404
    )
    assert cora.delete(f"/api/v1/stories/{ref}").status_code == 404
    assert cora.delete(f"/api/v1/stories/{ref}/shares").status_code == 404


def test_what_a_coach_saw_stays_and_comments_stay_on_their_revision(server: Server) -> None:
    ada, cora = server.login("ada"), server.login("cora")
    story_id = ada.post("/api/v1/stories", json=STORY).json()["id"]
    ref = server.ref("ada", story_id)
    ada.post(f"/api/v1/stories/{story_id}/shares", headers={"If-Match": "1"})
    start = STORY["action"].index("02:10")
    made = cora.post(
        f"/api/v1/stories/{ref}/comments",
        json={"field": "action", "start": start, "end": start + 5, "body": "Why then?"},
    )
    assert made.status_code == 201 and made.json()["quote"] == "02:10"
    outside = {"field": "action", "start": 0, "end": 999, "body": "x"}
    assert cora.post(f"/api/v1/stories/{ref}/comments", json=outside).status_code == 400
    edited = {**STORY, "action": "I rolled it back and told Ana."}
    ada.put(f"/api/v1/stories/{story_id}", json=edited, headers={"If-Match": "1"})
    assert cora.get(f"/api/v1/stories/{ref}").json()["story"]["action"] == STORY["action"]
    assert cora.get(f"/api/v1/stories/{ref}/revisions/2").status_code == 404  # not shared
    (seen,) = ada.get(f"/api/v1/stories/{story_id}/comments").json()
    assert (seen["on"], seen["outdated"], seen["quote"]) == ("on revision 1", True, "02:10")
    ada.post(
        f"/api/v1/stories/{story_id}/shares", headers={"If-Match": "2"}
    )  # shares the newest, revision 2
    assert cora.get(f"/api/v1/stories/{ref}").json()["revision"] == 2
    assert (
        cora.get(f"/api/v1/stories/{ref}/revisions/1").json()["story"]["action"] == STORY["action"]
    )
    (still,) = cora.get(f"/api/v1/stories/{ref}/comments").json()
    assert still["on"] == "on revision 1" and still["by_you"] is True


def test_a_withdrawn_share_is_gone_for_the_coach(server: Server) -> None:
    ada, cora = server.login("ada"), server.login("cora")
    story_id = ada.post("/api/v1/stories", json=STORY).json()["id"]
    ref = server.ref("ada", story_id)
    ada.post(f"/api/v1/stories/{story_id}/shares", headers={"If-Match": "1"})
    cora.post(
        f"/api/v1/stories/{ref}/comments",
        json={"field": "title", "start": 0, "end": 3, "body": "ok"},
    )
    assert ada.delete(f"/api/v1/stories/{story_id}/shares").json()["withdrawn"] == 1
    for suffix in ("", "/revisions", "/revisions/1", "/comments"):
        assert cora.get(f"/api/v1/stories/{ref}{suffix}").status_code == 404, suffix
    assert cora.get("/api/v1/cohort").json()["shared"] == []
    assert len(ada.get(f"/api/v1/stories/{story_id}/comments").json()) == 1  # ada keeps it


def test_a_disabled_user_is_signed_out(server: Server, multi_user_db: tuple[str, str]) -> None:
    ada = server.login("ada")
    owner = make_engine(multi_user_db[0])
    accounts.disable_user(owner, "ada@example.org")
    owner.dispose()
    assert ada.get("/api/v1/stories").status_code == 401


def test_the_server_upgrades_an_older_password_hash_as_the_app_role(server: Server) -> None:
    from argon2 import PasswordHasher

    old = PasswordHasher().hash(PASSWORD)  # argon2-cffi's defaults, before OWASP's minimum
    owner = make_engine(server.owner_url)
    with owner.begin() as conn:
        conn.execute(users.update().where(users.c.id == server.ids["ada"]), {"password_hash": old})
    owner.dispose()
    server.login("ada")
    with server.app.state.engine.connect() as conn:
        query = select(users.c.password_hash).where(users.c.id == server.ids["ada"])
        stored = conn.execute(query).scalar_one()
    assert stored != old and "$m=19456,t=2,p=1$" in stored
    server.login("ada")  # and logs in with it
