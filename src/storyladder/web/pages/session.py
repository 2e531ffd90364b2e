"""Who is looking at a page: the session cookie's user, or a redirect to the login page."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import Depends, HTTPException, Request

from storyladder.store import accounts
from storyladder.store.accounts import LoginSession
from storyladder.store.repository import Repository
from storyladder.web.api.auth import COOKIE, user_repo


class LoginNeeded(Exception):
    """No live session: the page sends the browser to /login, and back here after."""

    def __init__(self, path: str):
        super().__init__(path)
        self.path = path


def signed_in(request: Request) -> LoginSession | None:
    token = request.cookies.get(COOKIE)
    return accounts.session(request.app.state.engine, token) if token else None


def page_session(request: Request) -> LoginSession:
    found = signed_in(request)
    if found is None:
        raise LoginNeeded(request.url.path)
    return found


PageSession = Annotated[LoginSession, Depends(page_session)]


def page_repo(request: Request, session: PageSession) -> Repository:
    return user_repo(request, session)


PageRepo = Annotated[Repository, Depends(page_repo)]


def coach_only(session: PageSession) -> LoginSession:
    if session.account.role != "coach":
        raise HTTPException(403, "This page is for coaches. Your own stories are at /stories.")
    return session


CoachSession = Annotated[LoginSession, Depends(coach_only)]


def login_url(path: str) -> str:
    return "/login" if path in ("", "/") else f"/login?next={quote(path)}"


def safe_next(value: str | None) -> str:
    """Where to go after logging in: a path on this server, never another site."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return "/"
    return value
