"""The cohort dashboard on a real PostgreSQL, through HTTP: a coach's line for each
candidate of their cohorts counts only what that candidate shared (and the coach's
readings), nothing shared is null, the candidate sees their own whole line; sorting, CSV,
and the plan shown to coaches only while shared (also by direct SQL as the app)."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from storyladder.interview.session import Session, Turn
from tests.api_world import STORY, Server, server

pytestmark = pytest.mark.postgres
__all__ = ["server"]  # the fixture
LADDERED = STORY | {"ladder": {"surface": "I rolled back a bad billing migration at night."}}
IN_TEN_DAYS = (date.today() + timedelta(days=10)).isoformat()


def _practise(server: Server, who: str, session_id: str) -> None:
    session = Session(
        id=session_id,
        mode="drill",
        company="generic",
        created_at=datetime.now(UTC).isoformat(),
        drill="five_whys",
        turns=(Turn("interviewer", "Why?", kind="question"), Turn("candidate", "I chose to.")),
        status="done",
    )
    server.repo(who).save_session(session.to_dict())


def _ada_shares_some(server: Server) -> Any:
    """ada: two stories (one shared, at revisions 1 and 2), two sessions (one shared), and
    her plan, shared."""
    ada = server.login("ada")
    shared = ada.post("/api/v1/stories", json=LADDERED).json()["id"]
    ada.post("/api/v1/stories", json=STORY | {"title": "A private one"})
    ada.post(f"/api/v1/stories/{shared}/shares", headers={"If-Match": "1"})
    edited = LADDERED | {"learning": "I now rehearse rollbacks."}
    ada.put(f"/api/v1/stories/{shared}", json=edited, headers={"If-Match": "1"})
    ada.post(f"/api/v1/stories/{shared}/shares", headers={"If-Match": "2"})
    _practise(server, "ada", "s1")
    _practise(server, "ada", "s2")
    ada.post("/api/v1/sessions/s1/shares")
    plan = {"interview": IN_TEN_DAYS, "company": "amazon", "shared": True}
    assert ada.put("/api/v1/me/plan", json=plan).status_code == 200
    return ada


def test_a_coach_sees_each_candidate_by_what_they_shared(server: Server) -> None:
    _ada_shares_some(server)
    cora = server.login("cora")
    answer = cora.get("/api/v1/cohort/dashboard")
    assert answer.status_code == 200, answer.text
    ada_line, bo_line = answer.json()["rows"]  # by days to the interview; bo has none
    assert ada_line["candidate"] == "ada@example.org" and ada_line["cohorts"] == ["spring"]
    assert ada_line["seen"] == {"stories": 1, "sessions": 1, "plan": True}
    assert ada_line["readiness"]["stories"] == 1
    assert ada_line["readiness"]["by_story"][0]["title"] == LADDERED["title"]
    assert ada_line["interview"] == {"date": IN_TEN_DAYS, "company": "amazon", "days_left": 10}
    assert ada_line["practice"]["sessions"] == 1 and ada_line["practice"]["last_7_days"] == 1
    assert ada_line["practice"]["today"]["planned"] >= 1
    assert isinstance(ada_line["flags"], list) and ada_line["gaps"]["categories"]
    assert bo_line["candidate"] == "bo@example.org"
    assert bo_line["seen"] == {"stories": 0, "sessions": 0, "plan": False}
    for part in ("readiness", "gaps", "flags", "practice", "interview"):
        assert bo_line[part] is None, part  # nothing shared is not nothing done
    mine = server.login("ada").get("/api/v1/me/dashboard").json()
    assert mine["seen"] == {"stories": 2, "sessions": 2, "plan": True}


def test_the_coachs_reading_counts_on_the_dashboard(server: Server) -> None:
    ada = _ada_shares_some(server)
    story_id = ada.get("/api/v1/stories").json()[1]["id"]
    cora = server.login("cora")
    ref = server.ref("ada", story_id)
    for level in ("surface", "context"):
        cora.post(f"/api/v1/stories/{ref}/overrides", json={"level": level, "met": True})
    (line,) = [r for r in cora.get("/api/v1/cohort/dashboard").json()["rows"] if r["seen"]["plan"]]
    (story,) = line["readiness"]["by_story"]
    assert story["by_coach"] == ["context", "surface"] and story["depth"] >= 2
    own = ada.get("/api/v1/me/dashboard").json()["readiness"]["by_story"]
    assert [s["by_coach"] for s in own if s["id"] == story_id] == [["context", "surface"]]


def test_the_dashboard_sorts_and_exports_the_same_lines_as_csv(server: Server) -> None:
    _ada_shares_some(server)
    cora = server.login("cora")
    by_name = cora.get("/api/v1/cohort/dashboard", params={"sort": "-candidate"}).json()
    assert [r["candidate"] for r in by_name["rows"]] == ["bo@example.org", "ada@example.org"]
    bad = cora.get("/api/v1/cohort/dashboard", params={"sort": "age"})
    assert bad.status_code == 400 and "unknown sort" in bad.json()["detail"]
    exported = cora.get("/api/v1/cohort/dashboard.csv", params={"sort": "-candidate"})
    assert exported.headers["content-type"].startswith("text/csv")
    table = list(csv.DictReader(io.StringIO(exported.text)))
    assert [r["candidate"] for r in table] == ["bo@example.org", "ada@example.org"]
    assert table[1]["days_left"] == "10" and table[1]["stories_seen"] == "1"
    assert table[0]["days_left"] == "" and table[0]["mean_depth"] == ""


def test_only_coaches_see_a_cohort_dashboard_and_only_of_their_own_cohorts(
    server: Server,
) -> None:
    _ada_shares_some(server)
    for candidate in ("ada", "bo"):
        client = server.login(candidate)
        assert client.get("/api/v1/cohort/dashboard").status_code == 403
        assert client.get("/api/v1/cohort/dashboard.csv").status_code == 403
    for outsider in ("dev", "eve"):  # another cohort; a cohort of the same name elsewhere
        assert server.login(outsider).get("/api/v1/cohort/dashboard").json()["rows"] == []


def test_the_plan_is_the_coachs_only_while_shared(server: Server) -> None:
    ada = _ada_shares_some(server)
    plan_rows = "SELECT owner_id FROM settings WHERE key = 'plan'"
    assert server.sql("cora", plan_rows) == [(server.ids["ada"],)]
    for outsider in ("bo", "dev", "eve"):
        assert server.sql(outsider, plan_rows) == [], outsider
    private = {"interview": IN_TEN_DAYS, "company": "amazon", "shared": False}
    assert ada.put("/api/v1/me/plan", json=private).json()["shared"] is False
    assert ada.get("/api/v1/me/plan").json() == private
    assert server.sql("cora", plan_rows) == []
    rows = server.login("cora").get("/api/v1/cohort/dashboard").json()["rows"]
    assert [r["interview"] for r in rows] == [None, None]
    past = ada.put("/api/v1/me/plan", json={"interview": "2020-01-01", "company": "amazon"})
    assert past.status_code == 400 and "not after today" in past.json()["detail"]
    nowhere = ada.put("/api/v1/me/plan", json={"interview": IN_TEN_DAYS, "company": "acme"})
    assert nowhere.status_code == 400 and "unknown company" in nowhere.json()["detail"]


def test_the_new_routes_are_described_by_the_openapi_schema(server: Server) -> None:
    paths = server.client().get("/openapi.json").json()["paths"]
    expected = {
        "/api/v1/password-reset": {"post"},
        "/api/v1/stories/{story_id}/review": {"get"},
        "/api/v1/stories/{story_id}/overrides": {"get", "post"},
        "/api/v1/stories/{story_id}/overrides/{override_id}/replies": {"post"},
        "/api/v1/stories/{story_id}/comments/{comment_id}/replies": {"post"},
        "/api/v1/sessions": {"get", "post"},
        "/api/v1/sessions/{session_id}": {"get"},
        "/api/v1/sessions/{session_id}/turns": {"post"},
        "/api/v1/sessions/{session_id}/shares": {"post", "delete"},
        "/api/v1/cohort/dashboard": {"get"},
        "/api/v1/cohort/dashboard.csv": {"get"},
        "/api/v1/me/dashboard": {"get"},
        "/api/v1/me/plan": {"get", "put"},
    }
    assert {path: set(paths.get(path, {})) for path in expected} == expected
    sort = paths["/api/v1/cohort/dashboard"]["get"]["parameters"][0]
    assert sort["name"] == "sort" and "descending" in sort["description"]
