"""Regressions of the security review of the multi-user server (2026-11-30) in its pages,
without a browser, on a real PostgreSQL."""

from __future__ import annotations

import pytest

from storyladder.store.passwords import MAX_PASSWORD
from tests.test_multi_user_pages import PASSWORD, _client, _login_form, app

pytestmark = pytest.mark.postgres
__all__ = ["app"]  # the fixture


def test_the_login_form_refuses_overlong_fields_before_checking(app: object) -> None:
    client = _client(app)
    for email, password in (
        ("a@" + "." * 40_000 + "@", PASSWORD),
        ("ada@example.org", "x" * (MAX_PASSWORD + 1)),
    ):
        form = {"email": email, "password": password, "login_token": _login_form(client)}
        refused = client.post("/login", data=form)
        assert refused.status_code == 400 and "too long" in refused.text
        assert "." * 300 not in refused.text  # (not shown back whole)
    form = {"email": "ada@example.org", "password": PASSWORD, "login_token": _login_form(client)}
    assert client.post("/login", data=form).status_code == 303


# -- 4. the coach's review page shows what it can, whatever else the story carries -----

STORY = {
    "title": "The migration we rolled back",
    "situation": "Our billing migration corrupted rounding for 3% of invoices.",
    "action": "I rolled it back at 02:10 and wrote the fix with Ana.",
    "result": "No customer was charged wrongly.",
}


def _ids(client: object) -> int:
    return int(client.get("/api/v1/me").json()["id"])  # type: ignore[attr-defined]


def test_the_review_page_survives_a_withdrawal_and_a_new_share(app: object) -> None:
    ada, cora = _client(app, "ada"), _client(app, "cora")
    sid = ada.post("/api/v1/stories", json=STORY).json()["id"]
    ada.post(f"/api/v1/stories/{sid}/shares", headers={"If-Match": "1"})
    ref, page = f"{_ids(ada)}:{sid}", f"/review/{_ids(ada)}/{sid}"
    said = {"field": "action", "start": 0, "end": 9, "body": "Who decided?"}
    assert cora.post(f"/api/v1/stories/{ref}/comments", json=said).status_code == 201
    assert cora.get(page).status_code == 200
    ada.delete(f"/api/v1/stories/{sid}/shares")
    ada.put(f"/api/v1/stories/{sid}", json=STORY | {"result": "Better."}, headers={"If-Match": "1"})
    assert ada.post(f"/api/v1/stories/{sid}/shares", headers={"If-Match": "2"}).status_code == 201
    shown = cora.get(page)
    assert shown.status_code == 200 and "Better." in shown.text
    assert "Who decided?" not in shown.text  # on the withdrawn revision


def test_the_review_page_survives_the_owners_note_on_a_private_revision(app: object) -> None:
    ada, cora = _client(app, "ada"), _client(app, "cora")
    sid = ada.post("/api/v1/stories", json=STORY).json()["id"]
    ada.post(f"/api/v1/stories/{sid}/shares", headers={"If-Match": "1"})
    secret = STORY | {"result": "Secret draft."}
    ada.put(f"/api/v1/stories/{sid}", json=secret, headers={"If-Match": "1"})
    note = {"field": "result", "start": 0, "end": 6, "body": "note to self"}
    assert ada.post(f"/api/v1/stories/{sid}/comments", json=note).status_code == 201
    shown = cora.get(f"/review/{_ids(ada)}/{sid}")
    assert shown.status_code == 200
    assert "note to self" not in shown.text and "Secret draft" not in shown.text
    assert "note to self" in ada.get(f"/stories/{sid}").text  # the owner's page keeps it


def test_a_comment_on_a_revision_gone_meanwhile_is_left_out_not_a_404(
    app: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import UTC, datetime

    from storyladder.store import sharing

    ada, cora = _client(app, "ada"), _client(app, "cora")
    sid = ada.post("/api/v1/stories", json=STORY).json()["id"]
    ada.post(f"/api/v1/stories/{sid}/shares", headers={"If-Match": "1"})
    listed = sharing.list_comments
    gone = sharing.Comment(9, sid, 7, _ids(ada), "title", 0, 3, "The", "GONE", datetime.now(UTC))

    def with_one_unreadable(*args: object) -> list[sharing.Comment]:
        return [*listed(*args), gone]  # type: ignore[arg-type]

    monkeypatch.setattr(sharing, "list_comments", with_one_unreadable)
    shown = cora.get(f"/review/{_ids(ada)}/{sid}")
    assert shown.status_code == 200 and "GONE" not in shown.text


def test_the_story_page_shares_the_revision_it_shows(app: object) -> None:
    ada = _client(app, "ada")
    sid = ada.post("/api/v1/stories", json=STORY).json()["id"]
    page = ada.get(f"/stories/{sid}").text
    assert 'id="sharing"' in page and 'data-revision="1"' in page.split('id="sharing"')[1][:200]


def test_the_login_form_ends_the_session_the_browser_had(app: object) -> None:
    client = _client(app)
    token = _login_form(client)  # (the form, opened before; signed in, /login redirects)
    first = client.post("/api/v1/login", json={"email": "ada@example.org", "password": PASSWORD})
    earlier = client.cookies.get("storyladder_session")
    assert first.status_code == 200 and earlier
    form = {"email": "ada@example.org", "password": PASSWORD, "login_token": token}
    assert client.post("/login", data=form).status_code == 303
    assert client.cookies.get("storyladder_session") != earlier
    stale = _client(app)
    stale.cookies.set("storyladder_session", earlier, domain="cohort.example")
    assert stale.get("/api/v1/me").status_code == 401
