"""One place that turns errors into pages a person can read."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse

from storyladder.errors import Conflict, StoryladderError, StoryNotFound


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


async def on_csrf_error(request: Request, _exc: Exception) -> HTMLResponse:
    return render_error(
        request,
        403,
        "Refused",
        "This request did not come from a storyladder page (its security token is missing "
        "or wrong). Reload the page and try again.",
    )
