"""`storyladder story ...`: write, read, revise and recover single stories."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from storyladder.cli.context import state
from storyladder.cli.editor import edit_story, template
from storyladder.cli.ids import RemovedStoryId, StoryId
from storyladder.cli.output import Format, OutputFormat, console, print_json, read_input
from storyladder.errors import Conflict, InputError
from storyladder.store.recovery import keep, saving

if TYPE_CHECKING:
    from storyladder.model import Story

app = typer.Typer(no_args_is_help=True, help="Write, read, revise and recover stories.")

WIDE_TERMINAL = 110  # columns from which `story list` shows every column at full width

FromFile = Annotated[
    Path | None, typer.Option("--from", help="Read the story file from here ('-' for stdin).")
]


def _read_file(path: Path) -> Story:
    from storyladder.formats import markdown

    text, source = read_input(path)
    return markdown.parse(text, source)


@app.command("add")
def story_add(ctx: typer.Context, from_file: FromFile = None) -> None:
    """Add a story, written in $EDITOR (or read with --from FILE).

    Example: storyladder story add --from rollback.md
    """
    from rich.text import Text

    from storyladder.formats import markdown

    st = state(ctx)
    story = _read_file(from_file) if from_file else edit_story(template(), st.home)
    with saving(st.home, markdown.dump(story)):
        record = st.repo().add(story)
    console().print(f"Added '{record.story.id}' (revision {record.revision}).")
    console().print(
        Text(
            f"Next: see what an interviewer would hear with 'storyladder bank check', "
            f"or climb its ladder with 'storyladder ladder {record.story.id}'.",
            style="dim",
        )
    )


@app.command("edit")
def story_edit(ctx: typer.Context, story_id: StoryId, from_file: FromFile = None) -> None:
    """Edit a story in $EDITOR (or replace it --from FILE); the old text stays in history.

    Example: storyladder story edit rollback-migration
    """
    from storyladder.formats import markdown

    st = state(ctx)
    repo = st.repo()
    record = repo.get(story_id)
    if from_file:
        story = _read_file(from_file)
    else:
        story = edit_story(markdown.dump(record.story), st.home)
    if story.id != story_id:
        raise InputError(
            f"the id changed from '{story_id}' to '{story.id}'; ids cannot change in an edit "
            "(add it as a new story instead)"
        )
    try:
        with saving(st.home, markdown.dump(story)):
            saved = repo.save(story, base_revision=record.revision)
    except Conflict as conflict:
        kept = keep(st.home, markdown.dump(story))
        raise InputError(_conflict_message(conflict, kept)) from None
    if saved.revision == record.revision:
        console().print(f"No changes to '{story_id}'.")
    else:
        console().print(f"Saved '{story_id}' as revision {saved.revision}.")


def _conflict_message(conflict: Conflict, kept: Path) -> str:
    import difflib

    from storyladder.formats import markdown

    theirs = markdown.dump(conflict.theirs).splitlines()
    yours = markdown.dump(conflict.yours).splitlines()
    diff = "\n".join(
        difflib.unified_diff(
            theirs, yours, f"bank (revision {conflict.current})", "yours", lineterm=""
        )
    )
    return f"{conflict}\nyour version is kept in {kept}\n{diff}"


@app.command("list")
def story_list(ctx: typer.Context, fmt: Format = OutputFormat.text) -> None:
    """List the stories in the bank.

    Example: storyladder story list --format json
    """
    from rich import box
    from rich.table import Table

    from storyladder.model import LEVELS, ladder_depth

    records = state(ctx).repo().list()
    if fmt == "json":
        print_json(
            [
                {
                    "id": r.story.id,
                    "title": r.story.title,
                    "categories": list(r.story.categories),
                    "ladder_depth": ladder_depth(r.story),
                    "revision": r.revision,
                    "updated_at": r.updated_at.isoformat(),
                }
                for r in records
            ]
        )
        return
    if not records:
        console().print(
            "The bank is empty. Add a story with 'storyladder story add', "
            "or try 'storyladder demo'."
        )
        return
    out = console()
    wide = out.width >= WIDE_TERMINAL  # narrower: no date column, no bar, lighter borders
    table = Table(
        title=f"{len(records)} stories (aim for 8-12)", box=box.HEAVY_HEAD if wide else box.SIMPLE
    )
    table.add_column("id", no_wrap=True)  # what the user types: never cut
    table.add_column("title", ratio=1, min_width=16, overflow="fold")
    table.add_column("categories", min_width=10, overflow="fold")
    table.add_column("ladder", no_wrap=True)
    if wide:
        table.add_column("updated", no_wrap=True)
    for r in records:
        depth = ladder_depth(r.story)
        bar = f"{'█' * depth}{'·' * (len(LEVELS) - depth)} " if wide else ""
        row = [r.story.id, r.story.title, ", ".join(r.story.categories), f"{bar}{depth}/6"]
        if wide:
            row.append(r.updated_at.strftime("%Y-%m-%d %H:%M"))
        table.add_row(*row)
    out.print(table)


@app.command("show")
def story_show(
    ctx: typer.Context,
    story_id: StoryId,
    revision: Annotated[int | None, typer.Option(help="Show this old revision.")] = None,
    fmt: Format = OutputFormat.text,
) -> None:
    """Show a story as its Markdown file (or JSON).

    Example: storyladder story show rollback-migration --revision 2
    """
    from storyladder.formats import markdown

    repo = state(ctx).repo()
    story = repo.revision(story_id, revision) if revision else repo.get(story_id).story
    if fmt == "json":
        print_json(story.to_dict())
    else:
        typer.echo(markdown.dump(story), nl=False)


@app.command("rm")
def story_rm(
    ctx: typer.Context,
    story_id: StoryId,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Remove a story from the bank (its history stays; `restore` brings it back).

    Example: storyladder story rm thin-story --yes
    """
    repo = state(ctx).repo()
    record = repo.get(story_id)
    if not yes and not typer.confirm(f"Remove '{record.story.title}'?", default=False):
        raise typer.Exit(1)
    repo.remove(story_id)
    console().print(f"Removed '{story_id}'. Undo with: storyladder story restore {story_id}")


@app.command("history")
def story_history(ctx: typer.Context, story_id: StoryId, fmt: Format = OutputFormat.text) -> None:
    """List every saved revision of a story, newest first.

    Example: storyladder story history rollback-migration
    """
    from rich.table import Table

    revisions = state(ctx).repo().history(story_id)
    if fmt == "json":
        print_json(
            [
                {
                    "revision": r.revision,
                    "action": r.action,
                    "title": r.title,
                    "saved_at": r.saved_at.isoformat(),
                }
                for r in revisions
            ]
        )
        return
    table = Table(title=f"history of {story_id}")
    for column in ("revision", "action", "saved", "title"):
        table.add_column(column, overflow="fold")
    for r in revisions:
        table.add_row(str(r.revision), r.action, r.saved_at.strftime("%Y-%m-%d %H:%M:%S"), r.title)
    console().print(table)


@app.command("restore")
def story_restore(
    ctx: typer.Context,
    story_id: RemovedStoryId,
    revision: Annotated[
        int | None, typer.Argument(help="Revision to bring back (default: latest).")
    ] = None,
) -> None:
    """Bring back an old revision (or a removed story) as the newest revision.

    Example: storyladder story restore rollback-migration 3
    """
    record = state(ctx).repo().restore(story_id, revision)
    console().print(f"Restored '{story_id}' as revision {record.revision}.")
