"""The multi-user server's pages without a browser, on a real PostgreSQL: who is sent to
the login page, errors as readable pages (and the API's answers left as JSON), what a
candidate and a coach see; and the pure helpers behind the anchored comments."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from storyladder.store import accounts, audience
from storyladder.store.database import make_engine
from storyladder.web.pages.app import create_multi_user_app
from storyladder.web.pages.marks import Span, around, pieces
from storyladder.web.pages.session import safe_next

PASSWORD = "correct horse battery"
BASE = "https://cohort.example"


@pytest.fixture
def app(multi_user_db: tuple[str, str]) -> Iterator[object]:
    owner_url, app_url = multi_user_db
    owner = make_engine(owner_url)
    for name, role, cohort in (
        ("ada", "candidate", "spring"),
        ("cora", "coach", "spring"),
        ("lone", "candidate", None),
    ):
        accounts.add_user(owner, f"{name}@example.org", role, PASSWORD, cohort)
    owner.dispose()
    built = create_multi_user_app(app_url, {"cohort.example"})
    yield built
    built.state.engine.dispose()


def _client(app: object, name: str | None = None) -> TestClient:
    client = TestClient(app, base_url=BASE, follow_redirects=False)  # type: ignore[arg-type]
    if name:
        answer = client.post(
            "/api/v1/login", json={"email": f"{name}@example.org", "password": PASSWORD}
        )
        client.headers["X-CSRF-Token"] = answer.json()["csrf_token"]
    return client


@pytest.mark.postgres
def test_pages_send_strangers_to_the_login_page_and_the_api_stays_json(app: object) -> None:
    client = _client(app)
    assert client.get("/").headers["location"] == "/login"
    assert client.get("/stories/x").headers["location"] == "/login?next=/stories/x"
    login = client.get("/login?next=//elsewhere.example")
    assert login.status_code == 200 and 'name="next" value="/"' in login.text
    refused = client.get("/api/v1/stories")
    assert refused.status_code == 401 and refused.json()["detail"].startswith("log in first")
    assert "/stories" not in client.get("/openapi.json").json()["paths"]  # pages are not API


@pytest.mark.postgres
def test_errors_are_pages_a_person_can_read(app: object) -> None:
    ada, cora = _client(app, "ada"), _client(app, "cora")
    missing = ada.get("/stories/no-such-story")
    assert missing.status_code == 404 and "no story at this address" in missing.text
    assert "<h1>Not found</h1>" in missing.text
    bad = cora.get("/review/someone/story?revision=latest")
    assert bad.status_code == 400 and "Check owner, revision" in bad.text
    assert ada.get("/review").status_code == 403  # the review pages are for coaches
    detail = ada.get("/api/v1/stories/no-such-story").json()["detail"]
    assert detail.startswith("no story with id 'no-such-story'")


@pytest.mark.postgres
def test_a_story_is_private_until_shared_and_the_page_names_who_will_see_it(
    app: object, multi_user_db: tuple[str, str]
) -> None:
    ada, cora = _client(app, "ada"), _client(app, "cora")
    made = ada.post("/api/v1/stories", json={"title": "Paused rollout", "action": "I paused it."})
    story_id = made.json()["id"]
    page = ada.get(f"/stories/{story_id}").text
    assert "private" in page and "cora@example.org" in page and "Share revision 1" in page
    assert "private" in ada.get("/stories").text
    assert "Nothing is shared with you yet" in cora.get("/review").text
    ada.post(f"/api/v1/stories/{story_id}/shares", headers={"If-Match": "1"})
    assert "your coaches see revision 1" in ada.get("/stories").text
    assert "Paused rollout" in cora.get("/review").text
    lone = _client(app, "lone")
    lone.post("/api/v1/stories", json={"title": "Alone", "action": "I did it."})
    assert "no coach to share with" in lone.get("/stories/alone").text
    owner = make_engine(multi_user_db[0])
    ada_id = accounts.find(owner, "ada@example.org").id
    assert audience.coaches_of(owner, ada_id) == [
        audience.Audience("spring", ("cora@example.org",))
    ]
    owner.dispose()


@pytest.mark.postgres
def test_the_live_critique_needs_the_csrf_token(app: object) -> None:
    ada = _client(app, "ada")
    panel = ada.post("/critique", data={"action": "We fixed the alerts as a team."})
    assert panel.status_code == 200 and 'class="scores"' in panel.text
    del ada.headers["X-CSRF-Token"]
    assert ada.post("/critique", data={"action": "x"}).status_code == 403


def _login_form(client: TestClient, path: str = "/login") -> str:
    found = re.search(r'name="login_token" value="([^"]+)"', client.get(path).text)
    assert found is not None
    return found.group(1)


@pytest.mark.postgres
def test_the_login_form_works_without_javascript_and_refuses_other_sites(app: object) -> None:
    client = _client(app)
    token = _login_form(client, "/login?next=/stories")
    form = {"email": "ada@example.org", "password": "wrong password", "login_token": token}
    wrong = client.post("/login", data=form | {"next": "/stories"})
    assert wrong.status_code == 401 and "Wrong email or password" in wrong.text
    assert 'value="ada@example.org"' in wrong.text  # the email stays typed
    token = _login_form(client)
    signed = client.post(
        "/login", data=form | {"password": PASSWORD, "login_token": token, "next": "/stories"}
    )
    assert signed.status_code == 303 and signed.headers["location"] == "/stories"
    cookie = signed.headers["set-cookie"]
    assert "storyladder_session=" in cookie and "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert client.get("/stories").status_code == 200  # the same session as the API's login
    # another site's form: no token of ours (it cannot read the cookie), or a foreign Origin
    stranger = _client(app)
    forged = stranger.post("/login", data=form | {"password": PASSWORD, "login_token": "guess"})
    assert forged.status_code == 403 and "expired" in forged.text
    assert "storyladder_session=" not in forged.headers.get("set-cookie", "")
    token = _login_form(stranger)
    foreign = stranger.post(
        "/login",
        data=form | {"password": PASSWORD, "login_token": token},
        headers={"Origin": "https://evil.example"},
    )
    assert foreign.status_code == 403 and "storyladder_session=" not in str(foreign.headers)


@pytest.mark.postgres
def test_too_many_failed_logins_are_said_plainly_without_javascript(app: object) -> None:
    client = _client(app)
    for _ in range(6):
        token = _login_form(client)
        form = {"email": "cora@example.org", "password": "a wrong guess", "login_token": token}
        answer = client.post("/login", data=form)
    assert answer.status_code == 429 and "Too many failed logins" in answer.text
    assert "15 minutes" in answer.text


@pytest.mark.postgres
def test_the_password_reset_page_posts_to_the_api(app: object) -> None:
    client = _client(app)
    page = client.get("/password-reset").text  # the token is after '#': the script reads it
    assert 'id="reset-form"' in page and "/api/v1/password-reset" in page
    assert 'id="reset-missing"' in page and "has no reset token" in page
    assert "abc123" not in client.get("/password-reset?token=abc123").text  # (never echoed)


@pytest.mark.postgres
def test_dashboards_say_not_shared_never_zero(app: object) -> None:
    ada, cora = _client(app, "ada"), _client(app, "cora")
    board = cora.get("/cohort")
    assert board.status_code == 200 and "ada@example.org" in board.text
    row = board.text.split('data-candidate="ada@example.org"')[1].split("</tr>")[0]
    assert row.count("not shared") == 7  # every column: she shared nothing yet
    assert "/api/v1/cohort/dashboard.csv?sort=interview" in board.text
    made = ada.post("/api/v1/stories", json={"title": "Paused rollout", "action": "I paused it."})
    ada.post(f"/api/v1/stories/{made.json()['id']}/shares", headers={"If-Match": "1"})
    ada.put(
        "/api/v1/me/plan", json={"interview": "2999-01-01", "company": "generic", "shared": True}
    )
    board = cora.get("/cohort?sort=-readiness").text
    row = board.split('data-candidate="ada@example.org"')[1].split("</tr>")[0]
    assert "0 of 1" in row and "not shared" in row and "2999-01-01" in row  # practice: not shared
    assert 'aria-sort="descending"' in board and 'href="/cohort?sort=readiness"' in board
    assert cora.get("/cohort?sort=shoe-size").status_code == 400
    assert ada.get("/cohort").status_code == 403
    mine = ada.get("/dashboard")
    assert mine.status_code == 200 and "0 of 1" in mine.text and "no practice yet" in mine.text
    assert cora.get("/dashboard").status_code == 403


@pytest.mark.postgres
def test_the_plan_page_says_plainly_who_sees_it(app: object) -> None:
    ada = _client(app, "ada")
    plan = ada.get("/plan").text
    assert "Only me" in plan and "Private unless you choose otherwise" in plan
    assert 'value="false" checked' in plan  # private by default
    ada.put(
        "/api/v1/me/plan", json={"interview": "2999-01-01", "company": "generic", "shared": True}
    )
    plan = ada.get("/plan").text
    assert 'value="2999-01-01"' in plan and 'value="true" checked' in plan


@pytest.mark.postgres
def test_the_practice_pages_show_ones_own_sessions_only(app: object) -> None:
    ada, bo = _client(app, "ada"), _client(app, "lone")
    made = ada.post("/api/v1/stories", json={"title": "Paused rollout", "action": "I paused it."})
    home = ada.get("/practice").text
    assert 'id="practice-form"' in home and "Paused rollout" in home
    started = ada.post("/api/v1/sessions", json={"mode": "ladder", "story_id": made.json()["id"]})
    session_id = started.json()["id"]
    shown = ada.get(f"/practice/{session_id}")
    assert shown.status_code == 200 and started.json()["question"] in shown.text
    assert 'id="turn-form"' in shown.text and f"/api/v1/sessions/{session_id}/turns" in shown.text
    assert bo.get(f"/practice/{session_id}").status_code == 404


@pytest.mark.postgres
def test_a_coachs_reading_stands_beside_the_machines_and_both_reply(app: object) -> None:
    ada, cora = _client(app, "ada"), _client(app, "cora")
    story = {
        "title": "Paused rollout",
        "action": "I paused it.",
        "ladder": {"context": "We had two weeks."},
    }
    story_id = ada.post("/api/v1/stories", json=story).json()["id"]
    ada.post(f"/api/v1/stories/{story_id}/shares", headers={"If-Match": "1"})
    owner = cora.get("/api/v1/cohort").json()["shared"][0]["id"].split(":")[0]
    ref = f"{owner}:{story_id}"
    review = cora.get(f"/review/{owner}/{story_id}").text
    assert 'id="override-form"' in review and 'data-level="context"' in review
    given = {"level": "context", "met": False, "note": "Say who set the two weeks, and why."}
    override = cora.post(f"/api/v1/stories/{ref}/overrides", json=given).json()
    comment = cora.post(
        f"/api/v1/stories/{ref}/comments",
        json={"field": "action", "start": 2, "end": 8, "body": "Why then?"},
    ).json()
    review = cora.get(f"/review/{owner}/{story_id}").text
    level = review.split('data-level="context"')[1].split("</tr>")[0]
    assert "coach's reading" in level and "not met" in level and "by the coach" in level
    mine = ada.get(f"/stories/{story_id}").text
    reading = mine.split('id="readings"')[1].split("</section>")[0]
    assert "coach's reading" in reading and "cora@example.org" in reading
    assert "Say who set the two weeks" in reading and "The machine's reading" in reading
    assert f"/api/v1/stories/{story_id}/overrides/{override['id']}/replies" in reading
    assert f"/api/v1/stories/{story_id}/comments/{comment['id']}/replies" in mine
    ada.post(
        f"/api/v1/stories/{story_id}/overrides/{override['id']}/replies",
        json={"body": "The CFO did."},
    )
    cora.post(
        f"/api/v1/stories/{ref}/comments/{comment['id']}/replies", json={"body": "And after?"}
    )
    review = cora.get(f"/review/{owner}/{story_id}").text
    assert "The CFO did." in review and "you replied" in review
    assert "And after?" in ada.get(f"/stories/{story_id}").text


def test_pieces_cut_a_text_at_every_comment_and_join_back() -> None:
    text = "I paused the rollout and wrote to finance."
    spans = [Span(2, 8, 1), Span(9, 20, 2), Span(2, 20, 3), Span(0, 999, 4)]
    cut = pieces(text, spans)
    assert "".join(p for p, _ in cut) == text
    assert ("paused", (1, 3)) in cut and ("the rollout", (2, 3)) in cut
    assert pieces("", []) == []


def test_around_quotes_a_span_with_its_neighbours() -> None:
    text = "x" * 100 + "the words" + "y" * 100
    before, quote, after = around(text, 100, 109)
    assert quote == "the words" and before.startswith("…") and after.endswith("…")
    assert around("short one", 0, 5) == ("", "short", " one")


def test_after_login_only_a_path_on_this_server() -> None:
    assert safe_next("/stories/x") == "/stories/x"
    for bad in (None, "", "https://elsewhere.example", "//elsewhere.example", "/\\evil"):
        assert safe_next(bad) == "/"
