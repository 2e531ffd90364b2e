"""Every test gets its own empty home; store tests run on SQLite and on a real PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from storyladder.store.database import open_repository
from storyladder.store.repository import Repository

PG_ENV = "STORYLADDER_TEST_PG_URL"
SAMPLE_BANK = Path(__file__).parent.parent / "src" / "storyladder" / "content" / "sample_bank"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("STORYLADDER_HOME", str(home))
    monkeypatch.delenv("STORYLADDER_DATABASE_URL", raising=False)
    monkeypatch.setenv("EDITOR", "false")
    return home


def _postgres_url() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        if os.environ.get("STORYLADDER_REQUIRE_PG"):
            pytest.fail(f"{PG_ENV} is not set but PostgreSQL tests are required")
        pytest.skip(f"{PG_ENV} not set (make test starts a throwaway server)")
    return url


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    admin_url = _postgres_url()
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'bank.db'}"
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def repo(db_url: str) -> Iterator[Repository]:
    repository = open_repository(db_url)
    yield repository
    repository.close()


@pytest.fixture
def client(tmp_path: Path) -> Iterator[Any]:
    """The web app in process on a SQLite bank holding the sample stories."""
    from fastapi.testclient import TestClient

    from storyladder.formats import bank as bank_files
    from storyladder.web.app import create_app, hosts_for

    url = f"sqlite:///{tmp_path / 'bank.db'}"
    open_repository(url).import_stories(bank_files.read(SAMPLE_BANK))
    app = create_app(tmp_path, url, hosts_for("127.0.0.1", 8765))
    with TestClient(app, base_url="http://127.0.0.1:8765", follow_redirects=False) as c:
        yield c


@pytest.fixture
def multi_user_db(postgres_url: str) -> Iterator[tuple[str, str]]:
    """A PostgreSQL database for the multi-user server: (the owner's URL, the app's URL).
    The owner (no superuser) runs the migrations and owns the tables; the app's role owns
    nothing and was granted what it needs. Both roles are dropped afterwards."""
    from storyladder.store import isolation

    tag = uuid.uuid4().hex[:8]
    owner, app_role = f"own_{tag}", f"app_{tag}"
    database = make_url(postgres_url).database
    admin = create_engine(_postgres_url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE ROLE {owner} LOGIN PASSWORD 'owner-pass'"))
        conn.execute(text(f"CREATE ROLE {app_role} LOGIN PASSWORD 'app-pass'"))
        conn.execute(text(f'ALTER DATABASE "{database}" OWNER TO {owner}'))
    as_owner = make_url(postgres_url).set(username=owner, password="owner-pass")
    as_app = make_url(postgres_url).set(username=app_role, password="app-pass")
    owner_url = as_owner.render_as_string(hide_password=False)
    repo = open_repository(owner_url)
    isolation.grant(repo.engine, app_role)
    repo.close()
    try:
        yield owner_url, as_app.render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
            conn.execute(text(f"DROP ROLE IF EXISTS {app_role}"))
            conn.execute(text(f"DROP ROLE IF EXISTS {owner}"))
        admin.dispose()
