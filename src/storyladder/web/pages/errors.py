"""Errors as pages a person can read, on every path but /api/ (which keeps its JSON)."""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exception_handlers import (
    http_exception_handler,
    request_validation_exception_handler,
)
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from storyladder.errors import Conflict, StoryladderError, StoryNotFound
from storyladder.web.pages.render import page
from storyladder.web.pages.session import LoginNeeded, login_url, signed_in

Handler = Callable[[Request, Any], Response | Awaitable[Response]]
NOT_FOUND = (
    "There is no story at this address that you may read: it does not exist, or it is "
    "someone else's and not shared with you."
)
TITLES = {401: "Please log in", 403: "Not for you", 404: "Not found", 405: "Not allowed"}


def _api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def error_page(request: Request, status: int, title: str, message: str) -> Any:
    return page(
        request, "cohort/error.html", signed_in(request), status, title=title, message=message
    )


def install(app: FastAPI) -> None:
    """Put the page handlers in front of the API's: an /api/ path gets the API's answer."""
    api_errors: Handler = app.exception_handlers[StoryladderError]

    async def on_store_error(request: Request, exc: Any) -> Any:
        if _api(request):
            answer = api_errors(request, exc)
            return await answer if inspect.isawaitable(answer) else answer
        if isinstance(exc, StoryNotFound):
            return error_page(request, 404, "Not found", NOT_FOUND)
        if isinstance(exc, Conflict):
            return error_page(request, 409, "Changed elsewhere", str(exc))
        return error_page(request, 400, "That did not work", str(exc))

    async def on_invalid(request: Request, exc: Any) -> Any:
        if _api(request):
            return await request_validation_exception_handler(request, exc)
        fields = sorted({str(e["loc"][-1]) for e in exc.errors() if e.get("loc")})
        named = ", ".join(fields) or "the address"
        return error_page(
            request, 400, "That did not work", f"Check {named}: it is missing or not valid."
        )

    async def on_http_error(request: Request, exc: Any) -> Any:
        if _api(request):
            return await http_exception_handler(request, exc)
        if exc.status_code == 401:
            return RedirectResponse(login_url(request.url.path), status_code=303)
        title = TITLES.get(exc.status_code, "That did not work")
        return error_page(request, exc.status_code, title, str(exc.detail))

    async def on_login_needed(_request: Request, exc: Any) -> Any:
        return RedirectResponse(login_url(exc.path), status_code=303)

    app.add_exception_handler(StoryladderError, on_store_error)
    app.add_exception_handler(RequestValidationError, on_invalid)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(LoginNeeded, on_login_needed)
