"""Write a story in $EDITOR, like `git commit`: invalid text reopens or is kept, never lost."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from storyladder.cli.output import errors
from storyladder.errors import InputError, StoryInvalid
from storyladder.store.recovery import keep

if TYPE_CHECKING:
    from storyladder.model import Story

HINT = re.compile(r"^<!-- storyladder: .*-->[ \t]*\n?", re.MULTILINE)


def template() -> str:
    """The new-story template, naming the values each field allows, so the first save works."""
    from storyladder import taxonomy
    from storyladder.model import PARTS, RELATIONS, SELF_PARTS

    categories = " | ".join(c.id for c in taxonomy.load().categories)
    return (
        f"""---
title: ""
when: ""              # e.g. 2024-03, or "spring 2024"
categories: []        # one or more of: {categories}
families: []          # optional: storyladder question families, e.g. failure/recovery
competencies: []      # optional, e.g. amazon/ownership
self_part:            # {" | ".join(SELF_PARTS)}
people: []            # - {{name: ..., relation: {"|".join(RELATIONS)}, part: {"|".join(PARTS)}}}
metrics: []           # - {{text: ..., defensible: true, source: ...}}
emotions: []
---
"""
        + _BODY
    )


_BODY = """
## Situation
<!-- storyladder: when and where; how you felt at the time; what was at stake -->

## Task
<!-- storyladder: what was yours to do; why it mattered, and to whom -->

## Action
<!-- storyladder: what you did, with "I"; what you considered and rejected, and why -->

## Result
<!-- storyladder: what happened; what it cost; what you did not expect -->

## Learning
<!-- storyladder: what you do differently now -->

## Ladder

### Surface
<!-- storyladder: the story in three sentences, when asked the plain question -->

### Context
<!-- storyladder: the forces at play: people, constraints, timeline -->

### Decision
<!-- storyladder: what you decided and why; the alternatives -->

### Tradeoff
<!-- storyladder: what you gave up; who paid for it -->

### Meta-reflection
<!-- storyladder: what it taught you about yourself: a pattern or blind spot -->

### Worldview
<!-- storyladder: the principle you now carry into such situations -->
"""


def strip_hints(text: str) -> str:
    return HINT.sub("", text)


def run_editor(text: str) -> str:
    """Open $VISUAL or $EDITOR (else vi) on `text` in a temporary .md file; return the result."""
    command = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    fd, name = tempfile.mkstemp(prefix="storyladder-", suffix=".md")
    path = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        try:
            done = subprocess.run([*shlex.split(command), str(path)], check=False)
        except OSError as err:
            raise InputError(
                f"cannot start the editor '{command}': {err.strerror}; "
                "set $EDITOR or use --from FILE"
            ) from None
        if done.returncode != 0:
            raise InputError(
                f"the editor '{command}' exited with {done.returncode}; nothing was saved"
            )
        return path.read_text(encoding="utf-8")
    finally:
        path.unlink(missing_ok=True)


def edit_story(initial: str, home: Path) -> Story:
    """Open the editor until the text parses; if the user gives up, keep the text in a file."""
    from rich.text import Text

    from storyladder.formats import markdown

    text = initial
    while True:
        edited = run_editor(text)
        if strip_hints(edited).strip() == strip_hints(initial).strip():
            raise InputError("nothing changed; nothing was saved")
        try:
            return markdown.parse(strip_hints(edited), "<editor>")
        except StoryInvalid as err:
            errors().print(Text("The story has problems:", style="red"))
            for problem in err.problems:
                errors().print(f"  {problem}")
            text = edited
            if sys.stdin.isatty() and typer.confirm("Reopen the editor to fix them?", default=True):
                continue
            kept = keep(home, edited)
            raise InputError(
                f"nothing was saved; your text is kept in {kept} (fix it, then use --from {kept})"
            ) from None
