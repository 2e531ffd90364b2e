"""Where a user's data lives: one home folder, and the database URL inside it."""

from __future__ import annotations

import os
from pathlib import Path

HOME_ENV = "STORYLADDER_HOME"
DATABASE_ENV = "STORYLADDER_DATABASE_URL"
DB_FILE = "storyladder.db"


def home(override: str | Path | None = None) -> Path:
    """`override`, else $STORYLADDER_HOME, else the platform's user data folder."""
    if override:
        return Path(override).expanduser()
    if os.environ.get(HOME_ENV):
        return Path(os.environ[HOME_ENV]).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("storyladder", appauthor=False))


def database_url(home_dir: Path, override: str | None = None) -> str:
    """`override`, else $STORYLADDER_DATABASE_URL, else the SQLite file in the home folder."""
    url = override or os.environ.get(DATABASE_ENV)
    if url:
        return url
    return f"sqlite:///{home_dir / DB_FILE}"
