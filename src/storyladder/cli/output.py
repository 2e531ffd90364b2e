"""How the CLI talks: Rich consoles for people, plain JSON for programs."""

from __future__ import annotations

import json
import stat
import sys
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from storyladder.errors import InputError

if TYPE_CHECKING:  # Rich is imported on first output, not to print --help
    from rich.console import Console
    from rich.text import Text


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


Format = Annotated[
    OutputFormat, typer.Option("--format", help="text for people, json for programs.")
]


def read_input(path: Path | None) -> tuple[str, str]:
    """(text, source) of a file, or of stdin for None or '-': UTF-8, not binary, not huge.

    The one input reader of the CLI: a FIFO, a device or a directory is refused before it
    is opened (a FIFO with no writer would wait forever), and no more than one byte past
    the size limit is ever read (/dev/zero or a huge file cannot fill the memory)."""
    from storyladder.formats.bank import MAX_FILE_BYTES, decode

    if path is None or str(path) == "-":
        return decode(sys.stdin.buffer.read(MAX_FILE_BYTES + 1), "<stdin>"), "<stdin>"
    try:
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode):
            kind = "a folder" if stat.S_ISDIR(mode) else "not a regular file"
            raise InputError(f"{path}: {kind}; give a story file")
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as err:
        raise InputError(f"{path}: cannot read: {err.strerror}") from None
    return decode(raw, str(path)), str(path)


# Control characters other than newline and tab: an escape sequence in a story title could
# retitle the window or clear the screen. Each becomes one visible character, so the spans
# of styled text keep their places.
_CONTROL = dict.fromkeys([*range(0, 9), *range(11, 32), *range(127, 160)], "\ufffd")


def terminal_safe(text: str) -> str:
    return text.translate(_CONTROL)


@cache
def _safe_console() -> type[Console]:
    from rich.console import Console
    from rich.text import Text

    class SafeConsole(Console):
        """The one place user text reaches the terminal: never read as Rich markup ("[/]" is
        text), never an escape sequence. Our own styling is applied with Text styles."""

        def render_str(self, text: str, **options: Any) -> Any:
            return super().render_str(terminal_safe(text), **options)

        def print(self, *objects: Any, **options: Any) -> None:
            cleaned = [_safe_text(o) if isinstance(o, Text) else o for o in objects]
            super().print(*cleaned, **options)

    return SafeConsole


def _safe_text(text: Text) -> Text:
    safe = text.copy()
    safe.plain = terminal_safe(text.plain)
    return safe


def console() -> Console:
    """Standard output for people (made per use, so it follows the terminal's current size)."""
    return _safe_console()(highlight=False, markup=False, emoji=False)


def errors() -> Console:
    return _safe_console()(stderr=True, highlight=False, soft_wrap=True, markup=False, emoji=False)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def warn(message: str) -> None:
    from rich.text import Text

    errors().print(Text(message, style="yellow"))
