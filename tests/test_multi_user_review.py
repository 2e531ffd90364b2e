"""Coach review on a real PostgreSQL: a coach's own reading of a ladder level overrides the
machine's (shown as the coach's, the machine's kept beside it), the candidate replies, and
nobody else reads or writes any of it, through the API and by direct SQL as the app."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.exc import DBAPIError

from tests.api_world import STORY, Server, server

pytestmark = pytest.mark.postgres
__all__ = ["server"]  # the fixture
LADDERED = STORY | {"ladder": {"surface": "I rolled back a bad billing migration at night."}}


def _shared(server: Server) -> tuple[Any, Any, str, str]:
    """ada's story, shared with cora (her coach): (ada, cora, ada's id, cora's ref)."""
    ada, cora = server.login("ada"), server.login("cora")
    story_id = ada.post("/api/v1/stories", json=LADDERED).json()["id"]
    assert (
        ada.post(f"/api/v1/stories/{story_id}/shares", headers={"If-Match": "1"}).status_code == 201
    )
    return ada, cora, story_id, server.ref("ada", story_id)


def test_a_coachs_reading_counts_and_the_machines_is_kept_beside_it(server: Server) -> None:
    ada, cora, story_id, ref = _shared(server)
    before = cora.get(f"/api/v1/stories/{ref}/review").json()
    machine_surface = before["levels"][0]["machine"]["met"]
    made = cora.post(
        f"/api/v1/stories/{ref}/overrides",
        json={"level": "surface", "met": not machine_surface, "note": "Name the cost."},
    )
    assert made.status_code == 201, made.text
    assert made.json()["on"] == "on revision 1" and made.json()["counts"] is True
    for who, path in ((cora, ref), (ada, story_id)):
        seen = who.get(f"/api/v1/stories/{path}/review").json()
        surface = seen["levels"][0]
        assert surface["by"] == "coach" and surface["met"] is (not machine_surface)
        assert surface["machine"]["met"] is machine_surface  # kept beside it
        assert surface["coach"]["note"] == "Name the cost."
        assert seen["readiness"]["machine"] == before["readiness"]["machine"]
        assert seen["readiness"]["counted"]["depth"] != seen["readiness"]["machine"]["depth"]
    if machine_surface:  # the coach says the surface is not met: the note says why
        counted = ada.get(f"/api/v1/stories/{story_id}/review").json()["readiness"]["counted"]
        assert counted == {"depth": 0, "breaks_at": "surface", "why": "Name the cost."} | {
            "ready": False
        }


def test_a_reading_stays_on_its_revision_and_counts_while_the_answer_is_the_same(
    server: Server,
) -> None:
    ada, cora, story_id, ref = _shared(server)
    cora.post(f"/api/v1/stories/{ref}/overrides", json={"level": "surface", "met": True})
    cora.post(f"/api/v1/stories/{ref}/overrides", json={"level": "context", "met": True})
    edited = LADDERED | {"ladder": {"surface": "Another hook entirely, told anew."}}
    ada.put(f"/api/v1/stories/{story_id}", json=edited, headers={"If-Match": "1"})
    ada.post(f"/api/v1/stories/{story_id}/shares", headers={"If-Match": "2"})
    listed = {o["level"]: o for o in ada.get(f"/api/v1/stories/{story_id}/overrides").json()}
    assert listed["surface"]["on"] == "on revision 1" and listed["surface"]["counts"] is False
    assert listed["context"]["counts"] is True  # (no context answer then or now)
    levels = cora.get(f"/api/v1/stories/{ref}/review").json()["levels"]
    assert [lv["by"] for lv in levels[:2]] == ["machine", "coach"]
    old = cora.get(f"/api/v1/stories/{ref}/review", params={"revision": 1}).json()
    assert old["revision"] == 1 and old["levels"][0]["by"] == "coach"


def test_the_candidate_replies_and_the_coach_reads_the_reply(server: Server) -> None:
    ada, cora, story_id, ref = _shared(server)
    override = cora.post(
        f"/api/v1/stories/{ref}/overrides", json={"level": "surface", "met": False, "note": "Why?"}
    ).json()
    comment = cora.post(
        f"/api/v1/stories/{ref}/comments",
        json={"field": "title", "start": 0, "end": 3, "body": "Sharper title?"},
    ).json()
    to_override = ada.post(
        f"/api/v1/stories/{story_id}/overrides/{override['id']}/replies",
        json={"body": "Because the rollback cost a night of sales."},
    )
    assert to_override.status_code == 201 and to_override.json()["by_you"] is True
    assert ada.post(
        f"/api/v1/stories/{story_id}/comments/{comment['id']}/replies", json={"body": "Done."}
    ).is_success
    (seen,) = cora.get(f"/api/v1/stories/{ref}/overrides").json()
    assert [(r["body"], r["by_you"]) for r in seen["replies"]] == [
        ("Because the rollback cost a night of sales.", False)
    ]
    (note,) = cora.get(f"/api/v1/stories/{ref}/comments").json()
    assert [r["body"] for r in note["replies"]] == ["Done."]
    empty = {"body": "   "}
    path = f"/api/v1/stories/{story_id}/comments/{comment['id']}/replies"
    assert ada.post(path, json=empty).status_code == 400
    assert (
        ada.post(f"/api/v1/stories/{story_id}/comments/999/replies", json={"body": "x"}).status_code
        == 404
    )


def test_only_a_coach_the_revision_is_shared_with_overrides(server: Server) -> None:
    ada, cora = server.login("ada"), server.login("cora")
    story_id = ada.post("/api/v1/stories", json=LADDERED).json()["id"]
    ref = server.ref("ada", story_id)
    reading = {"level": "surface", "met": True}
    assert cora.post(f"/api/v1/stories/{ref}/overrides", json=reading).status_code == 404
    assert cora.get(f"/api/v1/stories/{ref}/review").status_code == 404
    ada.post(f"/api/v1/stories/{story_id}/shares", headers={"If-Match": "1"})
    assert ada.post(f"/api/v1/stories/{story_id}/overrides", json=reading).status_code == 403
    assert (
        server.login("bo").post(f"/api/v1/stories/{ref}/overrides", json=reading).status_code == 403
    )
    for outsider in ("dev", "eve"):  # a coach of another cohort, of another organisation
        other = server.login(outsider)
        assert other.post(f"/api/v1/stories/{ref}/overrides", json=reading).status_code == 404
        assert other.get(f"/api/v1/stories/{ref}/overrides").status_code == 404
        assert other.get(f"/api/v1/stories/{ref}/review").status_code == 404
    bad = cora.post(f"/api/v1/stories/{ref}/overrides", json={"level": "deepest", "met": True})
    assert bad.status_code == 400 and "unknown ladder level" in bad.json()["detail"]
    made = cora.post(f"/api/v1/stories/{ref}/overrides", json=reading).json()
    ada.delete(f"/api/v1/stories/{story_id}/shares")
    assert cora.get(f"/api/v1/stories/{ref}/overrides").status_code == 404  # withdrawn
    reply = {"body": "hm"}
    assert (
        cora.post(f"/api/v1/stories/{ref}/overrides/{made['id']}/replies", json=reply).status_code
        == 404
    )
    assert len(ada.get(f"/api/v1/stories/{story_id}/overrides").json()) == 1  # ada keeps it


OVERRIDE = (
    "INSERT INTO overrides (owner_id, story_id, revision, level, author_id, met, note, answer, "
    "created_at) VALUES (:owner, :story, 1, 'surface', :me, true, '', '', now())"
)


def test_direct_sql_as_the_app_keeps_readings_and_replies_apart(server: Server) -> None:
    ada, cora, story_id, ref = _shared(server)
    made = cora.post(f"/api/v1/stories/{ref}/overrides", json={"level": "surface", "met": True})
    ada.post(
        f"/api/v1/stories/{story_id}/overrides/{made.json()['id']}/replies", json={"body": "ok"}
    )
    theirs = {"owner": server.ids["ada"], "story": story_id}
    for who in ("bo", "dev", "eve"):
        assert server.sql(who, "SELECT * FROM overrides") == [], who
        assert server.sql(who, "SELECT * FROM replies") == [], who
        with pytest.raises(DBAPIError, match="row-level security"):
            server.sql(who, OVERRIDE, me=server.ids[who], **theirs)
    with pytest.raises(DBAPIError, match="row-level security"):  # not on one's own story
        server.sql("ada", OVERRIDE, me=server.ids["ada"], **theirs)
    with pytest.raises(DBAPIError, match="row-level security"):  # not in another's name
        server.sql("cora", OVERRIDE, me=server.ids["dev"], **theirs)
    with pytest.raises(DBAPIError, match="row-level security"):  # a reply to nothing one reads
        server.sql(
            "bo",
            "INSERT INTO replies (owner_id, story_id, override_id, author_id, body, created_at) "
            "VALUES (:owner, :story, :o, :me, 'x', now())",
            o=made.json()["id"],
            me=server.ids["bo"],
            **theirs,
        )
    assert len(server.sql("cora", "SELECT * FROM replies")) == 1
    for statement in ("UPDATE overrides SET met = false", "DELETE FROM replies"):
        with pytest.raises(DBAPIError, match="permission denied"):
            server.sql("cora", statement)
    ada.delete(f"/api/v1/stories/{story_id}/shares")
    assert server.sql("cora", "SELECT * FROM overrides") == []
    assert len(server.sql("ada", "SELECT * FROM overrides")) == 1
