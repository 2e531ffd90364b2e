"""`storyladder demo`: a separate home with the fictional sample bank, to try things safely."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from storyladder.cli import story
from storyladder.cli.context import AppState, state
from storyladder.cli.output import OutputFormat, console
from storyladder.store import location

if TYPE_CHECKING:
    from storyladder.model import Story


def sample_bank_dir() -> Path:
    return Path(str(resources.files("storyladder.content").joinpath("sample_bank")))


def demo(
    ctx: typer.Context,
    path: Annotated[
        Path | None, typer.Option(help="Demo home folder (default: HOME/demo).")
    ] = None,
    serve: Annotated[
        bool, typer.Option("--serve", help="Then serve the web app on the demo bank.")
    ] = False,
    port: Annotated[int, typer.Option(help="Port for --serve.")] = 8765,
) -> None:
    """Set up a demo home with a sample bank of fictional stories, and show it.

    Your own bank is not touched. Running it again refreshes the sample stories.

    Example: storyladder demo
    """
    from storyladder.formats import bank as bank_files

    parent = state(ctx)
    demo_home = path or parent.home / "demo"
    stories = bank_files.read(sample_bank_dir())
    # The demo always uses its own SQLite file, whatever STORYLADDER_DATABASE_URL says.
    demo_state = AppState(home=demo_home, db=f"sqlite:///{demo_home / location.DB_FILE}")
    ctx.find_root().obj = demo_state
    demo_state.repo().import_stories(stories)
    practised = _practice_history(demo_state, stories)
    console().print(
        f"Demo bank ready in {demo_home} ({len(stories)} fictional stories, "
        f"{practised} made-up practice sessions marked demo-).\n"
    )
    story.story_list(ctx, fmt=OutputFormat.text)
    console().print(
        "\nTry next (the demo home is separate from your own bank):\n"
        f"  storyladder --home {demo_home} story show {stories[0].id}\n"
        f"  storyladder --home {demo_home} story history {stories[0].id}\n"
        f"  storyladder --home {demo_home} bank export /tmp/storyladder-demo\n"
        "Start your own bank with: storyladder story add"
    )
    if serve:
        from storyladder.cli.serve import serve as run_server

        run_server(ctx, port=port)


def _practice_history(demo_state: AppState, stories: list[Story]) -> int:
    """Three weeks of made-up practice (ids beginning demo-), so Progress is not empty."""
    from datetime import UTC, datetime

    from storyladder.errors import StoryNotFound
    from storyladder.interview.demo_history import demo_sessions

    repo = demo_state.repo()
    sessions = demo_sessions(stories, datetime.now(UTC))
    for session in sessions:
        try:  # running the demo again replaces its own made-up sessions
            saved = repo.get_session(session.id)["revision"]
        except StoryNotFound:
            saved = 0
        repo.save_session(session.evolve(revision=saved).to_dict())
    return len(sessions)
