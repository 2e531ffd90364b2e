"""`storyladder config`: which model, if any, and whether stories leave the machine."""

from __future__ import annotations

from typing import Annotated

import typer

from storyladder.cli.context import state
from storyladder.cli.output import console

app = typer.Typer(no_args_is_help=True, help="Settings: the optional language model.")


@app.command("show")
def config_show(ctx: typer.Context) -> None:
    """Say which model is used (if any) and, plainly, whether stories leave the machine.

    Example: storyladder config show
    """
    from storyladder.llm.config import SETTING, effective, privacy_line

    cfg = effective(state(ctx).repo().get_setting(SETTING))
    out = console()
    out.print(
        f"model: {cfg.provider}"
        + (f" {cfg.model}" if cfg.model else "")
        + (f" at {cfg.base_url}" if cfg.base_url else "")
    )
    out.print(privacy_line(cfg))


@app.command("set")
def config_set(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The setting: model.")],
    value: Annotated[
        str, typer.Argument(help="none, anthropic:MODEL, openai:MODEL or local:/path/model.gguf")
    ],
    base_url: Annotated[
        str | None,
        typer.Option(help="Endpoint for an OpenAI-compatible server (Ollama, vLLM, llama.cpp)."),
    ] = None,
) -> None:
    """Set the model. Keys come from the environment or the OS keyring, never from here.

    Example: storyladder config set model openai:llama3 --base-url http://127.0.0.1:11434/v1
    """
    from storyladder.errors import InputError
    from storyladder.llm.config import SETTING, parse, privacy_line

    if name != "model":
        raise InputError(f"unknown setting '{name}'; allowed: model")
    cfg = parse(value, base_url)
    state(ctx).repo().set_setting(SETTING, cfg.to_dict())
    console().print(f"model set to {value}. {privacy_line(cfg)}")


def mine(
    ctx: typer.Context,
    notes: Annotated[str, typer.Argument(help="A file of rough notes about one experience.")],
) -> None:
    """Questions that help you remember the details of rough notes (never a written story).

    Needs a configured model; the offline coach has nothing to add to notes.

    Example: storyladder mine notes.txt
    """
    from pathlib import Path

    from storyladder.cli.output import read_input
    from storyladder.errors import ConfigError
    from storyladder.llm.config import SETTING, effective, provider_for
    from storyladder.llm.helpers import mine as ask
    from storyladder.llm.resilient import Outcome

    provider = provider_for(effective(state(ctx).repo().get_setting(SETTING)))
    if provider is None:
        raise ConfigError("story mining needs a model: storyladder config set model ...")
    text, _ = read_input(Path(notes))
    outcome = Outcome()
    questions = ask(provider, text, outcome)
    out = console()
    for notice in outcome.notices:
        out.print(f"note: {notice}")
    if not questions:
        out.print("The model gave no usable questions; try again, or answer the ladder probes.")
        return
    for q in questions:
        out.print(f"- {q}")


def mcp(
    ctx: typer.Context,
    allow_write: Annotated[
        bool, typer.Option("--allow-write", help="Also expose save_story.")
    ] = False,
) -> None:
    """Serve the bank and the coach to an MCP client (an AI assistant) over stdio.

    Example: storyladder mcp
    """
    from storyladder.mcp_server import build_server

    build_server(state(ctx).repo(), allow_write=allow_write).run()
