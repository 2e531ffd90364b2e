"""Practice sessions on a real PostgreSQL: private by default, shared by choice with the
cohort's coaches as a copy that stays what the coach saw, withdrawn at will; nobody else
reads them, through the API or by direct SQL as the app."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import DBAPIError

from storyladder.errors import StoryNotFound
from storyladder.interview.session import Session, Turn
from storyladder.store import accounts
from storyladder.store.database import make_engine
from tests.api_world import PASSWORD, Server, server

pytestmark = pytest.mark.postgres
__all__ = ["server"]  # the fixture
ASKED = Turn("interviewer", "Tell me about a time you were wrong.", kind="question")
TOLD = Turn("candidate", "I rolled back our billing migration at 02:10 and told Ana.")


def _practise(server: Server, who: str, session_id: str = "s1", turns: int = 1) -> Session:
    session = Session(
        id=session_id,
        mode="drill",
        company="generic",
        created_at="2026-11-20T10:00:00+00:00",
        drill="five_whys",
        turns=(ASKED, TOLD) * turns,
        status="done",
    )
    repo = server.repo(who)
    try:  # practising on: a turn taken on the revision saved
        session = session.evolve(revision=repo.get_session(session_id)["revision"])
    except StoryNotFound:
        pass
    repo.save_session(session.to_dict())
    return session


def test_sessions_are_private_by_default(server: Server) -> None:
    _practise(server, "ada")
    ada = server.login("ada")
    (row,) = ada.get("/api/v1/sessions").json()
    assert (row["id"], row["answers"], row["shared_at"]) == ("s1", 1, None)
    assert ada.get("/api/v1/sessions/s1").json()["session"]["turns"][1]["text"] == TOLD.text
    ref = server.ref("ada", "s1")
    for other in ("bo", "cora", "dev", "eve"):
        client = server.login(other)
        assert client.get("/api/v1/sessions").json() == [], other
        for path in ("s1", ref):
            assert client.get(f"/api/v1/sessions/{path}").status_code == 404, (other, path)
    cora = server.login("cora")
    assert cora.get("/api/v1/cohort").json()["sessions"] == []
    assert cora.post(f"/api/v1/sessions/{ref}/shares").status_code == 404
    assert ada.get("/api/v1/sessions/nope").status_code == 404


def test_a_shared_session_is_what_the_coach_saw_until_shared_again(server: Server) -> None:
    _practise(server, "ada")
    ada, cora = server.login("ada"), server.login("cora")
    shared = ada.post("/api/v1/sessions/s1/shares")
    assert shared.status_code == 201 and shared.json()["cohorts"] == ["spring"]
    assert ada.get("/api/v1/sessions").json()[0]["shared_at"] == shared.json()["shared_at"]
    ref = server.ref("ada", "s1")
    (listed,) = cora.get("/api/v1/cohort").json()["sessions"]
    assert (listed["id"], listed["candidate"], listed["answers"]) == (ref, "ada@example.org", 1)
    assert len(cora.get(f"/api/v1/sessions/{ref}").json()["session"]["turns"]) == 2
    _practise(server, "ada", turns=2)  # she practised on
    assert len(cora.get(f"/api/v1/sessions/{ref}").json()["session"]["turns"]) == 2
    ada.post("/api/v1/sessions/s1/shares")
    assert len(cora.get(f"/api/v1/sessions/{ref}").json()["session"]["turns"]) == 4
    for outsider in ("bo", "dev", "eve"):
        client = server.login(outsider)
        assert client.get(f"/api/v1/sessions/{ref}").status_code == 404, outsider
    assert ada.delete("/api/v1/sessions/s1/shares").json() == {"id": "s1", "withdrawn": 1}
    assert cora.get(f"/api/v1/sessions/{ref}").status_code == 404
    assert cora.get("/api/v1/cohort").json()["sessions"] == []
    assert ada.get("/api/v1/sessions/s1").json()["shared_at"] is None  # hers, still


def test_sharing_needs_a_cohort_and_ones_own_session(server: Server) -> None:
    owner = make_engine(server.owner_url)
    fay = accounts.add_user(owner, "fay@example.org", "candidate", PASSWORD)  # no cohort
    owner.dispose()
    server.ids["fay"], server.orgs["fay"] = fay.id, fay.organisation_id
    _practise(server, "fay")
    alone = server.login("fay").post("/api/v1/sessions/s1/shares")
    assert alone.status_code == 400 and "no cohort" in alone.json()["detail"]
    _practise(server, "ada")
    bo = server.login("bo")
    assert bo.post(f"/api/v1/sessions/{server.ref('ada', 's1')}/shares").status_code == 404
    assert bo.delete("/api/v1/sessions/s1/shares").status_code == 404  # bo has no s1


SHARE = (
    "INSERT INTO session_shares (owner_id, session_id, cohort_id, data, shared_at) "
    "VALUES (:owner, 's1', (SELECT min(id) FROM cohorts), '{}', now())"
)


def test_direct_sql_as_the_app_shows_a_coach_only_the_shared_copy(server: Server) -> None:
    _practise(server, "ada")
    server.login("ada").post("/api/v1/sessions/s1/shares")
    theirs = {"owner": server.ids["ada"]}
    assert server.sql("cora", "SELECT * FROM sessions") == []  # never the session itself
    assert len(server.sql("cora", "SELECT * FROM session_shares")) == 1
    for who in ("bo", "dev", "eve"):
        assert server.sql(who, "SELECT * FROM session_shares") == [], who
        with pytest.raises(DBAPIError, match="row-level security"):
            server.sql(who, SHARE, **theirs)
    with pytest.raises(DBAPIError, match="permission denied"):
        server.sql("ada", "UPDATE session_shares SET data = '{}'")
    assert server.sql("cora", "DELETE FROM session_shares") == [0]  # not the coach's to drop
    assert len(server.sql("ada", "SELECT * FROM session_shares")) == 1
