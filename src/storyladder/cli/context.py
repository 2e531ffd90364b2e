"""What every command shares: where the data lives, and the repository (opened on first use)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from storyladder.store import location

if TYPE_CHECKING:
    from storyladder.store.repository import Repository


@dataclass
class AppState:
    home: Path
    db: str | None = None
    _repo: Repository | None = field(default=None, repr=False)

    @property
    def database_url(self) -> str:
        return location.database_url(self.home, self.db)

    def repo(self) -> Repository:
        if self._repo is None:
            from storyladder.store.database import open_repository

            self._repo = open_repository(self.database_url)
        return self._repo

    def close(self) -> None:
        if self._repo is not None:
            self._repo.close()
            self._repo = None


def state(ctx: typer.Context) -> AppState:
    root = ctx.find_root()
    if not isinstance(root.obj, AppState):
        root.obj = AppState(home=location.home())
    return root.obj
