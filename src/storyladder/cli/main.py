"""The `storyladder` command: global options, error handling, and the command groups."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.text import Text
from typer.core import TyperGroup

from storyladder import __version__
from storyladder.cli import (
    bank,
    config,
    critique,
    debrief,
    demo,
    match,
    practice,
    prepare,
    serve,
    story,
    users,
)
from storyladder.cli.context import AppState
from storyladder.cli.output import errors
from storyladder.errors import StoryladderError
from storyladder.store import location


class Group(TyperGroup):
    """Turns every StoryladderError into one readable line on stderr and exit code 2."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except StoryladderError as err:
            errors().print(Text("error: ", style="red") + Text(str(err)))
            raise typer.Exit(2) from None
        finally:
            if isinstance(ctx.obj, AppState):
                ctx.obj.close()


app = typer.Typer(
    cls=Group,
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    help="Prepare true stories for behavioral and values interviews, offline.",
)
app.add_typer(story.app, name="story")
app.add_typer(bank.app, name="bank")
app.command("critique")(critique.critique)
app.command("transcribe")(critique.transcribe)
app.command("debrief")(debrief.debrief)
app.command("match")(match.match)
app.command("ladder")(practice.ladder)
app.command("drill")(practice.drill)
app.command("mock")(practice.mock)
app.add_typer(practice.sessions_app, name="sessions")
app.command("serve")(serve.serve)
app.add_typer(users.app, name="users")
app.command("plan")(prepare.plan)
app.command("today")(prepare.today)
app.command("progress")(prepare.progress)
app.add_typer(prepare.export_app, name="export")
app.command("phrases")(prepare.phrases)
app.command("quiz")(prepare.quiz)
app.add_typer(config.app, name="config")
app.command("mine")(config.mine)
app.command("mcp")(config.mcp)
app.command("demo")(demo.demo)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"storyladder {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    home: Annotated[
        Path | None,
        typer.Option(
            help="Folder for your data (default: $STORYLADDER_HOME or the user data dir)."
        ),
    ] = None,
    db: Annotated[
        str | None,
        typer.Option(help="Database URL (default: $STORYLADDER_DATABASE_URL or SQLite in HOME)."),
    ] = None,
    version: Annotated[  # noqa: ARG001 (handled by its eager callback)
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    ctx.obj = AppState(home=location.home(home), db=db)


def run() -> None:
    app()
