"""Open a bank: make the engine, bring the schema up to date, hand back the repository.

SQLite files run in WAL mode and are copied aside (with SQLite's backup API, so
the copy is consistent) before any migration touches them.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

from storyladder.errors import ConfigError
from storyladder.store.repository import Repository

MIGRATIONS = Path(__file__).parent / "migrations"


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _private_file(path: Path) -> None:
    """Stories are private: a new folder for the bank is 0700 and the database file 0600,
    whatever the umask (SQLite gives its -wal and -shm files the database's mode)."""
    if not path.parent.exists():
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not path.exists():
        path.touch(mode=0o600)
    path.chmod(0o600)


def make_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError as err:
        raise ConfigError(f"not a database URL: {url!r} ({err})") from None
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            _private_file(Path(parsed.database).expanduser())
        engine = create_engine(parsed)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    try:
        return create_engine(parsed, pool_pre_ping=True)
    except (NoSuchModuleError, ModuleNotFoundError) as err:
        raise ConfigError(
            f"cannot use {parsed.drivername}: {err}. For PostgreSQL install 'storyladder[postgres]'"
        ) from None


def _alembic_config(connection: Any) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config(None)).get_current_head()


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _backup_sqlite(path: Path, revision: str | None) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.before-{revision or 'empty'}-{stamp}.bak")
    with sqlite3.connect(path) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target


def migrate(engine: Engine) -> Path | None:
    """Upgrade the schema to the newest revision; return the backup made, if any."""
    from alembic import command

    head = head_revision()
    current = current_revision(engine)
    if current == head:
        return None
    backup = None
    database = engine.url.database
    if engine.url.get_backend_name() == "sqlite" and current is not None and database:
        backup = _backup_sqlite(Path(database), current)
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "head")
    return backup


def open_repository(url: str) -> Repository:
    """The repository for a database URL, schema brought up to date."""
    engine = make_engine(url)
    try:
        migrate(engine)
    except OperationalError as err:
        engine.dispose()
        raise ConfigError(f"cannot open the database {engine.url!r}: {err.orig}") from None
    return Repository(engine)
