"""The multi-user server as `serve --multi-user` runs it: the JSON API (web/api/app.py)
with the pages, the static files and the error pages added."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from storyladder.web.api.app import create_server_app
from storyladder.web.pages import candidate, dashboard, errors, login, practice, review
from storyladder.web.security import CSRF_FIELD

WEB = Path(__file__).parent.parent


def create_multi_user_app(database_url: str, allowed_hosts: set[str]) -> FastAPI:
    app = create_server_app(database_url, allowed_hosts)  # checks the database first
    templates = Jinja2Templates(directory=str(WEB / "templates"))
    templates.env.globals["csrf_field"] = CSRF_FIELD
    app.state.templates = templates
    app.mount("/static", StaticFiles(directory=str(WEB / "static")), name="static")
    app.include_router(login.router)
    app.include_router(candidate.router)
    app.include_router(review.router)
    app.include_router(dashboard.router)
    app.include_router(practice.router)
    errors.install(app)
    return app
