"""`storyladder match`: which of my stories answers this question best, and why."""

from __future__ import annotations

from typing import Annotated

import typer

from storyladder.cli.context import state
from storyladder.cli.output import Format, OutputFormat, console, print_json
from storyladder.errors import InputError


def match(
    ctx: typer.Context,
    question: Annotated[str, typer.Argument(help="The interview question, in any wording.")],
    limit: Annotated[int, typer.Option(help="How many stories to show.")] = 5,
    fmt: Format = OutputFormat.text,
) -> None:
    """Rank the bank's stories for a question, with the reasons for each.

    Example: storyladder match "When did you push back on your manager?"
    """
    from rich.text import Text

    from storyladder.coach.bank import match_stored

    if not question.strip():
        raise InputError("the question is empty")
    result = match_stored(state(ctx).repo(), question, limit=max(limit, 1))
    if fmt == "json":
        print_json(result.to_dict())
        return
    out = console()
    q = result.question
    out.print(Text(f"{q.text}", style="bold"))
    out.print(f"family: {q.family or '-'}   framing: {q.pattern or '-'}\n")
    if not result.stories:
        out.print("The bank is empty: add stories first (storyladder story add).")
    for n, m in enumerate(result.stories, 1):
        out.print(Text(f"{n}. {m.title} ({m.story_id})  score {m.score:.1f}", style="bold"))
        for reason in m.reasons:
            out.print(f"     - {reason}")
