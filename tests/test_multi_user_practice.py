"""Practising on the multi-user server, through HTTP on a real PostgreSQL: a candidate
starts a session on one of their stories and answers turn by turn (the one practice
service, judged as the CLI's practice is); nobody else reads the session or posts a turn
into it, through the API or by direct SQL as the app."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import DBAPIError

from tests.api_world import STORY, Server, server

pytestmark = pytest.mark.postgres
__all__ = ["server"]  # the fixture
ANSWER = (
    "I chose to roll back at 02:10 instead of patching forward, because the patch was "
    "untested and 3% of invoices were already wrong; we lost a night of billing runs."
)


def _climb(server: Server, who: str = "ada") -> tuple[object, str]:
    client = server.login(who)
    story_id = client.post("/api/v1/stories", json=STORY).json()["id"]
    started = client.post("/api/v1/sessions", json={"mode": "ladder", "story_id": story_id})
    assert started.status_code == 201, started.text
    return client, started.json()["id"]


def test_a_candidate_practises_turn_by_turn(server: Server) -> None:
    ada, session_id = _climb(server)
    first = ada.get(f"/api/v1/sessions/{session_id}").json()["session"]  # type: ignore[attr-defined]
    asked = first["turns"][-1]["text"]
    assert first["mode"] == "ladder" and first["status"] == "active" and asked
    turn = ada.post(f"/api/v1/sessions/{session_id}/turns", json={"text": ANSWER})  # type: ignore[attr-defined]
    assert turn.status_code == 200, turn.text
    answered = turn.json()
    assert answered["id"] == session_id and answered["status"] == "active"
    assert answered["question"] and answered["question"] != asked
    assert "question 2" in answered["progress"]
    kept = ada.get(f"/api/v1/sessions/{session_id}").json()["session"]["turns"]  # type: ignore[attr-defined]
    assert [t["text"] for t in kept if t["role"] == "candidate"] == [ANSWER]
    assert kept[-2]["critique"]  # judged by the coach, as every face's practice is
    (listed,) = ada.get("/api/v1/sessions").json()  # type: ignore[attr-defined]
    assert (listed["id"], listed["answers"], listed["shared_at"]) == (session_id, 1, None)
    skipped = ada.post(f"/api/v1/sessions/{session_id}/turns", json={"action": "skip"})  # type: ignore[attr-defined]
    assert skipped.status_code == 200
    done = ada.post(f"/api/v1/sessions/{session_id}/turns", json={"action": "finish"})  # type: ignore[attr-defined]
    assert done.json()["status"] == "done" and done.json()["scorecard"]
    late = ada.post(f"/api/v1/sessions/{session_id}/turns", json={"text": ANSWER})  # type: ignore[attr-defined]
    assert late.status_code == 400 and "finished" in late.json()["detail"]


def test_refusals_say_what_is_wrong(server: Server) -> None:
    ada, session_id = _climb(server)
    empty = ada.post(f"/api/v1/sessions/{session_id}/turns", json={"text": "  "})  # type: ignore[attr-defined]
    assert empty.status_code == 400 and "empty" in empty.json()["detail"]
    bo = server.login("bo")
    theirs = bo.post("/api/v1/stories", json=STORY | {"title": "Bo's outage"}).json()["id"]
    unknown = ada.post("/api/v1/sessions", json={"mode": "ladder", "story_id": "no-such"})  # type: ignore[attr-defined]
    others = ada.post("/api/v1/sessions", json={"mode": "ladder", "story_id": theirs})  # type: ignore[attr-defined]
    assert others.status_code == unknown.status_code == 400  # another's story: as if none
    assert others.json()["detail"] == unknown.json()["detail"].replace("no-such", theirs)
    for body, status in (
        ({"mode": "ladder"}, 400),  # a climb needs a story
        ({"mode": "drill", "drill": "no-such-drill"}, 400),
        ({"mode": "mock", "company": "no-such-company"}, 400),
        ({"mode": "juggling"}, 422),
    ):
        assert ada.post("/api/v1/sessions", json=body).status_code == status, body  # type: ignore[attr-defined]
    assert server.client().post("/api/v1/sessions", json={"mode": "mock"}).status_code == 401
    unsent = server.client()
    unsent.cookies = ada.cookies  # type: ignore[attr-defined]
    assert (
        unsent.post(f"/api/v1/sessions/{session_id}/turns", json={"text": ANSWER}).status_code
        == 403
    )


def test_nobody_posts_a_turn_into_anothers_session(server: Server) -> None:
    ada, session_id = _climb(server)
    ada.post(f"/api/v1/sessions/{session_id}/shares")  # type: ignore[attr-defined]  # cora reads a copy
    ref = server.ref("ada", session_id)
    for other in ("bo", "cora", "dev", "eve"):
        client = server.login(other)
        for path in (session_id, ref):
            for body in ({"text": "I take over."}, {"action": "finish"}, {"action": "skip"}):
                answer = client.post(f"/api/v1/sessions/{path}/turns", json=body)
                assert answer.status_code == 404, (other, path, body)
    turns = ada.get(f"/api/v1/sessions/{session_id}").json()["session"]["turns"]  # type: ignore[attr-defined]
    assert [t["role"] for t in turns] == ["interviewer"]  # nobody's words in it
    assert ada.get(f"/api/v1/sessions/{session_id}").json()["session"]["status"] == "active"  # type: ignore[attr-defined]
    # and by direct SQL as the app's role, with another user's ids set
    for other in ("bo", "cora"):
        assert server.sql(other, "SELECT * FROM sessions") == [], other
        assert server.sql(other, "UPDATE sessions SET data = '{}'") == [0], other
        with pytest.raises(DBAPIError, match="row-level security"):
            server.sql(
                other,
                "INSERT INTO sessions (owner_id, id, mode, company, status, data, created_at,"
                " updated_at) VALUES (:owner, 'x', 'mock', 'generic', 'active', '{}', now(),"
                " now())",
                owner=server.ids["ada"],
            )
