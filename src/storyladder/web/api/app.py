"""The multi-user server: the JSON API under /api/v1 on PostgreSQL, documented by the
generated /openapi.json. Built in a factory like the single-user app (web/app.py), which
it leaves untouched; it refuses to start unless the database isolates users by itself
(store/isolation.check_server)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from storyladder.errors import (
    Conflict,
    SessionConflict,
    StoryExists,
    StoryInvalid,
    StoryladderError,
    StoryNotFound,
)
from storyladder.interview.practice import turn_summary
from storyladder.interview.session import Session
from storyladder.store import isolation
from storyladder.store.database import make_engine
from storyladder.store.repository import Repository
from storyladder.web import security
from storyladder.web.api import auth, cohort, dashboard, review, sessions, stories
from storyladder.web.api.throttle import Throttle

MAX_BODY = 1_000_000  # a story is far smaller


def create_server_app(database_url: str, allowed_hosts: set[str]) -> FastAPI:
    engine = make_engine(database_url)
    try:
        isolation.check_server(engine)
    except StoryladderError:
        engine.dispose()
        raise
    app = FastAPI(
        title="storyladder multi-user API",
        version="1",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.engine = engine
    app.state.repo = Repository(engine)
    app.state.throttle = Throttle()
    app.state.allowed_hosts = allowed_hosts
    app.include_router(auth.public)
    app.include_router(auth.private)
    app.include_router(stories.router)
    app.include_router(review.router)
    app.include_router(sessions.router)
    app.include_router(cohort.router)
    app.include_router(dashboard.router)
    app.add_exception_handler(StoryladderError, _on_error)
    app.add_middleware(security.Guard, allowed_hosts=allowed_hosts, max_body=MAX_BODY)
    return app


async def _on_error(_request: Request, exc: Exception) -> JSONResponse:
    """The store's errors as JSON: not found 404, taken or stale 409, invalid 422."""
    body: dict[str, Any] = {"detail": str(exc)}
    status = 400
    if isinstance(exc, StoryNotFound):
        status = 404
    elif isinstance(exc, SessionConflict):  # the session as it is now, and the turn back
        status = 409
        now = turn_summary(Session.from_dict(exc.theirs)) | {"id": exc.session_id}
        body |= {"current": exc.current, "theirs": now, "yours": exc.yours}
    elif isinstance(exc, Conflict):
        status = 409
        body |= {"current": exc.current, "theirs": exc.theirs.to_dict()}
    elif isinstance(exc, StoryExists):
        status = 409
    elif isinstance(exc, StoryInvalid):
        status = 422
        body["problems"] = [str(p) for p in exc.problems]
    return JSONResponse(body, status_code=status)
