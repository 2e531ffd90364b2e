"""What every route needs: the repository, the templates, the page context."""

from __future__ import annotations

from typing import Any

from fastapi import Request

from storyladder.store.repository import Repository


def repo(request: Request) -> Repository:
    r: Repository = request.app.state.repo
    return r


def page(request: Request, name: str, status: int = 200, **context: Any) -> Any:
    """Render a full page or fragment with the CSRF token and the company in context."""
    templates = request.app.state.templates
    context.setdefault("company", request.query_params.get("company", "generic"))
    context["csrf_token"] = request.app.state.csrf_token
    return templates.TemplateResponse(request, name, context, status_code=status)
