"""The multi-user server's pages without a browser, on a real PostgreSQL: who is sent to
the login page, errors as readable pages (and the API's answers left as JSON), what a
candidate and a coach see; and the pure helpers behind the anchored comments."""

from __future__ import annotations

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
    assert login.status_code == 200 and 'data-next="/"' in login.text
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
    ada.post(f"/api/v1/stories/{story_id}/shares")
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
