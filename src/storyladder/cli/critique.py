"""`storyladder critique`: what a values interviewer would hear in one answer."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table
from rich.text import Text

from storyladder.cli.output import Format, OutputFormat, console, print_json, read_input
from storyladder.errors import InputError

if TYPE_CHECKING:
    from storyladder.model import Critique

COLOURS = {
    "situation": "cyan",
    "task": "blue",
    "action": "green",
    "result": "yellow",
    "learning": "magenta",
    "other": "white",
}
SEVERITY = {"high": "red", "medium": "yellow", "low": "dim"}


def _read_answer(path: Path | None) -> str:
    text, source = read_input(path)
    if not text.strip():
        raise InputError(f"{source}: the answer is empty: there is nothing to critique")
    return text


def critique(
    file: Annotated[
        Path | None, typer.Argument(help="The answer as a text file; '-' or nothing for stdin.")
    ] = None,
    question: Annotated[str | None, typer.Option(help="The question that was asked.")] = None,
    company: Annotated[
        str, typer.Option(help="generic, anthropic, amazon, google, meta, openai or palantir.")
    ] = "generic",
    fmt: Format = OutputFormat.text,
    wpm: Annotated[int, typer.Option(help="Speaking rate for time estimates.")] = 150,
) -> None:
    """Critique one answer offline: structure, checks, flags with evidence, scores, follow-ups.

    Example: storyladder critique answer.txt --question "Your worst failure?" --company anthropic
    """
    from storyladder.coach.critique import critique as run_critique

    result = run_critique(_read_answer(file), question=question, company=company, wpm=wpm)
    if fmt == "json":
        print_json(result.to_dict())
    else:
        show(result)


def show(c: Critique) -> None:
    out = console()
    q = c.question or "(no question given)"
    out.print(Text(f"Question: {q}", style="bold"))
    out.print(
        f"family: {c.family or '-'}   framing: {c.pattern or '-'}   company: {c.company}   "
        f"{c.words} words, about {c.seconds / 60:.1f} min\n"
    )
    answer = Text()
    for s in c.sentences:
        answer.append(f"[{s.component[:3].upper()}] ", style=f"bold {COLOURS[s.component]}")
        answer.append(s.text + "\n", style=COLOURS[s.component])
    out.print(answer)
    shares = "   ".join(
        f"{name} {v['share']:.0%} ({v['seconds']:.0f}s)"
        for name, v in c.components.items()
        if v["share"]
    )
    out.print(Text(shares, style="dim"))
    out.print()
    checks = Table(title="Checks", show_header=False, box=None)
    for check in c.checks:
        mark = Text("✓", style="green") if check.passed else Text("✗", style="red")
        checks.add_row(mark, check.id, check.detail)
    out.print(checks)
    out.print(Text("\nFlags", style="bold"))
    if not c.flags:
        out.print("  none")
    for flag in c.flags:
        out.print(Text(f"  {flag.id} ({flag.severity})", style=SEVERITY[flag.severity]))
        for span in flag.evidence[:3]:
            quote = span.text if len(span.text) <= 140 else span.text[:137] + "..."
            out.print(Text(f'      "{quote}"', style="italic"))
        out.print(Text(f"      ask yourself: {flag.advice}"))
    out.print(Text("\nScores", style="bold"))
    out.print("  " + "   ".join(f"{k} {v}" for k, v in c.scores.items()))
    shown = [s.id for s in c.behaviours if s.shown]
    if c.company == "anthropic":
        out.print(Text(f"  Anthropic behaviours shown: {', '.join(shown) or 'none'}", style="dim"))
    out.print(Text("\nFollow-ups to prepare", style="bold"))
    for f in c.follow_ups:
        out.print(f"  {f.level}: {f.question}")
