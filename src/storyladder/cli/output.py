"""How the CLI talks: Rich consoles for people, plain JSON for programs."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from storyladder.errors import InputError


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


Format = Annotated[
    OutputFormat, typer.Option("--format", help="text for people, json for programs.")
]


def read_input(path: Path | None) -> tuple[str, str]:
    """(text, source) of a file, or of stdin for None or '-': UTF-8, not binary, not huge."""
    from storyladder.formats.bank import decode

    if path is None or str(path) == "-":
        raw, source = sys.stdin.buffer.read(), "<stdin>"
    else:
        try:
            raw, source = path.read_bytes(), str(path)
        except OSError as err:
            raise InputError(f"{path}: cannot read: {err.strerror}") from None
    return decode(raw, source), source


def console() -> Console:
    """Standard output for people (made per use, so it follows the terminal's current size)."""
    return Console(highlight=False)


def errors() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def warn(message: str) -> None:
    errors().print(f"[yellow]{message}[/yellow]", markup=True)
