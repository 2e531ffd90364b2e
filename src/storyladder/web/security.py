"""Safety even on localhost: Host check (DNS rebinding), CSRF token, security headers,
and a cap on request size. Plain ASGI middleware, so every route is covered."""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import Request
from starlette.responses import HTMLResponse

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "media-src 'self' blob:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; "
    "base-uri 'none'; object-src 'none'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),  # our own pages name themselves; nobody else's see it
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
TOO_LARGE = "storyladder.too_large"  # set in the request scope when the body passed the cap
log = logging.getLogger("storyladder.web")


def _page(status: int, title: str, message: str) -> HTMLResponse:
    body = (
        f"<!doctype html><html lang=en><meta charset=utf-8><title>{title}</title>"
        f"<h1>{title}</h1><p>{message}</p></html>"
    )
    return HTMLResponse(body, status_code=status)


class Guard:
    """Host check, size cap and security headers around the whole app."""

    def __init__(self, app: ASGIApp, allowed_hosts: set[str], max_body: int):
        self.app, self.allowed_hosts, self.max_body = app, allowed_hosts, max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode().lower(): v.decode() for k, v in scope.get("headers", [])}
        host = headers.get("host", "")
        if host not in self.allowed_hosts:
            allowed = ", ".join(sorted(self.allowed_hosts))
            response = _page(400, "Unknown host", f"This server answers only to {allowed}.")
            await response(scope, receive, self._with_headers(send))
            return
        length = headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > self.max_body:
            limit = self.max_body // 1_000_000
            response = _page(413, "Too large", f"Requests are limited to {limit} MB.")
            await response(scope, receive, self._with_headers(send))
            return
        started = False
        headed = self._with_headers(send)

        async def sending(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await headed(message)

        try:
            await self.app(scope, self._capped(scope, receive), sending)
        except Exception:
            # A bug must still answer with a page that carries the security headers (the
            # server's own 500 is sent outside this middleware, without them).
            log.exception("error while answering %s %s", scope.get("method"), scope.get("path"))
            if started:
                raise
            if scope.get(TOO_LARGE):
                limit = self.max_body // 1_000_000
                response = _page(413, "Too large", f"Requests are limited to {limit} MB.")
            else:
                response = _page(
                    500,
                    "Something went wrong",
                    "Nothing you typed was saved by this request. Go back, copy your text, "
                    "and try again; the details are in the server's log.",
                )
            await response(scope, receive, headed)

    def _capped(self, scope: Scope, receive: Receive) -> Receive:
        seen = 0

        async def capped() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_body:
                scope[TOO_LARGE] = True
                raise ValueError("request body over the limit")
            return message

        return capped

    def _with_headers(self, send: Send) -> Send:
        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + HEADERS
            await send(message)

        return sending


SECRET_FILE = "web-secret"


def csrf_token_for(home: Path) -> str:
    """The page token, derived from a secret kept in the home folder (made once, 0600): every
    worker process of one server, and every restart, hands out and accepts the same token,
    so nothing about it lives in one process's memory."""
    path = home / SECRET_FILE
    home.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        secret = path.read_text(encoding="ascii").strip()
    else:
        secret = secrets.token_hex(32)
        with os.fdopen(fd, "w", encoding="ascii") as out:
            out.write(secret)
    if len(secret) < 32:  # read while another process was still writing it: read once more
        secret = path.read_text(encoding="ascii").strip()
    return hmac.new(secret.encode(), b"storyladder page token", hashlib.sha256).hexdigest()


def same_origin(request: Request) -> bool:
    """Beside the token: a browser names the page a request came from (Origin, else
    Referer); when it does, that page must be one of ours."""
    origin = request.headers.get("origin")
    source = origin if origin and origin != "null" else request.headers.get("referer")
    if not source:
        return True  # the browser named no page (a privacy setting): the token decides
    host = urlsplit(source).netloc.lower()
    return host in request.app.state.allowed_hosts


async def check_csrf(request: Request) -> None:
    """Every state-changing request must carry the page's token (header or form field)."""
    if request.method in SAFE_METHODS:
        return
    if not same_origin(request):
        from storyladder.web.errors import CsrfError

        raise CsrfError()
    expected: str = request.app.state.csrf_token
    given = request.headers.get(CSRF_HEADER)
    if given is None:
        content_type = request.headers.get("content-type", "")
        if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
            form = await request.form()
            value = form.get(CSRF_FIELD)
            given = value if isinstance(value, str) else None
    if not given or not hmac.compare_digest(given, expected):
        from storyladder.web.errors import CsrfError

        raise CsrfError()
