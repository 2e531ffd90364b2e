"""How the CLI talks: Rich consoles for people, plain JSON for programs."""

from __future__ import annotations

import json
import sys
from typing import Any

from rich.console import Console


def console() -> Console:
    """Standard output for people (made per use, so it follows the terminal's current size)."""
    return Console(highlight=False)


def errors() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def warn(message: str) -> None:
    errors().print(f"[yellow]{message}[/yellow]", markup=True)
