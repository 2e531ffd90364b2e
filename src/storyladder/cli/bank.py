"""`storyladder bank ...`: the whole bank in and out of files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from storyladder.cli.context import state
from storyladder.cli.output import Format, OutputFormat, console, print_json

app = typer.Typer(no_args_is_help=True, help="Import and export the whole bank.")


@app.command("import")
def bank_import(
    ctx: typer.Context,
    path: Annotated[
        Path, typer.Argument(help="A folder of .md story files, one .md, or a .json bank.")
    ],
) -> None:
    """Import stories; every file is checked first and nothing is written if one is bad.

    A story whose id is already in the bank is updated as a new revision.

    Example: storyladder bank import ~/stories
    """
    from storyladder.formats import bank as bank_files

    stories = bank_files.read(path)
    report = state(ctx).repo().import_stories(stories)
    console().print(
        f"Imported {len(stories)} stories: {len(report.created)} new, "
        f"{len(report.updated)} updated, {len(report.unchanged)} unchanged."
    )


@app.command("export")
def bank_export(
    ctx: typer.Context,
    path: Annotated[
        Path, typer.Argument(help="A folder for .md files, or a file ending in .json.")
    ],
) -> None:
    """Export every story: one Markdown file each (SPEC §10), or one JSON document.

    Example: storyladder bank export ~/stories-backup
    """
    from storyladder.formats import bank as bank_files

    stories = [record.story for record in state(ctx).repo().list()]
    written = bank_files.write(stories, path)
    where = path if path.suffix.lower() == ".json" else f"{path}/"
    console().print(f"Exported {len(stories)} stories to {where} ({len(written)} file(s)).")


@app.command("check")
def bank_check(
    ctx: typer.Context,
    company: Annotated[
        str, typer.Option(help="generic, anthropic, amazon, google, meta, openai or palantir.")
    ] = "generic",
    fmt: Format = OutputFormat.text,
) -> None:
    """Am I ready? Readiness per story, coverage, cross-story patterns and what to do next.

    Example: storyladder bank check --company anthropic
    """
    from storyladder.cli.report import show_bank
    from storyladder.coach.bank import check_stored
    from storyladder.parallel import read_stories

    try:
        report = check_stored(state(ctx).repo(), company=company, reader=read_stories)
    except KeyError as err:
        raise typer.BadParameter(str(err.args[0]), param_hint="--company") from None
    if fmt == "json":
        print_json(report.to_dict())
    else:
        show_bank(report)
