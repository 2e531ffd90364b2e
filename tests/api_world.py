"""The multi-user server in process on a real PostgreSQL, with five people: what the API
tests drive through HTTP. Use `server` as a fixture (import it into the test module)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient

from storyladder.store import accounts
from storyladder.store.database import make_engine
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


@pytest.fixture
def server(multi_user_db: tuple[str, str]) -> Iterator[Server]:
    owner_url, app_url = multi_user_db
    owner = make_engine(owner_url)
    ids = {
        name: accounts.add_user(owner, f"{name}@example.org", role, PASSWORD, cohort, org).id
        for name, (role, cohort, org) in PEOPLE.items()
    }
    owner.dispose()
    app = create_server_app(app_url, {"cohort.example"})
    yield Server(app, ids, owner_url)
    app.state.engine.dispose()
