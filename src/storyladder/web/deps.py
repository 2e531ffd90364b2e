"""What every route needs: the repository, the templates, the page context."""

from __future__ import annotations

from typing import Any

from fastapi import Request

from storyladder.errors import StoryladderError
from storyladder.llm.config import SETTING, ModelConfig, effective, privacy_line, provider_for
from storyladder.plan.choices import chosen_company
from storyladder.store.repository import Repository


def repo(request: Request) -> Repository:
    r: Repository = request.app.state.repo
    return r


def model_config(request: Request) -> ModelConfig:
    return effective(repo(request).get_setting(SETTING))


def privacy(request: Request) -> dict[str, Any]:
    """What the header says about where stories go (remote = they leave this machine)."""
    config = model_config(request)
    try:
        provider = provider_for(config)
    except StoryladderError as err:
        return {"remote": False, "text": f"model not usable ({err}); working offline"}
    return {"remote": bool(provider and provider.remote), "text": privacy_line(config)}


def page(request: Request, name: str, status: int = 200, **context: Any) -> Any:
    """Render a full page or fragment with the CSRF token and the chosen company in context."""
    templates = request.app.state.templates
    if "company" not in context:  # (setdefault would ask the database even when it is given)
        context["company"] = chosen_company(repo(request))
    if "privacy" not in context:
        context["privacy"] = privacy(request)
    context["csrf_token"] = request.app.state.csrf_token
    return templates.TemplateResponse(request, name, context, status_code=status)
