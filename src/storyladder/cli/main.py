"""The `storyladder` command: global options, error handling, and the command groups."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup, TyperOption

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


class _LightOption(TyperOption):
    """An option left out, such as `--home`, `--db` or a group's `--help`: typer builds a
    pydantic adapter to coerce even a missing value, importing pydantic (about 60 ms) to
    print `story add --help`. A missing single value coerces to None anyway, so it is
    handled here as typer handles it, without the adapter."""

    def process_value(self, ctx: Any, value: Any) -> Any:
        if value is not None or self.multiple or self.nargs != 1 or self.required:
            return super().process_value(ctx, value)
        return self.callback(ctx, self, None) if self.callback is not None else None


def _light(params: list[Any]) -> list[Any]:
    for param in params:
        if type(param) is TyperOption:
            param.__class__ = _LightOption  # same fields, one method changed
    return params


class _LightGroup(TyperGroup):
    """A command group whose missing options are coerced without pydantic (`_LightOption`)."""

    def get_params(self, ctx: Any) -> list[Any]:
        return _light(super().get_params(ctx))

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name, command, rest = super().resolve_command(ctx, args)
        if type(command) is TyperGroup:
            command.__class__ = _LightGroup  # a subgroup (`story`) on the way to a `--help`
        return name, command, rest


class Group(_LightGroup):
    """Turns every StoryladderError into one readable line on stderr and exit code 2."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except StoryladderError as err:
            from rich.text import Text

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
