"""One place that turns errors into pages a person can read."""

from __future__ import annotations

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from storyladder.errors import Conflict, StoryladderError, StoryNotFound
from storyladder.web.security import TOO_LARGE


class CsrfError(Exception):
    """A state-changing request without this page's token: likely from another site."""


def render_error(request: Request, status: int, title: str, message: str) -> HTMLResponse:
    templates = request.app.state.templates
    return templates.TemplateResponse(
        request, "error.html", {"title": title, "message": message}, status_code=status
    )


async def on_storyladder_error(request: Request, exc: Exception) -> HTMLResponse:
    if isinstance(exc, StoryNotFound):
        return render_error(request, 404, "Not found", str(exc))
    if isinstance(exc, Conflict):
        return render_error(request, 409, "Changed elsewhere", str(exc))
    assert isinstance(exc, StoryladderError)
    return render_error(request, 400, "That did not work", str(exc))


async def on_invalid_request(request: Request, exc: Exception) -> HTMLResponse:
    """A form field that is missing or of the wrong kind: a 400 page naming it."""
    assert isinstance(exc, RequestValidationError)
    fields = sorted({str(e["loc"][-1]) for e in exc.errors() if e.get("loc")})
    named = ", ".join(fields) or "the request"
    return render_error(
        request, 400, "That did not work", f"Check {named}: it is missing or not valid."
    )


async def on_http_error(request: Request, exc: Exception) -> HTMLResponse:
    """Starlette's own refusals (an unknown page, a wrong method, a form it cannot read)
    as pages; a body cut off for being too large is a 413, whatever the parser said."""
    assert isinstance(exc, StarletteHTTPException)
    if request.scope.get(TOO_LARGE):
        return render_error(request, 413, "Too large", "Requests are limited to 25 MB.")
    titles = {404: "Not found", 405: "Not allowed"}
    title = titles.get(exc.status_code, "That did not work")
    return render_error(request, exc.status_code, title, str(exc.detail))


async def on_csrf_error(request: Request, _exc: Exception) -> HTMLResponse:
    return render_error(
        request,
        403,
        "Refused",
        "This request did not come from a storyladder page (its security token is missing "
        "or wrong). Reload the page and try again.",
    )
