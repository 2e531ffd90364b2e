"""Rendering a page of the multi-user server: the shared layout, the user's CSRF token."""

from __future__ import annotations

from typing import Any

from fastapi import Request

from storyladder.store.accounts import LoginSession

PRIVACY = {
    "candidate": "private by default: only you see your stories until you share one",
    "coach": "you see only what candidates of your cohorts chose to share with you",
    "admin": "private by default: only you see your stories until you share one",
}
SIGNED_OUT = "private by default: each person sees only their own stories"


def page(
    request: Request,
    name: str,
    session: LoginSession | None,
    status: int = 200,
    **context: Any,
) -> Any:
    account = session.account if session else None
    context |= {
        "me": account,
        "csrf_token": session.csrf_token if session else "",
        "privacy": {
            "remote": False,
            "text": PRIVACY.get(account.role, "") if account else SIGNED_OUT,
        },
    }
    templates = request.app.state.templates
    return templates.TemplateResponse(request, name, context, status_code=status)
