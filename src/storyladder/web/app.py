"""The web app: the same store and coach as the CLI, in one process or several workers.

    create_app(home, database_url, allowed_hosts) -> FastAPI
    from_environment() -> FastAPI      for `serve --workers N` (each worker builds its app)

Built in a factory (no import-time globals), so tests pass their own home and
database, and `storyladder --help` never imports FastAPI.
"""

from __future__ import annotations

import json
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from storyladder.errors import StoryladderError
from storyladder.store.database import open_repository
from storyladder.web import coach_pool, errors, security
from storyladder.web.routes import bank, debrief, practice, prepare, stories

HERE = Path(__file__).parent
MAX_BODY = 25_000_000  # room for a few minutes of recorded audio; stories are far smaller


@asynccontextmanager
async def _lifespan(_app: FastAPI) -> AsyncIterator[None]:
    yield
    coach_pool.shutdown()  # the coach's worker process ends with the server


def create_app(home: Path, database_url: str, allowed_hosts: set[str]) -> FastAPI:
    app = FastAPI(
        title="storyladder", docs_url=None, redoc_url=None, openapi_url=None, lifespan=_lifespan
    )
    app.state.home = home
    app.state.repo = open_repository(database_url)
    app.state.csrf_token = security.csrf_token_for(home)
    app.state.allowed_hosts = allowed_hosts
    app.state.dashboards = {}  # rendered dashboards by (company, the bank's stamp)
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals["csrf_field"] = security.CSRF_FIELD
    app.state.templates = templates
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(bank.router)
    app.include_router(stories.router)
    app.include_router(practice.router)
    app.include_router(prepare.router)
    app.include_router(debrief.router)
    app.add_exception_handler(StoryladderError, errors.on_storyladder_error)
    app.add_exception_handler(errors.CsrfError, errors.on_csrf_error)
    app.add_exception_handler(RequestValidationError, errors.on_invalid_request)
    app.add_exception_handler(StarletteHTTPException, errors.on_http_error)
    app.add_middleware(security.Guard, allowed_hosts=allowed_hosts, max_body=MAX_BODY)
    return app


def hosts_for(host: str, port: int) -> set[str]:
    """The Host headers this server answers to: the address it is bound to, by name too."""
    names = {host, "localhost", "127.0.0.1"} if host in ("127.0.0.1", "localhost") else {host}
    return {f"{name}:{port}" for name in names} | names


WORKER_CONFIG = "STORYLADDER_SERVE"  # what `serve --workers` hands each worker: JSON


def from_environment() -> FastAPI:
    """The app a worker process builds, from the settings `serve` put in its environment."""
    config = json.loads(os.environ[WORKER_CONFIG])
    if config.get("multi_user"):
        from storyladder.web.pages.app import create_multi_user_app

        return create_multi_user_app(config["database_url"], set(config["hosts"]))
    return create_app(Path(config["home"]), config["database_url"], set(config["hosts"]))
