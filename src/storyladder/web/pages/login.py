"""Logging in with a plain form (no JavaScript needed) and setting a new password from a
reset link.

The login form POSTs to /login, which checks the password as the API's login does
(web/api/auth.sign_in: the same rate limit, the same cookie). Against login CSRF (another
site logging the browser into an account of its choosing) the form carries a token that
must equal a cookie set with the form (a double submit: another site can neither read the
cookie nor send it, as it is SameSite=Strict), and a browser's Origin must be this server.
"""

from __future__ import annotations

import hmac
import math
import secrets
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import RedirectResponse

from storyladder.store.accounts import MAX_EMAIL
from storyladder.store.passwords import MAX_PASSWORD
from storyladder.web.api.auth import set_session_cookie, sign_in
from storyladder.web.pages.render import page
from storyladder.web.pages.session import safe_next, signed_in
from storyladder.web.security import same_origin

router = APIRouter(include_in_schema=False)
LOGIN_COOKIE = "storyladder_login"
LOGIN_FIELD = "login_token"
WRONG = "Wrong email or password (or the account is disabled). Check both and try again."
TOO_LONG = "That email or password is too long. Check both and try again."
STALE = "This login form had expired. Enter your email and password again."


def _form(
    request: Request, next_path: str, status: int = 200, error: str = "", email: str = ""
) -> Any:
    token = secrets.token_urlsafe(24)
    answer = page(
        request,
        "cohort/login.html",
        None,
        status,
        next=next_path,
        login_token=token,
        error=error,
        email=email,
    )
    answer.set_cookie(
        LOGIN_COOKIE,
        token,
        max_age=3600,
        httponly=True,
        secure=True,
        samesite="strict",
        path="/login",
    )
    return answer


def too_many(retry_after: str | None) -> str:
    minutes = max(1, math.ceil(int(retry_after or "60") / 60))
    unit = "minute" if minutes == 1 else "minutes"
    return (
        f"Too many failed logins. For your account's safety, wait {minutes} {unit} and try again."
    )


@router.get("/login")
def login_page(request: Request, next: str | None = None) -> Any:
    if signed_in(request) is not None:
        return RedirectResponse(safe_next(next), status_code=303)
    return _form(request, safe_next(next))


@router.post("/login")
async def log_in(request: Request) -> Any:
    form = await request.form()
    email, password = str(form.get("email", "")), str(form.get("password", ""))
    next_path = safe_next(str(form.get("next", "")))
    given, expected = str(form.get(LOGIN_FIELD, "")), request.cookies.get(LOGIN_COOKIE, "")
    if not same_origin(request) or not expected or not hmac.compare_digest(given, expected):
        return _form(request, next_path, 403, STALE, email)
    if not email.strip() or not password:
        return _form(request, next_path, 400, "Enter your email and your password.", email)
    if len(email) > MAX_EMAIL or len(password) > MAX_PASSWORD:
        return _form(request, next_path, 400, TOO_LONG, email[:MAX_EMAIL])
    try:
        session = await sign_in(request, email, password)
    except HTTPException as refused:
        status = refused.status_code
        said = too_many((refused.headers or {}).get("Retry-After")) if status == 429 else WRONG
        return _form(request, next_path, status, said, email)
    answer = RedirectResponse(next_path, status_code=303)
    set_session_cookie(answer, session)
    answer.delete_cookie(LOGIN_COOKIE, path="/login", secure=True, httponly=True, samesite="strict")
    return answer


@router.get("/password-reset")
def password_reset_page(request: Request) -> Any:
    """Choose a new password with the link `storyladder users reset` printed. The token is
    after '#' in the link, so it never reaches the server (nor its logs) with this page:
    the page's script reads it from location.hash and POSTs it to /api/v1/password-reset
    (a link from before, with ?token=, still works: the script reads that too)."""
    return page(request, "cohort/password_reset.html", signed_in(request))
