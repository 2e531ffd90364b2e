"""Who is asking: login and logout, the session cookie, the CSRF header, and the
dependency every route but health and login hangs on (401 without a live session)."""

from __future__ import annotations

import hmac
import math
from typing import Annotated, Any

from anyio import CapacityLimiter, to_thread
from fastapi import APIRouter, Depends, HTTPException, Request, Response
from pydantic import BaseModel, Field

from storyladder.errors import InputError
from storyladder.store import accounts
from storyladder.store.accounts import MAX_EMAIL, LoginSession
from storyladder.store.passwords import MAX_PASSWORD
from storyladder.store.repository import Repository
from storyladder.web.security import CSRF_HEADER, SAFE_METHODS, same_origin

COOKIE = "storyladder_session"
LOGIN_SLOTS = 2  # password checks at once per worker (argon2: ~0.2 s of CPU and 64 MiB each)


class Credentials(BaseModel):
    email: str = Field(max_length=MAX_EMAIL)
    password: str = Field(max_length=MAX_PASSWORD)


class SignedIn(BaseModel):
    csrf_token: str
    email: str
    role: str
    expires_at: str


def _unauthorized(message: str = "log in first: POST /api/v1/login") -> HTTPException:
    return HTTPException(401, message, headers={"WWW-Authenticate": "Cookie"})


def current_session(request: Request) -> LoginSession:
    """The live session of the request's cookie, and for a state-changing request its
    CSRF token in the X-CSRF-Token header (and no foreign Origin); 401 or 403 otherwise."""
    token = request.cookies.get(COOKIE)
    found = accounts.session(request.app.state.engine, token) if token else None
    if found is None:
        raise _unauthorized()
    if request.method not in SAFE_METHODS:
        given = request.headers.get(CSRF_HEADER, "")
        if not same_origin(request) or not hmac.compare_digest(given, found.csrf_token):
            raise HTTPException(403, "missing or wrong X-CSRF-Token (the one login gave you)")
    return found


Session = Annotated[LoginSession, Depends(current_session)]


def user_repo(request: Request, session: Session) -> Repository:
    """The repository as the signed-in user: their rows, and the database told who asks
    (the API's and the pages' one way to it)."""
    base: Repository = request.app.state.repo
    return base.as_user(session.account.id, session.account.organisation_id)


UserRepo = Annotated[Repository, Depends(user_repo)]

public = APIRouter(prefix="/api/v1", tags=["session"])


@public.get("/health")
def health() -> dict[str, str]:
    """Is the server up (no session needed)."""
    return {"status": "ok"}


def _login_slots(request: Request) -> CapacityLimiter:
    """Logins wait for one of LOGIN_SLOTS threads of their own, so a burst of them never
    fills the pool that every other request runs in."""
    if not hasattr(request.app.state, "login_slots"):
        request.app.state.login_slots = CapacityLimiter(LOGIN_SLOTS)
    slots: CapacityLimiter = request.app.state.login_slots
    return slots


async def sign_in(request: Request, email: str, password: str) -> LoginSession:
    """Check a password (rate-limited, in the login threads): the new session, or a 429
    (with Retry-After) or a 401. The API's login and the login page both use it.

    The attempt is counted against the email before the password is checked, in the same
    locked step as the limit is (so concurrent guesses at one account cannot all slip under
    it), and taken back only when the password is right. The address's limit counts only
    failures, so many people logging in at once behind one address (a campus, an office)
    are not held up by each other. On success the session of the cookie the request came
    with (if any) ends."""
    throttle = request.app.state.throttle
    address = f"ip:{request.client.host if request.client else '?'}"
    key = f"email:{email.strip().lower()}"
    wait, stamp = throttle.attempt(key, checked=(address,))
    if wait > 0:
        raise HTTPException(
            429,
            "too many failed logins; wait and try again",
            headers={"Retry-After": str(math.ceil(wait))},
        )
    signed_in = await to_thread.run_sync(
        accounts.login,
        request.app.state.engine,
        email,
        password,
        limiter=_login_slots(request),
    )
    if signed_in is None:
        throttle.failed(address)
        raise _unauthorized("wrong email or password (or the account is disabled)")
    throttle.succeeded(stamp, forget=key)
    earlier = request.cookies.get(COOKIE)
    if earlier:  # the session this browser had ends: its cookie is replaced, not left alive
        await to_thread.run_sync(accounts.logout, request.app.state.engine, earlier)
    return signed_in


def set_session_cookie(response: Response, signed_in: LoginSession) -> None:
    response.set_cookie(
        COOKIE,
        signed_in.token,
        max_age=int(accounts.SESSION_LIFETIME.total_seconds()),
        httponly=True,
        secure=True,
        samesite="strict",
        path="/",
    )


@public.post("/login", responses={401: {}, 429: {}})
async def login(credentials: Credentials, request: Request, response: Response) -> SignedIn:
    """Log in: sets the session cookie (HttpOnly, Secure, SameSite=Strict) and answers the
    CSRF token to send as X-CSRF-Token on every state-changing call."""
    signed_in = await sign_in(request, credentials.email, credentials.password)
    set_session_cookie(response, signed_in)
    return SignedIn(
        csrf_token=signed_in.csrf_token,
        email=signed_in.account.email,
        role=signed_in.account.role,
        expires_at=signed_in.expires_at.isoformat(),
    )


class PasswordReset(BaseModel):
    token: str = Field(max_length=128)  # from the link `storyladder users reset EMAIL` printed
    password: str = Field(max_length=MAX_PASSWORD)


@public.post("/password-reset", responses={400: {}, 429: {}})
async def password_reset(reset: PasswordReset, request: Request) -> dict[str, Any]:
    """Set a new password with a one-time reset link's token (no session needed): the token
    is used up and every session of the account ends; log in again with the new password.
    A used, expired or unknown token is a 400 that does not say which. Rate-limited per
    address as logins are (a 429 with Retry-After), and hashed in the login threads."""
    from storyladder.store import password_reset as resets

    throttle = request.app.state.throttle
    address = f"reset-ip:{request.client.host if request.client else '?'}"
    wait, stamp = throttle.attempt(address)
    if wait > 0:
        raise HTTPException(
            429,
            "too many failed password resets; wait and try again",
            headers={"Retry-After": str(math.ceil(wait))},
        )
    try:
        email = await to_thread.run_sync(
            resets.reset,
            request.app.state.engine,
            reset.token,
            reset.password,
            limiter=_login_slots(request),
        )
    except InputError as refused:
        if str(refused) != resets.INVALID:  # (a too-short password spends no token)
            throttle.succeeded(stamp, address)
        raise
    throttle.succeeded(stamp, address)
    return {"reset": True, "email": email}


private = APIRouter(prefix="/api/v1", tags=["session"])


@private.post("/logout")
def logout(request: Request, response: Response, session: Session) -> dict[str, Any]:
    """End this session (the cookie stops working at once, on every worker)."""
    accounts.logout(request.app.state.engine, session.token)
    response.delete_cookie(COOKIE, path="/", secure=True, httponly=True, samesite="strict")
    return {"logged_out": True}


@private.get("/me")
def me(session: Session) -> dict[str, Any]:
    """Who is logged in."""
    account = session.account
    return {"id": account.id, "email": account.email, "role": account.role}
