"""The multi-user server in process on a real PostgreSQL, with five people: what the API
tests drive through HTTP. Use `server` as a fixture (import it into the test module)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from storyladder.store import accounts
from storyladder.store.database import make_engine
from storyladder.store.repository import IDENTIFY, Repository
from storyladder.web.api.app import create_server_app

PASSWORD = "correct horse battery"
BASE = "https://cohort.example"
STORY = {
    "title": "The migration we rolled back",
    "situation": "Our billing migration corrupted rounding for 3% of invoices.",
    "action": "I rolled it back at 02:10 and wrote the fix with Ana.",
    "result": "No customer was charged wrongly.",
}
PEOPLE = {
    "ada": ("candidate", "spring", "default"),
    "bo": ("candidate", "spring", "default"),
    "cora": ("coach", "spring", "default"),
    "dev": ("coach", "autumn", "default"),
    "eve": ("coach", "spring", "elsewhere"),  # a cohort of the same name, another org
}


@dataclass
class Server:
    app: Any
    ids: dict[str, int]
    owner_url: str
    orgs: dict[str, int]

    def client(self) -> TestClient:
        return TestClient(self.app, base_url=BASE, follow_redirects=False)

    def login(self, name: str, password: str = PASSWORD) -> TestClient:
        client = self.client()
        answer = client.post(
            "/api/v1/login", json={"email": f"{name}@example.org", "password": password}
        )
        assert answer.status_code == 200, answer.text
        client.headers["X-CSRF-Token"] = answer.json()["csrf_token"]
        return client

    def ref(self, owner: str, item_id: str) -> str:
        return f"{self.ids[owner]}:{item_id}"

    def repo(self, who: str) -> Repository:
        """The server's repository as `who` (what a route of theirs uses)."""
        return Repository(self.app.state.engine).as_user(self.ids[who], self.orgs[who])

    def sql(self, who: str, statement: str, **params: Any) -> list[Any]:
        """One statement by direct SQL as the app's role, with `who`'s ids set."""
        with self.app.state.engine.begin() as conn:
            conn.execute(IDENTIFY, {"user": str(self.ids[who]), "org": str(self.orgs[who])})
            result = conn.execute(text(statement), params)
            return list(result) if result.returns_rows else [result.rowcount]


@pytest.fixture
def server(multi_user_db: tuple[str, str]) -> Iterator[Server]:
    owner_url, app_url = multi_user_db
    owner = make_engine(owner_url)
    people = {
        name: accounts.add_user(owner, f"{name}@example.org", role, PASSWORD, cohort, org)
        for name, (role, cohort, org) in PEOPLE.items()
    }
    owner.dispose()
    app = create_server_app(app_url, {"cohort.example"})
    ids = {name: a.id for name, a in people.items()}
    yield Server(app, ids, owner_url, {name: a.organisation_id for name, a in people.items()})
    app.state.engine.dispose()
