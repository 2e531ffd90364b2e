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
