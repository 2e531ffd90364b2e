"""Ids as the user types them: any unique beginning of a story or session id names it (an
ambiguous one lists the ids it begins), and the shell completes story ids."""

from __future__ import annotations

from typing import Annotated

import typer

from storyladder.cli.context import state
from storyladder.store import location


def resolve_story(ctx: typer.Context, value: str | None) -> str | None:
    if value is None or ctx.resilient_parsing:
        return value
    return state(ctx).repo().resolve(value)


def _resolve_any(ctx: typer.Context, value: str | None) -> str | None:
    """The same, removed stories included (to restore one)."""
    if value is None or ctx.resilient_parsing:
        return value
    return state(ctx).repo().resolve(value, include_deleted=True)


def complete(ctx: typer.Context, incomplete: str) -> list[str]:
    """Ids for the shell's completion, from the bank the command line names (--home, --db)."""
    from storyladder.store.database import open_repository

    root = ctx.find_root().params
    home = location.home(root.get("home"))
    try:
        repo = open_repository(location.database_url(home, root.get("db")))
    except Exception:  # noqa: BLE001 (completion must never break the shell)
        return []
    try:
        return repo.story_ids(incomplete)
    finally:
        repo.close()


HELP = "A story id, or any unique beginning of one."
StoryId = Annotated[
    str, typer.Argument(help=HELP, metavar="STORY", callback=resolve_story, autocompletion=complete)
]
RemovedStoryId = Annotated[
    str,
    typer.Argument(help=HELP, metavar="STORY", callback=_resolve_any, autocompletion=complete),
]


def _resolve_session(ctx: typer.Context, value: str | None) -> str | None:
    if value is None or ctx.resilient_parsing:
        return value
    return state(ctx).repo().resolve_session(value)


SessionId = Annotated[
    str,
    typer.Argument(
        help="A session id, or any unique beginning of one.",
        metavar="SESSION",
        callback=_resolve_session,
    ),
]
